package hostile

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// The fixtures TestMain prepares for every case.
var (
	bin      string     // the microsite command, built from this tree
	scratch  string     // the folder every case's scratch tree is made in
	sources  []fileCopy // the repository's sources: site.toml, content/, layouts/, assets/
	previous []fileCopy // the site built from them: every case's previous public/
	pristine = map[string][]byte{}
)

// nobody is the user commands run as when the tests run as root: root
// ignores permissions, an editor does not.
const nobody = 65534

func TestMain(m *testing.M) {
	flag.Parse()
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		code = 1
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	root, err := srctest.RepoRoot()
	if err != nil {
		return 0, err
	}
	base := os.TempDir()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		base = "/dev/shm" // thousands of small files: keep them off the disk
	}
	work, err := os.MkdirTemp(base, "microsite-hostile-*")
	if err != nil {
		return 0, err
	}
	defer removeAll(work)
	// Commands run as nobody must reach the binary and the scratch trees.
	if err := os.Chmod(work, 0o755); err != nil {
		return 0, err
	}
	bin = filepath.Join(work, "microsite")
	build := exec.Command("go", "build", "-o", bin, "./cmd/microsite")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, out)
	}
	scratch = filepath.Join(work, "cases")
	if err := os.Mkdir(scratch, 0o755); err != nil {
		return 0, err
	}
	if sources, err = readTree(root, srctest.Parts...); err != nil {
		return 0, err
	}
	for _, f := range sources {
		if f.mode.IsRegular() {
			pristine[f.rel] = f.data
		}
	}
	// The previous site: built once, from the sources as they are.
	src := filepath.Join(work, "src")
	if err := writeTree(src, sources); err != nil {
		return 0, err
	}
	cmd := exec.Command(bin, "build", "--source", src, "--out", filepath.Join(work, "site"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("building the repository's site: %v\n%s", err, out)
	}
	if previous, err = readTree(filepath.Join(work, "site"), "."); err != nil {
		return 0, err
	}
	code := m.Run()
	printTotals(code)
	return code, nil
}

// fileCopy is a file, folder or symlink of a tree held in memory.
type fileCopy struct {
	rel  string // slash-separated, relative to the tree's root
	mode fs.FileMode
	data []byte
	link string
}

// readTree reads the named parts of the tree at root.
func readTree(root string, parts ...string) ([]fileCopy, error) {
	var files []fileCopy
	for _, part := range parts {
		err := filepath.WalkDir(filepath.Join(root, part), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if rel == "." {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			f := fileCopy{rel: filepath.ToSlash(rel), mode: info.Mode()}
			switch {
			case info.Mode().IsRegular():
				f.data, err = os.ReadFile(p)
			case info.Mode()&fs.ModeSymlink != 0:
				f.link, err = os.Readlink(p)
			}
			files = append(files, f)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// writeTree writes files under dir, parents first (readTree's order).
func writeTree(dir string, files []fileCopy) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.rel))
		var err error
		switch {
		case f.mode.IsDir():
			err = os.MkdirAll(p, f.mode.Perm())
		case f.mode&fs.ModeSymlink != 0:
			err = os.Symlink(f.link, p)
		default:
			if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
				err = os.WriteFile(p, f.data, f.mode.Perm())
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// removeAll removes dir even where a case took the permissions away: a
// folder is given them back before WalkDir reads it.
func removeAll(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
	os.RemoveAll(dir)
}

// runAs is how commands are started: as nobody when the tests run as root.
func runAs() *syscall.SysProcAttr {
	if os.Geteuid() != 0 {
		return nil
	}
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
}

// The totals by class, printed at the end with -v or when a case failed.
var (
	totalsMu sync.Mutex
	totals   = map[string]*classTotal{}
)

type classTotal struct {
	cases, passed, failed, skipped int
	failing                        []string
}

func tally(t *testing.T, class, name string, defect int, finding string) {
	totalsMu.Lock()
	defer totalsMu.Unlock()
	c := totals[class]
	if c == nil {
		c = &classTotal{}
		totals[class] = c
	}
	c.cases++
	switch {
	case t.Skipped():
		c.skipped++
	case t.Failed():
		c.failed++
		label := class + "/" + name
		switch {
		case defect > 0:
			label += fmt.Sprintf("  (defect %d)", defect)
		case finding != "":
			label += "  (found by this suite: " + finding + ")"
		default:
			label += "  (a regression)"
		}
		c.failing = append(c.failing, label)
	default:
		c.passed++
	}
}

func printTotals(code int) {
	if !testing.Verbose() && code == 0 {
		return
	}
	totalsMu.Lock()
	defer totalsMu.Unlock()
	classes := make([]string, 0, len(totals))
	for c := range totals {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	var b bytes.Buffer
	var sum classTotal
	fmt.Fprintf(&b, "\nhostile-input suite: totals by class\n%-12s %6s %7s %7s %8s\n", "class", "cases", "passed", "failed", "skipped")
	for _, c := range classes {
		t := totals[c]
		fmt.Fprintf(&b, "%-12s %6d %7d %7d %8d\n", c, t.cases, t.passed, t.failed, t.skipped)
		sum.cases += t.cases
		sum.passed += t.passed
		sum.failed += t.failed
		sum.skipped += t.skipped
		sum.failing = append(sum.failing, t.failing...)
	}
	fmt.Fprintf(&b, "%-12s %6d %7d %7d %8d\n", "total", sum.cases, sum.passed, sum.failed, sum.skipped)
	if len(sum.failing) > 0 {
		sort.Strings(sum.failing)
		fmt.Fprintf(&b, "failing cases:\n  %s\n", strings.Join(sum.failing, "\n  "))
	}
	os.Stdout.Write(b.Bytes())
}
