package serve

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/gzgov/nansha-microsite/internal/content"
)

// watchedDirs are the source folders watched with everything under them;
// of the source root itself only site.toml matters.
var watchedDirs = []string{"content", "layouts", "assets"}

// watcher turns file system events under the source root into changed
// source paths. It watches folders rather than files: a watch on a file is
// lost when an editor replaces the file by renaming another over it.
type watcher struct {
	root    string // absolute
	fsw     *fsnotify.Watcher
	watched map[string]bool // absolute folders being watched
	warn    func(error)
}

func newWatcher(root string, warn func(error)) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, watched: map[string]bool{}, warn: warn}
	if err := w.add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

func (w *watcher) close() { w.fsw.Close() }

func (w *watcher) add(dir string) error {
	if err := w.fsw.Add(dir); err != nil {
		return err
	}
	w.watched[dir] = true
	return nil
}

// addTree watches dir and every folder under it, but for those the build
// ignores (content.Ignored: .git, …).
func (w *watcher) addTree(dir string) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil // gone meanwhile: its removal is an event of its own
		case err != nil:
			return err
		case !d.IsDir():
			return nil
		case p != dir && content.Ignored(d.Name()):
			return filepath.SkipDir
		}
		return w.add(p)
	})
	if err != nil {
		w.warn(err)
	}
}

// forget drops the watches on dir and the folders under it: dir was removed
// or renamed away (the kernel drops a removed folder's watch by itself; a
// renamed one keeps watching under its new name, which is not ours).
func (w *watcher) forget(dir string) {
	for d := range w.watched {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			w.fsw.Remove(d) // fails when the kernel was first: that is fine
			delete(w.watched, d)
		}
	}
}

// source returns the source path (slash-separated, from the root) an event
// is about, and whether it matters. It also watches new folders and forgets
// removed ones.
func (w *watcher) source(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false // touch, indexers, backup tools: the content is the same
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	name := filepath.ToSlash(rel)
	wasDir := w.watched[ev.Name]
	isDir := false
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			isDir = true
		}
	}
	if !relevant(name, isDir || wasDir) {
		return "", false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(ev.Name)
	}
	if isDir {
		// Files may have landed in it before its watch: the folder itself is
		// reported as changed, which makes the build read all of it again.
		w.addTree(ev.Name)
	}
	return name, true
}

// relevant reports whether a change to the source path name can change the
// site: site.toml and what is under the watched folders, but for what the
// build ignores (content.Ignored: editors' backup, swap and lock files, the
// temporary files of a safe save, whose rename onto the real name is the
// event that counts), and, in content/, for anything but Markdown and
// folders.
func relevant(name string, dir bool) bool {
	if name == content.SiteFile {
		return true
	}
	top, rest, _ := strings.Cut(name, "/")
	if !slices.Contains(watchedDirs, top) {
		return false
	}
	if rest == "" {
		return true // a watched folder itself appeared or went
	}
	base := path.Base(name)
	if content.Ignored(base) {
		return false
	}
	return top != "content" || dir || path.Ext(base) == ".md"
}

// changes holds the changed sources not yet rebuilt, between the watcher
// that adds them and the builder that takes them.
type changes struct {
	mu    sync.Mutex
	paths map[string]bool
	all   bool          // events were lost: anything may have changed
	ready chan struct{} // holds a token while there is something to take
}

func newChanges() *changes {
	return &changes{paths: map[string]bool{}, ready: make(chan struct{}, 1)}
}

func (c *changes) add(paths []string, all bool) {
	c.mu.Lock()
	for _, p := range paths {
		c.paths[p] = true
	}
	c.all = c.all || all
	c.mu.Unlock()
	select {
	case c.ready <- struct{}{}:
	default: // a token is waiting already
	}
}

// take returns the changed paths, sorted, or nil when anything may have
// changed, and starts a new batch.
func (c *changes) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	paths := slices.Sorted(maps.Keys(c.paths))
	if c.all {
		paths = nil
	} else if paths == nil {
		paths = []string{}
	}
	clear(c.paths)
	c.all = false
	return paths
}

// run hands changes to out in batches: a batch ends when no relevant event
// has come for debounce, so that the several events of one save make one
// rebuild. It returns when ctx is done.
func (w *watcher) run(ctx context.Context, debounce time.Duration, out *changes) {
	timer := time.NewTimer(debounce)
	timer.Stop()
	var batch []string
	all := false
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if name, ok := w.source(ev); ok {
				batch = append(batch, name)
				timer.Reset(debounce)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				all = true // the kernel dropped events: rebuild everything
				timer.Reset(debounce)
				continue
			}
			w.warn(err)
		case <-timer.C:
			out.add(batch, all)
			batch, all = nil, false
		}
	}
}
