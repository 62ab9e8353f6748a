package build

import (
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

var mainHref = regexp.MustCompile(`<a href="([^"#]*)"`)

// TestSiteMapPage: the site map of each edition of the real site links
// every page of that edition — but the 404 page, which is no page to go
// to, and itself — and nothing else.
func TestSiteMapPage(t *testing.T) {
	outs, err := Outputs(os.DirFS(repo))
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]string{} // by edition's folder
	for _, o := range outs {
		if !o.Page {
			continue
		}
		dir := ""
		if strings.HasPrefix(o.Path, "zh-hans/") {
			dir = "zh-hans/"
		}
		if p := strings.TrimPrefix(o.Path, dir); p != site.NotFoundPath && p != site.SiteMapPagePath {
			pages[dir] = append(pages[dir], p)
		}
	}
	if len(pages) != 2 {
		t.Fatalf("pages of %d editions, want 2", len(pages))
	}
	maps := generateOutputs(t, site.SiteMapPagePath, "zh-hans/"+site.SiteMapPagePath)
	for dir, want := range pages {
		html := string(maps[dir+site.SiteMapPagePath])
		_, main, _ := strings.Cut(html, "<main")
		main, _, _ = strings.Cut(main, "</main>")
		var got []string
		for _, m := range mainHref.FindAllStringSubmatch(main, -1) {
			if p := path.Clean(m[1]); !slices.Contains(got, p) && p != site.SiteMapPagePath {
				got = append(got, p)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s%s links %d pages:\n%v\nwant the edition's %d:\n%v", dir, site.SiteMapPagePath, len(got), got, len(want), want)
		}
	}
}
