package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// builtTree is a Tree over src, after its first (full) build.
func builtTree(t *testing.T, src string) *Tree {
	t.Helper()
	tree, err := NewTree(Options{Source: src, Out: filepath.Join(t.TempDir(), "site")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tree.Update(nil); err != nil {
		t.Fatal(err)
	}
	return tree
}

// set returns a replace function that sets a front matter key.
func set(key, value string) func(string) string {
	re := regexp.MustCompile(`(?m)^` + key + ` = .*$`)
	return func(s string) string { return re.ReplaceAllString(s, key+" = "+value) }
}

// TestTreeMatchesFullBuild edits the sources step by step and checks, after
// each Update, that the Tree's output is exactly what a full build gives.
func TestTreeMatchesFullBuild(t *testing.T) {
	src := sourceTree(t, nil)
	tree := builtTree(t, src)
	m := func(n string) string { return "content/measures/" + n + ".md" }
	steps := []struct {
		name    string
		change  func()
		changed []string
		full    bool     // every output regenerated
		touched []string // outputs that must be among those written
	}{
		{"body", func() {
			edit(t, src, m("03"), func(s string) string { return s + "\n補充一句。\n" })
		}, []string{m("03")}, false, []string{"measures/03.html", "measures.html"}},
		{"title", func() { edit(t, src, m("05"), set("title", `"新的標題"`)) },
			[]string{m("05")}, false, []string{"measures/04.html", "measures/05.html", "measures/06.html"}},
		{"category", func() { edit(t, src, m("07"), set("category", `"finance"`)) },
			[]string{m("07")}, false, []string{"categories/finance.html", "categories/trade.html", "index.html"}},
		{"units", func() { edit(t, src, m("08"), set("lead_units", `["市法院", "市司法局"]`)) },
			[]string{m("08")}, false, []string{"units/court.html", "units/index.html"}},
		{"new measure", func() {
			data, _ := os.ReadFile(filepath.Join(src, "content/measures/31.md"))
			os.WriteFile(filepath.Join(src, "content/measures/32.md"), []byte(set("number", "32")(string(data))), 0o644)
		}, []string{m("32")}, false, []string{"measures/31.html", "measures/32.html"}},
		{"measure removed", func() { os.Remove(filepath.Join(src, "content/measures/32.md")) },
			[]string{m("32")}, false, []string{"measures/31.html"}},
		{"measures swapped", func() {
			// A file holds the number in its name, so two measures
			// change places by exchanging their texts.
			nine, _ := os.ReadFile(filepath.Join(src, m("09")))
			ten, _ := os.ReadFile(filepath.Join(src, m("10")))
			edit(t, src, m("09"), func(string) string { return set("number", "9")(string(ten)) })
			edit(t, src, m("10"), func(string) string { return set("number", "10")(string(nine)) })
		}, []string{m("09"), m("10")}, false, []string{"measures/09.html", "measures/10.html", "measures/08.html", "measures/11.html"}},
		{"UI string", func() { edit(t, src, "layouts/strings.toml", set("prev", `"前一項"`)) },
			[]string{"layouts/strings.toml"}, true, []string{"measures/02.html"}},
		{"stylesheet", func() {
			edit(t, src, "assets/site.css", func(s string) string { return s + "\nmain{margin:0}\n" })
		}, []string{"assets/site.css"}, true, []string{"index.html"}},
		{"site.toml", func() { edit(t, src, "site.toml", set("title", `"另一個標題"`)) },
			[]string{"site.toml"}, true, []string{"index.html"}},
		{"nothing", func() {}, []string{}, false, nil},
	}
	for _, st := range steps {
		st.change()
		u, err := tree.Update(st.changed)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if u.Full != st.full {
			t.Errorf("%s: Full = %v, want %v", st.name, u.Full, st.full)
		}
		if !st.full && u.Generated > u.Outputs/2 {
			t.Errorf("%s: regenerated %d of %d outputs, want a few", st.name, u.Generated, u.Outputs)
		}
		for _, p := range st.touched {
			if !slices.Contains(u.Changed, p) {
				t.Errorf("%s: %s not rewritten (changed: %v)", st.name, p, u.Changed)
			}
		}
		compareTrees(t, st.name, readTree(t, tree.out), fullBuild(t, src))
	}
}

// fullBuild builds src with Run and reads the result, less SHA256SUMS: a
// Tree serves previews, which are never published, so it does not seal them.
func fullBuild(t *testing.T, src string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "want")
	if _, err := Run(Options{Source: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	delete(files, site.SumsPath)
	return files
}

func compareTrees(t *testing.T, step string, got, want map[string][]byte) {
	t.Helper()
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s missing", step, p)
		case !bytes.Equal(g, w):
			t.Errorf("%s: %s differs", step, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s should not be there", step, p)
		}
	}
}

// TestTreeRecoversFromErrors checks that changes made while the sources were
// broken are all applied once they are fixed.
func TestTreeRecoversFromErrors(t *testing.T) {
	src := sourceTree(t, nil)
	tree := builtTree(t, src)
	before := readTree(t, tree.out)
	// A stylesheet change (every page) and a broken measure, in one go.
	edit(t, src, "assets/site.css", func(s string) string { return s + "\nmain{margin:0}\n" })
	edit(t, src, "content/measures/04.md", set("number", `"four"`))
	_, err := tree.Update([]string{"assets/site.css", "content/measures/04.md"})
	if err == nil || !strings.Contains(err.Error(), "content/measures/04.md:2") {
		t.Fatalf("broken measure: got error %v, want one at content/measures/04.md:2", err)
	}
	compareTrees(t, "broken", readTree(t, tree.out), before)

	// The fix touches the measure only; the stylesheet change must still land.
	edit(t, src, "content/measures/04.md", set("number", "4"))
	if _, err := tree.Update([]string{"content/measures/04.md"}); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, "fixed", readTree(t, tree.out), fullBuild(t, src))
}

func TestNewTreeRefusesNonEmptyDir(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "index.html"), []byte("x"), 0o644)
	if _, err := NewTree(Options{Source: "../..", Out: out}); err == nil {
		t.Error("NewTree accepted a directory with files in it")
	}
}

func TestTreeReportsEarly(t *testing.T) {
	src := sourceTree(t, nil)
	tree := builtTree(t, src)
	var early [][]string
	record := func(written []string) { early = append(early, written) }

	edit(t, src, "content/measures/03.md", func(s string) string { return s + "\n補充一句。\n" })
	u, err := tree.UpdateEarly([]string{"content/measures/03.md"}, record)
	if err != nil {
		t.Fatal(err)
	}
	// The measure's page in each edition first; then the rest of what
	// shows its text: the table, the search index and the open data.
	if want := []string{"measures/03.html", "zh-hans/measures/03.html"}; len(early) != 1 || !slices.Equal(early[0], want) {
		t.Errorf("early reports %q, want one: %q", early, want)
	}
	var changed []string
	for _, e := range []string{"", "zh-hans/"} {
		for _, f := range []string{"measures.csv", "measures.html", "measures.json", "measures/03.html", "search-index.js", "search.json"} {
			changed = append(changed, e+f)
		}
	}
	if !slices.Equal(u.Changed, changed) {
		t.Errorf("changed %q, want %q", u.Changed, changed)
	}

	// A change to everything has nothing to report early.
	early = nil
	edit(t, src, "layouts/strings.toml", set("prev", `"前一項"`))
	if _, err := tree.UpdateEarly([]string{"layouts/strings.toml"}, record); err != nil {
		t.Fatal(err)
	}
	if early != nil {
		t.Errorf("early reports %q for a layout change, want none", early)
	}
}
