package build

import (
	"bytes"
	"io"

	"github.com/gzgov/nansha-microsite/internal/search"
)

// searchJSON writes the edition's search index, for other programs: built
// once (perEdition.index) for it and the search page's files.
func searchJSON(in formatInput, w io.Writer) error {
	idx, err := in.ed.index()
	if err != nil {
		return err
	}
	return idx.WriteJSON(w)
}

// searchPaths are the files of the search page's own index in the edition,
// from its folder: search-index.js, and on a large site the shards it
// loads per query (search.Plan).
func searchPaths(ed *perEdition) []string { return ed.searchLayout.Paths() }

// searchPart writes the search page's file number in.part, of those
// searchPaths lists.
func searchPart(in formatInput, b *bytes.Buffer) error {
	return in.ed.searchFiles.use(func(files []search.File) error {
		return writeLarge(b, files[in.part].Data())
	})
}

// writeLarge writes data, megabytes on a large site: grow once, copy once.
func writeLarge(b *bytes.Buffer, data []byte) error {
	b.Grow(len(data))
	_, err := b.Write(data)
	return err
}
