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
	if zr.Comment != zipComment {
		t.Errorf("the archive's comment is %q, want %q", zr.Comment, zipComment)
	}
}

func TestPackageSourceDateEpoch(t *testing.T) {
	site := buildTree(t, repo)
	for epoch, want := range map[string]time.Time{
		"1530489600": time.Date(2018, 7, 2, 0, 0, 0, 0, time.UTC),
		"0":          zipEpoch, // before 1980: a zip cannot say earlier
		"-86400":     zipEpoch,
		"4294967295": time.Date(2106, 2, 7, 6, 28, 15, 0, time.UTC), // the latest a zip can say
	} {
		t.Setenv("SOURCE_DATE_EPOCH", epoch)
		data := packageBytes(t, site, "site.zip")
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			// The MS-DOS date, which some unzip tools read alone, too.
			if dos := int(f.ModifiedDate>>9) + 1980; !f.Modified.Equal(want) || dos != want.Year() {
				t.Fatalf("SOURCE_DATE_EPOCH=%s: %s modified %v (MS-DOS year %d), want %v", epoch, f.Name, f.Modified, dos, want)
			}
		}
	}
	// Later than a zip can say: refused, never a date that wraps around.
	for epoch, want := range map[string]string{
		"yesterday":     `SOURCE_DATE_EPOCH="yesterday": expected a number of seconds since 1970`,
		"4294967296":    "SOURCE_DATE_EPOCH=4294967296: 2106-02-07 06:28:16 UTC is later than a zip can record (2106-02-07 06:28:15 UTC)",
		"5000000000":    "SOURCE_DATE_EPOCH=5000000000: 2128-06-11 08:53:20 UTC is later than a zip can record (2106-02-07 06:28:15 UTC)",
		"1530489600000": "SOURCE_DATE_EPOCH=1530489600000: 50469-04-14 00:00:00 UTC is later than a zip can record (2106-02-07 06:28:15 UTC); it counts seconds since 1970, not milliseconds",
	} {
		t.Setenv("SOURCE_DATE_EPOCH", epoch)
		file := filepath.Join(t.TempDir(), "site.zip")
		_, err := Package(site, file)
		if err == nil || err.Error() != want {
			t.Errorf("SOURCE_DATE_EPOCH=%s: error %v, want %s", epoch, err, want)
		}
		if _, err := os.Stat(file); err == nil {
			t.Errorf("SOURCE_DATE_EPOCH=%s: an archive was written", epoch)
		}
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
			"site.zip", "extra.txt is not listed in SHA256SUMS, so it is not part of the site as built: move it out of the site"},
		{"empty folder", func(d string) error { return os.Mkdir(filepath.Join(d, "empty"), 0o755) },
			"site.zip", "empty/ is a folder without a file that SHA256SUMS lists, so it is not part of the site as built: move it out of the site"},
		{"folder of unlisted files", func(d string) error {
			os.Mkdir(filepath.Join(d, "uploads"), 0o755)
			return os.WriteFile(filepath.Join(d, "uploads", "r.pdf"), []byte("x"), 0o644)
		}, "site.zip", "uploads/r.pdf is not listed in SHA256SUMS"},
		// A link inside the site passes the site check; the archive still
		// takes files only.
		{"link", func(d string) error { return os.Symlink("index.html", filepath.Join(d, "home.html")) },
			"site.zip", "home.html: not a regular file"},
		{"link out of the site", func(d string) error { return os.Symlink("/etc/passwd", filepath.Join(d, "passwd.txt")) },
			"site.zip", "passwd.txt: a symbolic link to /etc/passwd, outside the site"},
		{"missing file", func(d string) error {
			f, err := os.OpenFile(filepath.Join(d, "SHA256SUMS"), os.O_APPEND|os.O_WRONLY, 0)
			if err == nil {
				_, err = f.WriteString(strings.Repeat("0", 64) + "  gone.html\n")
				f.Close()
			}
			return err
		}, "site.zip", "gone.html is listed in SHA256SUMS but missing: rebuild the site"},
		{"no SHA256SUMS", func(d string) error { return os.Remove(filepath.Join(d, "SHA256SUMS")) },
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

// TestArchiveTargets: the archive is written only where nothing can be
// lost. Never over a source file or into a source folder (assets/ would
// publish it), never into the site, never over a file that is not an
// archive this program wrote; a missing folder is one clear line. A new
// file beside the sources (the README's "microsite package nansha3.zip")
// and the program's own archive are fine.
func TestArchiveTargets(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	src := sourceTree(t, nil)
	site := filepath.Join(src, "public")
	mustBuild(t, src, site)
	os.WriteFile(filepath.Join(src, "README.md"), []byte("# notes\n"), 0o644)
	os.Mkdir(filepath.Join(src, "docs"), 0o755)
	var other bytes.Buffer // a zip of someone else's
	zw := zip.NewWriter(&other)
	w, _ := zw.Create("report.txt")
	w.Write([]byte("quarterly report"))
	zw.Close()
	os.WriteFile(filepath.Join(src, "report.zip"), other.Bytes(), 0o644)
	os.Symlink("site.toml", filepath.Join(src, "toml.zip"))

	refused := []struct{ name, file, want string }{
		{"the sources' site.toml", "site.toml", "site.toml: the archive cannot replace the sources' site.toml (" + src + ")"},
		{"a measure", "content/measures/05.md", "content/measures/05.md: the archive cannot be written into the sources' content/ folder (" + filepath.Join(src, "content") + ")"},
		{"a new file in content", "content/site.zip", "the archive cannot be written into the sources' content/ folder"},
		{"a new file in assets", "assets/site.zip", "the archive cannot be written into the sources' assets/ folder"},
		{"a new file in layouts", "layouts/site.zip", "the archive cannot be written into the sources' layouts/ folder"},
		{"the site", "public/site.zip", "the archive cannot be written inside the site it archives"},
		{"a file of the source folder", "README.md", "refusing to replace README.md: it is not an archive this program wrote; move it away, or choose another name"},
		{"someone else's zip", "report.zip", "refusing to replace report.zip: it is not an archive this program wrote"},
		{"a folder", "docs", "docs is a folder: name the archive's file"},
		{"a link to site.toml", "toml.zip", "toml.zip: the archive cannot replace the sources' site.toml"},
		{"a missing folder", "nope/site.zip", "cannot write the archive nope/site.zip: the folder " + filepath.Join(src, "nope") + " does not exist"},
	}
	t.Chdir(src) // names as the user types them
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, src)
			_, err := Package("public", tt.file)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v\nwant one saying %q", err, tt.want)
			}
			if strings.Contains(err.Error(), ".new-") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: not one line naming the user's file", err)
			}
			sameSnapshot(t, "after a refused package", before, snapshot(t, src))
		})
	}

	t.Run("the program's own archives", func(t *testing.T) {
		if _, err := Package("public", "nansha3.zip"); err != nil {
			t.Fatal(err)
		}
		first, _ := os.ReadFile("nansha3.zip")
		if _, err := Package("public", "nansha3.zip"); err != nil {
			t.Fatalf("replacing its own archive: %v", err)
		}
		if again, _ := os.ReadFile("nansha3.zip"); !bytes.Equal(first, again) {
			t.Error("the same site gave another archive")
		}
		// Through a link, which stays.
		os.Mkdir("dist", 0o755)
		os.Rename("nansha3.zip", "dist/nansha3.zip")
		os.Symlink("dist/nansha3.zip", "latest.zip")
		// An archive of an earlier version, whose comment said more or else.
		var earlier bytes.Buffer
		zw := zip.NewWriter(&earlier)
		zw.SetComment(zipMark + "\nsome other words")
		zw.Close()
		os.WriteFile("dist/nansha3.zip", earlier.Bytes(), 0o644)
		if _, err := Package("public", "latest.zip"); err != nil {
			t.Fatalf("through a link to its own archive: %v", err)
		}
		if fi, err := os.Lstat("latest.zip"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("latest.zip is no longer a link")
		}
		if data, _ := os.ReadFile("dist/nansha3.zip"); len(data) == 0 {
			t.Error("the link's target is gone")
		}
		if left, _ := filepath.Glob(".*.new-*"); len(left) > 0 {
			t.Errorf("temporary files left: %q", left)
		}
	})
}
