package build

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/minify"
)

// AssetDir is the folder of CSS, JS and images, in the sources and in the output.
const AssetDir = "assets"

// asset is a processed asset: minified, with a content hash in its name so
// that browsers and caches never serve a stale copy after an update.
type asset struct {
	path string // from the site root: assets/site.3f9a1c2b.css
	data []byte
}

// loadAssets reads every file under assets/, minifies what the registry
// knows, and names each by its content. It returns the assets and the map
// from source name ("site.css") to output path.
func loadAssets(fsys fs.FS, m *minify.Minifier) ([]asset, map[string]string, error) {
	var out []asset
	names := map[string]string{}
	err := fs.WalkDir(fsys, AssetDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if mt := minify.MediaType(p); mt != "" {
			if data, err = m.Bytes(mt, data); err != nil {
				return &fileError{p, err}
			}
		}
		name := strings.TrimPrefix(p, AssetDir+"/")
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := AssetDir + "/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		names[name] = hashed
		out = append(out, asset{path: hashed, data: data})
		return nil
	})
	return out, names, err
}

// fileError is an error about one source file.
type fileError struct {
	file string
	err  error
}

func (e *fileError) Error() string { return e.file + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }
