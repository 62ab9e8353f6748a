//go:build unix

// Package benchkit holds what the benchmark commands (go run ./bench,
// go run ./bench/search, go run ./bench/lighthouse) share: timing a program
// as the kernel accounts for it, medians of such figures, the -n list of
// corpus sizes and the load average their tables print.
package benchkit

import (
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Usage is what one run of a program cost.
type Usage struct {
	Wall float64 // seconds
	CPU  float64 // seconds, user + system
	RSS  float64 // peak resident set, MiB
}

// Measure runs args and returns its wall time, CPU time and peak RSS, from
// the kernel's accounting of the process (the figures /usr/bin/time
// prints). A failed run's error holds what it wrote to stderr.
func Measure(args []string) (Usage, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Usage{}, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
	return Usage{Wall: wall.Seconds(), CPU: cpu.Seconds(), RSS: float64(ru.Maxrss) / 1024}, nil
}

// Median is the median of v, or -1 when v is empty; v is left as it was.
func Median(v []float64) float64 {
	if len(v) == 0 {
		return -1
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// MedianUsage is the median of each figure of us, separately.
func MedianUsage(us []Usage) Usage {
	of := func(f func(Usage) float64) float64 {
		v := make([]float64, len(us))
		for i, u := range us {
			v[i] = f(u)
		}
		return Median(v)
	}
	return Usage{
		Wall: of(func(u Usage) float64 { return u.Wall }),
		CPU:  of(func(u Usage) float64 { return u.CPU }),
		RSS:  of(func(u Usage) float64 { return u.RSS }),
	}
}

// Sizes reads a -n flag: corpus sizes separated by commas, each a positive
// number of measures.
func Sizes(list string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}
