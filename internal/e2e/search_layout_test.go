package e2e

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// shiftObserver records the page's layout shifts from its start, those that
// count towards Cumulative Layout Shift (not right after input).
const shiftObserver = `window.shifts = [];
new PerformanceObserver(list => {
	for (const e of list.getEntries()) {
		if (e.hadRecentInput) continue;
		const nodes = e.sources.map(s => s.node ? s.node.nodeName + (s.node.id ? "#" + s.node.id : "") + (s.node.className ? "." + s.node.className : "") : "?");
		window.shifts.push({value: e.value, nodes: nodes.join(" ")});
	}
}).observe({type: "layout-shift", buffered: true});`

type shift struct {
	Value float64 `json:"value"`
	Nodes string  `json:"nodes"`
}

// slowSearch serves dir with the search's files a moment late, as a network
// delivers them after the page has first been painted.
func slowSearch(dir string) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "search-index") || strings.Contains(r.URL.Path, "/search/") || strings.Contains(r.URL.Path, "/assets/search.") {
			time.Sleep(300 * time.Millisecond)
		}
		files.ServeHTTP(w, r)
	}))
}

// TestSearchLayoutShift opens the search page with a query, its scripts
// arriving after the first paint, at Lighthouse's desktop and mobile sizes,
// on the real site and on a sharded one: as the results arrive, nothing on
// screen may move (Lighthouse measured a CLS of 0.54 when the results
// pushed the footer down).
func TestSearchLayoutShift(t *testing.T) {
	for _, tc := range []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"real site", func(*testing.T) string { return siteDir }},
		{"1,000 measures in shards", func(t *testing.T) string { return shardedSite(t, 1000) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := slowSearch(tc.dir(t))
			defer srv.Close()
			u, _ := url.Parse(srv.URL)
			u = u.JoinPath(site.SearchPath)
			u.RawQuery = "q=" + url.QueryEscape("海關")
			for _, view := range []struct {
				name          string
				width, height int64
				scale         float64
				mobile        bool
			}{
				{"desktop", 1350, 940, 1, false},
				{"mobile", 412, 823, 1.75, true},
			} {
				t.Run(view.name, func(t *testing.T) {
					tab := browsertest.New(t)
					if _, err := chromedp.Call(tab.Ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
						Width: view.width, Height: view.height, DeviceScaleFactor: view.scale, Mobile: view.mobile,
					}); err != nil {
						t.Fatal(err)
					}
					if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: shiftObserver}); err != nil {
						t.Fatal(err)
					}
					tab.Do(t, chromedp.Navigate(u.String()))
					settle(t, tab)
					if n := browsertest.Eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`); n == 0 {
						t.Fatal("no results shown")
					}
					// Two frames: shifts are reported after layout.
					shifts := browsertest.Eval[[]shift](t, tab, `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(window.shifts))))`)
					total := 0.0
					for _, s := range shifts {
						total += s.Value
					}
					if total > 0.001 {
						t.Errorf("layout shift %.3f as the results arrive: %v", total, shifts)
					}
					for _, e := range tab.ConsoleErrors() {
						t.Errorf("console: %s", e)
					}
				})
			}
		})
	}
}
