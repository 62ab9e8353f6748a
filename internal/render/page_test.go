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
		{Measure, "zh-hans/measures/03.html", "assets/site.css", plain, "../../assets/site.css"},
		// 404.html is served at any depth: absolute when the site has a base URL.
		{NotFound, "404.html", "index.html", portal, "https://www.example.gov.cn/nansha/index.html"},
		{NotFound, "404.html", "index.html", plain, "index.html"},
	}
	for _, tt := range tests {
		p := &Page{Kind: tt.kind, Path: tt.from, Site: tt.site}
		if got := p.Rel(tt.target); got != tt.want {
			t.Errorf("from %s: Rel(%q) = %q, want %q", tt.from, tt.target, got, tt.want)
		}
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
