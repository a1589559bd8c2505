// Command serve serves the built static site (dist/) on localhost, the way a
// well-configured static host would: the right MIME types (application/wasm),
// precompressed .br/.gz variants when the client accepts them, and a strict
// Content-Security-Policy.
//
//	go run ./cmd/serve -dir dist                  # http://127.0.0.1:8080/ (PORT=… to change)
//	go run ./cmd/serve -dir dist -addr 0.0.0.0:8080  # every interface, on purpose
//
// It listens on 127.0.0.1 (this machine only) unless told otherwise: -addr HOST:PORT, or
// the HOST environment variable (HOST=0.0.0.0 for every interface); PORT sets the port
// when -addr is not given. It prints the address it really listens on. Idle keep-alive
// connections are closed after 30 s, slow request headers after 10 s.
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
	addr := flag.String("addr", "", "listen address HOST:PORT (default $HOST:$PORT, or 127.0.0.1:8080)")
	flag.Parse()

	if *addr == "" {
		*addr = defaultAddr(os.Getenv("HOST"), os.Getenv("PORT"))
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
	srv := newServer(Handler(os.DirFS(*dir)))
	// The browser tests read this line to learn the port when -addr ends in :0.
	fmt.Printf("serving %s on http://%s/\n", *dir, displayAddr(ln.Addr()))
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		fmt.Println("(every network interface: reachable from other machines)")
	}

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

// defaultAddr is the listen address without -addr: this machine only, unless HOST says
// otherwise.
func defaultAddr(host, port string) string {
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "8080"
	}
	return net.JoinHostPort(host, port)
}

// newServer sets the timeouts: slow headers, slow bodies and idle keep-alive connections
// are closed instead of held open forever.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // the wasm on a slow link
		IdleTimeout:       30 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// displayAddr is the address the server really listens on (a wildcard address is printed
// as it is, never as "localhost").
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	return net.JoinHostPort(tcp.IP.String(), fmt.Sprint(tcp.Port))
}
