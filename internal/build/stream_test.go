package build

import (
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestStreamedFormatsAreNotPagesOrStyles: a streamed file never passes through the
// site check, which reads only pages and style sheets; one of those must
// be generated whole.
func TestStreamedFormatsAreNotPagesOrStyles(t *testing.T) {
	for _, f := range formats {
		if f.stream == nil {
			continue
		}
		if ext := path.Ext(f.path); ext == ".html" || ext == ".css" {
			t.Errorf("%s is streamed, so the site check would never read it", f.path)
		}
		if f.generate != nil {
			t.Errorf("%s has both generate and stream", f.path)
		}
		if !f.minified {
			t.Errorf("%s is streamed, so it cannot be minified after: mark it minified", f.path)
		}
	}
}

func TestStreamFile(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("一項經驗，", 50000) // larger than the write buffer
	t.Run("size and checksum", func(t *testing.T) {
		name := filepath.Join(dir, "measures.json")
		size, sum, err := streamFile(name, func(w io.Writer) error {
			for part := range strings.SplitAfterSeq(text, "，") {
				if _, err := io.WriteString(w, part); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != text || size != int64(len(text)) || sum != sha256.Sum256(data) {
			t.Errorf("wrote %d bytes (size %d, checksum %x), want %d bytes with their checksum", len(data), size, sum, len(text))
		}
	})
	t.Run("error", func(t *testing.T) {
		boom := errors.New("boom")
		_, _, err := streamFile(filepath.Join(dir, "search.json"), func(w io.Writer) error {
			io.WriteString(w, text[:100])
			return boom
		})
		if !errors.Is(err, boom) {
			t.Errorf("got %v, want %v", err, boom)
		}
	})
	t.Run("never over a file", func(t *testing.T) {
		name := filepath.Join(dir, "kept.csv")
		if err := os.WriteFile(name, []byte("someone's"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := streamFile(name, func(w io.Writer) error { return nil }); err == nil {
			t.Error("streamFile wrote over a file it had not made")
		}
		if data, _ := os.ReadFile(name); string(data) != "someone's" {
			t.Errorf("the file now holds %q", data)
		}
	})
}
