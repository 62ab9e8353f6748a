// Package deploy tests the deployment kit, the sample configurations in
// deploy/ at the repository's root, on the real web servers an admin runs
// them on: Debian's nginx, Apache (a vhost, and .htaccess) and lighttpd,
// each serving the site built from this repository at a host's root and in
// a folder of another site (/nansha3/), with and without a base_url. For
// each it checks what a reader and a cache get: every file (its bytes and
// Content-Type), a missing address (404, with the 404 page of the reader's
// edition), Cache-Control and revalidation, compression; and in Chromium,
// the 404 page shown at /x.html and deeper: styled like the site, loading
// nothing from another host, every link on it leading to a page (200).
//
// The servers are installed by .ci/run, not by the test, and started by
// internal/servertest: without them the test skips, unless
// MICROSITE_REQUIRE_SERVERS=1 (CI) makes that a failure.
package deploy

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/servertest"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// baseURL is the production address of the site built with a base_url:
// another host than the test's servers, as production is for a staging copy.
const baseURL = "https://www.example.gov.cn/nansha3/"

// A placement is a site served by a kit at a place.
type placement struct {
	name   string
	prefix string // "/" or servertest.SubPath
	base   bool   // the site built with baseURL
}

var placements = []placement{
	{"at the root", "/", false},
	{"in a folder, with base_url", servertest.SubPath, true},
	{"in a folder, without base_url", servertest.SubPath, false},
	// A staging copy of a site built for production in /nansha3/.
	{"at the root, with base_url of a folder", "/", true},
}

// sites are the site built from the repository, without and with baseURL,
// once for every test.
var sites = map[bool]string{}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "microsite-deploy-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		for _, base := range []bool{false, true} {
			out := filepath.Join(tmp, fmt.Sprint("site-", base))
			if err := buildSite(out, base, tmp); err != nil {
				fmt.Fprintln(os.Stderr, "building the site:", err)
				return 1
			}
			sites[base] = out
		}
		// browsertest.Main removes the browser's profile when they end.
		return browsertest.Main(m)
	}()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// buildSite builds the repository's sources into out, with baseURL when
// base is true (in a copy of the sources, in tmp).
func buildSite(out string, base bool, tmp string) error {
	src := "../.."
	if base {
		src = filepath.Join(tmp, "src")
		for _, part := range srctest.Parts {
			if err := os.CopyFS(filepath.Join(src, part), os.DirFS(filepath.Join("../..", part))); err != nil && part != "site.toml" {
				return err
			}
		}
		conf, err := os.ReadFile("../../site.toml")
		if err != nil {
			return err
		}
		const empty = `base_url = ""`
		if !bytes.Contains(conf, []byte(empty)) {
			return fmt.Errorf("site.toml has no line %s", empty)
		}
		conf = bytes.Replace(conf, []byte(empty), []byte(`base_url = "`+baseURL+`"`), 1)
		if err := os.WriteFile(filepath.Join(src, "site.toml"), conf, 0o644); err != nil {
			return err
		}
	}
	_, err := build.Run(build.Options{Source: src, Out: out})
	return err
}

// TestKit serves the site with every kit at every placement and checks
// what readers, caches and crawlers get.
func TestKit(t *testing.T) {
	for _, kit := range servertest.Kits {
		for _, pl := range placements {
			t.Run(kit.Name+" "+pl.name, func(t *testing.T) {
				dir := sites[pl.base]
				srv := servertest.Start(t, kit, dir, pl.prefix)
				c := &client{t: t, srv: srv, dir: dir}
				t.Run("every file", c.everyFile)
				t.Run("folders", c.folders)
				t.Run("missing", c.missing)
				t.Run("caching", c.caching)
				t.Run("compression", c.compression)
				t.Run("404 page in Chromium", func(t *testing.T) { notFoundInBrowser(t, srv, dir) })
				if t.Failed() {
					t.Logf("%s's error log:\n%s", kit.Program, srv.Log())
				}
			})
		}
	}
}

// client makes requests to a server as a browser or a cache would, and
// compares what it gets with the site's files.
type client struct {
	t   *testing.T
	srv *servertest.Server
	dir string
}

var httpClient = &http.Client{
	Timeout: 30 * time.Second,
	// Compression and redirects are what the test looks at.
	Transport:     &http.Transport{DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// get requests the site's path p (from the site's folder) with the
// headers given in pairs, and returns the response with its body read
// (and gunzipped when it came gzipped).
func (c *client) get(t *testing.T, p string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	resp, body, _ := get(t, c.srv.URL+p, headers...)
	return resp, body
}

// get requests url, and returns the response, its body (gunzipped) and
// how many bytes it took to send it.
func get(t *testing.T, url string, headers ...string) (*http.Response, []byte, int) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	wire, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	body := wire
	if resp.Header.Get("Content-Encoding") == "gzip" {
		r, err := gzip.NewReader(bytes.NewReader(wire))
		if err == nil {
			body, err = io.ReadAll(r)
		}
		if err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
	}
	return resp, body, len(wire)
}

// file is the site's file p, as built.
func (c *client) file(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// files lists every file of the site: those SHA256SUMS lists, and itself.
func (c *client) files(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(c.file(t, site.SumsPath))), "\n") {
		_, name, _ := strings.Cut(line, "  ")
		out = append(out, name)
	}
	return append(out, site.SumsPath)
}

// mediaTypes are the Content-Types a file may be sent with, by extension
// (SHA256SUMS has none): one, or the two that are both right.
var mediaTypes = map[string][]string{
	".html": {"text/html"},
	".css":  {"text/css"},
	".js":   {"text/javascript", "application/javascript"},
	".json": {"application/json"},
	".csv":  {"text/csv"},
	".svg":  {"image/svg+xml"},
	".xml":  {"application/xml", "text/xml"},
	".txt":  {"text/plain"},
	"":      {"text/plain"},
}

// everyFile requests every file of the site: 200, its bytes, its type.
func (c *client) everyFile(t *testing.T) {
	kinds := map[string]int{}
	for _, p := range c.files(t) {
		resp, body := c.get(t, p)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", p, resp.Status)
			continue
		}
		if !bytes.Equal(body, c.file(t, p)) {
			t.Errorf("GET %s: %d bytes, not the site's %d", p, len(body), len(c.file(t, p)))
		}
		ext := path.Ext(p)
		want, ok := mediaTypes[ext]
		if !ok {
			t.Errorf("%s: no Content-Type known for %q: add it to the test (and to the kit)", p, ext)
			continue
		}
		kinds[ext]++
		checkType(t, "GET "+p, resp.Header.Get("Content-Type"), want)
	}
	t.Logf("%d files: %v", len(c.files(t)), kinds)
}

// checkType checks a Content-Type against the media types allowed; a text
// type's charset, when given, must be UTF-8.
func checkType(t *testing.T, what, contentType string, want []string) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Errorf("%s: Content-Type %q: %v", what, contentType, err)
		return
	}
	ok := false
	for _, w := range want {
		ok = ok || mt == w
	}
	if !ok {
		t.Errorf("%s: Content-Type %q, want %s", what, contentType, strings.Join(want, " or "))
	}
	if cs, has := params["charset"]; has && !strings.EqualFold(cs, "utf-8") {
		t.Errorf("%s: Content-Type %q: the site is UTF-8", what, contentType)
	}
}

// folders requests the folders that have an index page, with and without
// their "/": the page, or a redirect to the folder's address.
func (c *client) folders(t *testing.T) {
	for _, dir := range []string{"", "units/", "zh-hans/", "zh-hans/units/"} {
		resp, body := c.get(t, dir)
		if resp.StatusCode != http.StatusOK || !bytes.Equal(body, c.file(t, dir+site.IndexFile)) {
			t.Errorf("GET %s: %s, %d bytes: want %s", dir, resp.Status, len(body), dir+site.IndexFile)
		}
		if dir == "" {
			continue
		}
		resp, _ = c.get(t, strings.TrimSuffix(dir, "/"))
		to := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusMovedPermanently || !strings.HasSuffix(to, c.srv.URL[len("http://127.0.0.1"):]+dir) && !strings.HasSuffix(to, "/"+dir) {
			t.Errorf("GET %s: %s to %q, want a redirect to %s", strings.TrimSuffix(dir, "/"), resp.Status, to, dir)
		}
	}
}

// missing requests addresses the site has no file for, at every depth: 404,
// with the 404 page of the edition the address is in.
func (c *client) missing(t *testing.T) {
	for _, tt := range []struct{ path, page string }{
		{"x.html", site.NotFoundPath},
		{"measures/xx/yy.html", site.NotFoundPath},
		{"measures/99.html", site.NotFoundPath},
		{"assets/site.css", site.NotFoundPath},
		{"a/b/c/d/e", site.NotFoundPath},
		{"zh-hans/x.html", "zh-hans/" + site.NotFoundPath},
		{"zh-hans/measures/xx/yy.html", "zh-hans/" + site.NotFoundPath},
	} {
		resp, body := c.get(t, tt.path, "Accept-Encoding", "gzip")
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404 Not Found", tt.path, resp.Status)
		}
		if !bytes.Equal(body, c.file(t, tt.page)) {
			t.Errorf("GET %s: %d bytes, not %s", tt.path, len(body), tt.page)
		}
		checkType(t, "GET "+tt.path, resp.Header.Get("Content-Type"), mediaTypes[".html"])
	}
	// A folder without an index page: not found (nginx), or forbidden
	// (Apache, lighttpd), with the 404 page either way; never a listing.
	resp, body := c.get(t, "measures/")
	if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusForbidden || !bytes.Equal(body, c.file(t, site.NotFoundPath)) {
		t.Errorf("GET measures/: %s, %d bytes: want 404 or 403 with the 404 page", resp.Status, len(body))
	}
}

// caching checks Cache-Control: a year, immutable, for a hashed asset;
// revalidation for the files that keep their names, which then answer a
// conditional request with 304.
func (c *client) caching(t *testing.T) {
	const immutable = "public, max-age=31536000, immutable"
	asset := c.cssFile(t)
	if resp, _ := c.get(t, asset); resp.Header.Get("Cache-Control") != immutable {
		t.Errorf("GET %s: Cache-Control %q, want %q", asset, resp.Header.Get("Cache-Control"), immutable)
	}
	for _, p := range []string{"", site.HomePath, site.TablePath, "measures/03.html", "zh-hans/" + site.HomePath,
		site.SearchScriptPath, site.SearchJSONPath, site.DataJSONPath, site.DataCSVPath, site.SumsPath} {
		resp, _ := c.get(t, p)
		if cc := resp.Header.Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", p, cc)
		}
		var cond []string
		if etag := resp.Header.Get("ETag"); etag != "" {
			cond = append(cond, "If-None-Match", etag)
		}
		if lm := resp.Header.Get("Last-Modified"); lm != "" {
			cond = append(cond, "If-Modified-Since", lm)
		}
		if cond == nil {
			t.Errorf("GET %s: neither ETag nor Last-Modified: nothing to revalidate with", p)
			continue
		}
		if again, _ := c.get(t, p, cond...); again.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s again, with %v: %s, want 304 Not Modified", p, cond, again.Status)
		}
	}
}

// compression checks that the text files a browser loads are sent
// compressed to a browser that takes gzip, and as they are to one that
// does not.
func (c *client) compression(t *testing.T) {
	for _, p := range []string{site.SearchScriptPath, site.HomePath, site.TablePath, site.SearchJSONPath, site.DataJSONPath, site.DataCSVPath, c.cssFile(t)} {
		resp, body, wire := get(t, c.srv.URL+p, "Accept-Encoding", "gzip")
		if enc := resp.Header.Get("Content-Encoding"); enc != "gzip" {
			t.Errorf("GET %s with Accept-Encoding: gzip: Content-Encoding %q, want gzip", p, enc)
		}
		if !strings.Contains(strings.ToLower(strings.Join(resp.Header.Values("Vary"), ",")), "accept-encoding") {
			t.Errorf("GET %s: Vary %q: a cache would give the compressed file to browsers that cannot read it", p, resp.Header.Values("Vary"))
		}
		if !bytes.Equal(body, c.file(t, p)) {
			t.Errorf("GET %s, gunzipped: %d bytes, not the site's %d", p, len(body), len(c.file(t, p)))
		}
		if p == site.SearchScriptPath {
			t.Logf("%s: %d bytes, sent in %d", p, len(body), wire)
		}
	}
}

// cssFile is the site's hashed style sheet.
func (c *client) cssFile(t *testing.T) string {
	for _, p := range c.files(t) {
		if strings.HasPrefix(p, site.AssetDir+"/") && strings.HasSuffix(p, ".css") {
			return p
		}
	}
	t.Fatal("no style sheet in the site")
	return ""
}
