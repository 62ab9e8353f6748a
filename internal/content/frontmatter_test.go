package content

import (
	"bytes"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src         string
		front, body       string
		frontLine, bodyAt int
		err               error
	}{
		{name: "plain", src: "+++\na = 1\n+++\n\ntext\n", front: "a = 1\n", body: "\ntext\n", frontLine: 2, bodyAt: 4},
		{name: "crlf", src: "+++\r\na = 1\r\n+++\r\ntext", front: "a = 1\r\n", body: "text", frontLine: 2, bodyAt: 4},
		{name: "empty front matter", src: "+++\n+++\ntext", front: "", body: "text", frontLine: 2, bodyAt: 3},
		{name: "no trailing newline", src: "+++\na = 1\n+++", front: "a = 1\n", body: "", frontLine: 2, bodyAt: 4},
		{name: "+++ inside a value is not a delimiter", src: "+++\na = \"+++\"\n+++\nx", front: "a = \"+++\"\n", body: "x", frontLine: 2, bodyAt: 4},
		{name: "no front matter", src: "text\n", err: errNoFrontMatter},
		{name: "empty file", src: "", err: errNoFrontMatter},
		{name: "BOM", src: "\ufeff+++\na = 1\n+++\n", err: errNoFrontMatter},
		{name: "unclosed", src: "+++\na = 1\n", err: errUnclosed},
		{name: "yaml", src: "---\na: 1\n---\n", err: errNoFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := splitFrontMatter([]byte(tt.src))
			if err != tt.err {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if string(doc.front) != tt.front || string(doc.body) != tt.body || doc.frontLine != tt.frontLine || doc.bodyLine != tt.bodyAt {
				t.Errorf("got front %q (line %d) body %q (line %d), want %q (line %d) %q (line %d)",
					doc.front, doc.frontLine, doc.body, doc.bodyLine, tt.front, tt.frontLine, tt.body, tt.bodyAt)
			}
		})
	}
}

// FuzzSplitFrontMatter checks that splitting never panics and that the parts
// are the source's own bytes, in order, with consistent line numbers.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"+++\na = 1\n+++\ntext", "+++\r\n+++\r\n", "+++", "x", "+++\n+++\n+++\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := splitFrontMatter(src)
		if err != nil {
			return
		}
		if !bytes.HasPrefix(src, []byte("+++")) {
			t.Fatalf("accepted %q without an opening +++", src)
		}
		i := bytes.Index(src, doc.front)
		if i < 0 || !bytes.HasSuffix(src, doc.body) {
			t.Fatalf("parts are not taken from the source: %q", src)
		}
		if got := bytes.Count(src[:len(src)-len(doc.body)], []byte("\n")) + 1; len(doc.body) > 0 && got != doc.bodyLine {
			t.Fatalf("body line %d, counted %d in %q", doc.bodyLine, got, src)
		}
	})
}
