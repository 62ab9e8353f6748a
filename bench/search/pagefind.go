//go:build unix

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/benchkit"
)

// benchDir is this command's folder, which holds Pagefind's package.json.
const benchDir = "bench/search"

// findPagefind returns the Pagefind binary that npm installed under
// benchDir, running npm ci there first when it is missing. The binary is
// the "extended" one, which segments Chinese.
func findPagefind() (string, error) {
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	bin := filepath.Join(benchDir, "node_modules", "@pagefind", runtime.GOOS+"-"+arch, "bin", "pagefind_extended")
	if _, err := os.Stat(bin); err == nil {
		return filepath.Abs(bin)
	}
	fmt.Fprintln(os.Stderr, "search: installing Pagefind (npm ci --ignore-scripts in "+benchDir+")")
	cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = benchDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %v\n%s", benchDir, err, out)
	}
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("npm installed no Pagefind binary for %s/%s: %w", runtime.GOOS, runtime.GOARCH, err)
	}
	return filepath.Abs(bin)
}

// pagefindScript searches with Pagefind's JS API, as its documentation
// shows, and lists the first 20 results with their excerpts in the search
// page's own list, as search.js lists its first 20; it writes the status in
// the same task as the results. It exposes settled() as search.js does, for
// the typed queries.
const pagefindScript = `<script type="module">
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
document.getElementById("search").addEventListener("submit", e => e.preventDefault());
const pagefind = await import("./pagefind/pagefind.js");
let generation = 0, pending = Promise.resolve();
async function run(q) {
	const mine = ++generation;
	if (!q.trim()) {
		list.textContent = "";
		status.textContent = "";
		return;
	}
	const search = await pagefind.search(q);
	if (mine !== generation || !search) return;
	const data = await Promise.all(search.results.slice(0, 20).map(r => r.data()));
	if (mine !== generation) return;
	list.textContent = "";
	for (const d of data) {
		const li = list.appendChild(document.createElement("li"));
		const a = li.appendChild(document.createElement("h2")).appendChild(document.createElement("a"));
		a.href = d.url;
		a.textContent = d.meta.title;
		li.appendChild(document.createElement("p")).innerHTML = d.excerpt;
	}
	status.textContent = search.results.length + " results";
}
window.micrositeSearch = {settled: () => pending};
input.addEventListener("input", () => { pending = run(input.value); });
input.value = new URLSearchParams(location.search).get("q") || "";
pending = run(input.value);
</script>
`

// ownSearch matches search.html's scripts.
var ownSearch = regexp.MustCompile(`<script src="[^"]*search[^"]*"[^>]*></script>`)

// writePagefindPage writes pagefind.html beside the site's search.html: the
// same page, with the same style sheet and form, searching with Pagefind
// instead of its own scripts, so that both pages cost the same but for the
// search.
func writePagefindPage(site string) error {
	page, err := os.ReadFile(filepath.Join(site, "search.html"))
	if err != nil {
		return err
	}
	if n := len(ownSearch.FindAll(page, -1)); n != 2 {
		return fmt.Errorf("search.html: found %d of its 2 search scripts", n)
	}
	page = ownSearch.ReplaceAll(page, nil)
	page = bytes.Replace(page, []byte("</body>"), []byte(pagefindScript+"</body>"), 1)
	return os.WriteFile(filepath.Join(site, "pagefind.html"), page, 0o644)
}

// compressed are the types a web server gzips by default or as the usual
// configurations add (nginx's gzip_types, Apache's AddOutputFilterByType
// DEFLATE): text, scripts, JSON, SVG. Pagefind's own files (.pf_*, .pagefind)
// are gzip already and served as they are.
var compressed = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".csv":  "text/csv; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".xml":  "application/xml",
}

// server serves a site over http, gzipping text at the default level, as a
// server following the usual configurations sends it, and counts the bytes
// of each file it sends: a page's resource timings miss what a worker
// fetches, and Pagefind searches in one.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	sent []sent
}

// sent is one response.
type sent struct {
	path      string
	raw, wire int // the file's size, and the body's as sent
}

func serve(site string) *server {
	s := &server{}
	files := http.FileServer(http.Dir(site))
	pool := sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression); return w }}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Every load fetches everything: Chromium's cache-off switch
		// covers the page's requests, not a worker's.
		w.Header().Set("Cache-Control", "no-store")
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(path.Clean(r.URL.Path))))
		typ, ok := compressed[path.Ext(r.URL.Path)]
		if err != nil || !ok || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if err == nil {
				s.log(r.URL.Path, len(data), len(data))
			}
			files.ServeHTTP(w, r) // the file as it is, or its 404 or redirect
			return
		}
		w.Header().Set("Content-Type", typ)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		cw := &countingWriter{w: w}
		gz := pool.Get().(*gzip.Writer)
		defer pool.Put(gz)
		gz.Reset(cw)
		gz.Write(data)
		gz.Close()
		s.log(r.URL.Path, len(data), cw.n)
	}))
	return s
}

func (s *server) log(path string, raw, wire int) {
	if os.Getenv("SEARCH_BENCH_LOG") != "" {
		fmt.Fprintf(os.Stderr, "served %s %d %d\n", path, raw, wire)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, sent{path, raw, wire})
}

// take returns the responses sent since the last call whose paths match re.
func (s *server) take(re *regexp.Regexp) (raw, wire, requests int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.sent {
		if re.MatchString(x.path) {
			raw, wire, requests = raw+x.raw, wire+x.wire, requests+1
		}
	}
	s.sent = nil
	return raw, wire, requests
}

type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

type buildTimes struct{ ours, baseline, pagefind benchkit.Usage }
