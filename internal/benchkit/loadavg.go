//go:build unix

package benchkit

import (
	"os"
	"strings"
)

// LoadAverage is the 1-minute load average, or "unknown" where the kernel
// does not tell it: a busy machine slows what is measured, and the reader
// of a table should know.
func LoadAverage() string { return loadAverage("/proc/loadavg") }

func loadAverage(file string) string {
	b, err := os.ReadFile(file)
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "unknown"
}
