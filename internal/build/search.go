package build

import (
	"bytes"
)

// searchJSON writes the edition's search index, for other programs: built
// once (perEdition.index) for it and the search page's files, and encoded
// once.
func searchJSON(in formatInput, b *bytes.Buffer) error {
	data, err := in.ed.indexJSON()
	if err != nil {
		return err
	}
	return writeLarge(b, data)
}

// searchPaths are the files of the search page's own index in the edition,
// from its folder: search-index.js, and on a large site the shards it
// loads per query (search.Plan).
func searchPaths(ed *perEdition) []string { return ed.searchLayout.Paths() }

// searchPart writes the search page's file number in.part, of those
// searchPaths lists.
func searchPart(in formatInput, b *bytes.Buffer) error {
	files, err := in.ed.searchFiles()
	if err != nil {
		return err
	}
	return writeLarge(b, files[in.part].Data())
}

// writeLarge writes data, megabytes on a large site: grow once, copy once.
func writeLarge(b *bytes.Buffer, data []byte) error {
	b.Grow(len(data))
	_, err := b.Write(data)
	return err
}
