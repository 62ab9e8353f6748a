package hostile

import (
	"bytes"
	"strings"
	"testing"
)

// TestUTF8: bytes that are not UTF-8 (invalid, overlong, surrogates,
// truncated, other encodings), byte order marks, line endings.
func TestUTF8(t *testing.T) {
	title := lineOf(t, siteFile, "title = ")
	home := lineOf(t, stringsFile, "home = ")
	noticeText := lines(noticeFile) + 1 // a line appended to the notice
	const bom = "\ufeff"
	intoTitle := func(b string) func(e *env) {
		return func(e *env) { e.replace(m05, `title = "進出口`, `title = "進出口`+b) }
	}
	titleOf05 := "進出口貨物收發貨人注冊登記無紙化"
	cases := []hcase{
		buildFails("invalid_byte_in_text", func(e *env) { e.appendTo(m05, "進出口\xff\n") }, at(m05, textLine+1)),
		buildFails("invalid_byte_in_title", intoTitle("\xff"), at(m05, titleLine)),
		buildFails("overlong_slash", intoTitle("\xc0\xaf"), at(m05, titleLine)),
		buildFails("overlong_nul", intoTitle("\xc0\x80"), at(m05, titleLine)),
		buildFails("surrogate_half", intoTitle("\xed\xa0\x80"), at(m05, titleLine)),
		buildFails("beyond_unicode", intoTitle("\xf4\x90\x80\x80"), at(m05, titleLine)),
		buildFails("lone_continuation_byte", intoTitle("\x80"), at(m05, titleLine)),
		buildFails("truncated_at_end_of_file", func(e *env) { e.appendTo(m05, "進出\xe5\x8f") }, at(m05, textLine+1)),
		// 進出口 in Big5, as an old Traditional Chinese editor saves it.
		buildFails("big5_title", func(e *env) { e.setLine(m05, titleLine, "title = \"\xb6\x69\xa5\x58\xa4\x66\"") }, at(m05, titleLine)),
		// 进出口 in GBK.
		buildFails("gbk_text", func(e *env) { e.appendTo(m05, "\xbd\xf8\xb3\xf6\xbf\xda\n") }, at(m05, textLine+1)),
		buildFails("latin1_site_title", func(e *env) { e.setLine(siteFile, title, "title = \"Caf\xe9\"") }, at(siteFile, title)),
		buildFails("invalid_byte_in_notice", func(e *env) { e.appendTo(noticeFile, "通知\xfe\n") }, at(noticeFile, noticeText)),
		buildFails("invalid_byte_in_strings", func(e *env) { e.setLine(stringsFile, home, "home = \"\xff\"") }, stringsFile),
		buildFails("utf16_file", func(e *env) {
			var b bytes.Buffer
			b.WriteString("\xff\xfe")
			for _, c := range string(e.read(m05)) {
				b.WriteByte(byte(c)) // low bytes only: enough to be UTF-16LE-shaped
				b.WriteByte(byte(c >> 8))
			}
			e.write(m05, b.String())
		}, at(m05, 1)),
		// The column is in characters: 進出口 are three, the bad byte the fourth.
		hcase{name: "invalid_byte_column_in_characters", args: []string{"build"}, code: 1,
			mutate: func(e *env) { e.appendTo(m05, "進出口\xff\n") }, want: []string{atCol(m05, textLine+1, 4)},
			finding: "the column of invalid UTF-8 is counted in bytes (10, not 4)"},

		// Notepad and many Chinese editors begin a file with a byte order mark.
		builds("bom_measure", func(e *env) { e.prepend(m05, bom) }, func(e *env, r *result) {
			e.outHolds("measures/05.html", titleOf05)
		}).proves(10),
		builds("bom_notice", func(e *env) { e.prepend(noticeFile, bom) }, nil).proves(10),
		builds("bom_measure_crlf", func(e *env) {
			e.write(m05, bom+strings.ReplaceAll(string(e.read(m05)), "\n", "\r\n"))
		}, func(e *env, r *result) { e.outHolds("measures/05.html", titleOf05) }).proves(10),
		builds("bom_site_toml", func(e *env) { e.prepend(siteFile, bom) }, nil),
		builds("bom_strings_toml", func(e *env) { e.prepend(stringsFile, bom) }, nil),
		builds("bom_stylesheet", func(e *env) { e.prepend("assets/site.css", bom) }, nil),
		// The TOML decoder drops the second mark itself: nothing reaches a page.
		builds("two_boms_site_toml", func(e *env) { e.prepend(siteFile, bom+bom) }, func(e *env, r *result) {
			if strings.Contains(string(e.read("public/index.html")), bom) {
				e.t.Error("a byte order mark of site.toml reached index.html")
			}
		}),
		// Windows line ends give the same site, byte for byte.
		builds("crlf_everywhere", func(e *env) {
			for _, f := range []string{siteFile, noticeFile, m05, stringsFile, "content/measures/17.md"} {
				e.write(f, strings.ReplaceAll(string(e.read(f)), "\n", "\r\n"))
			}
		}, func(e *env, r *result) {
			for _, f := range []string{"measures.json", "measures.csv", "measures/05.html", "index.html"} {
				if e.out(f) != string(prev(f)) {
					e.t.Errorf("with CRLF line ends, public/%s differs from the site built with LF", f)
				}
			}
		}),
		builds("non_bmp_title", intoTitle("𠀋𡈽"), func(e *env, r *result) {
			e.outHolds("measures/05.html", "進出口𠀋𡈽")
		}),
	}
	runCases(t, "utf8", cases)
}

// prev is a file of the previous site, built from the repository's sources.
func prev(rel string) []byte {
	for _, f := range previous {
		if f.rel == rel {
			return f.data
		}
	}
	return nil
}
