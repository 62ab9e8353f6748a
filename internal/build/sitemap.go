package build

import (
	"bytes"
	"encoding/xml"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// sitemap writes sitemap.xml, listing every page but the 404 page (whose
// kind is shown anywhere, with no URL of its own).
func sitemap(in formatInput, b *bytes.Buffer) error { return writeSitemap(b, in.pages) }

// robots writes robots.txt, naming the sitemap.
func robots(in formatInput, b *bytes.Buffer) error {
	b.WriteString("User-agent: *\nAllow: /\n\nSitemap: " + in.site.BaseURL + site.SitemapPath + "\n")
	return nil
}

// writeSitemap writes the sitemaps.org protocol. It gives no <lastmod>: the
// build knows no date but the notice's, which every page shares.
func writeSitemap(b *bytes.Buffer, pages []*render.Page) error {
	type url struct {
		Loc string `xml:"loc"`
	}
	set := struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		if loc := p.Canonical(); loc != "" {
			set.URLs = append(set.URLs, url{loc})
		}
	}
	b.WriteString(xml.Header)
	return xml.NewEncoder(b).Encode(set)
}
