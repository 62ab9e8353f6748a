package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// A build writes the new site into a staging folder beside the output
// folder, on the same file system:
//
//	.public.new-123456789/
//	    .microsite-staging   the marker, locked while the build runs
//	    site/                the new site, being written
//	    old/                 the previous site, once swapped out
//
// and swaps site/ with the output folder at the end: on Linux in one step
// (renameat2 RENAME_EXCHANGE), elsewhere by two renames, between which the
// output folder does not exist and the previous site waits in old/. The
// next build finishes what a killed one left (recoverLeftovers): it puts a
// missing output folder back from old/, and removes staging folders whose
// marker no running build holds.

const (
	markerName = ".microsite-staging"
	markerText = "microsite build: a staging folder, removed by the build that made it, or by the next build once that one has ended\n"
)

// exchangeFolders is exchange; a test replaces it to take the other way.
var exchangeFolders = exchange

// stage is a staging folder that becomes the output folder on commit.
type stage struct {
	root   string   // the staging folder
	dir    string   // root/site: the new site
	out    string   // the output folder (no link)
	marker *os.File // root/markerName, locked until the build ends
}

func newStage(out string) (*stage, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Beside the output, so that the swap stays on one file system.
	root, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-*")
	if err != nil {
		return nil, err
	}
	s := &stage{root: root, dir: filepath.Join(root, "site"), out: out}
	s.marker, err = os.OpenFile(filepath.Join(root, markerName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		var locked bool
		if locked, err = tryLock(s.marker); err == nil && !locked {
			err = l10n.Errorf("cannot lock %s", s.marker.Name())
		}
	}
	if err == nil {
		_, err = s.marker.WriteString(markerText)
	}
	if err == nil {
		err = os.Mkdir(s.dir, 0o755)
	}
	if err == nil {
		err = os.Chmod(s.dir, 0o755) // whatever the umask: it becomes the site
	}
	if err != nil {
		s.abort()
		return nil, err
	}
	return s, nil
}

// commit swaps the new site into place and returns where the previous one
// went ("" when there was none), for finish to remove.
func (s *stage) commit() (string, error) {
	if _, err := os.Lstat(s.out); errors.Is(err, fs.ErrNotExist) {
		return "", renameNew(s.dir, s.out)
	} else if err != nil {
		return "", err
	}
	old := filepath.Join(s.root, "old")
	switch err := exchangeFolders(s.dir, s.out); {
	case err == nil:
		// s.dir holds the previous site now; old/ says so to a recovery.
		if os.Rename(s.dir, old) != nil {
			return s.dir, nil
		}
		return old, nil
	case !errors.Is(err, errors.ErrUnsupported):
		return "", err
	}
	if err := os.Rename(s.out, old); err != nil {
		return "", err
	}
	// A kill here leaves no output folder: the next build restores old/.
	if err := os.Rename(s.dir, s.out); err != nil {
		if os.Rename(old, s.out) != nil {
			return "", l10n.Errorf("%w; the previous site is in %s", err, old)
		}
		return "", err
	}
	return old, nil
}

// finish removes the previous site, which commit moved to old, as its
// record rec lists it, and the staging folder. It returns what it kept: files in the previous site that
// its SHA256SUMS does not list (they appeared during the build); the
// staging folder then stays, with them, for the user to look at.
func (s *stage) finish(old string, rec *record) ([]string, error) {
	var kept []string
	if old != "" {
		var err error
		if kept, err = removeSite(old, rec); err != nil {
			return nil, err
		}
	}
	s.marker.Close()
	if len(kept) == 0 {
		os.Remove(s.marker.Name())
		os.Remove(s.root)
	}
	return kept, nil
}

// abort removes the new site and the staging folder, unless a failed
// commit left the previous site in it: that stays for the next build to
// restore.
func (s *stage) abort() {
	os.RemoveAll(s.dir)
	if s.marker != nil {
		s.marker.Close()
	}
	if _, err := os.Lstat(filepath.Join(s.root, "old")); errors.Is(err, fs.ErrNotExist) {
		os.Remove(filepath.Join(s.root, markerName))
		os.Remove(s.root)
	}
}

// recoverLeftovers finishes what interrupted builds left beside the output
// folder out, and returns what the user should hear of it:
//
//   - out missing but a previous site in a staging folder's old/ (a kill
//     between the two renames of commit): it is put back;
//   - a staging folder with the marker, which no running build holds: its
//     new site is removed, its old/ as its SHA256SUMS lists it (removeSite);
//   - folders of the same names without the marker (the old layout of this
//     program: .public.new-N held the site, .public.old-N/site the previous
//     one): removed only when SHA256SUMS accounts for everything in them,
//     else named in a note and left alone.
func recoverLeftovers(out string) ([]string, error) {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	pattern := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `\.(new|old)-[0-9]+$`)
	var notes []string
	note := func(msg string) { notes = append(notes, msg) }
	for _, e := range entries {
		m := pattern.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() { // e.IsDir is false for a link
			continue
		}
		root := filepath.Join(parent, e.Name())
		var err error
		switch {
		case m[1] == "old":
			err = recoverOld(root, out, note)
		default:
			marker, ok, merr := claimStage(root)
			if merr != nil {
				return notes, merr
			}
			switch {
			case marker != nil:
				err = recoverStage(root, marker, out, note)
			case ok: // no marker: a site of the old layout, or not ours
				_, err = removeIfRecorded(root, note)
			}
		}
		if err != nil {
			return notes, err
		}
	}
	return notes, nil
}

// claimStage opens and locks the marker of the staging folder root. It
// returns the locked marker; nil and ok when root has no marker (it is no
// staging folder of this layout); nil and !ok when a running build holds
// it, or it is not this program's marker.
func claimStage(root string) (marker *os.File, ok bool, err error) {
	name := filepath.Join(root, markerName)
	if fi, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
		return nil, true, nil
	} else if err != nil || !fi.Mode().IsRegular() {
		return nil, false, err
	}
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return nil, false, nil // not ours to judge
	}
	locked, err := tryLock(f)
	if err != nil || !locked {
		f.Close()
		return nil, false, nil
	}
	text := make([]byte, len(markerText))
	if n, _ := f.ReadAt(text, 0); !bytes.Equal(text[:n], []byte(markerText)) {
		f.Close()
		return nil, false, nil
	}
	return f, true, nil
}

// recoverStage finishes the staging folder root of a build that ended
// without doing so: see recoverLeftovers.
func recoverStage(root string, marker *os.File, out string, note func(string)) error {
	defer marker.Close()
	old := filepath.Join(root, "old")
	if _, err := os.Lstat(old); err == nil {
		if restored, err := restore(old, out); err != nil {
			return err
		} else if restored {
			note(l10n.Sprintf("put %s back from %s, where an interrupted build had left it", out, old))
		} else if kept, err := removeSite(old, nil); err != nil {
			return err
		} else if len(kept) > 0 {
			note(l10n.Sprintf("kept %s, which an interrupted build left: %s", root, keptFiles(kept)))
			return nil
		}
	}
	// The new site of a build that never got to swap it: its own files.
	if err := os.RemoveAll(filepath.Join(root, "site")); err != nil {
		return err
	}
	marker.Close()
	os.Remove(marker.Name())
	return os.Remove(root)
}

// recoverOld handles root, a .<out>.old-N folder of the old layout: its
// site/ is the previous site, which is put back when out is missing, and
// else removed as its SHA256SUMS lists it.
func recoverOld(root, out string, note func(string)) error {
	site := filepath.Join(root, "site")
	if fi, err := os.Lstat(site); err == nil && fi.IsDir() {
		restored, err := restore(site, out)
		switch {
		case err != nil:
			return err
		case restored:
			note(l10n.Sprintf("put %s back from %s, where an interrupted build had left it", out, site))
		default:
			if kept, err := removeIfRecorded(site, note); err != nil || kept {
				return err
			}
		}
	}
	_, err := removeIfRecorded(root, note)
	return err
}

// removeIfRecorded removes the folder dir when its SHA256SUMS accounts for
// everything in it, or it is empty; otherwise it names dir in a note and
// leaves it alone (kept).
func removeIfRecorded(dir string, note func(string)) (kept bool, err error) {
	l, err := survey(dir)
	if err != nil {
		return false, err
	}
	if !l.empty() {
		note(l10n.Sprintf("left %s alone: an interrupted build may have left it, but %s; look at it, then remove it yourself", dir, l.describe()))
		return true, nil
	}
	left, err := removeSite(dir, nil)
	return len(left) > 0, err
}

// restore renames the previous site old back to out when out is missing.
func restore(old, out string) (bool, error) {
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err := renameNew(old, out); err != nil {
		return false, err
	}
	return true, nil
}

// renameIfAbsent renames a to b unless b exists (not atomically: where the
// system has no such rename).
func renameIfAbsent(a, b string) error {
	if _, err := os.Lstat(b); err == nil {
		return &os.LinkError{Op: "rename", Old: a, New: b, Err: fs.ErrExist}
	}
	return os.Rename(a, b)
}
