package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as search compares it. Each segment of s — a code
// point and the combining marks that follow it — becomes its NFKC form,
// lower-cased with Unicode's full mapping (as JavaScript's toLowerCase does:
// İ becomes i and a combining dot), then folded through f. Runs of whitespace
// become one space, and the result is trimmed.
//
// assets/search.js implements the same function; keep the two in step (a
// browser test compares them).
func (f Fold) Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	emit := func(r rune) {
		if isSpace(r) {
			space = true
			return
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if to, ok := f[r]; ok {
			r = to
		}
		b.WriteRune(r)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		end := i + n
		for end < len(s) {
			m, size := utf8.DecodeRuneInString(s[end:])
			if !isMark(m) {
				break
			}
			end += size
		}
		switch {
		case end-i == n && r < utf8.RuneSelf:
			// ASCII: NFKC leaves it alone; only the case changes.
			emit(unicode.ToLower(r))
		case end-i == n && r >= 0x4E00 && r <= 0x9FFF:
			// CJK Unified Ideographs: NFKC and case leave them alone.
			emit(r)
		default:
			for _, r := range lower(norm.NFKC.String(s[i:end])) {
				emit(r)
			}
		}
		i = end
	}
	return b.String()
}

// Terms splits a query into normalised terms: its whitespace-separated parts.
// An empty or blank query has no terms.
func (f Fold) Terms(query string) []string {
	return strings.Fields(f.Normalize(query))
}

// isSpace reports whether r is whitespace to search. The set is spelled out,
// not taken from unicode.IsSpace, because JavaScript's \s differs from it
// (U+0085, U+FEFF). It lists only what can remain after NFKC, which turns
// U+00A0, U+2000–U+200A, U+202F, U+205F and U+3000 into a plain space.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0x1680, 0x2028, 0x2029:
		return true
	}
	return false
}

// isMark reports whether r is a combining mark, which belongs to the segment
// of the character before it (so e + U+0301 normalises as é).
func isMark(r rune) bool {
	return r >= 0x300 && !(r >= 0x4E00 && r <= 0x9FFF) && unicode.In(r, unicode.M)
}

// lower lower-cases s with Unicode's full mapping, language-neutral. A Caser
// keeps state between calls, so each call makes its own; this path is only
// taken for the few segments that are neither ASCII nor common ideographs.
func lower(s string) string {
	return cases.Lower(language.Und).String(s)
}
