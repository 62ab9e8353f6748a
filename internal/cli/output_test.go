package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestNothingLostToOutput runs the commands that write, in a copy of the
// sources, against targets holding someone's work: each is refused with one
// line naming what would be lost, exit 1, and every file stays as it was.
func TestNothingLostToOutput(t *testing.T) {
	src := srctest.Copy(t, "../..")
	t.Chdir(src) // paths as the user types them
	measure, _ := os.ReadFile("content/measures/05.md")
	toml, _ := os.ReadFile("site.toml")
	os.MkdirAll("www/uploads", 0o755)
	os.WriteFile("www/index.html", []byte("x"), 0o644)
	os.WriteFile("www/uploads/r.pdf", []byte("keep"), 0o644)

	tests := []struct {
		name   string
		args   []string
		stderr string // all of it
	}{
		{"build into a web root", []string{"build", "--out", "www"},
			"microsite: refusing output directory www: it has no SHA256SUMS, so no build of this program wrote it, and it holds 2 files: index.html, uploads/r.pdf; replacing the folder would lose them: move them out of it, or choose another folder\n"},
		{"build --zip over a measure", []string{"build", "--zip", "content/measures/05.md"},
			"microsite: content/measures/05.md: the archive cannot be written into the sources' content/ folder (" + filepath.Join(src, "content") + ")\n"},
		{"build --zip into a missing folder", []string{"build", "--zip", "nope/nansha3.zip"},
			"microsite: cannot write the archive nope/nansha3.zip: the folder " + filepath.Join(src, "nope") + " does not exist\n"},
		{"build --zip with a date a zip cannot hold", []string{"build", "--zip", "nansha3.zip"},
			"microsite: SOURCE_DATE_EPOCH=5000000000: 2128-06-11 08:53:20 UTC is later than a zip can record (2106-02-07 06:28:15 UTC)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(tt.name, "date") {
				t.Setenv("SOURCE_DATE_EPOCH", "5000000000")
			}
			var stdout, stderr bytes.Buffer
			if code := Main(tt.args, &stdout, &stderr); code != exitFail {
				t.Errorf("exit %d, want %d", code, exitFail)
			}
			if stderr.String() != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), tt.stderr)
			}
			if _, err := os.Stat("public"); err == nil {
				t.Error("the site was built: the archive should be refused first")
			}
		})
	}

	// package, after a build.
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	stderr.Reset()
	if code := Main([]string{"package", "site.toml"}, &stdout, &stderr); code != exitFail {
		t.Errorf("package site.toml: exit %d, want %d", code, exitFail)
	}
	if want := "microsite: site.toml: the archive cannot replace the sources' site.toml (" + src + ")\n"; stderr.String() != want {
		t.Errorf("package site.toml: stderr %q, want %q", stderr.String(), want)
	}

	for name, want := range map[string][]byte{"content/measures/05.md": measure, "site.toml": toml, "www/uploads/r.pdf": []byte("keep"), "www/index.html": []byte("x")} {
		if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s changed: %v", name, err)
		}
	}
}

// TestBuildPrintsNotes: what a build says of leftovers of an interrupted
// build reaches the terminal.
func TestBuildPrintsNotes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	left := filepath.Join(dir, ".public.new-123")
	os.MkdirAll(left, 0o755)
	os.WriteFile(filepath.Join(left, "index.html"), []byte("<p>half"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", "../..", "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "microsite: left " + left + " alone: an interrupted build may have left it, but it has no SHA256SUMS, so no build of this program wrote it, and it holds 1 file: index.html; look at it, then remove it yourself\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}
