package site

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// Link is a related link of the notice: an address outside the site, or a
// file of the sources that the build publishes with the site.
type Link struct {
	Title string
	URL   string // an absolute http(s) address outside the site, or ""
	// File is a file of the sources, from their root: under content/files/
	// (published at FilePath) or under assets/ (published as an asset,
	// AssetPath); "" for a URL. Size is its size in bytes, as published.
	File string
	Size int64
	Pos  diag.Pos // its entry in the front matter, for messages
}

// formats are the documents a link may name, by extension, and what the
// page says each is.
var formats = map[string]string{
	".pdf":  "PDF",
	".ofd":  "OFD",
	".doc":  "Word",
	".docx": "Word",
	".wps":  "WPS",
	".xls":  "Excel",
	".xlsx": "Excel",
	".et":   "WPS",
}

// DocumentFormat is the kind of document the file name is, by its
// extension (PDF, Word …), or "" when a link may not name it.
func DocumentFormat(name string) string { return formats[strings.ToLower(path.Ext(name))] }

// DocumentExts lists the extensions DocumentFormat knows, for messages.
func DocumentExts() []string { return slices.Sorted(maps.Keys(formats)) }

// Format is the kind of document the link's file is (PDF, Word …), or ""
// for a URL.
func (l *Link) Format() string { return DocumentFormat(l.File) }

// SizeText is the file's size as a reader reads it: 860 B, 235 KB, 1.2 MB;
// "" for a URL.
func (l *Link) SizeText() string {
	const k = 1024
	switch n := l.Size; {
	case l.File == "":
		return ""
	case n < k:
		return fmt.Sprintf("%d B", n)
	case n < k*k:
		return fmt.Sprintf("%d KB", (n+k-1)/k) // never 0 KB
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(k*k))
	}
}
