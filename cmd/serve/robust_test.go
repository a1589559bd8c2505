package main

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13.8: this machine only unless told otherwise, and the real address printed.
func TestDefaultAddrIsLocal(t *testing.T) {
	for _, c := range []struct{ host, port, want string }{
		{"", "", "127.0.0.1:8080"},
		{"", "9000", "127.0.0.1:9000"},
		{"0.0.0.0", "", "0.0.0.0:8080"},
		{"::", "8081", "[::]:8081"},
	} {
		assert.Equal(t, c.want, defaultAddr(c.host, c.port), "HOST=%q PORT=%q", c.host, c.port)
	}
	assert.Equal(t, "0.0.0.0:8080", displayAddr(&net.TCPAddr{IP: net.IPv4zero, Port: 8080}), "never printed as localhost")
	assert.Equal(t, "127.0.0.1:8080", displayAddr(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}))
}

// Issue 13.8: idle keep-alive connections and slow headers are closed.
func TestServerTimeouts(t *testing.T) {
	srv := newServer(http.NotFoundHandler())
	assert.Positive(t, srv.IdleTimeout)
	assert.LessOrEqual(t, srv.IdleTimeout, time.Minute)
	assert.Positive(t, srv.ReadHeaderTimeout)
	assert.Positive(t, srv.ReadTimeout)
	assert.Positive(t, srv.MaxHeaderBytes)
}

// Issue 13.8: a Range request for many parts is answered with the whole file, not with a
// multipart answer larger than the file.
func TestRangeLimited(t *testing.T) {
	h := Handler(testSite())
	res := get(t, h, "/app.js", map[string]string{"Range": "bytes=0-1,3-4"})
	assert.Equal(t, http.StatusPartialContent, res.StatusCode, "a few parts are served")
	parts := make([]string, 5000)
	for i := range parts {
		parts[i] = "0-0"
	}
	res = get(t, h, "/app.js", map[string]string{"Range": "bytes=" + strings.Join(parts, ",")})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "export {}", body(t, res))
}
