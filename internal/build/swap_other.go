//go:build !linux

package build

import "errors"

// exchange would swap two folders in one step; other systems than Linux
// have no portable call for it, so the build renames twice (see commit).
func exchange(a, b string) error { return errors.ErrUnsupported }

// renameNew renames a to b, failing if b exists.
func renameNew(a, b string) error { return renameIfAbsent(a, b) }
