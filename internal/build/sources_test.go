package build

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// TestSymlinksLeavingSources links a file of each kind of source to a file
// outside the sources: the build refuses it, naming the link, and nothing
// from outside is published. A link that stays inside is followed.
func TestSymlinksLeavingSources(t *testing.T) {
	const secret = "root:x:0:0:secret outside the sources"
	for _, name := range []string{"assets/passwd.css", "assets/img/passwd.svg", "content/measures/05.md", "layouts/404.html", "layouts/strings.toml", "site.toml"} {
		t.Run(name, func(t *testing.T) {
			src := sourceTree(t, nil)
			outside := filepath.Join(t.TempDir(), "outside")
			link := filepath.Join(src, filepath.FromSlash(name))
			// The file outside is the source's own, with a secret in a
			// comment or text, so that it would build without a word.
			data, _ := os.ReadFile(link)
			data = append(data, []byte("\n<!-- "+secret+" -->\n")...)
			if strings.HasSuffix(name, ".toml") {
				data = append(data, []byte("# "+secret+"\n")...)
			}
			if err := os.WriteFile(outside, data, 0o644); err != nil {
				t.Fatal(err)
			}
			os.MkdirAll(filepath.Dir(link), 0o755)
			os.Remove(link)
			if err := os.Symlink(outside, link); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			_, err := Run(Options{Source: src, Out: out})
			want := name + ": a symbolic link to " + outside + ", outside the source folder: not read (copy it into the source folder instead)"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("got %v\nwant %s", err, want)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the failed build left %s", out)
			}
		})
	}
	t.Run("the measures folder", func(t *testing.T) {
		src := sourceTree(t, nil)
		measures := filepath.Join(src, "content", "measures")
		outside := filepath.Join(t.TempDir(), "measures")
		if err := os.Rename(measures, outside); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, measures); err != nil {
			t.Fatal(err)
		}
		_, err := Run(Options{Source: src, Out: filepath.Join(t.TempDir(), "public")})
		want := "content/measures: a symbolic link to " + outside + ", outside the source folder: not read (copy it into the source folder instead)"
		if err == nil || err.Error() != want {
			t.Fatalf("got %v\nwant %s", err, want)
		}
	})
	t.Run("inside", func(t *testing.T) {
		src := sourceTree(t, nil)
		if err := os.Symlink("site.css", filepath.Join(src, "assets", "linked.css")); err != nil {
			t.Fatal(err)
		}
		files := readTree(t, buildTree(t, src))
		found := false
		for p, data := range files {
			if strings.HasPrefix(p, "assets/linked.") {
				found = bytes.Equal(data, files[strings.Replace(p, "linked", "site", 1)])
			}
		}
		if !found {
			t.Error("a link to a file inside the sources was not published as that file")
		}
	})
}

// TestLitterIgnored leaves the files of editors and systems among the
// sources: the build is the same, byte for byte, as without them.
func TestLitterIgnored(t *testing.T) {
	src := sourceTree(t, nil)
	clean := readTree(t, buildTree(t, src))
	litter := map[string]string{
		"content/measures/._05.md":     "\x00\x05\x16\x07Mac OS X        \x00\x02",
		"content/measures/.hidden.md":  "not a measure",
		"content/measures/#05.md#":     "+++\nnumber = 5\n",
		"content/measures/05.md~":      "+++\nnumber = 5\n",
		"content/measures/05.md.swp":   "b0VIM 9.0",
		"content/.DS_Store":            "\x00\x00\x00\x01Bud1",
		"layouts/base.html~":           "{{ broken",
		"layouts/.base.html.swo":       "{{ broken",
		"assets/site.css~":             "}}} @@@ {{{",
		"assets/site.css.bak":          "old",
		"assets/search.js.tmp":         "half a save",
		"assets/.DS_Store":             "\x00\x00\x00\x01Bud1",
		"assets/Thumbs.db":             "\xd0\xcf\x11\xe0",
		"assets/.git/config":           "[core]\n",
		"assets/~$notes.docx":          "lock",
		"assets/img/.#favicon.svg.bak": "x",
	}
	for name, data := range litter {
		p := filepath.Join(src, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Emacs's lock file is a dangling symbolic link.
	if err := os.Symlink("editor@host.1234:1700000000", filepath.Join(src, "content", "measures", ".#05.md")); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, "with litter", readTree(t, buildTree(t, src)), clean)
}

// TestBrokenAssets appends garbage to the style sheet and a script: the
// build refuses each at its line and column, in the same run as a content
// error.
func TestBrokenAssets(t *testing.T) {
	src := sourceTree(t, nil)
	css, _ := os.ReadFile(filepath.Join(src, "assets", "site.css"))
	js, _ := os.ReadFile(filepath.Join(src, "assets", "search.js"))
	cssLine, jsLine := bytes.Count(css, []byte("\n"))+1, bytes.Count(js, []byte("\n"))+1
	edit(t, src, "assets/site.css", func(s string) string { return s + "}}} @@@ {{{\n" })
	edit(t, src, "assets/search.js", func(s string) string { return s + "const 名 = ;\n" })
	edit(t, src, "content/measures/05.md", func(s string) string { return s + "\x00" })
	_, err := Run(Options{Source: src, Out: filepath.Join(t.TempDir(), "public")})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want a diag.List", err)
	}
	want := []string{
		"assets/search.js:" + strconv.Itoa(jsLine) + ":11: does not parse as JavaScript: unexpected ; in expression",
		"assets/site.css:" + strconv.Itoa(cssLine) + ":2: does not parse as CSS: unexpected ending in qualified rule",
		"content/measures/05.md:",
	}
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(list[i].Error(), w) {
			t.Errorf("error %d:\n got %s\nwant %s…", i, list[i], w)
		}
	}
}
