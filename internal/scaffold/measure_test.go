package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

func TestNewMeasure(t *testing.T) {
	dir := srctest.Copy(t, "../..", "site.toml", "content")
	name, err := NewMeasure(dir, Measure{
		Number:   new(32),
		Title:    `跨境電商“退貨”新模式 "引號" 與 \ 反斜線`,
		Category: "貿易便利化", // a name works as well as the slug
		Units:    []string{"廣州海關", "huangpu-customs"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if name != "content/measures/32.md" {
		t.Errorf("created %s, want content/measures/32.md", name)
	}
	got, _ := os.ReadFile(filepath.Join(dir, name))
	want := `+++
number = 32
title = "跨境電商“退貨”新模式 \"引號\" 與 \\ 反斜線"
category = "trade"
lead_units = ["廣州海關", "黃埔海關"]
scope = "市有關行政區"
draft = true
+++

` + content.Placeholder + "\n"
	if string(got) != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
	s, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("the new file does not load: %v", err)
	}
	m := s.Measures[31]
	if !m.Draft || len(s.Published().Measures) != 31 {
		t.Errorf("measure 32 is not a draft, left out of the published site")
	}
	if m.Number != 32 || m.Title != `跨境電商“退貨”新模式 "引號" 與 \ 反斜線` || m.Category.Slug != "trade" || len(m.Units) != 2 {
		t.Errorf("loaded %+v", m)
	}

	// The next one gets number 33 without asking, and its own scope and text.
	name, err = NewMeasure(dir, Measure{Title: "另一項", Category: "finance", Units: []string{"市金融局"}, Scope: "全市", Text: "實施內容。"})
	if err != nil || name != "content/measures/33.md" {
		t.Fatalf("second measure: %s, %v", name, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, name)); !strings.Contains(string(got), "scope = \"全市\"\ndraft = true\n+++\n\n實施內容。\n") {
		t.Errorf("second measure:\n%s", got)
	}
}

func TestNewMeasureRefuses(t *testing.T) {
	ok := Measure{Title: "新的一項", Category: "trade", Units: []string{"廣州海關"}}
	with := func(change func(m *Measure)) Measure {
		m := ok
		change(&m)
		return m
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
		m       Measure
		want    string
	}{
		{"number used", nil, with(func(m *Measure) { m.Number = new(3) }),
			"number 3 is already used by content/measures/03.md (the next free number is 32)"},
		{"gap", nil, with(func(m *Measure) { m.Number = new(40) }),
			"number 40 would leave a gap: numbers run from 1 without gaps, and the next one is 32"},
		{"negative", nil, with(func(m *Measure) { m.Number = new(-1) }),
			"number -1: expected a positive number (the next one is 32)"},
		{"zero", nil, with(func(m *Measure) { m.Number = new(0) }),
			"number 0: expected a positive number (the next one is 32)"},
		{"unknown category", nil, with(func(m *Measure) { m.Category = "tarde" }),
			`unknown category "tarde": expected one of investment, trade, government, supervision, rule-of-law, finance, green-city (the slugs in site.toml)`},
		{"unknown unit", nil, with(func(m *Measure) { m.Units = []string{"廣州海关"} }),
			`unknown lead unit "廣州海关": use a name or slug from [[units]] in site.toml (市政務辦、廣州供電局、廣州海關、黃埔海關、廣州海事局、廣州邊檢總站、市口岸辦、市公安局、市工商局、市檢察院、市法院、市人力資源和社會保障局、市司法局、廣州仲裁委、市金融局、市國土規劃委、各區政府), or add the unit there first`},
		{"unit twice", nil, with(func(m *Measure) { m.Units = []string{"廣州海關", "guangzhou-customs"} }),
			`lead unit "廣州海關" is named twice`},
		{"no unit", nil, with(func(m *Measure) { m.Units = nil }), "no lead unit: name at least one"},
		{"empty title", nil, with(func(m *Measure) { m.Title = "  " }), "title is empty"},
		{"two-line title", nil, with(func(m *Measure) { m.Title = "第一行\n第二行" }),
			`title "第一行\n第二行": expected a single line of text`},
		{"control character in the title", nil, with(func(m *Measure) { m.Title = "報關\x07單" }),
			`title "報關\a單": control character U+0007 at character 3: not allowed in text`},
		{"escape code in a unit", nil, with(func(m *Measure) { m.Units = []string{"廣州海關\x1b[2J"} }),
			`unit "廣州海關\x1b[2J": control character U+001B at character 5: not allowed in text`},
		{"control character in the category", nil, with(func(m *Measure) { m.Category = "trade\x00" }),
			`category "trade\x00": control character U+0000 at character 6: not allowed in text`},
		{"control character in the text", nil, with(func(m *Measure) { m.Text = "第一段。\r\n\n第二\x01段。" }),
			"text: control character U+0001 at line 3, character 3: not allowed in text (only tab and line breaks are)"},
		{"raw HTML in the text", nil, with(func(m *Measure) { m.Text = "<script>alert(1)</script>" }),
			"text: raw HTML (<script>alert(1)</script>): the site publishes text, never HTML, so it would be left out: write the text in Markdown"},
		{"inline raw HTML in the text", nil, with(func(m *Measure) { m.Text = "文字<img src=x onerror=alert(1)>。" }),
			"text: raw HTML (<img src=x onerror=alert(1)>): the site publishes text, never HTML, so it would be left out: write the text in Markdown"},
		{"folder with the file's name", func(t *testing.T, dir string) {
			// Number 32 is free, its file name is not: the sources say so.
			if err := os.Mkdir(filepath.Join(dir, "content/measures/32.md"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, ok, "content/measures/32.md: a folder, not a file: a measure is a Markdown file"},
		{"broken sources", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "content/measures/05.md"), []byte("no front matter"), 0o644)
		}, ok, "content/measures/05.md:1: …"}, // then content's message
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := srctest.Copy(t, "../..", "site.toml", "content")
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			before := list(t, dir)
			_, err := NewMeasure(dir, tt.m)
			switch {
			case err == nil:
				t.Errorf("no error, want %q", tt.want)
			case strings.HasSuffix(tt.want, " …"):
				if !strings.HasPrefix(err.Error(), strings.TrimSuffix(tt.want, "…")) {
					t.Errorf("error %q\nwant %q", err, tt.want)
				}
			case err.Error() != tt.want:
				t.Errorf("error %q\nwant  %q", err, tt.want)
			}
			if after := list(t, dir); !slices.Equal(before, after) {
				t.Errorf("files changed: %v → %v", before, after)
			}
		})
	}
}

func list(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "content/measures"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestCreateNeverReplaces: a file that appears between the check of the
// sources and the write (another editor's new measure) is kept.
func TestCreateNeverReplaces(t *testing.T) {
	name := filepath.Join(t.TempDir(), "32.md")
	if err := os.WriteFile(name, []byte("a colleague's measure"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := create(name, []byte("new")); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("create over an existing file: %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(name); string(got) != "a colleague's measure" {
		t.Fatalf("the existing file now holds %q", got)
	}
}
