package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenSources is the sources of testdata/sites/<name>/src with the
// repository's layouts and assets.
func goldenSources(t *testing.T, name string) string {
	t.Helper()
	files := map[string]string{"content/": ""}
	root := filepath.Join("testdata/sites", name, "src")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sourceTree(t, files)
}

func mustBuild(t *testing.T, src, out string) Summary {
	t.Helper()
	sum, err := Run(Options{Source: src, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestGolden builds each site under testdata/sites and compares every output
// file with its want/ tree. Run with -update after an intended change, and
// read the diff.
func TestGolden(t *testing.T) {
	sites, err := os.ReadDir("testdata/sites")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sites {
		t.Run(s.Name(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			mustBuild(t, goldenSources(t, s.Name()), out)
			wantDir := filepath.Join("testdata/sites", s.Name(), "want")
			if *update {
				os.RemoveAll(wantDir)
				if err := os.CopyFS(wantDir, os.DirFS(out)); err != nil {
					t.Fatal(err)
				}
			}
			compareTrees(t, "golden", readTree(t, out), readTree(t, wantDir))
		})
	}
}

func TestDeterministic(t *testing.T) {
	src := sourceTree(t, nil)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustBuild(t, src, a)
	mustBuild(t, src, b)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) || len(ta) < 60 {
		t.Fatalf("builds have %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds of the same sources", name)
		}
	}
}

// TestFailedBuildKeepsPreviousSite breaks a content file after a good build:
// the next build must fail and leave the output exactly as it was, with no
// temporary directories left behind.
func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	src := sourceTree(t, nil)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mustBuild(t, src, out)
	before := readTree(t, out)

	bad := filepath.Join(src, "content/measures/07.md")
	data, _ := os.ReadFile(bad)
	os.WriteFile(bad, bytes.Replace(data, []byte(`category = "trade"`), []byte(`category = "trad"`), 1), 0o644)
	_, err := Run(Options{Source: src, Out: out})
	if err == nil || !strings.Contains(err.Error(), `content/measures/07.md:4:1: unknown category "trad"`) {
		t.Fatalf("build error = %v, want the unknown category in 07.md", err)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after the failed build, had %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the output's folder holds %v, want only public", names)
	}
}

// TestRefusedOutputDirs: folders that would put the sources at risk; see
// TestOutputFolderReplacedOnlyWhenRecorded for what a folder may hold.
func TestRefusedOutputDirs(t *testing.T) {
	src := sourceTree(t, nil)
	home, _ := os.UserHomeDir()
	tests := []struct{ name, out, want string }{
		{"the source tree", src, "it is the source directory"},
		{"a parent of the source tree", filepath.Dir(src), "it contains the source directory"},
		{"the root", "/", "it is the file system root"},
		{"home", home, "it is your home directory"},
		{"the content folder", filepath.Join(src, "content"), "it is inside the sources' content/ folder"},
		{"inside layouts", filepath.Join(src, "layouts", "out"), "it is inside the sources' layouts/ folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.out == "" {
				t.Skip("no home directory")
			}
			_, err := Run(Options{Source: src, Out: tt.out})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to say %q", err, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(src, "content/measures/01.md")); err != nil {
		t.Error("a refused build touched the sources")
	}
}

func TestSummary(t *testing.T) {
	sum := mustBuild(t, sourceTree(t, nil), filepath.Join(t.TempDir(), "public"))
	// 31 measures, 7 categories, 17 units, and the home, table, unit index
	// and 404 pages.
	if want := 31 + 7 + 17 + 4; sum.Pages < want {
		t.Errorf("built %d pages, want at least %d", sum.Pages, want)
	}
	if sum.Files <= sum.Pages || sum.Bytes == 0 {
		t.Errorf("summary %v", sum)
	}
}
