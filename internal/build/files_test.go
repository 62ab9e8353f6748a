package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"testing"
)

// noticeWith is the repository's notice with lines added to the end of its
// front matter.
func noticeWith(t *testing.T, lines string) string {
	t.Helper()
	src := repoFile(t, "content/notice.md")
	front, body, ok := strings.Cut(strings.TrimPrefix(src, "+++\n"), "\n+++\n")
	if !ok {
		t.Fatal("content/notice.md has no front matter")
	}
	return "+++\n" + front + "\n" + lines + "\n+++\n" + body
}

// TestLinkedFiles: the documents the notice links to are published — those
// of content/files/ at files/<name>, byte for byte, those of assets/ as
// assets — listed in SHA256SUMS, linked from the notice in both editions
// with their format and size; a file of content/files/ that no link names
// is not published.
func TestLinkedFiles(t *testing.T) {
	pdf := "%PDF-1.4\n" + strings.Repeat("0123456789", 300) // 3009 bytes: 3 KB
	docx := "PK\x03\x04" + strings.Repeat("\x00", 96)
	src := sourceTree(t, map[string]string{
		"content/notice.md": noticeWith(t, `originals = ["content/files/161.pdf", "assets/161.docx"]

[[related]]
title = "第二批改革創新經驗"
file = "content/files/161.pdf"`),
		"content/files/161.pdf":   pdf,
		"content/files/draft.pdf": "%PDF-1.4 a draft nobody links",
		"assets/161.docx":         docx,
	})
	files := readTree(t, buildTree(t, src))
	if got := string(files["files/161.pdf"]); got != pdf {
		t.Errorf("files/161.pdf: %d bytes, want the source's %d", len(got), len(pdf))
	}
	for name := range files {
		if strings.Contains(name, "draft") {
			t.Errorf("%s published: no link names it", name)
		}
	}
	sum := sha256.Sum256([]byte(pdf))
	if want := hex.EncodeToString(sum[:]) + "  files/161.pdf\n"; !strings.Contains(string(files["SHA256SUMS"]), want) {
		t.Errorf("SHA256SUMS lacks %q", want)
	}
	var docxPath string
	for name := range files {
		if strings.HasPrefix(name, "assets/161.") && strings.HasSuffix(name, ".docx") {
			docxPath = name
		}
	}
	if docxPath == "" || string(files[docxPath]) != docx {
		t.Fatalf("assets/161.docx not published as it is (at %q)", docxPath)
	}
	for page, want := range map[string][]string{
		"index.html": {`<a href="files/161.pdf">穗府函〔2018〕161號（PDF，3 KB）</a>`, `<a href="` + docxPath + `">穗府函〔2018〕161號（Word，100 B）</a>`,
			`<a href="files/161.pdf">第二批改革創新經驗（PDF，3 KB）</a>`},
		"zh-hans/index.html": {`<a href="../files/161.pdf">穗府函〔2018〕161号（PDF，3 KB）</a>`, `<a href="../files/161.pdf">第二批改革创新经验（PDF，3 KB）</a>`},
	} {
		for _, w := range want {
			if !strings.Contains(string(files[page]), w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
}

// TestLinkedFileMissing: a link to a file that is not there stops the
// build at the link's line, and leaves no site.
func TestLinkedFileMissing(t *testing.T) {
	src := sourceTree(t, map[string]string{"content/notice.md": noticeWith(t, `originals = ["content/files/161.pdf"]`)})
	line := strings.Count(strings.SplitAfter(repoFile(t, "content/notice.md"), "\n+++\n")[0], "\n")
	_, err := Outputs(os.DirFS(src))
	want := "content/notice.md:" + strconv.Itoa(line) + `:1: originals: "content/files/161.pdf": no such file: put it under content/files/ or assets/`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
