package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/zhconv"
)

// hansPrefix is where the Simplified edition lives (site.toml [[editions]]).
const hansPrefix = "zh-hans/"

// switchLink finds the language switch's link to the other edition.
var switchLink = regexp.MustCompile(`<a href="([^"]+)" hreflang="(zh-Han[st])" lang="zh-Han[st]">`)

// TestEveryPageHasItsCounterpart checks both editions have the same pages and
// that each page's switch leads to the same page in the other edition.
func TestEveryPageHasItsCounterpart(t *testing.T) {
	pages := builtPages(t)
	exists := map[string]bool{}
	for _, p := range pages {
		exists[p] = true
	}
	hans := 0
	for _, p := range pages {
		counterpart, wantLang := hansPrefix+p, "zh-Hans"
		if rest, ok := strings.CutPrefix(p, hansPrefix); ok {
			counterpart, wantLang = rest, "zh-Hant"
			hans++
		}
		if !exists[counterpart] {
			t.Errorf("%s has no counterpart %s", p, counterpart)
			continue
		}
		src, err := os.ReadFile(filepath.Join(siteDir, p))
		if err != nil {
			t.Fatal(err)
		}
		m := switchLink.FindSubmatch(src)
		if m == nil {
			t.Errorf("%s has no language switch", p)
			continue
		}
		target := filepath.ToSlash(filepath.Join(filepath.Dir(p), string(m[1])))
		if rooted, ok := strings.CutPrefix(string(m[1]), "/"); ok {
			target = rooted // the 404 page's, from the site's folder: "/" without a base_url
		}
		if target != counterpart || string(m[2]) != wantLang {
			t.Errorf("%s: the switch leads to %s (%s), want %s (%s)", p, target, m[2], counterpart, wantLang)
		}
		wantHTMLLang := `<html lang="zh-Hant"`
		if strings.HasPrefix(p, hansPrefix) {
			wantHTMLLang = `<html lang="zh-Hans"`
		}
		if !strings.Contains(string(src), wantHTMLLang) {
			t.Errorf("%s lacks %s", p, wantHTMLLang)
		}
	}
	if hans == 0 || 2*hans != len(pages) {
		t.Errorf("%d of %d pages are in the Simplified edition, want half", hans, len(pages))
	}
}

// TestSimplifiedEditionIsConverted reads what a reader sees on every page of
// the Simplified edition — the text, the title, the description, labels —
// and checks that converting it to Simplified changes nothing. Only the
// switch's own label for the Traditional edition (lang="zh-Hant") is left.
func TestSimplifiedEditionIsConverted(t *testing.T) {
	tab := browsertest.New(t)
	t2s, err := zhconv.Load("t2s")
	if err != nil {
		t.Fatal(err)
	}
	const seen = `(() => {
		document.querySelectorAll('[lang="zh-Hant"]').forEach(e => e.remove());
		const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt],meta[name="description"],meta[property]')]
			.map(e => ['aria-label','title','placeholder','alt','content'].map(a => e.getAttribute(a) || '').join(' '));
		return [document.title, document.body.innerText, ...attrs].join('\n');
	})()`
	checked := 0
	for _, p := range builtPages(t) {
		if !strings.HasPrefix(p, hansPrefix) {
			continue
		}
		tab.Do(t, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(siteDir, p))))
		text := browsertest.Eval[string](t, tab, seen)
		if converted := t2s.String(text); converted != text {
			t.Errorf("%s shows unconverted text: %s", p, firstDifference(text, converted))
		}
		checked++
	}
	if checked < 59 {
		t.Errorf("checked %d Simplified pages, want at least 59", checked)
	}
}

// firstDifference shows where two strings first differ, with some context.
func firstDifference(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	for i := range ra {
		if i >= len(rb) || ra[i] != rb[i] {
			lo, hi := max(0, i-10), min(len(ra), i+10)
			return "…" + string(ra[lo:hi]) + "…"
		}
	}
	return "(length differs)"
}

// TestSwitchEditionInBrowser clicks the switch on a measure page and back.
func TestSwitchEditionInBrowser(t *testing.T) {
	tab := browsertest.New(t)
	tab.Do(t, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(siteDir, "measures/03.html"))))
	tab.Do(t, chromedp.Click(chromedp.CSS(`a[hreflang="zh-Hans"]`)), chromedp.WaitReady(chromedp.CSS(`html[lang="zh-Hans"]`)))
	if h1 := browsertest.Eval[string](t, tab, `document.querySelector("h1").textContent`); h1 != "报关单“一键改配”" {
		t.Errorf("after switching, h1 = %q", h1)
	}
	if loc := browsertest.Eval[string](t, tab, `location.pathname`); !strings.HasSuffix(loc, "/zh-hans/measures/03.html") {
		t.Errorf("after switching, at %s", loc)
	}
	tab.Do(t, chromedp.Click(chromedp.CSS(`a[hreflang="zh-Hant"]`)), chromedp.WaitReady(chromedp.CSS(`html[lang="zh-Hant"]`)))
	if h1 := browsertest.Eval[string](t, tab, `document.querySelector("h1").textContent`); h1 != "報關單“一鍵改配”" {
		t.Errorf("after switching back, h1 = %q", h1)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// TestSwitchEditionKeepsQuery switches edition on search.html: the other
// edition's search opens with the same query and its results.
func TestSwitchEditionKeepsQuery(t *testing.T) {
	tab := browsertest.New(t)
	page := "file://" + filepath.ToSlash(filepath.Join(siteDir, "search.html"))
	tab.Do(t, chromedp.Navigate(page+"?q="+url.QueryEscape("黃埔海關")),
		chromedp.WaitVisible(chromedp.CSS(".search-result")))
	// Typing changes the query the switch carries.
	browsertest.Eval[bool](t, tab, `(q => (q.value = "", true))(document.querySelector("#search-q"))`)
	tab.Do(t, chromedp.SendKeys(chromedp.CSS("#search-q"), "報關單"))
	tab.Do(t, chromedp.Click(chromedp.CSS(`.editions a[hreflang="zh-Hans"]`)),
		chromedp.WaitReady(chromedp.CSS(`html[lang="zh-Hans"]`)),
		chromedp.WaitVisible(chromedp.CSS(".search-result")))
	if loc := browsertest.Eval[string](t, tab, `decodeURIComponent(location.pathname + location.search)`); !strings.HasSuffix(loc, "/zh-hans/search.html?q=報關單") {
		t.Errorf("after switching, at %s", loc)
	}
	if q := browsertest.Eval[string](t, tab, `document.querySelector("#search-q").value`); q != "報關單" {
		t.Errorf("the query box holds %q", q)
	}
	if first := browsertest.Eval[string](t, tab, `document.querySelector(".search-result h2 a").textContent`); !strings.Contains(first, "报关单“一键改配”") {
		t.Errorf("first result %q, want measure 3 in Simplified", first)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
