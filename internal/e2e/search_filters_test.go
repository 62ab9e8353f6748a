package e2e

import (
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

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// filterState is what the visitor sees of the filters and the results.
type filterState struct {
	Category string              `json:"category"` // the chosen values
	Unit     string              `json:"unit"`
	Focus    string              `json:"focus"` // the focused element's id
	Status   string              `json:"status"`
	Numbers  []int               `json:"numbers"` // of the results shown
	Cats     []string            `json:"cats"`    // each result's category
	Units    [][]string          `json:"units"`
	Options  map[string][]option `json:"options"` // by select id
	Search   string              `json:"search"`  // location.search
	Switch   string              `json:"switch"`  // the other edition's link
	Marker   bool                `json:"marker"`  // set before: the page was not reloaded
}

type option struct {
	Value    string `json:"value"`
	Text     string `json:"text"`
	Disabled bool   `json:"disabled"`
}

const filterStateJS = `({
	category: document.getElementById("search-category").value,
	unit: document.getElementById("search-unit").value,
	focus: document.activeElement ? document.activeElement.id : "",
	status: document.getElementById("search-status").textContent,
	numbers: [...document.querySelectorAll("#search-results > li .search-number")].map(n => parseInt(n.textContent.replace(/\D/g, ""), 10)),
	cats: [...document.querySelectorAll("#search-results > li .search-facts dd:first-of-type")].map(d => d.textContent),
	units: [...document.querySelectorAll("#search-results > li .search-facts .units")].map(u => [...u.children].map(li => li.textContent)),
	options: Object.fromEntries(["search-category", "search-unit"].map(id => [id, [...document.getElementById(id).options].map(o => ({value: o.value, text: o.textContent, disabled: o.disabled}))])),
	search: location.search,
	switch: [...document.querySelectorAll(".editions a")].find(a => !a.hasAttribute("aria-current")).getAttribute("href"),
	marker: window.marker === 1,
})`

func readFilters(t *testing.T, tab *browsertest.Tab) filterState {
	t.Helper()
	settle(t, tab)
	return browsertest.Eval[filterState](t, tab, filterStateJS)
}

// counted returns the count an option shows, or -1.
func counted(o option) int {
	_, after, ok := strings.Cut(o.Text, "（")
	if !ok {
		return -1
	}
	n, err := strconv.Atoi(strings.TrimSuffix(after, "）"))
	if err != nil {
		return -1
	}
	return n
}

// expected returns, of the measures in numbers, those of category cat and
// unit unit ("" for any), in order.
func expected(s *site.Site, numbers []int, cat, unit string) []int {
	var out []int
	for _, n := range numbers {
		m := s.Measures[n-1]
		if (cat == "" || m.Category.Slug == cat) && (unit == "" || slices.ContainsFunc(m.Units, func(u *site.Unit) bool { return u.Slug == unit })) {
			out = append(out, n)
		}
	}
	return out
}

// testFilters narrows 海關's seven results by category from the address,
// then by lead unit with the keyboard, and checks every count against the
// results it promises, in the edition at prefix.
func testFilters(t *testing.T, root *url.URL, prefix string) {
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	haiguan := []int{3, 4, 5, 6, 7, 18, 29} // all of 海關's, ranked (see searchCases)
	tab := newSearchTab(t)
	u := root.JoinPath(prefix + site.SearchPath)
	u.RawQuery = "q=" + url.QueryEscape("海關") + "&category=trade"
	tab.Do(t, chromedp.Navigate(u.String()))
	browsertest.Eval[bool](t, tab, "window.marker = 1, true")

	st := readFilters(t, tab)
	trade := expected(s, haiguan, "trade", "")
	if st.Category != "trade" || !slices.Equal(st.Numbers, trade) {
		t.Fatalf("category=trade in the address: category %q, results %v, want trade and %v", st.Category, st.Numbers, trade)
	}
	name := st.Options["search-category"][slices.IndexFunc(st.Options["search-category"], func(o option) bool { return o.Value == "trade" })].Text
	name, _, _ = strings.Cut(name, "（")
	for i, c := range st.Cats {
		if c != name {
			t.Errorf("result %d is in %q, not %q", st.Numbers[i], c, name)
		}
	}
	if !strings.Contains(st.Status, strconv.Itoa(len(trade))) || !strings.Contains(st.Status, name) {
		t.Errorf("status %q: want the count %d and the filter %s", st.Status, len(trade), name)
	}
	// The counts: each category's with any unit, each unit's within trade.
	for _, o := range st.Options["search-category"] {
		want := len(expected(s, haiguan, o.Value, ""))
		if got := counted(o); got != want || o.Disabled != (want == 0 && o.Value != "trade") {
			t.Errorf("category option %q: count %d, disabled %v; want %d, disabled %v", o.Text, got, o.Disabled, want, want == 0)
		}
	}
	for _, o := range st.Options["search-unit"] {
		if want := len(expected(s, haiguan, "trade", o.Value)); counted(o) != want || o.Disabled != (want == 0) {
			t.Errorf("unit option %q: count %d, disabled %v; want %d, disabled %v", o.Text, counted(o), o.Disabled, want, want == 0)
		}
	}

	// With the keyboard: the next unit that has results.
	tab.Do(t, chromedp.Focus("#search-unit"), chromedp.KeyEvent(kb.ArrowDown))
	st = readFilters(t, tab)
	if st.Unit == "" {
		t.Fatal("ArrowDown on the unit filter chose nothing")
	}
	both := expected(s, haiguan, "trade", st.Unit)
	unitName := st.Options["search-unit"][slices.IndexFunc(st.Options["search-unit"], func(o option) bool { return o.Value == st.Unit })].Text
	unitName, _, _ = strings.Cut(unitName, "（")
	q := url.Values{}
	for k, v := range map[string]string{"q": "海關", "category": "trade", "unit": st.Unit} {
		q.Set(k, v)
	}
	switch {
	case !slices.Equal(st.Numbers, both):
		t.Errorf("trade and %s: results %v, want %v", st.Unit, st.Numbers, both)
	case st.Focus != "search-unit":
		t.Errorf("after choosing a unit, the focus is on %q, not the filter", st.Focus)
	case !st.Marker:
		t.Error("choosing a unit reloaded the page")
	case !strings.Contains(st.Status, strconv.Itoa(len(both))):
		t.Errorf("status %q does not give the count %d", st.Status, len(both))
	}
	if !strings.Contains(st.Status, unitName) {
		t.Errorf("status %q does not name the unit %s", st.Status, unitName)
	}
	for i, us := range st.Units {
		if !slices.Contains(us, unitName) {
			t.Errorf("result %d is led by %q, not %s", st.Numbers[i], us, unitName)
		}
	}
	if got, _ := url.ParseQuery(strings.TrimPrefix(st.Search, "?")); fmt.Sprint(got) != fmt.Sprint(q) {
		t.Errorf("the address holds %s, want %s", st.Search, q.Encode())
	}
	if !strings.Contains(st.Switch, "unit="+st.Unit) || !strings.Contains(st.Switch, "category=trade") {
		t.Errorf("the edition switch leads to %s, without the filters", st.Switch)
	}

	// Every category's count is the number of results it gives.
	for _, o := range st.Options["search-category"] {
		browsertest.Eval[bool](t, tab, fmt.Sprintf(`(s => (s.value = %q, s.dispatchEvent(new Event("change")), true))(document.getElementById("search-category"))`, o.Value))
		got := readFilters(t, tab)
		if want := expected(s, haiguan, o.Value, st.Unit); counted(o) != len(want) || !slices.Equal(got.Numbers, want) {
			t.Errorf("category %q: %v shown, the option promised %d, want %v", o.Text, got.Numbers, counted(o), want)
		}
	}
	// An unknown value in the address is no filter.
	u.RawQuery = "q=" + url.QueryEscape("海關") + "&category=nothing&unit="
	tab.Do(t, chromedp.Navigate(u.String()))
	if st := readFilters(t, tab); st.Category != "" || !slices.Equal(st.Numbers, haiguan) {
		t.Errorf("category=nothing: category %q, results %v, want none and %v", st.Category, st.Numbers, haiguan)
	}
	// Without a query, the options are plain names, none disabled.
	tab.Do(t, chromedp.SendKeys("#search-q", "\b\b"))
	for id, os := range readFilters(t, tab).Options {
		for _, o := range os {
			if counted(o) >= 0 || o.Disabled {
				t.Errorf("empty query: %s option %q, disabled %v", id, o.Text, o.Disabled)
			}
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

func TestSearchFilters(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(siteDir)))
	defer srv.Close()
	overHTTP, _ := url.Parse(srv.URL + "/")
	fromFile := &url.URL{Scheme: "file", Path: filepath.ToSlash(siteDir) + "/"}
	for _, root := range []*url.URL{fromFile, overHTTP} {
		for _, prefix := range []string{"", "zh-hans/"} {
			t.Run(root.Scheme+" "+prefix, func(t *testing.T) { testFilters(t, root, prefix) })
		}
	}
}

// TestSearchFiltersSharded opens a sharded 1,000-measure site's search page
// from file:// with a query and a category in its address, then with a lead
// unit too, and checks the results shown, the status's count and every
// option's count against a full scan narrowed by the measures' sources:
// with shards, the facets come from the manifest, not from the measures'
// texts, which the page loads only for the results it shows.
func TestSearchFiltersSharded(t *testing.T) {
	dir := shardedSite(t, 1000)
	s, err := content.Load(os.DirFS(filepath.Join(filepath.Dir(dir), "src")))
	if err != nil {
		t.Fatal(err)
	}
	scan := newScanner(t, readIndex(t, dir))
	tab := newSearchTab(t)
	for _, q := range []string{"海关", "企業 登记"} {
		all := scan.search(q)
		// The category and, within it, the unit with the most results.
		cat := mostOf(all, func(n int) []string { return []string{s.Measures[n-1].Category.Slug} })
		inCat := expected(s, all, cat, "")
		unit := mostOf(inCat, func(n int) []string {
			var slugs []string
			for _, u := range s.Measures[n-1].Units {
				slugs = append(slugs, u.Slug)
			}
			return slugs
		})
		for _, f := range []struct{ cat, unit string }{{cat, ""}, {cat, unit}} {
			t.Run(fmt.Sprintf("%s category=%s unit=%s", q, f.cat, f.unit), func(t *testing.T) {
				u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, site.SearchPath))}
				u.RawQuery = url.Values{"q": {q}, "category": {f.cat}, "unit": {f.unit}}.Encode()
				tab.Do(t, chromedp.Navigate(u.String()))
				st := readFilters(t, tab)
				want := expected(s, all, f.cat, f.unit)
				if len(want) == 0 || len(want) == len(all) {
					t.Fatalf("%d of %d results narrowed: the filter tests nothing", len(want), len(all))
				}
				if st.Category != f.cat || st.Unit != f.unit || !slices.Equal(st.Numbers, want[:min(20, len(want))]) {
					t.Errorf("filters %q %q, results %v; want %q %q and %v", st.Category, st.Unit, abbreviate(st.Numbers), f.cat, f.unit, abbreviate(want[:min(20, len(want))]))
				}
				if !strings.Contains(st.Status, strconv.Itoa(len(want))) {
					t.Errorf("status %q: want the count %d", st.Status, len(want))
				}
				for _, o := range st.Options["search-category"] {
					if got, want := counted(o), len(expected(s, all, o.Value, f.unit)); o.Value != "" && got != want {
						t.Errorf("category option %q: count %d, want %d", o.Text, got, want)
					}
				}
				for _, o := range st.Options["search-unit"] {
					if got, want := counted(o), len(expected(s, all, f.cat, o.Value)); o.Value != "" && got != want {
						t.Errorf("unit option %q: count %d, want %d", o.Text, got, want)
					}
				}
			})
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// mostOf returns the key that most of numbers have, the first in order
// among equals.
func mostOf(numbers []int, keys func(int) []string) string {
	count := map[string]int{}
	best := ""
	for _, n := range numbers {
		for _, k := range keys(n) {
			count[k]++
			if count[k] > count[best] || best == "" {
				best = k
			}
		}
	}
	return best
}
