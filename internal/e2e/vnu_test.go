package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// vnuJar is the W3C Nu HTML Checker from the npm package vnu-jar
// (installed by "npm ci --ignore-scripts" in this folder; .ci/run does it).
const vnuJar = "node_modules/vnu-jar/build/dist/vnu.jar"

// vnuCommand returns the command line that runs the checker, or skips the
// test (fails it under requireToolsEnv) when Java or the jar is missing.
func vnuCommand(t *testing.T) []string {
	t.Helper()
	missing := ""
	if _, err := os.Stat(vnuJar); err != nil {
		missing = "internal/e2e/" + vnuJar + " (run: cd internal/e2e && npm ci --ignore-scripts)"
	} else if _, err := exec.LookPath("java"); err != nil {
		missing = "java (apt-get install default-jre-headless)"
	}
	if missing != "" {
		srctest.SkipOrFail(t, requireToolsEnv, "HTML validator: no %s", missing)
	}
	return []string{"java", "-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "json", "--stdout"}
}

// TestValidHTML runs the Nu HTML Checker once over the whole site, as built
// from the repository and as built with every setting of the portal
// (portalSite: a base_url, which adds the canonical and Open Graph tags,
// the footer's identity items, the notice's facts and links), and fails on
// any error. One run: Java's start-up costs more than checking every page.
func TestValidHTML(t *testing.T) {
	withBase := portalDir(t)
	for _, m := range runVnu(t, siteDir, withBase) {
		page := m.URL
		for _, dir := range []string{siteDir, withBase} {
			if rel, ok := strings.CutPrefix(strings.TrimPrefix(page, "file:"), filepath.ToSlash(dir)+"/"); ok {
				page = filepath.Base(dir) + ": " + rel
			}
		}
		t.Errorf("%s:%d: %s: %s\n\t%s", page, m.LastLine, m.Type, m.Message, m.Extract)
	}
}

// A vnuMessage is one error the Nu HTML Checker reports.
type vnuMessage struct {
	Type, SubType, URL, Message, Extract string
	LastLine                             int
}

// runVnu runs the Nu HTML Checker once over the given files and folders and
// returns its errors, but those it makes for lack of CSS it knows
// (vnuLags). It skips the test, or fails it, as vnuCommand does, and fails
// it when the checker ran but reported nothing it could read.
func runVnu(t *testing.T, paths ...string) []vnuMessage {
	t.Helper()
	args := vnuCommand(t)
	cmd := exec.Command(args[0], append(args[1:], paths...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	// vnu exits 1 when it finds errors: read its report either way.
	out, runErr := cmd.Output()
	var report struct{ Messages []vnuMessage }
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu: %v; its output: %v\n%s%s", runErr, err, out, stderr.String())
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu: %v\n%s", runErr, stderr.String())
	}
	var errs []vnuMessage
	for _, m := range report.Messages {
		if !vnuLags(m.Message) {
			errs = append(errs, m)
		}
	}
	return errs
}

// vnuLags reports whether a message of the checker is about CSS it has
// not learnt yet: container queries (CSS Containment Level 3, in every
// browser since 2023). It checks CSS only where a page carries it inline,
// the 404 page (render/anywhere.go), and would fail it for the style sheet
// every other page links.
func vnuLags(msg string) bool {
	return msg == "CSS: “container-type”: Property “container-type” doesn't exist." ||
		msg == "CSS: Unrecognized at-rule “@container”"
}

// buildWithBaseURL builds the repository's sources with base_url set and
// returns the site's folder.
func buildWithBaseURL(t *testing.T, url string) string {
	t.Helper()
	src := t.TempDir()
	for _, d := range []string{"content", "layouts", "assets"} {
		if err := os.CopyFS(filepath.Join(src, d), os.DirFS(filepath.Join("../..", d))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(src, "site.toml")
	const empty = `base_url = ""`
	if !strings.Contains(string(data), empty) {
		t.Fatalf("site.toml has no line %s", empty)
	}
	data = []byte(strings.Replace(string(data), empty, `base_url = "`+url+`"`, 1))
	if err := os.WriteFile(conf, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public-base-url")
	if _, err := build.Run(build.Options{Source: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}
