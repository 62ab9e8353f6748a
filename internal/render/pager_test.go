package render

import (
	"fmt"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestPaginate splits lists of every size about site.PerPage: each page
// shows at most PerPage measures, all of them once, in order, and links its
// neighbours; a list of up to PerPage, or none, is one page at its path.
func TestPaginate(t *testing.T) {
	for _, tt := range []struct {
		n, pages int
	}{
		{0, 1}, {1, 1}, {site.PerPage, 1}, {site.PerPage + 1, 2}, {2 * site.PerPage, 2}, {2*site.PerPage + 1, 3},
	} {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			ms := make([]*site.Measure, tt.n)
			for i := range ms {
				ms[i] = &site.Measure{Number: i + 1}
			}
			ps := paginate("categories/trade.html", ms, func(path string) *Page { return &Page{Path: path} })
			if len(ps) != tt.pages {
				t.Fatalf("%d pages, want %d", len(ps), tt.pages)
			}
			next := 0
			for i, p := range ps {
				want := "categories/trade.html"
				if i > 0 {
					want = fmt.Sprintf("categories/trade/page-%d.html", i+1)
				}
				if p.Path != want {
					t.Errorf("page %d is at %s, want %s", i+1, p.Path, want)
				}
				prev, nxt := "", ""
				if i > 0 {
					prev = ps[i-1].Path
				}
				if i+1 < len(ps) {
					nxt = ps[i+1].Path
				}
				if g := p.Pager; g.N != i+1 || g.Of != tt.pages || g.Prev != prev || g.Next != nxt {
					t.Errorf("page %d: pager %d of %d, prev %q, next %q; want %d of %d, %q, %q", i+1, g.N, g.Of, g.Prev, g.Next, i+1, tt.pages, prev, nxt)
				}
				if len(p.Pager.Measures) > site.PerPage {
					t.Errorf("page %d shows %d measures", i+1, len(p.Pager.Measures))
				}
				for _, m := range p.Pager.Measures {
					if m != ms[next] {
						t.Fatalf("page %d shows measure %d, want %d", i+1, m.Number, next+1)
					}
					next++
				}
				for j, l := range p.Pager.Pages() {
					if l.Path != ps[j].Path || l.Current != (j == i) {
						t.Errorf("page %d links page %d as %s (current: %v)", i+1, j+1, l.Path, l.Current)
					}
				}
			}
			if next != tt.n {
				t.Errorf("the pages show %d measures, want %d", next, tt.n)
			}
		})
	}
}

// TestGroups splits a table page's rows by category, as printed: a
// category that goes on from the page before is marked continued.
func TestGroups(t *testing.T) {
	a, b := &site.Category{Slug: "a"}, &site.Category{Slug: "b"}
	for i := 1; i <= 3; i++ {
		a.Measures = append(a.Measures, &site.Measure{Number: i, Category: a})
	}
	for i := 4; i <= 5; i++ {
		b.Measures = append(b.Measures, &site.Measure{Number: i, Category: b})
	}
	for _, tt := range []struct {
		name string
		ms   []*site.Measure
		want string
	}{
		{"whole categories", append(a.Measures[:3:3], b.Measures...), "a:3 b:2"},
		{"one going on", append(a.Measures[1:3:3], b.Measures[:1]...), "a:2+ b:1"},
		{"inside one", a.Measures[1:2], "a:1+"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for i, g := range (&Pager{Measures: tt.ms}).Groups() {
				if i > 0 {
					got += " "
				}
				got += fmt.Sprintf("%s:%d", g.Category.Slug, len(g.Measures))
				if g.Continued {
					got += "+"
				}
			}
			if got != tt.want {
				t.Errorf("groups %q, want %q", got, tt.want)
			}
		})
	}
}
