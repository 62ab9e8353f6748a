package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// searchCases are typed into search.html's box; want lists the measures
// expected, in order.
var searchCases = []struct {
	name, query string
	want        []int
}{
	{"simplified finds traditional", "报关单", []int{3}},
	{"traditional", "報關單", []int{3}},
	{"lead unit, then text, simplified", "海关", []int{3, 4, 5, 6, 7, 18, 29}},
	{"lead unit before text", "政务", []int{1, 14, 15, 16, 9, 17}},
	{"title, lead unit, text", "工商", []int{17, 18, 15, 19}},
	{"lead unit", "黃埔海關", []int{3, 4, 5, 7}},
	{"fullwidth and simplified", "ｅ＋关锁", []int{4}},
	{"fullwidth latin", "Ｏ２Ｏ", []int{1}},
	{"halfwidth, lower case", "o2o", []int{1}},
	{"version number", "3.0", []int{23}},
	{"measure number", "17", []int{17}},
	{"number, then titles, then texts", "3", []int{3, 23, 5, 8, 10, 12, 20, 25}},
	{"two terms", "仲裁 港澳", []int{24}},
	{"two terms: both in title first", "船舶 边检", []int{10, 13, 7}},
	{"title before category", "绿色", []int{30, 31}},
	{"category name", "法治环境", []int{19, 20, 21, 22, 23, 24, 25, 26, 27}},
	{"variant character", "爲商事", []int{1}},
	{"no results", "量子计算机", nil},
	{"html-like query", "<img src=x onerror=alert(1)>", nil},
}

// resultsJS reads the results back from the page: for each, its number
// label, its title without the label, and the text of its marks.
const resultsJS = `[...document.querySelectorAll("#search-results > li")].map(li => {
	const a = li.querySelector("h2 a");
	return {
		number: a.querySelector(".search-number").textContent,
		title: [...a.childNodes].filter(n => !(n.classList && n.classList.contains("search-number"))).map(n => n.textContent).join("").trim(),
		href: a.getAttribute("href"),
		marks: [...li.querySelectorAll("mark")].map(m => micrositeSearch.normalize(m.textContent)),
	};
})`

type result struct {
	Number string   `json:"number"`
	Title  string   `json:"title"`
	Href   string   `json:"href"`
	Marks  []string `json:"marks"`
}

// pageState is what the visitor sees besides the results.
type pageState struct {
	Status   string `json:"status"`
	NoneShow bool   `json:"noneShown"`
	Input    string `json:"input"`
	Images   int    `json:"images"`
	Alerts   int    `json:"alerts"`
}

const stateJS = `({
	status: document.getElementById("search-status").textContent,
	noneShown: !document.getElementById("search-none").hidden,
	input: document.getElementById("search-q").value,
	images: document.querySelectorAll("main img").length,
	alerts: window.alerts ? window.alerts.length : 0,
})`

func titles(t *testing.T) map[int]string {
	t.Helper()
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	m := map[int]string{}
	for _, x := range s.Measures {
		m[x.Number] = x.Title
	}
	return m
}

// checkResults compares the results on the page with the measures wanted.
func checkResults(t *testing.T, tab *browsertest.Tab, query string, want []int) {
	t.Helper()
	settle(t, tab)
	all := titles(t)
	got := browsertest.Eval[[]result](t, tab, resultsJS)
	var gotTitles, wantTitles []string
	for _, r := range got {
		gotTitles = append(gotTitles, r.Title)
	}
	for _, n := range want {
		wantTitles = append(wantTitles, all[n])
	}
	if !slices.Equal(gotTitles, wantTitles) {
		t.Fatalf("query %q: results\n%q\nwant\n%q", query, gotTitles, wantTitles)
	}
	terms := browsertest.Eval[[]string](t, tab, "micrositeSearch.normalize("+jsString(query)+").split(' ')")
	for i, r := range got {
		pad := strconv.Itoa(want[i])
		if len(pad) < 2 {
			pad = "0" + pad
		}
		if !strings.Contains(r.Number, pad) || r.Href != "measures/"+pad+".html" {
			t.Errorf("query %q: result %d shows number %q and links to %q, want %s", query, i+1, r.Number, r.Href, pad)
		}
		byNumber := len(terms) == 1 && terms[0] == strconv.Itoa(want[i])
		if len(r.Marks) == 0 && !byNumber {
			t.Errorf("query %q: result %q highlights nothing", query, r.Title)
		}
		for _, m := range r.Marks {
			if !slices.ContainsFunc(terms, func(term string) bool { return strings.Contains(m, term) }) {
				t.Errorf("query %q: result %q highlights %q, which holds no term of %q", query, r.Title, m, terms)
			}
		}
	}
	st := browsertest.Eval[pageState](t, tab, stateJS)
	switch {
	case len(want) == 0 && (!st.NoneShow || st.Status == ""):
		t.Errorf("query %q: no results, but no message (status %q)", query, st.Status)
	case len(want) > 0 && (st.NoneShow || !strings.Contains(st.Status, strconv.Itoa(len(want)))):
		t.Errorf("query %q: status %q does not give the count %d", query, st.Status, len(want))
	}
	if st.Images != 0 || st.Alerts != 0 {
		t.Errorf("query %q: %d images and %d alerts on the page: the query ran as HTML", query, st.Images, st.Alerts)
	}
}

// settle waits until the page shows the results of what was last typed,
// chosen or clicked (search.js loads what it needs as it goes).
func settle(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	browsertest.Eval[bool](t, tab, `micrositeSearch.settled().then(() => true)`)
}

// clearBox empties the search box without an input event, as if the page
// had just loaded.
func clearBox(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	browsertest.Eval[string](t, tab, `document.getElementById("search-q").value = ""`)
}

// checkEmpty checks that the page shows no results and no message.
func checkEmpty(t *testing.T, tab *browsertest.Tab, what string) {
	t.Helper()
	settle(t, tab)
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`); n != 0 {
		t.Errorf("%s: %d results", what, n)
	}
	if st := browsertest.Eval[pageState](t, tab, stateJS); st.Status != "" || st.NoneShow {
		t.Errorf("%s: status %q, no-results message shown %v; want neither", what, st.Status, st.NoneShow)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// newSearchTab opens a tab in which window.alert counts its calls instead
// of blocking the page, from before any script of a page runs: a query run
// as HTML would show up in stateJS's alerts.
func newSearchTab(t *testing.T) *browsertest.Tab {
	t.Helper()
	tab := browsertest.New(t)
	_, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.alerts = []; window.alert = m => { window.alerts.push(m); };`,
	})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func testSearchTyping(t *testing.T, root *url.URL) {
	tab := newSearchTab(t)
	tab.Do(t, chromedp.Navigate(root.JoinPath(site.SearchPath).String()))
	checkEmpty(t, tab, "empty query")
	for _, tc := range searchCases {
		t.Run(tc.name, func(t *testing.T) {
			clearBox(t, tab)
			tab.Do(t, chromedp.SendKeys("#search-q", tc.query))
			if got := browsertest.Eval[string](t, tab, `document.getElementById("search-q").value`); got != tc.query {
				t.Fatalf("typed %q, the box holds %q", tc.query, got)
			}
			checkResults(t, tab, tc.query, tc.want)
		})
	}
	// A common word shows the first results and a button for the rest,
	// which moves the focus to the first of those it adds.
	clearBox(t, tab)
	tab.Do(t, chromedp.SendKeys("#search-q", "的"))
	total := browsertest.Eval[int](t, tab, `micrositeSearch.search("的").then(r => r.length)`)
	shown := `document.querySelectorAll("#search-results > li").length`
	settle(t, tab)
	first := browsertest.Eval[int](t, tab, shown)
	if total <= first || first == 0 {
		t.Fatalf("的: %d results shown of %d; want a first part", first, total)
	}
	tab.Do(t, chromedp.Click("#search-more"))
	settle(t, tab)
	if n := browsertest.Eval[int](t, tab, shown); n != total {
		t.Errorf("的: %d results shown after 'more', want all %d", n, total)
	}
	if more := browsertest.Eval[bool](t, tab, `document.getElementById("search-more").hidden`); !more {
		t.Error("the 'more' button stays when every result is shown")
	}
	focused := fmt.Sprintf(`document.activeElement === document.querySelectorAll("#search-results > li")[%d].querySelector("a")`, first)
	if !browsertest.Eval[bool](t, tab, focused) {
		t.Error("after 'more', the focus is not on the first added result")
	}
	// Emptying the box clears the results, with no message.
	clearBox(t, tab)
	tab.Do(t, chromedp.SendKeys("#search-q", "海關"))
	settle(t, tab)
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`); n == 0 {
		t.Fatal("海關 found nothing")
	}
	tab.Do(t, chromedp.SendKeys("#search-q", "\b\b"))
	checkEmpty(t, tab, "emptied box")
	// With an input method (how most Chinese is typed), the pinyin being
	// composed is not searched; the characters chosen are.
	clearBox(t, tab)
	tab.Do(t, chromedp.Focus("#search-q"))
	if _, err := chromedp.Call(tab.Ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: "haiguan", SelectionStart: 7, SelectionEnd: 7}); err != nil {
		t.Fatal(err)
	}
	if st := browsertest.Eval[pageState](t, tab, stateJS); st.Input != "haiguan" || st.Status != "" || st.NoneShow {
		t.Errorf("while composing %q: status %q, no-results message shown %v; want neither", st.Input, st.Status, st.NoneShow)
	}
	if _, err := chromedp.Call(tab.Ctx, input.InsertText, input.InsertTextParams{Text: "海關"}); err != nil {
		t.Fatal(err)
	}
	checkResults(t, tab, "海關", []int{3, 4, 5, 6, 7, 18, 29})
	// Once typing pauses, the address holds the query, for bookmarks.
	clearBox(t, tab)
	tab.Do(t, chromedp.SendKeys("#search-q", "黃埔海關"), chromedp.Sleep(800*time.Millisecond))
	if q := browsertest.Eval[string](t, tab, `new URLSearchParams(location.search).get("q")`); q != "黃埔海關" {
		t.Errorf("after typing, the address holds q=%q, want 黃埔海關", q)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// testSearchLinks opens search.html?q=… directly (a bookmark or a link) and
// through the header's form on another page.
func testSearchLinks(t *testing.T, root *url.URL) {
	tab := newSearchTab(t)
	for _, tc := range []struct {
		name, query string
		want        []int
	}{
		{"ideographic space separates terms", "跨境电商\u3000B2B", []int{29}},
		{"html-like query", "<img src=x onerror=alert(1)>", nil},
		{"simplified lead unit", "黄埔海关", []int{3, 4, 5, 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := root.JoinPath(site.SearchPath)
			u.RawQuery = url.Values{"q": {tc.query}}.Encode()
			tab.Do(t, chromedp.Navigate(u.String()))
			if got := browsertest.Eval[pageState](t, tab, stateJS).Input; got != tc.query {
				t.Errorf("the box holds %q, want the query %q", got, tc.query)
			}
			checkResults(t, tab, tc.query, tc.want)
		})
	}
	t.Run("header form", func(t *testing.T) {
		tab.Do(t, chromedp.Navigate(root.JoinPath("measures/05.html").String()),
			chromedp.SendKeys("#site-search-q", "报关单"),
			chromedp.Submit("#site-search-q"),
			chromedp.WaitVisible("#search-results > li"))
		if loc := browsertest.Eval[string](t, tab, "location.pathname"); !strings.HasSuffix(loc, "/"+site.SearchPath) {
			t.Errorf("the header form led to %s, want search.html", loc)
		}
		checkResults(t, tab, "报关单", []int{3})
	})
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

func TestSearchFromFile(t *testing.T) {
	root := &url.URL{Scheme: "file", Path: filepath.ToSlash(siteDir) + "/"}
	t.Run("typing", func(t *testing.T) { testSearchTyping(t, root) })
	t.Run("links", func(t *testing.T) { testSearchLinks(t, root) })
}

func TestSearchOverHTTP(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(siteDir)))
	defer srv.Close()
	root, _ := url.Parse(srv.URL + "/")
	t.Run("typing", func(t *testing.T) { testSearchTyping(t, root) })
	t.Run("links", func(t *testing.T) { testSearchLinks(t, root) })
}

// TestSearchWithoutJavaScript: the page says search needs JavaScript and
// links to the full list.
func TestSearchWithoutJavaScript(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(siteDir, site.SearchPath))
	if err != nil {
		t.Fatal(err)
	}
	page := string(src)
	start, end := strings.Index(page, "<noscript>"), strings.Index(page, "</noscript>")
	if start < 0 || end < start || !strings.Contains(page[start:end], `href="`+site.TablePath+`"`) {
		t.Errorf("search.html has no <noscript> message linking to %s", site.TablePath)
	}
}

// TestSearchIndexOrder: search-index.js loads async, so it may run before
// search.js or after it (here, half a second late); either way the results
// show. When it cannot be loaded at all, the page says so.
func TestSearchIndexOrder(t *testing.T) {
	files := http.FileServer(http.Dir(siteDir))
	for _, tc := range []struct {
		name   string
		delay  time.Duration
		absent bool
	}{
		{"index first", 0, false},
		{"index late", 500 * time.Millisecond, false},
		{"index missing", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/"+site.SearchScriptPath) {
					if tc.absent {
						http.NotFound(w, r)
						return
					}
					time.Sleep(tc.delay)
				}
				files.ServeHTTP(w, r)
			}))
			defer srv.Close()
			tab := newSearchTab(t)
			u, _ := url.Parse(srv.URL + "/" + site.SearchPath)
			u.RawQuery = url.Values{"q": {"黃埔海關"}}.Encode()
			tab.Do(t, chromedp.Navigate(u.String()))
			if tc.absent {
				want := browsertest.Eval[string](t, tab, `document.getElementById("search").dataset.unavailable`)
				if got := browsertest.Eval[pageState](t, tab, stateJS).Status; got != want {
					t.Errorf("without search-index.js, the status says %q, want %q", got, want)
				}
				return
			}
			browsertest.Eval[bool](t, tab, `new Promise(done => { const poll = () => window.micrositeSearch ? done(true) : setTimeout(poll, 10); poll(); })`)
			checkResults(t, tab, "黃埔海關", []int{3, 4, 5, 7})
			for _, e := range tab.ConsoleErrors() {
				t.Errorf("console: %s", e)
			}
		})
	}
}
