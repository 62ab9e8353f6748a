package hostile

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// The files most cases mutate.
const (
	siteFile    = "site.toml"
	stringsFile = "layouts/strings.toml"
	noticeFile  = "content/notice.md"
	m05         = "content/measures/05.md"
)

// at is the position file:line.
func at(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// atCol is the position file:line:col.
func atCol(file string, line, col int) string { return fmt.Sprintf("%s:%d:%d", file, line, col) }

// either accepts any of the positions.
func either(want ...string) string { return strings.Join(want, "|") }

// lineOf is the number of the first line of the repository's file rel that
// holds needle, so that positions follow the sources as they change.
func lineOf(t *testing.T, rel, needle string) int {
	t.Helper()
	for i, line := range strings.Split(string(pristine[rel]), "\n") {
		if strings.Contains(line, needle) {
			return i + 1
		}
	}
	t.Fatalf("%s holds no %q", rel, needle)
	return 0
}

// lineOfText is the number of the line of rel that is exactly text, the
// n-th (from 1) such line.
func lineOfText(t *testing.T, rel, text string, n int) int {
	t.Helper()
	for i, line := range strings.Split(string(pristine[rel]), "\n") {
		if line == text {
			if n--; n == 0 {
				return i + 1
			}
		}
	}
	t.Fatalf("%s has no line %q", rel, text)
	return 0
}

// lines is the number of lines of the repository's file rel.
func lines(rel string) int { return strings.Count(string(pristine[rel]), "\n") }

// headerOf is the line of the [[table]] header above the line n of rel.
func headerOf(t *testing.T, rel string, n int) int {
	t.Helper()
	all := strings.Split(string(pristine[rel]), "\n")
	for i := n - 1; i >= 0; i-- {
		if strings.HasPrefix(all[i], "[") {
			return i + 1
		}
	}
	t.Fatalf("%s: no table header above line %d", rel, n)
	return 0
}

// entry is the position of a [[table]] entry of site.toml that holds the
// line key: its header or the key's line, as the message may name either.
func entry(t *testing.T, key string) string {
	t.Helper()
	n := lineOf(t, siteFile, key)
	return either(at(siteFile, headerOf(t, siteFile, n)), at(siteFile, n))
}

// A measure file's lines.
const (
	numberLine = 2
	titleLine  = 3
	catLine    = 4
	unitsLine  = 5
	scopeLine  = 6
	closeLine  = 7
	textLine   = 9 // the first line of the text
)

// buildFails is a build that must fail, naming want.
func buildFails(name string, mutate func(e *env), want ...string) hcase {
	return hcase{name: name, mutate: mutate, args: []string{"build"}, code: 1, want: want}
}

// builds is a build that must succeed; then checks the site.
func builds(name string, mutate func(e *env), then func(e *env, r *result)) hcase {
	return hcase{name: name, mutate: mutate, args: []string{"build"}, code: 0, then: then}
}

// proves marks the case as the proof of a defect of issue 12.
func (c hcase) proves(defect int) hcase {
	c.defect = defect
	return c
}

// out reads a file of the built site.
func (e *env) out(rel string) string { return string(e.read("public/" + rel)) }

// outHolds fails the case unless the built site's file rel holds s.
func (e *env) outHolds(rel, s string) {
	e.t.Helper()
	if !strings.Contains(e.out(rel), s) {
		e.t.Errorf("public/%s does not hold %q", rel, s)
	}
}

// openData is measures.json, the parts the cases look at.
type openData struct {
	Measures []struct {
		Number    int
		Title     string
		Scope     string
		Content   string
		Category  struct{ Slug, Name string }
		LeadUnits []struct{ Slug, Name string } `json:"lead_units"`
	}
}

// measuresJSON reads the built site's measures.json.
func (e *env) measuresJSON() openData {
	e.t.Helper()
	var d openData
	if err := json.Unmarshal([]byte(e.out("measures.json")), &d); err != nil {
		e.t.Fatalf("measures.json: %v", err)
	}
	return d
}

// csvRow is the row of measure n in the built site's measures.csv, by
// column name.
func (e *env) csvRow(n int) map[string]string {
	e.t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(e.out("measures.csv"), "\ufeff")))
	rows, err := r.ReadAll()
	if err != nil {
		e.t.Fatalf("measures.csv: %v", err)
	}
	for _, row := range rows[1:] {
		if row[0] == strconv.Itoa(n) {
			m := map[string]string{}
			for i, name := range rows[0] {
				m[name] = row[i]
			}
			return m
		}
	}
	e.t.Fatalf("measures.csv has no row for measure %d", n)
	return nil
}
