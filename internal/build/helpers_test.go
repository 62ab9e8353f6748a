package build

import (
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// repo is the repository's source tree.
const repo = "../.."

// smallSite is a two-measure source tree: the repository's site.toml,
// notice, layouts and assets, and measures whose text needs quoting in CSV
// and escaping in JSON.
var smallSite = map[string]string{
	"content/measures/01.md": "+++\nnumber = 1\ntitle = \"打造新型O2O商事登記幫辦服務模式\"\ncategory = \"investment\"\n" +
		"lead_units = [\"市政務辦\"]\nscope = \"市有關行政區\"\n+++\n\n為商事主體提供商事登記咨詢、導辦、幫辦、申請、受理等政務服務。\n",
	"content/measures/02.md": "+++\nnumber = 2\ntitle = 'A \"quoted\", <b>&</b> 標題'\ncategory = \"trade\"\n" +
		"lead_units = [\"廣州海關\", \"黃埔海關\"]\nscope = \"市有關行政區\"\n+++\n\n第一段,有逗號。\n\n第二段“引號”。\n",
}

// sourceTree returns the repository's sources with files replaced: a value
// of "" deletes the file, a key ending in "/" deletes the folder.
// withMeasures keeps the repository's measures.
func sourceTree(t *testing.T, withMeasures bool, files map[string]string) fstest.MapFS {
	t.Helper()
	tree := fstest.MapFS{}
	src := os.DirFS(repo)
	for _, root := range []string{"site.toml", "content", "layouts", "assets"} {
		err := fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if !withMeasures && path.Dir(p) == "content/measures" {
				return nil
			}
			data, err := fs.ReadFile(src, p)
			tree[p] = &fstest.MapFile{Data: data, Mode: 0o644}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, "/"):
			for p := range tree {
				if strings.HasPrefix(p, name) {
					delete(tree, p)
				}
			}
		case data == "":
			delete(tree, name)
		default:
			tree[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
		}
	}
	return tree
}

// withBaseURL returns site.toml from tree with base_url set.
func withBaseURL(t *testing.T, tree fstest.MapFS, url string) string {
	t.Helper()
	old := `base_url = ""`
	s := string(tree["site.toml"].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("site.toml has no line %s", old)
	}
	return strings.Replace(s, old, `base_url = "`+url+`"`, 1)
}

// writeTree writes tree into a new temporary folder and returns it.
func writeTree(t *testing.T, tree fs.FS) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, tree); err != nil {
		t.Fatal(err)
	}
	return dir
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
