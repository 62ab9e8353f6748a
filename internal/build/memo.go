package build

import (
	"sync"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// textMemo keeps the Markdown a Tree converted in earlier builds, keyed by
// edition (its script conversion) and source text (the conversion depends on
// nothing else), so that after an edit only the edited file is converted
// again. A nil *textMemo holds nothing. It is safe for concurrent use:
// converted editions are converted by the workers that first need them.
type textMemo struct {
	mu        sync.Mutex
	byEdition map[string]map[string]render.Text
}

// lookup fills results[i] for every source whose text the memo holds for
// the edition, and reports which it filled.
func (t *textMemo) lookup(edition string, sources []*site.Source, results []render.Text) []bool {
	known := make([]bool, len(sources))
	if t == nil {
		return known
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, src := range sources {
		results[i], known[i] = t.byEdition[edition][string(src.Text)]
	}
	return known
}

// keep makes the memo hold exactly these conversions for the edition, so
// that texts no longer in the sources do not pile up over a long editing
// session.
func (t *textMemo) keep(edition string, sources []*site.Source, results []render.Text) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byEdition == nil {
		t.byEdition = map[string]map[string]render.Text{}
	}
	byText := make(map[string]render.Text, len(sources))
	for i, src := range sources {
		byText[string(src.Text)] = results[i]
	}
	t.byEdition[edition] = byText
}
