package render

import (
	"net/url"

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

// PubDate is the notice's date in the format the State Council's guidelines
// for government websites (政府網站發展指引, 2017) give for the PubDate meta
// tag, yyyy-MM-dd HH:mm; the notice carries a date only, so the time is 00:00.
// It is the same on every page: the layouts show it in a shared part.
func (c Chrome) PubDate() string { return c.Site.Notice.Date.Format("2006-01-02 15:04") }

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
		DatePublished: n.ISODate(),
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
