package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestPagedLists checks the pages of a table longer than a page
// (site.PerPage; the real site's is not) as the page types are checked:
// axe-core and the Nu HTML Checker, on its first, a middle and its last
// page (the Nu HTML Checker in both editions), and the site map, which on
// such a site links the lists' pages instead of every measure. The pager,
// the continued category cells and that map are only there.
func TestPagedLists(t *testing.T) {
	const n = 1000 // the corpus search_scan_test.go builds too: 5 table pages
	dir := corpusSite(t, n)
	last := site.Pages(n)
	var pages []string
	for _, prefix := range []string{"", "zh-hans/"} {
		for _, p := range []int{1, 2, last} {
			pages = append(pages, prefix+site.PagedPath(site.TablePath, p))
		}
		pages = append(pages, prefix+site.SiteMapPagePath)
	}
	if last < 3 {
		t.Fatalf("a table of %d measures takes %d pages: too few to test", n, last)
	}

	t.Run("axe", func(t *testing.T) {
		src, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
		if err != nil {
			t.Fatal(err)
		}
		tab := browsertest.New(t)
		// The source edition's pages in the first mode; a middle page,
		// with both neighbours, in the others: axe takes seconds on a page
		// of 200 rows, and the editions differ only in their script.
		axeInModes(t, tab, src, dir, "", func(i int) []pageType {
			if i > 0 {
				return byPath(site.PagedPath(site.TablePath, 2))
			}
			return byPath(pages[:4]...)
		})
		for _, e := range tab.ConsoleErrors() {
			t.Errorf("console: %s", e)
		}
	})

	t.Run("vnu", func(t *testing.T) {
		var files []string
		for _, p := range pages {
			files = append(files, filepath.Join(dir, filepath.FromSlash(p)))
		}
		for _, m := range runVnu(t, files...) {
			t.Errorf("%s:%d: %s: %s\n\t%s", m.URL, m.LastLine, m.Type, m.Message, m.Extract)
		}
	})
}
