package render

import (
	"net/url"
	"strings"

	"golang.org/x/text/language"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// The metadata the layouts put in <head> for the city portal, search engines
// and share previews. Absolute URLs (canonical, Open Graph) appear only when
// the site has a base_url; everything else works without one.

// Canonical is the page's absolute URL for <link rel="canonical"> and
// og:url, or "" without a base_url. The 404 page has none (PageKind.Anywhere):
// a server shows it at every missing address, none of which is its own.
func (p *Page) Canonical() string {
	if p.Kind.anywhere() {
		return ""
	}
	return p.URL()
}

// QR is the link from the page to the image of its QR code, a code of its
// Canonical address (site.QRPath, made by the build), or "" when it has no
// address of its own.
func (p *Page) QR() string {
	if p.Canonical() == "" {
		return ""
	}
	return p.Rel(site.QRPath(p.Path))
}

// OGType is the page's Open Graph type: the home page is the website, every
// other page an article in it.
func (p *Page) OGType() string {
	if p.Kind == Home {
		return "website"
	}
	return "article"
}

// OGLocale is the site's language as Open Graph writes it (language_TERRITORY),
// the territory being the language's most likely one: zh-Hant → zh_TW.
func (p *Page) OGLocale() string {
	tag, err := language.Parse(p.Site.Language)
	if err != nil {
		return ""
	}
	base, _ := tag.Base()
	region, _ := tag.Region()
	return base.String() + "_" + region.String()
}

// SiteDomain is the host of the base_url, or "".
func (p *Page) SiteDomain() string { return p.view().SiteDomain() }

// SiteDomain is the host of the base_url, or "".
func (c Chrome) SiteDomain() string {
	u, err := url.Parse(c.Site.BaseURL)
	if err != nil {
		return ""
	}
	return u.Host
}

// PubDate is when the notice was published (site.Notice.PubTime) in the
// format the State Council's guidelines for government websites
// (政府網站發展指引, 2017) give for the PubDate meta tag, yyyy-MM-dd HH:mm;
// 00:00 for a date given without a time. It is the same on every page: the
// layouts show it in a shared part.
func (c Chrome) PubDate() string { return c.Site.Notice.PubTime().Format("2006-01-02 15:04") }

// JSONLD describes a measure page for search engines (schema.org), or is nil
// on other pages. html/template marshals it into the
// <script type="application/ld+json"> element as JSON, escaping "<", ">" and
// "&", so no text can close the element early.
func (p *Page) JSONLD() any {
	m := p.Measure
	if p.Kind != Measure || m == nil {
		return nil
	}
	n := p.Site.Notice
	return jsonLD{
		Context:       "https://schema.org",
		Type:          "CreativeWork",
		Name:          m.Title,
		Identifier:    m.Number,
		URL:           p.URL(),
		InLanguage:    p.Site.Language,
		DatePublished: n.PubTime().Format("2006-01-02"),
		Publisher:     thing{Type: "GovernmentOrganization", Name: n.Issuer},
		About:         thing{Type: "Thing", Name: m.Category.Name},
		IsPartOf:      thing{Type: "CreativeWork", Name: n.Title, Identifier: n.Number, URL: p.Site.BaseURL},
	}
}

type jsonLD struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	Name          string `json:"name"`
	Identifier    int    `json:"identifier"`
	URL           string `json:"url,omitempty"`
	InLanguage    string `json:"inLanguage"`
	DatePublished string `json:"datePublished"`
	Publisher     thing  `json:"publisher"`
	About         thing  `json:"about"`
	IsPartOf      thing  `json:"isPartOf"`
}

type thing struct {
	Type       string `json:"@type"`
	Name       string `json:"name"`
	Identifier string `json:"identifier,omitempty"`
	URL        string `json:"url,omitempty"`
}

// ColumnPage reports whether the page is a column (欄目頁) of the notice,
// for the meta tags ColumnDescription and ColumnKeywords (see
// PageKind.Column).
func (p *Page) ColumnPage() bool { return p.Kind.column() }

// ColumnKeywords is the ColumnKeywords meta tag of a column: its name, then
// the names of the categories and units its page shows.
func (p *Page) ColumnKeywords() string {
	return joinKeywords(append([]string{p.Column}, p.keywords()...))
}

// Keywords is the Keywords meta tag of an article: the names of the
// categories and units it is about, or "".
func (p *Page) Keywords() string { return joinKeywords(p.keywords()) }

// keywords are the names of the categories and units the page is about,
// as the content gives them: nothing is made up for a meta tag.
func (p *Page) keywords() []string {
	var out []string
	switch p.Kind {
	case Home, Table:
		for _, c := range p.Site.Categories {
			out = append(out, c.Name)
		}
	case Measure:
		out = append(out, p.Measure.Category.Name)
		for _, u := range p.Measure.Units {
			out = append(out, u.Name)
		}
	case Category:
		out = append(out, p.Category.Name)
		for _, m := range p.Category.Measures {
			for _, u := range m.Units {
				out = append(out, u.Name)
			}
		}
	case Unit:
		out = append(out, p.Unit.Name)
		for _, m := range p.Unit.Measures {
			out = append(out, m.Category.Name)
		}
	case Units:
		for _, u := range p.Site.Units {
			out = append(out, u.Name)
		}
	}
	return out
}

// joinKeywords joins the words that are not empty, each once, in order,
// with commas, as the portal's crawlers read them.
func joinKeywords(words []string) string {
	seen := make(map[string]bool, len(words))
	var b strings.Builder
	for _, w := range words {
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(w)
	}
	return b.String()
}

// ErrorReport is the page's link to the State Council's 「我為政府網站找錯」
// service, with the site's code and the page's address; "" without a
// site_code, a base_url, or an address of the page's own (the 404 page).
func (p *Page) ErrorReport() string { return p.Site.Publisher.ErrorReport(p.Canonical()) }
