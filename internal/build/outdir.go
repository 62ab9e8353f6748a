package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// sourceDirs are the source folders an output directory must stay clear of.
var sourceDirs = []string{"content", "layouts", "assets"}

// checkOutDir refuses output directories whose replacement could lose
// sources, and returns the folder a build writes: out, or the folder out
// links to (followed to the end, even when it does not exist yet), so that
// a link such as public -> /var/www/site stays a link to the new site.
// What the folder holds is surveyed later (checkReplaceable).
func checkOutDir(source, out string) (string, error) {
	src, err := realPath(source)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	linked, err := followLinks(abs)
	if err != nil {
		return "", l10n.Errorf("refusing output directory %s: %w", out, err)
	}
	target, err := realPath(linked)
	if err != nil {
		return "", err
	}
	name := out
	if target != abs {
		name = l10n.Sprintf("%s (a link to %s)", out, target)
	}
	home, _ := os.UserHomeDir()
	if home != "" {
		if h, err := realPath(home); err == nil {
			home = h
		}
	}
	for _, dst := range []string{abs, target} {
		if why := riskToSources(src, home, dst); why != "" {
			return "", l10n.Errorf("refusing output directory %s: %s", name, why)
		}
	}
	if fi, err := os.Stat(target); err == nil && !fi.IsDir() {
		return "", l10n.Errorf("refusing output directory %s: it is a file, not a folder", name)
	}
	return target, nil
}

// riskToSources says why writing the folder dst would put the sources in
// src (or the user's home) at risk, or "".
func riskToSources(src, home, dst string) string {
	switch {
	case dst == filepath.VolumeName(dst)+string(filepath.Separator):
		return l10n.Sprintf("it is the file system root")
	case home != "" && dst == home:
		return l10n.Sprintf("it is your home directory")
	case dst == src:
		return l10n.Sprintf("it is the source directory")
	case within(src, dst):
		return l10n.Sprintf("it contains the source directory")
	}
	for _, d := range sourceDirs {
		if sd := filepath.Join(src, d); dst == sd || within(dst, sd) {
			return l10n.Sprintf("it is inside the sources' %s/ folder", d)
		}
	}
	return ""
}

// checkReplaceable refuses to replace the folder target unless its
// SHA256SUMS accounts for everything in it (see survey): a build replaces
// only what a build wrote. out is the folder as the user named it. It
// returns the folder's record, nil when it is missing or empty.
func checkReplaceable(out, target string) (*record, error) {
	l, err := survey(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, l10n.Errorf("refusing output directory %s: %w", out, err)
	}
	if !l.empty() {
		return nil, l10n.Errorf("refusing output directory %s: %s; replacing the folder would lose them: move them out of it, or choose another folder", out, l.describe())
	}
	return l.rec, nil
}

// within reports whether path is strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// followLinks follows p while it is a symbolic link, and returns the path
// it ends at, which need not exist.
func followLinks(p string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = filepath.Clean(link)
	}
	return "", l10n.Errorf("too many levels of symbolic links")
}

// realPath is the absolute path of p with every link in its existing part
// resolved, so that two names of one folder compare equal.
func realPath(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		r, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		parent := filepath.Dir(p)
		if !errors.Is(err, fs.ErrNotExist) || parent == p {
			return filepath.Join(append([]string{p}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}
