package check

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
)

// Collector checks a site file by file, from the bytes of each, so that a
// program that writes a site can check it as it writes, without reading it
// back. Of each page it keeps only what is left to check once every page
// is in — its ids, the problems found, and the references that need other
// pages (a #fragment of another page) or the site's address (absolute
// URLs) — not the page. It is safe for concurrent use.
type Collector struct {
	pageChecks bool
	s          siteFiles // files and dirs are fixed when the Collector is made

	mu        sync.Mutex
	checked   map[string][]entry // by page or style sheet
	pages     int
	styles    int
	canonical string // of index.html, which gives the site's address
}

// siteFiles is what the check knows of a site's files.
type siteFiles struct {
	files map[string]bool            // every file, by path
	dirs  map[string]bool            // every directory
	ids   map[string]map[string]bool // every page's ids, by page
	base  string                     // the site's own address, or ""
}

// entry is one problem of a file, found or still to resolve.
type entry struct {
	problem Problem // without Msg while pending
	pending pending
	ref     Ref    // an absolute reference
	target  string // the page whose element id a reference names
	id      string
}

type pending int

const (
	found    pending = iota // problem is complete
	absolute                // ref, under the site's address or leaving the site
	fragment                // an element id of another page
)

// NewCollector returns a Collector for a site of these files
// (slash-separated, from the site root): every file, whether or not its
// content is given to Add.
func NewCollector(files []string) *Collector { return newCollector(files, nil, true) }

// newCollector makes a Collector; dirs nil means the folders of the files.
func newCollector(files []string, dirs map[string]bool, pageChecks bool) *Collector {
	c := &Collector{pageChecks: pageChecks, checked: map[string][]entry{},
		s: siteFiles{files: make(map[string]bool, len(files)), dirs: dirs, ids: map[string]map[string]bool{}}}
	if c.s.dirs == nil {
		c.s.dirs = map[string]bool{".": true}
	}
	for _, name := range files {
		c.s.files[name] = true
		if dirs == nil {
			for d := path.Dir(name); d != "." && !c.s.dirs[d]; d = path.Dir(d) {
				c.s.dirs[d] = true
			}
		}
	}
	return c
}

// Parsed reports whether the check reads a file's content: HTML pages and
// CSS files. Add ignores the others.
func Parsed(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".css"
}

// Add checks the page or style sheet name with its content src.
func (c *Collector) Add(name string, src []byte) error {
	var entries []entry
	switch path.Ext(name) {
	case ".html":
		p, err := ParsePage(name, src)
		if err != nil {
			return err
		}
		if c.pageChecks {
			for _, pr := range pageProblems(p) {
				entries = append(entries, entry{problem: pr})
			}
		}
		for _, ref := range p.Refs {
			if e, ok := c.s.early(name, ref, p.IDs); ok {
				entries = append(entries, e)
			}
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.s.ids[name] = p.IDs
		c.checked[name] = entries
		c.pages++
		if name == "index.html" {
			c.canonical = p.Canonical
		}
	case ".css":
		for _, u := range cssURLs(src) {
			if e, ok := c.s.early(name, Ref{Attr: "url()", Value: u, Fetched: true}, nil); ok {
				entries = append(entries, e)
			}
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		c.checked[name] = entries
		c.styles++
	}
	return nil
}

// early checks what it can of a reference from file from while other pages
// may still be missing; ids are from's own. It reports whether there is a
// problem or something left to check.
func (s *siteFiles) early(from string, ref Ref, ids map[string]bool) (entry, bool) {
	e := entry{problem: Problem{Page: from, Tag: ref.Tag, Attr: ref.Attr, Value: ref.Value}}
	switch {
	case strings.HasPrefix(ref.Value, "data:"):
		return e, false // inline data: nothing is requested
	case External(ref.Value):
		// Whether it is under the site's own address is known once
		// index.html is in.
		e.pending, e.ref = absolute, ref
		return e, true
	}
	target, id, msg := s.resolveFile(from, ref.Value)
	switch {
	case msg != "":
		e.problem.Msg = msg
		return e, true
	case id == "" || path.Ext(target) != ".html":
		return e, false
	case target == from:
		e.problem.Msg = missingID(target, id, ids)
		return e, e.problem.Msg != ""
	}
	e.pending, e.target, e.id = fragment, target, id
	return e, true
}

// missingID says that page target, of these ids, lacks id, or returns "".
func missingID(target, id string, ids map[string]bool) string {
	if ids[id] {
		return ""
	}
	return fmt.Sprintf("no element with id %q in %s", id, target)
}

// Site reports on the site made of the files added so far: by file in the
// order fs.WalkDir visits them, each file's problems in document order.
func (c *Collector) Site() *Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := &c.s
	s.base = ""
	if u, err := url.Parse(c.canonical); err == nil && u.IsAbs() && u.Host != "" {
		s.base = strings.TrimSuffix(c.canonical, "index.html")
		if !strings.HasSuffix(s.base, "/") {
			s.base += "/"
		}
	}
	order := make([]string, 0, len(c.checked))
	for name := range c.checked {
		order = append(order, name)
	}
	slices.SortFunc(order, walkOrder)
	r := &Report{Pages: c.pages, Styles: c.styles}
	for _, name := range order {
		for _, e := range c.checked[name] {
			switch e.pending {
			case absolute:
				r.ref(s, name, e.ref)
			case fragment:
				if msg := s.fragment(e.target, e.id); msg != "" {
					e.problem.Msg = msg
					r.Problems = append(r.Problems, e.problem)
				}
			default:
				r.Problems = append(r.Problems, e.problem)
			}
		}
	}
	return r
}

// walkOrder compares two paths in the order fs.WalkDir visits them: by
// folder, each folder's entries sorted by name ("a/z" before "a-b/c", as "a"
// sorts before "a-b").
func walkOrder(a, b string) int {
	for {
		ha, ra, moreA := strings.Cut(a, "/")
		hb, rb, moreB := strings.Cut(b, "/")
		if c := strings.Compare(ha, hb); c != 0 || !moreA || !moreB {
			if c == 0 { // one is a folder holding the other
				return compareBool(moreA, moreB)
			}
			return c
		}
		a, b = ra, rb
	}
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
