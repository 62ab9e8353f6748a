package render

import (
	"html"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// The meta tags of the State Council's guidelines for government websites
// (政府網站發展指引, 2017, its page-design annex), by the class of page
// that must carry them: every page, a column (欄目頁), an article (內容頁).
var (
	siteTags    = []string{"SiteName", "SiteDomain", "SiteIDCode"}
	columnTags  = []string{"ColumnName", "ColumnType", "ColumnDescription", "ColumnKeywords"}
	articleTags = []string{"ColumnName", "ColumnType", "ArticleTitle", "PubDate", "ContentSource", "Keywords", "Author", "Description", "Url"}
)

// descriptionTag is the guidelines' Description and HTML's description at
// once (HTML's names ignore case, and allow one description): every page
// has one.
var descriptionTag = []string{"Description"}

// wantTags lists, for each page kind, the guidelines' tags its pages must
// carry when the site has every setting. A kind missing here fails the
// test: a new kind needs its line.
var wantTags = map[Kind][]string{
	Home:     union(siteTags, articleTags),
	Table:    union(siteTags, columnTags, articleTags), // the whole attachment: the notice's text, and its list of every measure
	Measure:  union(siteTags, articleTags),
	Category: union(siteTags, columnTags, descriptionTag),
	Unit:     union(siteTags, columnTags, descriptionTag),
	Units:    union(siteTags, columnTags, descriptionTag),
	Search:   union(siteTags, columnTags, descriptionTag),
	NotFound: union(siteTags, descriptionTag),
	SiteMap:  union(siteTags, descriptionTag),
}

// guidelineTags are every tag the guidelines name (Image is among their
// optional article tags: the content has no images, so no page has one).
var guidelineTags = union(siteTags, columnTags, articleTags, []string{"Image"})

func union(sets ...[]string) []string {
	var out []string
	for _, s := range sets {
		for _, t := range s {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

var metaTag = regexp.MustCompile(`<meta name="([^"]*)" content="([^"]*)">`)

// metaTags reads the named meta tags of a page's head, by name, each value
// as many times as it is there.
func metaTags(head string) map[string][]string {
	tags := map[string][]string{}
	for _, m := range metaTag.FindAllStringSubmatch(head, -1) {
		tags[m[1]] = append(tags[m[1]], html.UnescapeString(m[2]))
	}
	return tags
}

// portalSite is a site with a page of every kind and every setting the tags
// come from.
func portalSite(baseURL, siteCode, columnType string) *site.Site {
	s := testSite(baseURL, "報關單“一鍵改配”")
	s.Publisher.SiteCode, s.ColumnType = siteCode, columnType
	s.Strings = map[string]string{"nav_notice": "通知全文", "nav_table": "經驗清單", "nav_units": "牽頭單位",
		"search_title": "搜索", "search_intro": "按關鍵詞搜索。", "not_found_title": "找不到", "not_found_text": "頁面不存在。",
		"unit_description": "%s牽頭的改革創新經驗共%d項:%s。", "sitemap_title": "網站地圖", "sitemap_intro": "本站全部頁面一覽。"}
	return s
}

// firstPages renders the first page of each kind of s, with texts, and
// returns the heads by kind.
func firstPages(t *testing.T, s *site.Site) map[Kind]string {
	t.Helper()
	texts := Texts{&s.Notice.Body: {Plain: "現就有關事項通知如下。"}}
	for _, m := range s.Measures {
		texts[&m.Body] = Text{Plain: "依托系統平臺。"}
	}
	heads := map[Kind]string{}
	for _, k := range Kinds {
		ps, err := k.List(s)
		if err != nil || len(ps) == 0 {
			t.Fatalf("kind %s: %d pages, %v", k.Kind, len(ps), err)
		}
		heads[k.Kind] = renderHead(t, ps[0].WithTexts(texts))
	}
	return heads
}

// TestGovernmentMetaTags renders a page of every kind and holds its meta
// tags to the guidelines: the tags its class of page must carry, each once
// and never empty, and none of another class's.
func TestGovernmentMetaTags(t *testing.T) {
	for _, k := range Kinds {
		if _, ok := wantTags[k.Kind]; !ok {
			t.Errorf("page kind %s: wantTags does not say which tags its pages carry", k.Kind)
		}
	}
	heads := firstPages(t, portalSite("https://www.gz.gov.cn/nansha3/", "4401000001", "政策文件"))
	for _, kind := range slices.Sorted(maps.Keys(wantTags)) {
		t.Run(string(kind), func(t *testing.T) {
			tags := metaTags(heads[kind])
			for _, name := range guidelineTags {
				got, want := tags[name], slices.Contains(wantTags[kind], name)
				switch {
				case want && len(got) != 1:
					t.Errorf("%s: %d tags, want 1 %v", name, len(got), got)
				case want && strings.TrimSpace(got[0]) == "":
					t.Errorf("%s: empty", name)
				case !want && len(got) > 0:
					t.Errorf("%s = %q: not a tag of this kind of page", name, got)
				}
			}
			if d := tags["PubDate"]; len(d) == 1 && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`).MatchString(d[0]) {
				t.Errorf("PubDate %q: want YYYY-MM-DD HH:MM", d[0])
			}
			if _, ok := tags["description"]; ok {
				t.Error(`<meta name="description"> besides "Description": HTML allows one description, whatever its case`)
			}
		})
	}
}

// TestGovernmentMetaValues: the values come from site.toml and the content.
func TestGovernmentMetaValues(t *testing.T) {
	heads := firstPages(t, portalSite("https://www.gz.gov.cn/nansha3/", "4401000001", "政策文件"))
	tests := []struct {
		kind Kind
		want map[string]string
	}{
		{Home, map[string]string{"SiteDomain": "www.gz.gov.cn", "SiteIDCode": "4401000001", "ColumnName": "通知全文", "ColumnType": "政策文件",
			"ArticleTitle": "通知", "PubDate": "2018-07-02 00:00", "ContentSource": "廣州市人民政府", "Author": "廣州市人民政府",
			"Keywords": "貿易便利化", "Description": "現就有關事項通知如下。", "Url": "https://www.gz.gov.cn/nansha3/"}},
		{Measure, map[string]string{"ColumnName": "貿易便利化", "ArticleTitle": "報關單“一鍵改配”", "Keywords": "貿易便利化,廣州海關",
			"Url": "https://www.gz.gov.cn/nansha3/measures/03.html"}},
		{Category, map[string]string{"ColumnName": "貿易便利化", "ColumnDescription": "S", "ColumnKeywords": "貿易便利化,廣州海關"}},
		{Unit, map[string]string{"ColumnName": "牽頭單位", "ColumnKeywords": "牽頭單位,廣州海關,貿易便利化",
			"ColumnDescription": "廣州海關牽頭的改革創新經驗共1項:報關單“一鍵改配”。"}},
		{Units, map[string]string{"ColumnName": "牽頭單位", "ColumnKeywords": "牽頭單位,廣州海關"}},
		{Table, map[string]string{"ColumnName": "經驗清單", "ColumnKeywords": "經驗清單,貿易便利化", "ArticleTitle": "清單"}},
		{Search, map[string]string{"ColumnName": "搜索", "ColumnKeywords": "搜索", "ColumnDescription": "按關鍵詞搜索。"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			tags := metaTags(heads[tt.kind])
			for name, want := range tt.want {
				if got := tags[name]; len(got) != 1 || got[0] != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

// TestGovernmentMetaLeftOut: without a base_url, a site code or a column
// type, the tags they give are left out, never written empty.
func TestGovernmentMetaLeftOut(t *testing.T) {
	for kind, head := range firstPages(t, portalSite("", "", "")) {
		tags := metaTags(head)
		for _, name := range []string{"SiteDomain", "SiteIDCode", "ColumnType", "Url"} {
			if got, ok := tags[name]; ok {
				t.Errorf("%s: %s = %q without the setting it comes from", kind, name, got)
			}
		}
		for name, values := range tags {
			for _, v := range values {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s: %s written empty", kind, name)
				}
			}
		}
		if _, ok := tags["SiteName"]; !ok {
			t.Errorf("%s: no SiteName", kind)
		}
	}
}

// TestPubDatePublished: PubDate is the notice's 發布日期 when the front
// matter gives one, with its time of day.
func TestPubDatePublished(t *testing.T) {
	s := portalSite("", "", "")
	s.Notice.Published = site.Time{Time: time.Date(2018, 7, 10, 16, 30, 0, 0, time.UTC), HasClock: true}
	tags := metaTags(firstPages(t, s)[Measure])
	if got := tags["PubDate"]; len(got) != 1 || got[0] != "2018-07-10 16:30" {
		t.Errorf("PubDate = %q, want 2018-07-10 16:30", got)
	}
}

// TestREADMEListsMetaTags: README's "Metadata for the portal" lists every
// tag of the guidelines, so that the portal's editors find each there.
func TestREADMEListsMetaTags(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Metadata for the portal\n")
	if !ok {
		t.Fatal("README.md has no section ## Metadata for the portal")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for _, tag := range guidelineTags {
		if !strings.Contains(section, "| `"+tag+"` |") {
			t.Errorf("README's Metadata for the portal has no row for %s", tag)
		}
	}
}
