package build

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// schemeRow is a path of README's URL scheme, as a pattern.
type schemeRow struct {
	text   string         // as README writes it: categories/<slug>.html
	re     *regexp.Regexp // what it matches
	prefix bool           // an edition's folder: zh-hans/… holds the other rows' paths
}

// readmeScheme reads the paths of the table under README's "URL scheme"
// heading: the code spans of its first column.
func readmeScheme(t *testing.T) []schemeRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## URL scheme")
	if !ok {
		t.Fatal("README.md has no section ## URL scheme")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	placeholders := strings.NewReplacer(
		"NN", "[0-9]{2,}",
		`<slug>`, "[a-z0-9]+(-[a-z0-9]+)*",
		`<name>`, "[^/]+",
		`<hash>`, "[0-9a-f]{8}",
		`<ext>`, "[a-z0-9]+",
		`<page>`, "[a-z0-9-]+(/[a-z0-9-]+)*", // a page's path without .html
		`<n>`, "([2-9]|[1-9][0-9]+)", // a later page of a long list
	)
	span := regexp.MustCompile("`([^`]+)`")
	var rows []schemeRow
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.HasPrefix(line, "|") {
			continue
		}
		for _, m := range span.FindAllStringSubmatch(cells[1], -1) {
			text := m[1]
			p, _, _ := strings.Cut(text, "?") // search.html?q=…
			row := schemeRow{text: text}
			if folder, ok := strings.CutSuffix(p, "/…"); ok {
				row.prefix, p = true, folder+"/"
			}
			row.re = regexp.MustCompile("^" + placeholders.Replace(regexp.QuoteMeta(p)) + "$")
			if row.prefix {
				row.re = regexp.MustCompile("^" + regexp.QuoteMeta(p))
			}
			rows = append(rows, row)
		}
	}
	if len(rows) < 10 {
		t.Fatalf("README's URL scheme table has %d paths: not read right", len(rows))
	}
	return rows
}

// TestURLScheme holds the URL scheme (internal/site/paths.go), a contract
// with the city portal, to README's table: every file a build of the real
// site writes — with a base_url, so the files for crawlers too — has a path
// of the table, and every path of the table is written.
func TestURLScheme(t *testing.T) {
	rows := readmeScheme(t)
	// With a document the notice links to, the only file of the scheme
	// that the real content does not make.
	notice := strings.Replace(repoFile(t, "content/notice.md"), "\n+++\n", "\noriginals = [\"content/files/161.pdf\"]\n+++\n", 1)
	src := sourceTree(t, map[string]string{
		"site.toml":             withBaseURL(t, "https://www.example.gov.cn/nansha3/"),
		"content/notice.md":     notice,
		"content/files/161.pdf": "%PDF-1.4\n",
	})
	outs, err := Outputs(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{site.SumsPath}
	for _, o := range outs {
		paths = append(paths, o.Path)
	}
	// The real site's search page index is one file; a large site's is in
	// shards (search.Plan), whose paths are these, as laid out for it.
	s, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, search.Shards(s).Paths()...)
	// Nor does it split a list across pages (site.PerPage): a large site's
	// later pages are at these paths, as the page kinds lay them out.
	for _, k := range render.Kinds {
		for _, p := range k.Pages(bigSite(s)) {
			if !slices.Contains(paths, p.Path) {
				paths = append(paths, p.Path)
			}
		}
	}
	written := map[string]bool{}
	for _, p := range paths {
		found := false
		for _, r := range rows {
			rest, ok := p, true
			if r.prefix {
				// An edition's folder holds the paths of the other rows.
				var loc []int
				if loc = r.re.FindStringIndex(p); loc == nil {
					continue
				}
				rest = p[loc[1]:]
				ok = false
				for _, in := range rows {
					if !in.prefix && in.re.MatchString(rest) {
						ok, written[in.text] = true, true
					}
				}
			}
			if ok && (r.prefix || r.re.MatchString(rest)) {
				found, written[r.text] = true, true
			}
		}
		if !found {
			t.Errorf("the build writes %s, which README's URL scheme does not list", p)
		}
	}
	for _, r := range rows {
		if !written[r.text] {
			t.Errorf("README's URL scheme lists %s, which the build does not write", r.text)
		}
	}
	for name, p := range site.Named {
		if !slices.ContainsFunc(rows, func(r schemeRow) bool { return !r.prefix && r.re.MatchString(p) }) {
			t.Errorf("site.Named[%q] is %s, which README's URL scheme does not list", name, p)
		}
	}
}

// bigSite is s with a list longer than a page (site.PerPage) in the table,
// a category and a unit: its first measure, repeated.
func bigSite(s *site.Site) *site.Site {
	big := *s
	m := s.Measures[0]
	long := slices.Repeat([]*site.Measure{m}, site.PerPage+1)
	c, u := *m.Category, *m.Units[0]
	c.Measures, u.Measures = long, long
	big.Categories = append([]*site.Category{&c}, s.Categories...)
	big.Units = append([]*site.Unit{&u}, s.Units...)
	return &big
}
