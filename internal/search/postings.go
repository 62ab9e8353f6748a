package search

import (
	"runtime"
	"slices"

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
	p := read[0]
	joined := map[*posting]bool{}
	for i, next := range read[1:] {
		for k, e := range next {
			if head := p[k]; head != nil {
				head.join(e)
				joined[head] = true
			} else {
				p[k] = e
			}
			// Dropped as it is joined: the parts and the joined lists are
			// never all held at once.
			delete(next, k)
		}
		read[i+1] = nil
	}
	// The lists are kept until their shards are written: without the
	// room appending left (join leaves none), and the positions being read.
	for _, e := range p {
		if !joined[e] {
			e.list = slices.Clone(e.list)
			e.positions = slices.Clone(e.positions)
		}
		e.at = [fields][]int32{}
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

// join appends next, the same key's posting for later measures, to e: its
// first measure's distance was counted from -1, and is now counted from
// e's last.
func (e *posting) join(next *posting) {
	// Each list is made anew at its final size: appended to, the lists of a
	// large site would take up to twice their size, and they are most of
	// the memory the build holds at once.
	rebase := func(dst, src []byte) []byte {
		n := 0 // the first number's length
		for digitValue(src[n]) >= 32 {
			n++
		}
		first := appendNumber(nil, readDigits(src[:n+1])-(e.last+1)<<3)
		out := make([]byte, 0, len(dst)+len(first)+len(src)-n-1)
		out = append(append(out, dst...), first...)
		return append(out, src[n+1:]...)
	}
	e.list = rebase(e.list, next.list)
	if e.pair {
		e.positions = rebase(e.positions, next.positions)
	}
	e.last = next.last
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
