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
	ls := pageLinks(p.first, p.Of)
	ls[p.N-1].Current = true
	return ls
}

// pageLinks are the of pages of a list whose first page is at first.
func pageLinks(first string, of int) []PageLink {
	ls := make([]PageLink, of)
	for i := range ls {
		ls[i] = PageLink{N: i + 1, Path: site.PagedPath(first, i+1)}
	}
	return ls
}

// ListPages are the pages of the site's lists that go on across pages —
// the table, a category's, a unit's — by the path of each list's first
// page; a list on one page is not in it. It is the site map's Data on a
// site of more than site.PerPage measures, where the site map shows the
// site's columns and links their pages instead of every measure, which
// made it 1.1 MB at 10,000 measures. On a smaller site it is nil, and the
// site map lists every measure.
type ListPages map[string][]PageLink

// ListedPages are the pages of one long list, as the page p links them.
type ListedPages struct {
	From  *Page
	Links []PageLink
}

// ListedPages returns the pages of the long list whose first page is at
// first, as p's Data (ListPages) has them, for p to link each: nil when p
// has no ListPages or the list is on one page.
func (p *Page) ListedPages(first string) *ListedPages {
	lp, _ := p.Data.(ListPages)
	if links := lp[first]; links != nil {
		return &ListedPages{From: p, Links: links}
	}
	return nil
}

// listPages are the ListPages of s, nil when its table fits on one page.
// They are the paths the kinds' paginate gives the pages, list by list.
func listPages(s *site.Site) ListPages {
	if site.Pages(len(s.Measures)) == 1 {
		return nil
	}
	lp := ListPages{}
	add := func(first string, n int) {
		if of := site.Pages(n); of > 1 {
			lp[first] = pageLinks(first, of)
		}
	}
	add(site.TablePath, len(s.Measures))
	for _, c := range s.Categories {
		add(c.Path(), len(c.Measures))
	}
	for _, u := range s.Units {
		add(u.Path(), len(u.Measures))
	}
	return lp
}
