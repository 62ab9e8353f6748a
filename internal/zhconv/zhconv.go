// Package zhconv converts Chinese text between scripts with OpenCC's
// maintained dictionaries (github.com/longbridgeapp/opencc, which embeds
// them): Traditional to Simplified for the zh-Hans edition. No character
// table is kept by hand in this project.
//
// Dictionaries load once per process, on first use of a conversion; a
// Converter is safe for concurrent use.
package zhconv

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// Converter converts text with one OpenCC conversion, such as "t2s".
type Converter struct {
	cc *opencc.OpenCC

	mu    sync.Mutex
	cache map[string]string // the same strings (unit and category names, UI words) recur on every page
}

var (
	loadMu    sync.Mutex
	converter = map[string]*Converter{}
)

// Load returns the converter for an OpenCC conversion name ("t2s", "s2t",
// "t2hk", …), loading its dictionaries the first time.
func Load(conversion string) (*Converter, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	if c := converter[conversion]; c != nil {
		return c, nil
	}
	cc, err := opencc.New(conversion)
	if err != nil {
		return nil, l10n.Errorf("OpenCC conversion %q: %w", conversion, err)
	}
	c := &Converter{cc: cc, cache: map[string]string{}}
	converter[conversion] = c
	return c, nil
}

// OpenCC is the library's converter, with the dictionaries Load read, for
// callers that read the dictionaries themselves.
func (c *Converter) OpenCC() *opencc.OpenCC { return c.cc }

// String converts s, exactly as OpenCC's Convert does.
func (c *Converter) String(s string) string {
	if s == "" || isASCII(s) {
		return s
	}
	if len(s) <= 64 {
		c.mu.Lock()
		out, ok := c.cache[s]
		c.mu.Unlock()
		if ok {
			return out
		}
	}
	out := c.convert(s)
	if len(s) <= 64 {
		c.mu.Lock()
		c.cache[s] = out
		c.mu.Unlock()
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// window is how many characters OpenCC looks ahead for a dictionary match.
const window = 10

// convert is OpenCC's conversion (opencc.OpenCC.Convert) over the same
// dictionaries: for each dictionary group in turn, at each position the
// longest entry of the first dictionary with any match replaces the text,
// else the character stays. It walks the tries byte by byte instead of
// asking them for a map of every prefix, which makes it about ten times
// faster: the zh-Hans edition converts every text of the site.
func (c *Converter) convert(in string) string {
	var buf []byte
	for _, g := range c.cc.DictChains {
		var out strings.Builder
		out.Grow(len(in))
		for i := 0; i < len(in); {
			end := i
			for n := 0; n < window && end < len(in); n++ {
				_, size := utf8.DecodeRuneInString(in[end:])
				end += size
			}
			buf = append(buf[:0], in[i:end]...)
			next, token := i, ""
			for _, d := range g.Dicts {
				from := 0
				for j := range buf {
					to, err := d.Trie.Jump(buf[j:j+1], from)
					if err != nil {
						break
					}
					from = to
					if v, err := d.Trie.Value(to); err == nil {
						if vals := d.Values[v]; len(vals) > 0 {
							next, token = i+j+1, vals[0]
						}
					}
				}
				if next > i {
					break
				}
			}
			if next == i { // no entry: the character stays
				_, size := utf8.DecodeRuneInString(in[i:])
				next, token = i+size, in[i:i+size]
			}
			out.WriteString(token)
			i = next
		}
		in = out.String()
	}
	return in
}
