package build

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPathCollisions gives two sources one output path, in every way the
// URL scheme allows: each is an error at the entry that can change.
func TestPathCollisions(t *testing.T) {
	site := func(old, new string) func(t *testing.T) map[string]string {
		return func(t *testing.T) map[string]string {
			src := repoFile(t, "site.toml")
			if !strings.Contains(src, old) {
				t.Fatalf("site.toml has no %q", old)
			}
			return map[string]string{"site.toml": strings.Replace(src, old, new, 1)}
		}
	}
	svg := repoFile(t, "assets/favicon.svg")
	// The lines of the entries blamed, as site.toml has them: the
	// messages' lines follow the file.
	unit := siteLine(t, `slug = "guangzhou-customs"`) - 1 // its [[units]] header
	edition := siteLine(t, `path = "zh-hans"`) - 2        // its [[editions]] header
	investment := siteLine(t, `slug = "investment"`) - 1
	tests := []struct {
		name  string
		files func(t *testing.T) map[string]string
		want  string
	}{
		{"unit slug index", site(`slug = "guangzhou-customs"`, `slug = "index"`),
			fmt.Sprintf(`site.toml:%d: units: slug "index": it would write units/index.html over the site's own units/index.html: choose another slug`, unit)},
		{"edition path units", site(`path = "zh-hans"`, `path = "units"`),
			fmt.Sprintf(`site.toml:%d: editions: path "units": the folder units/ already holds the site's own units/index.html: choose another path`, edition)},
		{"edition path measures", site(`path = "zh-hans"`, `path = "measures"`),
			fmt.Sprintf(`site.toml:%d: editions: path "measures": the folder measures/ already holds measures/01.html (measure 1, content/measures/01.md): choose another path`, edition)},
		{"edition path categories", site(`path = "zh-hans"`, `path = "categories"`),
			fmt.Sprintf(`site.toml:%d: editions: path "categories": the folder categories/ already holds categories/investment.html (categories: slug "investment", site.toml:%d): choose another path`, edition, investment)},
		{"edition path assets", site(`path = "zh-hans"`, `path = "assets"`),
			fmt.Sprintf(`site.toml:%d: editions: path "assets": the folder assets/ already holds assets/cursor-hand.3499ff51.svg (from assets/cursor-hand.svg): choose another path`, edition)},
		{"edition path sha256sums", site(`path = "zh-hans"`, `path = "sha256sums"`),
			fmt.Sprintf(`site.toml:%d: editions: path "sha256sums": the folder sha256sums/ would have the name of the site's own SHA256SUMS on Windows and macOS, which do not tell capital from small letters: choose another path`, edition)},
		{"both at once", func(t *testing.T) map[string]string {
			src := repoFile(t, "site.toml")
			src = strings.Replace(src, `path = "zh-hans"`, `path = "units"`, 1)
			return map[string]string{"site.toml": strings.Replace(src, `slug = "guangzhou-customs"`, `slug = "index"`, 1)}
		}, fmt.Sprintf("site.toml:%d: editions: path \"units\": the folder units/ already holds the site's own units/index.html: choose another path\n"+
			"site.toml:%d: units: slug \"index\": it would write units/index.html over the site's own units/index.html: choose another slug", edition, unit)},
		// Found while writing this test: a copy of the site opened on
		// Windows or macOS loses one of two names that differ in case.
		{"assets differing in case", func(*testing.T) map[string]string { return map[string]string{"assets/Favicon.svg": svg} },
			`assets/favicon.svg: it would write assets/favicon.6e9c9215.svg over assets/Favicon.6e9c9215.svg (from assets/Favicon.svg) on Windows and macOS, which do not tell capital from small letters: rename the file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Outputs(os.DirFS(sourceTree(t, tt.files(t))))
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestPathCollisionsWithBrokenAsset: a clash of paths and a style sheet
// that does not parse are independent, and reported in one run.
func TestPathCollisionsWithBrokenAsset(t *testing.T) {
	src := sourceTree(t, nil)
	replaceIn(t, src, "site.toml", `slug = "guangzhou-customs"`, `slug = "index"`)
	css := repoFile(t, "assets/site.css") + "}}} @@@ {{{\n"
	edit(t, src, "assets/site.css", func(string) string { return css })
	_, err := Outputs(os.DirFS(src))
	want := "assets/site.css:" + strconv.Itoa(strings.Count(css, "\n")) + ":2: does not parse as CSS: unexpected ending in qualified rule\n" +
		fmt.Sprintf(`site.toml:%d: units: slug "index": it would write units/index.html over the site's own units/index.html: choose another slug`, siteLine(t, `slug = "guangzhou-customs"`)-1)
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// siteLine is the line of the repository's site.toml that holds text.
func siteLine(t *testing.T, text string) int {
	t.Helper()
	src := repoFile(t, "site.toml")
	i := strings.Index(src, text)
	if i < 0 {
		t.Fatalf("site.toml has no %q", text)
	}
	return strings.Count(src[:i], "\n") + 1
}
