package build

import (
	"bytes"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// searchOutputs are the search index as JSON, for other programs such as
// the city portal, and as a classic script, for search.html (which must work
// from file://, where fetch() is blocked). The index is built and encoded
// once, by whichever of the two is generated first.
func searchOutputs(s *site.Site, texts texts) []Output {
	encoded := sync.OnceValues(func() ([]byte, error) {
		t, err := texts()
		if err != nil {
			return nil, err
		}
		idx, err := search.Build(s, func(m *site.Measure) string { return t[&m.Body].text })
		if err != nil {
			return nil, err
		}
		return idx.JSON()
	})
	output := func(path, prefix, suffix string) Output {
		return Output{Path: path, Minified: true, Generate: func(b *bytes.Buffer) error {
			data, err := encoded()
			if err != nil {
				return err
			}
			// Megabytes on a large site: grow once, copy once.
			b.Grow(len(prefix) + len(data) + len(suffix))
			b.WriteString(prefix)
			b.Write(data)
			b.WriteString(suffix)
			return nil
		}}
	}
	return []Output{
		output(site.SearchJSONPath, "", ""),
		output(site.SearchScriptPath, search.ScriptPrefix, search.ScriptSuffix),
	}
}
