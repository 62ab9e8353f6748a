// Package parallel runs independent work items on a bounded pool of
// goroutines, one per CPU (GOMAXPROCS). Callers keep output deterministic by
// writing item i's result into slot i, never by the order items finish in.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1), each once, on at most GOMAXPROCS goroutines, and
// returns when all have returned.
func For(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
