package content

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the expected error messages in testdata/errors/*/want.txt")

// overlay returns the valid test site with the files of dir laid over it.
func overlay(t *testing.T, dir string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, root := range []string{"testdata/valid", dir} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() == "want.txt" {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func TestLoadValid(t *testing.T) {
	s, err := Load(os.DirFS("testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Measures) != 3 {
		t.Fatalf("got %d measures, want 3", len(s.Measures))
	}
	m := s.Measures[1]
	if m.Number != 2 || m.Title != "第2項經驗" || m.Category.Slug != "investment" || m.Scope != "市有關行政區" {
		t.Errorf("measure 2 = %+v", m)
	}
	if len(m.Units) != 2 || m.Units[0].Slug != "guangzhou-customs" || m.Units[1].Slug != "huangpu-customs" {
		t.Errorf("measure 2 units = %v, want 廣州海關, 黃埔海關 in that order", m.Units)
	}
	if got := m.Body; got.File != "content/measures/02.md" || got.Line != 9 || string(got.Text) != "第2項的實施內容。第二句。\n" {
		t.Errorf("measure 2 body = %q at %s:%d", got.Text, got.File, got.Line)
	}
	if n := len(s.Categories[0].Measures); n != 2 {
		t.Errorf("investment has %d measures, want 2", n)
	}
	if n := len(s.Units[1].Measures); n != 1 || s.Units[1].Measures[0] != m {
		t.Errorf("黃埔海關 leads %v, want measure 2 only", s.Units[1].Measures)
	}
	if got := s.Notice.DateText(); got != "2018年7月2日" {
		t.Errorf("notice date = %s", got)
	}
}

// TestLoadErrors loads the valid site with each case's files laid over it and
// compares the whole error message with the case's want.txt.
func TestLoadErrors(t *testing.T) {
	cases, err := os.ReadDir("testdata/errors")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata/errors", c.Name())
			_, err := Load(overlay(t, dir))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if _, ok := err.(diag.List); !ok {
				t.Fatalf("error is a %T, want a diag.List", err)
			}
			got := err.Error() + "\n"
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestErrorExcerpt(t *testing.T) {
	_, err := Load(overlay(t, "testdata/errors/unknown-category"))
	list := err.(diag.List)
	got := list[0].Excerpt()
	want := "    | category = \"trad\"\n    | ^"
	if got != want {
		t.Errorf("excerpt:\n%s\nwant:\n%s", got, want)
	}
	if !strings.HasPrefix(list[0].Error(), "content/measures/02.md:4:1: ") {
		t.Errorf("error %q does not start with file:line:col", list[0])
	}
}
