package site

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// The URL scheme, a contract with the city portal (README, "URL scheme"):
// every path the site writes is one of these, or made by a function below.
// Paths are slash-separated, from the root of an edition (pages and the
// files made from an edition's texts) or of the site (assets and the files
// for crawlers and copies); a test holds them to README's table. Nothing
// else in the program writes a path of the site as a literal: the layouts
// name them ({{path "table"}}, see Named).
const (
	// IndexFile is what a web server serves for a folder's address: the
	// home page and the list of units are folders' index files, so that
	// the portal can link the folders.
	IndexFile = "index.html"

	HomePath     = IndexFile            // the notice, with the categories
	TablePath    = "measures.html"      // the whole attachment table
	UnitsPath    = "units/" + IndexFile // every lead unit
	NotFoundPath = "404.html"           // what a server shows for a missing address
	SearchPath   = "search.html"        // search, ?q= the query

	// The 網站地圖, every page of the edition, for readers (SitemapPath is
	// for crawlers).
	SiteMapPagePath = "sitemap.html"

	SearchJSONPath   = "search.json"     // the search index, for other programs
	SearchScriptPath = "search-index.js" // the search page's own index, a classic script, for search.html on file://
	SearchShardDir   = "search"          // a large site's page index in shards, beside SearchScriptPath (SearchShardPath)
	DataJSONPath     = "measures.json"   // the open data
	DataCSVPath      = "measures.csv"

	// From the site's root, not an edition's:
	SitemapPath = "sitemap.xml" // only with a base_url: crawlers need absolute URLs
	RobotsPath  = "robots.txt"
	SumsPath    = "SHA256SUMS" // the checksum of every other file, and the build's record of what it wrote
	AssetDir    = "assets"     // CSS, JS and images, shared by the editions (AssetPath)
	FileDir     = "files"      // the documents the notice links to, shared by the editions (FilePath)

	// From an edition's root, only with a base_url: each page's QR code
	// (QRPath).
	QRDir = "qr"
)

// Named are the fixed paths a layout may ask for by name, as
// {{href . (path "table")}}: a layout never writes a path itself.
var Named = map[string]string{
	"home":         HomePath,
	"table":        TablePath,
	"units":        UnitsPath,
	"404":          NotFoundPath,
	"search":       SearchPath,
	"sitemap":      SiteMapPagePath,
	"search-json":  SearchJSONPath,
	"search-index": SearchScriptPath,
	"data-json":    DataJSONPath,
	"data-csv":     DataCSVPath,
}

// SearchShardPath is the path of the shard name of a large site's page
// index, which search-index.js loads per query: search/k0.js.
func SearchShardPath(name string) string { return SearchShardDir + "/" + name + ".js" }

// FilePath is where a document the notice links to is published, from the
// site root, by its name in the sources' content/files/ folder: 161.pdf →
// files/161.pdf. It keeps its name, so that the portal can link it.
func FilePath(name string) string { return FileDir + "/" + name }

// Slug returns the measure's two-digit file name stem: 3 → "03".
func (m *Measure) Slug() string { return fmt.Sprintf("%02d", m.Number) }

// Path is the measure page's path: measures/03.html.
func (m *Measure) Path() string { return "measures/" + m.Slug() + ".html" }

// Path is the category page's path: categories/trade.html.
func (c *Category) Path() string { return "categories/" + c.Slug + ".html" }

// Path is the unit page's path: units/guangzhou-customs.html.
func (u *Unit) Path() string { return "units/" + u.Slug + ".html" }

// PerPage is the most measures a list page shows — the whole table, a
// category's, a unit's — before the list goes on at PagedPath. At 10,000
// measures the table on one page was 12.3 MB (about 1.2 KB a row) and took
// 8.4 to 13 s to load in headless Chromium on the project's machine; in
// pages of 200 rows its largest page is 272 KB and loads in under 0.9 s,
// and the largest category or unit page is 42 KB (README, "Long lists in
// pages"). The real site's 31 measures stay on one page each. It decides
// which page a measure is on, so it is part of the URL scheme: changing it
// moves measures between pages.
const PerPage = 200

// Pages is how many pages a list of n measures takes: at least one.
func Pages(n int) int { return max(1, (n+PerPage-1)/PerPage) }

// PagedPath is the path of page n (from 1) of a list split across pages
// (PerPage), whose first page is at first: page 1 keeps first's path, and
// page 2 of measures.html is measures/page-2.html, of
// categories/trade.html categories/trade/page-2.html. The folder is named
// after the first page, whose folder holds only slugs' .html files or
// measures' numbers: no slug (letters, digits and single hyphens, no
// folder) and no measure's NN.html can make the same path.
func PagedPath(first string, n int) string {
	if n <= 1 {
		return first
	}
	return strings.TrimSuffix(first, ".html") + "/page-" + strconv.Itoa(n) + ".html"
}

// Prefix is the edition's folder from the site root, which its paths are
// relative to: "" for the source edition, or "zh-hans/".
func (e *Edition) Prefix() string {
	if e.Path == "" {
		return ""
	}
	return e.Path + "/"
}

// AssetPath is the path of the asset name ("site.css", from assets/) whose
// content hashes to hash: assets/site.3f9a1c2b.css. The name changes when
// the content does, so that no browser or cache serves a stale copy.
func AssetPath(name, hash string) string {
	ext := path.Ext(name)
	return AssetDir + "/" + strings.TrimSuffix(name, ext) + "." + hash + ext
}

// QRPath is the path of the QR code of the page at page (within its
// edition), an SVG image of the page's address: measures/03.html →
// qr/measures/03.svg. A separate file rather than inline SVG, so that the
// page stays light (README, "Design, accessibility and print").
func QRPath(page string) string {
	return QRDir + "/" + strings.TrimSuffix(page, path.Ext(page)) + ".svg"
}
