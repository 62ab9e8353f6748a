package render

import (
	"html/template"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// Kind names a page kind; each has a layout file layouts/<kind>.html.
type Kind string

// The page kinds.
const (
	Home     Kind = "home"
	Measure  Kind = "measure"
	Category Kind = "category"
	Unit     Kind = "unit"
	Units    Kind = "units"
	Table    Kind = "table"
	NotFound Kind = "404"
	Search   Kind = "search"
)

// Kinds lists every page kind, in the order New parses their layouts.
var Kinds = []Kind{Home, Measure, Category, Unit, Units, Table, NotFound, Search}

// Page is what a layout is executed with.
type Page struct {
	Kind        Kind
	Path        string // slash-separated, within the edition: "measures/03.html"
	Title       string // the page's own title; <title> adds the site's
	Description string
	Column      string // the section (欄目) it belongs to, for the ColumnName meta tag
	Site        *site.Site

	// Kind-specific data; the layouts of other kinds leave them nil.
	Content  template.HTML // the notice's body (Home) or the measure's text (Measure)
	Measure  *site.Measure
	Prev     *site.Measure
	Next     *site.Measure
	Category *site.Category
	Unit     *site.Unit
	Bodies   map[*site.Measure]template.HTML // the full table's texts (Table)

	assets map[string]string
}

// prefix is the edition's folder: "" or "zh-hans/".
func (p *Page) prefix() string {
	if p.Site.Edition == nil {
		return ""
	}
	return p.Site.Edition.Prefix()
}

// File is the page's file, from the site root: "zh-hans/measures/03.html".
func (p *Page) File() string { return p.prefix() + p.Path }

// Root is the relative path from this page to the site root: "", "../" …
func (p *Page) Root() string {
	if p.Kind == NotFound && p.Site.BaseURL != "" {
		// A web server shows 404.html at any missing path, at any depth:
		// only absolute URLs work from there.
		return p.Site.BaseURL
	}
	return strings.Repeat("../", strings.Count(p.File(), "/"))
}

// Rel turns a path within the page's edition into a path relative to this
// page.
func (p *Page) Rel(target string) string {
	if p.Kind == NotFound && p.Site.BaseURL != "" {
		return p.Root() + p.prefix() + target
	}
	return strings.Repeat("../", strings.Count(p.Path, "/")) + target
}

// Asset is the relative path to an asset by its source name ("site.css"),
// which the build replaced with a content-hashed name.
func (p *Page) Asset(name string) (string, error) {
	return assetPath(p.assets, p.Root(), name) // assets are shared by the editions
}

// assetPath is root followed by the hashed path of asset name.
func assetPath(assets map[string]string, root, name string) (string, error) {
	hashed, ok := assets[name]
	if !ok {
		return "", &missingAssetError{name}
	}
	return root + hashed, nil
}

type missingAssetError struct{ name string }

func (e *missingAssetError) Error() string {
	return "asset " + e.name + " not found in assets/"
}

// HeadTitle is the page's <title>: its own title and the site's, or the
// notice's title alone on the home page.
func (p *Page) HeadTitle() string {
	switch {
	case p.Kind == Home || p.Title == "":
		return p.Site.Notice.Title
	}
	return p.Title + "｜" + p.Site.Title
}

// URL is the page's absolute URL, or "" when the site has no base_url.
func (p *Page) URL() string {
	if p.Site.BaseURL == "" {
		return ""
	}
	return pageURL(p.Site.BaseURL, p.prefix(), p.Path, p.Path == site.HomePath)
}

// pageURL is the absolute URL of the page at path in the edition at prefix.
func pageURL(base, prefix, path string, home bool) string {
	if home {
		return base + prefix // the address the portal links to
	}
	// Other pages by their file, as the site links them: no server needs
	// to map directories to index files.
	return base + prefix + path
}

// Alternate is this page in one of the site's editions.
type Alternate struct {
	Language string
	Label    string
	Href     string // relative to this page
	URL      string // absolute, or "" without base_url
	Current  bool   // the edition this page is in
}

// Alternates lists this page in every edition of the site, for the language
// switch and <link rel="alternate" hreflang>. It is empty when the site has
// one edition.
func (p *Page) Alternates() []Alternate {
	// From the site root, as the page's other links: on a 404 page with a
	// base URL that is absolute, since the page shows at any depth.
	return alternates(p.Site, p.Root(), p.prefix(), p.Path, p.Path == site.HomePath)
}

func alternates(s *site.Site, root, prefix, path string, home bool) []Alternate {
	if len(s.Editions) < 2 {
		return nil
	}
	alts := make([]Alternate, 0, len(s.Editions))
	for _, e := range s.Editions {
		alt := Alternate{
			Language: e.Language,
			Label:    e.Label,
			Href:     root + e.Prefix() + path,
			Current:  e.Prefix() == prefix,
		}
		if s.BaseURL != "" {
			alt.URL = pageURL(s.BaseURL, e.Prefix(), path, home)
		}
		alts = append(alts, alt)
	}
	return alts
}

// Current reports whether target (within the edition) is this page, for
// aria-current in navigation.
func (p *Page) Current(target string) bool { return p.Path == target }
