//go:build unix

// Command search measures the site's search against Pagefind's on the same
// built sites, side by side in one run, and prints a table for the README.
// Run it from the repository root:
//
//	go run ./bench/search                 # N = 31, 1000, 10000
//	go run ./bench/search -n 1000 -loads 5 -v
//	go run ./bench/search -baseline main  # and the search of another revision
//
// For each N it writes a synthetic corpus (internal/corpus), builds it with
// the microsite command and indexes the built measure pages with Pagefind
// (npm package pagefind, installed under bench/search with npm ci when
// missing), alternating the two, and times both. Then Chromium (cache off)
// opens each system's search page with a query in its address, as a visitor
// following a link does, over http (a server that gzips text as web servers
// do) and from file://, and records when the first results are in the page
// and which bytes the search fetched. After that it types queries into the
// loaded page and times each until its results are laid out, and samples
// the JS heap throughout.
//
// Pagefind is indexed with --root-selector main --glob 'measures/*.html': the
// measure pages of the source edition, without the header and footer every
// page repeats, which is what the microsite's own index holds. Its page
// (pagefind.html, written beside the site's) searches with Pagefind's JS API
// and shows the first 20 results, as search.html does.
//
// With -baseline, the microsite of that git revision (its command, layouts
// and assets) builds the same corpus too, and its search is measured in the
// same run as a third system: the figures to compare with, on a machine
// whose load changes from one run to the next.
//
// Everything is written into a fresh folder under -dir (default /dev/shm,
// removed at the end).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/gzgov/nansha-microsite/internal/benchkit"
	"github.com/gzgov/nansha-microsite/internal/corpus"
)

// firstQueries are opened as search.html?q=…, one fresh page each: the
// issue's queries that Pagefind gets wrong, Traditional, Simplified,
// fullwidth, Latin, numbers, two terms, a common word and a miss.
var firstQueries = []string{
	"海关", "報關單", "报关单 系统", "黃埔海關", "电子营业执照", "跨境電商", "一鍵改配",
	"關稅", "Ｏ２Ｏ", "3.0", "企业", "仲裁 港澳", "量子计算机",
}

// typedQueries are typed into a loaded page, three rounds: the set of
// internal/e2e's search benchmark, whose medians the README quoted before.
var typedQueries = []string{
	"海关", "報關單", "报关单 系统", "黃埔海關", "船舶", "边检 船舶", "电子营业执照", "o2o", "Ｏ２Ｏ", "3.0",
	"17", "仲裁", "金融 风险", "互联网+", "企业", "登记", "无纸化", "绿色", "申报", "量子计算机",
}

func main() {
	flags := flag.NewFlagSet("search", flag.ExitOnError)
	sizes := flags.String("n", "31,1000,10000", "comma-separated corpus `sizes` (measures)")
	loads := flags.Int("loads", 3, "page loads per query, system and scheme")
	builds := flags.Int("builds", 3, "timed builds (and Pagefind runs) per size")
	base := flags.String("dir", "/dev/shm", "where to create the scratch `folder`")
	verbose := flags.Bool("v", false, "print each query's figures")
	baseline := flags.String("baseline", "", "also measure the search of this git `revision`, e.g. main")
	flags.Parse(os.Args[1:])
	ns, err := benchkit.Sizes(*sizes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "search:", err)
		os.Exit(2)
	}
	if *loads < 1 || *builds < 1 {
		fmt.Fprintln(os.Stderr, "search: -loads and -builds must be at least 1")
		os.Exit(2)
	}
	if err := run(ns, *loads, *builds, *base, *baseline, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "search:", err)
		os.Exit(1)
	}
}

func run(ns []int, loads, builds int, base, baseline string, verbose bool) error {
	if _, err := os.Stat("site.toml"); err != nil {
		return errors.New("run me from the repository root (go run ./bench/search)")
	}
	pagefind, err := findPagefind()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp(base, "microsite-search-bench-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	microsite, err := benchkit.BuildMicrosite("", dir)
	if err != nil {
		return err
	}
	var before, beforeSrc string
	if baseline != "" {
		beforeSrc = filepath.Join(dir, "baseline")
		if before, err = buildRevision(baseline, beforeSrc); err != nil {
			return err
		}
	}
	b, err := startBrowser(dir)
	if err != nil {
		return err
	}
	defer b.close()
	version, _ := exec.Command(pagefind, "--version").Output()
	fmt.Printf("%s; Chromium, cache off; %d CPUs, load average %s\n", strings.TrimSpace(string(version)), runtime.NumCPU(), benchkit.LoadAverage())
	fmt.Printf("first query: %d queries, each opened %d times per system and scheme (medians); typed: %d queries, 3 rounds\n",
		len(firstQueries), loads, len(typedQueries))
	names := []string{"ours"}
	if baseline != "" {
		names = append(names, baseline)
	}
	fmt.Printf("each cell: %s / Pagefind\n\n", strings.Join(names, " / "))

	var cols []column
	for _, n := range ns {
		src := filepath.Join(dir, fmt.Sprintf("corpus-%d", n))
		if err := corpus.Write(src, ".", n); err != nil {
			return err
		}
		site, bt, err := buildBoth(dir, src, n, builds, microsite, pagefind)
		if err != nil {
			return err
		}
		if err := writePagefindPage(site); err != nil {
			return err
		}
		c := column{n: n, build: bt}
		type measured struct {
			sys  system
			name string
			site string
		}
		runs := []measured{{systems[0], "ours", site}}
		if before != "" {
			bsrc := filepath.Join(dir, fmt.Sprintf("corpus-%s-%d", baseline, n))
			if err := corpus.Write(bsrc, beforeSrc, n); err != nil {
				return err
			}
			var us []benchkit.Usage
			var bsite string
			for i := 0; i < builds; i++ {
				bsite = filepath.Join(dir, "out", fmt.Sprintf("%s-%d-%d", baseline, n, i))
				u, err := benchkit.Measure([]string{before, "build", "--source", bsrc, "--out", bsite})
				if err != nil {
					return fmt.Errorf("%s build, N=%d: %w", baseline, n, err)
				}
				us = append(us, u)
			}
			c.build.baseline = benchkit.MedianUsage(us)
			runs = append(runs, measured{systems[0], baseline, bsite})
		}
		runs = append(runs, measured{systems[1], "Pagefind", site})
		for _, m := range runs {
			srv := serve(m.site)
			r, err := b.measure(m.sys, srv, "file://"+filepath.ToSlash(m.site)+"/", loads)
			srv.Close()
			if err != nil {
				return fmt.Errorf("%s at %d measures: %w", m.name, n, err)
			}
			c.results = append(c.results, r)
			if verbose {
				printQueries(n, m.name, r)
			}
		}
		cols = append(cols, c)
		fmt.Fprintf(os.Stderr, "search: N=%d measured (%s)\n", n, time.Now().Format("15:04:05"))
		// Deleted at once: a 10,000-measure site and its copies take
		// gigabytes of RAM under /dev/shm.
		if err := os.RemoveAll(filepath.Join(dir, "out")); err != nil {
			return err
		}
		if err := os.RemoveAll(src); err != nil {
			return err
		}
		if err := os.RemoveAll(filepath.Join(dir, fmt.Sprintf("corpus-%s-%d", baseline, n))); err != nil {
			return err
		}
	}
	printTable(cols)
	fmt.Printf("\nload average at the end: %s\n", benchkit.LoadAverage())
	return nil
}

// buildBoth builds the corpus in src with the microsite command and indexes
// the result with Pagefind, runs times each, alternating, and returns the
// last site (with its Pagefind bundle) and the median times.
func buildBoth(dir, src string, n, runs int, microsite, pagefind string) (string, buildTimes, error) {
	var ours, theirs []benchkit.Usage
	var site string
	for i := 0; i < runs; i++ {
		site = filepath.Join(dir, "out", fmt.Sprintf("site-%d-%d", n, i))
		u, err := benchkit.Measure([]string{microsite, "build", "--source", src, "--out", site})
		if err != nil {
			return "", buildTimes{}, fmt.Errorf("microsite build, N=%d: %w", n, err)
		}
		ours = append(ours, u)
		u, err = benchkit.Measure([]string{pagefind, "--site", site, "--root-selector", "main", "--glob", "measures/*.html", "--output-subdir", "pagefind", "--quiet"})
		if err != nil {
			return "", buildTimes{}, fmt.Errorf("pagefind, N=%d: %w", n, err)
		}
		theirs = append(theirs, u)
		if i < runs-1 {
			if err := os.RemoveAll(site); err != nil {
				return "", buildTimes{}, err
			}
		}
	}
	return site, buildTimes{ours: benchkit.MedianUsage(ours), pagefind: benchkit.MedianUsage(theirs)}, nil
}

// buildRevision writes the tree of the git revision rev into dir and builds
// its microsite command there.
func buildRevision(rev, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	archive := exec.Command("git", "archive", rev)
	var stderr strings.Builder
	archive.Stderr = &stderr
	out, err := archive.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := archive.Start(); err != nil {
		return "", err
	}
	untar := exec.Command("tar", "-x", "-C", dir)
	untar.Stdin = out
	if msg, err := untar.CombinedOutput(); err != nil {
		return "", fmt.Errorf("tar: %v\n%s", err, msg)
	}
	if err := archive.Wait(); err != nil {
		return "", fmt.Errorf("git archive %s: %v\n%s", rev, err, stderr.String())
	}
	bin, err := benchkit.BuildMicrosite(dir, dir)
	if err != nil {
		return "", fmt.Errorf("at %s: %w", rev, err)
	}
	return bin, nil
}
