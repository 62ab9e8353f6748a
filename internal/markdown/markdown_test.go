package markdown

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name, src, html, text string
	}{
		{
			name: "Chinese heading keeps its text as id",
			src:  "## 一、可推廣實施改革創新經驗的主要內容\n",
			html: `<h2 id="一可推廣實施改革創新經驗的主要內容">一、可推廣實施改革創新經驗的主要內容</h2>`,
			text: "一、可推廣實施改革創新經驗的主要內容",
		},
		{
			name: "repeated headings get distinct ids",
			src:  "## 實施要點\n\n## 實施要點\n",
			html: `<h2 id="實施要點">實施要點</h2>` + "\n" + `<h2 id="實施要點-1">實施要點</h2>`,
			text: "實施要點\n實施要點",
		},
		{
			name: "mixed script heading",
			src:  "### (一)O2O Online to Offline\n",
			html: `<h3 id="一o2o-online-to-offline">(一)O2O Online to Offline</h3>`,
			text: "(一)O2O Online to Offline",
		},
		{
			name: "raw HTML is not passed through",
			src:  "文字<script>alert(1)</script>\n\n<div onclick=\"x()\">塊</div>\n",
			html: "<p>文字<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->",
			text: "文字alert(1)",
		},
		{
			name: "a line break between Chinese lines adds no space",
			src:  "第一行\n第二行。\n",
			html: "<p>第一行第二行。</p>",
			text: "第一行第二行。",
		},
		{
			name: "emphasis inside Chinese text",
			src:  "這是**重點**內容。\n",
			html: "<p>這是<strong>重點</strong>內容。</p>",
			text: "這是重點內容。",
		},
		{
			name: "paragraphs become lines of text",
			src:  "甲。\n\n乙。\n",
			html: "<p>甲。</p>\n<p>乙。</p>",
			text: "甲。\n乙。",
		},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := c.Convert([]byte(tt.src), nil, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(doc.HTML)); got != tt.html {
				t.Errorf("HTML:\n got %s\nwant %s", got, tt.html)
			}
			if doc.Text != tt.text {
				t.Errorf("text: got %q, want %q", doc.Text, tt.text)
			}
		})
	}
}

func FuzzConvert(f *testing.F) {
	f.Add([]byte("## 標題\n\n內容**重點**。"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := New().Convert(src, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(doc.HTML)), "<script") {
			t.Fatalf("raw script passed through: %q", src)
		}
	})
}

func TestConvertText(t *testing.T) {
	upper := func(s string) string { return strings.ReplaceAll(strings.ToUpper(s), "關", "关") }
	src := "## 海關 `code關`\n\n[黃埔海關](https://example.org/關) and <https://example.org/x>\n"
	doc, err := New().Convert([]byte(src), upper, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `<h2 id="海關-code關">海关 <code>code關</code></h2>` + "\n" +
		`<p><a href="https://example.org/%E9%97%9C">黃埔海关</a> AND <a href="https://example.org/x">https://example.org/x</a></p>`
	if got := strings.TrimSpace(string(doc.HTML)); got != want {
		t.Errorf("HTML:\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(doc.Text, "黃埔海关 AND") {
		t.Errorf("text %q is not transformed", doc.Text)
	}
}
