//go:build unix

// Command bench builds synthetic corpora of N measures with the microsite
// command and with Hugo, side by side, and prints the medians of wall time,
// CPU time (user + system) and peak RSS of each process, and the ratios
// microsite/Hugo per N. Run it from the repository root:
//
//	go run ./bench                          # N = 31, 1000, 10000; 5 runs each
//	go run ./bench -n 31,1000 -runs 9
//	go run ./bench -single-edition          # the source edition alone
//	go run ./bench -n 10000 -text-scale 4   # texts four times the real length (memory)
//
// Everything is written into a fresh folder under -dir (default /dev/shm,
// removed at the end): this machine's disk is slow and noisy right after a
// large tree is deleted, and RAM is not. Each build writes into a new output
// folder; the two programs alternate, so that a busy neighbour slows both
// alike, and one untimed build of each warms the page cache first.
//
// The Hugo site is generated over the very same Markdown files (see
// writeHugoSite), with one Hugo language per edition of site.toml, so that
// both build the same pages; -single-edition drops all editions but the
// source one from the corpus first, for both. Hugo is Debian's package, installed with apt-get when
// missing; without it only the microsite is measured.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/benchkit"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/corpus"
)

func main() {
	flags := flag.NewFlagSet("bench", flag.ExitOnError)
	sizes := flags.String("n", "31,1000,10000", "comma-separated corpus `sizes` (measures)")
	runs := flags.Int("runs", 5, "timed builds per program and size")
	base := flags.String("dir", "/dev/shm", "where to create the scratch `folder`")
	single := flags.Bool("single-edition", false, "build the source edition alone (drop the other [[editions]] of site.toml), as Hugo does")
	scale := flags.Float64("text-scale", 0, "make the measures' texts this many times the real ones' length on average (0: the corpus's default, about 2.4)")
	flags.Parse(os.Args[1:])
	ns, err := benchkit.Sizes(*sizes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if err := run(ns, *runs, *base, *single, corpus.WithTextScale(*scale)); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ns []int, runs int, base string, single bool, text corpus.Option) error {
	if _, err := os.Stat("site.toml"); err != nil {
		return errors.New("run me from the repository root (go run ./bench)")
	}
	hugo, err := findHugo()
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v; measuring the microsite alone\n", err)
	}
	dir, err := os.MkdirTemp(base, "microsite-bench-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	microsite, err := benchkit.BuildMicrosite("", dir)
	if err != nil {
		return err
	}
	if hugo != "" {
		v, _ := exec.Command(hugo, "version").Output()
		fmt.Printf("%s", v)
	}
	editions := "every edition of site.toml (Hugo: a language for each)"
	if single {
		editions = "the source edition alone"
	}
	fmt.Printf("%d CPUs, load average %s; %d timed builds each, alternating; medians; both build %s\n\n", runtime.NumCPU(), benchkit.LoadAverage(), runs, editions)
	fmt.Printf("%7s  %-10s %8s %8s %8s %7s\n", "N", "", "wall s", "CPU s", "RSS MiB", "pages")
	wall := map[string]map[int]float64{}
	for _, n := range ns {
		src := filepath.Join(dir, fmt.Sprintf("corpus-%d", n))
		if err := corpus.Write(src, ".", n, text); err != nil {
			return err
		}
		if single {
			if err := singleEdition(src); err != nil {
				return err
			}
		}
		progs := []program{{name: "microsite", args: func(out string) []string {
			return []string{microsite, "build", "--source", src, "--out", out}
		}}}
		if hugo != "" {
			site := filepath.Join(dir, fmt.Sprintf("hugo-%d", n))
			if err := writeHugoSite(site, src); err != nil {
				return err
			}
			progs = append(progs, program{name: "hugo", args: func(out string) []string {
				return []string{hugo, "--minify", "--quiet", "--source", site, "--destination", out}
			}})
		}
		results := make([][]benchkit.Usage, len(progs))
		pages := make([]int, len(progs))
		for i := -1; i < runs; i++ { // run -1 warms up and is not counted
			for j, p := range progs {
				out := filepath.Join(dir, "out", fmt.Sprintf("%s-%d-%d", p.name, n, i))
				u, err := benchkit.Measure(p.args(out))
				if err != nil {
					return fmt.Errorf("%s, N=%d: %w", p.name, n, err)
				}
				if i >= 0 {
					results[j] = append(results[j], u)
				} else {
					pages[j], err = countPages(out)
					if err != nil {
						return err
					}
				}
			}
			// Deleted between builds, so that RAM stays free and removal
			// is never timed.
			if err := os.RemoveAll(filepath.Join(dir, "out")); err != nil {
				return err
			}
		}
		meds := make([]benchkit.Usage, len(progs))
		for j, p := range progs {
			meds[j] = benchkit.MedianUsage(results[j])
			fmt.Printf("%7d  %-10s %8.3f %8.3f %8.1f %7d\n", n, p.name, meds[j].Wall, meds[j].CPU, meds[j].RSS, pages[j])
			if wall[p.name] == nil {
				wall[p.name] = map[int]float64{}
			}
			wall[p.name][n] = meds[j].Wall
		}
		if len(meds) == 2 {
			fmt.Printf("%7d  %-10s %8.2f %8.2f %8.2f\n", n, "ours/hugo",
				meds[0].Wall/meds[1].Wall, meds[0].CPU/meds[1].CPU, meds[0].RSS/meds[1].RSS)
		}
	}
	fmt.Printf("\nload average at the end: %s\n", benchkit.LoadAverage())
	if slices.Contains(ns, 1000) && slices.Contains(ns, 10000) {
		for _, p := range []string{"microsite", "hugo"} {
			if w := wall[p]; w != nil {
				fmt.Printf("%s: wall(N=10000) / wall(N=1000) = %.1f\n", p, w[10000]/w[1000])
			}
		}
	}
	return nil
}

// program is a command that builds into the folder it is given.
type program struct {
	name string
	args func(out string) []string
}

// findHugo returns the path of hugo, installing Debian's package if needed.
func findHugo() (string, error) {
	if p, err := exec.LookPath("hugo"); err == nil {
		return p, nil
	}
	fmt.Fprintln(os.Stderr, "bench: installing hugo (apt-get install hugo)")
	// --no-install-recommends: hugo recommends golang-any, an old Go that
	// would land in /usr/bin beside the project's.
	cmd := exec.Command("apt-get", "install", "-y", "-qq", "--no-install-recommends", "hugo")
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("apt-get install hugo: %v\n%s", err, out)
	}
	return exec.LookPath("hugo")
}

// countPages counts the HTML files under dir, to show that both programs
// built the same site.
func countPages(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n, err
}

// singleEdition removes every [[editions]] entry but the first (the source
// edition) from the site.toml of the source tree src: each entry runs to
// the next blank line.
func singleEdition(src string) error {
	name := filepath.Join(src, content.SiteFile)
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var out []string
	seen, skipping := 0, false
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.TrimSpace(line) == "[[editions]]" {
			seen++
			skipping = seen > 1
		} else if strings.TrimSpace(line) == "" {
			skipping = false
		}
		if !skipping {
			out = append(out, line)
		}
	}
	if err := os.WriteFile(name, []byte(strings.Join(out, "")), 0o644); err != nil {
		return err
	}
	s, err := content.Load(os.DirFS(src))
	if err != nil {
		return err
	}
	if len(s.Editions) != 1 {
		return fmt.Errorf("%s: %d editions left, want 1", name, len(s.Editions))
	}
	return nil
}
