package hostile

import (
	"archive/zip"
	"bytes"
	"testing"
	"time"
)

// TestPackage: zip targets that are not the user's to lose (a source file,
// site.toml, a file in the site, an existing file that is no archive of
// ours), a missing folder, a tampered site, SOURCE_DATE_EPOCH out of range.
func TestPackage(t *testing.T) {
	pkg := func(args ...string) []string { return append([]string{"package"}, args...) }
	refused := func(name string, args []string, mutate func(e *env), want ...string) hcase {
		return hcase{name: name, args: args, mutate: mutate, code: 1, want: want}
	}
	epoch := func(name, value string, code int, day string) hcase {
		c := hcase{name: name, args: pkg("nansha3.zip"), env: []string{"SOURCE_DATE_EPOCH=" + value}, code: code}
		if code != 0 {
			c.want = []string{"SOURCE_DATE_EPOCH"}
			return c
		}
		c.then = func(e *env, r *result) {
			for _, f := range e.zipEntries("nansha3.zip") {
				if got := f.Modified.UTC().Format(time.DateOnly); got != day {
					e.t.Errorf("%s: dated %s, want %s", f.Name, got, day)
					return
				}
			}
		}
		return c
	}
	cases := []hcase{
		// The examples: both replaced a source file with a zip.
		refused("build_zip_over_a_measure", []string{"build", "--zip", m05}, nil, m05).proves(2),
		refused("over_site_toml", pkg("site.toml"), nil, "site.toml").proves(2),
		refused("over_a_layout", pkg("layouts/base.html"), nil, "layouts/base.html").proves(2),
		refused("into_content", pkg("content/nansha3.zip"), nil, "content/nansha3.zip").proves(2),
		refused("build_zip_into_assets", []string{"build", "--zip", "assets/nansha3.zip"}, nil, "assets/nansha3.zip").proves(2),
		refused("over_a_text_file", pkg("notes.zip"), func(e *env) { e.write("notes.zip", "the minutes of the meeting\n") }, "notes.zip").proves(2),
		refused("over_a_colleagues_file", pkg("../sibling/notes.txt"), nil, "notes.txt").proves(2),
		refused("over_a_zip_of_someone_else", pkg("photos.zip"), func(e *env) { e.write("photos.zip", foreignZip(e)) }, "photos.zip").proves(2),
		// One clear line: no temporary file's name.
		hcase{name: "missing_folder", args: pkg("nodir/nansha3.zip"), code: 1, want: []string{"nodir"}, not: []string{".new-"}}.proves(2),

		{name: "new_archive", args: pkg("nansha3.zip")},
		{name: "build_and_archive", args: []string{"build", "--zip", "nansha3.zip"}},
		{name: "over_its_own_archive", args: pkg("nansha3.zip"), mutate: func(e *env) {
			e.own()
			if r := e.run(nil, "package", "nansha3.zip"); r.code != 0 {
				e.t.Fatalf("the first package: %s", r.output())
			}
		}},
		refused("build_fails_no_archive", []string{"build", "--zip", "nansha3.zip"}, func(e *env) {
			e.setLine(m05, numberLine, "number = 0")
		}, at(m05, numberLine)),
		refused("inside_the_site", pkg("public/nansha3.zip"), nil, "public/nansha3.zip"),
		refused("over_a_file_of_the_site", pkg("public/index.html"), nil, "public/index.html"),
		refused("target_is_a_folder", pkg("somedir"), func(e *env) { e.mkdir("somedir") }, "somedir"),
		refused("non_ascii_name", pkg("網站.zip"), nil, "網站.zip"),
		refused("site_is_the_sources", pkg("--site", ".", "x.zip"), nil),
		hcase{name: "site_missing", args: pkg("--site", "nothere", "x.zip"), code: 1, want: []string{"nothere"},
			finding: `"stat .: no such file or directory" names no folder`},

		refused("tampered_file", pkg("x.zip"), func(e *env) { e.appendTo("public/index.html", "<!-- -->") }, "index.html"),
		refused("listed_file_missing", pkg("x.zip"), func(e *env) { e.remove("public/search.json") }, "search.json"),
		refused("sums_missing", pkg("x.zip"), func(e *env) { e.remove("public/SHA256SUMS") }, "SHA256SUMS"),
		refused("sums_malformed", pkg("x.zip"), func(e *env) { e.prepend("public/SHA256SUMS", "garbage\n") }, "SHA256SUMS:1"),
		refused("symlink_in_site", pkg("x.zip"), func(e *env) { e.symlink("/etc/passwd", "public/passwd") }, "passwd"),
		// A file nobody listed: refused, or left out of the archive.
		{name: "unlisted_file", args: pkg("x.zip"), codes: []int{0, 1}, mutate: func(e *env) { e.write("public/notes.txt", "x\n") },
			then: func(e *env, r *result) {
				if r.code == 1 && !holds(r.output(), "notes.txt") {
					e.t.Error("the refusal does not name notes.txt")
				}
			}},
		// The archive holds exactly what SHA256SUMS lists (verifyZip).
		// Refused, as every other thing the build did not write.
		hcase{name: "empty_folder_added", args: pkg("x.zip"), mutate: func(e *env) { e.mkdir("public/emptydir") }, code: 1, want: []string{"emptydir"}}.proves(18),

		// Past 2107 the zip's date wrapped round to 1971–1992: clamped, or refused.
		hcase{name: "epoch_beyond_2107", args: pkg("x.zip"), env: []string{"SOURCE_DATE_EPOCH=5000000000"}, codes: []int{0, 1},
			then: func(e *env, r *result) {
				if r.code == 1 {
					if !holds(r.output(), "SOURCE_DATE_EPOCH") {
						e.t.Error("the refusal does not name SOURCE_DATE_EPOCH")
					}
					return
				}
				for _, f := range e.zipEntries("x.zip") {
					if dos := dosYear(f); f.Modified.Year() < 2100 || dos < 2100 {
						e.t.Errorf("%s: dated %v (MS-DOS year %d): the date wrapped round", f.Name, f.Modified, dos)
						return
					}
				}
			}}.proves(18),
		epoch("epoch_not_a_number", "soon", 1, ""),
		epoch("epoch_beyond_int64", "99999999999999999999", 1, ""),
		epoch("epoch_before_1980", "-5", 0, "1980-01-01"),
		epoch("epoch_of_the_notice", "1530489600", 0, "2018-07-02"),
	}
	runCases(t, "package", cases)
}

// zipEntries lists the archive rel.
func (e *env) zipEntries(rel string) []*zip.File {
	e.t.Helper()
	zr, err := zip.OpenReader(e.path(rel))
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { zr.Close() })
	return zr.File
}

// dosYear is the year of an entry's MS-DOS date, which every unzip reads.
func dosYear(f *zip.File) int { return int(f.ModifiedDate>>9) + 1980 }

// foreignZip is a zip some other program wrote.
func foreignZip(e *env) string {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("photos/2018-07-02.jpg")
	if err == nil {
		_, err = w.Write([]byte("\xff\xd8\xff\xe0 a photo"))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return b.String()
}
