package e2e

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestSearchMatchesFullScan runs search.html's search, in Chromium from
// file://, on 1,200 queries drawn from each site's own text, and compares
// every answer, in order, with a full substring scan of search.json done
// here as README's Search section defines it: on the real site and a
// synthetic one of 1,000 measures (one index file, scanned by search.js),
// and on synthetic sites of 1,000 and 10,000 measures in shards (search.js
// loads the shards a query needs).
func TestSearchMatchesFullScan(t *testing.T) {
	sites := []struct {
		name    string
		dir     func(t *testing.T) string
		sharded bool
	}{
		{"real site", func(*testing.T) string { return siteDir }, false},
		{"1,000 measures", func(t *testing.T) string { return corpusSite(t, 1000) }, false},
		{"1,000 measures in shards", func(t *testing.T) string { return shardedSite(t, 1000) }, true},
		{"10,000 measures", func(t *testing.T) string { return corpusSite(t, 10000) }, true},
	}
	for _, tc := range sites {
		t.Run(tc.name, func(t *testing.T) {
			if strings.HasPrefix(tc.name, "10,000") && testing.Short() {
				t.Skip("-short: 10,000 measures take a while to build")
			}
			dir := tc.dir(t)
			if _, err := os.Stat(filepath.Join(dir, site.SearchShardDir)); (err == nil) != tc.sharded {
				t.Fatalf("%s: the index is sharded: %v, want %v", dir, err == nil, tc.sharded)
			}
			idx := readIndex(t, dir)
			scan := newScanner(t, idx)
			queries := drawQueries(t, idx, scan, 1200)
			wants := scan.searchAll(queries)

			tab := browsertest.New(t)
			tab.Do(t, chromedp.Navigate(fileURLIn(dir, site.SearchPath)))
			var differ, matched int
			for start := 0; start < len(queries); start += 100 {
				batch := queries[start:min(len(queries), start+100)]
				arg, _ := json.Marshal(batch)
				got := browsertest.Eval[[][]int](t, tab, `Promise.all(`+string(arg)+`.map(q => micrositeSearch.search(q)))`)
				for i, q := range batch {
					want := wants(start + i)
					if len(want) > 0 {
						matched++
					}
					if !slices.Equal(got[i], want) {
						differ++
						if differ <= 10 {
							t.Errorf("query %q: the page finds %s, a full scan %s", q, abbreviate(got[i]), abbreviate(want))
						}
					}
				}
			}
			if differ > 0 {
				t.Errorf("%d of %d queries differ", differ, len(queries))
			} else {
				t.Logf("%d queries, %d with results, all as a full scan", len(queries), matched)
			}
			// The queries must test something: most find measures.
			if matched < len(queries)*3/4 {
				t.Errorf("only %d of %d queries find anything", matched, len(queries))
			}
			for _, e := range tab.ConsoleErrors() {
				t.Errorf("console: %s", e)
			}
		})
	}
}

func readIndex(t *testing.T, dir string) *search.Index {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, site.SearchJSONPath))
	if err != nil {
		t.Fatal(err)
	}
	var idx search.Index
	if err := json.Unmarshal(data, &idx); err != nil {
		t.Fatal(err)
	}
	return &idx
}

// scanner is the search as README defines it, by brute force.
type scanner struct {
	fold    search.Fold
	entries []scanned
}

type scanned struct {
	number            int
	title, meta, text string
}

func newScanner(t *testing.T, idx *search.Index) *scanner {
	t.Helper()
	fold, err := idx.Fold.Fold()
	if err != nil {
		t.Fatal(err)
	}
	s := &scanner{fold: fold}
	for _, e := range idx.Measures {
		s.entries = append(s.entries, scanned{
			number: e.Number,
			title:  fold.Normalize(e.Title),
			meta:   fold.Normalize(strings.Join(e.Units, " ") + " " + e.Category.Name),
			text:   fold.Normalize(e.Text),
		})
	}
	return s
}

// searchAll starts the full scans of queries on every core, while the
// browser runs the same queries, and returns a function that waits for
// the scan of the i-th query and returns its answer: at 10,000 measures,
// scanning 1,200 queries one after the other took longer than all the
// rest of the test.
func (s *scanner) searchAll(queries []string) func(i int) []int {
	answers := make([][]int, len(queries))
	done := make([]chan struct{}, len(queries))
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int, len(queries))
	for i := range queries {
		next <- i
	}
	close(next)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for i := range next {
				answers[i] = s.search(queries[i])
				close(done[i])
			}
		}()
	}
	return func(i int) []int {
		<-done[i]
		return answers[i]
	}
}

// search returns the numbers of the measures whose fields hold every term
// of q, ranked: more terms in the title (or equal to the number) first, then
// more in the lead units or category, then by number.
func (s *scanner) search(q string) []int {
	n := s.fold.Normalize(q)
	if n == "" {
		return []int{}
	}
	terms := strings.Split(n, " ")
	type hit struct{ number, title, meta int }
	var hits []hit
	for _, e := range s.entries {
		h := hit{number: e.number}
		all := true
		for _, term := range terms {
			switch {
			case isNumber(term, e.number) || strings.Contains(e.title, term):
				h.title++
			case strings.Contains(e.meta, term):
				h.meta++
			case !strings.Contains(e.text, term):
				all = false
			}
			if !all {
				break
			}
		}
		if all {
			hits = append(hits, h)
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.title != b.title {
			return b.title - a.title
		}
		if a.meta != b.meta {
			return b.meta - a.meta
		}
		return a.number - b.number
	})
	numbers := []int{}
	for _, h := range hits {
		numbers = append(numbers, h.number)
	}
	return numbers
}

// isNumber reports whether term is all ASCII digits with the value n.
func isNumber(term string, n int) bool {
	if term == "" || strings.TrimLeft(term, "0123456789") != "" {
		return false
	}
	term = strings.TrimLeft(term, "0")
	return len(term) <= 9 && term == strconv.Itoa(n)
}

// drawQueries draws n queries from idx's fields: pieces of one to six
// characters of titles, units, categories and texts, as written
// (Traditional), in Simplified (folded), in fullwidth, two or three at a
// time, measure numbers, and pieces no measure holds; the same ones every
// run.
func drawQueries(t *testing.T, idx *search.Index, s *scanner, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(16, 2026))
	measure := func() *search.Entry { return &idx.Measures[rng.IntN(len(idx.Measures))] }
	pieceOf := func(e *search.Entry) string {
		var field string
		switch k := rng.IntN(20); {
		case k < 6:
			field = e.Title
		case k < 9:
			field = strings.Join(e.Units, " ")
		case k < 10:
			field = e.Category.Name
		default:
			field = e.Text
		}
		rs := []rune(field)
		size := 1 + rng.IntN(6)
		if len(rs) <= size {
			return field
		}
		at := rng.IntN(len(rs) - size)
		return string(rs[at : at+size])
	}
	piece := func() string { return pieceOf(measure()) }
	simplified := func(q string) string {
		var b strings.Builder
		for _, r := range q {
			if to, ok := s.fold[r]; ok {
				r = to
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	fullwidth := func(q string) string {
		var b strings.Builder
		for _, r := range q {
			switch {
			case r == ' ':
				r = '\u3000'
			case r > ' ' && r < 0x7f:
				r += 0xFF01 - '!'
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	var qs []string
	for len(qs) < n {
		var q string
		switch k := rng.IntN(20); {
		case k < 7:
			q = piece()
		case k < 10:
			q = simplified(piece())
		case k < 11:
			q = fullwidth(piece())
		case k < 16:
			// Mostly terms of one measure, as a reader remembers them;
			// sometimes of two.
			e := measure()
			terms := []string{pieceOf(e), pieceOf(e)}
			if rng.IntN(3) == 0 {
				terms = append(terms, simplified(pieceOf(e)))
			}
			if rng.IntN(4) == 0 {
				terms[1] = piece()
			}
			q = strings.Join(terms, []string{" ", "\u3000", "  "}[rng.IntN(3)])
		case k < 18:
			q = strconv.Itoa(1 + rng.IntN(len(idx.Measures)+5))
			if rng.IntN(3) == 0 {
				q = fullwidth("0" + q)
			}
		case k < 19:
			q = piece() + "量子" // a piece no measure holds, most likely
		default:
			q = strings.ToUpper(piece()) // Latin in capitals, CJK as it is
		}
		if utf8.ValidString(q) && strings.TrimSpace(q) != "" {
			qs = append(qs, q)
		}
	}
	return qs
}

// abbreviate shows a long list of numbers by its length and ends.
func abbreviate(ns []int) string {
	if len(ns) <= 12 {
		return fmt.Sprint(ns)
	}
	return fmt.Sprintf("%d measures %v … %v", len(ns), ns[:6], ns[len(ns)-6:])
}

// TestSearchShardedPage types queries into the search page of a sharded
// site, from file:// and over http, and checks what the visitor sees: the
// first 20 results, in the order of a full scan, with their titles, pages
// and highlights, the count, and "more" adding the next ones with the focus
// on the first of them.
func TestSearchShardedPage(t *testing.T) {
	dir := shardedSite(t, 1000)
	idx := readIndex(t, dir)
	scan := newScanner(t, idx)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	for _, from := range []struct{ scheme, search string }{
		{"file", fileURLIn(dir, site.SearchPath)},
		{"http", srv.URL + "/" + site.SearchPath},
	} {
		t.Run(from.scheme, func(t *testing.T) {
			tab := newSearchTab(t)
			tab.Do(t, chromedp.Navigate(from.search))
			for _, q := range []string{"海關", "报关单 系统", "电子营业执照", "Ｏ２Ｏ", "17"} {
				clearBox(t, tab)
				tab.Do(t, chromedp.SendKeys("#search-q", q))
				want := scan.search(q)
				settle(t, tab)
				got := browsertest.Eval[[]result](t, tab, resultsJS)
				if len(got) != min(20, len(want)) {
					t.Fatalf("%s: %d results shown, want %d of %d", q, len(got), min(20, len(want)), len(want))
				}
				terms := browsertest.Eval[[]string](t, tab, "micrositeSearch.normalize("+jsString(q)+").split(' ')")
				for i, r := range got {
					e := idx.Measures[want[i]-1]
					if r.Title != e.Title || r.Href != e.URL {
						t.Errorf("%s: result %d is %q at %s, want %q at %s", q, i+1, r.Title, r.Href, e.Title, e.URL)
					}
					// A mark holds a term, or the part of one that the
					// snippet's end cuts.
					for _, m := range r.Marks {
						if !slices.ContainsFunc(terms, func(term string) bool { return strings.Contains(m, term) || strings.Contains(term, m) }) {
							t.Errorf("%s: result %q highlights %q", q, r.Title, m)
						}
					}
				}
				if st := browsertest.Eval[pageState](t, tab, stateJS); !strings.Contains(st.Status, strconv.Itoa(len(want))) {
					t.Errorf("%s: status %q, want the count %d", q, st.Status, len(want))
				}
				if len(want) > 20 {
					tab.Do(t, chromedp.Click("#search-more"))
					settle(t, tab)
					n := browsertest.Eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`)
					focused := browsertest.Eval[string](t, tab, `document.activeElement.getAttribute("href") || ""`)
					if n != min(40, len(want)) || focused != idx.Measures[want[20]-1].URL {
						t.Errorf("%s: after 'more', %d shown and the focus on %q; want %d and %s", q, n, focused, min(40, len(want)), idx.Measures[want[20]-1].URL)
					}
				}
			}
			for _, e := range tab.ConsoleErrors() {
				t.Errorf("console: %s", e)
			}
		})
	}
}
