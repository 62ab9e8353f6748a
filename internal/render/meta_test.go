package render

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// testSite is a one-measure site; title may hold characters that must be
// escaped.
func testSite(baseURL, title string) *site.Site {
	c := &site.Category{Slug: "trade", Name: "貿易便利化", Summary: "S"}
	u := &site.Unit{Slug: "customs", Name: "廣州海關"}
	m := &site.Measure{Number: 3, Title: title, Category: c, Units: []*site.Unit{u}, Scope: "市有關行政區"}
	c.Measures, u.Measures = []*site.Measure{m}, []*site.Measure{m}
	return &site.Site{
		Title: "南沙第三批改革創新經驗", Language: "zh-Hant", BaseURL: baseURL,
		Publisher: site.Publisher{SiteCode: "4401000001"},
		Notice: site.Notice{Number: "穗府函〔2018〕161號", Title: "通知", Issuer: "廣州市人民政府",
			Date: time.Date(2018, 7, 2, 0, 0, 0, 0, time.UTC), Attachment: "清單"},
		Categories: []*site.Category{c}, Units: []*site.Unit{u}, Measures: []*site.Measure{m},
	}
}

func renderHead(t *testing.T, p *Page) string {
	t.Helper()
	out, err := repoRenderer(t).Bytes(p)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(out), "</head>")
	return head
}

func measurePage(s *site.Site) *Page {
	return &Page{Kind: Measure, Path: "measures/03.html", Title: s.Measures[0].Title, Description: "第一句。",
		Column: "貿易便利化", Site: s, Measure: s.Measures[0]}
}

func categoryPage(s *site.Site) *Page {
	return &Page{Kind: Category, Path: "categories/trade.html", Title: "貿易便利化", Description: "S", Column: "貿易便利化",
		Site: s, Category: s.Categories[0], Pager: &Pager{N: 1, Of: 1, Measures: s.Categories[0].Measures}}
}

func TestHeadMetadata(t *testing.T) {
	const base = "https://www.gz.gov.cn/nansha3/"
	tests := []struct {
		name   string
		page   *Page
		want   []string
		absent []string
	}{
		{
			name: "measure, with base_url",
			page: measurePage(testSite(base, "報關單“一鍵改配”")),
			want: []string{
				`<meta name="SiteName" content="南沙第三批改革創新經驗">`,
				`<meta name="SiteDomain" content="www.gz.gov.cn">`,
				`<meta name="SiteIDCode" content="4401000001">`,
				`<meta name="ColumnName" content="貿易便利化">`,
				`<meta name="ArticleTitle" content="報關單“一鍵改配”">`,
				`<meta name="PubDate" content="2018-07-02 00:00">`,
				`<meta name="ContentSource" content="廣州市人民政府">`,
				`<link rel="canonical" href="https://www.gz.gov.cn/nansha3/measures/03.html">`,
				`<meta property="og:type" content="article">`,
				`<meta property="og:title" content="報關單“一鍵改配”">`,
				`<meta property="og:description" content="第一句。">`,
				`<meta property="og:url" content="https://www.gz.gov.cn/nansha3/measures/03.html">`,
				`<meta property="og:site_name" content="南沙第三批改革創新經驗">`,
				`<meta property="og:locale" content="zh_TW">`,
				`<script type="application/ld+json">`,
			},
		},
		{
			name:   "measure, without base_url",
			page:   measurePage(testSite("", "報關單“一鍵改配”")),
			want:   []string{`<meta name="ArticleTitle" content="報關單“一鍵改配”">`, `<script type="application/ld+json">`},
			absent: []string{"canonical", "og:", "SiteDomain", "gz.gov.cn"},
		},
		{
			name: "home, with base_url",
			page: &Page{Kind: Home, Path: "index.html", Title: "通知", Description: "D", Column: "通知全文", Site: testSite(base, "t")},
			want: []string{
				`<link rel="canonical" href="https://www.gz.gov.cn/nansha3/">`,
				`<meta property="og:type" content="website">`,
				`<meta name="ArticleTitle" content="通知">`,
			},
			absent: []string{"application/ld+json"},
		},
		{
			name:   "category: a column, not an article",
			page:   categoryPage(testSite(base, "t")),
			want:   []string{`<meta name="ColumnName" content="貿易便利化">`, `<link rel="canonical" href="https://www.gz.gov.cn/nansha3/categories/trade.html">`},
			absent: []string{"ArticleTitle", "PubDate", "ContentSource", "application/ld+json"},
		},
		{
			name:   "404: shown at every missing address, so no canonical",
			page:   &Page{Kind: NotFound, Path: "404.html", Title: "找不到", Description: "D", Site: testSite(base, "t")},
			want:   []string{`<meta name="SiteName"`},
			absent: []string{"canonical", "og:", "ColumnName", "ArticleTitle"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := renderHead(t, tt.page)
			for _, w := range tt.want {
				if !strings.Contains(head, w) {
					t.Errorf("missing %s in\n%s", w, head)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(head, a) {
					t.Errorf("%q should not appear in\n%s", a, head)
				}
			}
		})
	}
}

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func TestJSONLD(t *testing.T) {
	// A title that would end the script element if written raw.
	const title = `甲</script><script>alert("&")</script>乙`
	for _, base := range []string{"", "https://www.gz.gov.cn/nansha3/"} {
		head := renderHead(t, measurePage(testSite(base, title)))
		all := ldScript.FindAllStringSubmatch(head, -1)
		if len(all) != 1 {
			t.Fatalf("base_url %q: %d JSON-LD scripts, want 1:\n%s", base, len(all), head)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(all[0][1]), &got); err != nil {
			t.Fatalf("base_url %q: JSON-LD does not parse: %v\n%s", base, err, all[0][1])
		}
		want := map[string]any{
			"@context": "https://schema.org", "@type": "CreativeWork", "name": title, "identifier": 3.0,
			"inLanguage": "zh-Hant", "datePublished": "2018-07-02",
			"publisher": map[string]any{"@type": "GovernmentOrganization", "name": "廣州市人民政府"},
			"about":     map[string]any{"@type": "Thing", "name": "貿易便利化"},
			"isPartOf":  map[string]any{"@type": "CreativeWork", "name": "通知", "identifier": "穗府函〔2018〕161號"},
		}
		if base != "" {
			want["url"] = base + "measures/03.html"
			want["isPartOf"].(map[string]any)["url"] = base
		}
		gotJSON, _ := json.Marshal(got)
		wantJSON, _ := json.Marshal(want)
		if string(gotJSON) != string(wantJSON) {
			t.Errorf("base_url %q: JSON-LD\n%s\nwant\n%s", base, gotJSON, wantJSON)
		}
		if strings.Contains(html.UnescapeString(all[0][1]), "<script>") {
			t.Errorf("the title's markup reached the page raw: %s", all[0][1])
		}
	}
}

func TestOGLocale(t *testing.T) {
	for lang, want := range map[string]string{"zh-Hant": "zh_TW", "zh-Hans": "zh_CN", "zh-CN": "zh_CN", "zh-Hant-HK": "zh_HK", "en": "en_US"} {
		p := &Page{Site: &site.Site{Language: lang}}
		if got := p.OGLocale(); got != want {
			t.Errorf("OGLocale(%q) = %q, want %q", lang, got, want)
		}
	}
}
