package build

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/check"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// paginateN is the corpus of TestPaginate: enough measures for the table
// (8 pages) and every category (about 210 each) to go over site.PerPage,
// and few enough to build in seconds. No unit goes over at this size (the
// corpus spreads 1.25 units a measure over 17 units): TestPaginateUnit
// builds one that does.
const paginateN = 1500

var (
	tableRow  = regexp.MustCompile(`<th scope="row"><a href="([^"]+)"`)
	listItem  = regexp.MustCompile(`<li><a href="([^"]+)"><span class="num">`)
	headLink  = regexp.MustCompile(`<link rel="(prev|next)" href="([^"]+)">`)
	pagerLink = regexp.MustCompile(`<a class="(?:prev|next)" rel="(prev|next)" href="([^"]+)">`)
	rowGroup  = regexp.MustCompile(`<th scope="rowgroup" rowspan="[0-9]+"><a href="[^"]+">([^<]+)</a>([^<]*)<br>`)
)

// TestPaginate builds a site whose table and category pages hold more than
// site.PerPage measures, and reads its pages as a reader would: each list
// starts at its page of today, goes on at its later pages, linked from one
// to the next both ways, and shows each of its measures once, in order;
// the table repeats its header row on every page and names a category that
// goes on from the page before again, marked as continued.
func TestPaginate(t *testing.T) {
	out, s := buildCorpus(t, paginateN)
	var table []*site.Measure
	for _, c := range s.Categories {
		table = append(table, c.Measures...)
	}
	lists := []pagedList{{"table", site.TablePath, table, tableRow}}
	for _, c := range s.Categories {
		lists = append(lists, pagedList{"category " + c.Slug, c.Path(), c.Measures, listItem})
	}
	for _, u := range s.Units {
		lists = append(lists, pagedList{"unit " + u.Slug, u.Path(), u.Measures, listItem})
	}
	if got := site.Pages(len(table)); got != 8 {
		t.Fatalf("the table of %d measures takes %d pages, want 8", len(table), got)
	}
	if !slices.ContainsFunc(s.Categories, func(c *site.Category) bool { return len(c.Measures) > site.PerPage }) {
		t.Fatal("no category of the corpus has more than site.PerPage measures: the test tests nothing")
	}
	checkPagedLists(t, out, s, lists)

	// The table's pages, by category as printed.
	for n := 1; n <= site.Pages(len(table)); n++ {
		p := site.PagedPath(site.TablePath, n)
		page := readPage(t, filepath.Join(out, p))
		if c := strings.Count(page, "<thead>"); c != 1 {
			t.Errorf("%s has %d header rows, want 1", p, c)
		}
		first := table[(n-1)*site.PerPage]
		g := rowGroup.FindStringSubmatch(page)
		if g == nil {
			t.Fatalf("%s: no category cell", p)
		}
		continued := first != first.Category.Measures[0]
		if g[1] != first.Category.Name || (g[2] == s.Strings["table_continued"]) != continued {
			t.Errorf("%s starts with measure %d of %s (continued: %v), but its first category cell says %q %q",
				p, first.Number, first.Category.Name, continued, g[1], g[2])
		}
	}
}

// TestPaginateUnit builds a site with a unit of more than site.PerPage
// measures, for which the default corpus would need some 3,000 measures:
// a corpus of 300 whose every measure one unit leads.
func TestPaginateUnit(t *testing.T) {
	src := srctest.Corpus(t, 300)
	files, err := filepath.Glob(filepath.Join(src, "content/measures/*.md"))
	if err != nil {
		t.Fatal(err)
	}
	leads := regexp.MustCompile(`(?m)^lead_units = .*$`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data = leads.ReplaceAll(data, []byte(`lead_units = ["廣州海關"]`))
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(srctest.ScratchDir(t), "public")
	mustBuild(t, src, out)
	s, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.Strings, err = content.LoadStrings(os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	var lists []pagedList
	for _, u := range s.Units {
		lists = append(lists, pagedList{"unit " + u.Slug, u.Path(), u.Measures, listItem})
	}
	i := slices.IndexFunc(s.Units, func(u *site.Unit) bool { return u.Name == "廣州海關" })
	if i < 0 || len(s.Units[i].Measures) != 300 {
		t.Fatal("廣州海關 does not lead the corpus's 300 measures")
	}
	checkPagedLists(t, out, s, lists)
}

// buildCorpus builds a corpus of n measures and returns the built site's
// folder and the site as loaded.
func buildCorpus(t *testing.T, n int) (string, *site.Site) {
	t.Helper()
	src := srctest.Corpus(t, n)
	out := filepath.Join(srctest.ScratchDir(t), "public")
	mustBuild(t, src, out)
	s, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.Strings, err = content.LoadStrings(os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return out, s
}

// A pagedList is a list of measures that a build splits into pages.
type pagedList struct {
	name  string
	first string // its first page's path
	ms    []*site.Measure
	links *regexp.Regexp // finds the links to its measures in a page
}

// checkPagedLists reads the pages of each list in every edition of the
// site built from s into out, and checks the site as `microsite check`
// does: every link, prev and next ones too, leads to a page.
func checkPagedLists(t *testing.T, out string, s *site.Site, lists []pagedList) {
	t.Helper()
	for _, e := range s.Editions {
		for _, l := range lists {
			t.Run(e.Prefix()+l.name, func(t *testing.T) {
				want := site.Pages(len(l.ms))
				var shown []string
				for n := 1; n <= want; n++ {
					p := site.PagedPath(l.first, n)
					if n == 1 && p != l.first {
						t.Fatalf("the first page of %s is %s, want %s as before", l.name, p, l.first)
					}
					page := readPage(t, filepath.Join(out, e.Prefix()+p))
					for _, m := range l.links.FindAllStringSubmatch(page, -1) {
						shown = append(shown, path.Join(path.Dir(p), m[1]))
					}
					neighbours := map[string]string{}
					if n > 1 {
						neighbours["prev"] = site.PagedPath(l.first, n-1)
					}
					if n < want {
						neighbours["next"] = site.PagedPath(l.first, n+1)
					}
					for _, re := range []*regexp.Regexp{headLink, pagerLink} {
						got := map[string]string{}
						for _, m := range re.FindAllStringSubmatch(page, -1) {
							got[m[1]] = path.Join(path.Dir(p), m[2])
						}
						if !maps.Equal(got, neighbours) {
							t.Errorf("%s links %v (%s), want %v", p, got, re, neighbours)
						}
					}
					// A later page's title says which it is; the first's is as before.
					if of := fmt.Sprintf(s.Strings["page_of"], n, want); e.Path == "" && strings.Contains(page, of+"｜") != (n > 1) {
						t.Errorf("%s: its title says %q: %v, want %v", p, of, !(n > 1), n > 1)
					}
					if hasNav := strings.Contains(page, `<nav class="pager" aria-label=`); hasNav != (want > 1) {
						t.Errorf("%s of %d pages has a pager: %v", p, want, hasNav)
					}
				}
				if _, err := os.Stat(filepath.Join(out, e.Prefix()+site.PagedPath(l.first, want+1))); err == nil {
					t.Errorf("%s has a page %d, want %d pages", l.name, want+1, want)
				}
				var paths []string
				for _, m := range l.ms {
					paths = append(paths, m.Path())
				}
				if !slices.Equal(shown, paths) {
					t.Errorf("the %d pages of %s show %d measures, want each of its %d once, in order", want, l.name, len(shown), len(paths))
				}
			})
		}
	}
	r, err := check.Site(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("check: %v", p)
	}
}

func readPage(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
