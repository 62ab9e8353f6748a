package render

import (
	"strings"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Chrome is what a shared part of the layouts ({{shared "name" .Chrome}})
// may show: the site, the way from the page to the site's files, the page's
// kind, whether a link is to the page itself (Current), and the page's path
// and its alternates in the other editions. The site and the way to its
// files are the same for every page of an edition at one depth, so a part
// is rendered once for them all, and then:
//
//   - what the part asks of the page (Kind, Article, Current) is recorded
//     as it renders, and the part is reused only for pages that answer
//     alike (the navigation marks at most one item aria-current: one
//     rendering serves the thousands of pages that are none of its
//     targets; a footer that asks nothing serves every page);
//   - the path is shown as a placeholder, which each page's path replaces.
//
// Nothing else that differs by page (its title, its text) can reach a shared
// part.
type Chrome struct {
	Site   *site.Site
	rel    string // what Rel puts before a path within the edition
	root   string // what Asset puts before a path from the site root
	prefix string // the edition's folder
	assets map[string]Asset
	kind   Kind          // the page's kind, seen through Kind and Article
	path   string        // the page's path, seen through Current and Path
	part   *renderedPart // the part being rendered for the first time, or nil
}

// Rel turns a path within the page's edition into a path relative to the
// page: "../measures/04.html" from measures/03.html; on the 404 page, a
// path from the host's root (see anywhere.go).
func (c Chrome) Rel(target string) string { return c.rel + target }

// Asset is the path from the page to an asset by its source name
// ("site.css"), which the build replaced with a content-hashed name; the
// editions share the assets, at the site root.
func (c Chrome) Asset(name string) (string, error) { return assetPath(c.assets, c.root, name) }

// Current reports whether target (within the edition) is the page, for
// aria-current in navigation.
func (c Chrome) Current(target string) bool {
	current := c.path == target
	if c.part != nil {
		c.part.asked(func(o Chrome) bool { return (o.path == target) == current })
	}
	return current
}

// Kind is the page's kind.
func (c Chrome) Kind() Kind {
	kind := c.kind
	if c.part != nil {
		c.part.asked(func(o Chrome) bool { return o.kind == kind })
	}
	return kind
}

// Article reports whether the page is one of the notice's texts — the
// notice, its attachment table, a measure — rather than a list, for the
// government meta tags ArticleTitle, PubDate and ContentSource.
func (c Chrome) Article() bool {
	article := c.kind.article()
	if c.part != nil {
		c.part.asked(func(o Chrome) bool { return o.kind.article() == article })
	}
	return article
}

// Prints and Listens report whether the page offers the buttons 打印本頁
// and 聽全文 (PageKind.Print, PageKind.Listen), whose scripts the head
// loads.
func (c Chrome) Prints() bool {
	prints := c.kind.prints()
	if c.part != nil {
		c.part.asked(func(o Chrome) bool { return o.kind.prints() == prints })
	}
	return prints
}

// Listens: see Prints.
func (c Chrome) Listens() bool {
	listens := c.kind.listens()
	if c.part != nil {
		c.part.asked(func(o Chrome) bool { return o.kind.listens() == listens })
	}
	return listens
}

// Path is the page's path within the edition, as Page.Path, to show.
func (c Chrome) Path() PagePath { return PagePath{c.pathText()} }

// PagePath is the page's path as a shared part sees it: a value to show, or
// to link with href, and nothing else. A part renders it once, as a
// placeholder, for many pages, so comparing it would answer for the first
// page only; eq and friends fail on it (text/template compares no structs):
// ask Current instead.
type PagePath struct{ text string }

// String is the path, or the placeholder while a part renders.
func (p PagePath) String() string { return p.text }

func (c Chrome) pathText() string {
	if c.part == nil {
		return c.path
	}
	c.part.hole = true
	return c.part.placeholder
}

// Alternates lists the page in every edition of the site, for the language
// switch and <link rel="alternate" hreflang>; none when the site has one
// edition. They lead from the site root, as the page's other links. A page
// shown anywhere (the 404 page) has no URL of its own: its alternates have
// none either.
func (c Chrome) Alternates() []Alternate {
	alts := alternates(c.Site, c.root, c.prefix, c.pathText(), c.Current(site.HomePath))
	if len(alts) > 0 && c.Site.BaseURL != "" && c.Anywhere() {
		for i := range alts {
			alts[i].URL = ""
		}
	}
	return alts
}

// Alternate is this page in one of the site's editions.
type Alternate struct {
	Language string
	Label    string
	Href     string // relative to this page
	URL      string // absolute, or "" without base_url
	Current  bool   // the edition this page is in
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

// Download is the link to a related link of the notice (see Page.Download).
func (c Chrome) Download(l *site.Link) (string, error) {
	switch {
	case l.File == "":
		return l.URL, nil
	case strings.HasPrefix(l.File, site.AssetDir+"/"):
		return c.Asset(strings.TrimPrefix(l.File, site.AssetDir+"/"))
	}
	return c.root + site.FilePath(strings.TrimPrefix(l.File, content.FilesDir+"/")), nil
}

// ConacMark is the path from the page to the 黨政機關網站 mark, an asset
// named in site.toml ("assets/dzjg.png"), or "" when there is none.
func (c Chrome) ConacMark() (string, error) {
	m := c.Site.Publisher.ConacMark
	if m == "" {
		return "", nil
	}
	return c.Asset(strings.TrimPrefix(m, site.AssetDir+"/"))
}
