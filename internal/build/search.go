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
// the city portal, and as a classic script, for search.html (which must work
// from file://, where fetch() is blocked). The index is built once, by
// whichever of the two is generated first.
func searchOutputs(s *site.Site, texts map[*site.Source]converted) []Output {
	index := sync.OnceValues(func() (*search.Index, error) {
		return search.Build(s, func(m *site.Measure) string { return texts[&m.Body].text })
	})
	output := func(path string, encode func(*search.Index) ([]byte, error)) Output {
		return Output{Path: path, Minified: true, Generate: func(b *bytes.Buffer) error {
			idx, err := index()
			if err != nil {
				return err
			}
			data, err := encode(idx)
			if err != nil {
				return err
			}
			_, err = b.Write(data)
			return err
		}}
	}
	return []Output{
		output(search.JSONPath, (*search.Index).JSON),
		output(search.ScriptPath, (*search.Index).Script),
	}
}
