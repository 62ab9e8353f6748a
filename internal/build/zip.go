package build

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gzgov/nansha-microsite/internal/check"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// zipEpoch is the timestamp of every entry when SOURCE_DATE_EPOCH is unset:
// the earliest time a zip's MS-DOS date field can hold.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// zipLatest is the latest time a zip can hold: its extended timestamp
// counts seconds since 1970 in 32 bits (the MS-DOS field reaches 2107).
var zipLatest = time.Unix(math.MaxUint32, 0).UTC()

// zipMark, the first line of the comment of every archive Package writes,
// marks it as this program's: Package replaces an existing file only when
// it is a zip whose comment starts with it. It never changes, and is not
// translated: older archives must stay recognisable.
const zipMark = "microsite-package 1"

// zipComment is the archive's comment: the mark, then a word for whoever
// lists the archive (unzip -z, unzip -l), which may change.
const zipComment = zipMark + "\nA copy of a site made by microsite package. Check it in its folder with: sha256sum -c SHA256SUMS"

// ZipTime is the timestamp the archive gives every entry: SOURCE_DATE_EPOCH
// (https://reproducible-builds.org/specs/source-date-epoch/) when set, so
// a release can carry its own date, else zipEpoch. Never the clock or the
// files' modification times: the same site always gives the same bytes.
// A date before 1980 becomes 1980-01-01, the earliest a zip can say; one
// after zipLatest is an error, never a date that wraps around.
func ZipTime() (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return zipEpoch, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, l10n.Errorf("SOURCE_DATE_EPOCH=%q: expected a number of seconds since 1970", v)
	}
	t := time.Unix(secs, 0).UTC()
	switch {
	case t.After(zipLatest):
		hint := ""
		if secs >= 1e12 {
			hint = "; it counts seconds since 1970, not milliseconds"
		}
		return time.Time{}, l10n.Errorf("SOURCE_DATE_EPOCH=%s: %s is later than a zip can record (%s)%s",
			v, t.Format(time.DateTime+" UTC"), zipLatest.Format(time.DateTime+" UTC"), hint)
	case t.Before(zipEpoch):
		t = zipEpoch // a zip cannot say earlier
	}
	return t, nil
}

// CheckArchive refuses what Package refuses before it reads the site: a
// SOURCE_DATE_EPOCH a zip cannot hold, or an archive file whose writing
// could lose anything: one in the site itself, in a source tree's
// site.toml, content/, layouts/ or assets/ (any folder above it holding a
// site.toml is a source tree), in a folder that does not exist, or an
// existing file that is not an archive this program wrote (see zipComment).
// A link is followed: the archive replaces the file it points to.
func CheckArchive(site, file string) error {
	_, err := archiveTarget(site, file)
	return err
}

// archiveTarget checks file as CheckArchive does and returns the path to
// write, with every link resolved.
func archiveTarget(site, file string) (string, error) {
	if !asciiName(archiveFolder(file)) {
		return "", l10n.Errorf("%s: name the archive in ASCII letters, digits, '-', '_' or '.': its name becomes the folder inside it", file)
	}
	if _, err := ZipTime(); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	linked, err := followLinks(abs)
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	dst, err := realPath(linked)
	if err != nil {
		return "", err
	}
	if !asciiName(archiveFolder(dst)) {
		return "", l10n.Errorf("%s: a link to %s: name the archive in ASCII letters, digits, '-', '_' or '.': its name becomes the folder inside it", file, dst)
	}
	absSite, err := realPath(site)
	if err != nil {
		return "", err
	}
	if dst == absSite || within(dst, absSite) {
		return "", l10n.Errorf("%s: the archive cannot be written inside the site it archives (%s)", file, site)
	}
	parent := filepath.Dir(dst)
	if fi, err := os.Stat(parent); err != nil || !fi.IsDir() {
		return "", l10n.Errorf("cannot write the archive %s: the folder %s does not exist", file, parent)
	}
	for dir := parent; ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(filepath.Join(dir, content.SiteFile)); err == nil && fi.Mode().IsRegular() {
			if dst == filepath.Join(dir, content.SiteFile) {
				return "", l10n.Errorf("%s: the archive cannot replace the sources' %s (%s)", file, content.SiteFile, dir)
			}
			for _, d := range sourceDirs {
				if sd := filepath.Join(dir, d); within(dst, sd) {
					return "", l10n.Errorf("%s: the archive cannot be written into the sources' %s/ folder (%s)", file, d, sd)
				}
			}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	fi, err := os.Lstat(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dst, nil
	case err != nil:
		return "", l10n.Errorf("cannot write the archive %s: %w", file, unwrapPath(err))
	case fi.IsDir():
		return "", l10n.Errorf("%s is a folder: name the archive's file", file)
	case !fi.Mode().IsRegular() || !ourArchive(dst):
		return "", l10n.Errorf("refusing to replace %s: it is not an archive this program wrote; move it away, or choose another name", file)
	}
	return dst, nil
}

// archiveFolder is the folder inside the archive file: its name without
// the extension.
func archiveFolder(file string) string {
	return strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
}

// ourArchive reports whether the file name is a zip that Package wrote.
func ourArchive(name string) bool {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return false
	}
	defer zr.Close()
	return strings.HasPrefix(zr.Comment, zipMark+"\n")
}

// unwrapPath drops the path from a file system error: the message names
// the file the user gave, never a temporary one.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// Package writes the built site in dir to the zip archive file, for
// distribution: every file SHA256SUMS lists, and SHA256SUMS, under one
// folder named after the archive ("microsite.zip" holds
// "microsite/index.html" …), in sorted order, with ASCII names, fixed modes
// and the timestamp ZipTime. The same site gives a byte-identical archive.
//
// It refuses what CheckArchive refuses, then runs the site check and
// verifies every file against the site's SHA256SUMS, refusing a site that
// holds anything else (a file or folder added after the build): an archive
// is only ever made of a checked site, exactly as built. The archive is
// written beside file and renamed into place.
func Package(dir, file string) (int, error) {
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return 0, l10n.Errorf("cannot package %s: no such folder (build the site first: microsite build)", dir)
	} else if err != nil {
		return 0, l10n.Errorf("cannot package %s: %w", dir, unwrapPath(err))
	} else if !fi.IsDir() {
		return 0, l10n.Errorf("cannot package %s: it is a file, not a built site's folder", dir)
	}
	dst, err := archiveTarget(dir, file)
	if err != nil {
		return 0, err
	}
	built := os.DirFS(dir)
	r, err := check.Site(built)
	if err != nil {
		return 0, err
	}
	if len(r.Problems) > 0 {
		return 0, &CheckError{Problems: r.Problems}
	}
	mtime, err := ZipTime()
	if err != nil {
		return 0, err
	}
	folder := archiveFolder(dst) // a link's target's name: the file on disk
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".new-*")
	if err != nil {
		return 0, l10n.Errorf("cannot write the archive %s: %w", file, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // after the rename, a no-op
	w := bufio.NewWriter(tmp)
	n, err := writeZip(w, built, folder, mtime)
	if err != nil {
		tmp.Close()
		return 0, err
	}
	err = w.Flush()
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		return 0, l10n.Errorf("cannot write the archive %s: %w", file, unwrapPath(err))
	}
	return n, nil
}

// writeZip writes the archive of the site built to w and returns how many files it
// holds: exactly those SHA256SUMS lists, each with its hash, and
// SHA256SUMS. Anything else in the site is an error.
func writeZip(w io.Writer, built fs.FS, folder string, mtime time.Time) (int, error) {
	rec, err := readRecord(built)
	if errors.Is(err, errNoRecord) {
		return 0, l10n.Errorf("no %s: not a built site, or built by an older version: rebuild it", site.SumsPath)
	}
	if err != nil {
		return 0, err
	}
	inv, err := takeInventory(built, false, 0)
	if err != nil {
		return 0, err
	}
	for _, p := range slices.Concat(inv.files, inv.others) {
		for _, name := range strings.Split(strings.TrimSuffix(p, "/"), "/") {
			if !asciiName(name) {
				return 0, l10n.Errorf("%s: not an ASCII name; zip tools disagree on how other names are encoded: rename it", p)
			}
		}
	}
	if extra := rec.unlisted(inv); len(extra) > 0 {
		p := extra[0]
		switch {
		case strings.HasSuffix(p, "/"):
			return 0, l10n.Errorf("%s is a folder without a file that %s lists, so it is not part of the site as built: move it out of the site", p, site.SumsPath)
		case slices.Contains(inv.others, p):
			return 0, l10n.Errorf("%s: not a regular file", p)
		}
		return 0, l10n.Errorf("%s is not listed in %s, so it is not part of the site as built: move it out of the site", p, site.SumsPath)
	}
	names := []string{site.SumsPath}
	for name := range rec.sums {
		names = append(names, name)
	}
	for d := range rec.folders() {
		names = append(names, d+"/")
	}
	slices.Sort(names) // byte order: the listing's order never depends on the file system
	zw := zip.NewWriter(w)
	files := 0
	for _, name := range names {
		h := &zip.FileHeader{Name: folder + "/" + name, Modified: mtime}
		if strings.HasSuffix(name, "/") {
			h.SetMode(fs.ModeDir | 0o755)
			if _, err := zw.CreateHeader(h); err != nil {
				return 0, err
			}
			continue
		}
		data, err := fs.ReadFile(built, name)
		if errors.Is(err, fs.ErrNotExist) {
			return 0, l10n.Errorf("%s is listed in %s but missing: rebuild the site", name, site.SumsPath)
		}
		if err != nil {
			return 0, err
		}
		if name != site.SumsPath {
			if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != rec.sums[name] {
				return 0, l10n.Errorf("%s differs from its checksum in %s: rebuild the site", name, site.SumsPath)
			}
		}
		h.Method = zip.Deflate
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return 0, err
		}
		if _, err := fw.Write(data); err != nil {
			return 0, err
		}
		files++
	}
	if err := zw.SetComment(zipComment); err != nil {
		return 0, err
	}
	return files, zw.Close()
}

// asciiName reports whether a file name is printable ASCII without spaces,
// which every unzip tool reads the same way.
func asciiName(name string) bool {
	return name != "" && !strings.ContainsFunc(name, func(r rune) bool { return r <= ' ' || r >= 0x7f }) &&
		!strings.ContainsAny(name, `\:*?"<>|`) // not allowed in Windows file names
}
