package content

import "testing"

// TestText checks what a source text file may hold, and that a problem is
// reported at its line and column in characters.
func TestText(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the text returned, when it passes
		err       string // the whole error, when it does not
		excerpt   string
	}{
		{name: "plain", src: "a = 1\n", want: "a = 1\n"},
		{name: "CR LF and tabs", src: "a\t= 1\r\nb = 2\r\n", want: "a\t= 1\r\nb = 2\r\n"},
		{name: "byte order mark dropped", src: "\ufeff+++\n", want: "+++\n"},
		{name: "NUL after CJK", src: "+++\n第2項\x00內容\n", err: "f.md:2:4: control character U+0000: not allowed in text (only tab and line breaks are); delete it",
			excerpt: "    | 第2項␀內容\n    |      ^"},
		{name: "escape code, counted lines", src: "\x1b[31m\nok\n\x07\x07\nx\x08\n", err: "f.md:1:1: control character U+001B: not allowed in text (only tab and line breaks are); delete it (and on 2 more line(s) of this file)"},
		{name: "column after a byte order mark", src: "\ufeff標題\x01", err: "f.md:1:3: control character U+0001: not allowed in text (only tab and line breaks are); delete it"},
		{name: "CR alone", src: "a\rb\n", err: "f.md:1:2: carriage return (U+000D) without a line feed: save the file with LF or CR LF line ends"},
		{name: "CR at the end", src: "ab\r", err: "f.md:1:3: carriage return (U+000D) without a line feed: save the file with LF or CR LF line ends"},
		{name: "invalid UTF-8 after CJK", src: "一\n二三\xff\n", err: "f.md:2:3: invalid UTF-8 (byte 0xff): save the file as UTF-8", excerpt: "    | 二三\ufffd\n    |     ^"},
		{name: "UTF-16 without a byte order mark", src: "+\x00+\x00+\x00\n\x00", err: "f.md:1: the file is saved as UTF-16: save it as UTF-8"},
		{name: "UTF-16 with one", src: "\xff\xfe+\x00", err: "f.md:1: the file is saved as UTF-16: save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, e := Text("f.md", []byte(tt.src))
			switch {
			case tt.err == "" && e != nil:
				t.Fatalf("error %v, want none", e)
			case tt.err == "" && string(got) != tt.want:
				t.Fatalf("got %q, want %q", got, tt.want)
			case tt.err != "" && e == nil:
				t.Fatalf("no error, want %s", tt.err)
			case tt.err != "" && e.Error() != tt.err:
				t.Fatalf("error\n got %s\nwant %s", e, tt.err)
			}
			if tt.excerpt != "" && e.Excerpt() != tt.excerpt {
				t.Errorf("excerpt\n%s\nwant\n%s", e.Excerpt(), tt.excerpt)
			}
		})
	}
}

func TestIgnored(t *testing.T) {
	for _, name := range []string{".#05.md", "._05.md", ".hidden.md", ".DS_Store", ".git", "05.md~", "site.css~", ".05.md.swp",
		"05.md.swp", "05.md.swo", "05.md.bak", "05.md.tmp", "#05.md#", "site.css.crswap", "05.md___jb_tmp___", "~$notice.docx",
		"4913", "Thumbs.db", "desktop.ini"} {
		if !Ignored(name) {
			t.Errorf("Ignored(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"05.md", "site.css", "search.js", "favicon.svg", "v1.2.md", "a~b.css", "bak.css", "tmp", "49130"} {
		if Ignored(name) {
			t.Errorf("Ignored(%q) = true, want false", name)
		}
	}
}
