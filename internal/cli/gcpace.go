package cli

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/gzgov/nansha-microsite/internal/content"
)

// smallSite is the most measures a site may have for its build to run the
// garbage collector at a quarter of the default pace.
const smallSite = 2000

// paceCollector sets the garbage collector's pace for building the site in
// source, unless GOGC or GOMEMLIMIT is set (whoever sets them has chosen),
// and returns a function that puts it back.
//
// A small site's collector runs a quarter as often (GOGC=400). A small
// site's build is short, and at the default pace a good part of it goes to
// collecting a heap that the process is about to drop anyway; run less
// often, the collector lets the heap grow a little. A large site keeps the
// default pace, which bounds its memory: at a quarter of the pace the heap
// would grow to five times what is live.
//
// Every build holds its memory (holdMemory). What both save and cost,
// measured, is in the README (Speed, and its Memory section).
func paceCollector(source string) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	files, err := os.ReadDir(filepath.Join(source, filepath.FromSlash(content.MeasuresDir)))
	if err == nil && len(files) <= smallSite {
		before := debug.SetGCPercent(400)
		stop := holdMemory()
		return func() { stop(); debug.SetGCPercent(before) }
	}
	return holdMemory()
}

// memoryFloor is the memory a build may take before its collector works
// harder to stay within it: a machine that builds the site (an editor's
// laptop, a CI runner, a small server) can spare this much.
const memoryFloor = 200 << 20

// memoryLimit is the soft limit on the process's memory when the
// collector last found live bytes in use: memoryFloor, or, when what is
// live comes close to it, live and half as much again, as if GOGC were 50.
// Held under a fixed limit that it outgrows, the collector would run
// without pause (a site of 20,000 long measures took 39 s instead of 17);
// a limit of 1.25 times what is live took twice the CPU time, as the limit
// counts the runtime's own memory besides the heap.
func memoryLimit(live uint64) int64 {
	live = min(live, math.MaxInt64/2) // no overflow below
	return max(memoryFloor, int64(live+live/2))
}

// holdMemory keeps the process's memory under memoryLimit of what the
// collector finds live, which it reads every few milliseconds, until the
// returned function is called.
//
// At the default pace the heap grows to twice what is live before it is
// collected: a build of 10,000 measures with long texts, holding up to
// 145 MiB live, took 330 MiB. A soft limit (debug.SetMemoryLimit) makes
// the collector run sooner only when the heap nears it, so a small site's
// build is not slowed at all.
func holdMemory() (stop func()) {
	before := debug.SetMemoryLimit(-1)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	update := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(memoryLimit(sample[0].Value.Uint64()))
		}
	}
	update()
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				update()
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		debug.SetMemoryLimit(before)
	}
}
