//go:build unix

package main

import (
	"fmt"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/benchkit"
)

// column is one N's figures.
type column struct {
	n       int
	build   buildTimes
	results []result // in the order of systems
}

// over returns f of each first query of r, for a median or a maximum.
func over(r result, f func(queryResult) float64) []float64 {
	v := make([]float64, len(r.queries))
	for i, q := range r.queries {
		v[i] = f(q)
	}
	return v
}

func kb(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.2f MB", b/(1<<20))
	case b >= 100<<10:
		return fmt.Sprintf("%.0f KB", b/(1<<10))
	}
	return fmt.Sprintf("%.1f KB", b/(1<<10))
}

func ms(v float64) string {
	if v < 0 {
		return "fails"
	}
	if v < 20 {
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// printTable prints the figures as a Markdown table, each cell the
// systems' in order: ours, the baseline's if any, Pagefind's.
func printTable(cols []column) {
	header := "| |"
	rule := "|---|"
	for _, c := range cols {
		header += fmt.Sprintf(" %s |", thousands(c.n))
		rule += "---|"
	}
	fmt.Println(header)
	fmt.Println(rule)
	row := func(name string, cell func(c column, r result) string) {
		line := "| " + name + " |"
		for _, c := range cols {
			var parts []string
			for _, r := range c.results {
				parts = append(parts, cell(c, r))
			}
			line += " " + strings.Join(parts, " / ") + " |"
		}
		fmt.Println(line)
	}
	row("bytes for a first query, gzip: median (most)", func(_ column, r result) string {
		g := over(r, func(q queryResult) float64 { return q.gzip })
		return kb(benchkit.Median(g)) + " (" + kb(maxOf(g)) + ")"
	})
	row("— uncompressed", func(_ column, r result) string {
		g := over(r, func(q queryResult) float64 { return q.raw })
		return kb(benchkit.Median(g)) + " (" + kb(maxOf(g)) + ")"
	})
	row("— requests", func(_ column, r result) string {
		return fmt.Sprintf("%.0f", benchkit.Median(over(r, func(q queryResult) float64 { return float64(q.requests) })))
	})
	row("first results over http", func(_ column, r result) string {
		return ms(benchkit.Median(over(r, func(q queryResult) float64 { return q.http })))
	})
	row("first results from file://", func(_ column, r result) string {
		if r.fileFailure != "" {
			return "fails"
		}
		return ms(benchkit.Median(over(r, func(q queryResult) float64 { return q.file })))
	})
	row("per query after load", func(_ column, r result) string { return ms(benchkit.Median(r.typed)) })
	row("peak JS heap", func(_ column, r result) string { return fmt.Sprintf("%.1f MB", r.heap) })
	// The build has one figure per program and N, not per query.
	line := "| index build (ours: the whole site build) |"
	for _, c := range cols {
		us := []benchkit.Usage{c.build.ours}
		if len(c.results) > 2 {
			us = append(us, c.build.baseline)
		}
		var parts []string
		for _, u := range append(us, c.build.pagefind) {
			parts = append(parts, fmt.Sprintf("%.2f s, %.0f MiB", u.Wall, u.RSS))
		}
		line += " " + strings.Join(parts, " / ") + " |"
	}
	fmt.Println(line)
	fmt.Println()
	for _, c := range cols {
		ours, theirs := c.results[0], c.results[len(c.results)-1]
		var more []string
		for i, q := range ours.queries {
			if q.gzip > theirs.queries[i].gzip {
				more = append(more, fmt.Sprintf("%s (%s > %s)", q.query, kb(q.gzip), kb(theirs.queries[i].gzip)))
			}
		}
		fmt.Printf("N=%s: first queries where ours fetched more gzip bytes than Pagefind: %d of %d %s\n", thousands(c.n), len(more), len(ours.queries), strings.Join(more, ", "))
		if theirs.fileFailure != "" {
			fmt.Printf("N=%s: Pagefind from file://: %s\n", thousands(c.n), theirs.fileFailure)
		}
	}
}

// printQueries prints each first query's figures.
func printQueries(n int, name string, r result) {
	for _, q := range r.queries {
		fmt.Printf("N=%d %-8s %-12s %9s gzip %9s raw %2d requests; first results %s over http, %s from file://\n",
			n, name, q.query, kb(q.gzip), kb(q.raw), q.requests, ms(q.http), ms(q.file))
	}
	fmt.Printf("N=%d %-8s typed: median %s, most %s; peak JS heap %.1f MB\n", n, name, ms(benchkit.Median(r.typed)), ms(maxOf(r.typed)), r.heap)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
