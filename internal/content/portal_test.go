package content

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// validWith is the valid test site with files replaced or added.
func validWith(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	fsys := overlay(t, "testdata/valid").(fstest.MapFS)
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// withPublisher is the valid test site's site.toml with a [publisher]
// table on line 4, its first key on line 5.
func withPublisher(t *testing.T, fsys fstest.MapFS, keys string) string {
	t.Helper()
	src := string(fsys[SiteFile].Data)
	before, after, ok := strings.Cut(src, "\n\n")
	if !ok || strings.Count(before, "\n") != 2 {
		t.Fatalf("the valid site.toml does not start with three lines and a blank one:\n%s", src)
	}
	return before + "\n[publisher]\n" + keys + "\n" + after
}

// The files a setting may name, in the valid test site.
var portalFiles = map[string]string{
	"assets/dzjg.png":            "\x89PNG\r\n\x1a\n",
	"assets/notes.txt":           "text",
	"content/files/161.pdf":      "%PDF-1.4\n" + strings.Repeat("x", 2048),
	"content/files/161.docx":     "PK",
	"content/files/a b.pdf":      "%PDF",
	"content/files/old.pdf~":     "%PDF",
	"content/files/folder.pdf/x": "",
}

func TestPublisherSettings(t *testing.T) {
	tests := []struct {
		name string
		keys string // the [publisher] table's keys, from line 5
		err  string // the whole message, or "" for none
	}{
		{"every item", `sponsor = "廣州市人民政府"
organizer = "市政府辦公廳"
site_code = "4401000001"
police_reg = "粵公網安備 44010402000001號"
conac_mark = "assets/dzjg.png"
conac_url = "https://bszs.conac.cn/sitename?method=show&id=X"
contact_url = "https://www.gz.gov.cn/lxwm/"
statement_url = "https://www.gz.gov.cn/wzsm/"`, ""},
		{"a site code of letters and digits", `site_code = "bm07000001"`, ""},
		{"a site code of nine characters", `site_code = "440100001"`,
			`site.toml:5:1: publisher: site_code "440100001": expected the ten letters and digits of the 網站標識碼 as issued, such as "4401000001"`},
		{"a site code with markup", `site_code = "44010000\"><"`,
			`site.toml:5:1: publisher: site_code "44010000\"><": expected the ten letters and digits of the 網站標識碼 as issued, such as "4401000001"`},
		{"a public-security number without digits", `police_reg = "粵公網安備號"`,
			`site.toml:5:1: publisher: police_reg "粵公網安備號": no record number: expected the number as issued, such as "粵公網安備 44010402000001號", whose digits make its link`},
		{"the mark without its page", `conac_mark = "assets/dzjg.png"`,
			`site.toml:5:1: publisher: conac_mark without conac_url: the mark links to the site's certificate page; set both, or neither`},
		{"the page without its mark", `conac_url = "https://bszs.conac.cn/sitename?method=show&id=X"`,
			`site.toml:5:1: publisher: conac_url without conac_mark: set the mark's image too, or neither`},
		{"the mark outside assets", "conac_mark = \"../dzjg.png\"\nconac_url = \"https://bszs.conac.cn/\"",
			`site.toml:5:1: publisher: conac_mark "../dzjg.png": expected a file of the site's folder, by its path from there, such as assets/name.png`},
		{"the mark an absolute path", "conac_mark = \"/etc/dzjg.png\"\nconac_url = \"https://bszs.conac.cn/\"",
			`site.toml:5:1: publisher: conac_mark "/etc/dzjg.png": expected a file of the site's folder, by its path from there, such as assets/name.png`},
		{"the mark in content", "conac_mark = \"content/files/161.pdf\"\nconac_url = \"https://bszs.conac.cn/\"",
			`site.toml:5:1: publisher: conac_mark "content/files/161.pdf": not under assets/: expected an image (.png, .jpg, .gif, .svg, .webp) there, named by its path from the site's folder`},
		{"the mark by its name alone", "conac_mark = \"dzjg.png\"\nconac_url = \"https://bszs.conac.cn/\"",
			`site.toml:5:1: publisher: conac_mark "dzjg.png": not under assets/: expected an image (.png, .jpg, .gif, .svg, .webp) there, named by its path from the site's folder`},
		{"the mark not an image", "conac_mark = \"assets/notes.txt\"\nconac_url = \"https://bszs.conac.cn/\"",
			`site.toml:5:1: publisher: conac_mark "assets/notes.txt": expected an image (.png, .jpg, .gif, .svg, .webp)`},
		{"the mark missing", "conac_mark = \"assets/conac.png\"\nconac_url = \"https://bszs.conac.cn/\"",
			`site.toml:5:1: publisher: conac_mark "assets/conac.png": no such file: put it under assets/`},
		{"the mark's page a script", "conac_mark = \"assets/dzjg.png\"\nconac_url = \"javascript:alert(1)\"",
			`site.toml:6:1: publisher: conac_url "javascript:alert(1)": it does not start with https:// or http://: expected an absolute http(s) URL such as "https://bszs.conac.cn/sitename?method=show&id=…", or ""`},
		{"a contact page with a quote", `contact_url = "https://www.gz.gov.cn/\"onclick=\"x"`,
			`site.toml:5:1: publisher: contact_url "https://www.gz.gov.cn/\"onclick=\"x": it holds '"', which an address cannot: percent-encode it or remove it: expected an absolute http(s) URL such as "https://www.gz.gov.cn/…", or ""`},
		{"a statement page relative", `statement_url = "wzsm.html"`,
			`site.toml:5:1: publisher: statement_url "wzsm.html": it does not start with https:// or http://: expected an absolute http(s) URL such as "https://www.gz.gov.cn/…", or ""`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := validWith(t, portalFiles)
			fsys[SiteFile] = &fstest.MapFile{Data: []byte(withPublisher(t, fsys, tc.keys))}
			s, err := Load(fsys)
			switch {
			case tc.err == "" && err != nil:
				t.Fatal(err)
			case tc.err != "" && (err == nil || err.Error() != tc.err):
				t.Fatalf("error:\n%v\nwant:\n%s", err, tc.err)
			case tc.err == "" && s.Publisher.Sponsor == "" && s.Publisher.SiteCode == "":
				t.Errorf("publisher not loaded: %+v", s.Publisher)
			}
		})
	}
}

func TestColumnType(t *testing.T) {
	fsys := validWith(t, nil)
	fsys[SiteFile].Data = []byte(strings.Replace(string(fsys[SiteFile].Data), "base_url = \"\"\n", "base_url = \"\"\ncolumn_type = \"政策文件\"\n", 1))
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if s.ColumnType != "政策文件" {
		t.Errorf("ColumnType = %q", s.ColumnType)
	}
}

// noticeWith is the valid test site's notice with lines added at the end of
// its front matter, from line 8.
func noticeWith(t *testing.T, fsys fstest.MapFS, lines string) string {
	t.Helper()
	src := string(fsys[NoticeFile].Data)
	front, body, ok := strings.Cut(strings.TrimPrefix(src, "+++\n"), "\n+++\n")
	if !ok || strings.Count(front, "\n") != 5 {
		t.Fatalf("the valid notice's front matter is not six lines:\n%s", src)
	}
	return "+++\n" + front + "\n" + lines + "\n+++\n" + body
}

func TestNoticeFacts(t *testing.T) {
	clock := time.Date(2018, 7, 10, 16, 30, 0, 0, time.Local)
	tests := []struct {
		name  string
		lines string // from line 8
		err   string
		check func(t *testing.T, n *site.Notice)
	}{
		{"none", "", "", func(t *testing.T, n *site.Notice) {
			if !n.Published.IsZero() || n.Index != "" || n.Topic != "" || n.Validity != "" || n.Originals != nil {
				t.Errorf("facts set: %+v", n)
			}
			if !n.PubTime().Equal(n.Date) {
				t.Errorf("PubTime = %v, want the notice's date", n.PubTime())
			}
		}},
		{"every fact", "published = 2018-07-10\nindex = \"000014349/2018-00110\"\ntopic = \"綜合政務\\\\政務公開\"\nvalidity = \"有效\"", "",
			func(t *testing.T, n *site.Notice) {
				if n.Published.Format("2006-01-02") != "2018-07-10" || n.Published.HasClock || n.PublishedText() != "2018年7月10日" {
					t.Errorf("published = %v (%v)", n.Published, n.PublishedText())
				}
				if n.Index != "000014349/2018-00110" || n.Topic != `綜合政務\政務公開` || n.Validity != "有效" {
					t.Errorf("facts: %q %q %q", n.Index, n.Topic, n.Validity)
				}
			}},
		{"a date and time", "published = 2018-07-10 16:30:00", "", func(t *testing.T, n *site.Notice) {
			if !n.Published.HasClock || n.PubTime().Format("2006-01-02 15:04") != clock.Format("2006-01-02 15:04") {
				t.Errorf("published = %v", n.Published)
			}
		}},
		{"empty facts are none", "index = \"\"\ntopic = \" \"\nvalidity = \"\"", "", func(t *testing.T, n *site.Notice) {
			if n.Index != "" || n.Topic != "" || n.Validity != "" {
				t.Errorf("facts: %q %q %q", n.Index, n.Topic, n.Validity)
			}
		}},
		{"a date as a string", `published = "2018-07-10"`,
			`content/notice.md:8:1: published: expected a date such as 2018-07-10, or a date and time such as 2018-07-10 16:30:00, got a string`, nil},
		{"a date that is none", `published = 2018-02-30`, `content/notice.md:8:13: TOML syntax error: invalid datetime: "2018-02-30"`, nil},
		{"a time without a date", `published = 16:30:00`,
			`content/notice.md:8:1: published: a time without a date: expected a date such as 2018-07-10, or a date and time such as 2018-07-10 16:30:00`, nil},
		{"an index number of another shape", `index = "161號"`,
			`content/notice.md:8:1: index "161號": expected a 索引號 as the portal gives it: the body's code, "/", the year, "-" and a number, such as "000014349/2017-00110"`, nil},
		{"an unknown validity", `validity = "有效期五年"`, `content/notice.md:8:1: validity "有效期五年": expected one of 有效, 失效, 廢止, 废止`, nil},
		{"a topic on two lines", `topic = "綜合政務\n政務公開"`, `content/notice.md:8:1: topic: a line break: expected the value on one line`, nil},
		{"a misspelt key", `publised = 2018-07-10`,
			`content/notice.md:8:1: unknown key "publised": expected one of number, title, addressees, issuer, date, attachment, published, index, topic, validity, interpretations, related, originals`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkNoticeWith(t, tc.lines, tc.err, tc.check) })
	}
}

func TestNoticeLinks(t *testing.T) {
	tests := []struct {
		name  string
		lines string // from line 8
		err   string
		check func(t *testing.T, n *site.Notice)
	}{
		{"every kind", `originals = ["content/files/161.pdf", "content/files/161.docx"]

[[interpretations]]
title = "一圖讀懂"
url = "https://www.gz.gov.cn/zcjd/1.html"

[[related]]
title = "第二批"
file = "content/files/161.pdf"`, "", func(t *testing.T, n *site.Notice) {
			if len(n.Originals) != 2 || n.Originals[0].Size != 2057 || n.Originals[0].Format() != "PDF" || n.Originals[1].Format() != "Word" ||
				n.Originals[0].Title != n.Number || n.Originals[0].SizeText() != "3 KB" {
				t.Errorf("originals: %+v %+v", n.Originals[0], n.Originals[1])
			}
			if len(n.Interpretations) != 1 || n.Interpretations[0].URL != "https://www.gz.gov.cn/zcjd/1.html" || n.Interpretations[0].Title != "一圖讀懂" {
				t.Errorf("interpretations: %+v", n.Interpretations)
			}
			if len(n.Related) != 1 || n.Related[0].File != "content/files/161.pdf" || n.Related[0].Pos.Line != 14 {
				t.Errorf("related: %+v", n.Related)
			}
		}},
		{"a link without a title", "[[related]]\nurl = \"https://www.gz.gov.cn/\"",
			`content/notice.md:8: related: missing key "title": the words the link shows`, nil},
		{"a link to nothing", "[[related]]\ntitle = \"第二批\"",
			`content/notice.md:8: related: expected url (an address outside the site) or file (a file of the site, under content/files/ or assets/)`, nil},
		{"a link to both", "[[related]]\ntitle = \"第二批\"\nurl = \"https://www.gz.gov.cn/\"\nfile = \"content/files/161.pdf\"",
			`content/notice.md:11:1: related: both url and file: expected one of them`, nil},
		{"a script for an address", "[[interpretations]]\ntitle = \"解讀\"\nurl = \"javascript:alert(1)\"",
			`content/notice.md:10:1: interpretations: url "javascript:alert(1)": it does not start with https:// or http://: expected an absolute http(s) URL such as "https://www.gz.gov.cn/…"`, nil},
		{"a file outside the site", "[[related]]\ntitle = \"第二批\"\nfile = \"../../etc/passwd.pdf\"",
			`content/notice.md:10:1: related: file "../../etc/passwd.pdf": expected a file of the site's folder, by its path from there, such as content/files/name.pdf`, nil},
		{"a file of the sources that is none of the site's", "[[related]]\ntitle = \"第二批\"\nfile = \"site.toml\"",
			`content/notice.md:10:1: related: file "site.toml": not under content/files/ or assets/: expected a document (.doc, .docx, .et, .ofd, .pdf, .wps, .xls, .xlsx) there, named by its path from the site's folder`, nil},
		{"a file that is missing", "[[related]]\ntitle = \"第二批\"\nfile = \"content/files/160.pdf\"",
			`content/notice.md:10:1: related: file "content/files/160.pdf": no such file: put it under content/files/ or assets/`, nil},
		{"a file that is no document", `originals = ["assets/notes.txt"]`,
			`content/notice.md:8:1: originals: "assets/notes.txt": expected a document (.doc, .docx, .et, .ofd, .pdf, .wps, .xls, .xlsx)`, nil},
		{"a file with a space in its name", `originals = ["content/files/a b.pdf"]`,
			`content/notice.md:8:1: originals: "content/files/a b.pdf": "a b.pdf": the name becomes part of the file's address: use ASCII letters, digits, "-", "_" and "."`, nil},
		{"a folder", `originals = ["content/files/folder.pdf"]`,
			`content/notice.md:8:1: originals: "content/files/folder.pdf": a folder, not a file`, nil},
		{"a backslash", `originals = ["content\\files\\161.pdf"]`,
			`content/notice.md:8:1: originals: "content\\files\\161.pdf": expected "/" between folders, not "\"`, nil},
		{"an unknown key in a link", "[[related]]\ntitle = \"第二批\"\nhref = \"https://www.gz.gov.cn/\"",
			"content/notice.md:8: related: expected url (an address outside the site) or file (a file of the site, under content/files/ or assets/)\n" +
				`content/notice.md:10:1: unknown key "related.href"`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkNoticeWith(t, tc.lines, tc.err, tc.check) })
	}
}

// checkNoticeWith loads the sources with the portal's files and lines added
// to the notice's front matter, and checks that the load fails with err, or,
// when err is "", passes check.
func checkNoticeWith(t *testing.T, lines, err string, check func(*testing.T, *site.Notice)) {
	t.Helper()
	fsys := validWith(t, portalFiles)
	fsys[NoticeFile] = &fstest.MapFile{Data: []byte(noticeWith(t, fsys, lines))}
	s, loadErr := Load(fsys)
	if err != "" {
		if loadErr == nil || loadErr.Error() != err {
			t.Fatalf("error:\n%v\nwant:\n%s", loadErr, err)
		}
		return
	}
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	check(t, &s.Notice)
}

// readmeSection is the text of README's section under heading, to the next
// section of its level.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	return section
}

// TestREADMEListsPortalSettings: README's "Metadata for the portal" names
// every setting of the portal, so that an editor finds each there.
func TestREADMEListsPortalSettings(t *testing.T) {
	section := readmeSection(t, "## Metadata for the portal")
	keys := []string{"column_type"}
	pub := reflect.TypeFor[site.Publisher]()
	for i := range pub.NumField() {
		keys = append(keys, pub.Field(i).Tag.Get("toml"))
	}
	for _, f := range noticeFields(&noticeExtra{}) {
		keys = append(keys, f.key)
	}
	for _, k := range keys {
		if !strings.Contains(section, "`"+k+"`") && !strings.Contains(section, "\n"+k+" = ") && !strings.Contains(section, "[["+k+"]]") {
			t.Errorf("README's Metadata for the portal does not name %s", k)
		}
	}
}
