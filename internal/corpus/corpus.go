// Package corpus writes synthetic source trees of any number of measures, for
// benchmarks: the real site's site.toml, layouts and assets, and N measures
// whose titles and texts are recombined from the clauses of the real ones, so
// they read like the notice (same characters, punctuation and lengths) while
// differing from one another.
//
// Output is deterministic: the same template and n give the same files.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// maxTextScale is the longest texts Write makes, in times the real ones'
// length: half a megabyte a measure, past any site worth measuring.
const maxTextScale = 1000

// An Option changes what Write generates.
type Option func(*generator)

// WithTextScale makes the measures' texts scale times as long as the real
// ones on average (each between half and one and a half times that), for
// measuring a build whose texts outweigh its pages; 0 keeps the default
// texts, which average about 2.4 times the real length, as the clauses
// fall. Write refuses a scale below 0 or above maxTextScale.
func WithTextScale(scale float64) Option {
	return func(g *generator) { g.textScale = scale }
}

// Write writes a source tree of n measures into dir, taking site.toml,
// content/notice.md, layouts/ and assets/ from the source tree at template.
func Write(dir, template string, n int, opts ...Option) error {
	s, err := content.Load(os.DirFS(template))
	if err != nil {
		return err
	}
	g := newGenerator(s)
	for _, o := range opts {
		o(g)
	}
	// NaN fails both comparisons.
	if !(g.textScale >= 0 && g.textScale <= maxTextScale) {
		return fmt.Errorf("text scale %g: want 0 (the default) to %d", g.textScale, maxTextScale)
	}
	if err := CopyParts(dir, template, content.SiteFile, content.NoticeFile, "layouts", "assets"); err != nil {
		return err
	}
	measures := filepath.Join(dir, filepath.FromSlash(content.MeasuresDir))
	if err := os.MkdirAll(measures, 0o755); err != nil {
		return err
	}
	width := max(2, len(strconv.Itoa(n)))
	for i := 1; i <= n; i++ {
		name := filepath.Join(measures, fmt.Sprintf("%0*d.md", width, i))
		if err := os.WriteFile(name, g.measure(i), 0o644); err != nil {
			return err
		}
	}
	return nil
}

type generator struct {
	rng        *rand.Rand
	site       *site.Site
	clauses    []string // pieces of the real texts, ending in their punctuation
	titleHeads []string
	titleTails []string
	realMean   float64 // the real texts' mean length, in characters
	textScale  float64 // see WithTextScale; 0 keeps the default lengths
}

func newGenerator(s *site.Site) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(161, 2018)), site: s}
	for _, m := range s.Measures {
		text := strings.TrimSpace(string(m.Body.Text))
		g.realMean += float64(utf8.RuneCountInString(text)) / float64(len(s.Measures))
		start := 0
		for i, r := range text {
			if strings.ContainsRune(",。;、", r) {
				end := i + len(string(r))
				g.clauses = append(g.clauses, text[start:end])
				start = end
			}
		}
		runes := []rune(m.Title)
		half := len(runes) / 2
		g.titleHeads = append(g.titleHeads, string(runes[:half]))
		g.titleTails = append(g.titleTails, string(runes[half:]))
	}
	return g
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// measure returns the file of measure number i.
func (g *generator) measure(i int) []byte {
	c := g.site.Categories[g.rng.IntN(len(g.site.Categories))]
	units := []string{g.pick(unitNames(g.site))}
	if g.rng.IntN(4) == 0 {
		if u := g.pick(unitNames(g.site)); u != units[0] {
			units = append(units, u)
		}
	}
	var body strings.Builder
	if g.textScale > 0 {
		target := int(g.textScale * g.realMean * (0.5 + g.rng.Float64()))
		for length := 0; length < target; {
			cl := g.pick(g.clauses)
			body.WriteString(cl)
			length += utf8.RuneCountInString(cl)
		}
	} else {
		for sentences := 2 + g.rng.IntN(5); sentences > 0; {
			cl := g.pick(g.clauses)
			body.WriteString(cl)
			if strings.HasSuffix(cl, "。") {
				sentences--
			}
		}
	}
	text := strings.TrimRight(body.String(), ",、;")
	if !strings.HasSuffix(text, "。") {
		text += "。"
	}
	quoted := make([]string, len(units))
	for j, u := range units {
		quoted[j] = strconv.Quote(u)
	}
	return fmt.Appendf(nil, "+++\nnumber = %d\ntitle = %s\ncategory = %q\nlead_units = [%s]\nscope = \"市有關行政區\"\n+++\n\n%s\n",
		i, strconv.Quote(g.pick(g.titleHeads)+g.pick(g.titleTails)), c.Slug, strings.Join(quoted, ", "), text)
}

func unitNames(s *site.Site) []string {
	names := make([]string, len(s.Units))
	for i, u := range s.Units {
		names[i] = u.Name
	}
	return names
}

// CopyParts copies the named files and folders of the source tree at root
// into dst.
func CopyParts(dst, root string, parts ...string) error {
	for _, part := range parts {
		src, target := filepath.Join(root, part), filepath.Join(dst, part)
		info, err := os.Stat(src)
		if err != nil {
			return err
		}
		if info.IsDir() {
			err = os.CopyFS(target, os.DirFS(src))
		} else if err = os.MkdirAll(filepath.Dir(target), 0o755); err == nil {
			var data []byte
			if data, err = os.ReadFile(src); err == nil {
				err = os.WriteFile(target, data, 0o644)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}
