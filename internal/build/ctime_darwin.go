package build

import (
	"io/fs"
	"syscall"
	"time"
)

// ctime is the time a file's inode last changed (its bytes, its name, its
// links or its mode), which no ordinary tool can set back.
func ctime(fi fs.FileInfo) (time.Time, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(st.Ctimespec.Unix()), true
}
