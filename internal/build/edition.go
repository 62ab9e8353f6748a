package build

import (
	"html/template"
	"strings"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/markdown"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/parallel"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/zhconv"
)

// perEdition is the site as one edition shows it, and what the build makes of
// it once for all its outputs: its model converted (texts, UI strings), its
// renderer, and on first use its Markdown and its search index.
//
// A converted edition's Markdown is converted when its first output is
// generated, and freed with its outputs (see write), so that a large site
// holds the texts of one edition at a time: nothing but its outputs may
// hold a perEdition.
type perEdition struct {
	site      *site.Site // in the edition's script; site.ThisEdition is the edition
	r         *render.Renderer
	transform func(string) string // converts the Markdown's text; nil for the source edition
	key       string              // the conversion's name, "" for the source: keys its texts in a memo

	ups   []string                      // the ways up from its pages to its root: "", "../" (render.Ups)
	texts func() (render.Texts, error)  // the Markdown, converted on first use
	index func() (*search.Index, error) // the search index, built on first use
	// searchLayout is how the search page's own index is laid out in
	// files, planned from the sources' sizes so that their paths are
	// known before anything is written; searchFiles are those files, made
	// on first use (each file's data when it is written) and dropped
	// once the last is written.
	searchLayout search.Layout
	searchFiles  *lease[[]search.File]
}

// newEdition makes the edition e of the sources, converting the site for it
// (the source edition is the site itself), taking texts memo holds.
func newEdition(src *sources, e *site.Edition, memo *textMemo) (*perEdition, error) {
	ed := &perEdition{site: src.site}
	if e.Convert != "" {
		conv, err := zhconv.Load(e.Convert)
		if err != nil {
			return nil, err
		}
		ed.site, ed.transform, ed.key = conv.Site(src.site, e), conv.String, e.Convert
	}
	r, err := src.layouts.For(ed.site.Strings)
	if err != nil {
		return nil, err
	}
	ed.r = r
	ed.ups = render.Ups(ed.site)
	ed.texts = sync.OnceValues(func() (render.Texts, error) { return convertAll(ed, memo) })
	ed.index = sync.OnceValues(func() (*search.Index, error) {
		t, err := ed.texts()
		if err != nil {
			return nil, err
		}
		return search.Build(ed.site, func(m *site.Measure) string { return t[&m.Body].Plain })
	})
	ed.searchLayout = search.Plan(ed.site)
	ed.searchFiles = newLease(len(ed.searchLayout.Paths()), func() ([]search.File, error) {
		idx, err := ed.index()
		if err != nil {
			return nil, err
		}
		return search.PageFiles(ed.site, idx, ed.searchLayout)
	})
	if e.Convert == "" {
		// The source edition's Markdown is converted now: its errors
		// are content errors, and a conversion of the same Markdown adds
		// none.
		if _, err := ed.texts(); err != nil {
			return nil, err
		}
	}
	return ed, nil
}

// markdownConverter is the site's one goldmark configuration; it is safe for
// concurrent use, so every build and edition shares it.
var markdownConverter = markdown.New()

// fragmentMinifier minifies the converted Markdown; it is safe for
// concurrent use.
var fragmentMinifier = minify.New()

// convertAll converts the notice and every measure of an edition, in
// parallel, in the edition's script, taking what memo already holds.
func convertAll(ed *perEdition, memo *textMemo) (render.Texts, error) {
	s := ed.site
	sources := []*site.Source{&s.Notice.Body}
	for _, m := range s.Measures {
		sources = append(sources, &m.Body)
	}
	results := make([]render.Text, len(sources))
	errs := make([]error, len(sources))
	ups := strings.Join(ed.ups, ",")
	known := memo.lookup(ed.key, ups, sources, results)
	parallel.For(len(sources), func(i int) {
		if known[i] {
			return
		}
		doc, err := markdownConverter.Convert(sources[i].Text, ed.transform, sources[i].Links, ed.ups)
		if err != nil {
			errs[i] = &diag.Error{Pos: diag.Pos{File: sources[i].File, Line: sources[i].Line}, Msg: err.Error(), Err: err}
			return
		}
		// Minified here, once per source and edition, rather than in each
		// page that shows it (the pages are not minified again).
		minified := func(html []byte) (template.HTML, error) {
			h, err := fragmentMinifier.Bytes("text/html", html)
			if err != nil {
				return "", &diag.Error{Pos: diag.Pos{File: sources[i].File}, Msg: l10n.Sprintf("minify: %v", err), Err: err}
			}
			// goldmark escapes the text and drops raw HTML: its output is safe.
			return template.HTML(h), nil
		}
		t := render.Text{Plain: doc.Text}
		if t.HTML, errs[i] = minified(doc.HTML); errs[i] != nil {
			return
		}
		if doc.ByUp != nil {
			t.ByUp = make(map[string]template.HTML, len(doc.ByUp))
			for up, html := range doc.ByUp {
				if t.ByUp[up], errs[i] = minified(html); errs[i] != nil {
					return
				}
			}
		}
		results[i] = t
	})
	if err := diag.Join(errs...); err != nil {
		return nil, err // every text's problems, not the first one's
	}
	out := make(render.Texts, len(sources))
	for i, src := range sources {
		out[src] = results[i]
	}
	memo.keep(ed.key, ups, sources, results)
	return out, nil
}
