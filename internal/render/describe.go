package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// The meta descriptions of pages that have no summary of their own.

// descriptionMax is the longest meta description, in characters: search
// engines show about 80 to 120 Chinese characters.
const descriptionMax = 120

// firstSentence returns text up to and including its first full stop, cut on
// a character boundary at descriptionMax characters.
func firstSentence(text string) string {
	text, _, _ = strings.Cut(text, "\n")
	if i := strings.IndexAny(text, "。!?!?"); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[i:])
		text = text[:i+size]
	}
	return truncate(text, descriptionMax)
}

// truncate cuts text to at most max characters, the last being "…" when it
// cut. It cuts between characters (runes: a character outside the Basic
// Multilingual Plane, two UTF-16 units in a browser, is never split) and
// never before a combining mark or variation selector or after a zero-width
// joiner, which would change or break the character before the cut.
func truncate(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	runes := []rune(text)
	cut := max - 1
	for cut > 0 && (unicode.In(runes[cut], unicode.Mn, unicode.Me, unicode.Mc) || runes[cut-1] == '\u200d') {
		cut--
	}
	return string(runes[:cut]) + "…"
}

// unitDescription summarises a unit's page: its name, how many measures it
// leads and their titles (format from layouts/strings.toml).
func unitDescription(format string, u *site.Unit) string {
	titles := make([]string, len(u.Measures))
	for i, m := range u.Measures {
		titles[i] = m.Title
	}
	return truncate(fmt.Sprintf(format, u.Name, len(u.Measures), strings.Join(titles, "、")), descriptionMax)
}
