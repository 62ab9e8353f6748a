package hostile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// hcase is one hostile input: a mutation of a fresh scratch tree, a command
// line, and what must come of it.
type hcase struct {
	name   string
	defect int // the defect of issue 12 the case proves; 0: behaviour that holds
	// finding, when set, says which defect beyond issue 12's twenty the case
	// proves: this suite found it.
	finding string
	heavy   bool // skipped with -short
	mutate  func(e *env)
	args    []string // the command line, after "microsite"; run in the site's folder
	env     []string // more environment, "KEY=value"
	code    int      // the exit code
	codes   []int    // or any of these, where the issue leaves the choice open
	// want are substrings of the output (stdout and stderr): a position or
	// a path, never wording. "a|b" accepts either; one that ends in a digit
	// must not run on into another ("05.md:3" is not "05.md:31").
	want []string
	not  []string // substrings the output must not hold
	once []string // substrings the output must hold exactly once
	// writes are the paths, relative to the site's folder (globs allowed),
	// that the command may change or remove whatever its exit code, beyond
	// what it writes when it succeeds (its output folder, its zip, a new
	// measure).
	writes []string
	then   func(e *env, r *result) // more checks, after the invariants
}

// result is what a command did.
type result struct {
	args   []string
	code   int // -1: killed by a signal
	stdout string
	stderr string
}

func (r *result) output() string { return r.stdout + r.stderr }

// runCases runs a class of cases, in parallel.
func runCases(t *testing.T, class string, cases []hcase) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("two cases named %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			defer tally(t, class, c.name, c.defect, c.finding)
			if c.heavy && testing.Short() {
				t.Skip("a heavy case: skipped with -short")
			}
			e := newEnv(t)
			if c.mutate != nil {
				c.mutate(e)
			}
			e.own()
			before := snapshot(t, e.root)
			r := e.run(c.env, c.args...)
			after := snapshot(t, e.root)
			expected := e.expect(c, r)
			e.invariants(c, r, before, after)
			if c.then != nil && expected {
				c.then(e, r)
			}
			if t.Failed() {
				t.Logf("microsite %s\nexit code %d\n%s", strings.Join(r.args, " "), r.code, clip(r.output()))
			}
		})
	}
}

// expect checks the exit code and the output, and reports whether the exit
// code was one the case expects (else its further checks would mislead).
func (e *env) expect(c hcase, r *result) bool {
	t := e.t
	codes := c.codes
	if codes == nil {
		codes = []int{c.code}
	}
	ok := slices.Contains(codes, r.code)
	if !ok {
		t.Errorf("exit code %d, want %s", r.code, strings.Trim(strings.ReplaceAll(fmt.Sprint(codes), " ", " or "), "[]"))
	}
	out := r.output()
	for _, w := range c.want {
		if !holds(out, w) {
			t.Errorf("the output does not name %q", w)
		}
	}
	for _, w := range c.not {
		if strings.Contains(out, w) {
			t.Errorf("the output holds %q", w)
		}
	}
	for _, w := range c.once {
		if n := strings.Count(out, w); n != 1 {
			t.Errorf("the output holds %q %d times, want once", w, n)
		}
	}
	return ok
}

// holds reports whether out holds want, one of its "|" alternatives, where a
// position ending in a digit is not followed by another digit.
func holds(out, want string) bool {
	for alt := range strings.SplitSeq(want, "|") {
		pattern := regexp.QuoteMeta(alt)
		if last := alt[len(alt)-1]; last >= '0' && last <= '9' {
			pattern += `(?:[^0-9]|$)`
		}
		if regexp.MustCompile(pattern).MatchString(out) {
			return true
		}
	}
	return false
}

func clip(s string) string {
	const max = 6000
	if len(s) > max {
		return s[:max] + fmt.Sprintf("\n… (%d more bytes)", len(s)-max)
	}
	return s
}

// env is a case's scratch tree:
//
//	root/site      the sources and public/ built from them; the command's folder
//	root/sibling   a folder beside the site, with files of its own
//	root/outside   files outside the source tree (for symlinks), marked with canary
//	root/home      $HOME
//	root/tmp       $TMPDIR
type env struct {
	t    *testing.T
	root string
	site string
}

// canary marks files outside the source tree: a site must never hold it.
const canary = "OUTSIDE-THE-SOURCE-TREE-c4n4ry"

func newEnv(t *testing.T) *env {
	t.Helper()
	root, err := os.MkdirTemp(scratch, "case-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { removeAll(root) })
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, root: root, site: filepath.Join(root, "site")}
	if err := writeTree(e.site, sources); err != nil {
		t.Fatal(err)
	}
	if err := writeTree(filepath.Join(e.site, "public"), previous); err != nil {
		t.Fatal(err)
	}
	e.write("../sibling/notes.txt", "a colleague's notes, next to the site\n")
	e.write("../sibling/www/index.html", "<!doctype html><title>another site</title>\n")
	e.write("../outside/secret.txt", canary+"\n")
	e.write("../outside/secret.css", "body{color:red} /* "+canary+" */\n")
	e.write("../home/.profile", "# the editor's own file\n")
	e.mkdir("../tmp")
	return e
}

// own gives the scratch tree to the user commands run as.
func (e *env) own() {
	if runAs() == nil {
		return
	}
	err := filepath.Walk(e.root, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, nobody, nobody)
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// environ is the command's whole environment: nothing of the test's.
func (e *env) environ(extra []string) []string {
	return append([]string{
		"PATH=/usr/local/bin:/usr/bin:/bin",
		"HOME=" + filepath.Join(e.root, "home"),
		"TMPDIR=" + filepath.Join(e.root, "tmp"),
		"LANG=zh_TW.UTF-8", // the editors' language: the cases match positions and paths, never words
	}, extra...)
}

// run runs microsite with args in the site's folder.
func (e *env) run(extraEnv []string, args ...string) *result {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = e.site
	cmd.Env = e.environ(extraEnv)
	cmd.SysProcAttr = runAs()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := &result{args: args, stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		e.t.Fatalf("microsite %s: %v", strings.Join(args, " "), err)
	}
	if ctx.Err() != nil {
		e.t.Fatalf("microsite %s: still running after 3 minutes", strings.Join(args, " "))
	}
	return r
}

// path is the file name of rel, relative to the site's folder.
func (e *env) path(rel string) string { return filepath.Join(e.site, filepath.FromSlash(rel)) }

func (e *env) read(rel string) []byte {
	e.t.Helper()
	data, err := os.ReadFile(e.path(rel))
	if err != nil {
		e.t.Fatal(err)
	}
	return data
}

func (e *env) write(rel, data string) {
	e.t.Helper()
	p := e.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) appendTo(rel, data string) { e.write(rel, string(e.read(rel))+data) }

func (e *env) prepend(rel, data string) { e.write(rel, data+string(e.read(rel))) }

// replace replaces the first old in rel with new; a mutation that does not
// apply fails the case, so that no case can pass by testing nothing.
func (e *env) replace(rel, old, new string) {
	e.t.Helper()
	data := string(e.read(rel))
	if !strings.Contains(data, old) {
		e.t.Fatalf("mutation: %s holds no %q", rel, old)
	}
	e.write(rel, strings.Replace(data, old, new, 1))
}

// replaceAll is replace for every old.
func (e *env) replaceAll(rel, old, new string) {
	e.t.Helper()
	data := string(e.read(rel))
	if !strings.Contains(data, old) {
		e.t.Fatalf("mutation: %s holds no %q", rel, old)
	}
	e.write(rel, strings.ReplaceAll(data, old, new))
}

// setLine replaces line n (from 1) of rel with text, which may hold
// several lines.
func (e *env) setLine(rel string, n int, text string) {
	e.t.Helper()
	lines := strings.Split(string(e.read(rel)), "\n")
	if n < 1 || n > len(lines) {
		e.t.Fatalf("mutation: %s has no line %d", rel, n)
	}
	lines[n-1] = text
	e.write(rel, strings.Join(lines, "\n"))
}

func (e *env) symlink(target, rel string) {
	e.t.Helper()
	p := e.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) remove(rel string) {
	e.t.Helper()
	if err := os.RemoveAll(e.path(rel)); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) rename(from, to string) {
	e.t.Helper()
	if err := os.Rename(e.path(from), e.path(to)); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) mkdir(rel string) {
	e.t.Helper()
	if err := os.MkdirAll(e.path(rel), 0o755); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) chmod(rel string, mode os.FileMode) {
	e.t.Helper()
	if err := os.Chmod(e.path(rel), mode); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) exists(rel string) bool {
	_, err := os.Lstat(e.path(rel))
	return err == nil
}

// cmdline is what a command line writes when it succeeds: "build" its
// --out and --zip, "package" its file, "new" (only) new files in
// content/measures. Paths are relative to the scratch root, or absolute.
type cmdline struct {
	out, zip, site string // site: the site "package" archives
	additions      string
}

func parseArgs(args []string) cmdline {
	flagValue := func(name, def string) string {
		v := def
		for i, a := range args {
			switch {
			case (a == "--"+name || a == "-"+name) && i+1 < len(args):
				v = args[i+1]
			case strings.HasPrefix(a, "--"+name+"="), strings.HasPrefix(a, "-"+name+"="):
				v = a[strings.Index(a, "=")+1:]
			}
		}
		return v
	}
	site := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return path.Join("site", filepath.ToSlash(p))
	}
	var c cmdline
	if len(args) == 0 {
		return c
	}
	switch args[0] {
	case "build":
		c.out, c.zip = site(flagValue("out", "public")), site(flagValue("zip", ""))
		c.site = c.out
	case "package":
		c.zip, c.site = site(args[len(args)-1]), site(flagValue("site", "public"))
	case "new":
		c.additions = path.Join(site(flagValue("source", ".")), "content/measures")
	}
	return c
}

// abs is the file name of a path parseArgs gave.
func (e *env) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.root, filepath.FromSlash(p))
}

// within reports whether p is pattern or lies under it; pattern may hold
// globs, matched against p's leading elements.
func within(p, pattern string) bool {
	for q := p; q != "." && q != "/" && q != ""; q = path.Dir(q) {
		if ok, _ := path.Match(pattern, q); ok {
			return true
		}
	}
	return false
}

// staging matches the names of temporary files and folders the commands
// make beside their outputs: .public.new-123, .public.old-123, .x.zip.new-123.
var staging = regexp.MustCompile(`^\..+\.(new|old)-[0-9]+$`)

// invariants checks what must hold after every command, whatever the case.
func (e *env) invariants(c hcase, r *result, before, after tree) {
	t := e.t
	t.Helper()
	cl := parseArgs(c.args)
	var changes []string
	if r.code == 0 {
		changes = append(changes, cl.out, cl.zip)
	}
	for _, w := range c.writes {
		changes = append(changes, path.Join("site", w))
	}
	previousSite := "site/public"
	if r.code == 0 {
		previousSite = "" // replaced, as it should be
	}
	var reported []string // folders added or removed whole: their files go without saying
	for _, ch := range before.diff(after) {
		if slices.ContainsFunc(reported, func(dir string) bool { return strings.HasPrefix(ch.path, dir+"/") }) {
			continue
		}
		if ch.kind != "changed" && (ch.was.mode.IsDir() || ch.is.mode.IsDir()) {
			reported = append(reported, ch.path)
		}
		switch {
		case ch.kind == "added" && staging.MatchString(path.Base(ch.path)):
			continue // reported below, with every leftover
		case slices.ContainsFunc(changes, func(w string) bool { return w != "" && within(ch.path, w) }):
		case r.code == 0 && ch.kind == "added" && cl.additions != "" && within(ch.path, cl.additions):
		case previousSite != "" && within(ch.path, previousSite):
			t.Errorf("the command failed and changed the previous site: %s", ch)
		case slices.ContainsFunc(srctest.Parts, func(s string) bool { return within(ch.path, "site/"+s) }):
			t.Errorf("the command changed a source file: %s", ch)
		default:
			t.Errorf("the command changed something outside its output: %s", ch)
		}
	}
	for _, p := range after.paths() {
		if staging.MatchString(path.Base(p)) || cl.out != "" && path.Dir(p) == path.Dir(cl.out) &&
			strings.HasPrefix(path.Base(p), "."+path.Base(cl.out)) {
			t.Errorf("a staging folder or temporary file is left: %s", p)
		}
	}
	if r.code != 0 {
		return
	}
	if cl.out != "" {
		e.verifySite(e.abs(cl.out))
	}
	if cl.zip != "" {
		e.verifyZip(e.abs(cl.zip), e.abs(cl.site))
	}
}
