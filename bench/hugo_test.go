//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestHugoSiteMatches builds a small corpus with the microsite and with the
// generated Hugo site, and checks that Hugo built the same pages, in every
// edition (Hugo's languages): a
// comparison with a Hugo site that builds less would flatter Hugo, one that
// builds more would flatter the microsite.
func TestHugoSiteMatches(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		srctest.SkipOrFail(t, "MICROSITE_REQUIRE_TOOLS", "hugo is not installed (apt-get install --no-install-recommends hugo)")
	}
	// Enough measures for every unit to lead one: Hugo makes no page for
	// a unit that leads none.
	src := srctest.Corpus(t, 200)
	dir := srctest.ScratchDir(t)
	site, ours, theirs := filepath.Join(dir, "hugo"), filepath.Join(dir, "ours"), filepath.Join(dir, "theirs")
	if err := writeHugoSite(site, src); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Run(build.Options{Source: src, Out: ours}); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(hugo, "--minify", "--quiet", "--source", site, "--destination", theirs).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	s, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Editions) < 2 {
		t.Fatalf("the repository's site.toml has %d editions; this test needs two or more", len(s.Editions))
	}
	// In every edition, the same kinds of page, in the same numbers, under
	// each one's names.
	for _, e := range s.Editions {
		prefix := e.Prefix()
		for _, dirs := range [][2]string{{"measures", "measures"}, {"categories", "category"}, {"units", "lead_units"}} {
			a, b := countFiles(t, filepath.Join(ours, prefix+dirs[0])), countFiles(t, filepath.Join(theirs, prefix+dirs[1]))
			if dirs[0] == "units" {
				a-- // units/index.html is Hugo's lead_units.html
			}
			if a != b || a == 0 {
				t.Errorf("%s%s/ has %d pages, Hugo's %s%s/ %d", prefix, dirs[0], a, prefix, dirs[1], b)
			}
		}
		for _, f := range []string{"index.html", "measures.html", "404.html", "lead_units.html", "index.json"} {
			if _, err := os.Stat(filepath.Join(theirs, prefix+f)); err != nil {
				t.Errorf("Hugo wrote no %s%s", prefix, f)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(theirs, "notice.html")); err == nil {
		t.Error("Hugo wrote notice.html, a page the microsite does not have")
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}
