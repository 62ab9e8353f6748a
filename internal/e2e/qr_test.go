package e2e

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// zbarimg returns the path of Debian's zbar-tools decoder, or skips the
// test (fails it under MICROSITE_REQUIRE_TOOLS) when it is missing.
func zbarimg(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("zbarimg")
	if err != nil {
		srctest.SkipOrFail(t, requireToolsEnv, "zbarimg is missing (apt-get install zbar-tools)")
	}
	return p
}

// TestQRCodes opens every page of the site built with a base_url, as a
// reader's browser shows it, takes a picture of its QR code and decodes it
// with a real reader (zbar): it must read the page's canonical address.
// The 404 page, which has no address of its own, shows none.
func TestQRCodes(t *testing.T) {
	zbar := zbarimg(t)
	dir := buildWithBaseURL(t, "https://www.gz.gov.cn/nansha3/")
	tab := browsertest.New(t)
	shots := t.TempDir()
	n := 0
	for _, p := range pagesIn(t, dir) {
		tab.Do(t, chromedp.Navigate(fileURLIn(dir, p)))
		canonical := browsertest.Eval[string](t, tab, `(document.querySelector("link[rel=canonical]") || {}).href || ""`)
		codes := browsertest.Eval[int](t, tab, `document.querySelectorAll(".qr img").length`)
		if notFound := path.Base(p) == site.NotFoundPath; notFound || canonical == "" {
			if codes != 0 || canonical != "" || !notFound {
				t.Errorf("%s: canonical %q and %d QR codes, want neither on the 404 page alone", p, canonical, codes)
			}
			continue
		}
		if codes != 1 || !browsertest.Eval[bool](t, tab, `document.querySelector(".qr img").complete && document.querySelector(".qr img").naturalWidth > 0`) {
			t.Errorf("%s: %d QR codes shown, want one, loaded", p, codes)
			continue
		}
		png, err := chromedp.Run(tab.Ctx, chromedp.ScreenshotScale(chromedp.CSS(".qr img"), 2))
		if err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(shots, strings.NewReplacer("/", "_").Replace(p)+".png")
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(zbar, "-q", "--raw", shot).Output()
		if got := string(bytes.TrimSpace(out)); got != canonical {
			t.Errorf("%s: its QR code reads %q (%v), want the page's address %s", p, got, err, canonical)
		}
		n++
	}
	if n < 100 {
		t.Errorf("decoded %d codes, want one for each of the site's pages", n)
	}
	t.Logf("decoded the QR codes of %d pages", n)
}

// TestNoRequestLeavesTheSite opens every page type, in both editions,
// over HTTP and from file://, as built and with a base_url, with every
// reading setting on, and records every request the browser makes: none
// may leave the site (its origin and folder). With a base_url the 404 page
// names its files by the site's own published address, which is the site
// too.
func TestNoRequestLeavesTheSite(t *testing.T) {
	const base = "https://www.gz.gov.cn/nansha3/"
	withBase := buildWithBaseURL(t, base)
	for _, tc := range []struct {
		name, dir string
		http      bool
	}{
		{"file", siteDir, false},
		{"http", siteDir, true},
		{"file, base_url", withBase, false},
		{"http, base_url", withBase, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := browsertest.New(t)
			root := fileURLIn(tc.dir, "") + "/"
			if tc.http {
				srv := httptest.NewServer(http.FileServer(http.Dir(tc.dir)))
				defer srv.Close()
				root = srv.URL + "/"
			}
			var mu sync.Mutex
			var requests []string
			events := chromedp.Events(tab.Ctx, network.RequestWillBeSent)
			go func() {
				for ev, err := range events {
					if err != nil {
						return
					}
					mu.Lock()
					requests = append(requests, ev.Request.URL)
					mu.Unlock()
				}
			}()
			tab.Do(t, chromedp.Navigate(root+"index.html"))
			setPrefs(t, tab, mode{size: 2, high: true, cursor: true, guide: true})
			for _, pt := range pageTypes() {
				for _, prefix := range []string{"", "zh-hans/"} {
					if pt.kind == "404" && tc.dir == withBase && !tc.http {
						continue // from file://, its absolute links lead to the published site: the server is where it works
					}
					tab.Do(t, chromedp.Navigate(root+prefix+pt.path))
				}
			}
			tab.Do(t, chromedp.Navigate("about:blank"))
			mu.Lock()
			defer mu.Unlock()
			if len(requests) < 20 {
				t.Fatalf("recorded %d requests: the recording does not work", len(requests))
			}
			for _, r := range requests {
				if !strings.HasPrefix(r, root) && !strings.HasPrefix(r, base) && !strings.HasPrefix(r, "data:") {
					t.Errorf("a request leaves the site: %s", r)
				}
			}
		})
	}
}
