package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/parallel"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// A site's SHA256SUMS is also the build's record of what it wrote: a build
// replaces a folder, a cleanup deletes a file, and the packager archives
// one, only as far as this record accounts for it. Whatever else a folder
// holds (an uploads/ folder in a web root, a page edited by hand) is
// someone's work.

// errNoRecord is a folder without site.SumsPath.
var errNoRecord = errors.New("no " + site.SumsPath)

// record is a site's SHA256SUMS, parsed.
type record struct {
	sums map[string]string // path → hex SHA-256
	// canonical is true when the file is as checksums writes it: sorted by
	// path, each once. One made by hand (sha256sum * > SHA256SUMS) rarely
	// is, and cannot vouch that a build wrote the files it lists.
	canonical bool
}

// readRecord reads the record of the site in fsys; errNoRecord when there
// is none.
func readRecord(fsys fs.FS) (*record, error) {
	data, err := fs.ReadFile(fsys, site.SumsPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoRecord
	}
	if err != nil {
		return nil, err
	}
	return parseRecord(data)
}

// parseRecord parses the lines "<sha256>  <path>" of SHA256SUMS.
func parseRecord(data []byte) (*record, error) {
	text := string(data)
	r := &record{sums: make(map[string]string, strings.Count(text, "\n")), canonical: strings.HasSuffix(text, "\n")}
	prev := ""
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 2*sha256.Size || !fs.ValidPath(name) || name == "." || name == site.SumsPath {
			return nil, badRecordLine(i + 1)
		}
		for _, c := range []byte(sum) {
			switch {
			case '0' <= c && c <= '9', 'a' <= c && c <= 'f':
			case 'A' <= c && c <= 'F':
				r.canonical = false // checksums writes lower case
			default:
				return nil, badRecordLine(i + 1)
			}
		}
		if i > 0 && name <= prev {
			r.canonical = false
		}
		prev = name
		r.sums[name] = strings.ToLower(sum)
	}
	return r, nil
}

// badRecordLine is a line of SHA256SUMS that is not "<sha256>  <path>".
type badRecordLine int

func (n badRecordLine) Error() string {
	return l10n.Sprintf("%s:%d: expected \"<sha256>  <path>\"", site.SumsPath, int(n))
}

// folders returns every folder that holds a listed file, at any depth.
func (r *record) folders() map[string]bool {
	dirs := map[string]bool{}
	for name := range r.sums {
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// inventory is what a folder holds: its regular files, and everything
// else that is not a folder holding something (links, devices, empty
// folders), by slash path from the folder.
type inventory struct {
	files  []string
	infos  []fs.FileInfo // of each file (from Lstat)
	others []string      // "x/" for an empty folder, "x" for the rest
	// truncated is true when the walk stopped at its limit.
	truncated bool
}

// takeInventory walks the folder root of fsys, never following a link.
// With infos, it also gives each file's status (one lstat each, on every
// CPU: a large site has tens of thousands of files). With a limit, it
// stops once it has found that many entries (truncated).
func takeInventory(fsys fs.FS, infos bool, limit int) (*inventory, error) {
	inv := &inventory{}
	var entries []fs.DirEntry // of the files
	enough := errors.New("enough")
	var walk func(dir string) error
	walk = func(dir string) error {
		list, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return err
		}
		if len(list) == 0 && dir != "." {
			inv.others = append(inv.others, dir+"/")
		}
		for _, e := range list {
			if limit > 0 && len(inv.files)+len(inv.others) >= limit {
				inv.truncated = true
				return enough
			}
			p := path.Join(dir, e.Name())
			switch {
			case e.IsDir():
				if err := walk(p); err != nil {
					return err
				}
			case e.Type().IsRegular():
				inv.files = append(inv.files, p)
				entries = append(entries, e)
			default:
				inv.others = append(inv.others, p)
			}
		}
		return nil
	}
	err := walk(".")
	if err == enough {
		err = nil
	}
	if err != nil || !infos {
		return inv, err
	}
	inv.infos = make([]fs.FileInfo, len(entries))
	errs := make([]error, len(entries))
	parallel.For(len(entries), func(i int) { inv.infos[i], errs[i] = entries[i].Info() })
	return inv, errors.Join(errs...)
}

// unlisted returns what r does not account for in inv: files it does not
// list, and any other entry but a folder holding a listed file.
func (r *record) unlisted(inv *inventory) []string {
	var out []string
	for _, p := range inv.files {
		if _, ok := r.sums[p]; !ok && p != site.SumsPath {
			out = append(out, p)
		}
	}
	dirs := r.folders()
	for _, p := range inv.others {
		if !dirs[strings.TrimSuffix(p, "/")] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// changed returns the listed files of inv, in the folder dir, whose bytes
// differ from r. A file whose inode last changed before SHA256SUMS was
// written is as the build left it: a change to its bytes, or a file moved
// or copied over it, updates its change time (ctime), which no ordinary
// tool can set back, unlike the modification time. Only the others, and
// every file where the system gives no change time, are read and hashed.
func (r *record) changed(dir string, inv *inventory) ([]string, error) {
	sumsInfo, err := os.Lstat(filepath.Join(dir, site.SumsPath))
	if err != nil {
		return nil, err
	}
	sealed, sealedKnown := changeTime(sumsInfo)
	var suspects []string
	for i, p := range inv.files {
		if _, ok := r.sums[p]; !ok {
			continue
		}
		if t, known := changeTime(inv.infos[i]); sealedKnown && known && t.Before(sealed) {
			continue
		}
		suspects = append(suspects, p)
	}
	differ := make([]bool, len(suspects))
	errs := make([]error, len(suspects))
	parallel.For(len(suspects), func(i int) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(suspects[i])))
		if err != nil {
			errs[i] = err
			return
		}
		sum := sha256.Sum256(data)
		differ[i] = hex.EncodeToString(sum[:]) != r.sums[suspects[i]]
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []string
	for i, p := range suspects {
		if differ[i] {
			out = append(out, p)
		}
	}
	return out, nil
}

// changeTime is the later of a file's change time and modification time:
// on FAT, the "change" time Linux reports is the creation time, which an
// edit leaves alone. known is false where the system gives none.
func changeTime(fi fs.FileInfo) (t time.Time, known bool) {
	c, ok := ctime(fi)
	if !ok {
		return time.Time{}, false
	}
	if m := fi.ModTime(); m.After(c) {
		return m, true
	}
	return c, true
}

// removeSite deletes the site in dir as its record r lists it (nil: as
// its SHA256SUMS does): each listed file, every folder left empty, then
// SHA256SUMS and dir. Anything else stays where it is, and is returned
// (slash paths from dir). A folder without a record is removed only when
// empty. SHA256SUMS goes last, so that a removal cut short can be finished
// by the next one.
func removeSite(dir string, r *record) (kept []string, err error) {
	if r == nil {
		r, err = readRecord(os.DirFS(dir))
		if err != nil && !errors.Is(err, errNoRecord) {
			return nil, err
		}
	}
	if r != nil {
		inv, err := takeInventory(os.DirFS(dir), false, 0)
		if err != nil {
			return nil, err
		}
		if len(r.unlisted(inv)) == 0 {
			// Nothing but listed files: the quickest way to delete them.
			entries, err := os.ReadDir(dir)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				if e.Name() != site.SumsPath {
					if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
						return nil, err
					}
				}
			}
		} else {
			// A file that cannot go (a folder now, or no permission)
			// stays, and is listed below with whatever else stays.
			for name := range r.sums {
				os.Remove(filepath.Join(dir, filepath.FromSlash(name)))
			}
			// Deepest first, so that a folder is empty when its turn
			// comes; one still holding something stays.
			dirs := slices.Collect(maps.Keys(r.folders()))
			slices.SortFunc(dirs, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
			for _, d := range dirs {
				os.Remove(filepath.Join(dir, filepath.FromSlash(d)))
			}
		}
		os.Remove(filepath.Join(dir, site.SumsPath))
	}
	if err := os.Remove(dir); err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	inv, err := takeInventory(os.DirFS(dir), false, 0)
	if err != nil {
		return nil, err
	}
	return slices.Sorted(slices.Values(append(inv.files, inv.others...))), nil
}

// loss is what replacing a folder would lose.
type loss struct {
	rec      *record  // the folder's record, when it has one
	record   error    // why the folder has no usable record, or nil
	unlisted []string // entries the record does not account for
	more     bool     // and more than these: survey stopped counting
	changed  []string // listed files whose bytes differ from it
}

func (l loss) empty() bool { return len(l.unlisted) == 0 && len(l.changed) == 0 }

// survey says what replacing the folder dir would lose; a folder that does
// not exist or is empty loses nothing.
func survey(dir string) (loss, error) {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return loss{}, err
	}
	r, err := readRecord(os.DirFS(dir))
	var bad badRecordLine
	switch {
	case err == nil && !r.canonical:
		err = l10n.Errorf("its lines are not as a build writes them")
	case err != nil && !errors.Is(err, errNoRecord) && !errors.As(err, &bad):
		return loss{}, err
	}
	if err != nil {
		// Not a site: say what it holds, without walking all of a
		// folder such as /usr to count it.
		inv, ierr := takeInventory(os.DirFS(dir), false, maxListed)
		if ierr != nil {
			return loss{}, ierr
		}
		return loss{record: err, unlisted: slices.Sorted(slices.Values(append(inv.files, inv.others...))), more: inv.truncated}, nil
	}
	inv, err := takeInventory(os.DirFS(dir), true, 0)
	if err != nil {
		return loss{}, err
	}
	l := loss{rec: r, unlisted: r.unlisted(inv)}
	if l.changed, err = r.changed(dir, inv); err != nil {
		return loss{}, err
	}
	return l, nil
}

// maxListed is how many entries survey lists of a folder that is no site
// (a variable for a test).
var maxListed = 10000

// describe says what the folder holds that would be lost, as a clause
// about it ("it has …", "it holds …"), naming the first few paths.
func (l loss) describe() string {
	if l.record != nil {
		n := count(l.unlisted)
		if l.more {
			n = l10n.Sprintf("more than %s", n)
		}
		if errors.Is(l.record, errNoRecord) {
			return l10n.Sprintf("it has no %s, so no build of this program wrote it, and it holds %s: %s", site.SumsPath, n, sample(l.unlisted, l.more))
		}
		return l10n.Sprintf("its %s was not written by this program (%v), and it holds %s: %s", site.SumsPath, l.record, n, sample(l.unlisted, l.more))
	}
	var parts []string
	if len(l.unlisted) > 0 {
		parts = append(parts, l10n.Sprintf("%s that its %s does not list: %s", count(l.unlisted), site.SumsPath, sample(l.unlisted, false)))
	}
	if len(l.changed) > 0 {
		parts = append(parts, l10n.Sprintf("%s changed since the build (no longer as its %s lists it): %s", count(l.changed), site.SumsPath, sample(l.changed, false)))
	}
	return l10n.Sprintf("it holds %s", strings.Join(parts, l10n.Sprintf("; and ")))
}

// keptFiles says what a removal by the record left behind.
func keptFiles(kept []string) string {
	return l10n.Sprintf("it holds %s that its %s does not list (%s); look at them, then remove the folder", count(kept), site.SumsPath, sample(kept, false))
}

// count says how many files a list holds.
func count(list []string) string {
	if len(list) == 1 {
		return l10n.Sprintf("1 file")
	}
	return l10n.Sprintf("%d files", len(list))
}

// sample lists the first few names of a list, and how many more there
// are; "and more" when the list itself is not all there is.
func sample(list []string, more bool) string {
	const few = 5
	switch {
	case more:
		return l10n.Sprintf("%s and more", strings.Join(list[:min(few, len(list))], ", "))
	case len(list) <= few:
		return strings.Join(list, ", ")
	}
	return l10n.Sprintf("%s and %d more", strings.Join(list[:few], ", "), len(list)-few)
}
