package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// progress draws "building: 4200/10030 files" on one terminal line during
// a long build and wipes it at the end. Off a terminal (CI, a pipe, a log
// file) there is none: output stays the summary alone.
type progress struct {
	w io.Writer

	mu    sync.Mutex
	start time.Time // of the current build's writing
	last  time.Time // of the last line drawn
	shown bool
}

// Builds shorter than this show nothing; the line is redrawn at most every
// tick.
const (
	progressAfter = 300 * time.Millisecond
	progressTick  = 100 * time.Millisecond
)

// newProgress returns a progress line on w, or nil when w is not a terminal.
func newProgress(w io.Writer) *progress {
	if !isTerminal(w) {
		return nil
	}
	return &progress{w: w}
}

// isTerminal reports whether w is a terminal (a character device), without
// a dependency: a pipe or a file is not one.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// callback is the build.Options.Progress function: nil without a terminal.
func (p *progress) callback() func(done, total int) {
	if p == nil {
		return nil
	}
	return p.update
}

func (p *progress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if done == 1 { // a new build: serve makes several
		p.start = now
	}
	switch {
	case done == total:
		p.wipe()
	case now.Sub(p.start) >= progressAfter && now.Sub(p.last) >= progressTick:
		l10n.Fprintf(p.w, "\rbuilding: %d/%d files", done, total)
		p.last, p.shown = now, true
	}
}

// done wipes the line, if any, so that the next output starts clean.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.wipe()
}

func (p *progress) wipe() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K") // carriage return, erase to end of line
		p.shown = false
	}
}
