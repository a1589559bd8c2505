// Command serve serves the built static site (dist/) on localhost, the way a
// well-configured static host would: the right MIME types (application/wasm),
// precompressed .br/.gz variants when the client accepts them, and a strict
// Content-Security-Policy.
//
//	go run ./cmd/serve -dir dist -addr :8080
//
// The PORT environment variable sets the port when -addr is not given.
//
// The policy sent with every response is [ContentSecurityPolicy]. It allows
// only our own origin, plus 'wasm-unsafe-eval' (without it no browser compiles
// WebAssembly). frame-ancestors is deliberately open (*): health insurers embed
// the calculator in an <iframe> on their own pages, and frame-ancestors can only
// be sent as an HTTP header, never in a <meta> element. A deployment that knows
// its embedders should list their origins instead of *.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	dir := flag.String("dir", "dist", "folder to serve (the output of scripts/build-site.sh)")
	addr := flag.String("addr", "", "listen address (default :$PORT, or :8080)")
	flag.Parse()

	if *addr == "" {
		port := os.Getenv("PORT")
		if port == "" {
			port = "8080"
		}
		*addr = ":" + port
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		fmt.Fprintf(os.Stderr, "serve: %s is not a folder; run `make build` (bash scripts/build-site.sh) first\n", *dir)
		os.Exit(2)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "serve: %v\n", err)
		os.Exit(1)
	}
	srv := &http.Server{
		Handler:           Handler(os.DirFS(*dir)),
		ReadHeaderTimeout: 10 * time.Second,
	}
	// The browser tests read this line to learn the port when -addr ends in :0.
	fmt.Printf("serving %s on http://%s/\n", *dir, displayAddr(ln.Addr()))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// displayAddr turns a wildcard listen address into one a browser can open.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := "localhost"
	if !tcp.IP.IsUnspecified() {
		host = tcp.IP.String()
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}
