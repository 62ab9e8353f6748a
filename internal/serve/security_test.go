package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// The server's defences, tried over real HTTP on a loopback port with
// requests written byte for byte, as a hostile page or tool would send
// them (Go's client would clean some of them up first).

// raw sends request line target with these headers (a Host header among
// them, or none) and returns the response with its body.
func raw(t testing.TB, s *Server, method, target string, headers ...string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", s.ln.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	req := method + " " + target + " HTTP/1.1\r\n"
	for _, h := range headers {
		req += h + "\r\n"
	}
	req += "Connection: close\r\n\r\n"
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s %q: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// host is the Host header of a request to the server by its address.
func host(s *Server) string { return "Host: " + s.ln.Addr().String() }

func port(s *Server) string {
	_, p, _ := net.SplitHostPort(s.ln.Addr().String())
	return p
}

// TestTraversal asks for files outside the built site every way a path can
// be spelled: none is served. A canary file sits right next to the site, in
// the server's temporary folder, and another next to the sources.
func TestTraversal(t *testing.T) {
	src := srctest.Copy(t, "../..")
	const canary = "CANARY-not-part-of-the-site"
	write(t, filepath.Join(filepath.Dir(src), "canary.txt"), canary)
	s := start(t, Options{Source: src})
	write(t, filepath.Join(s.tmp, "canary.txt"), canary)
	site := read(t, filepath.Join(s.tmp, "site", "index.html")) // the home page, as built
	if _, err := os.Stat(filepath.Join(s.tmp, "site", "..", "canary.txt")); err != nil {
		t.Fatal(err) // the files the requests aim at must exist
	}
	tests := []struct {
		name, target string
		code         int
	}{
		{"dot dot", "/../canary.txt", 404},
		{"dot dots to the sources", "/../../" + filepath.Base(filepath.Dir(src)) + "/canary.txt", 404},
		{"dot dot below a folder", "/measures/../../canary.txt", 404},
		{"many dot dots", "/../../../../../../../../etc/passwd", 404},
		{"encoded dots", "/%2e%2e/canary.txt", 404},
		{"encoded dots, upper case", "/%2E%2E/canary.txt", 404},
		{"encoded slash", "/..%2fcanary.txt", 404},
		{"encoded dots and slash", "/%2e%2e%2fcanary.txt", 404},
		{"encoded slashes below a folder", "/measures%2f..%2f..%2fcanary.txt", 404},
		{"double encoding", "/%252e%252e%252fcanary.txt", 404},
		{"double encoded slash", "/..%252fcanary.txt", 404},
		{"backslashes", `/..\canary.txt`, 404},
		{"encoded backslashes", "/..%5ccanary.txt", 404},
		{"encoded backslashes, upper case", "/%5C..%5Ccanary.txt", 404},
		{"overlong UTF-8 dot", "/%c0%ae%c0%ae/canary.txt", 404},
		{"encoded NUL", "/index.html%00", 404},
		{"encoded NUL before dot dot", "/%00/../canary.txt", 404},
		{"raw NUL", "/index.html\x00.css", 400},
		{"absolute path in the request", "//" + filepath.Join(s.tmp, "canary.txt"), 404},
		{"absolute-form URL", "http://" + s.ln.Addr().String() + "/../canary.txt", 404},
		{"dot segments", "/./.././canary.txt", 404},
		{"four dots", "/..../canary.txt", 404},
		{"semicolon", "/..;/canary.txt", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := raw(t, s, "GET", tt.target, host(s))
			if resp.StatusCode != tt.code {
				t.Errorf("GET %q: status %d, want %d", tt.target, resp.StatusCode, tt.code)
			}
			for _, secret := range []string{canary, "root:x:0:0", "+++"} {
				if strings.Contains(body, secret) {
					t.Errorf("GET %q served %q:\n%.300s", tt.target, secret, body)
				}
			}
		})
	}

	// Encoded slashes inside the site reach the file they spell, as any
	// static web server decodes them; the check above is about leaving it.
	for _, target := range []string{"/measures%2F03.html", "/measures%2f..%2findex.html", "/%2e/index.html"} {
		resp, body := raw(t, s, "GET", target, host(s))
		if resp.StatusCode != 200 || !strings.Contains(body, "<h1") {
			t.Errorf("GET %q: status %d, want the page", target, resp.StatusCode)
		}
	}
	if !strings.Contains(site, "<h1") {
		t.Fatal("the home page has no <h1>: the check above proves nothing")
	}
}

// TestRedirectsStayOnTheServer asks for folders without their final slash,
// spelled to make a naive redirect name another host: every Location is a
// path on this server.
func TestRedirectsStayOnTheServer(t *testing.T) {
	s := start(t, Options{Source: srctest.Copy(t, "../..")})
	tests := []struct{ target, location string }{
		{"/units", "/units/"},
		{"/units?x=1", "/units/?x=1"},
		{"/zh-hans", "/zh-hans/"},
		{"/zh-hans/units", "/zh-hans/units/"},
		{"/./units", "/units/"},
		{"/%2Fevil.example/..%2Fmeasures", "/measures/"},
		{"/%2fevil.example/..%2funits", "/units/"},
		{"//evil.example/../units", "/units/"},
		{"///evil.example/../units", "/units/"},
		{"/%2F%2Fevil.example%2F..%2Funits", "/units/"},
		{`/\evil.example/../units`, "/units/"},
		{"/%5Cevil.example/..%2Funits", "/units/"},
		{"/%5C%5Cevil.example%2F..%2Funits", "/units/"},
		{"/%09/../units", "/units/"},
		{"/https:%2F%2Fevil.example%2F..%2F..%2Funits", "/units/"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			resp, _ := raw(t, s, "GET", tt.target, host(s))
			loc := resp.Header.Get("Location")
			if resp.StatusCode != http.StatusFound || loc != tt.location {
				t.Errorf("GET %q: %d to %q, want a redirect to %q", tt.target, resp.StatusCode, loc, tt.location)
			}
			if u, err := url.Parse(loc); err != nil || u.Scheme != "" || u.Host != "" ||
				!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `/\`) {
				t.Errorf("GET %q: Location %q leaves the server", tt.target, loc)
			}
			// And a browser following it gets the folder's page (measures/
			// has none: the 404 page, from this server).
			want := 200
			if loc == "/measures/" {
				want = 404
			}
			if code, page := get(t, s, loc); code != want || !strings.Contains(page, "<h1") {
				t.Errorf("GET %q after the redirect: %d, want %d", loc, code, want)
			}
		})
	}
}

// TestHostHeader sends requests as a page of another site would after
// pointing its own name at 127.0.0.1 (DNS rebinding): only this computer's
// names and addresses with the port in use are answered, the event stream
// and the reload script included.
func TestHostHeader(t *testing.T) {
	s := start(t, Options{Source: srctest.Copy(t, "../..")})
	p := port(s)
	other := "1"
	if p == "1" {
		other = "2"
	}
	tests := []struct {
		host string // "" sends no Host header (HTTP/1.0)
		code int
	}{
		{"127.0.0.1:" + p, 200},
		{"localhost:" + p, 200},
		{"LocalHost:" + p, 200},
		{"[::1]:" + p, 200},
		{"127.0.0.2:" + p, 200},
		{"[::ffff:127.0.0.1]:" + p, 200},
		{"preview.localhost:" + p, 200},
		{"a.b.localhost:" + p, 200},
		{"evil.example", 403},
		{"evil.example:" + p, 403},
		{"localhost.evil.example:" + p, 403},
		{"evil.example.localhost.:" + p, 403},
		{"localhost.:" + p, 403},
		{"evil_.localhost:" + p, 403},
		{".localhost:" + p, 403},
		{"localhost:" + other, 403},
		{"127.0.0.1:" + other, 403},
		{"localhost", 403},
		{"127.0.0.1", 403},
		{"0.0.0.0:" + p, 403},
		{"192.168.1.1:" + p, 403},
		{"[fe80::1%25lo]:" + p, 403},
		{"localhost@evil.example:" + p, 400}, // refused by net/http itself
		{"", 403},
	}
	for _, tt := range tests {
		for _, path := range []string{"/", "/measures/03.html", scriptPath, eventsPath, "/units"} {
			t.Run(tt.host+path, func(t *testing.T) {
				code := tt.code
				if code == 200 && path == "/units" {
					code = http.StatusFound
				}
				var resp *http.Response
				var body string
				switch {
				case tt.host == "":
					resp, body = rawHTTP10(t, s, path)
				case path == eventsPath: // an answered stream does not end
					resp = stream(t, s, tt.host)
					if resp.StatusCode != 200 {
						b, _ := io.ReadAll(resp.Body)
						body = string(b)
					}
				default:
					resp, body = raw(t, s, "GET", path, "Host: "+tt.host)
				}
				if resp.StatusCode != code {
					t.Errorf("GET %s with Host %q: %d, want %d", path, tt.host, resp.StatusCode, code)
				}
				if code == 403 && (!strings.Contains(body, "only to this computer") || strings.Contains(body, "<h1") || strings.Contains(body, "EventSource")) {
					t.Errorf("GET %s with Host %q: refused with\n%.300s", path, tt.host, body)
				}
			})
		}
	}
}

// rawHTTP10 sends an HTTP/1.0 request, which may lack a Host header.
func rawHTTP10(t testing.TB, s *Server, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", s.ln.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.0\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// stream opens the event stream with the Host header host and returns its
// response once the headers are in; the stream is closed when the test
// ends.
func stream(t testing.TB, s *Server, host string) *http.Response {
	t.Helper()
	conn, err := net.DialTimeout("tcp", s.ln.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", eventsPath, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestHostCheck(t *testing.T) {
	tests := []struct {
		bound string
		host  string
		want  bool
	}{
		{"127.0.0.1:8080", "localhost:8080", true},
		{"127.0.0.1:80", "localhost", true},
		{"127.0.0.1:80", "[::1]", true},
		{"127.0.0.1:80", "localhost:80", true},
		{"127.0.0.1:8080", "localhost", false},
		{"127.0.0.1:8080", "192.168.1.20:8080", false},
		// A preview bound to an address of the network (issue 14's
		// --bind) answers to that address too, and to nothing else.
		{"192.168.1.20:8080", "192.168.1.20:8080", true},
		{"192.168.1.20:8080", "localhost:8080", true},
		{"192.168.1.20:8080", "192.168.1.21:8080", false},
		{"192.168.1.20:8080", "evil.example:8080", false},
		{"[2001:db8::1]:8080", "[2001:db8::1]:8080", true},
		{"0.0.0.0:8080", "0.0.0.0:8080", false},
		// Bound to every address, it answers to each of this computer's
		// (the test's computer has 192.168.1.20, 10.0.0.5 and 2001:db8::5).
		{"0.0.0.0:8080", "192.168.1.20:8080", true},
		{"0.0.0.0:8080", "10.0.0.5:8080", true},
		{"0.0.0.0:8080", "localhost:8080", true},
		{"0.0.0.0:8080", "192.168.1.21:8080", false},
		{"0.0.0.0:8080", "evil.example:8080", false},
		{"[::]:8080", "[2001:db8::5]:8080", true},
		{"[::]:8080", "192.168.1.20:8080", false}, // an IPv6 socket: not reached there
	}
	local := func() []netip.Addr {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.168.1.20"), netip.MustParseAddr("10.0.0.5"), netip.MustParseAddr("2001:db8::5")}
	}
	for _, tt := range tests {
		t.Run(tt.bound+" "+tt.host, func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", tt.bound)
			if err != nil {
				t.Fatal(err)
			}
			bind, _, _ := net.SplitHostPort(tt.bound)
			if got := newHostCheck(addr, bind, local).allows(tt.host); got != tt.want {
				t.Errorf("bound to %s, Host %q: allowed %v, want %v", tt.bound, tt.host, got, tt.want)
			}
		})
	}
}

// TestHostCheckBoundByName: bound by a name of this computer (serve --bind
// pc.example), the preview answers to that name, and tells the editor the
// addresses other computers reach it at.
func TestHostCheckBoundByName(t *testing.T) {
	addr, err := net.ResolveTCPAddr("tcp", "192.168.1.20:8080")
	if err != nil {
		t.Fatal(err)
	}
	h := newHostCheck(addr, "PC.example", func() []netip.Addr { return nil })
	for host, want := range map[string]bool{"pc.example:8080": true, "PC.EXAMPLE:8080": true, "192.168.1.20:8080": true,
		"evil.example:8080": false, "pc.example:80": false, "pc.example.:8080": false} {
		if got := h.allows(host); got != want {
			t.Errorf("Host %q: allowed %v, want %v", host, got, want)
		}
	}
	if got, want := strings.Join(h.exposed(), " "), "http://pc.example:8080/ http://192.168.1.20:8080/"; got != want {
		t.Errorf("exposed %q, want %q", got, want)
	}
	loop, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:8080")
	if got := newHostCheck(loop, "localhost", func() []netip.Addr { return nil }).exposed(); len(got) > 0 {
		t.Errorf("a loopback server is exposed at %q", got)
	}
}
