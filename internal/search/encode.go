package search

import (
	"strings"
	"unicode/utf16"
)

// The page index writes lists of small numbers as strings of base64url
// characters, which need no escaping in JSON or JavaScript and cost one byte
// each: a number is written in base 32, most significant digit first; the
// last digit is one of the first 32 characters ('A'–'Z', 'a'–'f'), every
// other one of the last 32 ('g'–'z', '0'–'9', '-', '_'). Numbers below 32
// take one character, below 1,024 two. internal/search/shards.js and
// assets/search.js decode them (digits()).
const digitChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendNumber appends v (≥ 0) to b in the digits above.
func appendNumber(b []byte, v int) []byte {
	if v < 32 { // most are
		return append(b, digitChars[v])
	}
	var tmp [14]byte
	i := len(tmp) - 1
	tmp[i] = digitChars[v&31]
	for v >>= 5; v > 0; v >>= 5 {
		i--
		tmp[i] = digitChars[32+v&31]
	}
	return append(b, tmp[i:]...)
}

// digitValue is the value of the digit c.
func digitValue(c byte) int { return strings.IndexByte(digitChars, c) }

// readDigits reads the one number in b.
func readDigits(b []byte) int {
	v := 0
	for _, c := range b {
		d := digitValue(c)
		if d < 32 {
			return v*32 + d
		}
		v = v*32 + d - 32
	}
	return v
}

// bucket returns which of n shards holds key: FNV-1a over the key's UTF-16
// code units, as JavaScript sees a string, modulo n. shards.js
// computes the same.
func bucket(key string, n int) int {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(key)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return int(h % uint32(n))
}
