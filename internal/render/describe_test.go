package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/site"
)

func TestFirstSentence(t *testing.T) {
	long := strings.Repeat("改", 130)
	astral := strings.Repeat("𠀀", 130) // U+20000: 4 bytes in UTF-8, a surrogate pair in UTF-16
	tests := []struct {
		name, text, want string
	}{
		{"full stop", "第一句。第二句。", "第一句。"},
		{"fullwidth question mark", "為什麼?然后。", "為什麼?"},
		{"halfwidth exclamation", "Yes! No.", "Yes!"},
		{"first line only", "標題\n正文。", "標題"},
		{"no stop", "沒有句號", "沒有句號"},
		{"exactly the limit", strings.Repeat("字", descriptionMax), strings.Repeat("字", descriptionMax)},
		{"cut at the limit", long, strings.Repeat("改", descriptionMax-1) + "…"},
		{"astral characters kept whole", astral, strings.Repeat("𠀀", descriptionMax-1) + "…"},
		{"mixed widths", "a" + astral, "a" + strings.Repeat("𠀀", descriptionMax-2) + "…"},
		// 葛 + U+E0100 (an ideographic variation selector) must not be
		// separated: the selector chooses the glyph.
		{"variation selector kept with its character",
			strings.Repeat("字", descriptionMax-2) + "葛\U000E0100" + long,
			strings.Repeat("字", descriptionMax-2) + "…"},
		{"combining mark kept with its letter",
			strings.Repeat("x", descriptionMax-2) + "e\u0301" + long,
			strings.Repeat("x", descriptionMax-2) + "…"},
		{"not cut after a zero-width joiner",
			strings.Repeat("x", descriptionMax-2) + "\u200d" + long,
			strings.Repeat("x", descriptionMax-2) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstSentence(tt.text)
			if got != tt.want {
				t.Errorf("firstSentence = %q (%d characters)\nwant %q (%d)", got, utf8.RuneCountInString(got), tt.want, utf8.RuneCountInString(tt.want))
			}
			if !utf8.ValidString(got) {
				t.Errorf("not valid UTF-8: %q", got)
			}
			// Every character kept is the source's, whole: a byte or
			// UTF-16 cut would leave an invalid or different character.
			if !strings.HasPrefix(tt.text, strings.TrimSuffix(got, "…")) {
				t.Errorf("%q is not a prefix of the text", got)
			}
			if n := utf8.RuneCountInString(got); n > descriptionMax {
				t.Errorf("%d characters, more than %d", n, descriptionMax)
			}
		})
	}
}

func TestUnitDescription(t *testing.T) {
	u := &site.Unit{Name: "市法院"}
	for _, title := range []string{"虛假訴訟失信人制度", "打造商事多元調解平臺"} {
		u.Measures = append(u.Measures, &site.Measure{Title: title})
	}
	got := unitDescription("%s牽頭的改革創新經驗共%d項:%s。", u)
	if want := "市法院牽頭的改革創新經驗共2項:虛假訴訟失信人制度、打造商事多元調解平臺。"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for range 20 {
		u.Measures = append(u.Measures, &site.Measure{Title: "一個很長很長的項目名稱"})
	}
	if n := utf8.RuneCountInString(unitDescription("%s牽頭的改革創新經驗共%d項:%s。", u)); n != descriptionMax {
		t.Errorf("a long list gives %d characters, want it cut to %d", n, descriptionMax)
	}
}
