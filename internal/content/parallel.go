package content

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel calls f(0) … f(n-1) on a bounded pool of goroutines, one per CPU.
// (build has the same pool; content cannot import build.)
func parallel(n int, f func(i int)) {
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
