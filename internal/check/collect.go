package check

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
)

// Collector gathers a site file by file, from the bytes of each as they are
// written, so that a program that writes a site can check it without
// reading it back. It is safe for concurrent use.
type Collector struct {
	mu sync.Mutex
	s  *siteFiles
}

// NewCollector returns an empty Collector.
func NewCollector() *Collector {
	return &Collector{s: &siteFiles{files: map[string]bool{}, dirs: map[string]bool{}, pages: map[string]*Page{}, styles: map[string][]string{}}}
}

// Parsed reports whether the check reads a file's content: HTML pages and
// CSS files. Add needs no content for the others.
func Parsed(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".css"
}

// Add records the file name (slash-separated, from the site root) with its
// content src, parsing it when it is a page or a style sheet. Only what the
// check needs is kept, not src.
func (c *Collector) Add(name string, src []byte) error {
	var (
		page   *Page
		styles []string
	)
	switch path.Ext(name) {
	case ".html":
		p, err := ParsePage(name, src)
		if err != nil {
			return err
		}
		page = p
	case ".css":
		styles = cssURLs(src)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.s.files[name] = true
	for d := path.Dir(name); d != "." && !c.s.dirs[d]; d = path.Dir(d) {
		c.s.dirs[d] = true
	}
	switch {
	case page != nil:
		c.s.pages[name] = page
	case path.Ext(name) == ".css":
		c.s.styles[name] = styles
	}
	return nil
}

// Site checks the site made of the files added so far, as Site does a
// folder.
func (c *Collector) Site() *Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.finish().report(true)
}

// finish orders the pages and style sheets and finds the site's address;
// the caller holds c.mu or owns c alone.
func (c *Collector) finish() *siteFiles {
	s := c.s
	s.dirs["."] = true
	s.order = s.order[:0]
	for name := range s.files {
		if Parsed(name) {
			s.order = append(s.order, name)
		}
	}
	slices.SortFunc(s.order, walkOrder)
	s.base = ""
	if home := s.pages["index.html"]; home != nil {
		if u, err := url.Parse(home.Canonical); err == nil && u.IsAbs() && u.Host != "" {
			s.base = strings.TrimSuffix(home.Canonical, "index.html")
			if !strings.HasSuffix(s.base, "/") {
				s.base += "/"
			}
		}
	}
	return s
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
