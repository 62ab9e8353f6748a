package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// Chrome is what a shared part of the layouts ({{shared "name" .Chrome}})
// may show: the site, the way from the page to the site's files, the page's
// kind, whether a link is to the page itself (Current), and the page's path
// and its alternates in the other editions. The site and the way to its
// files are the same for every page of an edition at one depth, so a part
// is rendered once for them all, and then:
//
//   - what the part asks of the page (Kind, Article, Current) is recorded
//     as it renders, and the part is reused only for pages that answer
//     alike (the navigation marks at most one item aria-current: one
//     rendering serves the thousands of pages that are none of its
//     targets; a footer that asks nothing serves every page);
//   - the path is shown as a placeholder, which each page's path replaces.
//
// Nothing else that differs by page (its title, its text) can reach a shared
// part.
type Chrome struct {
	Site   *site.Site
	rel    string // what Rel puts before a path within the edition
	root   string // what Asset puts before a path from the site root
	prefix string // the edition's folder
	assets map[string]string
	kind   Kind          // the page's kind, seen through Kind and Article
	path   string        // the page's path, seen through Current and Path
	part   *renderedPart // the part being rendered for the first time, or nil
}

// Chrome is the page's Chrome.
func (p *Page) Chrome() Chrome {
	return Chrome{Site: p.Site, rel: p.Rel(""), root: p.Root(), prefix: p.prefix(), assets: p.assets, kind: p.Kind, path: p.Path}
}

// Rel is Page.Rel.
func (c Chrome) Rel(target string) string { return c.rel + target }

// Asset is Page.Asset.
func (c Chrome) Asset(name string) (string, error) { return assetPath(c.assets, c.root, name) }

// Current is Page.Current.
func (c Chrome) Current(target string) bool {
	current := c.path == target
	c.asked(func(o Chrome) bool { return (o.path == target) == current })
	return current
}

// Kind is the page's kind.
func (c Chrome) Kind() Kind {
	kind := c.kind
	c.asked(func(o Chrome) bool { return o.kind == kind })
	return kind
}

// Article is Page.Article.
func (c Chrome) Article() bool {
	article := c.kind.article()
	c.asked(func(o Chrome) bool { return o.kind.article() == article })
	return article
}

// asked records, while the part renders for the first time, a question it
// asked of the page, as same: whether another page answers it alike.
func (c Chrome) asked(same func(Chrome) bool) {
	if c.part != nil {
		c.part.probes = append(c.part.probes, same)
	}
}

// Path is the page's path within the edition, as Page.Path, to show.
func (c Chrome) Path() PagePath { return PagePath{c.pathText()} }

// PagePath is the page's path as a shared part sees it: a value to show, or
// to link with href, and nothing else. A part renders it once, as a
// placeholder, for many pages, so comparing it would answer for the first
// page only; eq and friends fail on it (text/template compares no structs):
// ask Current instead.
type PagePath struct{ text string }

// String is the path, or the placeholder while a part renders.
func (p PagePath) String() string { return p.text }

func (c Chrome) pathText() string {
	if c.part == nil {
		return c.path
	}
	c.part.hole = true
	if !pathSafe(c.path) {
		return c.path // and the part is not kept: see sharedPart
	}
	return c.part.placeholder
}

// Alternates is Page.Alternates.
func (c Chrome) Alternates() []Alternate {
	return alternates(c.Site, c.root, c.prefix, c.pathText(), c.Current(site.HomePath))
}

// pathHole stands for the page's path in a shared part as first rendered.
// It is made of the characters a path may have (pathSafe), and no escaper
// of html/template changes those in a URL, an attribute or text: sharedPart
// checks that it came out unchanged before it relies on that.
//
// No character could keep it out of the site's texts (a title may hold any
// of those an escaper leaves alone), so sharedPart takes another, pathHole
// followed by a number, when the part as rendered for the page holds it
// already. Its first character is in it once, so two occurrences of it
// cannot overlap: in a part rendered with a placeholder its text does not
// hold, every occurrence of the placeholder is one the path put there.
const pathHole = "zq0-path_hole/x9.q"

// placeholderFor returns pathHole, or pathHole followed by the first number
// that makes it a string that html does not hold.
func placeholderFor(html string) string {
	h := pathHole
	for i := 1; strings.Contains(html, h); i++ {
		h = pathHole + strconv.Itoa(i)
	}
	return h
}

// pathSafe reports whether path can replace pathHole: whether it has only
// the characters pathHole has kinds of (the site's slugs and file names).
func pathSafe(path string) bool {
	for i := 0; i < len(path); i++ {
		c := path[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '/') {
			return false
		}
	}
	return path != ""
}

// sharedKey names a shared part as rendered for one edition and depth.
type sharedKey struct {
	name      string
	site      *site.Site
	rel, root string
}

// renderedPart is a shared part as rendered for the pages that answer its
// questions alike.
type renderedPart struct {
	probes      []func(Chrome) bool // the questions it asked: does a page answer alike?
	placeholder string              // what Path shows while the part renders
	hole        bool                // the part showed Path: html holds placeholder instead
	html        string
}

// fits reports whether c's page renders the part alike.
func (p *renderedPart) fits(c Chrome) bool {
	for _, same := range p.probes {
		if !same(c) {
			return false
		}
	}
	return true
}

// sharedParts holds the shared parts rendered so far; a part has a few
// renderings at most (one per page it marks current or kind it tells
// apart, one for the rest).
type sharedParts struct {
	mu    sync.RWMutex
	parts map[sharedKey][]*renderedPart
}

func (s *sharedParts) find(key sharedKey, c Chrome) *renderedPart {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, p := range s.parts[key] {
		if p.fits(c) {
			return p
		}
	}
	return nil
}

func (s *sharedParts) add(key sharedKey, p *renderedPart) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.parts == nil {
		s.parts = map[sharedKey][]*renderedPart{}
	}
	s.parts[key] = append(s.parts[key], p)
}

// sharedPart is the layouts' "shared" function: the template name executed
// with c, rendered on first use and then reused. Parts that are the same on
// every page of an edition at one depth (the header, the footer, the links
// to the assets and to the page in the other editions) are rendered once
// rather than for each of thousands of pages: each action costs a page a
// microsecond or more of html/template's reflection and escaping.
func (r *Renderer) sharedPart(name string, c Chrome) (template.HTML, error) {
	key := sharedKey{name, c.Site, c.rel, c.root}
	safe := pathSafe(c.path)
	if p := r.shared.find(key, c); p != nil && (safe || !p.hole) {
		if p.hole {
			return template.HTML(strings.ReplaceAll(p.html, p.placeholder, c.path)), nil
		}
		return template.HTML(p.html), nil
	}
	part := &renderedPart{placeholder: pathHole}
	html, err := r.executePart(name, c, part)
	if err != nil {
		return "", err
	}
	if part.hole && !safe {
		// The page's own path is in it: good for this page alone.
		return template.HTML(html), nil
	}
	if part.hole {
		real, err := r.executePart(name, c, nil)
		if err != nil {
			return "", err
		}
		if h := placeholderFor(real); h != part.placeholder {
			// The part shows the placeholder of its own (a title that
			// holds it): render it with one it does not hold.
			part = &renderedPart{placeholder: h}
			if html, err = r.executePart(name, c, part); err != nil {
				return "", err
			}
		}
		// Rendered with the page's own path, the part must be the same
		// as with the placeholder replaced: else an escaper changed the
		// placeholder, and would change paths as well.
		if strings.ReplaceAll(html, part.placeholder, c.path) != real {
			return "", fmt.Errorf("shared part %q shows the page's path where html/template escapes it; show it outside shared parts", name)
		}
	}
	// Two pages may render a part at once: both give the same bytes, and
	// the second copy is never found first.
	part.html = html
	r.shared.add(key, part)
	if part.hole {
		return template.HTML(strings.ReplaceAll(html, part.placeholder, c.path)), nil
	}
	return template.HTML(html), nil
}

// executePart executes the template name with c, recording into part when
// it is not nil.
func (r *Renderer) executePart(name string, c Chrome, part *renderedPart) (string, error) {
	c.part = part
	var b bytes.Buffer
	if err := r.layouts[Home].ExecuteTemplate(&b, name, c); err != nil {
		return "", err
	}
	return b.String(), nil
}
