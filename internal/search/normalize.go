package search

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as search compares it: its Unicode NFKC form,
// lower-cased with Unicode's full, language-neutral mapping (as
// JavaScript's toLowerCase: İ becomes i and a combining dot, a final Σ
// becomes ς), each character then folded through f. Runs of whitespace
// become one space, and the result is trimmed.
//
// assets/search.js implements the same function with the browser's own
// String.prototype.normalize and toLowerCase; keep the two in step (a
// browser test compares them).
func (f Fold) Normalize(s string) string {
	s = cases.Lower(language.Und).String(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
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
