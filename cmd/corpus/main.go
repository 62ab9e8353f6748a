// Command corpus writes a synthetic source tree of N measures for benchmarks:
//
//	go run ./cmd/corpus -n 10000 -out /dev/shm/corpus-10000
//	go run ./cmd/microsite build --source /dev/shm/corpus-10000 --out /dev/shm/site
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gzgov/nansha-microsite/internal/corpus"
)

func main() {
	fs := flag.NewFlagSet("corpus", flag.ExitOnError)
	n := fs.Int("n", 1000, "number of measures")
	out := fs.String("out", "", "output `directory` (must not exist)")
	scale := fs.Float64("text-scale", 0, "make the texts this many times as long as the real ones on average (0: the default, about 2.4)")
	template := fs.String("template", ".", "source tree to take site.toml, layouts and assets from")
	fs.Parse(os.Args[1:])
	if *out == "" || *n < 1 {
		fs.Usage()
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "corpus: %s exists; choose a new directory\n", *out)
		os.Exit(2)
	}
	if err := corpus.Write(*out, *template, *n, corpus.WithTextScale(*scale)); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}
