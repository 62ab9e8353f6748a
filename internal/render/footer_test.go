package render

import (
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestFooterItems checks that each publisher item of site.toml shows in the
// footer when it is set, and is simply absent when it is empty.
func TestFooterItems(t *testing.T) {
	r := repoRenderer(t)
	const doc = `<p class="footer-doc">發文單位:廣州市人民政府<br>文號:穗府函〔2018〕161號<br>成文日期:<time datetime="2018-07-02">2018年7月2日</time></p>`
	tests := []struct {
		name string
		pub  site.Publisher
		want string // the footer's items after the document's facts
	}{
		{"none", site.Publisher{}, ""},
		{"sponsor only", site.Publisher{Sponsor: "廣州市人民政府"},
			"<ul class=\"footer-items\"><li>主辦單位:廣州市人民政府</li></ul>"},
		{"ICP without a link", site.Publisher{ICP: "粵ICP備00000000號"},
			"<ul class=\"footer-items\"><li>粵ICP備00000000號</li></ul>"},
		{"every item", site.Publisher{Sponsor: "廣州市人民政府", Contact: "020-00000000", SiteCode: "0000000000",
			ICP: "粵ICP備00000000號", ICPURL: "https://beian.miit.gov.cn/", PoliceReg: "粵公網安備 00000000000000號"},
			"<ul class=\"footer-items\"><li>主辦單位:廣州市人民政府</li><li>聯繫方式:020-00000000</li>" +
				"<li>網站標識碼:0000000000</li><li><a href=\"https://beian.miit.gov.cn/\">粵ICP備00000000號</a></li>" +
				"<li>粵公網安備 00000000000000號</li></ul>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &site.Site{
				Title: "中國(廣東)自由貿易試驗區廣州南沙新區片區第三批改革創新經驗", Language: "zh-Hant", Publisher: tc.pub,
				Notice: site.Notice{Number: "穗府函〔2018〕161號", Issuer: "廣州市人民政府", Title: "通知",
					Date: time.Date(2018, 7, 2, 0, 0, 0, 0, time.UTC)},
			}
			out, err := r.Bytes(&Page{Kind: NotFound, Path: "404.html", Site: s})
			if err != nil {
				t.Fatal(err)
			}
			// The layouts are minified: no whitespace between the tags.
			_, footer, _ := strings.Cut(string(out), `<footer class="site-footer"><div class="wrap">`)
			footer, _, _ = strings.Cut(footer, "</div></footer>")
			// Every page links the site map.
			const siteMap = `<ul class="footer-links"><li><a href="sitemap.html">網站地圖</a></li></ul>`
			if want := doc + siteMap + tc.want; footer != want {
				t.Errorf("footer:\n%s\nwant:\n%s", footer, want)
			}
		})
	}
}
