//go:build unix

// Command lighthouse runs Lighthouse on one page of every page type of the
// real site, on mobile and desktop, and prints the four category scores
// (performance, accessibility, best practices, SEO) as a table for the
// README, with what keeps a score under 100. Run it from the repository
// root:
//
//	go run ./bench/lighthouse              # one run per page and form factor
//	go run ./bench/lighthouse -runs 3      # medians of three
//	go run ./bench/lighthouse -form desktop -keep /tmp/reports
//	go run ./bench/lighthouse -only 404    # the pages whose name has "404"
//
// It builds the repository's site (site.toml, content/, layouts/, assets/)
// and serves it as the deployment kit says: Debian's nginx with
// deploy/nginx/nansha3.conf, set up as internal/servertest sets it up for
// the deployment tests (gzip, the kit's cache headers, the 404 page). Lighthouse
// is the npm package lighthouse@12.2.3 (the version known to work with
// Debian's Chromium): the copy under bench/lighthouse/node_modules when
// "npm ci --ignore-scripts" was run there, otherwise "npx --yes
// lighthouse@12.2.3". It drives Chromium (CHROME_PATH, default the one
// in PATH) with internal/chromium's flags, as the browser tests do. The
// command installs nothing itself.
//
// Lighthouse takes about 12 s a page on a 2-core machine and its mobile
// performance score follows the machine's load (it throttles a simulated
// slow CPU from the real one): the table's header says the load average.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/gzgov/nansha-microsite/internal/benchkit"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/chromium"
)

// version is the Lighthouse this command runs.
const version = "12.2.3"

// benchDir is this command's folder, which holds Lighthouse's package.json.
const benchDir = "bench/lighthouse"

// A page is one page of a page type, by its path from the site's root.
type page struct {
	name, path string
	missing    bool // the server answers 404: Lighthouse is told to score it all the same
}

// pages has one page of every page type, as internal/e2e's pageTypes.
// The 404 page is scored twice: at its own address, and as a reader meets
// it, at a missing address deep in the site, where the server answers
// with status 404 (which Lighthouse refuses to score without
// --ignore-status-code, and which fails its http-status-code audit).
var pages = []page{
	{"home (notice)", "index.html", false},
	{"category", "categories/trade.html", false},
	{"unit", "units/guangzhou-customs.html", false},
	{"unit index", "units/index.html", false},
	{"measure", "measures/03.html", false},
	{"full table", "measures.html", false},
	{"404", "404.html", false},
	{"404 at a missing address", "measures/none/missing.html", true},
	{"site map", "sitemap.html", false},
	{"search 海關", "search.html?q=" + url.QueryEscape("海關"), false},
}

// categories are Lighthouse's four, in its report's order.
var categories = []string{"performance", "accessibility", "best-practices", "seo"}

func main() {
	flags := flag.NewFlagSet("lighthouse", flag.ExitOnError)
	runs := flags.Int("runs", 1, "Lighthouse runs per page and form factor (the table shows medians)")
	forms := flags.String("form", "mobile,desktop", "comma-separated form `factors`: mobile, desktop")
	keep := flags.String("keep", "", "also keep Lighthouse's JSON reports in this `folder`")
	base := flags.String("dir", os.TempDir(), "where to create the scratch `folder`")
	only := flags.String("only", "", "score only the pages whose name contains this `text` (404, search, …)")
	flags.Parse(os.Args[1:])
	pages = slices.DeleteFunc(pages, func(p page) bool { return !strings.Contains(p.name, *only) })
	if len(pages) == 0 {
		fmt.Fprintf(os.Stderr, "lighthouse: -only: no page is named with %q\n", *only)
		os.Exit(2)
	}
	var fs []string
	for _, f := range strings.Split(*forms, ",") {
		f = strings.TrimSpace(f)
		if f != "mobile" && f != "desktop" {
			fmt.Fprintf(os.Stderr, "lighthouse: -form: %q is neither mobile nor desktop\n", f)
			os.Exit(2)
		}
		fs = append(fs, f)
	}
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "lighthouse: -runs must be at least 1")
		os.Exit(2)
	}
	if err := run(fs, *runs, *base, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		os.Exit(1)
	}
}

func run(forms []string, runs int, base, keep string) (err error) {
	if _, err := os.Stat("site.toml"); err != nil {
		return errors.New("run me from the repository root (go run ./bench/lighthouse)")
	}
	lighthouse, err := findLighthouse()
	if err != nil {
		return err
	}
	chrome, err := chromePath()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp(base, "microsite-lighthouse-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if keep != "" {
		if err := os.MkdirAll(keep, 0o755); err != nil {
			return err
		}
	}
	site := filepath.Join(dir, "public")
	if _, err := build.Run(build.Options{Source: ".", Out: site}); err != nil {
		return err
	}
	srv, err := serve(dir, site)
	if err != nil {
		return err
	}
	defer srv.close()

	started := time.Now()
	fmt.Printf("Lighthouse %s, Chromium %s, headless; the site served by nginx with deploy/nginx/nansha3.conf\n", version, chromiumVersion(chrome))
	fmt.Printf("%s; %d CPUs, load average %s at the start; median of %d run(s) per cell\n\n",
		started.Format("2006-01-02"), runtime.NumCPU(), benchkit.LoadAverage(), runs)
	results := map[string]map[string]*result{} // form → page → result
	var benches []float64
	for _, form := range forms {
		results[form] = map[string]*result{}
		for _, p := range pages {
			r := &result{}
			for i := range runs {
				rep, err := audit(lighthouse, chrome, dir, srv.url+p.path, form, p.missing)
				if err != nil {
					return fmt.Errorf("%s, %s: %w", p.name, form, err)
				}
				if keep != "" {
					name := fmt.Sprintf("%s-%s-%d.json", strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(p.path), form, i+1)
					if err := writeNew(filepath.Join(keep, name), rep.raw); err != nil {
						return err
					}
				}
				r.add(rep)
				benches = append(benches, rep.bench)
			}
			results[form][p.name] = r
			fmt.Fprintf(os.Stderr, "lighthouse: %s, %s: %v\n", p.name, form, r.medians())
		}
	}
	printTable(forms, results)
	fmt.Printf("\n%s in all; load average %s at the end; Lighthouse's CPU benchmark index %.0f–%.0f over the runs (the lower, the busier the machine)\n",
		time.Since(started).Round(time.Second), benchkit.LoadAverage(), slices.Min(benches), slices.Max(benches))
	return nil
}

// printTable prints the scores as a Markdown table, one row per page and
// a column per category and form factor, then every weighed audit that
// scored under 1, with the pages it did so on.
func printTable(forms []string, results map[string]map[string]*result) {
	short := map[string]string{"performance": "Perf.", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
	head, rule := "| Page |", "|---|"
	for _, form := range forms {
		for _, c := range categories {
			head += " " + form + " " + short[c] + " |"
			rule += "--:|"
		}
	}
	fmt.Println(head)
	fmt.Println(rule)
	for _, p := range pages {
		line := "| " + p.name + " |"
		for _, form := range forms {
			m := results[form][p.name].medians()
			for _, c := range categories {
				line += fmt.Sprintf(" %d |", m[c])
			}
		}
		fmt.Println(line)
	}
	// Why a score is under 100: the audits under 1, by category.
	type key struct{ form, category, audit string }
	failed := map[key][]string{}
	titles := map[string]string{}
	for _, form := range forms {
		for _, p := range pages {
			for _, f := range results[form][p.name].failed {
				k := key{form, f.category, f.id}
				if !slices.Contains(failed[k], p.name) {
					failed[k] = append(failed[k], p.name)
				}
				titles[f.id] = f.title + " (" + f.value + ")"
			}
		}
	}
	if len(failed) == 0 {
		return
	}
	fmt.Println("\nAudits that scored under 1 in any run (a metric just under 1 may still leave its category at 100):")
	keys := make([]key, 0, len(failed))
	for k := range failed {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return strings.Compare(a.form+a.category+a.audit, b.form+b.category+b.audit)
	})
	for _, k := range keys {
		fmt.Printf("- %s %s: %s %s — %s\n", k.form, k.category, k.audit, titles[k.audit], strings.Join(failed[k], ", "))
	}
}

// findLighthouse returns the command that runs Lighthouse: the copy npm
// installed under benchDir, or npx.
func findLighthouse() ([]string, error) {
	bin := filepath.Join(benchDir, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err == nil {
		abs, err := filepath.Abs(bin)
		return []string{abs}, err
	}
	if _, err := exec.LookPath("npx"); err != nil {
		return nil, fmt.Errorf("no Lighthouse: run npm ci --ignore-scripts in %s, or install npm for npx", benchDir)
	}
	fmt.Fprintf(os.Stderr, "lighthouse: no %s; running npx --yes lighthouse@%s\n", bin, version)
	return []string{"npx", "--yes", "lighthouse@" + version}, nil
}

// chromePath is the browser Lighthouse drives: CHROME_PATH, as Lighthouse
// reads it, or the Chromium that the browser tests use.
func chromePath() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p, nil
	}
	if p := chromium.Path(); p != "" {
		return p, nil
	}
	return "", errors.New("no Chromium found: apt-get install chromium, or set CHROME_PATH")
}

func chromiumVersion(chrome string) string {
	out, err := exec.Command(chrome, "--version").Output()
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(out))
	for _, w := range f {
		if len(w) > 0 && w[0] >= '0' && w[0] <= '9' {
			return w
		}
	}
	return strings.TrimSpace(string(out))
}

// audit runs Lighthouse once on u with form's preset and reads its report;
// missing says the server answers 404 there.
func audit(lighthouse []string, chrome, dir, u, form string, missing bool) (*report, error) {
	out := filepath.Join(dir, "report.json")
	args := append(slices.Clone(lighthouse[1:]), u,
		"--quiet", "--output=json", "--output-path="+out,
		"--only-categories="+strings.Join(categories, ","),
		"--chrome-flags="+strings.Join(chromium.Flags(), " "))
	if missing {
		args = append(args, "--ignore-status-code")
	}
	if form == "desktop" {
		args = append(args, "--preset=desktop")
	} else {
		args = append(args, "--form-factor=mobile")
	}
	cmd := exec.Command(lighthouse[0], args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	return parseReport(data)
}

// writeNew writes data to the new file name, refusing to replace a file
// that is there: -keep names a folder of the user's, which may hold reports
// of an earlier run, or anything else.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("-keep: %s is already there: not replaced (keep the reports in an empty folder)", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
