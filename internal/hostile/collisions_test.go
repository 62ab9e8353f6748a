package hostile

import (
	"strings"
	"testing"
)

// TestCollisions: two sources that map to one output path. Every path the
// site will write is known before anything is written: a collision is an
// error at the site.toml line of one of the two.
func TestCollisions(t *testing.T) {
	trade := entry(t, `slug = "trade"`)
	edition := entry(t, `path = "zh-hans"`)
	cases := []hcase{
		// units/index.html is the list of units.
		buildFails("unit_slug_index", func(e *env) { e.replace(siteFile, `slug = "court"`, `slug = "index"`) },
			entry(t, `slug = "court"`)).proves(3),
		// The edition's home, units/index.html, is the list of units too.
		buildFails("edition_path_units", func(e *env) { e.replace(siteFile, `path = "zh-hans"`, `path = "units"`) }, edition).proves(3),
		// categories/index.html: the category's page and the edition's home.
		buildFails("category_index_and_edition_categories", func(e *env) {
			e.replace(siteFile, `slug = "trade"`, `slug = "index"`)
			for _, f := range sources {
				if strings.HasPrefix(f.rel, "content/measures/") && strings.Contains(string(f.data), `category = "trade"`) {
					e.replace(f.rel, `category = "trade"`, `category = "index"`)
				}
			}
			e.replace(siteFile, `path = "zh-hans"`, `path = "categories"`)
		}, either(trade, edition)).proves(3),
		buildFails("editions_share_a_path", func(e *env) {
			e.appendTo(siteFile, "\n[[editions]]\nlanguage = \"zh-CN\"\npath = \"zh-hans\"\nlabel = \"简体\"\nconvert = \"t2s\"\n")
		}, at(siteFile, lines(siteFile)+2)),
	}
	runCases(t, "collisions", cases)
}
