package content

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// repoWithSiteTOML returns the repository's sources with site.toml's
// [publisher] table replaced, and the line the replacement starts on.
func repoWithSiteTOML(t *testing.T, publisher string) (fstest.MapFS, int) {
	t.Helper()
	repo := os.DirFS("../..")
	fsys := fstest.MapFS{}
	err := fs.WalkDir(repo, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(repo, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := fs.ReadFile(repo, SiteFile)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(src), "[publisher]\n")
	if !ok {
		t.Fatal("site.toml has no [publisher] table")
	}
	_, after, _ := strings.Cut(rest, "\n\n")
	fsys[SiteFile] = &fstest.MapFile{Data: []byte(before + publisher + "\n" + after)}
	return fsys, strings.Count(before, "\n") + 1
}

func TestPublisher(t *testing.T) {
	tests := []struct {
		name  string
		table string
		want  site.Publisher
		err   string
	}{{
		name: "every key",
		table: `[publisher]
sponsor = "廣州市人民政府"
contact = "市政府辦公廳 020-00000000"
site_code = "0000000000"
icp = "粵ICP備00000000號"
icp_url = "https://beian.miit.gov.cn/"
police_reg = "粵公網安備 00000000000000號"
`,
		want: site.Publisher{Sponsor: "廣州市人民政府", Contact: "市政府辦公廳 020-00000000", SiteCode: "0000000000",
			ICP: "粵ICP備00000000號", ICPURL: "https://beian.miit.gov.cn/", PoliceReg: "粵公網安備 00000000000000號"},
	}, {
		name:  "no table",
		table: "",
		want:  site.Publisher{},
	}, {
		name:  "a key misspelt",
		table: "[publisher]\nsitecode = \"0000000000\"\n",
		err:   `site.toml:%d:1: unknown key "publisher.sitecode"`, // on the table's second line
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys, line := repoWithSiteTOML(t, tc.table)
			s, err := Load(fsys)
			if tc.err != "" {
				if want := fmt.Sprintf(tc.err, line+1); err == nil || err.Error() != want {
					t.Fatalf("error %v, want %s", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Publisher != tc.want {
				t.Errorf("got %+v\nwant %+v", s.Publisher, tc.want)
			}
		})
	}
}

// TestPortalMessagesInChosenLanguage: what a portal setting expects is said
// in the language chosen when the message is made, not in the one the
// program started in (English), which left half-English messages.
func TestPortalMessagesInChosenLanguage(t *testing.T) {
	l10n.Use(l10n.Chinese)
	t.Cleanup(func() { l10n.Use(l10n.English) })
	fsys, _ := repoWithSiteTOML(t, "[publisher]\nconac_mark = \"assets/site.css\"\nconac_url = \"https://bszs.conac.cn/\"\n")
	notice := string(fsys[NoticeFile].Data)
	fsys[NoticeFile] = &fstest.MapFile{Data: []byte(strings.Replace(notice, "+++\n", "+++\npublished = \"soon\"\n", 1))}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("no error")
	}
	for _, english := range []string{"an image", "a date such as"} {
		if strings.Contains(err.Error(), english) {
			t.Errorf("the Chinese message holds %q:\n%v", english, err)
		}
	}
	for _, chinese := range []string{"日期，如 2018-07-10", "conac_mark"} {
		if !strings.Contains(err.Error(), chinese) {
			t.Errorf("the message lacks %q:\n%v", chinese, err)
		}
	}
}
