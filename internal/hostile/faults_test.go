package hostile

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/corpus"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestFaults: what a build killed half-way leaves behind, met by the next
// build: after a kill public/ is the old site or the new one, whole; after
// the next build no staging folder is left.
func TestFaults(t *testing.T) {
	newTitle := func(e *env) {
		e.replace(m05, "進出口貨物收發貨人注冊登記無紙化", "進出口貨物收發貨人注冊登記無紙化(新)")
	}
	cases := []hcase{
		// kill -9 while the new site is being written beside public/.
		hcase{name: "build_killed_while_staging", args: []string{"build"}, writes: []string{".public*"},
			mutate: func(e *env) {
				newTitle(e)
				e.own()
				e.killWhileStaging()
				e.verifySite(e.path("public"))
			}}.proves(12),
		// A kill between the two renames: public/ moved aside, the new site
		// not yet in place.
		hcase{name: "build_killed_between_renames", args: []string{"build"}, writes: []string{".public*"},
			mutate: func(e *env) {
				e.mkdir(".public.old-1234567890")
				e.rename("public", ".public.old-1234567890/site")
			},
			then: func(e *env, r *result) {
				if !e.exists("public/index.html") {
					e.t.Error("no public/index.html after the build")
				}
			}}.proves(12),
		// The fault test: kill -9 a 1,000-measure build at 20 moments
		// spread over it; after each kill public/ is the old site or the
		// new one, whole; the next build leaves no staging folder.
		hcase{name: "build_killed_at_20_moments", heavy: true, args: []string{"build"}, writes: []string{".public*"},
			mutate: func(e *env) { e.killAtMoments(1000, 20) }}.proves(12),
	}
	runCases(t, "faults", cases)
}

// killAtMoments replaces the measures with n synthetic ones, builds them
// once into ../ref to learn the new site and how long a build takes, then
// starts and kills (SIGKILL) a build of them into public/ at kills moments
// spread over that time, checking public/ after each.
func (e *env) killAtMoments(n, kills int) {
	e.t.Helper()
	root, err := srctest.RepoRoot()
	if err != nil {
		e.t.Fatal(err)
	}
	gen := filepath.Join(e.root, "generated")
	if err := corpus.Write(gen, root, n); err != nil {
		e.t.Fatal(err)
	}
	e.remove("content/measures")
	if err := os.Rename(filepath.Join(gen, "content", "measures"), e.path("content/measures")); err != nil {
		e.t.Fatal(err)
	}
	e.remove("../generated")
	e.own()
	oldSums := string(e.read("public/SHA256SUMS"))
	start := time.Now()
	if r := e.run(nil, "build", "--out", "../ref"); r.code != 0 {
		e.t.Fatalf("building %d measures: %s", n, r.output())
	}
	took := time.Since(start)
	e.t.Logf("a build of %d measures took %v", n, took)
	newSums := string(e.read("../ref/SHA256SUMS"))
	for i := range kills {
		cmd := exec.Command(bin, "build")
		cmd.Dir = e.site
		cmd.Env = e.environ(nil)
		cmd.SysProcAttr = runAs()
		if err := cmd.Start(); err != nil {
			e.t.Fatal(err)
		}
		time.Sleep(took * time.Duration(i+1) / time.Duration(kills+1))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		sums, err := os.ReadFile(e.path("public/SHA256SUMS"))
		if err != nil || string(sums) != oldSums && string(sums) != newSums {
			e.t.Fatalf("killed after %v: public/ is neither the old site nor the new one (%v)", took*time.Duration(i+1)/time.Duration(kills+1), err)
		}
		e.verifySite(e.path("public"))
	}
}

// killWhileStaging starts a build and kills it (SIGKILL) once its staging
// folder beside public/ holds files, trying again when the build finished
// first.
func (e *env) killWhileStaging() {
	e.t.Helper()
	for range 20 {
		cmd := exec.Command(bin, "build")
		cmd.Dir = e.site
		cmd.Env = e.environ(nil)
		cmd.SysProcAttr = runAs()
		if err := cmd.Start(); err != nil {
			e.t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		killed := false
	poll:
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
			select {
			case <-done:
				break poll
			default:
			}
			if e.stagingHoldsFiles() {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
			time.Sleep(200 * time.Microsecond)
		}
		<-done
		if killed && e.stagingLeft() {
			return
		}
		// It finished first, or left nothing: start from the previous site again.
		e.remove("public")
		if err := writeTree(e.path("public"), previous); err != nil {
			e.t.Fatal(err)
		}
		e.own()
	}
	e.t.Fatal("could not kill a build while it wrote its staging folder")
}

// stagingHoldsFiles reports whether a staging folder beside public/
// (.public.new-123, or any .public… name) holds anything yet.
func (e *env) stagingHoldsFiles() bool {
	entries, _ := os.ReadDir(e.site)
	for _, d := range entries {
		if strings.HasPrefix(d.Name(), ".public") && d.IsDir() {
			if inside, _ := os.ReadDir(e.path(d.Name())); len(inside) > 0 {
				return true
			}
		}
	}
	return false
}

// stagingLeft reports whether a killed build left a staging folder.
func (e *env) stagingLeft() bool {
	entries, _ := os.ReadDir(e.site)
	for _, d := range entries {
		if strings.HasPrefix(d.Name(), ".public") {
			return true
		}
	}
	return false
}
