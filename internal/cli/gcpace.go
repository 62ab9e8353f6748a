package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/gzgov/nansha-microsite/internal/content"
)

// smallSite is the most measures a site may have for its build to run the
// garbage collector at a quarter of the default pace.
const smallSite = 2000

// paceCollector makes the garbage collector run a quarter as often
// (GOGC=400) when the site in source is small, unless GOGC is set.
//
// A small site's build is short, and at the default pace a good part of
// it goes to collecting a heap that the process is about to drop anyway;
// run less often, the collector lets the heap grow a little. A large site
// keeps the default pace, which bounds its memory: at a quarter of the pace
// the heap would grow to five times what is live. What this saves and
// costs, measured, is in the README (Speed).
func paceCollector(source string) {
	if os.Getenv("GOGC") != "" {
		return
	}
	files, err := os.ReadDir(filepath.Join(source, filepath.FromSlash(content.MeasuresDir)))
	if err != nil || len(files) > smallSite {
		return // the build will say what is wrong, at the default pace
	}
	debug.SetGCPercent(400)
}
