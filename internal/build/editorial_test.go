package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// draft32 and draft33 are new measures, drafts: 33's text is still the
// placeholder of "microsite new measure".
const (
	draft32 = "+++\nnumber = 32\ntitle = \"跨境電商退貨新模式\"\ncategory = \"trade\"\nlead_units = [\"廣州海關\"]\n" +
		"scope = \"市有關行政區\"\ndraft = true\n+++\n\n跨境電商零售進口商品退貨,見[第3項](03.md)。\n"
	draft33 = "+++\nnumber = 33\ntitle = \"融資租賃新模式\"\ncategory = \"finance\"\nlead_units = [\"市金融局\"]\n" +
		"scope = \"市有關行政區\"\ndraft = true\n+++\n\nTODO:請在此處用 Markdown 寫下本項的實施內容。\n"
)

// TestDraftsLeftOut: a build leaves drafts out as if their files were not
// there — every file of the site, SHA256SUMS, sitemap, search index and
// open data included, byte for byte — and says so; build --drafts keeps
// them, marked 草稿 on their pages and in the lists, nowhere else.
func TestDraftsLeftOut(t *testing.T) {
	site := withBaseURL(t, "https://www.example.gov.cn/nansha3/") // with a sitemap
	without := buildTree(t, sourceTree(t, map[string]string{"site.toml": site}))
	src := sourceTree(t, map[string]string{"site.toml": site, "content/measures/32.md": draft32, "content/measures/33.md": draft33})
	out := filepath.Join(t.TempDir(), "public")
	sum, err := Run(Options{Source: src, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	compareTrees(t, "drafts left out", readTree(t, out), readTree(t, without))
	if !slices.ContainsFunc(sum.Notes, func(n string) bool { return strings.Contains(n, "32, 33") }) {
		t.Errorf("the build does not say it left out 32 and 33: %q", sum.Notes)
	}

	drafts := filepath.Join(t.TempDir(), "drafts")
	if _, err := Run(Options{Source: src, Out: drafts, Drafts: true}); err != nil {
		t.Fatal(err)
	}
	const mark = `<strong class="draft">草稿</strong>`
	for page, n := range map[string]int{
		"measures/32.html": 1, "measures/33.html": 1, "zh-hans/measures/33.html": 1, "measures/31.html": 0,
		"measures.html": 2, "zh-hans/measures.html": 2, "categories/trade.html": 1, "categories/finance.html": 1,
		"units/guangzhou-customs.html": 1, "index.html": 0,
	} {
		html, err := os.ReadFile(filepath.Join(drafts, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(string(html), mark); got != n {
			t.Errorf("%s: %d draft marks, want %d", page, got, n)
		}
	}
	var data struct{ Measures []struct{ Number int } }
	raw, _ := os.ReadFile(filepath.Join(drafts, "measures.json"))
	if err := json.Unmarshal(raw, &data); err != nil || len(data.Measures) != 33 {
		t.Errorf("measures.json of build --drafts: %d measures (%v), want 33", len(data.Measures), err)
	}
}

// TestCrossLinks builds texts that link to other sources by their files,
// and finds each link leading to its target's page from every page that
// shows the text, in both editions; the build's site check has found every
// one of them an existing file, and every #fragment an existing id.
func TestCrossLinks(t *testing.T) {
	src := sourceTree(t, nil)
	edit(t, src, "content/measures/05.md", func(s string) string {
		return s + "\n另見[第3項](03.md)、[其說明](03.md#說明)與[通知](../notice.md#二重視推廣實施工作)。\n"
	})
	edit(t, src, "content/measures/03.md", func(s string) string { return s + "\n## 說明\n\n補充。\n" })
	edit(t, src, "content/notice.md", func(s string) string { return s + "\n詳見[第5項](measures/05.md)。\n" })
	out := buildTree(t, src)

	const (
		heading = "#%E8%AA%AA%E6%98%8E"                                                                // 說明
		second  = "#%E4%BA%8C%E9%87%8D%E8%A6%96%E6%8E%A8%E5%BB%A3%E5%AF%A6%E6%96%BD%E5%B7%A5%E4%BD%9C" // 二重視推廣實施工作
	)
	for _, prefix := range []string{"", "zh-hans/"} {
		for page, hrefs := range map[string][]string{
			"measures/05.html": {"../measures/03.html", "../measures/03.html" + heading, "../index.html" + second},
			"measures.html":    {"measures/03.html", "measures/03.html" + heading, "index.html" + second},
			"index.html":       {"measures/05.html"},
		} {
			html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(prefix+page)))
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hrefs {
				if !strings.Contains(string(html), `<a href="`+h+`">`) {
					t.Errorf("%s%s has no link to %s", prefix, page, h)
				}
			}
		}
	}
}

// TestEveryProblemAtOnce: independent problems in every stage of the
// sources — two in one measure file (a unit and a duplicate number), a
// link to no source in another, a layout that does not parse, a style
// sheet that does not either, a UI string file that does not — are
// reported in one run, each at its place.
func TestEveryProblemAtOnce(t *testing.T) {
	m05 := repoFile(t, "content/measures/05.md")
	src := sourceTree(t, map[string]string{
		"content/measures/5.md": strings.Replace(m05, `lead_units = ["廣州海關", "黃埔海關"]`, `lead_units = ["深圳海關"]`, 1),
		"layouts/units.html":    "{{define \"main\"}}{{if}}{{end}}\n",
		"assets/print.css":      "p { color: red }\n}}} @@@ {{{\n",
		"layouts/strings.toml":  repoFile(t, "layouts/strings.toml") + "broken = \n",
	})
	edit(t, src, "content/measures/07.md", func(s string) string { return s + "\n見[第99項](99.md)。\n" })
	_, err := Run(Options{Source: src, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	got := err.Error()
	for _, want := range []string{
		"content/measures/5.md:2:1: number 5 is already used by content/measures/05.md",
		`content/measures/5.md:5:1: unknown lead unit "深圳海關"`,
		`content/measures/07.md:11:9: link "99.md": no such source`,
		"layouts/units.html:1:",
		"assets/print.css:2",
		"layouts/strings.toml:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the problems do not include %q:\n%s", want, got)
		}
	}
}
