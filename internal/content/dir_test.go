package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDir reads a source tree holding symbolic links: one that stays in
// the tree is followed, one that leaves it is refused with its name, read
// as a file, through a folder, as site.toml or in a folder listing.
func TestDir(t *testing.T) {
	dir := copyValid(t)
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"assets/passwd.css":          secret,
		"assets/up.css":              "../../" + filepath.Base(outside) + "/passwd",
		"assets/etc":                 outside,
		"content/measures/inside.md": "01.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if data, err := fs.ReadFile(d, "content/measures/inside.md"); err != nil || !strings.Contains(string(data), "number = 1") {
		t.Errorf("a link inside the tree: %q, %v", data, err)
	}
	for _, tt := range []struct{ name, file string }{
		{"assets/passwd.css", "assets/passwd.css"},
		{"assets/up.css", "assets/up.css"},
		{"assets/etc/passwd", "assets/etc"},
	} {
		_, err := fs.ReadFile(d, tt.name)
		var le *LinkError
		if !errors.As(err, &le) {
			t.Errorf("%s: got %v, want a LinkError", tt.name, err)
			continue
		}
		want := tt.file + ": a symbolic link to " + secret + ", outside the source folder: not read (copy it into the source folder instead)"
		if tt.file == "assets/etc" {
			want = strings.Replace(want, secret, outside, 1)
		}
		if got := FileError(tt.name, err).Error(); got != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, want)
		}
	}

	// site.toml itself; the rest of the sources are loaded anyway, and
	// inside.md is not named after its number.
	os.Remove(filepath.Join(dir, "content/measures/inside.md"))
	os.Remove(filepath.Join(dir, SiteFile))
	if err := os.Symlink(secret, filepath.Join(dir, SiteFile)); err != nil {
		t.Fatal(err)
	}
	_, err = Load(d)
	if want := "site.toml: a symbolic link to " + secret + ", outside the source folder: not read (copy it into the source folder instead)"; err == nil || err.Error() != want {
		t.Errorf("site.toml linked outside:\n got %v\nwant %s", err, want)
	}
}
