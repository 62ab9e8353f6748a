package serve

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Options configure a preview server.
type Options struct {
	Source string // the source tree; default "."
	// Addr is the address to listen on; default "127.0.0.1:8080". Port 0
	// picks a free one (see Server.URL).
	Addr string
	// Log receives the build summaries and errors; default nowhere.
	Log io.Writer
	// Debounce is how long the sources must stay quiet after a change
	// before a rebuild starts: long enough to take in every event of one
	// save, short enough not to be noticed. Default 30ms.
	Debounce time.Duration
	// Progress, when set, reports the files written by builds of the whole
	// site (see build.Options).
	Progress func(done, total int)
	// BaseURL, when set, replaces site.toml's base_url (see build.Options).
	BaseURL     string
	BaseURLFrom string // where BaseURL was given (see build.Options)
}

// Paths the server answers itself. The site cannot have them: its paths
// never start with "_".
const (
	eventsPath = "/__microsite/events"
	scriptPath = "/__microsite/reload.js"
)

//go:embed reload.js
var reloadJS []byte

// Server is a running preview: New builds the site and listens; Run serves
// and rebuilds until its context is done, then removes the temporary folder.
type Server struct {
	opts    Options
	ln      net.Listener
	tmp     string // the temporary folder holding the built site
	tree    *build.Tree
	site    *os.Root // the built site, for serving
	watcher *watcher
	hosts   hostCheck // the Host headers answered
	changes *changes
	hub     *hub

	mu     sync.Mutex
	failed error // the latest build's error; nil when it succeeded
}

// New listens on opts.Addr, builds the site into a new temporary folder and
// starts watching the sources. A content error does not make New fail: the
// pages show it until it is fixed. Call Run next, which cleans up.
func New(opts Options) (_ *Server, err error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:8080"
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	if opts.Source, err = filepath.Abs(opts.Source); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(opts.Source, content.SiteFile)); err != nil {
		return nil, l10n.Errorf("no %s in %s: run serve in the site's folder, or name it with --source", content.SiteFile, opts.Source)
	}
	s := &Server{opts: opts, changes: newChanges(), hub: newHub()}
	defer func() {
		if err != nil {
			s.cleanup()
		}
	}()
	// An address of one family is listened on in that family only: 0.0.0.0
	// is IPv4's every address, not also IPv6's, as a dual-stack socket
	// would make it.
	network := "tcp"
	if a, err := netip.ParseAddrPort(opts.Addr); err == nil {
		network = map[bool]string{true: "tcp4", false: "tcp6"}[a.Addr().Is4()]
	}
	if s.ln, err = net.Listen(network, opts.Addr); err != nil {
		return nil, l10n.Errorf("cannot listen on %s (is another server using it? choose another port): %w", opts.Addr, err)
	}
	bind, _, _ := net.SplitHostPort(opts.Addr)
	s.hosts = newHostCheck(s.ln.Addr(), bind, localAddrs)
	if s.tmp, err = os.MkdirTemp("", "microsite-serve-*"); err != nil {
		return nil, err
	}
	out := filepath.Join(s.tmp, "site")
	// Drafts are shown, marked: the preview is where they are written.
	s.tree, err = build.NewTree(build.Options{Source: opts.Source, Out: out, Progress: opts.Progress, Drafts: true, BaseURL: opts.BaseURL, BaseURLFrom: opts.BaseURLFrom})
	if err != nil {
		return nil, err
	}
	// Watch before building: an edit made during the build is not lost.
	if s.watcher, err = newWatcher(opts.Source, s.warn); err != nil {
		return nil, err
	}
	s.rebuild(nil)
	if s.site, err = os.OpenRoot(out); err != nil {
		return nil, err
	}
	return s, nil
}

// URL is the address of the site's home page on this computer: the
// loopback address when the server is bound to every address (0.0.0.0),
// whose own name no browser may use (the Host check refuses it).
func (s *Server) URL() string {
	ap, err := netip.ParseAddrPort(s.ln.Addr().String())
	if err != nil || !ap.Addr().IsUnspecified() {
		return "http://" + s.ln.Addr().String() + "/"
	}
	loop := netip.IPv6Loopback()
	if ap.Addr().Is4() {
		loop = netip.MustParseAddr("127.0.0.1")
	}
	return "http://" + netip.AddrPortFrom(loop, ap.Port()).String() + "/"
}

// Exposed lists the addresses at which other computers reach the preview
// (serve --bind), as URLs; none when only this computer does.
func (s *Server) Exposed() []string { return s.hosts.exposed() }

// Run serves the site and rebuilds it as the sources change, until ctx is
// done; then it stops, waits for a build under way, and removes the
// temporary folder.
func (s *Server) Run(ctx context.Context) error {
	defer s.cleanup()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end with the server, event streams included.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	var wg sync.WaitGroup
	wg.Go(func() { s.watcher.run(ctx, s.opts.Debounce, s.changes) })
	wg.Go(func() { s.buildLoop(ctx) })
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()

	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
		cancel()
	}
	s.hub.close()
	stop, cancelStop := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancelStop()
	srv.Shutdown(stop)
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// cleanup releases everything New made, the temporary folder last.
func (s *Server) cleanup() {
	if s.watcher != nil {
		s.watcher.close()
	}
	if s.site != nil {
		s.site.Close()
	}
	if s.ln != nil {
		s.ln.Close()
	}
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
}

func (s *Server) buildLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.changes.ready:
			s.rebuild(s.changes.take())
		}
	}
}

// rebuild brings the site up to date after the sources in changed changed
// (nil: any), and tells the terminal and the open pages.
func (s *Server) rebuild(changed []string) {
	n := s.hub.latest() + 1
	s.mu.Lock()
	recovering := s.failed != nil
	s.mu.Unlock()
	var (
		early     func([]string)
		announced []string
	)
	if !recovering { // then every page reloads, once, at the end
		early = func(written []string) {
			announced = written
			s.hub.publish(n, written, true)
		}
	}
	u, err := s.tree.UpdateEarly(changed, early)
	s.mu.Lock()
	s.failed = err
	s.mu.Unlock()

	what := strings.Join(changed, ", ")
	if changed == nil {
		what = l10n.Sprintf("the site")
	}
	stamp := time.Now().Format("15:04:05")
	switch {
	case err != nil:
		l10n.Fprintf(s.opts.Log, "%s %s: build failed\n", stamp, what)
		diag.Print(s.opts.Log, err, diag.Preview())
		s.hub.publish(n, nil, false)
	case changed == nil || recovering:
		l10n.Fprintf(s.opts.Log, "%s built %d pages, %d files in %v\n", stamp, u.Pages, u.Outputs, u.Elapsed.Round(time.Millisecond))
		s.hub.publish(n, nil, false)
	default:
		fmt.Fprintf(s.opts.Log, "%s %s: %v\n", stamp, what, u)
		paths := []string{} // not null, which would reload every page
		for _, p := range u.Changed {
			if !slices.Contains(announced, p) { // reloaded already
				paths = append(paths, p)
			}
		}
		s.hub.publish(n, paths, false)
	}
}

func (s *Server) warn(err error) {
	l10n.Fprintf(s.opts.Log, "%s watching: %v\n", time.Now().Format("15:04:05"), err)
}

// ServeHTTP serves the built site, the reload script and the event stream,
// to requests addressed to this computer only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allows(r.Host) {
		s.hosts.refuse(w, r)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.hub.ServeHTTP(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(reloadJS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, l10n.Sprintf("method not allowed"), http.StatusMethodNotAllowed)
		return
	}
	// Previews change all the time: never serve a stale copy.
	w.Header().Set("Cache-Control", "no-cache")
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, site.IndexFile)
	}
	info, err := s.site.Stat(name)
	switch {
	case err == nil && info.IsDir():
		http.Redirect(w, r, dirLocation(name, r.URL.RawQuery), http.StatusFound)
	case err != nil:
		s.servePage(w, r, site.NotFoundPath, http.StatusNotFound)
	case path.Ext(name) == ".html":
		s.servePage(w, r, name, http.StatusOK)
	default:
		f, err := s.site.Open(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, name, info.ModTime(), f)
	}
}

// dirLocation is where a request for folder name of the site, without the
// final slash, is sent: the folder's path, cleaned and escaped, with a slash
// at the end. Built from name, never from the request's path, whose
// "//host/.." or "/\\host/.." a browser would read as another site.
func dirLocation(name, query string) string {
	loc := (&url.URL{Path: "/" + name + "/"}).EscapedPath()
	if query != "" {
		loc += "?" + query
	}
	return loc
}

// servePage serves an HTML page with the reload script added, or the error
// page while the sources do not build.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, name string, status int) {
	s.mu.Lock()
	failed := s.failed
	s.mu.Unlock()
	var page []byte
	if failed != nil {
		var b bytes.Buffer
		if err := errorPage.Execute(&b, newErrorReport(failed)); err != nil {
			panic(err) // the template is ours and fixed: a bug
		}
		page, name, status = b.Bytes(), "", http.StatusInternalServerError
	} else {
		var err error
		if page, err = fs.ReadFile(s.site.FS(), name); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(injectScript(page, s.hub.latest(), name))
}

// injectScript adds the reload script before </body>, telling it the build
// the page comes from and the page's path in the site.
func injectScript(page []byte, build int, name string) []byte {
	tag := fmt.Appendf(nil, `<script src="%s" data-build="%d" data-page="%s" defer></script>`,
		scriptPath, build, template.HTMLEscapeString(name))
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}
