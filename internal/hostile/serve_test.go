package hostile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
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
	mutate func(e *env)
	stop   syscall.Signal // how the server is stopped; SIGINT when 0
	check  func(e *env, s *server)
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
			s := e.serve()
			if c.check != nil {
				c.check(e, s)
			}
			sig := c.stop
			if sig == 0 {
				sig = syscall.SIGINT
			}
			r := s.stop(sig)
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

// server is a running "microsite serve --port 0".
type server struct {
	e    *env
	cmd  *exec.Cmd
	addr string // 127.0.0.1:PORT, from the line it prints
	port string
	out  *watchedBuffer
	errs bytes.Buffer
	done chan struct{}
}

// serveURL is how serve says where it serves.
var serveURL = regexp.MustCompile(`http://(127\.0\.0\.1:([0-9]+))/`)

// serve starts the server and waits for its address.
func (e *env) serve() *server {
	e.t.Helper()
	s := &server{e: e, out: &watchedBuffer{found: make(chan string, 1)}, done: make(chan struct{})}
	s.cmd = exec.Command(bin, "serve", "--port", "0")
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
	r := &result{args: []string{"serve", "--port", "0"}, code: s.cmd.ProcessState.ExitCode(), stdout: s.out.String(), stderr: s.errs.String()}
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
	conn, err := net.DialTimeout("tcp", s.addr, 10*time.Second)
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
