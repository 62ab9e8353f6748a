package render

import "github.com/gzgov/nansha-microsite/internal/site"

// A Pager is where a page stands in a list of measures split across pages
// of site.PerPage (the table, a category's, a unit's): which of the pages
// it is, its neighbours and the measures it shows. A list that fits on
// one page has one Pager, N 1 of 1, and its page shows no pager.
type Pager struct {
	N, Of      int             // page N of Of, from 1
	Prev, Next string          // the neighbours' paths; "" for none
	Measures   []*site.Measure // what this page shows of the list
	first      string          // the first page's path
}

// paginate splits the list ms, whose first page is at first, into its
// pages, each with a Pager; page makes each page with its path and the
// kind's own fields.
func paginate(first string, ms []*site.Measure, page func(path string) *Page) []*Page {
	of := site.Pages(len(ms))
	ps := make([]*Page, of)
	for i := range ps {
		n := i + 1
		pg := &Pager{N: n, Of: of, first: first, Measures: ms[i*site.PerPage : min(len(ms), n*site.PerPage)]}
		if n > 1 {
			pg.Prev = site.PagedPath(first, n-1)
		}
		if n < of {
			pg.Next = site.PagedPath(first, n+1)
		}
		ps[i] = page(site.PagedPath(first, n))
		ps[i].Pager = pg
	}
	return ps
}

// A Group is a run of the table's rows of one category on one page, as a
// printed table splits them: a category that goes on from the page before
// repeats its name, marked as continued.
type Group struct {
	Category  *site.Category
	Measures  []*site.Measure
	Continued bool // the category's first measures are on an earlier page
}

// Groups are the runs of the page's measures by category, in order.
func (p *Pager) Groups() []Group {
	var gs []Group
	for _, m := range p.Measures {
		if n := len(gs); n > 0 && gs[n-1].Category == m.Category {
			gs[n-1].Measures = append(gs[n-1].Measures, m)
			continue
		}
		gs = append(gs, Group{Category: m.Category, Measures: []*site.Measure{m}, Continued: m != m.Category.Measures[0]})
	}
	return gs
}

// A PageLink is one of a list's pages, as its pager links it.
type PageLink struct {
	N       int
	Path    string
	Current bool // the page that shows the pager
}

// Pages are all the list's pages, for a pager that links each: a reader
// goes to any page of the table in one step.
func (p *Pager) Pages() []PageLink {
	ls := make([]PageLink, p.Of)
	for i := range ls {
		ls[i] = PageLink{N: i + 1, Path: site.PagedPath(p.first, i+1), Current: i+1 == p.N}
	}
	return ls
}
