package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
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

// TestSiteMapPageLong builds sites about the size where lists go on across
// pages (site.PerPage) and reads each edition's site map: up to that size
// it links every page but the 404 page, as on the real site; above it,
// every page but the measures' — the table's, every category's and every
// unit's pages, each of a long list —, each category and unit with its
// count, and never a measure, which at 10,000 measures made it 1.1 MB.
// Every link leads to a page the build wrote.
func TestSiteMapPageLong(t *testing.T) {
	for _, tt := range []struct {
		n     int
		paged bool // the site map links lists' pages rather than measures
	}{
		{site.PerPage, false},
		{site.PerPage + 1, true}, // the table goes on at measures/page-2.html
		{paginateN, true},        // every category goes on, too
	} {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			out, s := buildCorpus(t, tt.n)
			measures := map[string]bool{}
			for _, m := range s.Measures {
				measures[m.Path()] = true
			}
			for _, dir := range []string{"", "zh-hans/"} {
				var want []string
				err := filepath.WalkDir(filepath.Join(out, dir), func(p string, d fs.DirEntry, err error) error {
					if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
						return err
					}
					rel, _ := filepath.Rel(filepath.Join(out, dir), p)
					rel = filepath.ToSlash(rel)
					if dir == "" && strings.HasPrefix(rel, "zh-hans/") || rel == site.NotFoundPath || rel == site.SiteMapPagePath ||
						tt.paged && measures[rel] {
						return nil
					}
					want = append(want, rel)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				html := readPage(t, filepath.Join(out, dir, site.SiteMapPagePath))
				_, main, _ := strings.Cut(html, "<main")
				main, _, _ = strings.Cut(main, "</main>")
				var got []string
				for _, m := range mainHref.FindAllStringSubmatch(main, -1) {
					p := path.Clean(m[1])
					if measures[p] && tt.paged {
						t.Errorf("%s%s links measure %s", dir, site.SiteMapPagePath, p)
					}
					if _, err := os.Stat(filepath.Join(out, dir, filepath.FromSlash(p))); err != nil {
						t.Errorf("%s%s links %s, which the build did not write", dir, site.SiteMapPagePath, p)
					}
					if !slices.Contains(got, p) && p != site.SiteMapPagePath {
						got = append(got, p)
					}
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s%s links %d pages:\n%v\nwant %d:\n%v", dir, site.SiteMapPagePath, len(got), got, len(want), want)
				}
				count := s.Strings["measures_count"]
				for _, c := range s.Categories {
					if w := fmt.Sprintf(`>%s</a> <span class="count">%d%s</span>`, c.Name, len(c.Measures), count); dir == "" && !strings.Contains(main, w) {
						t.Errorf("%s does not show category %s with its count: no %s", site.SiteMapPagePath, c.Slug, w)
					}
				}
				for _, u := range s.Units {
					if w := fmt.Sprintf(`>%s</a> <span class="count">%d%s</span>`, u.Name, len(u.Measures), count); dir == "" && !strings.Contains(main, w) {
						t.Errorf("%s does not show unit %s with its count: no %s", site.SiteMapPagePath, u.Slug, w)
					}
				}
			}
		})
	}
}
