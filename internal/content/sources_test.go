package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestLoadIgnoresLitter lays the files editors and systems leave beside a
// measure over the valid site: none of them is read.
func TestLoadIgnoresLitter(t *testing.T) {
	fsys := overlay(t, "testdata/valid").(fstest.MapFS)
	garbage := &fstest.MapFile{Data: []byte("\x00\x05\x16\x07Mac OS X litter, not front matter")}
	for _, name := range []string{".#02.md", "._02.md", ".hidden.md", "#02.md#", "02.md~", "02.md.swp", ".DS_Store"} {
		fsys["content/measures/"+name] = garbage
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Measures) != 3 {
		t.Errorf("loaded %d measures, want 3", len(s.Measures))
	}
}

// TestLoadBOM loads the valid site with every file saved with a byte order
// mark, as Notepad does: nothing changes, line numbers included.
func TestLoadBOM(t *testing.T) {
	fsys := overlay(t, "testdata/valid").(fstest.MapFS)
	for name, f := range fsys {
		fsys[name] = &fstest.MapFile{Data: append([]byte("\ufeff"), f.Data...)}
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if b := s.Measures[1].Body; b.Line != 9 || string(b.Text) != "第2項的實施內容。第二句。\n" {
		t.Errorf("measure 2's body %q at line %d, want its text at line 9", b.Text, b.Line)
	}
	if s.Title != "測試站點" {
		t.Errorf("title %q", s.Title)
	}
}

// deniedFS is fsys with one folder that cannot be read.
type deniedFS struct {
	fstest.MapFS
	dir string
}

func (d deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == d.dir {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadDir(name)
}

// TestLoadUnreadableFolder: a measures folder that cannot be read is said
// to be so, not to hold no measures.
func TestLoadUnreadableFolder(t *testing.T) {
	_, err := Load(deniedFS{overlay(t, "testdata/valid").(fstest.MapFS), MeasuresDir})
	want := "content/measures: cannot read the folder: permission denied"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// TestLoadUnreadableOnDisk is the same with a real folder (chmod 000),
// which only a user other than root is refused.
func TestLoadUnreadableOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a folder whatever its permissions")
	}
	dir := copyValid(t)
	measures := filepath.Join(dir, "content", "measures")
	if err := os.Chmod(measures, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(measures, 0o755)
	_, err := Load(os.DirFS(dir))
	if want := "content/measures: cannot read the folder: permission denied"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// copyValid copies testdata/valid into a new folder.
func copyValid(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/valid")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSettings checks base_url, the languages and icp_url: each wrong one
// is an error at its line in site.toml saying what was expected, never a
// value that reaches the pages and the sitemap.
func TestSettings(t *testing.T) {
	const baseWant = `: expected an absolute http(s) URL such as "https://www.example.gov.cn/nansha/", or ""`
	const icpWant = `: expected an absolute http(s) URL such as "https://beian.miit.gov.cn/", or ""`
	tests := []struct {
		name, edit string // edit: lines added after title
		err        string // the whole error; "" when it loads
		baseURL    string // what it loads as
	}{
		{"base_url", `base_url = "https://www.gz.gov.cn/nansha3"`, "", "https://www.gz.gov.cn/nansha3/"},
		{"base_url with a port and http", `base_url = "http://127.0.0.1:8080/a/"`, "", "http://127.0.0.1:8080/a/"},
		{"base_url percent-encoded", `base_url = "https://x.example/a%20b/"`, "", "https://x.example/a%20b/"},
		{"base_url with a space", `base_url = "https://x.example/a b/"`, `site.toml:2:1: base_url "https://x.example/a b/": it holds a space: percent-encode it (%20) or remove it` + baseWant, ""},
		{"base_url with credentials", `base_url = "https://user:pass@x.example/"`, `site.toml:2:1: base_url "https://user:pass@x.example/": it holds a user name or password (…@): a published address must not` + baseWant, ""},
		{"base_url with a quote", `base_url = 'https://x.example/"onmouseover="x'`, `site.toml:2:1: base_url "https://x.example/\"onmouseover=\"x": it holds '"', which an address cannot: percent-encode it or remove it` + baseWant, ""},
		{"base_url with markup", `base_url = "https://x.example/<script>/"`, `site.toml:2:1: base_url "https://x.example/<script>/": it holds '<', which an address cannot: percent-encode it or remove it` + baseWant, ""},
		{"base_url with a query", `base_url = "https://x.example/?a=1"`, `site.toml:2:1: base_url "https://x.example/?a=1": it has a query (?…): expected the address of the folder the site is published in` + baseWant, ""},
		{"base_url with a fragment", `base_url = "https://x.example/#top"`, `site.toml:2:1: base_url "https://x.example/#top": it has a fragment (#…): expected the address of the folder the site is published in` + baseWant, ""},
		{"base_url not http", `base_url = "javascript:alert(1)"`, `site.toml:2:1: base_url "javascript:alert(1)": it does not start with https:// or http://` + baseWant, ""},
		{"base_url without a host", `base_url = "https:///nansha/"`, `site.toml:2:1: base_url "https:///nansha/": host "": expected a host name of ASCII letters, digits, hyphens and dots` + baseWant, ""},
		{"base_url with one slash", `base_url = "https:/x.example/"`, `site.toml:2:1: base_url "https:/x.example/": expected // after https:` + baseWant, ""},
		{"base_url not ASCII", `base_url = "https://廣州.example/"`, `site.toml:2:1: base_url "https://廣州.example/": it holds '廣': write the host in its ASCII form (xn--…) and percent-encode the path` + baseWant, ""},
		{"base_url with a bad port", `base_url = "https://x.example:99999/"`, `site.toml:2:1: base_url "https://x.example:99999/": port 99999: expected 1 to 65535` + baseWant, ""},
		{"icp_url with a query", "[publisher]\nicp_url = \"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1\"", "", ""},
		{"icp_url script", "[publisher]\nicp_url = \"javascript:alert(1)\"", `site.toml:23:1: publisher: icp_url "javascript:alert(1)": it does not start with https:// or http://` + icpWant, ""},
		{"icp_url with a quote", "[publisher]\nicp_url = \"https://beian.miit.gov.cn/\\\"\"", `site.toml:23:1: publisher: icp_url "https://beian.miit.gov.cn/\"": it holds '"', which an address cannot: percent-encode it or remove it` + icpWant, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := overlay(t, "testdata/valid").(fstest.MapFS)
			src := string(fsys[SiteFile].Data)
			src = strings.Replace(src, "base_url = \"\"\n", "", 1)
			if strings.HasPrefix(tt.edit, "[") {
				src += "\n" + tt.edit + "\n" // a table, after the others
			} else {
				title, rest, _ := strings.Cut(src, "\n")
				src = title + "\n" + tt.edit + "\n" + rest
			}
			fsys[SiteFile] = &fstest.MapFile{Data: []byte(src)}
			s, err := Load(fsys)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("error %v, want none", err)
			case tt.err == "" && s.BaseURL != tt.baseURL:
				t.Errorf("base URL %q, want %q", s.BaseURL, tt.baseURL)
			case tt.err != "" && (err == nil || err.Error() != tt.err):
				t.Errorf("error\n got %v\nwant %s", err, tt.err)
			}
		})
	}
}

// TestLanguages checks the site's language and each edition's.
func TestLanguages(t *testing.T) {
	tests := []struct{ name, site, edition, err string }{
		{"valid", "zh-Hant", "zh-Hans", ""},
		{"case is free", "zh-hant", "ZH-HANS", ""},
		{"underscore", "zh_Hant", "zh-Hans", `site.toml:2:1: language "zh_Hant": not a well-formed tag: expected a BCP 47 language tag such as "zh-Hant"`},
		{"typo", "zh-Hnat", "zh-Hans", `site.toml:2:1: language "zh-Hnat": unknown subtag "Hnat": expected a BCP 47 language tag such as "zh-Hant"`},
		{"markup", `zh" onload="x`, "zh-Hans", `site.toml:2:1: language "zh\" onload=\"x": not a well-formed tag: expected a BCP 47 language tag such as "zh-Hant"`},
		{"edition", "zh-Hant", "zh-Hnas", `site.toml:11:1: editions: language "zh-Hnas": unknown subtag "Hnas": expected a BCP 47 language tag such as "zh-Hans"`},
		{"edition empty", "zh-Hant", "", `site.toml:9: editions: expected a language and a label`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := overlay(t, "testdata/valid").(fstest.MapFS)
			src := strings.Replace(string(fsys[SiteFile].Data), `language = "zh-Hant"`, `language = "`+strings.ReplaceAll(tt.site, `"`, `\"`)+`"`, 1)
			src = strings.Replace(src, "\n[[categories]]", `
[[editions]]          # the source, at the root
language = "`+strings.ReplaceAll(tt.site, `"`, `\"`)+`"
label = "繁體"

[[editions]] # a comment after a header
label = "简体"
language = "`+tt.edition+`"
path = "zh-hans"
convert = "t2s"

[[categories]]`, 1)
			fsys[SiteFile] = &fstest.MapFile{Data: []byte(src)}
			_, err := Load(fsys)
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || err.Error() != tt.err) {
				t.Errorf("error\n got %v\nwant %s", err, tt.err)
			}
		})
	}
}

// TestAddressLength checks that a base_url which would make some page's
// address longer than a sitemap allows (and a page's QR code is made for)
// is an error at its line, naming the longest address, and that one
// character less loads.
//
// With more measures than a page shows (site.PerPage), the longest address
// is that of a long list's last page, units/<slug>/page-N.html.
func TestAddressLength(t *testing.T) {
	t.Run("short lists", func(t *testing.T) {
		fsys := overlay(t, "testdata/valid").(fstest.MapFS)
		s, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		// The longest page path of the test site: a unit's page.
		longest := ""
		for _, u := range s.Units {
			if len(u.Path()) > len(longest) {
				longest = u.Path()
			}
		}
		testAddressLength(t, fsys, longest)
	})
	t.Run("a list in pages", func(t *testing.T) {
		fsys := overlay(t, "testdata/valid").(fstest.MapFS)
		first := string(fsys["content/measures/01.md"].Data)
		for n := 1; n <= 2*site.PerPage+1; n++ {
			text := strings.Replace(first, "number = 1\n", fmt.Sprintf("number = %d\n", n), 1)
			fsys[fmt.Sprintf("content/measures/%02d.md", n)] = &fstest.MapFile{Data: []byte(text)}
		}
		s, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		u := s.Measures[0].Units[0]
		if len(u.Measures) != 2*site.PerPage+1 {
			t.Fatalf("%s leads %d measures, want %d", u.Name, len(u.Measures), 2*site.PerPage+1)
		}
		testAddressLength(t, fsys, strings.TrimSuffix(u.Path(), ".html")+"/page-3.html")
	})
}

// testAddressLength sets base_url in the sources fsys so that the address
// of the page at longest is just short enough, then one character too
// long, and checks that only the second is an error, naming it.
func testAddressLength(t *testing.T, fsys fstest.MapFS, longest string) {
	src := string(fsys[SiteFile].Data)
	for _, tt := range []struct {
		name  string
		total int // the longest address
		err   bool
	}{
		{"at the limit", maxAddress, false},
		{"one over", maxAddress + 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			base := "https://x.example/" + strings.Repeat("a", tt.total-len(longest)-len("https://x.example//")) + "/"
			fsys[SiteFile] = &fstest.MapFile{Data: []byte(strings.Replace(src, `base_url = ""`, `base_url = "`+base+`"`, 1))}
			_, err := Load(fsys)
			want := fmt.Sprintf("site.toml:3:1: base_url is %d characters long: the address of %s would be %d, more than the 2047 that sitemaps allow and a page's QR code is made for: publish the site at a shorter address", len(base), longest, tt.total)
			switch {
			case !tt.err && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.err && (err == nil || err.Error() != want):
				t.Errorf("error\n got %v\nwant %s", err, want)
			}
		})
	}
}
