package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/corpus"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// The real content leaves the portal's optional settings empty: only the
// portal can give them. portalSite builds the repository's sources with
// every one of them set — base_url, the identity items of [publisher], the
// 黨政機關 mark, the notice's 索引號, 主題分類, 發布日期 and 有效性, and
// related links to a PDF, a Word file and a page outside — to test fixtures
// that say what they are (zeros, "測試"), so that the pages they change are
// checked as the portal will publish them.
var portalSite = sync.OnceValues(func() (string, error) {
	src, err := os.MkdirTemp(filepath.Dir(siteDir), "portal-src-*")
	if err != nil {
		return "", err
	}
	if err := corpus.CopyParts(src, "../..", srctest.Parts...); err != nil {
		return "", err
	}
	edits := map[string][][2]string{
		"site.toml": {
			{`base_url = ""`, `base_url = "https://www.gz.gov.cn/nansha3/"`},
			{`organizer = ""`, `organizer = "測試承辦單位"`},
			{`contact = ""`, `contact = "測試聯繫方式 020-00000000"`},
			{`site_code = ""`, `site_code = "0000000000"`},
			{`icp = ""`, `icp = "粵ICP備00000000號"`},
			{`police_reg = ""`, `police_reg = "粵公網安備 00000000000000號"`},
			{`conac_mark = ""`, `conac_mark = "assets/test-conac-mark.png"`},
			{`conac_url = ""`, `conac_url = "https://bszs.conac.cn/sitename?method=show&id=0"`},
			{`contact_url = ""`, `contact_url = "https://www.gz.gov.cn/test-contact/"`},
			{`statement_url = ""`, `statement_url = "https://www.gz.gov.cn/test-statement/"`},
		},
		"content/notice.md": {
			{"\nattachment = ", "\npublished = 2018-07-10 09:00:00\nindex = \"000000000/2018-00000\"\ntopic = \"測試分類\"\nvalidity = \"有效\"\n" +
				"originals = [\"content/files/test-161.pdf\", \"content/files/test-161.docx\"]\nattachment = "},
			{"\n+++\n", "\n\n[[interpretations]]\ntitle = \"測試解讀\"\nurl = \"https://www.gz.gov.cn/test-interpretation/\"\n\n" +
				"[[related]]\ntitle = \"測試相關文件\"\nfile = \"content/files/test-161.pdf\"\n+++\n"},
		},
	}
	for name, reps := range edits {
		p := filepath.Join(src, filepath.FromSlash(name))
		data, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		text := string(data)
		for _, r := range reps {
			if !strings.Contains(text, r[0]) {
				return "", &os.PathError{Op: "edit", Path: name, Err: os.ErrNotExist}
			}
			text = strings.Replace(text, r[0], r[1], 1)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	files := map[string][]byte{
		"assets/test-conac-mark.png":  testMark(),
		"content/files/test-161.pdf":  append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), 240_000)...),
		"content/files/test-161.docx": append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 31_000)...),
	}
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", err
		}
	}
	out := filepath.Join(filepath.Dir(siteDir), "public-portal")
	_, err = build.Run(build.Options{Source: src, Out: out})
	return out, err
})

// portalDir is the folder of portalSite, or the test stops.
func portalDir(t *testing.T) string {
	t.Helper()
	dir, err := portalSite()
	if err != nil {
		t.Fatalf("building the site with every portal setting: %v", err)
	}
	return dir
}

// testMark is a stand-in for the 黨政機關網站 mark, which is issued to a
// site and so not in the repository: a red 110×55 PNG, the mark's size.
func testMark() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 110, 55))
	for y := range 55 {
		for x := range 110 {
			c := color.RGBA{0xc8, 0x10, 0x10, 0xff}
			if x < 3 || y < 3 || x > 106 || y > 51 {
				c = color.RGBA{0xff, 0xd7, 0x00, 0xff}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// TestPortalSiteChecks: the site with every portal setting passes the site
// check, and loads nothing from outside: its links out (the filing sites,
// the error report, the mark's page) are links a reader follows.
func TestPortalSiteChecks(t *testing.T) {
	r := checkDir(t, portalDir(t))
	for _, p := range r.Problems {
		t.Error(p)
	}
	var out []string
	for _, l := range r.External {
		if l.Tag != "a" {
			t.Errorf("%s: <%s %s=%q> leads outside the site", l.Page, l.Tag, l.Attr, l.Value)
		}
		out = append(out, l.Value)
	}
	for _, want := range []string{"https://beian.miit.gov.cn/", "https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000",
		"https://bszs.conac.cn/sitename?method=show&id=0",
		"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000&url=https%3A%2F%2Fwww.gz.gov.cn%2Fnansha3%2Fmeasures%2F03.html"} {
		if !strings.Contains(strings.Join(out, "\n"), want) {
			t.Errorf("no link out to %s", want)
		}
	}
}

// TestAccessibilityPortal runs axe-core, in every mode, on the pages the
// portal's settings change most: the notice (its document facts and
// links), a measure and the site map, with every footer item.
func TestAccessibilityPortal(t *testing.T) {
	axePath := tool(t, "axe-core/axe.min.js")
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	pages := byPath("index.html", "measures/03.html", "sitemap.html", "zh-hans/index.html")
	axeInModes(t, tab, src, portalDir(t), "", func(int) []pageType { return pages })
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// TestPortalScreenshots writes, with TestScreenshots' variable set, the
// notice of the site with every portal setting — its document facts, its
// links and the footer's identity block — 375 and 1280 pixels wide.
func TestPortalScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	tab := browsertest.New(t)
	for _, width := range []int64{375, 1280} {
		opts := []chromedp.EmulateViewportOption{}
		if width < 800 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		tab.Do(t, chromedp.EmulateViewport(width, 800, opts...), colorScheme("light"), chromedp.Navigate(fileURLIn(portalDir(t), "index.html")))
		if w := browsertest.Eval[int](t, tab, "document.documentElement.scrollWidth"); int64(w) > width {
			t.Errorf("index.html at %dpx: the page is %dpx wide and scrolls sideways", width, w)
		}
		png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("portal-home-%d-light.png", width)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
