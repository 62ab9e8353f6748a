package render

import (
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestFooterItems checks that each publisher item of site.toml shows in the
// footer when it is set, linked where the rules link it, and is simply
// absent when it is empty.
func TestFooterItems(t *testing.T) {
	r := repoRenderer(t)
	const (
		doc = `<p class="footer-doc">發文單位:廣州市人民政府<br>文號:穗府函〔2018〕161號<br>成文日期:<time datetime="2018-07-02">2018年7月2日</time></p>`
		// Every page links the site map: here, from the site map itself.
		siteMap = `<ul class="footer-links"><li><a href="sitemap.html" aria-current="page">網站地圖</a></li></ul>`
	)
	tests := []struct {
		name    string
		pub     site.Publisher
		baseURL string
		want    string // the footer after the document's facts
	}{
		{"none", site.Publisher{}, "", siteMap},
		{"sponsor only", site.Publisher{Sponsor: "廣州市人民政府"}, "",
			siteMap + `<ul class="footer-items"><li>主辦單位:廣州市人民政府</li></ul>`},
		{"ICP, linked to the ministry's filing site", site.Publisher{ICP: "粵ICP備00000000號"}, "",
			siteMap + `<ul class="footer-items"><li><a href="https://beian.miit.gov.cn/">粵ICP備00000000號</a></li></ul>`},
		{"ICP with a link of its own", site.Publisher{ICP: "粵ICP備00000000號", ICPURL: "https://beian.miit.gov.cn/#/Integrated/index"}, "",
			siteMap + `<ul class="footer-items"><li><a href="https://beian.miit.gov.cn/#/Integrated/index">粵ICP備00000000號</a></li></ul>`},
		{"public-security number, linked by its digits", site.Publisher{PoliceReg: "粵公網安備 44010402000001號"}, "",
			siteMap + `<ul class="footer-items"><li><a href="https://beian.mps.gov.cn/#/query/webSearch?code=44010402000001">粵公網安備 44010402000001號</a></li></ul>`},
		{"site code without base_url: no error report", site.Publisher{SiteCode: "4401000001"}, "",
			siteMap + `<ul class="footer-items"><li>網站標識碼:4401000001</li></ul>`},
		{"base_url without site code: no error report", site.Publisher{}, "https://www.gz.gov.cn/nansha3/", siteMap},
		{"every item", site.Publisher{Sponsor: "廣州市人民政府", Organizer: "市政府辦公廳", Contact: "020-00000000", SiteCode: "4401000001",
			ICP: "粵ICP備00000000號", PoliceReg: "粵公網安備 44010402000001號",
			ConacMark: "assets/favicon.svg", ConacURL: "https://bszs.conac.cn/sitename?method=show&id=X",
			ContactURL: "https://www.gz.gov.cn/lxwm/", StatementURL: "https://www.gz.gov.cn/wzsm/"}, "https://www.gz.gov.cn/nansha3/",
			`<ul class="footer-links"><li><a href="sitemap.html" aria-current="page">網站地圖</a></li>` +
				`<li><a href="https://www.gz.gov.cn/lxwm/">聯繫我們</a></li><li><a href="https://www.gz.gov.cn/wzsm/">網站聲明</a></li></ul>` +
				`<ul class="footer-items"><li>主辦單位:廣州市人民政府</li><li>承辦單位:市政府辦公廳</li><li>聯繫方式:020-00000000</li>` +
				`<li>網站標識碼:4401000001</li><li><a href="https://beian.miit.gov.cn/">粵ICP備00000000號</a></li>` +
				`<li><a href="https://beian.mps.gov.cn/#/query/webSearch?code=44010402000001">粵公網安備 44010402000001號</a></li></ul>` +
				`<div class="footer-marks"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=X"><img src="assets/favicon.svg" alt="黨政機關網站" height="48"></a></div>` +
				`<div class="footer-report"><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4401000001&amp;url=https%3A%2F%2Fwww.gz.gov.cn%2Fnansha3%2Fsitemap.html">我為政府網站找錯</a></div>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &site.Site{
				Title: "中國(廣東)自由貿易試驗區廣州南沙新區片區第三批改革創新經驗", Language: "zh-Hant", Publisher: tc.pub, BaseURL: tc.baseURL,
				Notice: site.Notice{Number: "穗府函〔2018〕161號", Issuer: "廣州市人民政府", Title: "通知",
					Date: time.Date(2018, 7, 2, 0, 0, 0, 0, time.UTC)},
			}
			// The site map: a page with an address of its own (the
			// error report carries it), that asks for no measure.
			out, err := r.Bytes(&Page{Kind: SiteMap, Path: "sitemap.html", Site: s})
			if err != nil {
				t.Fatal(err)
			}
			// The layouts are minified: no whitespace between the tags.
			_, footer, _ := strings.Cut(string(out), `<footer class="site-footer"><div class="wrap">`)
			footer, _, _ = strings.Cut(footer, "</div></footer>")
			if want := doc + tc.want; footer != want {
				t.Errorf("footer:\n%s\nwant:\n%s", footer, want)
			}
		})
	}
}

// TestErrorReportNotOn404: the 404 page is shown at every missing address,
// none of which is its own: it has no error report to link. It links the
// site map, which is not the page itself, from the site's folder on the
// server (render/anywhere.go).
func TestErrorReportNotOn404(t *testing.T) {
	s := testSite("https://www.gz.gov.cn/nansha3/", "t")
	out, err := repoRenderer(t).Bytes(&Page{Kind: NotFound, Path: "404.html", Site: s})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "jiucuo") {
		t.Errorf("the 404 page links the error report:\n%s", out)
	}
	if want := `<a href="/nansha3/sitemap.html">網站地圖</a>`; !strings.Contains(string(out), want) {
		t.Errorf("the 404 page lacks %s:\n%s", want, out)
	}
}
