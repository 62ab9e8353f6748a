package build

import (
	"maps"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/script"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// editionPage is a page with the renderer of its edition.
type editionPage struct {
	*render.Page
	r *render.Renderer
}

// edition is the site as one edition shows it: converted, with its UI
// strings and the transform for its Markdown.
type edition struct {
	site      *site.Site
	r         *render.Renderer
	transform func(string) string // nil for the source edition
}

// newEdition converts the site for e; the source edition is s itself.
func newEdition(s *site.Site, e *site.Edition, r *render.Renderer) (*edition, error) {
	if e.Convert == "" {
		return &edition{site: s, r: r}, nil
	}
	conv, err := script.Load(e.Convert)
	if err != nil {
		return nil, err
	}
	ui := maps.Clone(r.Strings())
	for k, v := range ui {
		ui[k] = conv.String(v)
	}
	er, err := r.ForStrings(ui)
	if err != nil {
		return nil, err
	}
	return &edition{site: conv.Site(s, e), r: er, transform: conv.String}, nil
}

// editionPages lists every page of edition e.
func editionPages(s *site.Site, e *site.Edition, r *render.Renderer) ([]editionPage, error) {
	ed, err := newEdition(s, e, r)
	if err != nil {
		return nil, err
	}
	texts, err := convertAll(ed.site, ed.transform)
	if err != nil {
		return nil, err
	}
	var out []editionPage
	for _, p := range pages(ed.site, texts, ed.r.Strings()) {
		p.Edition = e
		out = append(out, editionPage{p, ed.r})
	}
	return out, nil
}
