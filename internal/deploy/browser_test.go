package deploy

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/servertest"
)

// looks is what the test compares of a page's style: computed, so that it
// says whether the site's style sheet applies, whatever it holds.
const looks = `(() => {
	const s = (sel, prop) => { const e = document.querySelector(sel); return e ? getComputedStyle(e)[prop] : "(missing " + sel + ")"; };
	return [s(".masthead", "backgroundColor"), s("body", "fontFamily"), s(".site-nav", "display"), s("main", "maxWidth")].join(" | ");
})()`

// pageLinks gives the page's links, resolved: href of a and link, the
// action of a form, but inline data.
const pageLinks = `[...document.querySelectorAll("a[href], link[href], form[action]")]
	.map(e => e.tagName === "FORM" ? e.action : e.href).filter(u => !u.startsWith("data:"))`

// settledLinks returns the page's links once each leads to a file of the
// site in dir, served at root (the 404 page's script may be finding the
// site's folder), or as they are after 10 s.
func settledLinks(t *testing.T, tab *browsertest.Tab, root, dir string) []string {
	t.Helper()
	here := browsertest.Eval[string](t, tab, "location.href")
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		links := browsertest.Eval[[]string](t, tab, pageLinks)
		all := true
		for _, link := range links {
			target, _, _ := strings.Cut(link, "#")
			rel, ok := strings.CutPrefix(target, root)
			p, err := url.PathUnescape(rel)
			all = all && (target == here || ok && err == nil && isFile(filepath.Join(dir, filepath.FromSlash(p))))
		}
		if all || time.Since(start) > 10*time.Second {
			return links
		}
	}
}

// notFoundInBrowser opens addresses the site has no file for in Chromium:
// the server's 404 page must look like the site's other pages, load
// nothing from another host, and every link on it must lead to a page.
func notFoundInBrowser(t *testing.T, srv *servertest.Server, dir string) {
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	origin := u.Scheme + "://" + u.Host
	// The file the page's script asks each folder for (the smallest asset,
	// render.Chrome.FindRoot), from the page's last script.
	page, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`"404\.html","(assets/[^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("404.html: no marker file in its script")
	}
	marker := string(m[1])
	for _, tt := range []struct{ path, lang, home string }{
		{"x.html", "zh-Hant", "index.html"},
		{"measures/xx/yy.html", "zh-Hant", "index.html"},
		{"zh-hans/units/a/b/c.html", "zh-Hans", "zh-hans/index.html"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			tab := browsertest.New(t)
			tab.Do(t, chromedp.Navigate(srv.URL+tt.home))
			want := browsertest.Eval[string](t, tab, looks)
			if strings.Contains(want, "rgba(0, 0, 0, 0)") || strings.Contains(want, "(missing ") {
				t.Fatalf("the home page looks unstyled: %s", want)
			}
			tab.Do(t, chromedp.Navigate(srv.URL+tt.path))
			links := settledLinks(t, tab, srv.URL, dir)
			if lang := browsertest.Eval[string](t, tab, "document.documentElement.lang"); lang != tt.lang {
				t.Errorf("the 404 page in %s, want %s", lang, tt.lang)
			}
			if got := browsertest.Eval[string](t, tab, looks); got != want {
				t.Errorf("styled %s, want %s as the home page", got, want)
			}
			loaded := browsertest.Eval[[]string](t, tab, `performance.getEntriesByType("resource").map(e => e.name)`)
			for _, r := range loaded {
				if !strings.HasPrefix(r, origin+"/") {
					t.Errorf("loaded %s, from another host", r)
				}
			}
			var probes []string
			for _, e := range tab.ConsoleErrors() {
				// The page's own status, and the folders its script tried
				// before the site's (render/anywhere.js).
				if strings.HasPrefix(e, "error: Failed to load resource: the server responded with a status of 404") {
					if strings.HasSuffix(e, "("+srv.URL+tt.path+")") {
						continue
					}
					if strings.Contains(e, "/"+marker+")") {
						probes = append(probes, e)
						continue
					}
				}
				t.Errorf("console: %s", e)
			}
			// The script tries the folder the page leads from, then the
			// others from the host's root down: a site one folder away
			// from it costs one miss, not one per folder of the address
			// (each a request to the server and an error in the console).
			if len(probes) > 1 {
				t.Errorf("the 404 page's script missed the site's folder %d times, want at most 1:\n%s", len(probes), strings.Join(probes, "\n"))
			}
			here := srv.URL + tt.path
			checked := 0
			for _, link := range links {
				target, _, _ := strings.Cut(link, "#")
				if target == here {
					continue // within the page: the skip link
				}
				if !strings.HasPrefix(link, srv.URL) {
					t.Errorf("a link to %s, outside the site at %s", link, srv.URL)
					continue
				}
				resp, _, _ := get(t, target)
				if resp.StatusCode != http.StatusOK {
					t.Errorf("a link to %s: %s", link, resp.Status)
				}
				checked++
			}
			if checked < 5 {
				t.Errorf("%d links followed: %q", checked, links)
			}
		})
	}
}

// TestNotFoundFromFolder opens the 404 page from a copy of the site opened
// as a folder (file://), as on a USB stick: its links lead to the site's
// files there.
func TestNotFoundFromFolder(t *testing.T) {
	for _, base := range []bool{false, true} {
		dir := sites[base]
		tab := browsertest.New(t)
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
		for _, page := range []string{"404.html", "zh-hans/404.html"} {
			tab.Do(t, chromedp.Navigate(root+page))
			links := settledLinks(t, tab, root, dir)
			if len(links) < 5 {
				t.Errorf("%s: %d links: %q", page, len(links), links)
			}
			for _, link := range links {
				target, _, _ := strings.Cut(link, "#")
				rel, ok := strings.CutPrefix(target, root)
				if !ok {
					t.Errorf("base_url %v: %s: a link to %s, outside the folder", base, page, link)
					continue
				}
				if p, err := url.PathUnescape(rel); err != nil || !isFile(filepath.Join(dir, filepath.FromSlash(p))) {
					t.Errorf("base_url %v: %s: a link to %s: no such file", base, page, link)
				}
			}
		}
	}
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}
