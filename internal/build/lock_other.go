//go:build !unix && !windows

package build

import "os"

// tryLock cannot lock here: every staging folder counts as left by a build
// that ended. Removing one that a concurrent build still writes fails that
// build, and loses nothing else.
func tryLock(*os.File) (bool, error) { return true, nil }
