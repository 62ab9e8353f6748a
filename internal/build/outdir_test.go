package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// snapshot describes every entry under dir (folders, links and files with
// their bytes' hash and mode), to show that a refused build touched nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			snap[rel] = "folder " + info.Mode().String()
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			snap[rel] = "link to " + target
			return err
		default:
			data, err := os.ReadFile(p)
			sum := sha256.Sum256(data)
			snap[rel] = fmt.Sprintf("file %v %x %v", info.Mode(), sum, info.ModTime())
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// sameSnapshot reports how two snapshots differ.
func sameSnapshot(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(before)) {
		if after[p] != before[p] {
			t.Errorf("%s: %s was %q, is %q", what, p, before[p], after[p])
		}
	}
	for _, p := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[p]; !ok {
			t.Errorf("%s: %s appeared (%s)", what, p, after[p])
		}
	}
}

// wholeSite checks that dir is one whole built site: every file its
// SHA256SUMS lists, with those bytes, and nothing else. It returns the
// SHA256SUMS, which tells the site apart from another.
func wholeSite(t *testing.T, dir string) []byte {
	t.Helper()
	files := readTree(t, dir)
	sums, ok := files[site.SumsPath]
	if !ok {
		t.Fatalf("%s: no %s", dir, site.SumsPath)
	}
	delete(files, site.SumsPath)
	for _, line := range strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n") {
		want, name, _ := strings.Cut(line, "  ")
		data, ok := files[name]
		if !ok {
			t.Errorf("%s: %s is missing", dir, name)
			continue
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want {
			t.Errorf("%s: %s differs from its checksum", dir, name)
		}
		delete(files, name)
	}
	for name := range files {
		t.Errorf("%s: %s is not listed in %s", dir, name, site.SumsPath)
	}
	return sums
}

// siblings lists the names in the folder that holds dir.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestOutputFolderReplacedOnlyWhenRecorded: a build replaces an output
// folder only when it is missing, empty, or holds nothing but what a build
// wrote, as its SHA256SUMS lists it. Anything else (a web root with an
// uploads/ folder, a built site with a file added or a page edited by
// hand) is refused, naming what would be lost, and nothing is touched.
func TestOutputFolderReplacedOnlyWhenRecorded(t *testing.T) {
	src := sourceTree(t, nil)
	built := buildTree(t, src)
	write := func(name, data string) func(t *testing.T, out string) {
		return func(t *testing.T, out string) {
			p := filepath.Join(out, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		built bool                           // start from a copy of a built site
		setup func(t *testing.T, out string) // then change it
		want  string                         // the error; "" when the build replaces the folder
	}{
		{name: "missing", setup: func(t *testing.T, out string) { os.Remove(out) }},
		{name: "empty", setup: func(*testing.T, string) {}},
		{name: "built", built: true, setup: func(*testing.T, string) {}},
		{name: "built, a listed file removed", built: true, setup: func(t *testing.T, out string) { os.Remove(filepath.Join(out, "measures.csv")) }},
		{name: "a web root with uploads", setup: func(t *testing.T, out string) {
			write("index.html", "x")(t, out)
			write("uploads/r.pdf", "keep")(t, out)
		}, want: "it has no SHA256SUMS, so no build of this program wrote it, and it holds 2 files: index.html, uploads/r.pdf; replacing the folder would lose them"},
		{name: "a folder of other files", setup: write("thesis.txt", "precious"),
			want: "it has no SHA256SUMS, so no build of this program wrote it, and it holds 1 file: thesis.txt"},
		{name: "many files", setup: func(t *testing.T, out string) {
			for i := range 12 {
				write(fmt.Sprintf("photos/%02d.jpg", i), "jpeg")(t, out)
			}
		}, want: "it holds 12 files: photos/00.jpg, photos/01.jpg, photos/02.jpg, photos/03.jpg, photos/04.jpg and 7 more;"},
		{name: "a huge folder", setup: func(t *testing.T, out string) {
			for i := range 12 {
				write(fmt.Sprintf("lib/%02d.so", i), "elf")(t, out)
			}
		}, want: "it holds more than 10 files: lib/00.so, lib/01.so, lib/02.so, lib/03.so, lib/04.so and more;"},
		{name: "built, an upload added", built: true, setup: write("uploads/r.pdf", "keep"),
			want: "it holds 1 file that its SHA256SUMS does not list: uploads/r.pdf; replacing the folder would lose them"},
		{name: "built, a file added beside a page", built: true, setup: write("measures/notes.txt", "mine"),
			want: "it holds 1 file that its SHA256SUMS does not list: measures/notes.txt"},
		{name: "built, an empty folder added", built: true, setup: func(t *testing.T, out string) { os.Mkdir(filepath.Join(out, "uploads"), 0o755) },
			want: "it holds 1 file that its SHA256SUMS does not list: uploads/"},
		{name: "built, a link added", built: true, setup: func(t *testing.T, out string) { os.Symlink("/etc", filepath.Join(out, "etc")) },
			want: "it holds 1 file that its SHA256SUMS does not list: etc;"},
		{name: "built, a page edited by hand", built: true, setup: write("index.html", "<p>our own home page</p>"),
			want: "it holds 1 file changed since the build (no longer as its SHA256SUMS lists it): index.html; replacing the folder would lose them"},
		{name: "built, a page edited and its time set back", built: true, setup: func(t *testing.T, out string) {
			write("measures/03.html", "edited")(t, out)
			os.Chtimes(filepath.Join(out, "measures/03.html"), old, old)
		}, want: "1 file changed since the build (no longer as its SHA256SUMS lists it): measures/03.html"},
		{name: "built, a page moved in from elsewhere", built: true, setup: func(t *testing.T, out string) {
			mine := filepath.Join(t.TempDir(), "mine.html")
			write("", "kept elsewhere since 2000")(t, mine)
			os.Chtimes(mine, old, old)
			if err := os.Rename(mine, filepath.Join(out, "404.html")); err != nil {
				t.Fatal(err)
			}
		}, want: "1 file changed since the build (no longer as its SHA256SUMS lists it): 404.html"},
		{name: "built, an upload and an edit", built: true, setup: func(t *testing.T, out string) {
			write("uploads/r.pdf", "keep")(t, out)
			write("index.html", "mine")(t, out)
		}, want: "it holds 1 file that its SHA256SUMS does not list: uploads/r.pdf; and 1 file changed since the build (no longer as its SHA256SUMS lists it): index.html"},
		{name: "a SHA256SUMS made by hand", setup: func(t *testing.T, out string) {
			write("b.html", "b")(t, out)
			write("a.html", "a")(t, out)
			sums := ""
			for _, n := range []string{"b.html", "a.html"} { // not in the build's order
				sum := sha256.Sum256([]byte(n[:1]))
				sums += hex.EncodeToString(sum[:]) + "  " + n + "\n"
			}
			write(site.SumsPath, sums)(t, out)
		}, want: "its SHA256SUMS was not written by this program (its lines are not as a build writes them), and it holds 3 files: SHA256SUMS, a.html, b.html"},
		{name: "a SHA256SUMS that is no list", built: true, setup: write(site.SumsPath, "all files are fine\n"),
			want: "its SHA256SUMS was not written by this program (SHA256SUMS:1: expected \"<sha256>  <path>\")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "a huge folder" {
				defer func(n int) { maxListed = n }(maxListed)
				maxListed = 10
			}
			out := filepath.Join(t.TempDir(), "www")
			if tt.built {
				if err := os.CopyFS(out, os.DirFS(built)); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, out)
			parent := snapshot(t, filepath.Dir(out))
			_, err := Run(Options{Source: src, Out: out})
			if tt.want == "" {
				if err != nil {
					t.Fatalf("build: %v", err)
				}
				wholeSite(t, out)
				if names := siblings(t, out); !slices.Equal(names, []string{"www"}) {
					t.Errorf("beside the site: %q, want www alone", names)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "refusing output directory "+out+": ") {
				t.Fatalf("error = %v\nwant it to say %q", err, tt.want)
			}
			sameSnapshot(t, "after a refused build", parent, snapshot(t, filepath.Dir(out)))
		})
	}
}

// TestRebuildOfTouchedSite: a site whose files all changed status after
// its SHA256SUMS was written (a copy, chmod, touch) is read and hashed, and
// replaced when its bytes are as built.
func TestRebuildOfTouchedSite(t *testing.T) {
	src := sourceTree(t, nil)
	out := buildTree(t, src)
	before := wholeSite(t, out)
	later := time.Now().Add(time.Hour)
	for name := range readTree(t, out) {
		if name != site.SumsPath {
			if err := os.Chtimes(filepath.Join(out, filepath.FromSlash(name)), later, later); err != nil {
				t.Fatal(err)
			}
		}
	}
	mustBuild(t, src, out)
	if !bytes.Equal(wholeSite(t, out), before) {
		t.Error("the rebuilt site differs")
	}
}

// TestLinkedOutputFolder: an output folder that is a link (public ->
// /var/www/site) stays a link; the site replaces the folder it points to,
// which may not exist yet. A link to the sources is refused like the
// sources themselves.
func TestLinkedOutputFolder(t *testing.T) {
	src := sourceTree(t, nil)
	www := t.TempDir()
	target := filepath.Join(www, "site")
	out := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(target, out); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, src, out) // into a target that does not exist yet
	first := wholeSite(t, target)

	m := filepath.Join(src, "content/measures/03.md")
	data, _ := os.ReadFile(m)
	os.WriteFile(m, append(data, "\n補充一句。\n"...), 0o644)
	mustBuild(t, src, out)

	if link, err := os.Readlink(out); err != nil || link != target {
		t.Fatalf("public is no longer the link to %s: %q, %v", target, link, err)
	}
	if second := wholeSite(t, target); bytes.Equal(first, second) {
		t.Error("the link's target still holds the first site")
	}
	if names := siblings(t, target); !slices.Equal(names, []string{"site"}) {
		t.Errorf("beside the link's target: %q, want site alone", names)
	}

	for _, tt := range []struct{ name, to, want string }{
		{"to the sources", src, "(a link to " + src + "): it is the source directory"},
		{"to the content", filepath.Join(src, "content"), "it is inside the sources' content/ folder"},
		{"to a file", filepath.Join(src, "site.toml"), "it is a file, not a folder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			link := filepath.Join(t.TempDir(), "public")
			if err := os.Symlink(tt.to, link); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, src)
			_, err := Run(Options{Source: src, Out: link})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to say %q", err, tt.want)
			}
			sameSnapshot(t, "the sources", before, snapshot(t, src))
		})
	}
}
