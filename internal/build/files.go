package build

import (
	"io/fs"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// file is a document of content/files/ that the notice links to, published
// as it is at site.FilePath. Files of assets/ it links to are assets.
type file struct {
	path string   // from the site root: files/161.pdf
	src  string   // from the source root: content/files/161.pdf
	pos  diag.Pos // the first link to it, for messages
	data []byte
}

// loadFiles reads the files of content/files/ that the notice's links name
// (content.Load checked that they exist), each once, in the order of the
// links. Nothing else of the folder is published.
func loadFiles(fsys fs.FS, s *site.Site) ([]file, error) {
	n := &s.Notice
	var out []file
	var errs []error
	seen := map[string]bool{}
	for _, links := range [][]*site.Link{n.Originals, n.Interpretations, n.Related} {
		for _, l := range links {
			name, ok := strings.CutPrefix(l.File, content.FilesDir+"/")
			if !ok || seen[l.File] {
				continue
			}
			seen[l.File] = true
			data, err := fs.ReadFile(fsys, l.File)
			if err != nil {
				errs = append(errs, diag.List{content.FileError(l.File, err)})
				continue
			}
			out = append(out, file{path: site.FilePath(name), src: l.File, pos: l.Pos, data: data})
		}
	}
	return out, diag.Join(errs...)
}

// fileOrigin is the origin of a published file: the link that names it.
func fileOrigin(f file) origin {
	return origin{pos: f.pos, what: f.src, change: "rename the file"}
}
