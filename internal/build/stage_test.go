package build

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLeftoversOfInterruptedBuilds lays out what killed builds leave beside
// the output folder, of this layout and of the old one, and folders that
// only look alike: a build puts a missing site back, removes what is its
// own, and leaves the rest alone, saying so.
func TestLeftoversOfInterruptedBuilds(t *testing.T) {
	src := sourceTree(t, nil)
	siteA := buildTree(t, src)
	broken := sourceTree(t, nil)
	if err := os.WriteFile(filepath.Join(broken, "content/measures/07.md"), []byte("no front matter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	place := func(t *testing.T, dir string) {
		t.Helper()
		if err := os.CopyFS(dir, os.DirFS(siteA)); err != nil {
			t.Fatal(err)
		}
	}
	file := func(t *testing.T, name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	staging := func(t *testing.T, root string) {
		t.Helper()
		file(t, filepath.Join(root, markerName), markerText)
	}
	tests := []struct {
		name   string
		setup  func(t *testing.T, parent string) // out is parent/public
		broken bool                              // build sources that fail, to see what recovery alone did
		want   []string                          // what stays beside public, besides it
		keep   []string                          // paths under parent that must stay as they were (default: want)
		notes  []string                          // substrings of the notes, in order
		site   bool                              // public must then be siteA, whole
	}{
		{name: "killed while writing", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			staging(t, filepath.Join(parent, ".public.new-111"))
			file(t, filepath.Join(parent, ".public.new-111/site/index.html"), "<p>half")
		}},
		{name: "killed before removing the previous site", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			staging(t, filepath.Join(parent, ".public.new-112"))
			place(t, filepath.Join(parent, ".public.new-112/old"))
		}},
		{name: "killed while removing the previous site", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			staging(t, filepath.Join(parent, ".public.new-115"))
			place(t, filepath.Join(parent, ".public.new-115/old"))
			os.RemoveAll(filepath.Join(parent, ".public.new-115/old/measures"))
			os.RemoveAll(filepath.Join(parent, ".public.new-115/old/index.html"))
		}},
		{name: "killed between the two renames", broken: true, site: true, setup: func(t *testing.T, parent string) {
			staging(t, filepath.Join(parent, ".public.new-113"))
			place(t, filepath.Join(parent, ".public.new-113/old"))
			place(t, filepath.Join(parent, ".public.new-113/site"))
		}, notes: []string{"put " + "PARENT/public back from PARENT/.public.new-113/old, where an interrupted build had left it"}},
		{name: "files added to the previous site during the build", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			staging(t, filepath.Join(parent, ".public.new-114"))
			place(t, filepath.Join(parent, ".public.new-114/old"))
			file(t, filepath.Join(parent, ".public.new-114/old/uploads/r.pdf"), "keep")
		}, want: []string{".public.new-114"}, keep: []string{filepath.Join(".public.new-114", "old", "uploads")}, notes: []string{"kept PARENT/.public.new-114, which an interrupted build left: it holds 1 file that its SHA256SUMS does not list (uploads/r.pdf)"}},
		{name: "old layout: killed between the two renames", broken: true, site: true, setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, ".public.old-221/site"))
			place(t, filepath.Join(parent, ".public.new-222"))
		}, notes: []string{"put PARENT/public back from PARENT/.public.old-221/site"}},
		{name: "old layout: previous site left", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			place(t, filepath.Join(parent, ".public.old-223/site"))
			os.Mkdir(filepath.Join(parent, ".public.old-224"), 0o700) // killed before the first rename
		}},
		{name: "old layout: killed while writing", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			file(t, filepath.Join(parent, ".public.new-225/index.html"), "<p>half")
			file(t, filepath.Join(parent, ".public.new-225/assets/site.css"), "p{}")
		}, want: []string{".public.new-225"}, notes: []string{"left PARENT/.public.new-225 alone: an interrupted build may have left it, but it has no SHA256SUMS, so no build of this program wrote it, and it holds 2 files: assets/site.css, index.html; look at it, then remove it yourself"}},
		{name: "folders that only look alike", setup: func(t *testing.T, parent string) {
			place(t, filepath.Join(parent, "public"))
			file(t, filepath.Join(parent, ".public.new-mine/notes.txt"), "mine")
			file(t, filepath.Join(parent, ".public.new-331", markerName), "my own marker\n")
			file(t, filepath.Join(parent, ".public.new-331/site/notes.txt"), "mine")
			file(t, filepath.Join(parent, "elsewhere/notes.txt"), "mine")
			os.Symlink("elsewhere", filepath.Join(parent, ".public.new-332"))
			file(t, filepath.Join(parent, ".site.new-333", markerName), markerText)
		}, want: []string{".public.new-331", ".public.new-332", ".public.new-mine", ".site.new-333", "elsewhere"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			tt.setup(t, parent)
			var kept map[string]string // what must stay as it was
			if tt.keep == nil {
				tt.keep = tt.want
			}
			if len(tt.keep) > 0 {
				kept = map[string]string{}
				for k, v := range snapshot(t, parent) {
					if slices.ContainsFunc(tt.keep, func(w string) bool { return k == w || strings.HasPrefix(k, w+string(filepath.Separator)) }) {
						kept[k] = v
					}
				}
			}
			source := src
			if tt.broken {
				source = broken
			}
			sum, err := Run(Options{Source: source, Out: out})
			if tt.broken != (err != nil) {
				t.Fatalf("build: %v", err)
			}
			if tt.site || !tt.broken {
				wholeSite(t, out)
			}
			if tt.site && !bytes.Equal(wholeSite(t, out), wholeSite(t, siteA)) {
				t.Error("public is not the previous site")
			}
			if got, want := siblings(t, out), append([]string{"public"}, tt.want...); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
				t.Errorf("beside public: %q, want %q", got, want)
			}
			if kept != nil {
				now := snapshot(t, parent)
				for k, v := range kept {
					if now[k] != v {
						t.Errorf("%s was %q, is %q", k, v, now[k])
					}
				}
			}
			if len(sum.Notes) != len(tt.notes) {
				t.Fatalf("notes %q, want %d", sum.Notes, len(tt.notes))
			}
			for i, n := range tt.notes {
				if n = strings.ReplaceAll(n, "PARENT", parent); !strings.Contains(sum.Notes[i], n) {
					t.Errorf("note %q\nwant it to say %q", sum.Notes[i], n)
				}
			}
		})
	}
}

// TestStagingOfRunningBuildKept: a build never removes the staging folder
// of a build still running, whose marker is locked.
func TestStagingOfRunningBuildKept(t *testing.T) {
	src := sourceTree(t, nil)
	out := buildTree(t, src)
	running, err := newStage(out)
	if err != nil {
		t.Fatal(err)
	}
	defer running.abort()
	if err := os.WriteFile(filepath.Join(running.dir, "index.html"), []byte("<p>half"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, running.root)
	mustBuild(t, src, out)
	sameSnapshot(t, "the running build's staging folder", before, snapshot(t, running.root))
}

// TestFilesAddedDuringBuildKept: a file written into the output folder
// while the build runs is not deleted with the previous site: the folder
// that holds it stays, and the build says where.
func TestFilesAddedDuringBuildKept(t *testing.T) {
	src := sourceTree(t, nil)
	out := buildTree(t, src)
	upload := filepath.Join(out, "uploads", "r.pdf")
	sum, err := Run(Options{Source: src, Out: out, Progress: func(done, total int) {
		if done == total/2 {
			os.MkdirAll(filepath.Dir(upload), 0o755)
			os.WriteFile(upload, []byte("keep"), 0o644)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	wholeSite(t, out)
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], "it holds 1 file that its SHA256SUMS does not list (uploads/r.pdf); look at them, then remove the folder") {
		t.Fatalf("notes %q", sum.Notes)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*", "old", "uploads", "r.pdf"))
	if len(kept) != 1 {
		t.Fatalf("the upload is not kept: %q", kept)
	}
	if data, err := os.ReadFile(kept[0]); err != nil || string(data) != "keep" {
		t.Errorf("the kept upload: %q, %v", data, err)
	}
}

// TestSwapByTwoRenames: where the system cannot exchange two folders, the
// build renames twice, and the site is replaced all the same.
func TestSwapByTwoRenames(t *testing.T) {
	defer func(f func(a, b string) error) { exchangeFolders = f }(exchangeFolders)
	exchangeFolders = func(a, b string) error { return errors.ErrUnsupported }
	src := sourceTree(t, nil)
	out := buildTree(t, src)
	before := wholeSite(t, out)
	m := filepath.Join(src, "content/measures/05.md")
	data, _ := os.ReadFile(m)
	os.WriteFile(m, append(data, "\n補充一句。\n"...), 0o644)
	mustBuild(t, src, out)
	if bytes.Equal(wholeSite(t, out), before) {
		t.Error("the site was not replaced")
	}
	if names := siblings(t, out); !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the site: %q", names)
	}
}
