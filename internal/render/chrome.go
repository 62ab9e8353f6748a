package render

import "github.com/gzgov/nansha-microsite/internal/site"

// Chrome is what a shared part of the layouts ({{shared "name" .Chrome}})
// may show: the site, and the way from the page to the site's files. It is
// the same for every page of an edition at one depth, so the part is
// rendered once for them all; nothing that differs by page (its title, its
// path, aria-current) can reach it.
type Chrome struct {
	Site   *site.Site
	rel    string // what Rel puts before a path within the edition
	root   string // what Asset puts before a path from the site root
	assets map[string]string
}

// Chrome is the page's Chrome.
func (p *Page) Chrome() Chrome {
	return Chrome{Site: p.Site, rel: p.Rel(""), root: p.Root(), assets: p.assets}
}

// Rel is Page.Rel.
func (c Chrome) Rel(target string) string { return c.rel + target }

// Asset is Page.Asset.
func (c Chrome) Asset(name string) (string, error) { return assetPath(c.assets, c.root, name) }

// sharedKey names a shared part as rendered for one edition and depth.
type sharedKey struct {
	name      string
	site      *site.Site
	rel, root string
}
