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
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gzgov/nansha-microsite/internal/check"
)

// zipEpoch is the timestamp of every entry when SOURCE_DATE_EPOCH is unset:
// the earliest time a zip's MS-DOS date field can hold.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// ZipTime is the timestamp the archive gives every entry: SOURCE_DATE_EPOCH
// (https://reproducible-builds.org/specs/source-date-epoch/) when set, so
// a release can carry its own date, else zipEpoch. Never the clock or the
// files' modification times: the same site always gives the same bytes.
func ZipTime() (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return zipEpoch, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: expected a number of seconds since 1970", v)
	}
	t := time.Unix(secs, 0).UTC()
	if t.Before(zipEpoch) {
		t = zipEpoch // a zip cannot say earlier
	}
	return t, nil
}

// Package writes the built site in dir to the zip archive file, for
// distribution: every file under one folder named after the archive
// ("microsite.zip" holds "microsite/index.html" …), in sorted order, with
// ASCII names, fixed modes and the timestamp ZipTime. The same site gives
// a byte-identical archive.
//
// It first runs the site check and verifies every file against the site's
// SHA256SUMS, so an archive is only ever made of a checked site, exactly as
// built. The archive is written beside file and renamed into place.
func Package(dir, file string) (int, error) {
	folder := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if !asciiName(folder) {
		return 0, fmt.Errorf("%s: name the archive in ASCII letters, digits, '-', '_' or '.': its name becomes the folder inside it", file)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	absFile, err := filepath.Abs(file)
	if err != nil {
		return 0, err
	}
	if within(absFile, absDir) {
		return 0, fmt.Errorf("%s: the archive cannot be written inside the site it archives (%s)", file, dir)
	}
	site := os.DirFS(dir)
	r, err := check.Site(site)
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
	tmp, err := os.CreateTemp(filepath.Dir(absFile), "."+filepath.Base(absFile)+".new-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // after the rename, a no-op
	w := bufio.NewWriter(tmp)
	n, err := writeZip(w, site, folder, mtime)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), absFile)
}

// writeZip writes the archive of site to w and returns how many files it
// holds. Every file must be listed in SHA256SUMS with its hash.
func writeZip(w io.Writer, site fs.FS, folder string, mtime time.Time) (int, error) {
	sums, err := readSums(site)
	if err != nil {
		return 0, err
	}
	var names []string
	err = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == ".":
			return nil
		case !asciiName(d.Name()):
			return fmt.Errorf("%s: not an ASCII name; zip tools disagree on how other names are encoded: rename it", p)
		case d.IsDir():
			names = append(names, p+"/")
		case !d.Type().IsRegular():
			return fmt.Errorf("%s: not a regular file", p)
		default:
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return 0, err
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
		data, err := fs.ReadFile(site, name)
		if err != nil {
			return 0, err
		}
		if name != SumsPath {
			sum := sha256.Sum256(data)
			want, listed := sums[name]
			switch {
			case !listed:
				return 0, fmt.Errorf("%s is not listed in %s: rebuild the site", name, SumsPath)
			case want != hex.EncodeToString(sum[:]):
				return 0, fmt.Errorf("%s differs from its checksum in %s: rebuild the site", name, SumsPath)
			}
			delete(sums, name)
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
	if len(sums) > 0 {
		missing := slices.Sorted(maps.Keys(sums))
		return 0, fmt.Errorf("%s is listed in %s but missing: rebuild the site", missing[0], SumsPath)
	}
	return files, zw.Close()
}

// readSums reads SHA256SUMS: path → hex SHA-256.
func readSums(site fs.FS) (map[string]string, error) {
	data, err := fs.ReadFile(site, SumsPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no %s: not a built site, or built by an older version: rebuild it", SumsPath)
	}
	if err != nil {
		return nil, err
	}
	sums := map[string]string{}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 || path.Clean(name) != name {
			return nil, fmt.Errorf("%s:%d: expected \"<sha256>  <path>\"", SumsPath, i+1)
		}
		sums[name] = sum
	}
	return sums, nil
}

// asciiName reports whether a file name is printable ASCII without spaces,
// which every unzip tool reads the same way.
func asciiName(name string) bool {
	return name != "" && !strings.ContainsFunc(name, func(r rune) bool { return r <= ' ' || r >= 0x7f }) &&
		!strings.ContainsAny(name, `\:*?"<>|`) // not allowed in Windows file names
}
