package search

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// shardsJS reads a sharded index in the browser; see shards.js.
//
//go:embed shards.js
var shardsJS []byte

// shardReader is shardsJS minified, once per process.
var shardReader = sync.OnceValues(func() ([]byte, error) {
	js, err := minify.New().Bytes("application/javascript", shardsJS)
	if err != nil {
		return nil, fmt.Errorf("search: shards.js: %w", err)
	}
	return append(js, '\n'), nil
})

// startCall ends search-index.js: search.html loads it async, and if
// search.js ran first, it waits to be started.
const startCall = "window.micrositeSearchStart&&micrositeSearchStart();\n"

// ShardCallback is the global function each shard calls with its name and
// its data, defined by shards.js (in this folder).
const ShardCallback = "micrositeSearchShard"

// PageVersion is the version of the page index, search-index.js and its
// shards: the page's own format, which only search.js reads (other programs
// read search.json). It counts apart from Version.
const PageVersion = 2

// When the page index is sharded, and how finely: measured with go run
// ./bench/search and README.md's figures (Search).
const (
	// shardAbove is the size, in bytes of searched text, above which the
	// page index is sharded; at or below it search-index.js holds it all.
	// One file loads in one round trip and is searched by a scan; shards
	// take three round trips (the manifest, the shards of the terms, the
	// results' texts) and twenty requests, but a fixed number of bytes. On
	// this machine, over http and from file:// alike, and over a slow 4G
	// link (150 ms, 1.6 Mbit/s), the one file shows its first results
	// sooner up to about 1,500 measures of the synthetic corpus (1,060
	// bytes each), as soon at 1,500, later beyond (and sends more bytes
	// from about 500 on). 1.5 MiB is about 1,500 such measures, or 3,200
	// of the notice's (490 bytes each).
	shardAbove = 1536 << 10
	// bucketBytes is about how large a shard of lists or positions is: a
	// query loads one shard per key (per pair of a longer term), and so
	// one shard's worth of other keys' lists with each.
	bucketBytes = 8 << 10
	// keyBytes and positionBytes are about how many bytes of lists and of
	// positions a character of text makes (measured on corpora of 1,000
	// and 10,000 measures, rounded up).
	keyBytes      = 2
	positionBytes = 4
	// chunkMeasures is how many measures' titles and texts a display chunk
	// holds. The first 20 results lie in 16 to 20 different chunks of
	// four (in 20 of one, 5 to 20 of 32: ranking spreads them), so larger
	// chunks save few requests and add many bytes; chunks of one would
	// save a third of the bytes but double the files to copy to a USB
	// stick, which matter more.
	chunkMeasures = 4
)

// Layout is how a site's page index is laid out in files. It depends only on
// what is known before any text is converted (the number of measures and
// the size of their sources), so that every path of a build is known before
// anything is written.
type Layout struct {
	Measures  int
	Keys      int // shards of lists; 0 when the index is one file
	Positions int // shards of positions
	Chunks    int // display chunks, of chunkMeasures measures each
}

// Plan lays out the page index of s: in one file up to shardAbove bytes of
// searched text, in shards above.
func Plan(s *site.Site) Layout {
	if size, _ := searched(s); size > shardAbove {
		return Shards(s)
	}
	return Layout{Measures: len(s.Measures)}
}

// Shards lays out the page index of s in shards, whatever its size.
func Shards(s *site.Site) Layout {
	_, chars := searched(s)
	return Layout{
		Measures:  len(s.Measures),
		Keys:      (chars*keyBytes + bucketBytes - 1) / bucketBytes,
		Positions: (chars*positionBytes + bucketBytes - 1) / bucketBytes,
		Chunks:    (len(s.Measures) + chunkMeasures - 1) / chunkMeasures,
	}
}

// searched returns the size of s's searched text, in bytes and in
// characters, as written (the Markdown of the texts).
func searched(s *site.Site) (size, chars int) {
	for _, m := range s.Measures {
		size += len(m.Title) + len(m.Category.Name) + len(m.Body.Text)
		chars += utf8.RuneCountInString(m.Title) + utf8.RuneCountInString(m.Category.Name) + utf8.RuneCount(m.Body.Text)
		for _, u := range m.Units {
			size += len(u.Name)
			chars += utf8.RuneCountInString(u.Name)
		}
	}
	return size, chars
}

// Sharded reports whether the index is split into shards.
func (l Layout) Sharded() bool { return l.Keys > 0 }

// Paths lists the files of the page index, from the edition's root:
// site.SearchScriptPath, then the shards (site.SearchShardPath), in the
// order PageFiles returns them.
func (l Layout) Paths() []string {
	paths := []string{site.SearchScriptPath}
	for _, kind := range l.shards() {
		for i := range kind.n {
			paths = append(paths, site.SearchShardPath(shardName(kind.prefix, i)))
		}
	}
	return paths
}

type shardKind struct {
	prefix string
	n      int
}

func (l Layout) shards() []shardKind {
	return []shardKind{{"k", l.Keys}, {"p", l.Positions}, {"m", l.Chunks}}
}

func shardName(prefix string, i int) string { return prefix + strconv.Itoa(i) }

// File is a file of the page index. Its data is made when asked for: a
// large site's shards add up to several times its text, and need never all
// be in memory at once.
type File struct {
	Path string // from the edition's root
	Data func() []byte
}

// made is data already made.
func made(data []byte) func() []byte { return func() []byte { return data } }

// page is search-index.js's object.
type page struct {
	Version int `json:"version"`
	Count   int `json:"count"` // measures, numbered from 1
	// Fold is the folding table, with the characters to fold, in order,
	// as the distances between their code points less one, in digits:
	// half the bytes, and fewer after gzip.
	Fold Pairs `json:"fold"`
	// Facets are each measure's category, its number of lead units and
	// the units, as indices into the site's categories and units, in
	// digits. Their names and slugs come with search.html, as the
	// options of its filters, in the same order.
	Facets string `json:"facets"`
	// Page is the address of measure d's page, from the edition's root,
	// with %s for its number as two digits at least (d+1, 03, 117).
	Page string `json:"page"`
	// Measures are the measures themselves (title, text) when the index is
	// one file; otherwise Shards says where to find them.
	Measures [][2]string `json:"measures,omitempty"`
	Shards   *shards     `json:"shards,omitempty"`
}

type shards struct {
	Dir       string `json:"dir"`
	Keys      int    `json:"keys"`
	Positions int    `json:"positions"`
	Chunk     int    `json:"chunk"` // measures per display chunk
}

// PageFiles returns the page index of idx, the index of s, laid out as l:
// the files that search.html loads, in the order of l.Paths().
func PageFiles(s *site.Site, idx *Index, l Layout) ([]File, error) {
	if len(idx.Measures) != len(s.Measures) || l.Measures != len(s.Measures) {
		return nil, l10n.Errorf("search: an index of %d measures and a layout of %d for a site of %d", len(idx.Measures), l.Measures, len(s.Measures))
	}
	p := page{Version: PageVersion, Count: len(s.Measures), Fold: idx.Fold.digits()}
	cats := map[*site.Category]int{}
	for i, c := range s.Categories {
		cats[c] = i
	}
	units := map[*site.Unit]int{}
	for i, u := range s.Units {
		units[u] = i
	}
	var facets []byte
	display := make([][2]string, len(s.Measures))
	for i, m := range s.Measures {
		// The page counts measures from 1 by their place in the list.
		if m.Number != i+1 {
			return nil, l10n.Errorf("search: measure %d is number %d: numbers must run from 1 without gaps", i+1, m.Number)
		}
		facets = appendNumber(facets, cats[m.Category])
		facets = appendNumber(facets, len(m.Units))
		for _, u := range m.Units {
			facets = appendNumber(facets, units[u])
		}
		e := &idx.Measures[i]
		display[i] = [2]string{e.Title, e.Text}
		if i == 0 {
			p.Page = strings.Replace(e.URL, m.Slug(), "%s", 1)
		}
		if strings.Replace(p.Page, "%s", m.Slug(), 1) != e.URL {
			return nil, l10n.Errorf("search: measure %d's page is %s, not %s with its number", m.Number, e.URL, p.Page)
		}
	}
	p.Facets = string(facets)
	if !l.Sharded() {
		p.Measures = display
		data, err := encodeJSON(p)
		if err != nil {
			return nil, err
		}
		return []File{{site.SearchScriptPath, made(append(script(data), startCall...))}}, nil
	}

	// The folder as search-index.js joins it with a shard's name (see
	// site.SearchShardPath).
	p.Shards = &shards{Dir: site.SearchShardDir + "/", Keys: l.Keys, Positions: l.Positions, Chunk: chunkMeasures}
	data, err := encodeJSON(p)
	if err != nil {
		return nil, err
	}
	reader, err := shardReader()
	if err != nil {
		return nil, err
	}
	// The reader of the shards comes with the manifest: it belongs to this
	// format, costs no request more, and starts loading the shards of the
	// query in the address as soon as it runs.
	manifest := append(script(data), reader...)
	files := []File{{site.SearchScriptPath, made(append(manifest, startCall...))}}
	fold, err := idx.Fold.Fold()
	if err != nil {
		return nil, err
	}
	post := newPostings(len(idx.Measures), func(d int) [fields][]rune {
		e := &idx.Measures[d]
		return [fields][]rune{
			[]rune(fold.Normalize(e.Title)),
			[]rune(fold.Normalize(strings.Join(e.Units, " ") + " " + e.Category.Name)),
			[]rune(fold.Normalize(e.Text)),
		}
	})
	for _, kind := range l.shards() {
		var data []func() []byte
		switch kind.prefix {
		case "k":
			data = buckets(post, l.Keys, func(e *posting) []byte { return e.list })
		case "p":
			data = buckets(post, l.Positions, func(e *posting) []byte { return e.positions })
		default:
			for c := range l.Chunks {
				data = append(data, func() []byte {
					b, _ := encodeJSON(display[c*chunkMeasures : min(len(display), (c+1)*chunkMeasures)]) // strings always encode
					return b
				})
			}
		}
		for i, d := range data {
			name := shardName(kind.prefix, i)
			files = append(files, File{site.SearchShardPath(name), func() []byte { return shardScript(name, d()) }})
		}
	}
	return files, nil
}

// buckets returns n JSON objects, each made when asked for: for the keys in
// its bucket, sorted, the lists get returns of their postings. The lists
// are digits, which need no escaping: the objects are written directly, a
// fifth of the time encoding/json takes.
func buckets(p postings, n int, get func(*posting) []byte) []func() []byte {
	type entry struct {
		key string
		e   *posting
	}
	shards := make([][]entry, n)
	for k, e := range p {
		if get(e) != nil {
			key := keyString(k)
			b := bucket(key, n)
			shards[b] = append(shards[b], entry{key, e})
		}
	}
	out := make([]func() []byte, n)
	for i := range shards {
		es := shards[i]
		slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.key, b.key) })
		out[i] = func() []byte {
			size := 2
			for _, e := range es {
				size += len(e.key)*2 + len(get(e.e)) + 8
			}
			b := make([]byte, 0, size)
			b = append(b, '{')
			for j, e := range es {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, e.key)
				b = append(b, ':', '"')
				b = append(b, get(e.e)...)
				b = append(b, '"')
			}
			return append(b, '}')
		}
	}
	return out
}

// appendJSONString appends s to b as a JSON string, as encoding/json
// writes it without HTML escaping.
func appendJSONString(b []byte, s string) []byte {
	data, _ := encodeJSON(s) // a string always encodes (invalid UTF-8 as U+FFFD)
	return append(b, data...)
}

// script is data, JSON, as a classic script that assigns it to
// window[Global], for pages opened from file://, where fetch() is blocked
// (see ScriptPrefix).
func script(data []byte) []byte {
	out := make([]byte, 0, len(ScriptPrefix)+len(data)+len(ScriptSuffix))
	out = append(out, ScriptPrefix...)
	out = append(out, data...)
	return append(out, ScriptSuffix...)
}

// shardScript is a shard as a classic script: a call of ShardCallback with
// its name and its data, which works on file:// as fetch() does not.
func shardScript(name string, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(ShardCallback) + len(name) + len(data) + 8)
	b.WriteString(ShardCallback + `("`)
	b.WriteString(name)
	b.WriteString(`",`)
	b.Write(data)
	b.WriteString(");\n")
	return b.Bytes()
}

// encodeJSON is v as compact JSON, without HTML escaping (the index is
// data, never HTML); map keys come sorted, so the bytes are deterministic.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// digits returns p with From as the distances between its code points
// (sorted, they are close) less one, in digits: half the bytes.
func (p Pairs) digits() Pairs {
	var b []byte
	prev := rune(0)
	for _, r := range p.From {
		b = appendNumber(b, int(r-prev-1))
		prev = r
	}
	return Pairs{From: string(b), To: p.To}
}
