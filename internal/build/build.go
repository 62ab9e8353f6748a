package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gzgov/nansha-microsite/internal/check"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/parallel"
)

// Options configure a build.
type Options struct {
	Source string // the source tree; default "."
	Out    string // the output directory; default "public"
	// Progress, when set, is called after each file is written with the
	// number of files written so far and the total, one call at a time.
	Progress func(done, total int)
	// Drafts keeps the draft measures (draft = true), marked as drafts,
	// as a preview shows them; without it they are left out, as if their
	// files were not there. They are checked either way.
	Drafts bool
	// BaseURL, when set, replaces site.toml's base_url: the same sources
	// built for a staging host and for production. It must be valid (see
	// content.BaseURL).
	BaseURL string
	// BaseURLFrom says where BaseURL was given, for messages:
	// "--base-url" (when empty) or "MICROSITE_BASE_URL".
	BaseURLFrom string
}

// Summary describes a finished build.
type Summary struct {
	Pages   int           // HTML pages
	Files   int           // every file written, pages included
	Bytes   int64         // their total size
	Elapsed time.Duration // wall time of the whole build
	// Notes tell the user what the build did besides, one sentence each:
	// drafts left out, a site put back or a folder kept from an
	// interrupted build.
	Notes []string
}

func (s Summary) String() string {
	return l10n.Sprintf("built %d pages, %d files, %d bytes in %v", s.Pages, s.Files, s.Bytes, s.Elapsed.Round(time.Millisecond))
}

// Run builds the site. The problems of the sources are a diag.List.
func Run(opts Options) (Summary, error) {
	start := time.Now()
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Out == "" {
		opts.Out = "public"
	}
	target, err := checkOutDir(opts.Source, opts.Out)
	if err != nil {
		return Summary{}, err
	}
	notes, err := recoverLeftovers(target)
	if err != nil {
		return Summary{Notes: notes}, err
	}
	// What the output folder holds is surveyed while the sources load:
	// on a large site, each takes a fraction of a second.
	type surveyed struct {
		rec *record
		err error
	}
	survey := make(chan surveyed, 1)
	go func() {
		rec, err := checkReplaceable(opts.Out, target)
		survey <- surveyed{rec, err}
	}()
	// Read through a content.Dir: no symbolic link leads out of the sources.
	src, err := content.OpenDir(opts.Source)
	if err != nil {
		<-survey
		return Summary{Notes: notes}, err
	}
	defer src.Close()
	outputs, leftOut, err := outputs(src, nil, opts.settings())
	previous := <-survey
	if previous.err != nil { // first: it names what would be lost
		return Summary{Notes: notes}, previous.err
	}
	if err != nil {
		return Summary{Notes: notes}, err
	}
	st, err := newStage(target)
	if err != nil {
		return Summary{Notes: notes}, err
	}
	written, err := write(st.dir, outputs, opts.Progress)
	var sum Summary
	if err == nil {
		sum, err = seal(st.dir, written) // SHA256SUMS, then the site check, before the swap
	}
	if err != nil {
		st.abort()
		return Summary{Notes: notes}, err
	}
	old, err := st.commit()
	if err != nil {
		st.abort()
		return Summary{Notes: notes}, err
	}
	if len(leftOut) > 0 {
		notes = append(notes, draftsNote(leftOut))
	}
	// The new site is in place: what is left to do cannot fail the build.
	if kept, err := st.finish(old, previous.rec); err != nil {
		notes = append(notes, l10n.Sprintf("could not remove the previous site from %s: %v", old, err))
	} else if len(kept) > 0 {
		notes = append(notes, l10n.Sprintf("kept the previous site's folder as %s: %s", old, keptFiles(kept)))
	}
	sum.Notes = notes
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// Output is one file of the built site.
type Output struct {
	Path string // slash-separated, from the site root
	Page bool   // an HTML page (counted in the summary)
	// Generate writes the file's content into b, not yet minified.
	Generate func(b *bytes.Buffer) error
	// Stream, set instead of Generate, writes the file's final content
	// to w as it is made: the files that grow with the site (the open
	// data, the search index for other programs) run to tens of
	// megabytes on a large one, which a build writes to disk piece by
	// piece rather than hold whole. They are final as written (Minified) and not pages.
	Stream func(w io.Writer) error
	// Minified is true when Generate's output is final (assets, and the
	// pages, rendered from minified layouts and texts).
	Minified bool
	// Deps lists the measure files (content/measures/NN.md) whose content
	// this output shows; nil means it may show any source. Every output
	// also depends on the site-wide sources (site.toml, content/notice.md,
	// layouts/, assets/). A Tree regenerates an output when one of its
	// dependencies changed, so leave it nil when in doubt.
	Deps []string

	from origin // for messages about two outputs at one path
}

// Content writes the output's content into b as generated, not yet
// minified: by Generate, or by Stream into b.
func (o Output) Content(b *bytes.Buffer) error {
	if o.Stream != nil {
		return o.Stream(b)
	}
	return o.Generate(b)
}

// written is what write wrote, for seal.
type written struct {
	outputs []Output
	sizes   []int64
	sums    [][sha256.Size]byte // the SHA-256 of each output's final bytes
	check   *check.Collector    // every page and style sheet, parsed
}

// write generates, minifies and writes every output into dir, a fresh
// folder, reporting progress when it is not nil; it drops each output's
// generator once it is written. While a file's final bytes are in memory it
// computes their checksum and parses them for the site check, so that
// neither has to read the site back; a streamed file (Output.Stream) is
// checksummed as it is written, and is not one the check reads.
func write(dir string, outputs []Output, progress func(done, total int)) (*written, error) {
	if err := makeDirs(dir, outputs); err != nil {
		return nil, err
	}
	w := &written{outputs: outputs, sizes: make([]int64, len(outputs)), sums: make([][sha256.Size]byte, len(outputs)), check: check.NewCollector(sitePaths(outputs))}
	// What an output's generator holds (an edition's texts and pages) can
	// go once the edition's last output is written.
	drop := func(i int) { outputs[i].Generate, outputs[i].Stream = nil, nil }
	stream := func(i int) error {
		defer drop(i)
		size, sum, err := streamFile(filepath.Join(dir, filepath.FromSlash(outputs[i].Path)), outputs[i].Stream)
		w.sizes[i], w.sums[i] = size, sum
		return err
	}
	err := produceEach(outputs, progress, func(i int, data []byte) error {
		defer drop(i)
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(outputs[i].Path)), data); err != nil {
			return err
		}
		w.sizes[i] = int64(len(data))
		w.sums[i] = sha256.Sum256(data)
		return w.check.Add(outputs[i].Path, data)
	}, stream)
	if err != nil {
		return nil, err
	}
	return w, nil
}

// newFile creates the file name, which must not exist: the build writes
// into a folder of its own, so a file already there is not one it made,
// and it is never written over.
func newFile(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// writeNew writes data into the new file name.
func writeNew(name string, data []byte) error {
	f, err := newFile(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// streamFile creates the new file name and writes into it what write
// writes, through a buffer, taking its size and checksum on the way.
func streamFile(name string, write func(io.Writer) error) (int64, [sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	f, err := newFile(name)
	if err != nil {
		return 0, sum, err
	}
	h := sha256.New()
	n := &countingWriter{w: io.MultiWriter(f, h)}
	buf := bufio.NewWriterSize(n, 64<<10)
	err = write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	h.Sum(sum[:0])
	return n.n, sum, err
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// produceEach generates and minifies every output on the worker pool, each
// into a reused buffer, and hands the bytes to sink, which must be safe for
// concurrent use and must not keep data after it returns. An output with a
// Stream goes to stream instead, when it is not nil (otherwise it is
// streamed into a buffer and handed to sink like the others). progress,
// when not nil, hears of each output done. It returns every error, joined.
func produceEach(outputs []Output, progress func(done, total int), sink func(i int, data []byte) error, stream func(i int) error) error {
	m := minify.New()
	var pool bufferPool
	errs := make([]error, len(outputs))
	var mu sync.Mutex
	done := 0
	parallel.For(len(outputs), func(i int) {
		var err error
		if outputs[i].Stream != nil && stream != nil {
			err = stream(i)
		} else {
			bufs := pool.get()
			defer pool.put(bufs)
			var data []byte
			data, err = produce(m, outputs[i], &bufs[0], &bufs[1])
			if err == nil {
				err = sink(i, data)
			}
		}
		if err != nil {
			errs[i] = err
			return
		}
		if progress != nil {
			mu.Lock()
			done++
			progress(done, len(outputs))
			mu.Unlock()
		}
	})
	return joinOutputErrors(errs)
}

// joinOutputErrors joins the outputs' errors (see diag.Join). A mistake in
// a layout is met on every page of a kind: it is one problem, counting the
// pages and naming the first, not 62 lines for one typo.
func joinOutputErrors(errs []error) error { return diag.Join(errs...) }

// bufferPool keeps the scratch buffers of produce for the next output.
type bufferPool struct{ p sync.Pool }

// maxPooled is the largest buffer a bufferPool keeps. The few outputs
// larger than a page that are not streamed (a preview's open data and
// search index, which it compares with what it wrote before; the table of
// a site just under site.PerPage measures) would otherwise keep buffers of
// their size alive, one pair per worker, to the end of the build.
const maxPooled = 1 << 20

func (p *bufferPool) get() *[2]bytes.Buffer {
	if b, ok := p.p.Get().(*[2]bytes.Buffer); ok {
		return b
	}
	return new([2]bytes.Buffer)
}

func (p *bufferPool) put(b *[2]bytes.Buffer) {
	if b[0].Cap() <= maxPooled && b[1].Cap() <= maxPooled {
		p.p.Put(b)
	}
}

// produce generates o and minifies it unless it is final already, using raw
// and min as scratch space. The result is valid until they are reused.
func produce(m *minify.Minifier, o Output, raw, min *bytes.Buffer) ([]byte, error) {
	raw.Reset()
	min.Reset()
	if err := o.Content(raw); err != nil {
		return nil, err
	}
	data := raw.Bytes()
	if mt := minify.MediaType(o.Path); mt != "" && !o.Minified {
		min.Grow(len(data)) // minified is smaller: one allocation at most
		if err := m.Minify(mt, min, data); err != nil {
			return nil, &diag.Error{Pos: diag.Pos{File: o.Path}, Msg: l10n.Sprintf("minify: %v", err), Err: err}
		}
		data = min.Bytes()
	}
	return data, nil
}

// makeDirs creates the folders of every output once, rather than checking
// them again for each of thousands of files.
func makeDirs(dir string, outputs []Output) error {
	made := map[string]bool{}
	for _, o := range outputs {
		d := path.Dir(o.Path)
		if made[d] {
			continue
		}
		made[d] = true
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// draftsNote says which drafts a build left out, and how to keep them.
func draftsNote(numbers []int) string {
	list := make([]string, len(numbers))
	for i, n := range numbers {
		list[i] = strconv.Itoa(n)
	}
	return l10n.Sprintf("left out %d draft(s), not yet to be published: measure %s (build --drafts keeps them, marked)", len(numbers), strings.Join(list, ", "))
}
