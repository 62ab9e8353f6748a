package zhconv

import (
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"

	"github.com/gzgov/nansha-microsite/internal/site"
)

func TestT2S(t *testing.T) {
	c, err := Load("t2s")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		// The notice's title: the acceptance case. Halfwidth
		// parentheses stay as the notice has them.
		"廣州市人民政府關于推廣實施中國(廣東)自由貿易試驗區廣州南沙新區片區第三批改革創新經驗的通知": "广州市人民政府关于推广实施中国(广东)自由贸易试验区广州南沙新区片区第三批改革创新经验的通知",
		"報關單“一鍵改配”":     "报关单“一键改配”",
		"黃埔海關":          "黄埔海关",
		"穗府函〔2018〕161號": "穗府函〔2018〕161号",
		"O2O商事登記幫辦":     "O2O商事登记帮办",
		"investment":    "investment",
		"":              "",
	}
	for in, want := range tests {
		if got := c.String(in); got != want {
			t.Errorf("t2s(%q) = %q, want %q", in, got, want)
		}
		if got := c.String(in); got != want { // from the cache
			t.Errorf("t2s(%q) second time = %q, want %q", in, got, want)
		}
	}
}

func TestLoadOnce(t *testing.T) {
	a, _ := Load("t2s")
	b, _ := Load("t2s")
	if a != b {
		t.Error("Load made a second converter for the same conversion")
	}
	if _, err := Load("t2x"); err == nil {
		t.Error("Load accepted an unknown conversion")
	}
}

func TestSite(t *testing.T) {
	cat := &site.Category{Slug: "trade", Name: "貿易便利化", Summary: "包括報關單等。"}
	gz := &site.Unit{Slug: "guangzhou-customs", Name: "廣州海關"}
	m := &site.Measure{Number: 3, Title: "報關單“一鍵改配”", Category: cat, Units: []*site.Unit{gz}, Scope: "市有關行政區",
		Body: site.Source{File: "content/measures/03.md", Line: 9, Text: []byte("依托“線上海關”")}}
	cat.Measures, gz.Measures = []*site.Measure{m}, []*site.Measure{m}
	s := &site.Site{Title: "測試", Language: "zh-Hant", Categories: []*site.Category{cat}, Units: []*site.Unit{gz}, Measures: []*site.Measure{m}}
	s.Publisher.Organizer, s.ColumnType = "市政府辦公廳", "政策文件"
	related := &site.Link{Title: "第二批經驗", File: "content/files/2.pdf", Size: 10}
	s.Notice.Topic, s.Notice.Validity, s.Notice.Index, s.Notice.Related = "綜合政務", "廢止", "000014349/2018-00110", []*site.Link{related}
	c, _ := Load("t2s")
	out := c.Site(s, &site.Edition{Language: "zh-Hans", Path: "zh-hans", Convert: "t2s"})
	if out.Publisher.Organizer != "市政府办公厅" || out.ColumnType != "政策文件" || out.Notice.Topic != "综合政务" || out.Notice.Validity != "废止" ||
		out.Notice.Index != "000014349/2018-00110" {
		t.Errorf("converted portal items: %q %q %q %q %q", out.Publisher.Organizer, out.ColumnType, out.Notice.Topic, out.Notice.Validity, out.Notice.Index)
	}
	if l := out.Notice.Related[0]; l == related || l.Title != "第二批经验" || l.File != related.File || l.Size != 10 || related.Title != "第二批經驗" {
		t.Errorf("converted link %+v of %+v: want a copy, its title converted", l, related)
	}

	cm := out.Measures[0]
	if out.Language != "zh-Hans" || out.Title != "测试" || cm.Title != "报关单“一键改配”" || cm.Scope != "市有关行政区" {
		t.Errorf("converted site: %s %s %s %s", out.Language, out.Title, cm.Title, cm.Scope)
	}
	if cm.Category != out.Categories[0] || cm.Category.Name != "贸易便利化" || cm.Category.Slug != "trade" || cm.Category.Measures[0] != cm {
		t.Errorf("converted category %+v is not linked to the converted measure", cm.Category)
	}
	if cm.Units[0] != out.Units[0] || cm.Units[0].Name != "广州海关" || cm.Units[0].Measures[0] != cm {
		t.Errorf("converted unit %+v is not linked to the converted measure", cm.Units[0])
	}
	if string(cm.Body.Text) != "依托“線上海關”" || cm.Body.File != "content/measures/03.md" {
		t.Errorf("body source changed: %q", cm.Body.Text)
	}
	if s.Title != "測試" || m.Title != "報關單“一鍵改配”" || len(cat.Measures) != 1 {
		t.Error("the source site was modified")
	}
}

// TestSameAsOpenCC checks the converter against OpenCC's own Convert on all
// the site's text and on strings that exercise phrases and unknown characters.
func TestSameAsOpenCC(t *testing.T) {
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "abc", "乾隆皇帝", "頭髮乾燥", "天干物燥", "一隻憂鬱的台灣烏龜", "🙂漢字🙂", "後來", "著名", "瞭解"}
	texts = append(texts, s.Notice.Title, string(s.Notice.Body.Text))
	for _, m := range s.Measures {
		texts = append(texts, m.Title, string(m.Body.Text))
	}
	c, _ := Load("t2s")
	for _, text := range texts {
		want, err := c.cc.Convert(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.convert(text); got != want {
			t.Errorf("convert(%q)\n = %q\nOpenCC gives %q", text, got, want)
		}
	}
}
