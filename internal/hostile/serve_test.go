package hostile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// scase is a case against a running "microsite serve --port 0".
type scase struct {
	name   string
	defect int
	flags  []string // more flags, after "serve --port 0"
	mutate func(e *env)
	stop   syscall.Signal // how the server is stopped; SIGINT when 0
	check  func(e *env, s *server)
	// stopped checks what the server printed, once it has stopped.
	stopped func(e *env, s *server, r *result)
}

// TestServe: the preview server over real HTTP: traversal in every
// encoding, open redirects, Host headers of other names (DNS rebinding),
// and its temporary folder removed however it is stopped.
func TestServe(t *testing.T) {
	// sameOrigin: whatever the answer, no secret in it, and a redirect
	// stays on the server's own origin, as a browser reads the Location.
	sameOrigin := func(target string) func(e *env, s *server) {
		return func(e *env, s *server) {
			r := s.get(target)
			e.noOutsideData("GET "+target, []byte(r.body))
			if r.status < 300 || r.status > 399 {
				return
			}
			loc := r.header.Get("Location")
			u, err := url.Parse("http://" + s.addr + "/")
			if err == nil {
				u, err = u.Parse(loc)
			}
			browser := strings.ReplaceAll(loc, `\`, "/") // browsers read \ as /
			if err != nil || u.Host != s.addr || strings.HasPrefix(browser, "//") || strings.Contains(browser, "://") {
				e.t.Errorf("GET %s: %d, Location %q: a redirect off the server's origin", target, r.status, loc)
			}
		}
	}
	// notFound: a path that is not a file of the site is not found, and
	// nothing from outside the site is sent.
	notFound := func(target string) func(e *env, s *server) {
		return func(e *env, s *server) {
			r := s.get(target)
			e.noOutsideData("GET "+target, []byte(r.body))
			if r.status != http.StatusNotFound && r.status != http.StatusBadRequest {
				e.t.Errorf("GET %s: %d, want 404 or 400", target, r.status)
			}
		}
	}
	// status: GET target with the Host header host answers code.
	status := func(target, host string, code int) func(e *env, s *server) {
		return func(e *env, s *server) {
			if host == "" {
				host = s.addr // as a browser sends it
			}
			host = strings.ReplaceAll(host, "PORT", s.port)
			if r := s.request("GET", target, host); r.status != code {
				e.t.Errorf("GET %s, Host: %s: %d, want %d", target, host, r.status, code)
			}
		}
	}
	lan := networkAddrs(t)
	cases := []scase{
		// The example: 302 Location: //evil.example/../measures/.
		{name: "redirect_encoded_slash", defect: 8, check: sameOrigin("/%2Fevil.example/..%2Fmeasures")},
		{name: "redirect_double_slash", defect: 8, check: sameOrigin("//evil.example/..%2Fmeasures")},
		{name: "redirect_all_encoded", defect: 8, check: sameOrigin("/%2Fevil.example%2F..%2Fmeasures")},
		{name: "redirect_encoded_backslash", check: sameOrigin("/%5Cevil.example/..%2Fmeasures")},
		{name: "redirect_two_encoded_slashes", check: sameOrigin("/%2F%2Fevil.example/..%2F..%2Fmeasures")},
		{name: "redirect_to_folder", check: func(e *env, s *server) {
			sameOrigin("/measures")(e, s)
			r := s.get("/measures")
			loc, _ := url.Parse("http://" + s.addr + "/measures")
			if loc != nil {
				loc, _ = loc.Parse(r.header.Get("Location"))
			}
			if r.status < 300 || r.status > 399 || loc == nil || loc.Path != "/measures/" {
				e.t.Errorf("GET /measures: %d, Location %q; want a redirect to /measures/", r.status, r.header.Get("Location"))
			}
		}},

		{name: "host_of_another_name", defect: 9, check: status("/", "evil.example", http.StatusForbidden)},
		{name: "host_of_another_name_and_port", defect: 9, check: status("/", "evil.example:PORT", http.StatusForbidden)},
		{name: "host_rebinding_to_loopback", defect: 9, check: status("/index.html", "127.0.0.1.nip.io:PORT", http.StatusForbidden)},
		{name: "host_under_localhost", defect: 9, check: status("/", "localhost.evil.example:PORT", http.StatusForbidden)},
		{name: "host_with_another_port", defect: 9, check: status("/", "127.0.0.1:1", http.StatusForbidden)},
		{name: "event_stream_for_another_host", defect: 9, check: status("/__microsite/events", "evil.example:PORT", http.StatusForbidden)},
		{name: "reload_script_for_another_host", defect: 9, check: status("/__microsite/reload.js", "evil.example:PORT", http.StatusForbidden)},
		{name: "loopback_names", check: func(e *env, s *server) {
			for _, host := range []string{"127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT"} {
				status("/", host, http.StatusOK)(e, s)
			}
		}},

		{name: "traversal_dot_dot", check: notFound("/../../../../etc/passwd")},
		{name: "traversal_encoded_slashes", check: notFound("/..%2f..%2f..%2f..%2fetc%2fpasswd")},
		{name: "traversal_encoded_dots", check: notFound("/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd")},
		{name: "traversal_all_encoded", check: notFound("/%2e%2e%2f%2e%2e%2fsecret.txt")},
		{name: "traversal_backslashes", check: notFound("/..%5c..%5csecret.txt")},
		{name: "traversal_from_a_folder", check: notFound("/measures/..%2f..%2f..%2fsecret.txt")},
		{name: "traversal_overlong_dots", check: notFound("/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt")},
		{name: "traversal_doubled_dots", check: notFound("/....//....//secret.txt")},
		{name: "nul_in_path", check: notFound("/index.html%00.txt")},
		{name: "sources_not_served", check: func(e *env, s *server) {
			for _, p := range []string{"/site.toml", "/content/measures/05.md", "/layouts/base.html", "/assets/site.css"} {
				notFound(p)(e, s)
			}
		}},
		{name: "encoded_slash_in_the_site", check: func(e *env, s *server) {
			r := s.get("/measures%2F05.html")
			if r.status != http.StatusOK && r.status != http.StatusNotFound {
				e.t.Errorf("GET /measures%%2F05.html: %d, want 200 or 404", r.status)
			}
		}},
		{name: "post_not_allowed", check: func(e *env, s *server) {
			if r := s.request("POST", "/", s.addr); r.status != http.StatusMethodNotAllowed {
				e.t.Errorf("POST /: %d, want 405", r.status)
			}
		}},

		{name: "stopped_by_sigint", stop: syscall.SIGINT},
		{name: "stopped_by_sigterm", stop: syscall.SIGTERM},
		// The terminal closed: the temporary folder went with the process.
		{name: "stopped_by_sighup", stop: syscall.SIGHUP, defect: 13},

		{name: "broken_measure_shown", mutate: func(e *env) { e.setLine(m05, numberLine, "number = 0") }, check: func(e *env, s *server) {
			r := s.get("/")
			if r.status != http.StatusInternalServerError || !holds(r.body, at(m05, numberLine)) {
				e.t.Errorf("GET /: %d, want 500 and a page naming %s:\n%s", r.status, at(m05, numberLine), clip(r.body))
			}
		}},
		// serve --bind (issue 14): a preview opened to the office network on
		// purpose, to look at it on a phone. It answers at this computer's
		// addresses, names them, and still to no other name: a page of
		// another site must not read it through a name of its own.
		{name: "bind_all_addresses", flags: []string{"--bind", "0.0.0.0"}, check: func(e *env, s *server) {
			for _, host := range []string{"127.0.0.1:PORT", "localhost:PORT"} {
				status("/", host, http.StatusOK)(e, s)
			}
			for _, host := range []string{"evil.example:PORT", "127.0.0.1.nip.io:PORT", "0.0.0.0:PORT", "localhost.evil.example:PORT"} {
				status("/", host, http.StatusForbidden)(e, s)
			}
			for _, a := range lan {
				at := net.JoinHostPort(a, s.port)
				if r := s.requestAt(at, "GET", "/measures/05.html", at); r.status != http.StatusOK {
					e.t.Errorf("GET http://%s/measures/05.html: %d, want 200", at, r.status)
				}
				for _, host := range []string{"evil.example:" + s.port, a + ".nip.io:" + s.port} {
					if r := s.requestAt(at, "GET", "/", host); r.status != http.StatusForbidden {
						e.t.Errorf("GET http://%s/, Host: %s: %d, want 403", at, host, r.status)
					}
				}
			}
		}, stopped: func(e *env, s *server, r *result) {
			for _, a := range lan { // the addresses to open on the phone
				if at := "http://" + net.JoinHostPort(a, s.port) + "/"; !holds(r.stderr, at) {
					e.t.Errorf("stderr does not name %s", at)
				}
			}
			if holds(r.output(), "http://0.0.0.0:") {
				e.t.Errorf("it names http://0.0.0.0:…, which no browser may open (the Host check refuses it)")
			}
		}},
		{name: "bind_one_address", flags: []string{"--bind", first(lan)}, mutate: func(e *env) {
			if len(lan) == 0 {
				e.t.Skip("this computer has no address but loopback ones")
			}
		}, check: func(e *env, s *server) {
			status("/", first(lan)+":PORT", http.StatusOK)(e, s)
			status("/", "evil.example:PORT", http.StatusForbidden)(e, s)
			status("/", first(lan)+".nip.io:PORT", http.StatusForbidden)(e, s)
			// Bound to that address only: not reached at the others.
			if conn, err := net.DialTimeout("tcp", "127.0.0.1:"+s.port, 5*time.Second); err == nil {
				conn.Close()
				e.t.Errorf("bound to %s, it is reached at 127.0.0.1:%s too", first(lan), s.port)
			}
		}, stopped: func(e *env, s *server, r *result) {
			if at := "http://" + s.addr + "/"; !holds(r.stderr, at) {
				e.t.Errorf("stderr does not name %s", at)
			}
		}},

		// The build behind serve met them too, though its watcher ignores them.
		{name: "editor_litter_ignored", defect: 7, mutate: func(e *env) {
			e.symlink("editor@host.4242:1700000000", "content/measures/.#05.md")
			e.write("content/measures/._05.md", "\x00\x05\x16\x07")
		}, check: status("/measures/05.html", "", http.StatusOK)},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("two cases named %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			defer tally(t, "serve", c.name, c.defect, "")
			e := newEnv(t)
			e.write("../tmp/secret.txt", canary+"\n") // one folder above the served site's
			if c.mutate != nil {
				c.mutate(e)
			}
			e.own()
			before := snapshot(t, e.root)
			s := e.serve(c.flags...)
			if c.check != nil {
				c.check(e, s)
			}
			sig := c.stop
			if sig == 0 {
				sig = syscall.SIGINT
			}
			r := s.stop(sig)
			if c.stopped != nil {
				c.stopped(e, s, r)
			}
			after := snapshot(t, e.root)
			if r.code != 0 {
				t.Errorf("stopped by %v, it exited with %d, want 0", sig, r.code)
			}
			for _, p := range after.paths() {
				if strings.HasPrefix(p, "tmp/microsite-serve-") && !strings.Contains(p[len("tmp/"):], "/") {
					t.Errorf("stopped by %v, it left its temporary folder %s", sig, p)
				}
			}
			e.invariants(hcase{args: r.args}, r, before, after)
			if t.Failed() {
				t.Logf("microsite %s, stopped by %v\nexit code %d\n%s", strings.Join(r.args, " "), sig, r.code, clip(r.output()))
			}
		})
	}
}

// networkAddrs lists this computer's IPv4 addresses other computers can
// reach it at: neither loopback nor link-local.
func networkAddrs(t *testing.T) []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range addrs {
		if p, err := netip.ParsePrefix(a.String()); err == nil && p.Addr().Is4() && !p.Addr().IsLoopback() && !p.Addr().IsLinkLocalUnicast() {
			out = append(out, p.Addr().String())
		}
	}
	return out
}

// first is the first of list, or "" when it is empty.
func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// server is a running "microsite serve --port 0".
type server struct {
	e    *env
	cmd  *exec.Cmd
	args []string
	addr string // 127.0.0.1:PORT (or the address given to --bind), from the line it prints
	port string
	out  *watchedBuffer
	errs bytes.Buffer
	done chan struct{}
}

// serveURL is how serve says where it serves.
var serveURL = regexp.MustCompile(`http://((?:[0-9]+\.){3}[0-9]+:([0-9]+))/`)

// serve starts the server, with more flags if given, and waits for its
// address.
func (e *env) serve(flags ...string) *server {
	e.t.Helper()
	s := &server{e: e, out: &watchedBuffer{found: make(chan string, 1)}, done: make(chan struct{})}
	s.args = append([]string{"serve", "--port", "0"}, flags...)
	s.cmd = exec.Command(bin, s.args...)
	s.cmd.Dir = e.site
	s.cmd.Env = e.environ(nil)
	s.cmd.SysProcAttr = runAs()
	s.cmd.Stdout = s.out
	s.cmd.Stderr = &s.errs
	if err := s.cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	select {
	case addr := <-s.out.found:
		s.addr = addr
		s.port = addr[strings.LastIndex(addr, ":")+1:]
	case <-s.done:
		e.t.Fatalf("serve exited before serving:\n%s%s", s.out.String(), s.errs.String())
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-s.done
		e.t.Fatalf("serve printed no address in a minute:\n%s%s", s.out.String(), s.errs.String())
	}
	return s
}

// stop sends sig and waits for the server to exit.
func (s *server) stop(sig syscall.Signal) *result {
	s.e.t.Helper()
	s.cmd.Process.Signal(sig)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
		s.e.t.Errorf("still running 30 s after %v", sig)
	}
	r := &result{args: s.args, code: s.cmd.ProcessState.ExitCode(), stdout: s.out.String(), stderr: s.errs.String()}
	return r
}

// response is an HTTP answer, its body read unless it is an event stream.
type response struct {
	status int
	header http.Header
	body   string
}

// get requests target, as written, from the server under its own name.
func (s *server) get(target string) response { return s.request("GET", target, s.addr) }

// request sends a request whose line and Host header are exactly as given,
// which no HTTP client allows.
func (s *server) request(method, target, host string) response {
	s.e.t.Helper()
	return s.requestAt(s.addr, method, target, host)
}

// requestAt is request sent over a connection to addr, one of the
// addresses the server listens on.
func (s *server) requestAt(addr, method, target, host string) response {
	s.e.t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		s.e.t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		s.e.t.Fatalf("%s %s (Host: %s): %v", method, target, host, err)
	}
	r := response{status: resp.StatusCode, header: resp.Header}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return r // it never ends: the connection is closed unread
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		s.e.t.Fatalf("%s %s: %v", method, target, err)
	}
	r.body = string(body)
	return r
}

// watchedBuffer collects the server's output and reports its address, once.
type watchedBuffer struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	found chan string
	sent  bool
}

func (w *watchedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.sent {
		if m := serveURL.FindStringSubmatch(w.buf.String()); m != nil {
			w.found <- m[1]
			w.sent = true
		}
	}
	return len(p), nil
}

func (w *watchedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
