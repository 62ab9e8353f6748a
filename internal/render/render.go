package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Paths of the layouts inside the fs.FS given to New.
const (
	LayoutDir   = "layouts"
	BaseLayout  = LayoutDir + "/base.html"
	StringsFile = LayoutDir + "/strings.toml"
)

// Renderer executes the parsed layouts. It is safe for concurrent use.
type Renderer struct {
	layouts map[Kind]*template.Template
	strings map[string]string
	assets  map[string]string
	shared  sharedParts // the layouts' shared parts, once rendered
	fsys    fs.FS       // the sources, to place errors in the layouts as written

	// asWritten returns the renderer of the layouts as written, not
	// minified, with the same strings; reparse parses them anew (a
	// template cannot be cloned once it has run). Both are nil in that
	// renderer itself.
	asWritten, reparse func() (*Renderer, error)
}

// New parses base.html, one layout per Kind, and the UI strings. assets maps
// asset source names to their hashed paths from the site root.
func New(fsys fs.FS, assets map[string]string) (*Renderer, error) {
	r, err := parse(fsys, assets, minify.New())
	if err != nil {
		return nil, err
	}
	// Parsed minified, the layouts are mostly on one line: an error met
	// while executing them is found again in the layouts as written, to
	// show the editor the line it is on.
	r.reparse = func() (*Renderer, error) { return parse(fsys, assets, nil) }
	r.asWritten = sync.OnceValues(r.reparse)
	return r, nil
}

// parse parses the UI strings and the layouts, minified by m unless m is
// nil.
func parse(fsys fs.FS, assets map[string]string, m *minify.Minifier) (*Renderer, error) {
	r := &Renderer{layouts: map[Kind]*template.Template{}, assets: assets, fsys: fsys}
	src, err := fs.ReadFile(fsys, StringsFile)
	if err != nil {
		return nil, diag.List{content.FileError(StringsFile, err)}
	}
	if err := content.DecodeTOML(StringsFile, src, &r.strings); err != nil {
		return nil, err
	}
	funcs := r.editionFuncs()
	funcs["href"] = href
	funcs["pad"] = func(n int) string { return fmt.Sprintf("%02d", n) }
	base, err := parseLayout(template.New("base.html").Funcs(funcs), fsys, m, BaseLayout)
	if err != nil {
		return nil, err
	}
	for _, kind := range Kinds {
		t, err := parseLayout(template.Must(base.Clone()), fsys, m, LayoutDir+"/"+string(kind)+".html")
		if err != nil {
			return nil, err
		}
		r.layouts[kind] = t
	}
	return r, nil
}

// parseLayout parses the layout file name into t (as ParseFS does),
// minified: the pages the layouts render are then minified as rendered,
// and the build does not minify them again.
func parseLayout(t *template.Template, fsys fs.FS, m *minify.Minifier, name string) (*template.Template, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, diag.List{content.FileError(name, err)}
	}
	min := src
	if m != nil {
		if min, err = m.Layout(src); err != nil {
			return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "minify: " + err.Error(), Err: err}
		}
	}
	file := t
	if base := path.Base(name); base != t.Name() {
		file = t.New(base)
	}
	if _, err := file.Parse(string(min)); err != nil {
		// Report the error at its line in the file as written, not in
		// its minified form.
		if _, rawErr := template.Must(file.Clone()).Parse(string(src)); rawErr != nil {
			if e := layoutError(fsys, rawErr, ""); e != nil {
				return nil, e
			}
			return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: rawErr.Error(), Err: rawErr}
		}
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: "minified, the layout no longer parses: " + err.Error(), Err: err}
	}
	return t, nil
}

// ForStrings returns a renderer of the same layouts with other UI strings,
// for another edition. The layouts are cloned, not parsed again.
func (r *Renderer) ForStrings(ui map[string]string) (*Renderer, error) {
	for key := range r.strings {
		if _, ok := ui[key]; !ok {
			return nil, fmt.Errorf("UI strings: %q is missing", key)
		}
	}
	out := &Renderer{layouts: map[Kind]*template.Template{}, strings: ui, assets: r.assets, fsys: r.fsys}
	if r.reparse != nil {
		out.reparse = r.reparse
		out.asWritten = sync.OnceValues(func() (*Renderer, error) {
			plain, err := r.reparse()
			if err != nil {
				return nil, err
			}
			return plain.ForStrings(ui)
		})
	}
	for kind, t := range r.layouts {
		c, err := t.Clone()
		if err != nil {
			return nil, err
		}
		out.layouts[kind] = c.Funcs(out.editionFuncs())
	}
	return out, nil
}

// editionFuncs are the layouts' functions that depend on the edition's UI
// strings or parts: ForStrings binds them anew for each edition.
func (r *Renderer) editionFuncs() template.FuncMap {
	return template.FuncMap{"t": r.text, "shared": r.sharedPart, "heading": r.heading}
}

// text is the layouts' "t" function: the UI string for key.
func (r *Renderer) text(key string) (string, error) {
	s, ok := r.strings[key]
	if !ok {
		return "", fmt.Errorf("UI string %q is not in %s (it has %s)", key, StringsFile,
			strings.Join(slices.Sorted(maps.Keys(r.strings)), ", "))
	}
	return s, nil
}

// heading is the layouts' "heading" function: a measure's heading by its
// number (第03項), the UI string measure_heading around the two-digit
// number. A measure page shows it three times; one call costs a third of
// {{printf (t "measure_heading") (pad .Number)}}.
func (r *Renderer) heading(number int) (string, error) {
	format, err := r.text("measure_heading")
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(format, fmt.Sprintf("%02d", number)), nil
}

// linker is what a link can be made from: a Page, or a shared part's Chrome.
type linker interface{ Rel(target string) string }

// href is the layouts' "href" function: the relative link from a page (or
// a shared part's Chrome) to target, a path within the edition
// ("measures.html", or a shared part's .Path) or a measure, category or
// unit, whose page it links.
// {{href $ .}} does what {{$.Rel .Path}} does at a third of the cost:
// html/template looks up and calls a method by reflection on every use,
// twice there, and a function once.
func href(from linker, target any) (string, error) {
	switch t := target.(type) {
	case string:
		return from.Rel(t), nil
	case PagePath:
		return from.Rel(t.text), nil
	case *site.Measure:
		return from.Rel(t.Path()), nil
	case *site.Category:
		return from.Rel(t.Path()), nil
	case *site.Unit:
		return from.Rel(t.Path()), nil
	}
	return "", fmt.Errorf("href: cannot link to a %T", target)
}

// Strings returns the UI strings, for outputs made outside the layouts.
func (r *Renderer) Strings() map[string]string { return r.strings }

// Render executes p's layout into w. A mistake in the layouts is a
// *diag.Error on p's page, at its place in the layout as written when the
// error says where that is.
func (r *Renderer) Render(w io.Writer, p *Page) error {
	err := r.execute(w, p)
	if err == nil {
		return nil
	}
	if r.asWritten != nil {
		// The same error, at its line in the layout as written.
		if plain, perr := r.asWritten(); perr == nil {
			if perr := plain.execute(io.Discard, p); perr != nil {
				if e := layoutError(r.fsys, perr, p.File()); e != nil {
					return e
				}
				err = perr
			}
		}
	}
	return &diag.Error{Msg: err.Error(), Err: err, Page: p.File()}
}

func (r *Renderer) execute(w io.Writer, p *Page) error {
	t := r.layouts[p.Kind]
	if t == nil {
		return errors.New("render: no layout for page kind " + string(p.Kind))
	}
	p.assets = r.assets
	return t.ExecuteTemplate(w, "base.html", p)
}
