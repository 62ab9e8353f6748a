package render

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// The shared parts of the layouts ({{shared "name" .Chrome}}): each is
// rendered once for the pages that would render it alike, and kept. What a
// page's Chrome answers is recorded as the part renders (see Chrome), and
// the page's path is shown as a placeholder that each page's path replaces.

// pathHole stands for the page's path in a shared part as first rendered.
// It is made of the characters a path may have (checkPath), and no escaper
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

// checkPath refuses a page path that pathHole cannot stand for: one that
// is empty or holds a character of another kind than pathHole's (a–z, 0–9,
// "-", "_", ".", "/": those of the site's slugs and file names).
func checkPath(path string) error {
	for _, c := range path {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '/') {
			return l10n.Errorf("the path %q holds %q: a page's path may hold only a-z, 0-9, \"-\", \"_\", \".\" and \"/\", which shared parts show through a placeholder", path, c)
		}
	}
	if path == "" {
		return l10n.Errorf("a page without a path")
	}
	return nil
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

// asked records, while the part renders for the first time, a question it
// asked of the page, as same: whether another page answers it alike. Only
// a part being rendered asks (Chrome.part is nil otherwise), so that a page
// that asks its own Chrome allocates nothing.
func (p *renderedPart) asked(same func(Chrome) bool) { p.probes = append(p.probes, same) }

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
// rather than for each of thousands of pages: html/template runs each
// action by reflection, and escapes what it prints.
func (r *Renderer) sharedPart(name string, c Chrome) (template.HTML, error) {
	if err := checkPath(c.path); err != nil {
		// PageKind.List refuses such a page before it renders.
		return "", l10n.Errorf("shared part %q: %w", name, err)
	}
	key := sharedKey{name, c.Site, c.rel, c.root}
	if p := r.shared.find(key, c); p != nil {
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
			return "", l10n.Errorf("shared part %q shows the page's path where html/template escapes it; show it outside shared parts", name)
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
	// From any kind's templates: they all hold base.html's shared parts
	// as base.html defines them (New refuses a layout that redefines one).
	if err := r.layouts[Kinds[0].Kind].ExecuteTemplate(&b, name, c); err != nil {
		return "", err
	}
	return b.String(), nil
}
