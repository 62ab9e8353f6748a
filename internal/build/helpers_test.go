package build

import (
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// Outputs loads and validates the sources in fsys and returns every file of
// the site as published (no draft), ready to generate, as a build does.
// Nothing is written. (A build calls outputs with its settings; only the
// tests want this default.)
func Outputs(fsys fs.FS) ([]Output, error) {
	outs, _, err := outputs(fsys, nil, settings{})
	return outs, err
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// repo is the repository, whose sources the tests build.
const repo = "../.."

// smallSite is a two-measure source tree: the repository's site.toml,
// notice, layouts and assets, and measures whose text needs quoting in CSV
// and escaping in JSON.
var smallSite = map[string]string{
	"content/measures/": "",
	"content/measures/01.md": "+++\nnumber = 1\ntitle = \"打造新型O2O商事登記幫辦服務模式\"\ncategory = \"investment\"\n" +
		"lead_units = [\"市政務辦\"]\nscope = \"市有關行政區\"\n+++\n\n為商事主體提供商事登記咨詢、導辦、幫辦、申請、受理等政務服務。\n",
	"content/measures/02.md": "+++\nnumber = 2\ntitle = 'A \"quoted\", <b>&</b> 標題'\ncategory = \"trade\"\n" +
		"lead_units = [\"廣州海關\", \"黃埔海關\"]\nscope = \"市有關行政區\"\n+++\n\n第一段,有逗號。\n\n第二段“引號”。\n",
}

// sourceTree copies the repository's sources into a new temporary folder
// and returns it, with files changed: a key ending in "/" deletes that
// folder, first; then a value of "" deletes the file, and any other value
// is the file's new text. It is the build tests' one way to make a source
// tree (Outputs reads it through os.DirFS); edit and replaceIn change it
// afterwards.
func sourceTree(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := srctest.Copy(t, repo)
	for name := range files {
		if strings.HasSuffix(name, "/") {
			if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		var err error
		switch {
		case strings.HasSuffix(name, "/"):
		case data == "":
			err = os.Remove(p)
		default:
			if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
				err = os.WriteFile(p, []byte(data), 0o644)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit rewrites the file name of the source tree src with change applied
// to its text.
func edit(t testing.TB, src, name string, change func(string) string) {
	t.Helper()
	file := filepath.Join(src, filepath.FromSlash(name))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceIn replaces the first old in the file name of the source tree src
// with new; the test fails when the file holds no old, so that it follows
// the sources as they change.
func replaceIn(t testing.TB, src, name, old, new string) {
	t.Helper()
	edit(t, src, name, func(s string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		return strings.Replace(s, old, new, 1)
	})
}

// repoFile is the text of the repository's source file name.
func repoFile(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// withBaseURL is the repository's site.toml with base_url set.
func withBaseURL(t testing.TB, url string) string {
	t.Helper()
	old := `base_url = ""`
	s := repoFile(t, "site.toml")
	if !strings.Contains(s, old) {
		t.Fatalf("site.toml has no line %s", old)
	}
	return strings.Replace(s, old, `base_url = "`+url+`"`, 1)
}

// with is files and more.
func with(files map[string]string, more map[string]string) map[string]string {
	out := maps.Clone(files)
	maps.Copy(out, more)
	return out
}

// buildTree builds the sources in src into a new folder and returns it.
func buildTree(t *testing.T, src string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from %s (run go test -update if the change is intended):\ngot:\n%s\nwant:\n%s", name, file, got, want)
	}
}
