package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// screenshotsEnv names the folder TestScreenshots writes into; relative
// paths are from the repository root. screenshots/ is in .gitignore.
const screenshotsEnv = "MICROSITE_SCREENSHOTS"

// TestScreenshots is a developer tool, run on demand, to look at the design:
//
//	MICROSITE_SCREENSHOTS=screenshots go test ./internal/e2e -run Screenshots
//
// writes full-page PNGs, of the site built with a base_url (so that each
// page shows its QR code), of home, a category, a measure, the full table, the
// unit index, the 404 page, the site map and search results (once the site has a search page), 375 and 1280 pixels
// wide, in light mode, and at 375 also in dark mode and with the larger text
// and high contrast on. The Chinese text needs a CJK font on the machine
// (Debian: fonts-noto-cjk).
func TestScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	shots := []pageType{
		{name: "home", path: "index.html"},
		{name: "category", path: "categories/trade.html"},
		{name: "measure", path: "measures/03.html"},
		{name: "table", path: "measures.html"},
		{name: "units", path: "units/index.html"},
		{name: "404", path: "404.html"},
		{name: "sitemap", path: "sitemap.html"},
	}
	for _, pt := range pageTypes() {
		if strings.HasPrefix(pt.path, "search.html") {
			shots = append(shots, pageType{name: strings.ReplaceAll(pt.name, " ", "-"), path: pt.path})
		}
	}
	type view struct {
		width int64
		mode  mode
	}
	views := []view{
		{375, modes[0]}, {1280, modes[0]},
		{375, modes[1]},
		{375, mode{name: "large-contrast", scheme: "light", size: 2, high: true}},
	}
	// With a base_url, so the pages show their QR codes; with a Chinese
	// voice (instrumented), so 聽全文 shows as on a reader's computer.
	site := buildWithBaseURL(t, "https://www.gz.gov.cn/nansha3/")
	tab := browsertest.New(t)
	instrument(t, tab)
	for _, v := range views {
		opts := []chromedp.EmulateViewportOption{}
		if v.width < 800 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		tab.Do(t, chromedp.EmulateViewport(v.width, 800, opts...), colorScheme(v.mode.scheme),
			chromedp.Navigate(fileURLIn(site, "index.html")))
		setPrefs(t, tab, v.mode)
		for _, s := range shots {
			tab.Do(t, chromedp.Navigate(fileURLIn(site, s.path)))
			checkMode(t, tab, v.mode)
			if w := browsertest.Eval[int](t, tab, "document.documentElement.scrollWidth"); int64(w) > v.width {
				t.Errorf("%s at %dpx (%s): the page is %dpx wide and scrolls sideways", s.path, v.width, v.mode.name, w)
			}
			png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s-%d-%s.png", s.name, v.width, strings.ReplaceAll(v.mode.name, ", ", "-"))
			if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// screenshotDir is the folder screenshotsEnv names (relative to the
// repository's root), made if need be; without it the test is skipped:
// screenshots are for people to look at, not a check.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(screenshotsEnv)
	if dir == "" {
		t.Skip("set " + screenshotsEnv + "=DIR to write screenshots")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", "..", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
