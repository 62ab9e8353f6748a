package render

import (
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// homeMain renders the home page of s and returns its <main>.
func homeMain(t *testing.T, s *site.Site) string {
	t.Helper()
	r := repoRendererWith(t, map[string]string{"docs/161.docx": "assets/docs/161.1d2656f0.docx"})
	out, err := r.Bytes(&Page{Kind: Home, Path: "index.html", Title: s.Notice.Title, Site: s})
	if err != nil {
		t.Fatal(err)
	}
	_, main, _ := strings.Cut(string(out), "<main")
	main, _, _ = strings.Cut(main, "</main>")
	return main
}

// TestDocumentFacts: the notice's facts as gov.cn's policy pages show
// them: those of the notice always, the portal's only when given.
func TestDocumentFacts(t *testing.T) {
	const notice = `<dt>發文機關</dt><dd>廣州市人民政府</dd><dt>成文日期</dt><dd><time datetime="2018-07-02">2018年7月2日</time></dd>` +
		`<dt class="wide">標題</dt><dd class="wide">通知</dd><dt>發文字號</dt><dd>穗府函〔2018〕161號</dd>`
	tests := []struct {
		name string
		set  func(n *site.Notice)
		want string
	}{
		{"the notice's own", func(*site.Notice) {}, `<dl class="facts doc-info">` + notice + `</dl>`},
		{"every fact", func(n *site.Notice) {
			n.Index, n.Topic, n.Validity = "000014349/2018-00110", "綜合政務", "有效"
			n.Published = site.Time{Time: time.Date(2018, 7, 10, 16, 30, 0, 0, time.UTC), HasClock: true}
		}, `<dl class="facts doc-info"><dt>索引號</dt><dd>000014349/2018-00110</dd><dt>主題分類</dt><dd>綜合政務</dd>` + notice +
			`<dt>發布日期</dt><dd><time datetime="2018-07-10">2018年7月10日</time></dd><dt>有效性</dt><dd>有效</dd></dl>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSite("", "t")
			tt.set(&s.Notice)
			main := homeMain(t, s)
			_, dl, _ := strings.Cut(main, `<article class="notice">`)
			dl, _, _ = strings.Cut(dl, "</dl>")
			if dl = strings.TrimSpace(dl) + "</dl>"; dl != tt.want {
				t.Errorf("facts:\n%s\nwant:\n%s", dl, tt.want)
			}
		})
	}
}

// TestNoticeLinks: the related links, by kind, each file with its format
// and size, linked where the build publishes it; none without links.
func TestNoticeLinks(t *testing.T) {
	s := testSite("", "t")
	if main := homeMain(t, s); strings.Contains(main, "doc-links") {
		t.Errorf("links shown without any:\n%s", main)
	}
	n := &s.Notice
	n.Originals = []*site.Link{{Title: n.Number, File: "content/files/161.pdf", Size: 240_000}, {Title: n.Number, File: "assets/docs/161.docx", Size: 300}}
	n.Interpretations = []*site.Link{{Title: "一圖讀懂", URL: "https://www.gz.gov.cn/zcjd/1.html"}}
	n.Related = []*site.Link{{Title: "第二批", File: "content/files/sub/2.docx", Size: 2 << 20}}
	main := homeMain(t, s)
	want := `<section class="doc-links" aria-labelledby="originals"><h2 id="originals">原文下載</h2><ul>` +
		`<li><a href="files/161.pdf">穗府函〔2018〕161號（PDF，235 KB）</a></li>` +
		`<li><a href="assets/docs/161.1d2656f0.docx">穗府函〔2018〕161號（Word，300 B）</a></li></ul></section>` +
		`<section class="doc-links" aria-labelledby="interpretations"><h2 id="interpretations">政策解讀</h2><ul>` +
		`<li><a href="https://www.gz.gov.cn/zcjd/1.html">一圖讀懂</a></li></ul></section>` +
		`<section class="doc-links" aria-labelledby="related"><h2 id="related">相關文件</h2><ul>` +
		`<li><a href="files/sub/2.docx">第二批（Word，2.0 MB）</a></li></ul></section>`
	if !strings.Contains(main, want) {
		t.Errorf("links:\n%s\nwant:\n%s", main, want)
	}
}
