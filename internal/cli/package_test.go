package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestBuildZipAndPackage(t *testing.T) {
	dir := t.TempDir()
	out, zip1, zip2 := filepath.Join(dir, "public"), filepath.Join(dir, "a", "site.zip"), filepath.Join(dir, "b", "site.zip")
	for _, d := range []string{filepath.Dir(zip1), filepath.Dir(zip2)} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", "../..", "--out", out, "--zip", zip1}, &stdout, &stderr); code != 0 {
		t.Fatalf("build --zip: exit %d: %s", code, stderr.String())
	}
	if want := regexp.MustCompile(`^built \d+ pages, \d+ files, \d+ bytes in .*\npackaged \d+ files of .*/public into .*/a/site.zip\n$`); !want.MatchString(stdout.String()) {
		t.Errorf("build --zip printed %q", stdout.String())
	}
	stdout.Reset()
	if code := Main([]string{"package", "--site", out, zip2}, &stdout, &stderr); code != 0 {
		t.Fatalf("package: exit %d: %s", code, stderr.String())
	}
	a, _ := os.ReadFile(zip1)
	b, _ := os.ReadFile(zip2)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("build --zip and package wrote different archives of the same site")
	}
	stderr.Reset()
	if code := Main([]string{"package"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("package without a file: exit %d, want %d", code, exitUsage)
	}
}
