package check

import (
	"bytes"
	"encoding/binary"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	// The URL scheme; the tests name a site of their own "site".
	"github.com/gzgov/nansha-microsite/internal/l10n"
	sitepath "github.com/gzgov/nansha-microsite/internal/site"
)

// Collector checks a site file by file, from the bytes of each, so that a
// program that writes a site can check it as it writes, without reading it
// back. Of each page it keeps only what is left to check once every page
// is in — its ids, the problems found, and the references that need other
// pages (a #fragment of another page) or the site's address (absolute
// URLs) — not the page. It is safe for concurrent use.
type Collector struct {
	s siteFiles // paths are fixed when the Collector is made

	mu        sync.Mutex
	checked   map[string][]entry // by page or style sheet, those with entries
	pages     int
	styles    int
	canonical string // of index.html, which gives the site's address
}

// siteFiles is what the check knows of a site's files.
type siteFiles struct {
	paths map[string]pathKind // every file and directory, by path
	ids   map[string]idSet    // every page's element ids, by page
	base  string              // the site's own address, or ""
	root  string              // its folder on the server: base's path, or "/"
}

// pathKind says whether a path is a file or a directory of the site (both
// only in a site made up for a test), so that one lookup tells.
type pathKind uint8

const (
	isFile pathKind = 1 << iota
	isDir
)

func (s *siteFiles) isFile(name string) bool { return s.paths[name]&isFile != 0 }
func (s *siteFiles) isDir(name string) bool  { return s.paths[name]&isDir != 0 }

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
	self                    // an element id of the page itself, while it is read
	anywhere                // ref, of a page that may be shown at any address (see shownAnywhere)
)

// NewCollector returns a Collector for a site of these files
// (slash-separated, from the site root): every file, whether or not its
// content is given to Add.
func NewCollector(files []string) *Collector { return newCollector(files, nil) }

// newCollector makes a Collector; dirs nil means the folders of the files.
func newCollector(files []string, dirs map[string]bool) *Collector {
	paths := make(map[string]pathKind, len(files)+len(dirs)+1)
	if dirs == nil {
		paths["."] = isDir
	}
	for d := range dirs {
		paths[d] |= isDir
	}
	for _, name := range files {
		paths[name] |= isFile
		if dirs == nil {
			for d := path.Dir(name); d != "." && paths[d]&isDir == 0; d = path.Dir(d) {
				paths[d] |= isDir
			}
		}
	}
	return &Collector{checked: map[string][]entry{},
		s: siteFiles{paths: paths, ids: map[string]idSet{}}}
}

// Reads reports whether the check reads the content of the file name: it
// does for HTML pages and CSS files, whose references it checks; Add
// ignores the others.
func Reads(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".css"
}

// Add checks the page or style sheet name with its content src.
func (c *Collector) Add(name string, src []byte) error {
	pc := pageChecks.Get().(*pageCheck)
	defer pc.release()
	pc.start(&c.s, name)
	switch path.Ext(name) {
	case ".html":
		p := Page{Path: name}
		if err := scanPage(name, src, &p, pc, &pc.scratch); err != nil {
			return err
		}
		var entries []entry
		for _, pr := range pageProblems(&p) {
			entries = append(entries, entry{problem: pr})
		}
		ids := idSet(pc.ids)
		entries = pc.finish(entries, ids)
		c.mu.Lock()
		defer c.mu.Unlock()
		c.s.ids[name] = ids
		c.setChecked(name, entries)
		c.pages++
		if name == sitepath.HomePath {
			c.canonical = p.Canonical
		}
	case ".css":
		for _, u := range cssURLs(src) {
			pc.ref(&noElement, "url()", []byte(u), true)
		}
		entries := pc.finish(nil, "")
		c.mu.Lock()
		defer c.mu.Unlock()
		c.setChecked(name, entries)
		c.styles++
	}
	return nil
}

// setChecked records a file's entries; most files have none, and keep no
// room in the map.
func (c *Collector) setChecked(name string, entries []entry) {
	if len(entries) == 0 {
		delete(c.checked, name)
		return
	}
	c.checked[name] = entries
}

// noElement is the element of a url() in a style sheet: none.
var noElement element

// pageCheck checks the references of one file as they are read: what it
// can at once, the rest (another page's element ids, absolute URLs) left
// pending for Site. It is reused from file to file, so that checking the
// references every page repeats (the navigation, the assets) costs no
// allocation.
type pageCheck struct {
	s         *siteFiles
	from, dir string // the file and its folder; dir "" when the fast path cannot join to it
	entries   []entry
	selfs     []selfRef // the entries that name an element of the file itself, in order
	ids       []byte    // the file's ids, as an idSet
	buf       []byte
	scratch

	// maybeAnywhere: the file is named like the page a server shows at
	// any address; whether it is one is known once every page is in.
	maybeAnywhere bool
}

// selfRef is a reference to an element of its own page, checked once the
// whole page is read.
type selfRef struct{ value, id []byte } // slices of the page's bytes

var pageChecks = sync.Pool{New: func() any { return new(pageCheck) }}

func (pc *pageCheck) start(s *siteFiles, from string) {
	pc.s, pc.from, pc.dir = s, from, path.Dir(from)
	pc.maybeAnywhere = path.Base(from) == sitepath.NotFoundPath
	if pc.dir == ".." || strings.HasPrefix(pc.dir, "../") || strings.HasPrefix(pc.dir, "/") {
		pc.dir = ""
	}
	pc.entries, pc.selfs, pc.ids = pc.entries[:0], pc.selfs[:0], pc.ids[:0]
}

// release puts pc back in the pool, without the slices of the file it
// holds: they belong to the caller once Add returns.
func (pc *pageCheck) release() {
	clear(pc.selfs[:cap(pc.selfs)])
	clear(pc.el.attrs[:cap(pc.el.attrs)])
	pc.el.name, pc.s = nil, nil
	pageChecks.Put(pc)
}

func (pc *pageCheck) id(v []byte) { pc.ids = appendID(pc.ids, v) }

func (pc *pageCheck) ref(el *element, attr string, v []byte, fetched bool) {
	if pc.maybeAnywhere {
		if !bytes.HasPrefix(v, []byte("data:")) {
			tag := el.String()
			pc.entries = append(pc.entries, entry{problem: Problem{Page: pc.from, Tag: tag, Attr: attr, Value: string(v)},
				pending: anywhere, ref: Ref{Tag: tag, Attr: attr, Value: string(v), Fetched: fetched}})
		}
		return
	}
	var o outcome
	o, pc.buf = pc.s.outcome(pc.from, pc.dir, v, pc.buf)
	if o.kind == nothing {
		return
	}
	e := entry{problem: Problem{Page: pc.from, Tag: el.String(), Attr: attr}}
	switch {
	case o.kind == fragmentOf && o.target == pc.from:
		e.pending = self
		pc.selfs = append(pc.selfs, selfRef{v, o.id})
		pc.entries = append(pc.entries, e)
		return
	case o.kind == fragmentOf:
		e.pending, e.target, e.id = fragment, o.target, string(o.id)
	case o.kind == external:
		// Whether it is under the site's own address is known once
		// index.html is in.
		e.pending = absolute
		e.ref = Ref{Tag: e.problem.Tag, Attr: attr, Value: string(v), Fetched: fetched}
	default:
		e.problem.Msg = o.msg
	}
	e.problem.Value = string(v)
	pc.entries = append(pc.entries, e)
}

// finish appends to entries the file's problems and pending references, in
// document order, once ids holds all of the file's element ids.
func (pc *pageCheck) finish(entries []entry, ids idSet) []entry {
	selfs := pc.selfs
	for _, e := range pc.entries {
		if e.pending == self {
			sr := selfs[0]
			selfs = selfs[1:]
			if ids.has(sr.id) {
				continue
			}
			e.pending = found
			e.problem.Value = string(sr.value)
			e.problem.Msg = missingID(pc.from, string(sr.id), ids)
		}
		entries = append(entries, e)
	}
	return entries
}

// missingID says that page target, of these ids, lacks id, or returns "".
func missingID(target, id string, ids idSet) string {
	if ids.has([]byte(id)) {
		return ""
	}
	return l10n.Sprintf("no element with id %q in %s", id, target)
}

// idSet is the element ids of a page in one string, each preceded by its
// length as a uvarint: one allocation a page rather than a map.
type idSet string

func appendID(set []byte, id []byte) []byte {
	return append(binary.AppendUvarint(set, uint64(len(id))), id...)
}

func (s idSet) has(id []byte) bool {
	for len(s) > 0 {
		n, shift := 0, 0
		for {
			c := s[0]
			s = s[1:]
			n |= int(c&0x7f) << shift
			if c < 0x80 {
				break
			}
			shift += 7
		}
		if n == len(id) && string(s[:n]) == string(id) {
			return true
		}
		s = s[n:]
	}
	return false
}

// Site reports on the site made of the files added so far: by file in the
// order fs.WalkDir visits them, each file's problems in document order.
func (c *Collector) Site() *Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := &c.s
	s.base, s.root = "", "/"
	if u, err := url.Parse(c.canonical); err == nil && u.IsAbs() && u.Host != "" {
		s.base = strings.TrimSuffix(c.canonical, sitepath.HomePath)
		if !strings.HasSuffix(s.base, "/") {
			s.base += "/"
		}
		if b, err := url.Parse(s.base); err == nil && b.EscapedPath() != "" {
			s.root = b.EscapedPath()
		}
	}
	shown := c.shownAnywhere()
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
			case anywhere:
				if shown[name] {
					r.anywhereRef(s, name, e.ref)
				} else {
					r.ref(s, name, e.ref)
				}
			case fragment:
				if msg := s.fragment(e.target, e.id); msg != "" {
					e.problem.Msg = msg
					r.Problems = append(r.Problems, e.problem.Diag())
				}
			default:
				r.Problems = append(r.Problems, e.problem.Diag())
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
