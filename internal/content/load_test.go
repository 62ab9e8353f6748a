package content

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/site"
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

// TestLoadDrafts: a draft at the end loads, placeholder and all, and is
// left out of the published site, which lists it nowhere; the site as
// loaded keeps it.
func TestLoadDrafts(t *testing.T) {
	fsys := overlay(t, "testdata/valid")
	fsys.(fstest.MapFS)["content/measures/03.md"] = &fstest.MapFile{Data: []byte(`+++
number = 3
title = "第3項經驗"
category = "trade"
lead_units = ["廣州海關"]
scope = "市有關行政區"
draft = true
+++

` + Placeholder + "\n")}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Measures) != 3 || !s.Measures[2].Draft || s.Measures[1].Draft {
		t.Fatalf("loaded %d measures, drafts %v %v %v", len(s.Measures), s.Measures[0].Draft, s.Measures[1].Draft, s.Measures[2].Draft)
	}
	p := s.Published()
	if len(p.Measures) != 2 || p.Measures[1].Number != 2 {
		t.Fatalf("published %d measures", len(p.Measures))
	}
	count := func(s *site.Site) (cats, units []int) {
		for _, c := range s.Categories {
			cats = append(cats, len(c.Measures))
		}
		for _, u := range s.Units {
			units = append(units, len(u.Measures))
		}
		return cats, units
	}
	if cats, units := count(p); fmt.Sprint(cats, units) != "[2 0] [2 1]" {
		t.Errorf("published: categories count %v, units %v; want [2 0] [2 1]", cats, units)
	}
	if cats, units := count(s); fmt.Sprint(cats, units) != "[2 1] [3 1]" {
		t.Errorf("as loaded: categories count %v, units %v; want [2 1] [3 1] (unchanged)", cats, units)
	}
	for _, m := range p.Measures {
		if m.Category != p.Categories[0] || m.Units[0] != p.Units[0] {
			t.Errorf("published measure %d points at the loaded site's category or units", m.Number)
		}
	}
}

// TestLoadLinks: a text's links to other sources get their targets, the
// pages of those sources from the edition's root; other links none.
func TestLoadLinks(t *testing.T) {
	fsys := overlay(t, "testdata/valid").(fstest.MapFS)
	fsys["content/measures/02.md"] = &fstest.MapFile{Data: append(fsys["content/measures/02.md"].Data,
		"\n見[第1項](01.md)、[第3項](./3.md)與[通知](../notice.md#一主要內容)、[政府](https://www.gz.gov.cn/)。\n"...)}
	fsys["content/measures/3.md"], fsys["content/measures/03.md"] = fsys["content/measures/03.md"], nil
	delete(fsys, "content/measures/03.md")
	fsys["content/notice.md"] = &fstest.MapFile{Data: append(fsys["content/notice.md"].Data, "\n見[第2項](measures/02.md)。\n"...)}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(s.Measures[1].Body.Links, s.Notice.Body.Links, s.Measures[0].Body.Links)
	want := "map[../notice.md#一主要內容:index.html#一主要內容 ./3.md:measures/03.html 01.md:measures/01.html] map[measures/02.md:measures/02.html] map[]"
	if got != want {
		t.Errorf("links:\n got %s\nwant %s", got, want)
	}
}
