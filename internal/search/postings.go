package search

import (
	"runtime"

	"github.com/gzgov/nansha-microsite/internal/parallel"
)

// Fields of a measure as search ranks them; a match in an earlier one ranks
// higher. Their bits mark which fields of a measure hold a key.
const (
	fieldTitle = iota // the title
	fieldMeta         // the lead units and the category name
	fieldText         // the text
	fields
)

// postings are, for every key of a corpus, where it occurs.
//
// A key is one character or two adjacent ones (never a space: a term holds
// none) of the normalised fields. The list of a key is, for each measure
// holding it, in number order: the measure's distance from the previous one
// in the list (its index for the first) times 8 plus the bits of the fields
// holding it. A pair also has a list with positions: the same numbers, each
// followed, for each field holding the pair, by how many times it occurs
// there less one and its positions in characters from the field's start, the
// first as it is, each next one as its distance from the one before less
// one. A term of one or two characters is found with the list of its key; a
// longer one with the positions of the pairs that cover it (see shards.js),
// so that every match is exact without the text.
type postings map[uint64]*posting

// single marks a key of one character in the second half of a postings key
// (no character is 0xFFFFFFFF).
const single = 0xFFFFFFFF

func pairKey(a, b rune) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }

func singleKey(a rune) uint64 { return uint64(a)<<32 | single }

// keyString returns the key k as text.
func keyString(k uint64) string {
	if uint32(k) == single {
		return string(rune(k >> 32))
	}
	return string([]rune{rune(k >> 32), rune(uint32(k))})
}

type posting struct {
	list      []byte // the measures
	positions []byte // the measures with positions; pairs only
	pair      bool
	last      int // the last measure written, -1 for none
	doc       int // the measure being read, -1 for none
	flags     int
	at        [fields][]int32 // the positions in the measure being read
}

// docFields returns the normalised fields of measure d.
type docFields func(d int) [fields][]rune

// newPostings reads the fields of n measures, in parts read in parallel and
// then joined: about half the time on two cores. Each measure's fields are
// asked for as it is read, and dropped after.
func newPostings(n int, doc docFields) postings {
	return readParts(n, doc, min(runtime.GOMAXPROCS(0), 1+n/500))
}

// readParts reads n measures in parts, in parallel, and joins them.
func readParts(n int, doc docFields, parts int) postings {
	read := make([]postings, parts)
	parallel.For(parts, func(i int) {
		read[i] = readPostings(doc, i*n/parts, (i+1)*n/parts)
	})
	// Each key's lists are joined from every part at once, at their final
	// size, and each part's are dropped as they are joined: the parts and
	// the joined lists are never all held at once, and no list is copied
	// more than once however many parts there are. Joined, the lists are
	// kept until their shards are written, without the room appending left
	// and the positions being read.
	p := postings{}
	for i, part := range read {
		for k, e := range part {
			chain := []*posting{e}
			for _, later := range read[i+1:] {
				if next := later[k]; next != nil {
					chain = append(chain, next)
					delete(later, k)
				}
			}
			p[k] = joinParts(chain)
			delete(part, k)
		}
		read[i] = nil
	}
	return p
}

// readPostings reads the measures from start up to end.
func readPostings(doc docFields, start, end int) postings {
	p := postings{}
	var touched []*posting
	get := func(key uint64, doc int) *posting {
		e := p[key]
		if e == nil {
			e = &posting{last: -1, doc: -1, pair: uint32(key) != single}
			p[key] = e
		}
		if e.doc != doc {
			e.doc = doc
			touched = append(touched, e)
		}
		return e
	}
	for d := start; d < end; d++ {
		for f, rs := range doc(d) {
			bit := 1 << f
			for i, r := range rs {
				if r == ' ' {
					continue
				}
				get(singleKey(r), d).flags |= bit
				if i+1 < len(rs) && rs[i+1] != ' ' {
					e := get(pairKey(r, rs[i+1]), d)
					e.flags |= bit
					e.at[f] = append(e.at[f], int32(i))
				}
			}
		}
		for _, e := range touched {
			e.flush(d)
		}
		touched = touched[:0]
	}
	return p
}

// joinParts returns the posting of one key read in parts, in measure
// order, with its lists joined.
func joinParts(parts []*posting) *posting {
	e := parts[0]
	e.list = joinLists(parts, func(p *posting) []byte { return p.list })
	if e.pair {
		e.positions = joinLists(parts, func(p *posting) []byte { return p.positions })
	}
	e.last = parts[len(parts)-1].last
	e.at = [fields][]int32{}
	return e
}

// joinLists joins the lists get returns of parts into one, allocated once:
// each part's first measure's distance was counted from -1, and is now
// counted from the previous part's last measure (never a longer number).
func joinLists(parts []*posting, get func(*posting) []byte) []byte {
	size := 0
	for _, p := range parts {
		size += len(get(p))
	}
	out := make([]byte, 0, size)
	for i, p := range parts {
		src := get(p)
		if i > 0 {
			n := 0 // the first number's length
			for digitValue(src[n]) >= 32 {
				n++
			}
			out = appendNumber(out, readDigits(src[:n+1])-(parts[i-1].last+1)<<3)
			src = src[n+1:]
		}
		out = append(out, src...)
	}
	return out
}

// flush writes what e holds of measure d.
func (e *posting) flush(d int) {
	head := (d-e.last-1)<<3 | e.flags
	e.list = appendNumber(e.list, head)
	if e.pair {
		e.positions = appendNumber(e.positions, head)
		for f := range e.at {
			at := e.at[f]
			if len(at) == 0 {
				continue
			}
			e.positions = appendNumber(e.positions, len(at)-1)
			prev := int32(-1)
			for _, p := range at {
				e.positions = appendNumber(e.positions, int(p-prev-1))
				prev = p
			}
			e.at[f] = at[:0]
		}
	}
	e.last, e.flags = d, 0
}
