package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestOneReport breaks a measure and runs the commands that load the
// sources: each shows the problem alike, at its file:line:col with the
// line and a caret, and ends with its own summary line.
func TestOneReport(t *testing.T) {
	src := srctest.Copy(t, "../..")
	file := filepath.Join(src, "content/measures/05.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "scope = \"", "scope = \"\x1b[2J", 1)
	if broken == string(data) {
		t.Fatal("05.md has no scope line")
	}
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	const problem = "content/measures/05.md:6:10: control character U+001B: not allowed in text (only tab and line breaks are); delete it\n" +
		"    | scope = \"␛[2J市有關行政區\"\n" +
		"    |          ^\n"
	tests := []struct {
		name    string
		args    []string
		summary string
	}{
		{"build", []string{"build", "--source", src, "--out", filepath.Join(t.TempDir(), "public")},
			"microsite: 1 error(s); the previous site was left as it was\n"},
		{"new measure", []string{"new", "measure", "--source", src, "--title", "x", "--category", "trade", "--unit", "廣州海關"},
			"microsite new measure: the sources have 1 error(s); fix them first: no measure was written\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Main(tt.args, &stdout, &stderr); code != exitFail {
				t.Errorf("exit %d, want %d", code, exitFail)
			}
			if got, want := stderr.String(), problem+tt.summary; got != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestLayoutErrorShown: a mistake in a layout is reported once, with the
// layout's line and a caret under the column, and the pages it broke.
func TestLayoutErrorShown(t *testing.T) {
	src := srctest.Copy(t, "../..")
	file := filepath.Join(src, "layouts/measure.html")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const good = `{{define "print-header"}}{{.Site.Notice.Number}} · {{heading .Measure.Number}}{{end}}`
	if !strings.HasPrefix(string(data), good+"\n") {
		t.Fatalf("layouts/measure.html does not start with %s", good)
	}
	typo := strings.Replace(good, ".Measure.Number}}{{end}}", ".Measure.Nmber}}{{end}}", 1)
	if err := os.WriteFile(file, []byte(typo+strings.TrimPrefix(string(data), good)), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", src, "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr); code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	// "·" is one cell: the caret is under the "." of .Measure.Nmber.
	want := `layouts/measure.html:1:70: executing "print-header" at <.Measure.Nmber>: can't evaluate field Nmber in type *site.Measure (on 62 pages, e.g. measures/01.html)` + "\n" +
		"    | " + typo + "\n" +
		"    | " + strings.Repeat(" ", 69) + "^\n" +
		"microsite: 1 error(s); the previous site was left as it was\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
}
