package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestNewMeasureNumberZero: --number 0 is refused like -1, not taken for
// "the next number".
func TestNewMeasureNumberZero(t *testing.T) {
	src := srctest.Copy(t, "../..")
	before, _ := os.ReadDir(filepath.Join(src, "content", "measures"))
	for _, n := range []string{"0", "-1"} {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"new", "measure", "--source", src, "--number", n, "--category", "trade", "--title", "新的一項", "--unit", "廣州海關"}, &stdout, &stderr)
		want := "microsite new measure: number " + n + ": expected a positive number (the next one is 32)\n"
		if code != 1 || stderr.String() != want {
			t.Errorf("--number %s: exit %d, stderr %q; want 1 and %q", n, code, stderr.String(), want)
		}
	}
	after, _ := os.ReadDir(filepath.Join(src, "content", "measures"))
	if len(after) != len(before) {
		t.Errorf("%d files in content/measures, want %d", len(after), len(before))
	}
}

// TestBuildListsEveryError breaks independent sources at once — site.toml,
// a measure, the UI strings, the style sheet — and checks that one build
// reports them all, sorted by file and line, each with its line shown.
func TestBuildListsEveryError(t *testing.T) {
	src := srctest.Copy(t, "../..")
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(src, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q (%v)", name, old, err)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("site.toml", `base_url = ""`, `base_url = "https://x.example/a b/"`)
	edit("content/measures/07.md", "scope = ", "scope = \"\x00\"\nx = ")
	edit("layouts/strings.toml", `home = "首頁"`, "home = \"首\x07頁\"")
	edit("assets/site.css", "\n:root", "\n}}} @@@ {{{\n:root")
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", src, "--out", out}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit code %d, want 1: %s", code, stderr.String())
	}
	var got []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "    |") {
			got = append(got, line)
		}
	}
	want := []string{
		"assets/site.css:7:2: does not parse as CSS: unexpected ending in qualified rule",
		"content/measures/07.md:6:10: control character U+0000: not allowed in text (only tab and line breaks are); delete it",
		"layouts/strings.toml:3:10: control character U+0007: not allowed in text (only tab and line breaks are); delete it",
		`site.toml:5:1: base_url "https://x.example/a b/": it holds a space: percent-encode it (%20) or remove it: expected an absolute http(s) URL such as "https://www.example.gov.cn/nansha/", or ""`,
		"microsite: 4 error(s); the previous site was left as it was",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stderr:\n%s\nwant the lines:\n%s", stderr.String(), strings.Join(want, "\n"))
	}
	if !strings.Contains(stderr.String(), "    | home = \"首␇頁\"\n    |           ^\n") {
		t.Errorf("no excerpt with a caret under the control character:\n%s", stderr.String())
	}
}

// TestBuildUnreadableMeasures: a measures folder the user cannot read is
// reported as such (chmod 000; root reads it anyway).
func TestBuildUnreadableMeasures(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a folder whatever its permissions; content's TestLoadUnreadableFolder covers it")
	}
	src := srctest.Copy(t, "../..")
	measures := filepath.Join(src, "content", "measures")
	if err := os.Chmod(measures, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(measures, 0o755)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"build", "--source", src, "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr)
	if want := "content/measures: cannot read the folder: permission denied\n"; code != 1 || !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), want)
	}
}
