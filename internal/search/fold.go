package search

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/zhconv"
)

// Fold maps a character to the character it matches as: Traditional Chinese
// characters and their variants to Simplified (關 → 关, 爲 → 为, 裡 → 里).
// Characters it lacks match as themselves.
type Fold map[rune]rune

// charDict is the file of OpenCC's t2s chain that maps single characters;
// its companion, TSPhrases, maps words, which character folding cannot use.
const charDict = "TSCharacters.ocd2"

// Dictionary returns the whole folding table, read from OpenCC's t2s
// dictionaries once per process.
var Dictionary = sync.OnceValues(loadDictionary)

func loadDictionary() (Fold, error) {
	// The converter the edition uses: its dictionaries are read once per
	// process, and it converts as OpenCC does, faster.
	t2s, err := zhconv.Load("t2s")
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	fold := Fold{}
	for _, g := range t2s.OpenCC().DictChains {
		for i, d := range g.Dicts {
			if i >= len(g.Files) || g.Files[i] != charDict {
				continue
			}
			// The dictionary's keys are the characters t2s converts; the
			// value is what t2s itself makes of each one alone, so the
			// table agrees with the converter's choice among candidates
			// (乾 → 干, the first of 干 乾).
			for _, id := range d.Trie.PrefixPredict(nil, 0) {
				key, err := d.Trie.Key(id)
				if err != nil {
					return nil, err
				}
				from, n := utf8.DecodeRune(key)
				if n != len(key) || from == utf8.RuneError {
					continue // not a single character
				}
				out := t2s.String(string(key))
				to, n := utf8.DecodeRuneInString(out)
				if n == len(out) && to != from && to != utf8.RuneError {
					fold[from] = to
				}
			}
		}
	}
	if len(fold) < 1000 {
		return nil, l10n.Errorf("search: OpenCC's t2s chain has no %s (the library changed?)", charDict)
	}
	// Resolve chains (A → B, B → C becomes A → C), so that folding twice
	// changes nothing: a folded corpus and a folded query must meet.
	for from, to := range fold {
		for seen := 0; seen < 8; seen++ {
			next, ok := fold[to]
			if !ok || next == to {
				break
			}
			to = next
		}
		fold[from] = to
	}
	return fold, nil
}

// Subset returns the pairs of f whose folded side occurs in the already
// folded text: the only pairs that can change whether a query matches it.
func (f Fold) Subset(folded string) Fold {
	present := map[rune]bool{}
	for _, r := range folded {
		present[r] = true
	}
	sub := Fold{}
	for from, to := range f {
		if present[to] {
			sub[from] = to
		}
	}
	return sub
}

// Pairs is a folding table as the index ships it: two strings of equal
// length in characters, From[i] folding to To[i], sorted by From. Two
// strings are much smaller than an object with one key per character.
type Pairs struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Pairs returns f in its shipped form.
func (f Fold) Pairs() Pairs {
	var from, to strings.Builder
	for _, r := range slices.Sorted(maps.Keys(f)) {
		from.WriteRune(r)
		to.WriteRune(f[r])
	}
	return Pairs{From: from.String(), To: to.String()}
}

// Fold returns p as a table; it is the inverse of Fold.Pairs.
func (p Pairs) Fold() (Fold, error) {
	from, to := []rune(p.From), []rune(p.To)
	if len(from) != len(to) {
		return nil, l10n.Errorf("search: folding table has %d characters to fold but %d results", len(from), len(to))
	}
	f := make(Fold, len(from))
	for i, r := range from {
		f[r] = to[i]
	}
	return f, nil
}
