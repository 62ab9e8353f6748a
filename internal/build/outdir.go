package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// sourceDirs are the source folders an output directory must stay clear of.
var sourceDirs = []string{"content", "layouts", "assets"}

// checkOutDir refuses output directories whose replacement could lose
// anything that is not build output.
func checkOutDir(source, out string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	refuse := func(why string) error {
		return fmt.Errorf("refusing output directory %s: %s", out, why)
	}
	switch {
	case dst == filepath.VolumeName(dst)+string(filepath.Separator):
		return refuse("it is the file system root")
	case home != "" && dst == filepath.Clean(home):
		return refuse("it is your home directory")
	case dst == src:
		return refuse("it is the source directory")
	case within(src, dst):
		return refuse("it contains the source directory")
	}
	for _, d := range sourceDirs {
		if sd := filepath.Join(src, d); dst == sd || within(dst, sd) {
			return refuse("it is inside the sources' " + d + "/ folder")
		}
	}
	entries, err := os.ReadDir(dst)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return refuse(err.Error())
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(dst, "index.html")); err != nil {
			return refuse("it is not empty and holds no index.html, so it does not look like a built site; remove it or choose another")
		}
	}
	return nil
}

// within reports whether path is strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// stage is a temporary output directory that becomes the output directory on
// commit.
type stage struct {
	dir string // the temporary directory being written
	out string
}

func newStage(out string) (*stage, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Beside the output, so the final rename stays on one file system.
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".new-*")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &stage{dir: dir, out: abs}, nil
}

// commit swaps the staged directory into place.
func (s *stage) commit() error {
	old := ""
	if _, err := os.Lstat(s.out); err == nil {
		tmp, err := os.MkdirTemp(filepath.Dir(s.out), "."+filepath.Base(s.out)+".old-*")
		if err != nil {
			return err
		}
		old = filepath.Join(tmp, "site")
		if err := os.Rename(s.out, old); err != nil {
			os.Remove(tmp)
			return err
		}
		defer os.RemoveAll(tmp)
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		if old != "" {
			os.Rename(old, s.out) // put the previous site back
		}
		return err
	}
	return nil
}

// abort removes the staged directory.
func (s *stage) abort() { os.RemoveAll(s.dir) }
