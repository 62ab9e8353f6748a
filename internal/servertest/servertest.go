// Package servertest serves a built site on real web servers — Debian's
// nginx, Apache and lighttpd — configured with the deployment kit's sample
// files (deploy/ at the repository's root) as its comments tell an admin to
// use them, on a loopback port, for tests: the deployment test
// (internal/deploy), and any test that wants the site served "as the kit
// says". (go run ./bench/lighthouse serves it so too, but a command cannot
// import a package that imports "testing": it shares the nginx
// configuration, package nginxconf, instead.)
//
//	srv := servertest.Start(t, servertest.Nginx, siteDir, "/nansha3/")
//	resp, err := http.Get(srv.URL + "measures/03.html")
//
// Start copies the site into a folder of its own and the kit's file beside
// it, with only what an admin changes rewritten: the folder's path, the
// port, the host name. The server runs in the foreground as a child of the
// test and is stopped when the test ends. Where the server is not
// installed the test is skipped — unless MICROSITE_REQUIRE_SERVERS is set
// (CI sets it), in which case it fails: server tests must never silently
// not run in CI. The test itself installs nothing (.ci/run does).
package servertest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// RequireEnv names the environment variable that makes a missing web server
// a test failure instead of a skip.
const RequireEnv = "MICROSITE_REQUIRE_SERVERS"

// SubPath is the folder of another site that the kit's sub-path samples
// serve the site in, as https://www.example.gov.cn/nansha3/.
const SubPath = "/nansha3/"

// A Kit is one way the deployment kit serves the site: a server and its
// sample files.
type Kit struct {
	Name    string // for test names: "nginx", "apache", "apache .htaccess", "lighttpd"
	Program string // the server's command
	// Root and Sub are the sample files, from deploy/, that serve the site
	// at a host's root and in SubPath.
	Root, Sub string
	start     func(s *setup) (*exec.Cmd, error)
	htaccess  bool // the file goes in the site's folder
}

// The kits, one per sample configuration.
var (
	Nginx          = &Kit{Name: "nginx", Program: "nginx", Root: "nginx/nansha3.conf", Sub: "nginx/nansha3-subpath.conf", start: startNginx}
	Apache         = &Kit{Name: "apache", Program: "apache2", Root: "apache/nansha3.conf", Sub: "apache/nansha3-subpath.conf", start: startApache}
	ApacheHtaccess = &Kit{Name: "apache .htaccess", Program: "apache2", Root: "apache/.htaccess", Sub: "apache/.htaccess", start: startApache, htaccess: true}
	Lighttpd       = &Kit{Name: "lighttpd", Program: "lighttpd", Root: "lighttpd/nansha3.conf", Sub: "lighttpd/nansha3-subpath.conf", start: startLighttpd}
	Kits           = []*Kit{Nginx, Apache, ApacheHtaccess, Lighttpd}
)

// Server is a web server serving a site until the test ends.
type Server struct {
	URL  string // the site's address: http://127.0.0.1:PORT/, or …/nansha3/
	Root string // the folder the site was copied to, which the server serves
	log  string
}

// Log returns the server's error log so far.
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.log)
	return string(b)
}

// setup is what a kit's start function works with.
type setup struct {
	t       testing.TB
	kit     *Kit
	program string // the server's command, found
	dir     string // the server's own folder: configurations, logs, pid file
	www     string // the folder holding the site's folder (the kit's /var/www)
	site    string // the site's folder: www/nansha3
	port    int
	sub     bool   // served in SubPath, not at the root
	sample  string // the kit's file, as written
	log     string
}

// Start serves the built site in dir with kit, at the root of the host
// (prefix "/") or in SubPath, on a free loopback port.
func Start(t testing.TB, kit *Kit, dir, prefix string) *Server {
	t.Helper()
	program, err := lookPath(kit.Program)
	if err != nil {
		missing(t, kit.Program)
	}
	if prefix != "/" && prefix != SubPath {
		t.Fatalf("servertest: the kit serves a site at / or at %s, not at %s", SubPath, prefix)
	}
	file := kit.Root
	if prefix == SubPath {
		file = kit.Sub
	}
	sample, err := os.ReadFile(filepath.Join(DeployDir(t), filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	s := &setup{t: t, kit: kit, program: program, dir: t.TempDir(), sub: prefix == SubPath, sample: string(sample)}
	s.www = filepath.Join(s.dir, "www")
	s.site = filepath.Join(s.www, "nansha3")
	s.log = filepath.Join(s.dir, "error.log")
	if err := os.CopyFS(s.site, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	// The servers' workers run as another user when the test runs as
	// root (Apache refuses root): the folders above the site, the test's
	// own (t.TempDir), must let them in.
	for _, d := range []string{s.dir, filepath.Dir(s.dir)} {
		if err := chmodReadable(d); err != nil {
			t.Fatal(err)
		}
	}
	// A port another program took between the look and the start makes
	// the server fail at once: try another.
	var last error
	for range 3 {
		if s.port, err = freePort(); err != nil {
			t.Fatal(err)
		}
		cmd, err := kit.start(s)
		if err != nil {
			t.Fatal(err)
		}
		if err = run(t, cmd, s.port); err == nil {
			return &Server{URL: fmt.Sprintf("http://127.0.0.1:%d%s", s.port, prefix), Root: s.site, log: s.log}
		}
		log, _ := os.ReadFile(s.log)
		last = fmt.Errorf("%v\n%s", err, log)
	}
	t.Fatalf("%s: %v", kit.Program, last)
	return nil
}

// DeployDir is the deployment kit's folder, deploy/ at the repository's
// root, found from the test's folder.
func DeployDir(t testing.TB) string {
	t.Helper()
	root, err := srctest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "deploy")
}

// missing skips the test, or fails it under RequireEnv, for a server that
// is not installed.
func missing(t testing.TB, program string) {
	t.Helper()
	srctest.SkipOrFail(t, RequireEnv, "%s is not installed (apt-get install nginx-light apache2 lighttpd lighttpd-mod-deflate)", program)
}

// edit returns text with each old string replaced by its new one, failing
// the test when one is not there: the kit's files changed, and the test
// would serve something else than they say.
func (s *setup) edit(text string, pairs ...string) string {
	s.t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			s.t.Fatalf("servertest: deploy/%s no longer holds %q, which the test rewrites (as an admin would)", s.file(), pairs[i])
		}
		text = strings.ReplaceAll(text, pairs[i], pairs[i+1])
	}
	return text
}

func (s *setup) file() string {
	if s.sub {
		return s.kit.Sub
	}
	return s.kit.Root
}

// write writes a configuration file into the server's folder and returns
// its path.
func (s *setup) write(name, text string) string {
	s.t.Helper()
	p := filepath.Join(s.dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
	return p
}

func chmodReadable(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	return os.Chmod(dir, fi.Mode().Perm()|0o055)
}

// lookPath finds a server's command in PATH, or where Debian installs
// servers, /usr/sbin, which a user's PATH often lacks.
func lookPath(program string) (string, error) {
	p, err := exec.LookPath(program)
	if err != nil {
		if q, err2 := exec.LookPath(filepath.Join("/usr/sbin", program)); err2 == nil {
			return q, nil
		}
	}
	return p, err
}

// freePort returns a loopback port no program listens on now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// run starts cmd, waits until its port takes connections, and stops it
// when the test ends. It returns an error if the server exits first.
func run(t testing.TB, cmd *exec.Cmd, port int) error {
	t.Helper()
	ownGroup(cmd) // the server and its workers, stopped together
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		signalGroup(cmd, false)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			signalGroup(cmd, true)
			<-exited
		}
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("exited before it served (%v): %s", err, out.String())
		default:
		}
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			c.Close()
			t.Cleanup(stop)
			return nil
		}
		if time.Now().After(deadline) {
			stop()
			return errors.New("not listening after 15 s: " + out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// root reports whether the test runs as root, when servers drop to a user
// of their own for their workers.
func root() bool { return runtime.GOOS != "windows" && os.Geteuid() == 0 }
