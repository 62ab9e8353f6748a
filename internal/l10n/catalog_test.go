package l10n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// keyArg is where each function of this package takes its message key.
var keyArg = map[string]int{"Sprintf": 0, "Errorf": 0, "Fprintf": 1, "Msg": 0}

// usedKeys finds every message key the program's code (not its tests)
// gives this package, by file:line, failing the test on a key that is not
// a constant: it could not be checked.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != "../..":
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Base(filepath.Dir(p)) == "l10n":
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "l10n" {
				return true
			}
			i, ok := keyArg[sel.Sel.Name]
			if !ok || len(call.Args) <= i {
				return true
			}
			pos := fset.Position(call.Args[i].Pos()).String()
			key, ok := constant(call.Args[i])
			if !ok {
				t.Errorf("%s: the message key is not a constant string, so the catalog cannot be checked for it", pos)
				return true
			}
			keys[strings.ReplaceAll(key, "%w", "%v")] = pos
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// constant is the value of a string literal, or of literals joined by +.
func constant(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, ok1 := constant(e.X)
		b, ok2 := constant(e.Y)
		return a + b, ok1 && ok2 && e.Op == token.ADD
	case *ast.ParenExpr:
		return constant(e.X)
	}
	return "", false
}

// TestCatalogCoversTheCode: every message the code writes has its
// translation, and the catalog holds no message the code no longer
// writes. A new message without a translation fails here, naming it.
func TestCatalogCoversTheCode(t *testing.T) {
	used := usedKeys(t)
	inCatalog := map[string]bool{}
	for _, e := range entries {
		inCatalog[e.en] = true
	}
	for _, key := range slices.Sorted(maps.Keys(used)) {
		if !inCatalog[key] {
			t.Errorf("%s: no translation of %q", used[key], key)
		}
	}
	for _, e := range entries {
		if _, ok := used[e.en]; !ok {
			t.Errorf("the catalog translates %q, which the code no longer says", e.en)
		}
	}
}

// verb is a formatting verb of a message: %s, %[2]d, %-7s.
var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// verbs maps each argument of a format to its verbs, in order.
func verbs(format string) map[int]string {
	out := map[int]string{}
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		arg := next
		if m[2] != "" {
			arg, _ = strconv.Atoi(m[2])
		}
		out[arg] += strings.TrimPrefix(strings.Replace(m[0], m[1], "", 1), "%")
		next = arg + 1
	}
	return out
}

// TestCatalogEntries: every message is in both languages, once, and its
// translation takes the same arguments with the same verbs.
func TestCatalogEntries(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.en] {
			t.Errorf("%q is in the catalog twice", e.en)
		}
		seen[e.en] = true
		if strings.TrimSpace(e.zh) == "" {
			t.Errorf("%q has no Chinese", e.en)
			continue
		}
		en, zh := verbs(strings.ReplaceAll(e.en, "%w", "%v")), verbs(e.zh)
		if !maps.Equal(en, zh) {
			t.Errorf("%q and %q take different arguments: %v, %v", e.en, e.zh, en, zh)
		}
	}
}
