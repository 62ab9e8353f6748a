package build

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// textMemo keeps the Markdown a Tree converted in earlier builds, keyed by
// edition (its script conversion) and source text with the targets of its
// links to other sources and the ways up from the edition's pages to its
// root (the conversion depends on nothing else), so that
// after an edit only the edited file is converted again. A nil *textMemo holds nothing. It is safe for concurrent use:
// converted editions are converted by the workers that first need them.
type textMemo struct {
	mu        sync.Mutex
	byEdition map[string]map[string]render.Text
}

// lookup fills results[i] for every source whose text the memo holds for
// the edition, and reports which it filled.
func (t *textMemo) lookup(edition, ups string, sources []*site.Source, results []render.Text) []bool {
	known := make([]bool, len(sources))
	if t == nil {
		return known
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, src := range sources {
		results[i], known[i] = t.byEdition[edition][memoKey(src, ups)]
	}
	return known
}

// keep makes the memo hold exactly these conversions for the edition, so
// that texts no longer in the sources do not pile up over a long editing
// session.
func (t *textMemo) keep(edition, ups string, sources []*site.Source, results []render.Text) {
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
		byText[memoKey(src, ups)] = results[i]
	}
	t.byEdition[edition] = byText
}

// memoKey is what a source's conversion depends on: its text, and where
// its links to other sources lead (the same "03.md" leads elsewhere from
// another folder), from each of ups, the edition's pages' ways up to its
// root, joined (a site that grows a folder deeper needs its links from
// there too).
func memoKey(src *site.Source, ups string) string {
	if len(src.Links) == 0 {
		return string(src.Text)
	}
	var b strings.Builder
	b.Write(src.Text)
	b.WriteString("\x00" + ups)
	for _, dest := range slices.Sorted(maps.Keys(src.Links)) {
		b.WriteString("\x00" + dest + "\x00" + src.Links[dest])
	}
	return b.String()
}
