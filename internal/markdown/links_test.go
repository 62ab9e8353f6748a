package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func TestInspect(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		links string // dest@offset, image marked !
		ids   string
		raw   string
		empty bool
	}{
		{name: "plain text", src: "第一段。\n\n第二段。\n"},
		{name: "inline links, offsets at their destinations", src: "見[第3項](03.md)與[通知](../notice.md#一主要內容)。\n",
			links: "03.md@13 ../notice.md#一主要內容@31"},
		{name: "a reference link's destination is in its definition", src: "見[第3項][m3]。\n\n[m3]: 03.md\n",
			links: "03.md@27"},
		{name: "an image", src: "![圖](x.png)\n", links: "!x.png@7"},
		{name: "a destination also in the text before it", src: "03.md 見[此](03.md)\n", links: "03.md@15"},
		{name: "an empty destination", src: "[空]()\n", links: "@0"},
		{name: "heading IDs as the page has them", src: "## 一、說明\n\n## 說明\n\n## 說明\n", ids: "一說明 說明 說明-1"},
		{name: "raw HTML only", src: "<script>alert(1)</script>\n", raw: "<script>alert(1)</script>", empty: true},
		{name: "raw HTML inline, text left", src: "文字<b>粗</b>\n", raw: "<b>"},
		{name: "nothing but a rule", src: "---\n", empty: true},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := c.Inspect([]byte(tt.src))
			var links []string
			for _, l := range o.Links {
				mark := ""
				if l.Image {
					mark = "!"
				}
				links = append(links, fmt.Sprintf("%s%s@%d", mark, l.Dest, l.Offset))
			}
			if got := strings.Join(links, " "); got != tt.links {
				t.Errorf("links %q, want %q", got, tt.links)
			}
			if got := strings.Join(o.IDs, " "); got != tt.ids {
				t.Errorf("IDs %q, want %q", got, tt.ids)
			}
			if o.RawHTML != tt.raw || o.Empty != tt.empty {
				t.Errorf("raw HTML %q, empty %v; want %q, %v", o.RawHTML, o.Empty, tt.raw, tt.empty)
			}
		})
	}
}

// TestConvertLinks: a link to another source leads to its page from each
// folder a page showing the text is in; other links stay as written; the
// IDs of headings are Convert's, so that a #fragment Inspect found exists.
func TestConvertLinks(t *testing.T) {
	src := "## 說明\n\n見[第3項](03.md)、[其說明](03.md#說明)與[政府](https://www.gz.gov.cn/)。\n"
	links := map[string]string{"03.md": "measures/03.html", "03.md#說明": "measures/03.html#說明"}
	doc, err := New().Convert([]byte(src), nil, links, []string{"", "../"})
	if err != nil {
		t.Fatal(err)
	}
	want := func(up string) string {
		return `<h2 id="說明">說明</h2>` + "\n" + `<p>見<a href="` + up + `measures/03.html">第3項</a>、<a href="` + up +
			`measures/03.html#%E8%AA%AA%E6%98%8E">其說明</a>與<a href="https://www.gz.gov.cn/">政府</a>。</p>`
	}
	for _, up := range []string{"", "../"} {
		if got := strings.TrimSpace(string(doc.ByUp[up])); got != want(up) {
			t.Errorf("from %q:\n got %s\nwant %s", up, got, want(up))
		}
	}
	if string(doc.HTML) != string(doc.ByUp[""]) {
		t.Error("HTML is not the root's")
	}
	if len(doc.ByUp) != 2 {
		t.Errorf("%d renderings, want 2", len(doc.ByUp))
	}
	plain, err := New().Convert([]byte("無連結。\n"), nil, links, []string{"", "../"})
	if err != nil || plain.ByUp != nil {
		t.Errorf("a text without links to sources: ByUp %v, %v; want nil", plain.ByUp, err)
	}
}
