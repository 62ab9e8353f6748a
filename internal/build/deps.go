package build

import (
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// pageDeps lists the measure files whose content page p shows (see
// Output.Deps). A page that shows something of every measure — a count, a
// list, the whole table — returns nil. When a layout starts showing more of
// other measures (say, related measures on a measure page), this is the
// place to say so, or a Tree will leave those pages stale.
func pageDeps(p *render.Page) []string {
	switch p.Kind {
	case render.Measure:
		// The page shows its neighbours' titles in the pager.
		return files(p.Prev, p.Measure, p.Next)
	case render.Category:
		return files(p.Category.Measures...)
	case render.Unit:
		return files(p.Unit.Measures...)
	case render.NotFound:
		return []string{}
	}
	return nil
}

// files lists the source files of the measures that are not nil.
func files(ms ...*site.Measure) []string {
	out := []string{}
	for _, m := range ms {
		if m != nil {
			out = append(out, m.Body.File)
		}
	}
	return out
}
