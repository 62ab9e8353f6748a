package hostile

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree is a snapshot of a folder: every path in it (slash-separated,
// relative to it) with its type, permissions, and its content's hash or its
// link's target.
type tree map[string]node

type node struct {
	mode fs.FileMode
	sum  [sha256.Size]byte
	link string
	err  string // why the content could not be read
}

func (n node) String() string {
	switch {
	case n.err != "":
		return fmt.Sprintf("%v (%s)", n.mode, n.err)
	case n.mode&fs.ModeSymlink != 0:
		return "symlink to " + n.link
	case n.mode.IsRegular():
		return fmt.Sprintf("%v sha256 %x", n.mode, n.sum[:6])
	}
	return n.mode.String()
}

// snapshot takes the snapshot of the folder root. It reads what it can:
// run as root it reads everything; else a folder a case made unreadable is
// recorded as such.
func snapshot(t *testing.T, root string) tree {
	t.Helper()
	s := tree{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if d == nil {
				return err
			}
			n := s[rel]
			n.err = err.Error()
			s[rel] = n
			return fs.SkipDir
		}
		if rel == "." {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n := node{mode: info.Mode()}
		switch {
		case info.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				n.err = err.Error()
			}
			n.sum = sha256.Sum256(data)
		case info.Mode()&fs.ModeSymlink != 0:
			n.link, _ = os.Readlink(p)
		}
		s[rel] = n
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type change struct {
	path, kind string // kind: added, removed, changed
	was, is    node
}

func (c change) String() string {
	switch c.kind {
	case "added":
		return fmt.Sprintf("%s added (%v)", c.path, c.is)
	case "removed":
		return fmt.Sprintf("%s removed (was %v)", c.path, c.was)
	}
	return fmt.Sprintf("%s changed (was %v, is %v)", c.path, c.was, c.is)
}

// diff lists what differs from s to after, by path.
func (s tree) diff(after tree) []change {
	var list []change
	for p, was := range s {
		is, ok := after[p]
		switch {
		case !ok:
			list = append(list, change{path: p, kind: "removed", was: was})
		case is != was:
			list = append(list, change{path: p, kind: "changed", was: was, is: is})
		}
	}
	for p, is := range after {
		if _, ok := s[p]; !ok {
			list = append(list, change{path: p, kind: "added", is: is})
		}
	}
	slices.SortFunc(list, func(a, b change) int { return strings.Compare(a.path, b.path) })
	return list
}

func (s tree) paths() []string { return slices.Sorted(maps.Keys(s)) }

// readSums reads a site's SHA256SUMS: path → hex SHA-256.
func readSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Errorf("the built site has no SHA256SUMS: %v", err)
		return nil
	}
	sums := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Errorf("SHA256SUMS: a line without two spaces: %q", sc.Text())
			continue
		}
		if _, dup := sums[name]; dup {
			t.Errorf("SHA256SUMS lists %s twice: two outputs were written to one path", name)
		}
		sums[name] = sum
	}
	return sums
}

// verifySite checks a site a command said it built: "sha256sum -c
// SHA256SUMS" passes, SHA256SUMS lists every other file, nothing is a
// symlink, and nothing holds the canary of the files outside the sources
// or the system's password file.
func (e *env) verifySite(dir string) {
	t := e.t
	t.Helper()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	sums := readSums(t, dir)
	if sums == nil {
		return
	}
	listed := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			t.Errorf("the built site holds a symlink: %s", rel)
			return nil
		case rel == "SHA256SUMS":
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		e.noOutsideData("the built site's "+rel, data)
		sum := sha256.Sum256(data)
		switch want, ok := sums[rel]; {
		case !ok:
			t.Errorf("the built site holds %s, which SHA256SUMS does not list", rel)
		case want != hex.EncodeToString(sum[:]):
			t.Errorf("the built site's %s differs from its line in SHA256SUMS", rel)
		}
		listed[rel] = true
		return nil
	})
	if err != nil {
		t.Errorf("reading the built site: %v", err)
	}
	for name := range sums {
		if !listed[name] {
			t.Errorf("SHA256SUMS lists %s, which the built site lacks", name)
		}
	}
}

// noOutsideData fails the case when data holds anything from outside the
// source tree that a case put within reach.
func (e *env) noOutsideData(what string, data []byte) {
	for _, secret := range []string{canary, "root:x:0:0:"} {
		if bytes.Contains(data, []byte(secret)) {
			e.t.Errorf("%s holds %q, from outside the source tree", what, secret)
		}
	}
}

// verifyZip checks an archive a command said it wrote: it holds exactly the
// files the site's SHA256SUMS lists and SHA256SUMS itself, under one folder,
// each with the bytes of its line, and no folder but theirs.
func (e *env) verifyZip(file, site string) {
	t := e.t
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Errorf("the archive: %v", err)
		return
	}
	defer zr.Close()
	sums := readSums(t, site)
	if sums == nil {
		return
	}
	folder := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)) + "/"
	dirs := map[string]bool{}
	for name := range sums {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d+"/"] = true
		}
	}
	seen := map[string]bool{}
	for _, f := range zr.File {
		name, ok := strings.CutPrefix(f.Name, folder)
		if !ok {
			t.Errorf("the archive holds %s, outside its folder %s", f.Name, folder)
			continue
		}
		if strings.HasSuffix(name, "/") {
			if !dirs[name] {
				t.Errorf("the archive holds the folder %s, which holds no file SHA256SUMS lists", f.Name)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Errorf("the archive's %s: %v", f.Name, err)
			continue
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Errorf("the archive's %s: %v", f.Name, err)
			continue
		}
		e.noOutsideData("the archive's "+f.Name, data)
		seen[name] = true
		if name == "SHA256SUMS" {
			continue
		}
		sum := sha256.Sum256(data)
		switch want, ok := sums[name]; {
		case !ok:
			t.Errorf("the archive holds %s, which SHA256SUMS does not list", f.Name)
		case want != hex.EncodeToString(sum[:]):
			t.Errorf("the archive's %s differs from its line in SHA256SUMS", f.Name)
		}
	}
	for name := range sums {
		if !seen[name] {
			t.Errorf("the archive lacks %s, which SHA256SUMS lists", name)
		}
	}
	if !seen["SHA256SUMS"] {
		t.Errorf("the archive lacks SHA256SUMS")
	}
}
