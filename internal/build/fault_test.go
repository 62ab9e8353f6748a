//go:build unix

package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestKilledBuilds kills (SIGKILL: no chance to clean up) real `microsite
// build` processes of a 1,000-measure site at delays spread over a build's
// duration. After every kill the output folder holds the previous site or
// the new one, whole (every file as its SHA256SUMS lists it, and nothing
// else), and after the next build nothing is left beside it.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 measures 50 times: not with -short")
	}
	bin := filepath.Join(t.TempDir(), "microsite")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/gzgov/nansha-microsite/cmd/microsite").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// Two sources whose sites differ in one measure.
	srcs := [2]string{srctest.Corpus(t, 1000), srctest.Corpus(t, 1000)}
	m := filepath.Join(srcs[1], "content/measures/0500.md")
	data, err := os.ReadFile(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(m, append(data, "\n補充一句。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(srctest.ScratchDir(t), "public")
	build := func(src string) *exec.Cmd {
		return exec.Command(bin, "build", "--source", src, "--out", out)
	}
	var sums [2][]byte
	var took time.Duration // of the last build that replaced a site
	for i, src := range srcs {
		start := time.Now()
		if msg, err := build(src).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, msg)
		}
		took = time.Since(start)
		sums[i] = wholeSite(t, out)
	}
	if bytes.Equal(sums[0], sums[1]) {
		t.Fatal("the two sources give the same site")
	}

	const kills = 22
	current, previous, fresh, leftovers := 1, 0, 0, 0
	for i := range kills {
		next := 1 - current
		// From a sixteenth of a build's time to well past its end,
		// as long as the last one took: the machine's load varies.
		delay := took * time.Duration(i+1) * 140 / (100 * kills)
		cmd := build(srcs[next])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()
		switch got := wholeSite(t, out); {
		case bytes.Equal(got, sums[current]):
			t.Logf("killed after %v: the previous site", delay)
			previous++
		case bytes.Equal(got, sums[next]):
			t.Logf("killed after %v: the new site", delay)
			fresh++
		default:
			t.Fatalf("kill after %v: the output holds neither site", delay)
		}
		if len(siblings(t, out)) > 1 {
			leftovers++
		}
		start := time.Now()
		if msg, err := build(srcs[next]).CombinedOutput(); err != nil {
			t.Fatalf("the build after a kill: %v\n%s", err, msg)
		}
		took = time.Since(start)
		if names := siblings(t, out); !slices.Equal(names, []string{"public"}) {
			t.Fatalf("after the build that followed a kill at %v, beside the site: %q", delay, names)
		}
		if !bytes.Equal(wholeSite(t, out), sums[next]) {
			t.Fatalf("the build after a kill at %v did not give its site", delay)
		}
		current = next
	}
	t.Logf("the last build took %v; of %d kills, %d left the previous site, %d the new one; %d left a staging folder", took, kills, previous, fresh, leftovers)
	if previous == 0 || fresh == 0 || leftovers == 0 {
		t.Errorf("the kills did not cover a build: %d left the previous site, %d the new one, %d a staging folder", previous, fresh, leftovers)
	}
}
