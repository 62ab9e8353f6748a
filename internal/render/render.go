package render

import (
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
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Paths of the layouts inside the fs.FS given to New.
const (
	LayoutDir  = "layouts"
	BaseLayout = LayoutDir + "/base.html"
)

// Layouts are the layouts as New parsed them, for the renderers of every
// edition (For). They are safe for concurrent use.
type Layouts struct {
	kinds  map[Kind]*template.Template // base.html with each kind's layout
	assets map[string]Asset
	fsys   fs.FS // the sources, to place errors in the layouts as written

	mu    sync.Mutex
	taken bool // For gave kinds themselves to a renderer: it clones them now

	// again parses the layouts anew, as kinds were (a template cannot be
	// cloned once it has run); asWritten parses them as written, not
	// minified. Both are nil in the layouts as written.
	again, asWritten func() (*Layouts, error)
}

// Renderer executes the layouts for the pages of one edition, with its UI
// strings. It is safe for concurrent use.
type Renderer struct {
	layouts map[Kind]*template.Template
	strings map[string]string
	assets  map[string]Asset
	shared  sharedParts // the layouts' shared parts, once rendered
	fsys    fs.FS

	// asWritten returns the renderer of the layouts as written, not
	// minified, with the same strings; nil in that renderer itself.
	asWritten func() (*Renderer, error)
}

// New parses base.html and one layout per page kind (Kinds). assets maps
// asset source names ("site.css") to the files the site publishes.
func New(fsys fs.FS, assets map[string]Asset) (*Layouts, error) {
	l, err := parse(fsys, assets, minify.New())
	if err != nil {
		return nil, err
	}
	l.again = func() (*Layouts, error) { return parse(fsys, assets, minify.New()) }
	// Parsed minified, the layouts are mostly on one line: an error met
	// while executing them is found again in the layouts as written, to
	// show the editor the line it is on. Each renderer parses its own.
	l.asWritten = func() (*Layouts, error) { return parse(fsys, assets, nil) }
	return l, nil
}

// parse parses the layouts, minified by m unless m is nil.
func parse(fsys fs.FS, assets map[string]Asset, m *minify.Minifier) (*Layouts, error) {
	l := &Layouts{kinds: map[Kind]*template.Template{}, assets: assets, fsys: fsys}
	// The functions that give an edition's words are bound by For; these
	// stand for them while the layouts parse.
	funcs := (&Renderer{}).editionFuncs()
	funcs["href"] = href
	funcs["path"] = namedPath
	funcs["pad"] = func(n int) string { return fmt.Sprintf("%02d", n) }
	src := map[string][]byte{}
	base, err := parseLayout(template.New("base.html").Funcs(funcs), fsys, m, BaseLayout, src)
	if err != nil {
		return nil, err
	}
	for _, k := range Kinds {
		t, err := parseLayout(template.Must(base.Clone()), fsys, m, LayoutDir+"/"+string(k.Kind)+".html", src)
		if err != nil {
			return nil, err
		}
		l.kinds[k.Kind] = t
	}
	if m != nil { // once, not again for the layouts as written
		if err := checkRules(base, l.kinds, src); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// parseLayout parses the layout file name into t (as ParseFS does),
// minified: the pages the layouts render are then minified as rendered,
// and the build does not minify them again. It keeps the file as written
// in sources.
func parseLayout(t *template.Template, fsys fs.FS, m *minify.Minifier, name string, sources map[string][]byte) (*template.Template, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, diag.List{content.FileError(name, err)}
	}
	sources[name] = src
	min := src
	if m != nil {
		if min, err = m.Layout(src); err != nil {
			return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: l10n.Sprintf("minify: %v", err), Err: err}
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
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: l10n.Sprintf("minified, the layout no longer parses: %v", err), Err: err}
	}
	return t, nil
}

// For returns the renderer of the pages of an edition whose UI strings are
// ui (its site.Site.Strings): {{t "key"}} gives ui's words. The first
// renderer takes the layouts as parsed, the others a copy: the build asks
// for every edition's before it renders a page, so that the layouts are
// copied, not parsed again (a template cannot be copied once it has run).
func (l *Layouts) For(ui map[string]string) (*Renderer, error) {
	r := &Renderer{layouts: make(map[Kind]*template.Template, len(l.kinds)), strings: ui, assets: l.assets, fsys: l.fsys}
	if l.asWritten != nil {
		r.asWritten = sync.OnceValues(func() (*Renderer, error) {
			raw, err := l.asWritten()
			if err != nil {
				return nil, err
			}
			return raw.For(ui)
		})
	}
	l.mu.Lock()
	first := !l.taken
	l.taken = true
	l.mu.Unlock()
	for kind, t := range l.kinds {
		if !first {
			c, err := t.Clone()
			if err != nil && l.again == nil {
				return nil, err
			}
			if err != nil { // run already: parse the layouts anew
				fresh, err := l.again()
				if err != nil {
					return nil, err
				}
				return fresh.For(ui)
			}
			t = c
		}
		r.layouts[kind] = t.Funcs(r.editionFuncs())
	}
	return r, nil
}

// editionFuncs are the layouts' functions that depend on the edition's UI
// strings or parts: For binds them for each edition.
func (r *Renderer) editionFuncs() template.FuncMap {
	return template.FuncMap{"t": r.text, "shared": r.sharedPart, "heading": r.heading}
}

// text is the layouts' "t" function: the UI string for key.
func (r *Renderer) text(key string) (string, error) {
	s, ok := r.strings[key]
	if !ok {
		return "", l10n.Errorf("UI string %q is not in %s (it has %s)", key, content.StringsFile,
			strings.Join(slices.Sorted(maps.Keys(r.strings)), ", "))
	}
	return s, nil
}

// heading is the layouts' "heading" function: a measure's heading by its
// number (第03項), the UI string measure_heading around the two-digit
// number. A measure page shows it three times: one function call does what
// {{printf (t "measure_heading") (pad .Number)}} does in three.
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
// {{href $ .}} does what {{$.Rel .Path}} does, cheaper: html/template
// looks up and calls a method by reflection on every use, twice there, and
// a function once.
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
	return "", l10n.Errorf("href: cannot link to a %T", target)
}

// namedPath is the layouts' "path" function: the fixed path of the URL
// scheme by its name (site.Named), {{href . (path "table")}}.
func namedPath(name string) (string, error) {
	p, ok := site.Named[name]
	if !ok {
		return "", l10n.Errorf("path: no path is named %q (the names are %s)", name, strings.Join(slices.Sorted(maps.Keys(site.Named)), ", "))
	}
	return p, nil
}

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
		return l10n.Errorf("render: no layout for page kind %s", p.Kind)
	}
	p.assets = r.assets
	p.chrome = newChrome(p) // once: the layouts ask it for every link
	return t.ExecuteTemplate(w, "base.html", p)
}
