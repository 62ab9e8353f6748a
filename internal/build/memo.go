package build

import "github.com/gzgov/nansha-microsite/internal/site"

// textMemo keeps the Markdown a Tree converted in earlier builds, keyed by
// source text (the conversion depends on nothing else), so that after an edit
// only the edited file is converted again. A nil *textMemo holds nothing.
type textMemo struct {
	byText map[string]converted
}

// lookup fills results[i] for every source whose text the memo holds, and
// reports which it filled.
func (t *textMemo) lookup(sources []*site.Source, results []converted) []bool {
	known := make([]bool, len(sources))
	if t == nil {
		return known
	}
	for i, src := range sources {
		results[i], known[i] = t.byText[string(src.Text)]
	}
	return known
}

// keep makes the memo hold exactly these conversions, so that texts no
// longer in the sources do not pile up over a long editing session.
func (t *textMemo) keep(sources []*site.Source, results []converted) {
	if t == nil {
		return
	}
	t.byText = make(map[string]converted, len(sources))
	for i, src := range sources {
		t.byText[string(src.Text)] = results[i]
	}
}
