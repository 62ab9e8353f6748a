package build

import (
	"maps"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/zhconv"
)

// edition is the site as one edition shows it: converted, with its UI
// strings and the transform for its Markdown.
type edition struct {
	site      *site.Site
	r         *render.Renderer
	transform func(string) string // nil for the source edition
	key       string              // the conversion's name, "" for the source: keys its texts in a memo
}

// newEdition converts the site for e; the source edition is s itself.
func newEdition(s *site.Site, e *site.Edition, r *render.Renderer) (*edition, error) {
	if e.Convert == "" {
		return &edition{site: s, r: r}, nil
	}
	conv, err := zhconv.Load(e.Convert)
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
	return &edition{site: conv.Site(s, e), r: er, transform: conv.String, key: e.Convert}, nil
}
