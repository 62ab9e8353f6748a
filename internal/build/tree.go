package build

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// Tree keeps a built site up to date in one output directory, for a preview
// server: after an edit, Update regenerates only the outputs the changed
// sources can affect (see Output.Deps) and rewrites only the files whose
// bytes changed.
//
// Unlike Run, a Tree writes in place, each file atomically but not the site
// as a whole: while an Update runs, the directory mixes old and new files.
// That suits a preview; Run is for publishing. A Tree owns its output
// directory: nothing else may write there.
type Tree struct {
	out      string
	sources  *sourceCache
	memo     textMemo
	progress func(done, total int)
	settings settings
	seed     maphash.Seed

	built   map[string]builtFile // what the output holds; nil before the first Update
	pending map[string]bool      // sources changed since the last successful Update
	all     bool                 // and anything else may have changed too
}

// builtFile is one file of the output as a Tree last wrote it.
type builtFile struct {
	deps []string // the Output's Deps
	sum  uint64   // maphash of the bytes written
	page bool
}

// UpdateSummary says what one Tree.Update did.
type UpdateSummary struct {
	Changed   []string // output paths written or removed, sorted
	Generated int      // outputs generated; the others were left as they were
	Outputs   int      // outputs in the site
	Pages     int      // HTML pages in the site
	Full      bool     // every output was generated
	Elapsed   time.Duration
}

func (u UpdateSummary) String() string {
	return l10n.Sprintf("%d of %d files changed (%d regenerated) in %v",
		len(u.Changed), u.Outputs, u.Generated, u.Elapsed.Round(time.Millisecond))
}

// NewTree returns a Tree that builds opts.Source into opts.Out, which must
// not exist or be empty; opts.Progress reports on updates that regenerate
// everything. Nothing is built until the first Update.
func NewTree(opts Options) (*Tree, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if _, err := checkOutDir(opts.Source, opts.Out); err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(opts.Out); err == nil && len(entries) > 0 {
		return nil, l10n.Errorf("refusing output directory %s: a tree needs an empty one", opts.Out)
	}
	// Read through a content.Dir: no symbolic link leads out of the
	// sources. It stays open for the Tree's life.
	src, err := content.OpenDir(opts.Source)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		src.Close()
		return nil, err
	}
	return &Tree{
		out:      opts.Out,
		sources:  &sourceCache{FS: src, files: map[string][]byte{}},
		progress: opts.Progress,
		settings: opts.settings(),
		seed:     maphash.MakeSeed(),
		pending:  map[string]bool{},
		all:      true,
	}, nil
}

// Update brings the output up to date. changed names the source files and
// folders (slash-separated, from the source root) that changed since the
// previous call; nil means anything may have. An edit confined to measure
// files regenerates the outputs that depend on them; any other change
// regenerates everything (and rereads every source).
//
// On error (a content error is a diag.List) the changes are kept for
// the next Update, which then also covers them.
func (t *Tree) Update(changed []string) (UpdateSummary, error) { return t.UpdateEarly(changed, nil) }

// UpdateEarly is Update that reports early: when an edit to measure files
// also changes outputs that show every measure (the table, the home page,
// which take longest in a large site), it first writes the others (the
// measures' pages, their categories' and units'), calls early with the paths
// it changed so far, and only then regenerates those. A preview reloads the
// edited page without waiting for the table.
func (t *Tree) UpdateEarly(changed []string, early func(written []string)) (UpdateSummary, error) {
	start := time.Now()
	if changed == nil {
		t.all = true
	}
	for _, p := range changed {
		t.pending[p] = true
	}
	selective := t.built != nil && !t.all && onlyMeasures(t.pending)
	if selective {
		t.sources.forget(t.pending)
	} else {
		// Also a safety net: a change the caller missed is picked up here.
		t.sources.forgetAll()
	}
	outs, _, err := outputs(t.sources, &t.memo, t.settings)
	if err != nil {
		return UpdateSummary{}, err
	}
	var first, last []Output // last: the outputs that show every measure
	u := UpdateSummary{Outputs: len(outs), Full: !selective}
	for _, o := range outs {
		switch {
		case selective && !t.stale(o):
		case selective && o.Deps == nil && early != nil:
			last = append(last, o)
		default:
			first = append(first, o)
		}
		if o.Page {
			u.Pages++
		}
	}
	u.Generated = len(first) + len(last)
	progress := t.progress
	if selective {
		progress = nil // a few files: nothing to watch
	}
	written, err := t.generate(first, progress)
	if err == nil && len(last) > 0 {
		early(slices.Sorted(slices.Values(written)))
		var more []string
		more, err = t.generate(last, nil)
		written = append(written, more...)
	}
	if err != nil {
		t.all = true // some files may be new, others not: redo them all
		return UpdateSummary{}, err
	}
	u.Changed = append(written, t.removeGone(outs)...)
	slices.Sort(u.Changed)
	clear(t.pending)
	t.all = false
	u.Elapsed = time.Since(start)
	return u, nil
}

// onlyMeasures reports whether every changed source is a measure file.
func onlyMeasures(changed map[string]bool) bool {
	for p := range changed {
		if path.Dir(p) != content.MeasuresDir || path.Ext(p) != ".md" {
			return false
		}
	}
	return true
}

// stale reports whether o may differ from what the output holds: it is new,
// may show anything, shows other measures than before, or shows one that
// changed.
func (t *Tree) stale(o Output) bool {
	prev, ok := t.built[o.Path]
	if !ok || o.Deps == nil || !slices.Equal(prev.deps, o.Deps) {
		return true
	}
	return slices.ContainsFunc(o.Deps, func(d string) bool { return t.pending[d] })
}

// generate produces the outputs in parallel and writes those whose bytes
// differ from the output's, returning the paths it wrote.
func (t *Tree) generate(outs []Output, progress func(done, total int)) ([]string, error) {
	fresh := t.built == nil
	if fresh {
		t.built = map[string]builtFile{}
	}
	var (
		mu      sync.Mutex
		written []string
	)
	err := produceEach(outs, progress, func(i int, data []byte) error {
		o := outs[i]
		f := builtFile{deps: o.Deps, sum: maphash.Bytes(t.seed, data), page: o.Page}
		mu.Lock()
		prev, had := t.built[o.Path]
		mu.Unlock()
		changed := !had || prev.sum != f.sum
		if changed {
			name := filepath.Join(t.out, filepath.FromSlash(o.Path))
			write := replaceFile
			if fresh {
				write = writeFile
			}
			if err := write(name, data); err != nil {
				return err
			}
		}
		mu.Lock()
		defer mu.Unlock()
		// Recorded as soon as written, so that the record matches the disk
		// even when another output fails.
		t.built[o.Path] = f
		if changed {
			written = append(written, o.Path)
		}
		return nil
	}, nil)
	return written, err
}

// removeGone deletes the files of outputs the site no longer has.
func (t *Tree) removeGone(outs []Output) []string {
	keep := make(map[string]bool, len(outs))
	for _, o := range outs {
		keep[o.Path] = true
	}
	var gone []string
	for p := range t.built {
		if !keep[p] {
			os.Remove(filepath.Join(t.out, filepath.FromSlash(p)))
			delete(t.built, p)
			gone = append(gone, p)
		}
	}
	return gone
}

// writeFile writes a file into a fresh output directory.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// replaceFile replaces a file atomically, so that a reader never sees half
// of it: write a temporary file beside it, then rename it over.
func replaceFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// sourceCache is the source tree with every file read so far kept in
// memory, so that rebuilding after one edit reads one file, not thousands.
// The Tree tells it what changed.
type sourceCache struct {
	fs.FS // the tree on disk, for everything but ReadFile

	mu    sync.Mutex
	files map[string][]byte
}

// ReadFile implements fs.ReadFileFS, which fs.ReadFile (and so every reader
// of the sources) uses.
func (c *sourceCache) ReadFile(name string) ([]byte, error) {
	c.mu.Lock()
	data, ok := c.files[name]
	c.mu.Unlock()
	if !ok {
		var err error
		if data, err = fs.ReadFile(c.FS, name); err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.files[name] = data
		c.mu.Unlock()
	}
	return bytes.Clone(data), nil // the caller may modify it
}

// forget drops the named files, and everything under the named folders.
func (c *sourceCache) forget(changed map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range changed {
		delete(c.files, p)
	}
	for name := range c.files {
		for dir := name; dir != "."; {
			dir = path.Dir(dir)
			if changed[dir] {
				delete(c.files, name)
				break
			}
		}
	}
}

func (c *sourceCache) forgetAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.files)
}

var _ fs.ReadFileFS = (*sourceCache)(nil)
