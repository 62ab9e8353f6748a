package render

import (
	"html/template"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

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
	// Pager: the page is one of a list's pages (Table, Category, Unit),
	// with the measures it shows.
	Pager *Pager
	// Data is what a kind's Pages gives its pages beyond the fields above,
	// for its layout alone (.Data): a new kind needs no field of its own.
	Data any

	assets map[string]Asset
	chrome Chrome // what the page shows alike with others: made by Render
}

// Chrome is what the page shares with the shared parts of the layouts: its
// site, the way to the site's files, its kind and its path.
func (p *Page) Chrome() Chrome { return *p.view() }

// view is the page's Chrome, which answers for the page: as Render made it
// while the page renders, else made now.
func (p *Page) view() *Chrome {
	if p.chrome.Site == nil {
		c := newChrome(p)
		return &c
	}
	return &p.chrome
}

// newChrome makes the Chrome of p, whose links lead from its file to the
// site's.
func newChrome(p *Page) Chrome {
	prefix := p.prefix()
	rel := up(p.Path) // as Text.For leads a text's links
	root := up(prefix + p.Path)
	if p.Kind.anywhere() {
		// A web server shows the page at any missing address, at any
		// depth: its links lead from the site's folder (anywhere.go).
		root = anywhereRoot(p.Site)
		rel = root + prefix
	}
	return Chrome{Site: p.Site, rel: rel, root: root, prefix: prefix, assets: p.assets, kind: p.Kind, path: p.Path}
}

// prefix is the edition's folder: "" or "zh-hans/".
func (p *Page) prefix() string {
	if p.Site.ThisEdition == nil {
		return ""
	}
	return p.Site.ThisEdition.Prefix()
}

// File is the page's file, from the site root: "zh-hans/measures/03.html".
func (p *Page) File() string { return p.prefix() + p.Path }

// Rel turns a path within the page's edition into a path relative to this
// page (see Chrome.Rel).
func (p *Page) Rel(target string) string { return p.view().Rel(target) }

// Asset is the relative path to an asset by its source name ("site.css"),
// which the build replaced with a content-hashed name (see Chrome.Asset).
func (p *Page) Asset(name string) (string, error) { return p.view().Asset(name) }

// Current reports whether target (within the edition) is this page, for
// aria-current in navigation (see Chrome.Current).
func (p *Page) Current(target string) bool { return p.view().Current(target) }

// Alternates lists this page in every edition of the site, for the language
// switch and <link rel="alternate" hreflang>; none when the site has one
// edition (see Chrome.Alternates).
func (p *Page) Alternates() []Alternate { return p.view().Alternates() }

// Article reports whether the page is one of the notice's texts (see
// Chrome.Article).
func (p *Page) Article() bool { return p.view().Article() }

// Prints and Listens report whether the page offers the buttons 打印本頁
// and 聽全文 (see Chrome.Prints).
func (p *Page) Prints() bool  { return p.view().Prints() }
func (p *Page) Listens() bool { return p.view().Listens() }

// Asset is a file of assets/ as the site publishes it.
type Asset struct {
	Path string // from the site root, with its content hash: assets/site.3f9a1c2b.css
	Data []byte // minified
}

// assetPath is root followed by the hashed path of asset name.
func assetPath(assets map[string]Asset, root, name string) (string, error) {
	a, ok := assets[name]
	if !ok {
		return "", &missingAssetError{name}
	}
	return root + a.Path, nil
}

type missingAssetError struct{ name string }

func (e *missingAssetError) Error() string {
	return l10n.Sprintf("asset %s not found in assets/", e.name)
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

// Download is the link to a related link of the notice: its address, or
// the path from the page to the file of the site it names (published at
// site.FilePath, or as an asset).
func (p *Page) Download(l *site.Link) (string, error) { return p.view().Download(l) }

// LinkGroup is one kind of the notice's related links, by the UI string
// that names it, which is also its heading's id.
type LinkGroup struct {
	Key   string
	Links []*site.Link
}

// NoticeLinks are the notice's related links that the front matter gives,
// by kind: the document to download, then its interpretations, then the
// related documents.
func (p *Page) NoticeLinks() []LinkGroup {
	n := &p.Site.Notice
	var out []LinkGroup
	for _, g := range []LinkGroup{{"originals", n.Originals}, {"interpretations", n.Interpretations}, {"related", n.Related}} {
		if len(g.Links) > 0 {
			out = append(out, g)
		}
	}
	return out
}
