package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"

	"github.com/gzgov/nansha-microsite/internal/build"
)

// start runs a server on a free port until the test ends, and checks then
// that it stopped cleanly and removed its temporary folder.
func start(t testing.TB, opts Options) *Server {
	t.Helper()
	opts.Addr = "127.0.0.1:0"
	if testing.Verbose() {
		opts.Log = tlog{t}
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Run did not return after its context was cancelled")
		}
		if _, err := os.Stat(s.tmp); !os.IsNotExist(err) {
			t.Errorf("temporary folder %s left behind (%v)", s.tmp, err)
		}
	})
	return s
}

type tlog struct{ t testing.TB }

func (l tlog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// event is one Server-Sent Event from the server.
type event struct {
	Name    string
	Build   int      `json:"build"`
	Paths   []string `json:"paths"` // nil: every page
	Partial bool     `json:"partial"`
}

// listen subscribes to the server's events, as the reload script does, and
// returns them as they come, the hello event first.
func listen(t testing.TB, s *Server) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(s.URL(), "/")+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	events := make(chan event, 100)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev)
			case line == "":
				events <- ev
				ev = event{}
			}
		}
	}()
	if ev := next(t, events); ev.Name != "hello" {
		t.Fatalf("first event %q, want hello", ev.Name)
	}
	return events
}

// next returns the next event, failing the test after a generous wait.
func next(t testing.TB, events <-chan event) event {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(30 * time.Second):
		t.Fatal("no event from the server")
		return event{}
	}
}

// nextBuild returns the events of the next build as one: its paths are
// those of all its events.
func nextBuild(t testing.TB, events <-chan event) event {
	t.Helper()
	all := next(t, events)
	for ev := all; ev.Partial; {
		ev = next(t, events)
		if ev.Build != all.Build {
			t.Fatalf("partial event of build %d followed by build %d", all.Build, ev.Build)
		}
		if ev.Paths == nil {
			all.Paths = nil
		} else if all.Paths != nil {
			all.Paths = append(all.Paths, ev.Paths...)
		}
		all.Partial = ev.Partial
	}
	return all
}

// quiet fails the test if an event comes within d.
func quiet(t testing.TB, events <-chan event, d time.Duration) {
	t.Helper()
	select {
	case ev := <-events:
		t.Errorf("unexpected second rebuild: %+v", ev)
	case <-time.After(d):
	}
}

// get fetches a path from the server.
func get(t testing.TB, s *Server, p string) (int, string) {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(s.URL(), "/") + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func write(t testing.TB, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestEditReloadsPage(t *testing.T) {
	src := srctest.Copy(t, "../..")
	s := start(t, Options{Source: src})
	events := listen(t, s)
	code, page := get(t, s, "/measures/03.html")
	if code != 200 || !strings.Contains(page, "報關單“一鍵改配”") {
		t.Fatalf("GET /measures/03.html: %d\n%s", code, page)
	}
	if !strings.Contains(page, `<script src="/__microsite/reload.js"`) {
		t.Error("served page has no reload script")
	}

	file := filepath.Join(src, "content/measures/03.md")
	write(t, file, read(t, file)+"\n編輯新增的一句話。\n")
	// First the measure's page, then the table, which shows every measure.
	ev := next(t, events)
	if ev.Name != "reload" || !ev.Partial || !slices.Equal(ev.Paths, []string{"measures/03.html", "zh-hans/measures/03.html"}) {
		t.Fatalf("first event %+v, want a partial reload of measures/03.html in both editions", ev)
	}
	if ev2 := next(t, events); ev2.Partial || ev2.Build != ev.Build || !slices.Contains(ev2.Paths, "measures.html") || !slices.Contains(ev2.Paths, "zh-hans/measures.html") {
		t.Fatalf("second event %+v, want the end of build %d, naming both editions' measures.html", ev2, ev.Build)
	}
	if _, page := get(t, s, "/measures/03.html"); !strings.Contains(page, "編輯新增的一句話。") {
		t.Error("the page does not show the edit")
	}
	if _, js := get(t, s, scriptPath); !strings.Contains(js, "EventSource") {
		t.Error("reload script not served")
	}
}

func TestContentErrorShowsErrorPage(t *testing.T) {
	src := srctest.Copy(t, "../..")
	s := start(t, Options{Source: src})
	events := listen(t, s)
	file := filepath.Join(src, "content/measures/03.md")
	good := read(t, file)
	_, home := get(t, s, "/")
	css := regexp.MustCompile(`href="(assets/site\.[0-9a-f]+\.css)"`).FindStringSubmatch(home)
	if css == nil {
		t.Fatalf("no stylesheet link in the home page:\n%s", home)
	}

	write(t, file, strings.Replace(good, `category = "trade"`, `category = "tarde"`, 1))
	if ev := nextBuild(t, events); ev.Name != "reload" || ev.Paths != nil {
		t.Fatalf("event %+v, want a reload of every page", ev)
	}
	for _, p := range []string{"/measures/03.html", "/", "/measures/05.html"} {
		code, page := get(t, s, p)
		if code != http.StatusInternalServerError {
			t.Errorf("GET %s while broken: status %d, want 500", p, code)
		}
		for _, want := range []string{"content/measures/03.md:4", `unknown category &#34;tarde&#34;`, `src="/__microsite/reload.js"`} {
			if !strings.Contains(page, want) {
				t.Errorf("GET %s: error page lacks %q:\n%s", p, want, page)
			}
		}
	}
	// Stylesheets and the like are still served from the last good build.
	if code, _ := get(t, s, "/"+css[1]); code != 200 {
		t.Errorf("GET /%s while broken: %d", css[1], code)
	}

	write(t, file, good)
	if ev := nextBuild(t, events); ev.Name != "reload" || ev.Paths != nil {
		t.Fatalf("event %+v, want a reload of every page after the fix", ev)
	}
	if code, page := get(t, s, "/measures/03.html"); code != 200 || !strings.Contains(page, "報關單“一鍵改配”") {
		t.Errorf("after the fix: %d\n%s", code, page)
	}
}

func TestStartsWithBrokenContent(t *testing.T) {
	src := srctest.Copy(t, "../..")
	file := filepath.Join(src, "site.toml")
	good := read(t, file)
	write(t, file, good+"\ncolour = \"red\"\n")
	s := start(t, Options{Source: src})
	if code, page := get(t, s, "/"); code != 500 || !strings.Contains(page, "site.toml:") || !strings.Contains(page, "colour") {
		t.Fatalf("GET / with a broken site.toml: %d\n%s", code, page)
	}
	events := listen(t, s)
	write(t, file, good)
	nextBuild(t, events)
	if code, _ := get(t, s, "/"); code != 200 {
		t.Errorf("GET / after the fix: %d", code)
	}
}

func TestPaths(t *testing.T) {
	s := start(t, Options{Source: srctest.Copy(t, "../..")})
	tests := []struct {
		path string
		code int
		want string
	}{
		{"/", 200, "<h1>"},
		{"/index.html", 200, "<h1>"},
		{"/units/", 200, "units/guangzhou-customs.html"},
		{"/units/index.html", 200, "units/guangzhou-customs.html"},
		{"/measures/99.html", 404, `data-page="404.html"`},
		{"/../../etc/passwd", 404, ""},
	}
	for _, tt := range tests {
		code, body := get(t, s, tt.path)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s: %d, want %d with %q", tt.path, code, tt.code, tt.want)
		}
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(strings.TrimSuffix(s.URL(), "/") + "/units")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/units/" {
		t.Errorf("GET /units: %d to %q, want a redirect to /units/", resp.StatusCode, loc)
	}
}

// TestNoReloadScriptInBuild checks that the script lives only in what the
// server sends: neither a build nor the server's own copy of the site holds
// it.
func TestNoReloadScriptInBuild(t *testing.T) {
	src := srctest.Copy(t, "../..")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Source: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	s := start(t, Options{Source: src})
	if _, page := get(t, s, "/"); !strings.Contains(page, "__microsite") {
		t.Fatal("served page has no reload script: the check below would prove nothing")
	}
	for _, dir := range []string{out, filepath.Join(s.tmp, "site")} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if data, _ := os.ReadFile(p); strings.Contains(string(data), "__microsite") || strings.Contains(string(data), "EventSource") {
				t.Errorf("%s holds the reload script", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestSavePatterns saves a measure the ways editors do and checks that each
// way makes exactly one rebuild, which shows the new text.
func TestSavePatterns(t *testing.T) {
	src := srctest.Copy(t, "../..")
	// Generous: on a busy machine the steps of one save can be far apart.
	const debounce = 200 * time.Millisecond
	s := start(t, Options{Source: src, Debounce: debounce})
	events := listen(t, s)
	dir := filepath.Join(src, "content/measures")
	file := filepath.Join(dir, "03.md")
	original := read(t, file)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	patterns := []struct {
		name string
		save func(text string)
	}{
		{"write in place", func(text string) { write(t, file, text) }},
		{"truncate, then write", func(text string) {
			f, err := os.OpenFile(file, os.O_WRONLY, 0)
			must(err)
			must(f.Truncate(0)) // the empty file is visible now: an event
			time.Sleep(5 * time.Millisecond)
			_, err = f.WriteString(text)
			must(err)
			must(f.Close())
		}},
		{"temporary file renamed over", func(text string) {
			tmp := filepath.Join(dir, "03.md.tmp.4711")
			write(t, tmp, text)
			must(os.Rename(tmp, file))
		}},
		{"hidden temporary file renamed over", func(text string) {
			tmp := filepath.Join(dir, ".03.md.swp")
			write(t, tmp, text)
			must(os.Rename(tmp, file))
		}},
		{"delete, then create", func(text string) {
			must(os.Remove(file))
			time.Sleep(5 * time.Millisecond)
			write(t, file, text)
		}},
		{"backup renamed away (vim)", func(text string) {
			must(os.WriteFile(filepath.Join(dir, "4913"), nil, 0o644))
			must(os.Remove(filepath.Join(dir, "4913")))
			must(os.Rename(file, file+"~"))
			write(t, file, text)
			must(os.Remove(file + "~"))
		}},
		{"safe write (JetBrains)", func(text string) {
			write(t, file+"___jb_tmp___", text)
			must(os.Rename(file, file+"___jb_old___"))
			must(os.Rename(file+"___jb_tmp___", file))
			must(os.Remove(file + "___jb_old___"))
		}},
	}
	for i, p := range patterns {
		marker := "保存方式" + strings.Repeat("甲", i+1) + "。"
		p.save(original + "\n" + marker + "\n")
		ev := nextBuild(t, events)
		if ev.Name != "reload" || !slices.Contains(ev.Paths, "measures/03.html") {
			t.Errorf("%s: event %+v, want a reload naming measures/03.html", p.name, ev)
		}
		quiet(t, events, 4*debounce)
		if _, page := get(t, s, "/measures/03.html"); !strings.Contains(page, marker) {
			t.Errorf("%s: the page does not show the new text", p.name)
		}
	}

	// Saves that change nothing the site shows make no rebuild at all.
	now := time.Now()
	must(os.Chtimes(file, now, now)) // touch
	write(t, filepath.Join(dir, ".#03.md"), "lock")
	write(t, filepath.Join(src, "README.txt"), "notes")
	quiet(t, events, 4*debounce)
}

// TestRenamedFolderWatchedAgain renames content/measures away and back: the
// folder's watch must come back with it.
func TestRenamedFolderWatchedAgain(t *testing.T) {
	src := srctest.Copy(t, "../..")
	s := start(t, Options{Source: src, Debounce: 100 * time.Millisecond})
	events := listen(t, s)
	dir := filepath.Join(src, "content/measures")
	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	if ev := nextBuild(t, events); ev.Paths != nil {
		t.Errorf("no measures: event %+v, want a failed build (reload all)", ev)
	}
	if code, page := get(t, s, "/"); code != 500 || !strings.Contains(page, "no measures") {
		t.Errorf("GET / without measures: %d\n%s", code, page)
	}
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	nextBuild(t, events)
	if code, _ := get(t, s, "/"); code != 200 {
		t.Fatalf("GET / with measures back: %d", code)
	}
	file := filepath.Join(dir, "07.md")
	write(t, file, read(t, file)+"\n回來以後的修改。\n")
	if ev := nextBuild(t, events); !slices.Contains(ev.Paths, "measures/07.html") {
		t.Errorf("edit in the folder that came back: event %+v", ev)
	}
	if _, page := get(t, s, "/measures/07.html"); !strings.Contains(page, "回來以後的修改。") {
		t.Error("the page does not show the edit")
	}
}

func TestNewMeasureAppears(t *testing.T) {
	src := srctest.Copy(t, "../..")
	s := start(t, Options{Source: src})
	events := listen(t, s)
	text := regexp.MustCompile(`number = 31`).ReplaceAllString(read(t, filepath.Join(src, "content/measures/31.md")), "number = 32")
	write(t, filepath.Join(src, "content/measures/32.md"), text)
	ev := nextBuild(t, events)
	for _, p := range []string{"measures/32.html", "measures/31.html", "measures.html", "index.html"} {
		if !slices.Contains(ev.Paths, p) {
			t.Errorf("new measure: %s not reported changed: %v", p, ev.Paths)
		}
	}
	if code, _ := get(t, s, "/measures/32.html"); code != 200 {
		t.Errorf("GET /measures/32.html: %d", code)
	}
}

func TestListenError(t *testing.T) {
	s := start(t, Options{Source: srctest.Copy(t, "../..")})
	_, err := New(Options{Source: "../..", Addr: strings.TrimPrefix(strings.TrimSuffix(s.URL(), "/"), "http://")})
	if err == nil || !strings.Contains(err.Error(), "cannot listen") {
		t.Errorf("second server on the same port: %v", err)
	}
	if _, err := New(Options{Source: t.TempDir(), Addr: "127.0.0.1:0"}); err == nil || !strings.Contains(err.Error(), "no site.toml") {
		t.Errorf("serving a folder without site.toml: %v", err)
	}
}

func TestInjectScript(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", `<html><body><p>x</p><script src="/__microsite/reload.js" data-build="7" data-page="a.html" defer></script></body></html>`},
		{"<P>x</P></BODY>", `<P>x</P><script src="/__microsite/reload.js" data-build="7" data-page="a.html" defer></script></BODY>`},
		{"<p>no body end", `<p>no body end<script src="/__microsite/reload.js" data-build="7" data-page="a.html" defer></script>`},
	}
	for _, tt := range tests {
		if got := string(injectScript([]byte(tt.page), 7, "a.html")); got != tt.want {
			t.Errorf("injectScript(%q)\n got %s\nwant %s", tt.page, got, tt.want)
		}
	}
}

func TestRelevant(t *testing.T) {
	tests := []struct {
		name string
		dir  bool
		want bool
	}{
		{"site.toml", false, true},
		{"content/measures/03.md", false, true},
		{"content/measures", true, true},
		{"content", true, true},
		{"layouts/base.html", false, true},
		{"assets/site.css", false, true},
		{"assets/img", true, true},
		{"content/measures/03.md~", false, false},
		{"content/measures/.03.md.swp", false, false},
		{"content/measures/4913", false, false},
		{"content/measures/#03.md#", false, false},
		{"content/measures/03.md.tmp", false, false},
		{"content/measures/03.md___jb_tmp___", false, false},
		{"content/notes.txt", false, false},
		{"layouts/.base.html.swp", false, false},
		{"public/index.html", false, false},
		{"README.md", false, false},
		{".git/index", false, false},
	}
	for _, tt := range tests {
		if got := relevant(tt.name, tt.dir); got != tt.want {
			t.Errorf("relevant(%q, %v) = %v, want %v", tt.name, tt.dir, got, tt.want)
		}
	}
}
