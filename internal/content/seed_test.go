package content

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// seedFile is the notice as published, the source of truth for content/
// (testdata/seed/README.md says where it comes from). It is part of the
// repository, so that this test runs in every clone.
const seedFile = "testdata/seed/notice.txt"

// normalised lists the only differences between the content and the seed:
// typing slips, documented in README. Keyed by measure number.
var normalised = map[int]struct{ title, units string }{
	3:  {units: "廣州海關、 黃埔海關"},             // stray space after 、
	17: {title: "應用身份證“網證”實現刷臉辦理工商注冊登記。"}, // title ending in 。
}

type seedRow struct {
	category, title, text, units, scope string
}

// readSeed parses the attachment table of the seed: rows of
// "分類 | 序號 | 項目名稱 | 實施內容 | 牽頭單位 | 推廣范圍 |", where 分類 is given
// only on the first row of each category (and repeated at page breaks).
func readSeed(t *testing.T) (lines []string, rows map[int]seedRow) {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(string(data), "\n")
	rows = map[int]seedRow{}
	category := ""
	for _, line := range lines {
		cells := strings.Split(line, " | ")
		if len(cells) < 5 {
			continue
		}
		if len(cells) == 6 { // a row with its category label
			category, cells = cells[0], cells[1:]
		}
		n, err := strconv.Atoi(cells[0])
		if err != nil {
			continue // the header row
		}
		rows[n] = seedRow{category: category, title: cells[1], text: cells[2], units: cells[3],
			scope: strings.TrimSuffix(cells[4], " |")}
	}
	return lines, rows
}

// TestContentMatchesSeed checks the 31 measures and the notice word for word
// against the published notice.
func TestContentMatchesSeed(t *testing.T) {
	lines, rows := readSeed(t)
	s, err := Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 31 || len(s.Measures) != 31 {
		t.Fatalf("seed has %d measures, content has %d; want 31 each", len(rows), len(s.Measures))
	}
	for _, m := range s.Measures {
		row := rows[m.Number]
		title, units := m.Title, joinUnits(m)
		if fix, ok := normalised[m.Number]; ok {
			title, units = cmpOr(fix.title, title), cmpOr(fix.units, units)
		}
		check := func(what, got, want string) {
			if got != want {
				t.Errorf("measure %d %s:\n got %q\nwant %q", m.Number, what, got, want)
			}
		}
		check("title", title, row.title)
		check("text", strings.TrimSpace(string(m.Body.Text)), row.text)
		check("lead units", units, row.units)
		check("scope", m.Scope, row.scope)
		// "一、投資便利化(2項)" names the category and its count.
		label := m.Category.Name + "(" + strconv.Itoa(len(m.Category.Measures)) + "項)"
		if !strings.HasSuffix(row.category, "、"+label) {
			t.Errorf("measure %d: category %s, seed says %s", m.Number, label, row.category)
		}
	}
	counts := []int{}
	for _, c := range s.Categories {
		counts = append(counts, len(c.Measures))
	}
	if got, want := intsString(counts), "2 11 4 1 9 3 1"; got != want {
		t.Errorf("measures per category: %s, want %s", got, want)
	}

	n := s.Notice
	check := func(what, got, want string) {
		if got != want {
			t.Errorf("notice %s:\n got %q\nwant %q", what, got, want)
		}
	}
	check("number", n.Number, lines[0])
	check("title", n.Title, lines[1])
	check("addressees", n.Addressees+":", lines[2])
	check("issuer", n.Issuer, lines[25])
	check("date", n.DateText(), lines[26])
	check("attachment", "附件:"+n.Attachment, lines[24])
	// The body is lines 4 to 24 of the seed, as Markdown paragraphs and
	// headings.
	var body []string
	for _, p := range strings.Split(strings.TrimSpace(string(n.Body.Text)), "\n\n") {
		body = append(body, strings.TrimLeft(p, "# "))
	}
	check("body", strings.Join(body, "\n"), strings.Join(lines[3:24], "\n"))
	// Each category's summary is its paragraph in section 一.
	for i, c := range s.Categories {
		heading := lines[6+2*i]
		if !strings.Contains(heading, c.Name+"領域") {
			t.Errorf("section 一 item %d is %q, want category %s", i+1, heading, c.Name)
		}
		check("summary of "+c.Slug, c.Summary, lines[7+2*i])
	}
}

func joinUnits(m *site.Measure) string {
	names := make([]string, len(m.Units))
	for i, u := range m.Units {
		names[i] = u.Name
	}
	return strings.Join(names, "、")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func intsString(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, " ")
}
