package e2e

import (
	"archive/zip"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestPackageUnpacksAndBrowses does what a recipient of a USB copy does:
// unpack the zip, verify it with sha256sum, and browse it from file://,
// reaching every page by following links, with no console error.
func TestPackageUnpacksAndBrowses(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "nansha3.zip")
	if _, err := build.Package(siteDir, file); err != nil {
		t.Fatal(err)
	}
	unpacked := filepath.Join(dir, "unpacked")
	unzip(t, file, unpacked)
	root := filepath.Join(unpacked, "nansha3")

	if _, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command("sha256sum", "--check", "--strict", "--quiet", site.SumsPath)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c in the unpacked copy: %v\n%s", err, out)
		}
	}

	tab := browsertest.New(t)
	reached := crawl(t, tab, &url.URL{Scheme: "file", Path: filepath.ToSlash(root) + "/"})
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel := filepath.ToSlash(rel); path.Base(rel) != site.NotFoundPath && !reached[rel] {
			t.Errorf("%s cannot be reached by following links in the unpacked copy", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// unzip extracts an archive with the system's unzip when there is one (what
// a recipient uses), else with archive/zip.
func unzip(t *testing.T, file, dir string) {
	t.Helper()
	if _, err := exec.LookPath("unzip"); err == nil {
		if out, err := exec.Command("unzip", "-q", file, "-d", dir).CombinedOutput(); err != nil {
			t.Fatalf("unzip: %v\n%s", err, out)
		}
		return
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err == nil {
			err = os.WriteFile(p, data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
