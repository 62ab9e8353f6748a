package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// Dir is a source tree on disk (the folder holding site.toml), as an fs.FS
// for Load and the build. Every read goes through an os.Root, so that no
// symbolic link leads outside the tree: a link that stays inside it is
// followed, and one that leaves it (assets/passwd.css → /etc/passwd) is an
// error naming the link, whatever reads it — the content, a layout, an
// asset, site.toml itself. The kernel-level check of os.Root also holds
// against a link made while a build runs. Close it when done.
type Dir struct {
	root *os.Root
	fsys fs.FS
	real string // the folder, absolute, every symbolic link in it resolved
}

// OpenDir opens the source tree at dir.
func OpenDir(dir string) (*Dir, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, err
	}
	return &Dir{root: root, fsys: root.FS(), real: real}, nil
}

// Close releases the folder.
func (d *Dir) Close() error { return d.root.Close() }

// Open implements fs.FS.
func (d *Dir) Open(name string) (fs.File, error) {
	f, err := d.fsys.Open(name)
	return f, d.explain(name, err)
}

// ReadFile implements fs.ReadFileFS.
func (d *Dir) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(d.fsys, name)
	return data, d.explain(name, err)
}

// ReadDir implements fs.ReadDirFS.
func (d *Dir) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(d.fsys, name)
	return entries, d.explain(name, err)
}

// Stat implements fs.StatFS.
func (d *Dir) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(d.fsys, name)
	return fi, d.explain(name, err)
}

// LinkError is the error for a symbolic link that leads outside the source
// tree, wrapped in an *fs.PathError naming the link.
type LinkError struct {
	Target string // where the link leads, resolved as far as it exists
}

func (e *LinkError) Error() string {
	return l10n.Sprintf("a symbolic link to %s, outside the source folder: not read (copy it into the source folder instead)", e.Target)
}

// explain turns os.Root's "path escapes from parent" for name into an error
// that names the link and where it leads. Other errors stay as they are.
func (d *Dir) explain(name string, err error) error {
	if err == nil {
		return nil
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, lerr := d.root.Lstat(p)
		if lerr != nil {
			break
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, rerr := d.root.Readlink(p)
		if rerr != nil {
			break
		}
		lexical := target
		if !filepath.IsAbs(target) {
			lexical = filepath.Join(d.real, filepath.FromSlash(path.Dir(p)), target)
		}
		resolved, rerr := filepath.EvalSymlinks(lexical)
		if rerr != nil {
			resolved = lexical
		}
		if !within(lexical, d.real) || !within(resolved, d.real) {
			return &fs.PathError{Op: "read", Path: p, Err: &LinkError{Target: resolved}}
		}
	}
	return err
}

// within reports whether the absolute path p is dir or lies in it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// FileError is an error met reading a source, as a diag.Error at the file it
// is about, without the operation and path the os package puts in front:
// "content/measures: permission denied", "assets/passwd.css: a symbolic
// link to /etc/passwd, outside the source folder: …".
func FileError(name string, err error) *diag.Error { return fileError(name, err, false) }

// fileError is FileError for a file, or a folder.
func fileError(name string, err error, folder bool) *diag.Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if pe.Path != "" && pe.Path != "." {
			name = pe.Path
		}
		err = pe.Err
	}
	msg := err.Error()
	var le *LinkError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = l10n.Sprintf("file not found")
	case errors.As(err, &le):
	case folder:
		msg = l10n.Sprintf("cannot read the folder: %v", err)
	default:
		msg = l10n.Sprintf("cannot read it: %v", err)
	}
	return &diag.Error{Pos: diag.Pos{File: name}, Msg: msg}
}
