package build

import (
	"bytes"

	"github.com/gzgov/nansha-microsite/internal/search"
)

// searchJSON writes the edition's search index, for other programs: built
// and encoded once (edition.index), by whichever of it and searchScript is
// generated first.
func searchJSON(in formatInput, b *bytes.Buffer) error {
	return writeIndex(in.ed, b, "", "")
}

// searchScript writes the same index as a classic script, for search.html
// on file://.
func searchScript(in formatInput, b *bytes.Buffer) error {
	return writeIndex(in.ed, b, search.ScriptPrefix, search.ScriptSuffix)
}

func writeIndex(ed *perEdition, b *bytes.Buffer, prefix, suffix string) error {
	data, err := ed.index()
	if err != nil {
		return err
	}
	// Megabytes on a large site: grow once, copy once.
	b.Grow(len(prefix) + len(data) + len(suffix))
	b.WriteString(prefix)
	b.Write(data)
	b.WriteString(suffix)
	return nil
}
