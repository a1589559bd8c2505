package main

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ContentSecurityPolicy is sent with every response. See the package comment
// for why frame-ancestors is open.
const ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data:; " +
	"connect-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"frame-ancestors *"

// contentTypes fixes the types that matter instead of relying on the host's
// /etc/mime.types: .wasm must be application/wasm for instantiateStreaming.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/plain; charset=utf-8",
}

// encodings lists the precompressed variants we look for, best first.
var encodings = []struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// hashedName matches a file name with a content hash before its extension.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{10}\.[a-z]+$`)

// maxRanges is the most parts a Range request may ask for.
const maxRanges = 4

// Handler serves the files of root. A request for a folder serves its
// index.html; foo.wasm is answered with foo.wasm.br or foo.wasm.gz when the
// client accepts that encoding and the variant exists.
func Handler(root fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")

		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}

		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		} else if st, err := fs.Stat(root, name); err == nil && st.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			name = path.Join(name, "index.html")
		}
		// The compressed variants are an implementation detail: never serve them by name.
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			http.NotFound(w, r)
			return
		}

		// embed.js is loaded as a module script by insurers' pages: a CORS request.
		if name == "embed.js" {
			h.Set("Access-Control-Allow-Origin", "*")
		}

		ext := path.Ext(name)
		ctype, ok := contentTypes[ext]
		if !ok {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)

		// Files with a content-hashed name (app.0123456789.js: scripts/finish-site.mjs) and
		// data fetched with ?v=<data version> never change under that URL. Everything else
		// (the pages, the service worker, embed.js, honoraria.js) is revalidated.
		if (hashedName.MatchString(name) || r.URL.Query().Get("v") != "") && ext != ".html" {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}

		// A request for many ranges costs more than the file (each part has its own
		// headers): beyond a few, the Range header is ignored and the file served whole,
		// as RFC 9110 allows.
		if rg := r.Header.Get("Range"); strings.Count(rg, ",") >= maxRanges {
			r.Header.Del("Range")
		}

		h.Add("Vary", "Accept-Encoding")
		for _, enc := range encodings {
			if !accepts(r.Header.Get("Accept-Encoding"), enc.name) {
				continue
			}
			if serveFile(w, r, root, name+enc.ext, enc.name) {
				return
			}
		}
		if !serveFile(w, r, root, name, "") {
			h.Del("Content-Type")
			h.Del("Cache-Control")
			http.NotFound(w, r)
		}
	})
}

// serveFile serves one file of root and reports whether it existed.
func serveFile(w http.ResponseWriter, r *http.Request, root fs.FS, name, encoding string) bool {
	f, err := root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return false
	}
	if encoding != "" {
		w.Header().Set("Content-Encoding", encoding)
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(f)
		if err != nil {
			if encoding != "" {
				w.Header().Del("Content-Encoding")
			}
			return false
		}
		content = bytes.NewReader(b)
	}
	// The ETag names the variant so caches never mix encodings.
	w.Header().Set("ETag", `"`+st.ModTime().UTC().Format("20060102150405.000000000")+"-"+strconv.FormatInt(st.Size(), 10)+encoding+`"`)
	http.ServeContent(w, r, "", st.ModTime().Truncate(time.Second), content)
	return true
}

// accepts reports whether an Accept-Encoding header admits enc with a
// non-zero quality.
func accepts(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(token), enc) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return false
}
