package content

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// bom is the UTF-8 byte order mark that Notepad and many Chinese editors put
// at the start of a file. It is not part of the text: it is dropped before
// anything else reads the file, so that line 1 starts at column 1.
var bom = []byte("\ufeff")

// Text checks the bytes of a source text file (site.toml, a Markdown file,
// layouts/strings.toml) and returns them without a byte order mark. The text
// must be UTF-8 and hold no control character but tab and line breaks (LF,
// or CR LF): a NUL or an escape code pasted from another program would
// otherwise reach the pages and the open data. On failure it returns nil and
// the error, at the first offending character.
func Text(name string, src []byte) ([]byte, *diag.Error) {
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) || looksUTF16(src) {
		return nil, &diag.Error{Pos: diag.Pos{File: name, Line: 1}, Msg: l10n.Sprintf("the file is saved as UTF-16: save it as UTF-8")}
	}
	src = bytes.TrimPrefix(src, bom)
	if !utf8.Valid(src) {
		return nil, invalidUTF8(name, src)
	}
	if e := controlChars(name, src); e != nil {
		return nil, e
	}
	return src, nil
}

// looksUTF16 reports whether src starts like UTF-16 text without a byte
// order mark: ASCII with a zero byte beside each character, which is valid
// UTF-8 full of NULs.
func looksUTF16(src []byte) bool {
	return len(src) >= 4 && (src[0] != 0 && src[1] == 0 && src[2] != 0 && src[3] == 0 ||
		src[0] == 0 && src[1] != 0 && src[2] == 0 && src[3] != 0)
}

func invalidUTF8(name string, src []byte) *diag.Error {
	line, col, start := 1, 1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return &diag.Error{
				Pos:  diag.Pos{File: name, Line: line, Col: col},
				Msg:  l10n.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[i]),
				Text: string(bytes.ToValidUTF8(lineAt(src, start), []byte("\ufffd"))),
			}
		}
		i += size
		if r == '\n' {
			line, col, start = line+1, 1, i
		} else {
			col++
		}
	}
	panic("unreachable: invalidUTF8 called on valid UTF-8")
}

// lineAt returns the line of src that starts at start, without its line end.
func lineAt(src []byte, start int) []byte {
	l, _, _ := cutLine(src[start:])
	return trimCR(l)
}

// controlChars returns an error at the first control character of the
// valid UTF-8 src, or nil. Tab and LF are text; CR is, right before LF.
// The error counts the other lines that hold one, so that a file full of
// them (UTF-16 read as UTF-8, a binary file) is one message, not thousands.
func controlChars(name string, src []byte) *diag.Error {
	var first *diag.Error
	more := 0
	line, start := 1, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line, start = line+1, i+1
			continue
		case c >= 0x20 || c == '\t' || c == '\r' && i+1 < len(src) && src[i+1] == '\n':
			continue
		}
		if first != nil {
			more++
			// Count each line once: skip to its end.
			if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
				i += j - 1
			} else {
				i = len(src)
			}
			continue
		}
		text := lineAt(src, start)
		first = &diag.Error{
			Pos:  diag.Pos{File: name, Line: line, Col: utf8.RuneCount(src[start:i]) + 1},
			Msg:  controlMsg(rune(c)),
			Text: string(bytes.Map(visible, text)),
		}
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			i += j - 1
		} else {
			i = len(src)
		}
	}
	if first != nil && more > 0 {
		first.Msg += l10n.Sprintf(" (and on %d more line(s) of this file)", more)
	}
	return first
}

// controlMsg says what is wrong with the control character c in text.
func controlMsg(c rune) string {
	if c == '\r' {
		return l10n.Sprintf("carriage return (U+000D) without a line feed: save the file with LF or CR LF line ends")
	}
	return l10n.Sprintf("control character %U: not allowed in text (only tab and line breaks are); delete it", c)
}

// isControl reports whether r is a control character text may not hold:
// C0 but for tab and LF. CR is checked by its caller, which knows what
// follows it.
func isControl(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' }

// controlIn returns the first control character of a decoded value that
// text may not hold, and whether there is one. A CR is text only before LF.
func controlIn(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && !(c == '\r' && i+1 < len(s) && s[i+1] == '\n') {
			return rune(c), true
		}
	}
	return 0, false
}

// visible shows a control character in an excerpt as its Control Pictures
// symbol (␀ for NUL), so that the terminal shows where it is.
func visible(r rune) rune {
	if isControl(r) || r == '\r' {
		return 0x2400 + r
	}
	return r
}

// charRef matches a numeric character reference in Markdown: &#8; or &#x8;.
var charRef = regexp.MustCompile(`&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});`)

// controlRefs reports the numeric character references in a Markdown body
// that stand for a control character (goldmark turns &#8; into U+0008),
// each at its line and column in file.
func (l *loader) controlRefs(src site.Source) {
	if !bytes.Contains(src.Text, []byte("&#")) {
		return
	}
	line := src.Line
	for text := src.Text; len(text) > 0; line++ {
		l1, rest, _ := cutLine(text)
		for _, m := range charRef.FindAllSubmatchIndex(l1, -1) {
			digits := string(l1[m[2]:m[3]])
			base := 10
			if digits[0] == 'x' || digits[0] == 'X' {
				digits, base = digits[1:], 16
			}
			n, err := strconv.ParseInt(digits, base, 32)
			if err != nil || n == 0 || !(isControl(rune(n)) || n == '\r') {
				continue // &#0; is U+FFFD in CommonMark, not NUL
			}
			l.errs.addErr(&diag.Error{
				Pos:  diag.Pos{File: src.File, Line: line, Col: utf8.RuneCount(l1[:m[0]]) + 1},
				Msg:  l10n.Sprintf("character reference %s is control character %U: not allowed in text (only tab and line breaks are); delete it", l1[m[0]:m[1]], n),
				Text: string(trimCR(l1)),
			})
		}
		text = rest
	}
}

// column converts a byte offset in line into a column in characters, as
// editors count them (1-based).
func column(line []byte, offset int) int {
	offset = min(max(offset, 0), len(line))
	return utf8.RuneCount(line[:offset]) + 1
}

// DecodeTOML decodes the TOML source file name (layouts/strings.toml) into
// v with the checks of site.toml: text only (see Text), syntax errors at
// their line and column in characters, and no control character in any
// string, even written as an escape. On failure the error is a diag.List.
func DecodeTOML(name string, src []byte, v any) error {
	l := &loader{}
	if src, e := Text(name, src); e != nil {
		l.errs.addErr(e)
	} else if md := l.decode(name, src, 1, v); md != nil {
		l.checkStrings(where{file: name, data: src, firstLine: 1}, nil, -1, reflect.ValueOf(v))
	}
	return l.errs.err()
}
