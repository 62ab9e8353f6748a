package build

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// copyDir copies a built site so a test can damage the copy.
func copyDir(t *testing.T, dir string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func packageBytes(t *testing.T, dir, name string) []byte {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if _, err := Package(dir, file); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPackage(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	site := buildTree(t, repo)
	data := packageBytes(t, site, "nansha3.zip")

	// A second build and package, from a copy elsewhere: the same bytes.
	again := packageBytes(t, copyDir(t, buildTree(t, repo)), "nansha3.zip")
	if !bytes.Equal(data, again) {
		t.Error("two builds packaged into different archives")
	}

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, site)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(zipEpoch) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, zipEpoch)
		}
		if !asciiName(strings.ReplaceAll(f.Name, "/", "")) || f.NonUTF8 || f.Flags&0x800 != 0 {
			t.Errorf("%s: not a plain ASCII name", f.Name)
		}
		rel, ok := strings.CutPrefix(f.Name, "nansha3/")
		if !ok {
			t.Errorf("%s: not inside the folder nansha3/", f.Name)
			continue
		}
		if strings.HasSuffix(rel, "/") {
			if f.Mode() != os.ModeDir|0o755 {
				t.Errorf("%s: mode %v", f.Name, f.Mode())
			}
			continue
		}
		if f.Mode() != 0o644 {
			t.Errorf("%s: mode %v", f.Name, f.Mode())
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		want, ok := files[rel]
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: not the built file", f.Name)
		}
		delete(files, rel)
	}
	for name := range files {
		t.Errorf("%s is not in the archive", name)
	}
	if !slices.IsSorted(names) {
		t.Errorf("entries not sorted: %q", names)
	}
}

func TestPackageSourceDateEpoch(t *testing.T) {
	site := buildTree(t, repo)
	for epoch, want := range map[string]time.Time{
		"1530489600": time.Date(2018, 7, 2, 0, 0, 0, 0, time.UTC),
		"0":          zipEpoch, // before 1980: a zip cannot say earlier
	} {
		t.Setenv("SOURCE_DATE_EPOCH", epoch)
		data := packageBytes(t, site, "site.zip")
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if !f.Modified.Equal(want) {
				t.Fatalf("SOURCE_DATE_EPOCH=%s: %s modified %v, want %v", epoch, f.Name, f.Modified, want)
			}
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	_, err := Package(site, filepath.Join(t.TempDir(), "site.zip"))
	if want := `SOURCE_DATE_EPOCH="yesterday": expected a number of seconds since 1970`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestPackageRefuses damages copies of a built site: an archive is only
// made of a checked site whose files match SHA256SUMS.
func TestPackageRefuses(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	site := buildTree(t, repo)
	tests := []struct {
		name   string
		damage func(dir string) error
		file   string // the archive, relative to the site's parent
		want   string
	}{
		{"changed file", func(d string) error { return os.WriteFile(filepath.Join(d, "measures.csv"), []byte("x"), 0o644) },
			"site.zip", "measures.csv differs from its checksum in SHA256SUMS: rebuild the site"},
		{"unlisted file", func(d string) error { return os.WriteFile(filepath.Join(d, "extra.txt"), []byte("x"), 0o644) },
			"site.zip", "extra.txt is not listed in SHA256SUMS: rebuild the site"},
		{"missing file", func(d string) error {
			f, err := os.OpenFile(filepath.Join(d, SumsPath), os.O_APPEND|os.O_WRONLY, 0)
			if err == nil {
				_, err = f.WriteString(strings.Repeat("0", 64) + "  gone.html\n")
				f.Close()
			}
			return err
		}, "site.zip", "gone.html is listed in SHA256SUMS but missing: rebuild the site"},
		{"no SHA256SUMS", func(d string) error { return os.Remove(filepath.Join(d, SumsPath)) },
			"site.zip", "no SHA256SUMS: not a built site, or built by an older version: rebuild it"},
		{"non-ASCII name", func(d string) error { return os.WriteFile(filepath.Join(d, "說明.txt"), []byte("x"), 0o644) },
			"site.zip", "說明.txt: not an ASCII name; zip tools disagree on how other names are encoded: rename it"},
		{"site check fails", func(d string) error {
			return os.WriteFile(filepath.Join(d, "404.html"), []byte(`<html lang="zh"><title>x</title><meta name="description" content="d"><h1>x</h1><a href="gone.html">x</a>`), 0o644)
		}, "site.zip", "the built site fails the check, 1 problem(s):\n404.html: <a href=\"gone.html\">: no such file: gone.html"},
		{"archive inside the site", func(string) error { return nil }, "site/site.zip", "the archive cannot be written inside the site it archives"},
		{"non-ASCII archive name", func(string) error { return nil }, "南沙.zip", "name the archive in ASCII letters, digits, '-', '_' or '.': its name becomes the folder inside it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, site)
			if err := tt.damage(dir); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(filepath.Dir(dir), filepath.FromSlash(tt.file))
			_, err := Package(dir, file)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one saying %q", err, tt.want)
			}
			if _, err := os.Stat(file); err == nil {
				t.Error("an archive was written")
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".*.new-*")); len(left) > 0 {
				t.Errorf("temporary files left: %q", left)
			}
		})
	}
}
