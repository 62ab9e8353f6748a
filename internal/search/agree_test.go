package search

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/markdown"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// realIndex builds the index of the repository's own site.
func realIndex(t *testing.T) *Index {
	t.Helper()
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	conv := markdown.New()
	idx, err := Build(s, func(m *site.Measure) string {
		doc, err := conv.Convert(m.Body.Text, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return doc.Text
	})
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// TestSubsetMatchesLikeDictionary checks the claim that lets the index ship
// a small table: with it, every character of the whole dictionary, as a
// query, matches the corpus exactly when it would with the whole table.
func TestSubsetMatchesLikeDictionary(t *testing.T) {
	idx := realIndex(t)
	full := dictionary(t)
	sub, err := idx.Fold.Fold()
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) == 0 || len(sub) > len(full)/4 {
		t.Fatalf("shipped table has %d of the dictionary's %d pairs", len(sub), len(full))
	}
	var corpus strings.Builder
	for _, e := range idx.Measures {
		corpus.WriteString(strings.Join(e.Searched(), "\n") + "\n")
	}
	withFull, withSub := full.Normalize(corpus.String()), sub.Normalize(corpus.String())
	if withFull != withSub {
		t.Fatal("the corpus normalises differently with the shipped table")
	}
	queries := 0
	for from, to := range full {
		for _, q := range []string{string(from), string(to)} {
			queries++
			if a, b := strings.Contains(withFull, full.Normalize(q)), strings.Contains(withSub, sub.Normalize(q)); a != b {
				t.Errorf("query %s: matches %v with the dictionary, %v with the shipped table", q, a, b)
			}
		}
	}
	t.Logf("%d queries; shipped table: %d of %d pairs", queries, len(sub), len(full))
}

// TestNormalizersAgree runs the Go normaliser and the one in the shipped
// (minified) assets/search.js, in Chromium, on the same inputs: the test
// cases, every searched field of the real site, and every character of the
// shipped table.
func TestNormalizersAgree(t *testing.T) {
	idx := realIndex(t)
	fold, err := idx.Fold.Fold()
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	exotic := map[string]bool{}
	for _, tc := range normalizeCases {
		inputs = append(inputs, tc.in)
		exotic[tc.in] = strings.HasPrefix(tc.name, "exotic")
	}
	for _, e := range idx.Measures {
		inputs = append(inputs, e.Searched()...)
	}
	for from, to := range fold {
		inputs = append(inputs, string(from)+" "+string(to))
	}

	tab := browsertest.New(t)
	got := jsNormalize(t, tab, idx.Fold, inputs)
	for i, in := range inputs {
		want := fold.Normalize(in)
		if got[i][0] != want {
			t.Errorf("normalize(%q): JavaScript %q, Go %q", in, got[i][0], want)
		}
		// Highlighting finds terms with the segment-by-segment variant.
		if got[i][1] != want && !exotic[in] {
			t.Errorf("normalizeBySegment(%q): JavaScript %q, Go %q", in, got[i][1], want)
		}
	}

	// A table with characters outside the Basic Multilingual Plane, which
	// search.js folds on a path of their own.
	astral := Fold{'𠀀': '丁', '關': '关', '𠀁': '𠂉', '丂': '𠀂'}
	inputs = []string{"𠀀關𠀁丂", "a𠀀 b丂", "𠀂𠀀"}
	got = jsNormalize(t, tab, astral.Pairs(), inputs)
	for i, in := range inputs {
		if want := astral.Normalize(in); got[i][0] != want || got[i][1] != want {
			t.Errorf("with a table outside the BMP, normalize(%q): JavaScript %q and %q, Go %q", in, got[i][0], got[i][1], want)
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// jsNormalize loads an index of no measures with the folding table fold and
// the shipped (minified) search.js into a blank page from file:// and
// returns, for each input, what micrositeSearch's normalize and
// normalizeBySegment make of it.
func jsNormalize(t *testing.T, tab *browsertest.Tab, fold Pairs, inputs []string) [][2]string {
	t.Helper()
	dir := t.TempDir()
	data, err := encodeJSON(page{Version: PageVersion, Fold: fold.digits(), Measures: [][2]string{}})
	if err != nil {
		t.Fatal(err)
	}
	indexJS := script(data)
	src, err := os.ReadFile("../../assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	js, err := minify.New().Bytes("application/javascript", src)
	if err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><meta charset="utf-8"><title>t</title><script src="index.js"></script><script src="search.js"></script>`
	for name, data := range map[string][]byte{"index.js": indexJS, "search.js": js, "page.html": []byte(page)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "page.html"))}
	tab.Do(t, chromedp.Navigate(u.String()))
	arg, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	got := browsertest.Eval[[][2]string](t, tab, "("+string(arg)+").map(s => [micrositeSearch.normalize(s), micrositeSearch.normalizeBySegment(s)])")
	if len(got) != len(inputs) {
		t.Fatalf("the browser returned %d results for %d inputs", len(got), len(inputs))
	}
	return got
}
