package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// requireToolsEnv makes a missing test tool (Java, zbarimg, the npm
// packages axe-core and vnu-jar) a failure instead of a skip; .ci/run sets
// it.
const requireToolsEnv = "MICROSITE_REQUIRE_TOOLS"

// tool returns the path of a file installed by npm under node_modules, or
// skips the test (fails it under requireToolsEnv) when it is missing.
func tool(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		srctest.SkipOrFail(t, requireToolsEnv, "%s is missing (run npm ci --ignore-scripts in internal/e2e)", p)
	}
	return p
}

// A pageType is one kind of page, by an example of it.
type pageType struct {
	name string
	kind render.Kind
	path string // from the site root, with any ?query
}

// pageTypes lists one page of every kind the site has.
func pageTypes() []pageType {
	// Search is checked with a query that finds measures and one that
	// finds none; its deferred scripts show the results before the load
	// event, which Navigate waits for.
	return []pageType{
		{name: "home", kind: render.Home, path: "index.html"},
		{name: "category", kind: render.Category, path: "categories/trade.html"},
		{name: "unit", kind: render.Unit, path: "units/guangzhou-customs.html"},
		{name: "unit index", kind: render.Units, path: "units/index.html"},
		{name: "measure", kind: render.Measure, path: "measures/03.html"},
		{name: "full table", kind: render.Table, path: "measures.html"},
		{name: "404", kind: render.NotFound, path: "404.html"},
		{name: "site map", kind: render.SiteMap, path: "sitemap.html"},
		{name: "search with results", kind: render.Search, path: "search.html?q=" + url.QueryEscape("海關")},
		{name: "search with none", kind: render.Search, path: "search.html?q=" + url.QueryEscape("沒有這樣的詞")},
		{name: "search with filters", kind: render.Search, path: "search.html?q=" + url.QueryEscape("海關") + "&category=trade&unit=guangzhou-customs"},
		{name: "search, no query", kind: render.Search, path: "search.html"},
	}
}

// TestPageTypesCoverKinds holds pageTypes to the page kinds: a kind added
// to render.Kinds without an example here would go unchecked by axe, the
// layout tests and the screenshots.
func TestPageTypesCoverKinds(t *testing.T) {
	for _, k := range render.Kinds {
		if !slices.ContainsFunc(pageTypes(), func(pt pageType) bool { return pt.kind == k.Kind }) {
			t.Errorf("page kind %s has no example in pageTypes", k.Kind)
		}
	}
}

// fileURL is the file:// URL of a page of the built site.
func fileURL(path string) string { return fileURLIn(siteDir, path) }

// fileURLIn is the file:// URL of a page of the site built in dir.
func fileURLIn(dir, path string) string {
	p, query, _ := strings.Cut(path, "?")
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, p)), RawQuery: query}
	return u.String()
}

// A mode is how a reader has set up their browser and the site.
type mode struct {
	name   string
	scheme string // prefers-color-scheme: "light" or "dark"
	size   int    // the text-size step, 0–2
	high   bool   // high contrast
	cursor bool   // the large pointer
	guide  bool   // the reading guide
}

var modes = []mode{
	{name: "light", scheme: "light"},
	{name: "dark", scheme: "dark"},
	{name: "light, larger text", scheme: "light", size: 2},
	{name: "dark, large text, high contrast", scheme: "dark", size: 1, high: true},
	{name: "light, large cursor, reading guide", scheme: "light", cursor: true, guide: true},
}

// prefsKey is the localStorage key of assets/prefs.js.
const prefsKey = "nansha-161-reading-prefs"

// colorScheme emulates the reader's prefers-color-scheme.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// setPrefs saves the reading preferences of m as prefs.js does, from the
// page the tab is on, and reloads it.
func setPrefs(t *testing.T, tab *browsertest.Tab, m mode) {
	t.Helper()
	v, _ := json.Marshal(map[string]any{"size": m.size, "contrast": m.high, "cursor": m.cursor, "guide": m.guide})
	browsertest.Eval[bool](t, tab, fmt.Sprintf("localStorage.setItem(%q, %q), true", prefsKey, v))
}

// checkMode fails the test unless the page is seen in mode m: the emulated
// colour scheme, and the saved preferences applied by prefs.js.
func checkMode(t *testing.T, tab *browsertest.Tab, m mode) {
	t.Helper()
	if !browsertest.Eval[bool](t, tab, fmt.Sprintf("matchMedia('(prefers-color-scheme: %s)').matches", m.scheme)) {
		t.Errorf("prefers-color-scheme is not %s", m.scheme)
	}
	var want []string
	if m.high {
		want = append(want, "contrast")
	}
	if m.cursor {
		want = append(want, "cursor")
	}
	if m.guide {
		want = append(want, "guide")
	}
	if m.size > 0 {
		want = append(want, fmt.Sprintf("text-%d", m.size))
	}
	got := browsertest.Eval[string](t, tab, `[...document.documentElement.classList].sort().join(" ")`)
	if got != strings.Join(want, " ") {
		t.Errorf("<html class=%q>, want %q: the saved preferences were not applied", got, strings.Join(want, " "))
	}
}

// axeTags are the rule sets the site must pass: WCAG 2.1 A and AA, and
// axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// runAxe injects axe-core into the page and returns its violations.
func runAxe(t *testing.T, tab *browsertest.Tab, axeSrc string) []axeViolation {
	t.Helper()
	if !browsertest.Eval[bool](t, tab, "typeof axe === 'object'") {
		browsertest.Eval[bool](t, tab, axeSrc+"\n;true")
	}
	tags, _ := json.Marshal(axeTags)
	// preload: false, because axe would fetch the stylesheets again with
	// XMLHttpRequest, which Chromium refuses on file://; the one rule that
	// reads them (css-orientation-lock) still sees them through the CSSOM.
	js := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"], preload: false})
		.then(r => r.passes.length > 10 ? JSON.stringify(r.violations) : "too few rules passed: " + r.passes.length)`, tags)
	var vs []axeViolation
	out := browsertest.Eval[string](t, tab, js)
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe: %s", out)
	}
	return vs
}

// TestAccessibility runs axe-core on every page type, in every mode, from
// file://, as built from the repository and with a base_url (which adds
// each page's QR code): zero violations allowed.
func TestAccessibility(t *testing.T) {
	axePath := tool(t, "axe-core/axe.min.js")
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	for _, dir := range []string{siteDir, buildWithBaseURL(t, "https://www.gz.gov.cn/nansha3/")} {
		axeInModes(t, tab, src, dir, filepath.Base(dir)+", ", func(int) []pageType { return pageTypes() })
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// axeInModes sets the site in dir up in each reading mode, from its home
// page, then opens each of pages(i), the pages to check in the i-th mode,
// finds it shown in that mode and runs axe-core (its source src) on it. The
// subtests are named prefix and the mode, then the page. The tab's console
// is the caller's to check, once it is done with the tab.
func axeInModes(t *testing.T, tab *browsertest.Tab, src []byte, dir, prefix string, pages func(i int) []pageType) {
	t.Helper()
	for i, m := range modes {
		t.Run(prefix+m.name, func(t *testing.T) {
			tab.Do(t, colorScheme(m.scheme), chromedp.Navigate(fileURLIn(dir, "index.html")))
			setPrefs(t, tab, m)
			for _, pt := range pages(i) {
				t.Run(pt.name, func(t *testing.T) {
					tab.Do(t, chromedp.Navigate(fileURLIn(dir, pt.path)))
					checkMode(t, tab, m)
					reportAxe(t, tab, src)
				})
			}
		})
	}
}

// byPath are pages, each named by its path.
func byPath(paths ...string) []pageType {
	pts := make([]pageType, len(paths))
	for i, p := range paths {
		pts[i] = pageType{name: p, path: p}
	}
	return pts
}

// reportAxe runs axe-core (its source src) on the tab's page and fails the
// test with each violation and the elements it found it on.
func reportAxe(t *testing.T, tab *browsertest.Tab, src []byte) {
	t.Helper()
	for _, v := range runAxe(t, tab, string(src)) {
		t.Errorf("%s (%s): %s", v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			t.Errorf("    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", "; "))
		}
	}
}
