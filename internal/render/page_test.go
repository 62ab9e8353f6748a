package render

import (
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

func TestRel(t *testing.T) {
	plain := &site.Site{}
	portal := &site.Site{BaseURL: "https://www.example.gov.cn/nansha/"}
	tests := []struct {
		kind         Kind
		from, target string
		site         *site.Site
		want         string
	}{
		{Home, "index.html", "measures/03.html", plain, "measures/03.html"},
		{Measure, "measures/03.html", "measures/04.html", plain, "../measures/04.html"},
		{Measure, "measures/03.html", "index.html", plain, "../index.html"},
		{Unit, "units/court.html", "units/index.html", plain, "../units/index.html"},
		// 404.html is served at any depth: from the site's folder, base_url's
		// path, or the host's root; never from base_url's host.
		{NotFound, "404.html", "index.html", portal, "/nansha/index.html"},
		{NotFound, "404.html", "index.html", plain, "/index.html"},
	}
	for _, tt := range tests {
		p := &Page{Kind: tt.kind, Path: tt.from, Site: tt.site}
		if got := p.Rel(tt.target); got != tt.want {
			t.Errorf("from %s: Rel(%q) = %q, want %q", tt.from, tt.target, got, tt.want)
		}
	}
}

func TestEditionLinks(t *testing.T) {
	hant := &site.Edition{Language: "zh-Hant", Label: "繁體"}
	hans := &site.Edition{Language: "zh-Hans", Path: "zh-hans", Label: "简体", Convert: "t2s"}
	s := &site.Site{Editions: []*site.Edition{hant, hans}, ThisEdition: hans}
	p := &Page{Kind: Measure, Path: "measures/03.html", Site: s,
		assets: map[string]Asset{"site.css": {Path: "assets/site.1234.css"}}}
	if got := p.File(); got != "zh-hans/measures/03.html" {
		t.Errorf("File = %q", got)
	}
	if got := p.Rel("categories/trade.html"); got != "../categories/trade.html" {
		t.Errorf("Rel within the edition = %q", got)
	}
	if got, _ := p.Asset("site.css"); got != "../../assets/site.1234.css" {
		t.Errorf("Asset = %q, want the shared asset at the root", got)
	}
	alts := p.Alternates()
	if len(alts) != 2 || alts[0].Href != "../../measures/03.html" || alts[0].Current ||
		alts[1].Href != "../../zh-hans/measures/03.html" || !alts[1].Current || alts[0].URL != "" {
		t.Errorf("Alternates = %+v", alts)
	}
	s.BaseURL = "https://www.example.gov.cn/nansha/"
	hantSite := *s
	hantSite.ThisEdition = hant
	home := &Page{Kind: Home, Path: "index.html", Site: &hantSite}
	if alts := home.Alternates(); alts[0].URL != s.BaseURL || alts[1].URL != s.BaseURL+"zh-hans/" {
		t.Errorf("home alternates = %+v", alts)
	}
	// 404.html shows at any missing address: its switch leads from the
	// site's folder, and it has no URL of its own.
	notFound := &Page{Kind: NotFound, Path: "404.html", Site: &hantSite}
	if alts := notFound.Alternates(); alts[1].Href != "/nansha/zh-hans/404.html" || alts[1].URL != "" {
		t.Errorf("404 alternates = %+v, want /nansha/zh-hans/404.html and no URL", alts)
	}
	if got := p.URL(); got != s.BaseURL+"zh-hans/measures/03.html" {
		t.Errorf("URL = %q", got)
	}
	if one := (&Page{Path: "index.html", Site: &site.Site{Editions: []*site.Edition{hant}}}); one.Alternates() != nil {
		t.Error("a site with one edition has no language switch")
	}
}

func TestURL(t *testing.T) {
	portal := &site.Site{BaseURL: "https://www.example.gov.cn/nansha/"}
	for path, want := range map[string]string{
		"index.html":       "https://www.example.gov.cn/nansha/",
		"units/index.html": "https://www.example.gov.cn/nansha/units/index.html",
		"measures/03.html": "https://www.example.gov.cn/nansha/measures/03.html",
	} {
		if got := (&Page{Path: path, Site: portal}).URL(); got != want {
			t.Errorf("URL of %s = %q, want %q", path, got, want)
		}
	}
	if got := (&Page{Path: "index.html", Site: &site.Site{}}).URL(); got != "" {
		t.Errorf("URL without base_url = %q, want none", got)
	}
}
