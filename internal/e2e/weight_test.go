package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// maxPageWeight is the most a page may weigh, gzipped, with its CSS and JS:
// about what the first round trips of a connection carry (14 KB), so a page
// shows quickly on a poor mobile connection.
const maxPageWeight = 14 * 1024

// headRefs is what a page loads: its stylesheets and scripts.
type headRefs struct {
	stylesheets []string // href of each <link rel="stylesheet"> for the screen
	printSheets []string // href of each <link rel="stylesheet" media="print">, which no first render waits for
	styleTags   int      // <style> elements
	scripts     []string // src of each <script src>
	blocking    []string // scripts that hold up rendering: neither defer nor async, or inline
}

// readRefs lists the stylesheets and scripts of an HTML page.
func readRefs(src []byte) headRefs {
	var refs headRefs
	lex := htmllex.NewLexer(parse.NewInputBytes(src))
	var tag string
	attrs := map[string]string{}
	endOfTag := func() {
		switch tag {
		case "link":
			switch {
			case !strings.EqualFold(attrs["rel"], "stylesheet"):
			case strings.EqualFold(attrs["media"], "print"):
				refs.printSheets = append(refs.printSheets, attrs["href"])
			default:
				refs.stylesheets = append(refs.stylesheets, attrs["href"])
			}
		case "style":
			refs.styleTags++
		case "script":
			typ, isData := attrs["type"]
			if isData && (typ == "" || strings.Contains(typ, "javascript") || typ == "module") {
				isData = false
			}
			switch _, deferred := attrs["defer"]; {
			case isData: // a data block (application/ld+json) runs nothing
			case attrs["src"] == "":
				refs.blocking = append(refs.blocking, "an inline script")
			default:
				refs.scripts = append(refs.scripts, attrs["src"])
				if _, async := attrs["async"]; !deferred && !async {
					refs.blocking = append(refs.blocking, attrs["src"])
				}
			}
		}
	}
	for {
		tt, data := lex.Next()
		switch tt {
		case htmllex.ErrorToken:
			return refs
		case htmllex.StartTagToken:
			tag = strings.ToLower(string(data[1:]))
			clear(attrs)
		case htmllex.AttributeToken:
			attrs[strings.ToLower(string(lex.AttrKey()))] = strings.Trim(string(lex.AttrVal()), `"'`)
		case htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
			endOfTag()
		}
	}
}

// isSearchIndex reports whether a script is the search index, which the
// search page loads on top of the page and which grows with the content.
func isSearchIndex(src string) bool {
	base := path.Base(src)
	return strings.HasPrefix(base, "search-index") || strings.HasSuffix(base, ".json")
}

func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

// TestPageWeight checks every page: one stylesheet for the screen, site.css
// (search.html adds its own), and one
// for print, media="print", which a browser fetches without holding the
// page up, and so is not weighed), no script that blocks rendering, and the
// page with its CSS and JS under maxPageWeight gzipped;
// as built from the repository, with a base_url, which adds the canonical
// and Open Graph tags and each page's QR code, and with every portal
// setting, which adds the notice's facts and links and the footer's
// identity items.
func TestPageWeight(t *testing.T) {
	for _, tc := range []struct {
		name, dir string
	}{
		{"as built", siteDir},
		{"with a base_url", buildWithBaseURL(t, "https://www.gz.gov.cn/nansha3/")},
		{"with every portal setting", portalDir(t)},
	} {
		t.Run(tc.name, func(t *testing.T) { checkPageWeights(t, tc.dir) })
	}
}

// checkPageWeights checks the pages of the site in dir.
func checkPageWeights(t *testing.T, dir string) {
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	// The 404 pages, which a server shows at any address: they carry their
	// style sheet and scripts themselves (render/anywhere.go).
	anywhere := map[string]bool{}
	for _, e := range s.Editions {
		anywhere[e.Prefix()+site.NotFoundPath] = true
	}
	heaviest, heaviestName := 0, ""
	for _, name := range pagesIn(t, dir) {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		refs := readRefs(src)
		switch {
		case anywhere[name]:
			if len(refs.stylesheets) != 0 || refs.styleTags != 1 || len(refs.scripts) != 0 {
				t.Errorf("%s: %d stylesheets, %d <style> elements and %d scripts, want its style inline and no file loaded", name, len(refs.stylesheets), refs.styleTags, len(refs.scripts))
			}
			// Its scripts are inline, after the whole page: they hold
			// nothing up.
			if script, footer := bytes.Index(src, []byte("<script")), bytes.Index(src, []byte("</footer>")); script < footer {
				t.Errorf("%s: an inline script before the end of the page", name)
			}
		default:
			// The search page adds its own (search.css), which no other
			// page needs to carry.
			sheets := 1
			if path.Base(name) == site.SearchPath {
				sheets = 2
			}
			if len(refs.stylesheets) != sheets || refs.styleTags != 0 {
				t.Errorf("%s: %d stylesheets and %d <style> elements, want %d stylesheets", name, len(refs.stylesheets), refs.styleTags, sheets)
			}
			if len(refs.printSheets) != 1 {
				t.Errorf("%s: %d print stylesheets, want one", name, len(refs.printSheets))
			}
			for _, ref := range refs.printSheets {
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Join(path.Dir(name), ref)))); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
			for _, s := range refs.blocking {
				t.Errorf("%s: %s blocks rendering: give it src and defer", name, s)
			}
		}
		weight := gzipSize(t, src)
		for _, ref := range append(refs.stylesheets, refs.scripts...) {
			if isSearchIndex(ref) {
				continue
			}
			file := path.Join(path.Dir(name), ref)
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			weight += gzipSize(t, data)
		}
		if weight > maxPageWeight {
			t.Errorf("%s weighs %d bytes gzipped with its CSS and JS; the most is %d", name, weight, maxPageWeight)
		}
		if weight > heaviest {
			heaviest, heaviestName = weight, name
		}
	}
	t.Logf("heaviest page: %s, %d bytes gzipped with its CSS and JS (limit %d)", heaviestName, heaviest, maxPageWeight)
}
