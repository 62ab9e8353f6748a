package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayoutErrorOnce makes one typo in a layout that every measure page
// runs: the build reports it once, at its place in the layout file as
// written (column in characters), with the number of pages it broke.
func TestLayoutErrorOnce(t *testing.T) {
	src := sourceTree(t, nil)
	const good = `{{define "print-header"}}{{.Site.Notice.Number}} · {{heading .Measure.Number}}{{end}}`
	if !strings.HasPrefix(repoFile(t, "layouts/measure.html"), good+"\n") {
		t.Fatalf("layouts/measure.html does not start with %s", good)
	}
	replaceIn(t, src, "layouts/measure.html", ".Measure.Number}}{{end}}", ".Measure.Nmber}}{{end}}")

	_, err := Run(Options{Source: src, Out: filepath.Join(t.TempDir(), "public")})
	// ".Nmber" is the 70th character of the line (the 71st byte: "·" is two).
	want := `layouts/measure.html:1:70: executing "print-header" at <.Measure.Nmber>: can't evaluate field Nmber in type *site.Measure (on 62 pages, e.g. measures/01.html)`
	if err == nil || err.Error() != want {
		t.Fatalf("build error:\n%v\nwant\n%s", err, want)
	}
}

// TestTitleHoldsPathPlaceholder gives the site a title that holds the
// placeholder the shared parts of the layouts show for a page's path (and
// the one they showed before): the site builds, and shows it as written.
func TestTitleHoldsPathPlaceholder(t *testing.T) {
	src := sourceTree(t, nil)
	const title = "zq0-path_hole/x9.zq and zq0-path_hole/x9.q"
	replaceIn(t, src, "site.toml", `title = "中國(廣東)自由貿易試驗區廣州南沙新區片區第三批改革創新經驗"`, `title = "`+title+`"`)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, out) // with the site check: every page's links resolve
	for _, page := range []string{"index.html", "measures/03.html", "zh-hans/units/index.html"} {
		html, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), title) {
			t.Errorf("%s does not show the title %q", page, title)
		}
		if strings.Count(string(html), "zq0-path_hole") != 2*strings.Count(string(html), title) {
			t.Errorf("%s shows the placeholder outside the title", page)
		}
	}
}

// TestSharedPartRedefined gives a kind's layout a footer of its own, which
// every page would ignore (the footer is a shared part of base.html): the
// build refuses it at its line, before it renders a page.
func TestSharedPartRedefined(t *testing.T) {
	src := sourceTree(t, nil)
	lines := strings.Count(repoFile(t, "layouts/measure.html"), "\n")
	edit(t, src, "layouts/measure.html", func(s string) string {
		return s + "{{define \"footer\"}}<footer>本項</footer>{{end}}\n"
	})
	out := filepath.Join(t.TempDir(), "public")
	_, err := Run(Options{Source: src, Out: out})
	want := fmt.Sprintf(`layouts/measure.html:%d:1: "footer" is a shared part of base.html (or runs in one), which every page shows as base.html defines it: this definition would be ignored; give it another name, or change it in layouts/base.html`, lines+1)
	if err == nil || err.Error() != want {
		t.Fatalf("build error:\n%v\nwant\n%s", err, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the refused build left %s", out)
	}
}
