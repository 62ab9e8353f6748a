package render

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// Chrome is what a shared part of the layouts ({{shared "name" .Chrome}})
// may show: the site, the page's kind, the way from the page to the site's
// files, and whether a link is to the page itself. Everything but the last
// is the same for every page of an edition and kind at one depth, so a part
// is rendered once for them all; Current is recorded as the part renders,
// and the part is reused only for pages that answer every recorded Current
// alike (the navigation marks at most one item aria-current: one rendering
// serves the thousands of pages that are none of its targets). Nothing else
// that differs by page (its title, its path) can reach a shared part.
type Chrome struct {
	Site   *site.Site
	Kind   Kind
	rel    string // what Rel puts before a path within the edition
	root   string // what Asset puts before a path from the site root
	assets map[string]string
	path   string   // the page's path, seen only through Current
	probes *[]probe // where Current records, while the part renders
}

// probe is one call of Current and its answer.
type probe struct {
	target  string
	current bool
}

// Chrome is the page's Chrome.
func (p *Page) Chrome() Chrome {
	return Chrome{Site: p.Site, Kind: p.Kind, rel: p.Rel(""), root: p.Root(), assets: p.assets, path: p.Path}
}

// Rel is Page.Rel.
func (c Chrome) Rel(target string) string { return c.rel + target }

// Asset is Page.Asset.
func (c Chrome) Asset(name string) (string, error) { return assetPath(c.assets, c.root, name) }

// Current is Page.Current.
func (c Chrome) Current(target string) bool {
	current := c.path == target
	if c.probes != nil {
		*c.probes = append(*c.probes, probe{target, current})
	}
	return current
}

// sharedKey names a shared part as rendered for one edition, kind and depth.
type sharedKey struct {
	name      string
	site      *site.Site
	kind      Kind
	rel, root string
}

// renderedPart is a shared part as rendered for the pages that answer its
// probes alike.
type renderedPart struct {
	probes []probe
	html   template.HTML
}

// fits reports whether c's page would render the part alike.
func (p *renderedPart) fits(c Chrome) bool {
	for _, pr := range p.probes {
		if (c.path == pr.target) != pr.current {
			return false
		}
	}
	return true
}

// sharedParts holds the shared parts rendered so far; a part has a few
// renderings at most (one per page it marks current, one for the rest).
type sharedParts struct {
	mu    sync.RWMutex
	parts map[sharedKey][]*renderedPart
}

func (s *sharedParts) find(key sharedKey, c Chrome) (template.HTML, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, p := range s.parts[key] {
		if p.fits(c) {
			return p.html, true
		}
	}
	return "", false
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
// to the assets) are rendered once rather than for each of thousands of
// pages: each action costs a page a microsecond or more of html/template's
// reflection and escaping.
func (r *Renderer) sharedPart(name string, c Chrome) (template.HTML, error) {
	key := sharedKey{name, c.Site, c.Kind, c.rel, c.root}
	if h, ok := r.shared.find(key, c); ok {
		return h, nil
	}
	part := &renderedPart{}
	c.probes = &part.probes
	var b bytes.Buffer
	if err := r.layouts[Home].ExecuteTemplate(&b, name, c); err != nil {
		return "", err
	}
	// Two pages may render a part at once: both give the same bytes, and
	// the second copy is never found first.
	part.html = template.HTML(b.String())
	r.shared.add(key, part)
	return part.html, nil
}
