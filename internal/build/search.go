package build

import (
	"bytes"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// SearchPath is the search page; it reads the index from search.ScriptPath.
const SearchPath = "search.html"

// searchOutputs are the search index as JSON, for other programs such as
// the city portal, and as the page's own index, for search.html (which must
// work from file://, where fetch() is blocked): search.ScriptPath, and on a
// large site the shards it loads on demand. The index is built once, by
// whichever output is generated first; the page's files are laid out
// beforehand from the sources' sizes, so that their paths are known before
// anything is written.
func searchOutputs(s *site.Site, texts texts) []Output {
	index := sync.OnceValues(func() (*search.Index, error) {
		t, err := texts()
		if err != nil {
			return nil, err
		}
		return search.Build(s, func(m *site.Measure) string { return t[&m.Body].text })
	})
	encoded := sync.OnceValues(func() ([]byte, error) {
		idx, err := index()
		if err != nil {
			return nil, err
		}
		return idx.JSON()
	})
	layout := search.Plan(s)
	files := sync.OnceValues(func() ([]search.File, error) {
		idx, err := index()
		if err != nil {
			return nil, err
		}
		return search.PageFiles(s, idx, layout)
	})
	output := func(path string, data func() ([]byte, error)) Output {
		return Output{Path: path, Minified: true, Generate: func(b *bytes.Buffer) error {
			d, err := data()
			if err != nil {
				return err
			}
			// Megabytes on a large site: grow once, copy once.
			b.Grow(len(d))
			b.Write(d)
			return nil
		}}
	}
	outs := []Output{output(search.JSONPath, encoded)}
	for i, path := range layout.Paths() {
		outs = append(outs, output(path, func() ([]byte, error) {
			fs, err := files()
			if err != nil {
				return nil, err
			}
			return fs[i].Data(), nil
		}))
	}
	return outs
}
