package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestCheckFailsBuild breaks the layouts so the built site fails the check:
// the build reports every problem and leaves the previous site as it was.
func TestCheckFailsBuild(t *testing.T) {
	src := sourceTree(t, nil)
	out := buildTree(t, src)
	before := readTree(t, out)

	replaceIn(t, src, "layouts/404.html", `<h1>{{t "not_found_title"}}</h1>`, `<p><a href="{{.Rel "gone.html"}}">x</a></p>`)
	replaceIn(t, src, "layouts/units.html", `<h1>`, `<h1 id="x">{{t "nav_units"}}</h1><h1>`)
	_, err := Run(Options{Source: src, Out: out})
	var bad *CheckError
	if !errors.As(err, &bad) {
		t.Fatalf("error %v, want a CheckError", err)
	}
	// Each problem is in both editions' pages.
	want := "the built site fails the check, 6 problem(s):\n" +
		"404.html: <h1>: missing: every page needs exactly one <h1>, its main heading\n" +
		"404.html: <a href=\"/gone.html\">: no such file: gone.html\n" +
		"units/index.html: <h1>: 2 of them: every page needs exactly one <h1>, its main heading\n" +
		"zh-hans/404.html: <h1>: missing: every page needs exactly one <h1>, its main heading\n" +
		"zh-hans/404.html: <a href=\"/zh-hans/gone.html\">: no such file: zh-hans/gone.html\n" +
		"zh-hans/units/index.html: <h1>: 2 of them: every page needs exactly one <h1>, its main heading"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
	after := readTree(t, out)
	if !maps.EqualFunc(before, after, bytes.Equal) {
		t.Error("the failed build changed the previous site")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %q", left)
	}
}

// TestChecksums: SHA256SUMS lists every other file, sorted, with its hash,
// in the format sha256sum -c reads.
func TestChecksums(t *testing.T) {
	out := buildTree(t, repo)
	files := readTree(t, out)
	sums := string(files[site.SumsPath])
	delete(files, site.SumsPath)
	var want []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		sum := sha256.Sum256(files[name])
		want = append(want, hex.EncodeToString(sum[:])+"  "+name+"\n")
	}
	if got := sums; got != strings.Join(want, "") {
		t.Errorf("SHA256SUMS:\n%s\nwant:\n%s", got, strings.Join(want, ""))
	}
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Log("no sha256sum: verified in Go only")
		return
	}
	cmd := exec.Command("sha256sum", "--check", "--strict", "--quiet", site.SumsPath)
	cmd.Dir = out
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, msg)
	}
}
