// Package e2e tests the real microsite, built from this repository's
// sources, as its readers get it: the built files, and Chromium browsing them
// from file:// and over HTTP.
package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/check"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/corpus"
	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// siteDir is the site built once from the repository's sources.
var siteDir string

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "microsite-e2e-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	siteDir = filepath.Join(tmp, "public")
	if _, err := build.Run(build.Options{Source: "../..", Out: siteDir}); err != nil {
		fmt.Fprintln(os.Stderr, "building the site:", err)
		os.Exit(1)
	}
	code := browsertest.Main(m)
	os.RemoveAll(tmp)
	for _, dir := range corpusDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// corpusDirs are the folders of the synthetic sites built by corpusSite,
// by size (negative for those sharded whatever their size).
var (
	corpusMu   sync.Mutex
	corpusDirs = map[int]string{}
)

// corpusSite returns the folder of a site built from a synthetic corpus of
// n measures (internal/corpus), building it on first use; it is removed
// when the tests end. It is built under /dev/shm where there is one:
// writing thousands of files is slow on this machine's disk.
func corpusSite(t *testing.T, n int) string {
	t.Helper()
	corpusMu.Lock()
	defer corpusMu.Unlock()
	return buildCorpus(t, n)
}

// shardedSite is corpusSite with the source edition's search index in
// shards, whatever its size, as a larger site's would be.
func shardedSite(t *testing.T, n int) string {
	t.Helper()
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if dir, ok := corpusDirs[-n]; ok {
		return filepath.Join(dir, "public")
	}
	out := buildCorpus(t, -n)
	s, err := content.Load(os.DirFS(filepath.Join(filepath.Dir(out), "src")))
	if err != nil {
		t.Fatal(err)
	}
	files, err := search.PageFiles(s, readIndex(t, out), search.Shards(s))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(out, site.SearchShardDir), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(f.Path)), f.Data(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// buildCorpus builds the site of corpusSite(|key|), once per key.
func buildCorpus(t *testing.T, key int) string {
	t.Helper()
	n := max(key, -key)
	if dir, ok := corpusDirs[key]; ok {
		return filepath.Join(dir, "public")
	}
	base := ""
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		base = "/dev/shm"
	}
	dir, err := os.MkdirTemp(base, "microsite-e2e-corpus-*")
	if err != nil {
		t.Fatal(err)
	}
	corpusDirs[key] = dir
	src := filepath.Join(dir, "src")
	if err := corpus.Write(src, "../..", n); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Run(build.Options{Source: src, Out: filepath.Join(dir, "public")}); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "public")
}

// builtPages lists the HTML pages of the built site.
func builtPages(t *testing.T) []string { t.Helper(); return pagesIn(t, siteDir) }

// pagesIn lists the HTML pages of the site in dir.
func pagesIn(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// checkSite runs the site check on the site as written to disk: the build
// checked it in memory, through a Collector; this reads the files back.
func checkSite(t *testing.T) *check.Report { t.Helper(); return checkDir(t, siteDir) }

// checkDir runs the site check on the built site in dir.
func checkDir(t *testing.T, dir string) *check.Report {
	t.Helper()
	r, err := check.Site(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEveryLinkResolves(t *testing.T) {
	for _, p := range checkSite(t).Problems {
		t.Error(p)
	}
}

// TestNothingRequestedFromOutside: what a page loads from outside the site
// is a problem of the check (above); of what leads out, only <a href> may,
// as it is the reader's choice.
func TestNothingRequestedFromOutside(t *testing.T) {
	for _, l := range checkSite(t).External {
		if l.Tag != "a" {
			t.Errorf("%s: <%s %s=%q> leads outside the site", l.Page, l.Tag, l.Attr, l.Value)
		}
	}
}

// crawl opens start in a browser tab and follows every link within the site,
// breadth first. It returns the site paths of the pages it reached.
func crawl(t *testing.T, tab *browsertest.Tab, root *url.URL) map[string]bool {
	t.Helper()
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		pageURL := root.JoinPath(p).String()
		tab.Do(t, chromedp.Navigate(pageURL))
		h1 := browsertest.Eval[string](t, tab, `document.querySelector("h1") ? document.querySelector("h1").textContent : ""`)
		if strings.TrimSpace(h1) == "" {
			t.Errorf("%s: no <h1> heading", p)
		}
		hrefs := browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll("a[href]")].map(a => a.href)`)
		for _, h := range hrefs {
			u, err := url.Parse(h)
			if err != nil || !strings.HasPrefix(u.String(), root.String()) {
				continue // external
			}
			u.Fragment = ""
			target := strings.TrimPrefix(u.Path, root.Path)
			if !seen[target] {
				seen[target] = true
				// Open data files download rather than display: the
				// crawl records them (testCrawl checks they exist) but
				// only opens pages.
				if strings.HasSuffix(target, ".html") {
					queue = append(queue, target)
				}
			}
		}
	}
	return seen
}

// testCrawl reaches every page of the site from the home page by following
// links, and checks that none logs an error.
func testCrawl(t *testing.T, root *url.URL) {
	tab := browsertest.New(t)
	reached := crawl(t, tab, root)
	for _, p := range builtPages(t) {
		if path.Base(p) == site.NotFoundPath {
			continue // reached by mistyped URLs, not by links
		}
		if !reached[p] {
			t.Errorf("%s cannot be reached by following links from index.html", p)
		}
	}
	var extra []string
	for p := range reached {
		if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(p))); err != nil {
			extra = append(extra, p)
		}
	}
	slices.Sort(extra)
	for _, p := range extra {
		t.Errorf("a link leads to %s, which does not exist", p)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range s.Measures {
		if !reached[m.Path()] {
			t.Errorf("measure %d (%s) not reached", m.Number, m.Path())
		}
	}
	if len(s.Measures) != 31 {
		t.Errorf("the site has %d measures, want the notice's 31", len(s.Measures))
	}
}

func TestBrowseFromFile(t *testing.T) {
	root := &url.URL{Scheme: "file", Path: filepath.ToSlash(siteDir) + "/"}
	testCrawl(t, root)
}

func TestBrowseOverHTTP(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(siteDir)))
	defer srv.Close()
	root, _ := url.Parse(srv.URL + "/")
	testCrawl(t, root)
}
