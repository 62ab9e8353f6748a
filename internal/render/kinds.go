package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Kind names a page kind; each has a layout, layouts/<kind>.html.
type Kind string

// The page kinds.
const (
	Home     Kind = "home"
	Table    Kind = "table"
	Units    Kind = "units"
	NotFound Kind = "404"
	Search   Kind = "search"
	SiteMap  Kind = "sitemap"
	Measure  Kind = "measure"
	Category Kind = "category"
	Unit     Kind = "unit"
)

// A PageKind is one kind of page, described once: its layout, the pages it
// makes in an edition, what they say of themselves and which measures they
// show. New parses a layout for every kind of Kinds, the build makes their
// pages, and a preview rebuilds them by their Deps.
//
// Adding a kind is an entry in Kinds, its layout layouts/<kind>.html, its
// words in layouts/strings.toml and, when its paths are new, a function in
// internal/site/paths.go and a row in README's URL scheme (a test holds the
// build to that table).
type PageKind struct {
	Kind Kind

	// Article: the pages are the notice's texts (the notice, its table, a
	// measure) rather than lists, for the government meta tags
	// ArticleTitle, PubDate and ContentSource.
	Article bool
	// Column: the pages are columns (欄目頁) of the notice — the lists of
	// its measures, its units, its search — for the government meta tags
	// ColumnDescription and ColumnKeywords. A page with a Column (欄目)
	// name, column or article, has ColumnName and ColumnType.
	Column bool
	// Anywhere: a web server shows the page at any missing address (the
	// 404 page), at any depth. Its links lead from the site's folder on
	// the server (base_url's path, or "/"), never from base_url's host;
	// it carries its style sheet, scripts and icon itself, and a script
	// that finds the site's folder when it is another (anywhere.go). It
	// has no canonical URL and is not in the sitemap.
	Anywhere bool
	// Print and Listen: the page offers its reader a button that prints
	// it (打印本頁, assets/print.js) and one that reads its text aloud
	// (聽全文, assets/listen.js).
	Print, Listen bool

	// Pages lists the kind's pages in the edition s, in order: their paths
	// (internal/site/paths.go) and what of the model they show, not yet
	// their texts. List sets their Kind and Site. A list of measures that
	// may grow long is split into pages by paginate, each with its Pager.
	Pages func(s *site.Site) []*Page
	// Texts gives page p its title, description and column (欄目), and
	// what it shows of the edition's Markdown, t; its UI strings are
	// p.Site.Strings. The build calls it as it renders the page
	// (WithTexts): an edition's Markdown is converted when first needed.
	Texts func(p *Page, t Texts)
	// Deps lists the measure files whose content a page shows, so that a
	// preview rebuilds it when one changes and leaves it otherwise (see
	// build.Output.Deps). Nil, or a nil Deps, means it may show anything of
	// any measure: a count, a list, the whole table. A layout that starts
	// showing more of other measures must say so here, or the preview
	// leaves those pages stale.
	Deps func(p *Page) []string
}

// Kinds are the site's page kinds, in the order of their pages in the
// build's outputs and in the sitemap.
var Kinds = []*PageKind{
	{
		Kind:    Home,
		Article: true,
		Print:   true,
		Listen:  true,
		Pages:   fixed(site.HomePath),
		Texts: func(p *Page, t Texts) {
			s, notice := p.Site, t[&p.Site.Notice.Body]
			p.Title, p.Column = s.Notice.Title, s.Strings["nav_notice"]
			p.Description, p.Content = firstSentence(notice.Plain), notice.For(p)
		},
	},
	{
		Kind:    Table,
		Article: true,
		Print:   true, // not Listen: read aloud, a table is a string of cells; each measure's page reads its text
		Column:  true,
		// The table by category, as printed, in pages of site.PerPage rows.
		Pages: func(s *site.Site) []*Page {
			var ms []*site.Measure
			for _, c := range s.Categories {
				ms = append(ms, c.Measures...)
			}
			return paginate(site.TablePath, ms, func(path string) *Page { return &Page{Path: path} })
		},
		Texts: func(p *Page, t Texts) {
			s := p.Site
			p.Title, p.Description, p.Column = pageTitle(p, s.Notice.Attachment), s.Notice.Attachment, s.Strings["nav_table"]
			p.Bodies = make(map[*site.Measure]template.HTML, len(p.Pager.Measures))
			for _, m := range p.Pager.Measures {
				p.Bodies[m] = t[&m.Body].For(p)
			}
		},
	},
	{
		Kind:   Units,
		Column: true,
		Pages:  fixed(site.UnitsPath),
		Texts: func(p *Page, _ Texts) {
			s := p.Site
			p.Title, p.Description, p.Column = s.Strings["nav_units"], s.Notice.Attachment, s.Strings["nav_units"]
		},
	},
	{
		Kind:     NotFound,
		Anywhere: true,
		Pages:    fixed(site.NotFoundPath),
		Texts: func(p *Page, _ Texts) {
			p.Title, p.Description = p.Site.Strings["not_found_title"], p.Site.Strings["not_found_text"]
		},
		Deps: func(*Page) []string { return []string{} }, // no measure at all
	},
	{
		Kind:   Search,
		Column: true,
		Pages:  fixed(site.SearchPath),
		Texts: func(p *Page, _ Texts) {
			ui := p.Site.Strings
			p.Title, p.Description, p.Column = ui["search_title"], ui["search_intro"], ui["search_title"]
		},
	},
	{
		Kind:    Measure,
		Article: true,
		Print:   true,
		Listen:  true,
		Pages: func(s *site.Site) []*Page {
			ps := make([]*Page, len(s.Measures))
			for i, m := range s.Measures {
				ps[i] = &Page{Path: m.Path(), Measure: m}
				if i > 0 {
					ps[i].Prev = s.Measures[i-1]
				}
				if i+1 < len(s.Measures) {
					ps[i].Next = s.Measures[i+1]
				}
			}
			return ps
		},
		Texts: func(p *Page, t Texts) {
			m, text := p.Measure, t[&p.Measure.Body]
			p.Title, p.Column = m.Title, m.Category.Name
			p.Description, p.Content = firstSentence(text.Plain), text.For(p)
		},
		// The page shows its neighbours' titles in the pager.
		Deps: func(p *Page) []string { return files(p.Prev, p.Measure, p.Next) },
	},
	{
		Kind:   Category,
		Column: true,
		Pages: func(s *site.Site) []*Page {
			var ps []*Page
			for _, c := range s.Categories {
				ps = append(ps, paginate(c.Path(), c.Measures, func(path string) *Page { return &Page{Path: path, Category: c} })...)
			}
			return ps
		},
		Texts: func(p *Page, _ Texts) {
			c := p.Category
			p.Title, p.Description, p.Column = pageTitle(p, c.Name), c.Summary, c.Name
		},
		Deps: func(p *Page) []string { return files(p.Category.Measures...) },
	},
	{
		Kind:   Unit,
		Column: true,
		Pages: func(s *site.Site) []*Page {
			var ps []*Page
			for _, u := range s.Units {
				ps = append(ps, paginate(u.Path(), u.Measures, func(path string) *Page { return &Page{Path: path, Unit: u} })...)
			}
			return ps
		},
		Texts: func(p *Page, _ Texts) {
			u, ui := p.Unit, p.Site.Strings
			p.Title, p.Column = pageTitle(p, u.Name), ui["nav_units"]
			p.Description = unitDescription(ui["unit_description"], u)
		},
		Deps: func(p *Page) []string { return files(p.Unit.Measures...) },
	},
	{
		// 網站地圖: every page of the edition, for a reader to see the
		// whole at a glance (from a USB stick, too). It shows every
		// measure's title — but on a site whose lists go on across pages,
		// where it shows the columns and links their pages (ListPages).
		Kind: SiteMap,
		Pages: func(s *site.Site) []*Page {
			return []*Page{{Path: site.SiteMapPagePath, Data: listPages(s)}}
		},
		Texts: func(p *Page, _ Texts) {
			ui := p.Site.Strings
			p.Title, p.Description = ui["sitemap_title"], ui["sitemap_intro"]
			if lp, _ := p.Data.(ListPages); lp != nil {
				p.Description = ui["sitemap_intro_paged"]
			}
		},
	},
}

// pageTitle is the title of page p of a list, named name: the name alone
// on the first page, with the page's number on a later one, so that each
// page has its own title (in a tab, a bookmark, a search result).
func pageTitle(p *Page, name string) string {
	if p.Pager.N == 1 {
		return name
	}
	ui := p.Site.Strings
	n := fmt.Sprintf("%d/%d", p.Pager.N, p.Pager.Of) // for layouts whose strings.toml predates page_of
	if f := ui["page_of"]; f != "" {
		n = fmt.Sprintf(f, p.Pager.N, p.Pager.Of)
	}
	return name + ui["page_separator"] + n
}

// fixed lists the one page of a kind at a fixed path.
func fixed(path string) func(*site.Site) []*Page {
	return func(*site.Site) []*Page { return []*Page{{Path: path}} }
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

// kinds finds a kind by its name.
var kinds = func() map[Kind]*PageKind {
	m := make(map[Kind]*PageKind, len(Kinds))
	for _, k := range Kinds {
		m[k.Kind] = k
	}
	return m
}()

// article, column and anywhere are the kind's Article, Column and
// Anywhere; false for a kind that is not in Kinds.
func (k Kind) article() bool  { d := kinds[k]; return d != nil && d.Article }
func (k Kind) column() bool   { d := kinds[k]; return d != nil && d.Column }
func (k Kind) anywhere() bool { d := kinds[k]; return d != nil && d.Anywhere }
func (k Kind) prints() bool   { d := kinds[k]; return d != nil && d.Print }
func (k Kind) listens() bool  { d := kinds[k]; return d != nil && d.Listen }

// List returns the kind's pages in the edition s (see Pages), with their
// Kind and Site. A page's path must be one a shared part can show (see
// pathSafe): any other is an error, before anything is rendered.
func (k *PageKind) List(s *site.Site) ([]*Page, error) {
	ps := k.Pages(s)
	for _, p := range ps {
		p.Kind, p.Site = k.Kind, s
		if err := checkPath(p.Path); err != nil {
			return nil, l10n.Errorf("page kind %s: %w", k.Kind, err)
		}
	}
	return ps, nil
}

// Texts are an edition's Markdown sources — the notice's text and each
// measure's — converted, in its script, by the source they come from.
type Texts map[*site.Source]Text

// Text is one Markdown source converted.
type Text struct {
	HTML  template.HTML // for the page, minified
	Plain string        // plain text, one paragraph a line, for descriptions, search and open data
	// ByUp is the HTML for a page that many folders below the edition's
	// root ("", "../"), when the text links to other sources; nil when it
	// does not, and HTML serves every page.
	ByUp map[string]template.HTML
}

// For is the text's HTML as page p shows it: its links to other sources
// lead there from p's folder.
func (t Text) For(p *Page) template.HTML {
	if h, ok := t.ByUp[up(p.Path)]; ok {
		return h
	}
	return t.HTML
}

// up is the way from a page at path p to its edition's root: "", "../" ….
func up(p string) string { return strings.Repeat("../", strings.Count(p, "/")) }

// Ups lists the ways up from every page of the edition s to its root,
// each once: a text that links to other sources is rendered for each.
func Ups(s *site.Site) []string {
	var ups []string
	for _, k := range Kinds {
		for _, p := range k.Pages(s) {
			if u := up(p.Path); !slices.Contains(ups, u) {
				ups = append(ups, u)
			}
		}
	}
	slices.Sort(ups)
	return ups
}

// WithTexts returns a copy of p with the texts its kind gives it from t
// (PageKind.Texts): p itself stays as listed, for the other outputs that
// read it meanwhile (the sitemap).
func (p *Page) WithTexts(t Texts) *Page {
	out := *p
	if k := kinds[p.Kind]; k != nil && k.Texts != nil {
		k.Texts(&out, t)
	}
	return &out
}
