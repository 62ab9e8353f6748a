package build

import (
	"bytes"
	"encoding/xml"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// crawlerFiles returns sitemap.xml, listing every page but the 404 page, and
// robots.txt naming it; none without a base_url.
func crawlerFiles(s *site.Site, pages []*render.Page) []Output {
	if s.BaseURL == "" {
		return nil
	}
	return []Output{
		{Path: site.SitemapPath, Generate: func(b *bytes.Buffer) error { return writeSitemap(b, pages) }},
		{Path: site.RobotsPath, Generate: func(b *bytes.Buffer) error {
			b.WriteString("User-agent: *\nAllow: /\n\nSitemap: " + s.BaseURL + site.SitemapPath + "\n")
			return nil
		}},
	}
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
