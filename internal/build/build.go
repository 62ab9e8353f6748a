package build

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/markdown"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Options configure a build.
type Options struct {
	Source string // the source tree; default "."
	Out    string // the output directory; default "public"
}

// Summary describes a finished build.
type Summary struct {
	Pages   int           // HTML pages
	Files   int           // every file written, pages included
	Bytes   int64         // their total size
	Elapsed time.Duration // wall time of the whole build
}

func (s Summary) String() string {
	return fmt.Sprintf("built %d pages, %d files, %d bytes in %v", s.Pages, s.Files, s.Bytes, s.Elapsed.Round(time.Millisecond))
}

// Run builds the site. Content errors are returned as a content.ErrorList.
func Run(opts Options) (Summary, error) {
	start := time.Now()
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Out == "" {
		opts.Out = "public"
	}
	if err := checkOutDir(opts.Source, opts.Out); err != nil {
		return Summary{}, err
	}
	fsys := os.DirFS(opts.Source)
	outputs, err := Outputs(fsys)
	if err != nil {
		return Summary{}, err
	}
	st, err := newStage(opts.Out)
	if err != nil {
		return Summary{}, err
	}
	sum, err := write(st.dir, outputs)
	if err != nil {
		st.abort()
		return Summary{}, err
	}
	if err := st.commit(); err != nil {
		st.abort()
		return Summary{}, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// Output is one file of the built site.
type Output struct {
	Path string // slash-separated, from the site root
	Page bool   // an HTML page (counted in the summary)
	// Generate writes the file's content into b, not yet minified.
	Generate func(b *bytes.Buffer) error
	// Minified is true when Generate's output is final (assets).
	Minified bool
}

// Outputs loads and validates the sources in fsys and returns every file of
// the site, ready to generate. Nothing is written.
func Outputs(fsys fs.FS) ([]Output, error) {
	s, err := content.Load(fsys)
	if err != nil {
		return nil, err
	}
	m := minify.New()
	assets, assetNames, err := loadAssets(fsys, m)
	if err != nil {
		return nil, err
	}
	r, err := render.New(fsys, assetNames)
	if err != nil {
		return nil, err
	}
	texts, err := convertAll(s)
	if err != nil {
		return nil, err
	}
	var outs []Output
	for _, p := range pages(s, texts, r.Strings()) {
		outs = append(outs, Output{Path: p.Path, Page: true, Generate: func(b *bytes.Buffer) error { return r.Render(b, p) }})
	}
	for _, a := range assets {
		outs = append(outs, Output{Path: a.path, Minified: true, Generate: func(b *bytes.Buffer) error { _, err := b.Write(a.data); return err }})
	}
	return outs, nil
}

// converted is a Markdown source as HTML and as plain text.
type converted struct {
	html template.HTML
	text string
}

// convertAll converts the notice and every measure, in parallel.
func convertAll(s *site.Site) (map[*site.Source]converted, error) {
	sources := []*site.Source{&s.Notice.Body}
	for _, m := range s.Measures {
		sources = append(sources, &m.Body)
	}
	conv := markdown.New()
	results := make([]converted, len(sources))
	errs := make([]error, len(sources))
	parallel(len(sources), func(i int) {
		doc, err := conv.Convert(sources[i].Text)
		if err != nil {
			errs[i] = fmt.Errorf("%s:%d: %w", sources[i].File, sources[i].Line, err)
			return
		}
		// goldmark escapes the text and drops raw HTML: its output is safe.
		results[i] = converted{html: template.HTML(doc.HTML), text: doc.Text}
	})
	out := make(map[*site.Source]converted, len(sources))
	for i, src := range sources {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[src] = results[i]
	}
	return out, nil
}

// parallel calls f(0) … f(n-1) on a bounded pool of goroutines, one per CPU.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				next.Lock()
				j := i
				i++
				next.Unlock()
				if j >= n {
					return
				}
				f(j)
			}
		})
	}
	wg.Wait()
}

// write generates, minifies and writes every output into dir.
func write(dir string, outputs []Output) (Summary, error) {
	if err := makeDirs(dir, outputs); err != nil {
		return Summary{}, err
	}
	m := minify.New()
	errs := make([]error, len(outputs))
	sizes := make([]int64, len(outputs))
	pool := sync.Pool{New: func() any { return new([2]bytes.Buffer) }}
	parallel(len(outputs), func(i int) {
		o := outputs[i]
		bufs := pool.Get().(*[2]bytes.Buffer)
		defer pool.Put(bufs)
		raw, min := &bufs[0], &bufs[1]
		raw.Reset()
		min.Reset()
		if err := o.Generate(raw); err != nil {
			errs[i] = err
			return
		}
		data := raw.Bytes()
		if mt := minify.MediaType(o.Path); mt != "" && !o.Minified {
			if err := m.Minify(mt, min, data); err != nil {
				errs[i] = fmt.Errorf("minify %s: %w", o.Path, err)
				return
			}
			data = min.Bytes()
		}
		name := filepath.Join(dir, filepath.FromSlash(o.Path))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			errs[i] = err
			return
		}
		sizes[i] = int64(len(data))
	})
	var sum Summary
	for i, o := range outputs {
		if errs[i] != nil {
			return Summary{}, errs[i]
		}
		sum.Files++
		sum.Bytes += sizes[i]
		if o.Page {
			sum.Pages++
		}
	}
	return sum, nil
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
