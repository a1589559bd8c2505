package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testSite() fstest.MapFS {
	return fstest.MapFS{
		"index.html":           {Data: []byte("<!doctype html><title>x</title>")},
		"index.html.br":        {Data: []byte("BR-HTML")},
		"app.js":               {Data: []byte("export {}")},
		"app.js.gz":            {Data: []byte("GZ-JS")},
		"honoraria.wasm":       {Data: []byte("\x00asm-raw")},
		"honoraria.wasm.br":    {Data: []byte("BR-WASM")},
		"honoraria.wasm.gz":    {Data: []byte("GZ-WASM")},
		"manifest.webmanifest": {Data: []byte("{}")},
		"embed/index.html":     {Data: []byte("<!doctype html><title>embed</title>")},
		"styles.css":           {Data: []byte("body{}")},
		"app.0123456789.js":    {Data: []byte("export {}")},
	}
}

func get(t *testing.T, h http.Handler, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b)
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h := Handler(testSite())
	for _, target := range []string{"/", "/app.js", "/honoraria.wasm", "/missing", "/embed/"} {
		res := get(t, h, target, nil)
		csp := res.Header.Get("Content-Security-Policy")
		assert.Equal(t, ContentSecurityPolicy, csp, target)
		assert.Contains(t, csp, "'wasm-unsafe-eval'", target)
		assert.Contains(t, csp, "frame-ancestors *", target)
		assert.NotContains(t, csp, "unsafe-inline", target)
		assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"), target)
	}
}

func TestContentTypes(t *testing.T) {
	h := Handler(testSite())
	cases := map[string]string{
		"/":                     "text/html; charset=utf-8",
		"/index.html":           "text/html; charset=utf-8",
		"/app.js":               "text/javascript; charset=utf-8",
		"/styles.css":           "text/css; charset=utf-8",
		"/honoraria.wasm":       "application/wasm",
		"/manifest.webmanifest": "application/manifest+json",
	}
	for target, want := range cases {
		res := get(t, h, target, nil)
		assert.Equal(t, http.StatusOK, res.StatusCode, target)
		assert.Equal(t, want, res.Header.Get("Content-Type"), target)
	}
}

func TestPrecompressedVariants(t *testing.T) {
	h := Handler(testSite())
	tests := []struct {
		name, target, accept, wantEncoding, wantBody string
	}{
		{"brotli preferred", "/honoraria.wasm", "gzip, deflate, br", "br", "BR-WASM"},
		{"gzip when no brotli", "/honoraria.wasm", "gzip", "gzip", "GZ-WASM"},
		{"brotli refused by q=0", "/honoraria.wasm", "br;q=0, gzip", "gzip", "GZ-WASM"},
		{"identity", "/honoraria.wasm", "", "", "\x00asm-raw"},
		{"only gz variant exists", "/app.js", "br, gzip", "gzip", "GZ-JS"},
		{"index via folder", "/", "br", "br", "BR-HTML"},
		{"no variant", "/styles.css", "br, gzip", "", "body{}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := get(t, h, tc.target, map[string]string{"Accept-Encoding": tc.accept})
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tc.wantEncoding, res.Header.Get("Content-Encoding"))
			assert.Contains(t, res.Header.Values("Vary"), "Accept-Encoding")
			assert.Equal(t, tc.wantBody, body(t, res))
		})
	}
	// The MIME type is the original file's, not the compressed variant's.
	res := get(t, h, "/honoraria.wasm", map[string]string{"Accept-Encoding": "br"})
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
}

func TestCompressedFilesAreNotServedByName(t *testing.T) {
	h := Handler(testSite())
	assert.Equal(t, http.StatusNotFound, get(t, h, "/honoraria.wasm.br", nil).StatusCode)
	assert.Equal(t, http.StatusNotFound, get(t, h, "/app.js.gz", nil).StatusCode)
}

func TestNotFoundAndTraversal(t *testing.T) {
	h := Handler(testSite())
	assert.Equal(t, http.StatusNotFound, get(t, h, "/nope.js", nil).StatusCode)
	res := get(t, h, "/../../etc/passwd", nil)
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
}

func TestFolderRedirectAndIndex(t *testing.T) {
	h := Handler(testSite())
	res := get(t, h, "/embed", nil)
	assert.Equal(t, http.StatusMovedPermanently, res.StatusCode)
	assert.Equal(t, "/embed/", res.Header.Get("Location"))
	res = get(t, h, "/embed/", nil)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, body(t, res), "embed")
}

func TestMethods(t *testing.T) {
	h := Handler(testSite())
	req := httptest.NewRequest(http.MethodPost, "/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)

	req = httptest.NewRequest(http.MethodHead, "/honoraria.wasm", nil)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Empty(t, rec.Body.String())
}

func TestCacheControl(t *testing.T) {
	h := Handler(testSite())
	assert.Equal(t, "no-cache", get(t, h, "/", nil).Header.Get("Cache-Control"))
	assert.Equal(t, "no-cache", get(t, h, "/app.js", nil).Header.Get("Cache-Control"))
	assert.Contains(t, get(t, h, "/app.js?v=abc", nil).Header.Get("Cache-Control"), "immutable")
	assert.Equal(t, "no-cache", get(t, h, "/?v=abc", nil).Header.Get("Cache-Control"))
	// A content-hashed name (scripts/finish-site.mjs) is immutable without a query.
	assert.Contains(t, get(t, h, "/app.0123456789.js", nil).Header.Get("Cache-Control"), "immutable")
}

func TestAccepts(t *testing.T) {
	assert.True(t, accepts("gzip, deflate, br", "br"))
	assert.True(t, accepts("BR", "br"))
	assert.True(t, accepts("br;q=0.5", "br"))
	assert.False(t, accepts("br;q=0", "br"))
	assert.False(t, accepts("gzip", "br"))
	assert.False(t, accepts("", "gzip"))
}

func TestServerEndToEnd(t *testing.T) {
	srv := httptest.NewServer(Handler(testSite()))
	defer srv.Close()
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/honoraria.wasm", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "br")
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
}
