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
)

// maxPageWeight is the most a page may weigh, gzipped, with its CSS and JS:
// about what the first round trips of a connection carry (14 KB), so a page
// shows quickly on a poor mobile connection.
const maxPageWeight = 14 * 1024

// headRefs is what a page loads: its stylesheets and scripts.
type headRefs struct {
	stylesheets []string // href of each <link rel="stylesheet">
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
			if strings.EqualFold(attrs["rel"], "stylesheet") {
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

// TestPageWeight checks every page: one stylesheet, no script that blocks
// rendering, and the page with its CSS and JS under maxPageWeight gzipped;
// as built from the repository, and with every portal setting, which adds
// the notice's facts and links and the footer's identity items.
func TestPageWeight(t *testing.T) {
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("repository", func(t *testing.T) { weighPages(t, siteDir, s.BaseURL) })
	t.Run("portal", func(t *testing.T) { weighPages(t, portalDir(t), "https://www.gz.gov.cn/nansha3/") })
}

// weighPages is TestPageWeight for the site in siteDir, built with baseURL.
func weighPages(t *testing.T, siteDir, baseURL string) {
	heaviest, heaviestName := 0, ""
	for _, name := range pagesIn(t, siteDir) {
		src, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		refs := readRefs(src)
		if len(refs.stylesheets) != 1 || refs.styleTags != 0 {
			t.Errorf("%s: %d stylesheets and %d <style> elements, want the one stylesheet", name, len(refs.stylesheets), refs.styleTags)
		}
		for _, s := range refs.blocking {
			t.Errorf("%s: %s blocks rendering: give it src and defer", name, s)
		}
		weight := gzipSize(t, src)
		for _, ref := range append(refs.stylesheets, refs.scripts...) {
			if isSearchIndex(ref) {
				continue
			}
			// From the site root: 404.html names its assets by absolute URL
			// when the site has a base_url.
			file := path.Join(path.Dir(name), ref)
			if baseURL != "" && strings.HasPrefix(ref, baseURL) {
				file = strings.TrimPrefix(ref, baseURL)
			}
			data, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(file)))
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
