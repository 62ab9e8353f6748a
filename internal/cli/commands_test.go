package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

func TestCommandLine(t *testing.T) {
	serveHelp := string(serveCommand.usage)
	tests := []struct {
		args   []string
		code   int
		stdout string // a substring of stdout
		stderr string // the whole of stderr, when the code is 2 and stdout is ""
	}{
		{[]string{"help"}, 0, "microsite new measure", ""},
		{[]string{"-h"}, 0, "Commands:", ""},
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"help", "serve"}, 0, serveHelp, ""},
		{[]string{"serve", "-h"}, 0, serveHelp, ""},
		{[]string{"serve", "--help"}, 0, serveHelp, ""},
		{[]string{"build", "-h"}, 0, "Examples:\n  microsite build", ""},
		{[]string{"new", "-h"}, 0, "Examples:\n  microsite new measure", ""},
		{[]string{"new", "measure", "-h"}, 0, "Examples:\n  microsite new measure", ""},
		{[]string{"help", "new", "measure"}, 0, "Examples:\n  microsite new measure", ""},
		{[]string{"help", "help"}, 0, "Usage: microsite help [command]", ""},
		{[]string{"--version"}, 0, "microsite ", ""},
		{[]string{"-version"}, 0, "microsite ", ""},

		{[]string{"server", "-h"}, 0, serveHelp, ""}, // Hugo's name
		{[]string{"bild"}, 2, "", `microsite: unknown command "bild": did you mean build? (run "microsite help")` + "\n"},
		{[]string{"sever"}, 2, "", `microsite: unknown command "sever": did you mean serve? (run "microsite help")` + "\n"},
		{[]string{"pack"}, 2, "", `microsite: unknown command "pack": did you mean package? (run "microsite help")` + "\n"},
		{[]string{"deploy"}, 2, "", `microsite: unknown command "deploy" (run "microsite help")` + "\n"},
		{[]string{"--verbose"}, 2, "", `microsite: unknown flag "--verbose" (run "microsite help")` + "\n"},
		{[]string{"--verison"}, 2, "", `microsite: unknown flag "--verison": did you mean --version? (run "microsite help")` + "\n"},
		{[]string{"help", "bild"}, 2, "", `microsite help: unknown command "bild": did you mean build? (run "microsite help")` + "\n"},
		{[]string{"help", "deploy"}, 2, "", `microsite help: unknown command "deploy" (run "microsite help")` + "\n"},
		{[]string{"help", "new", "page"}, 2, "", `microsite help: microsite new cannot create "page": it creates measures` + "\n"},
		{[]string{"build", "--sauce", "."}, 2, "", `microsite build: unknown flag "--sauce": did you mean --source? (see "microsite build -h")` + "\n"},
		{[]string{"build", "--base_url", "https://x.example/"}, 2, "", `microsite build: unknown flag "--base_url": did you mean --base-url? (see "microsite build -h")` + "\n"},
		{[]string{"build", "--baseurl=https://x.example/"}, 2, "", `microsite build: unknown flag "--baseurl=https://x.example/": did you mean --baseURL? (see "microsite build -h")` + "\n"},
		{[]string{"build", "--minify"}, 2, "", `microsite build: unknown flag "--minify" (see "microsite build -h")` + "\n"},
		{[]string{"build", "--drafts=maybe"}, 2, "", `microsite build: invalid value "maybe" for --drafts: expected true or false (see "microsite build -h")` + "\n"},
		{[]string{"build", "--out"}, 2, "", `microsite build: flag needs an argument: --out (see "microsite build -h")` + "\n"},
		{[]string{"build", "--base-url", "ftp://x.example/"}, 2, "", `microsite build: --base-url "ftp://x.example/": it does not start with https:// or http://: expected an absolute http(s) URL such as "https://www.example.gov.cn/nansha/" (see "microsite build -h")` + "\n"},
		{[]string{"serve", "-b", "https://x.example/a b/"}, 2, "", `microsite serve: --base-url "https://x.example/a b/": it holds a space: percent-encode it (%20) or remove it: expected an absolute http(s) URL such as "https://www.example.gov.cn/nansha/" (see "microsite serve -h")` + "\n"},
		{[]string{"serve", "--bind", "http://0.0.0.0/"}, 2, "", `microsite serve: --bind "http://0.0.0.0/": expected an address of this computer, such as 127.0.0.1 or 0.0.0.0 (see "microsite serve -h")` + "\n"},
		{[]string{"--lang", "fr", "build"}, 2, "", `microsite: --lang "fr": expected zh (Chinese) or en (English) (run "microsite help")` + "\n"},
		{[]string{"build", "--lang", "klingon"}, 2, "", `microsite build: invalid value "klingon" for --lang: --lang "klingon": expected zh (Chinese) or en (English) (see "microsite build -h")` + "\n"},
		{[]string{"build", "extra"}, 2, "", `microsite build: unexpected argument "extra" (see "microsite build -h")` + "\n"},
		{[]string{"serve", "--port", "eighty"}, 2, "", `microsite serve: invalid value "eighty" for --port: expected a number (see "microsite serve -h")` + "\n"},
		{[]string{"serve", "--port", "70000"}, 2, "", `microsite serve: --port 70000: expected a port from 0 to 65535 (see "microsite serve -h")` + "\n"},
		{[]string{"serve", "--opne"}, 2, "", `microsite serve: unknown flag "--opne": did you mean --open? (see "microsite serve -h")` + "\n"},
		{[]string{"server", "--bnid", "0.0.0.0"}, 2, "", `microsite serve: unknown flag "--bnid": did you mean --bind? (see "microsite serve -h")` + "\n"},
		{[]string{"new"}, 2, "", `microsite new: say what to create: microsite new measure … (see "microsite new -h")` + "\n"},
		{[]string{"new", "page"}, 2, "", `microsite new: cannot create "page": it creates measures (see "microsite new -h")` + "\n"},
		{[]string{"new", "measure", "--title", "x"}, 2, "", `microsite new measure: --category is required (see "microsite new -h")` + "\n"},
		{[]string{"new", "measure", "--title", "x", "--category", "trade"}, 2, "", `microsite new measure: --unit is required (see "microsite new -h")` + "\n"},
		{[]string{"new", "measure", "--number", "x"}, 2, "", `microsite new: invalid value "x" for --number: expected a number (see "microsite new -h")` + "\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if tt.code == 0 && stderr.Len() > 0 {
				t.Errorf("stderr %q, want nothing", stderr.String())
			}
			if tt.code == 2 && stderr.String() != tt.stderr {
				t.Errorf("stderr\n got %q\nwant %q", stderr.String(), tt.stderr)
			}
		})
	}
}

// TestHelpFlagsExist checks that every flag a command's help names is one
// the command takes: help must not drift from the code.
func TestHelpFlagsExist(t *testing.T) {
	flagLine := regexp.MustCompile(`(?m)^  --([a-z-]+)`)
	for _, c := range commands {
		for _, m := range flagLine.FindAllStringSubmatch(string(c.usage), -1) {
			value := "1"
			if m[1] == "lang" {
				value = "en"
			}
			args := []string{c.name, "--" + m[1] + "=" + value, "-h"}
			if c.name == "new" {
				args = append([]string{"new", "measure"}, args[1:]...)
			}
			var stdout, stderr bytes.Buffer
			if code := Main(args, &stdout, &stderr); code != 0 {
				t.Errorf("%s: help names --%s, which it does not take: %s", c.name, m[1], stderr.String())
			}
		}
	}
}

func TestNewMeasureCommand(t *testing.T) {
	src := srctest.Copy(t, "../..")
	args := []string{"new", "measure", "--source", src, "--number", "32", "--category", "trade", "--title", "跨境電商退貨新模式", "--unit", "廣州海關", "--unit", "黃埔海關"}
	var stdout, stderr bytes.Buffer
	if code := Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	file := filepath.Join(src, "content", "measures", "32.md")
	if want := "created " + file + ", a draft: "; !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("stdout %q, want it to start %q", stdout.String(), want)
	}
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), `lead_units = ["廣州海關", "黃埔海關"]`) {
		t.Errorf("%s: %v\n%s", file, err, data)
	}
	// The site builds with it, a draft, shown.
	stdout.Reset()
	if code := Main([]string{"build", "--drafts", "--source", src, "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr); code != 0 {
		t.Errorf("build with the new measure: %d: %s", code, stderr.String())
	}

	stderr.Reset()
	if code := Main(args, &stdout, &stderr); code != 1 {
		t.Errorf("the same number again: exit code %d, want 1", code)
	}
	want := "microsite new measure: number 32 is already used by content/measures/32.md (the next free number is 33)\n"
	if stderr.String() != want {
		t.Errorf("stderr\n got %q\nwant %q", stderr.String(), want)
	}
}

// TestBuildQuietOffTerminal checks that a build writing to pipes or files,
// as in CI, prints its summary and nothing else.
func TestBuildQuietOffTerminal(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", "../..", "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	if !regexp.MustCompile(`^built \d+ pages, \d+ files, \d+ bytes in \S+\n$`).MatchString(stdout.String()) || stderr.Len() > 0 {
		t.Errorf("stdout %q, stderr %q: want the summary line alone", stdout.String(), stderr.String())
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b}
	p.update(1, 1000)
	p.update(2, 1000)
	if b.Len() > 0 {
		t.Errorf("a build just started drew %q", b.String())
	}
	p.start = p.start.Add(-time.Second) // as if it had been running a while
	p.update(500, 1000)
	p.update(501, 1000) // within the tick: not drawn
	p.update(1000, 1000)
	if want := "\rbuilding: 500/1000 files\r\033[K"; b.String() != want {
		t.Errorf("drew %q, want %q", b.String(), want)
	}
	if newProgress(&b) != nil {
		t.Error("a progress line on a buffer, which is not a terminal")
	}
}

// TestServeStopsOnSignal runs "microsite serve" as its own process, as an
// editor does, and stops it the ways a server is stopped: Ctrl-C (SIGINT),
// a polite kill (SIGTERM) and closing the terminal (SIGHUP). Each time it
// must exit 0 and leave no temporary folder behind.
func TestServeStopsOnSignal(t *testing.T) {
	src := srctest.Copy(t, "../..")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) { serveThenSignal(t, src, sig) })
	}
}

func serveThenSignal(t *testing.T, src string, sig syscall.Signal) {
	tmp := t.TempDir()
	args, _ := json.Marshal([]string{"serve", "--source", src, "--port", "0"})
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$")
	cmd.Env = append(os.Environ(), "MICROSITE_CLI_CHILD="+string(args), "TMPDIR="+tmp)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	url := ""
	for url == "" && lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "serving "); ok {
			url, _, _ = strings.Cut(rest, " ")
		}
	}
	if url == "" {
		t.Fatalf("no \"serving\" line; stderr: %s", stderr.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 {
		t.Errorf("while serving, TMPDIR holds %d entries, want the server's folder", len(entries))
	}

	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stdout)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after %v: %v; stderr: %s", sig, err, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("still running 20s after %v", sig)
	}
	if !strings.Contains(string(rest), "stopped") {
		t.Errorf("last output %q, want \"stopped\"", rest)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left behind in TMPDIR: %v", entries)
	}
}

// TestServeChild is the process TestServeStopsOnSignal starts; on its own
// it does nothing.
func TestServeChild(t *testing.T) {
	env := os.Getenv("MICROSITE_CLI_CHILD")
	if env == "" {
		t.Skip("run by TestServeStopsOnSignal")
	}
	var args []string
	if err := json.Unmarshal([]byte(env), &args); err != nil {
		t.Fatal(err)
	}
	os.Exit(Main(args, os.Stdout, os.Stderr))
}

// TestServeBindToNetwork runs "microsite server --bind 0.0.0.0" (Hugo's
// habit, to look at the preview on a phone): it warns that the preview is
// open to the network, names the addresses to open, answers at each of
// them, and still refuses a name pointed at it.
func TestServeBindToNetwork(t *testing.T) {
	src := srctest.Copy(t, "../..")
	args, _ := json.Marshal([]string{"server", "--source", src, "--port", "0", "--bind", "0.0.0.0"})
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$")
	cmd.Env = append(os.Environ(), "MICROSITE_CLI_CHILD="+string(args), "TMPDIR="+t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	lines := bufio.NewScanner(stdout)
	url := ""
	for url == "" && lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "serving "); ok {
			url, _, _ = strings.Cut(rest, " ")
		}
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/$`).MatchString(url) {
		t.Fatalf("serving %q, want this computer's loopback address; stderr: %s", url, stderr.String())
	}
	port := url[strings.LastIndex(url[:len(url)-1], ":")+1 : len(url)-1]
	// The warning follows the serving line, on the other stream: wait for
	// it a little.
	warnings := regexp.MustCompile(`warning: the preview is open to the network, at (http://\S+(?: http://\S+)*): anyone`)
	var warning []string
	for deadline := time.Now().Add(10 * time.Second); warning == nil && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		warning = warnings.FindStringSubmatch(stderr.String())
	}
	if warning == nil {
		t.Fatalf("no warning on stderr: %q", stderr.String())
	}
	for _, addr := range strings.Fields(warning[1]) {
		if !strings.HasSuffix(addr, ":"+port+"/") {
			t.Errorf("the warning names %s, not on port %s", addr, port)
		}
		resp, err := http.Get(addr)
		if err != nil {
			t.Errorf("GET %s: %v", addr, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", addr, resp.StatusCode)
		}
	}
	req, _ := http.NewRequest("GET", url, nil)
	req.Host = "rebound.example:" + port
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("Host %s: %d, want 403", req.Host, resp.StatusCode)
	}
}

// syncBuffer is a bytes.Buffer a child process's output can be copied
// into while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBaseURL: the same sources built for a staging host and for
// production, by --base-url, its Hugo spellings, or MICROSITE_BASE_URL;
// the flag over the environment, either over site.toml; each checked as
// site.toml's is.
func TestBaseURL(t *testing.T) {
	tests := []struct {
		name string
		env  string
		args []string
		want string // the sitemap's first page; "" for no sitemap
		code int
	}{
		{"site.toml's (none)", "", nil, "", 0},
		{"--base-url", "", []string{"--base-url", "https://staging.example.gov.cn/nansha3"}, "https://staging.example.gov.cn/nansha3/measures.html", 0},
		{"--baseURL", "", []string{"--baseURL=https://www.gz.gov.cn/nansha3/"}, "https://www.gz.gov.cn/nansha3/measures.html", 0},
		{"-b", "", []string{"-b", "http://192.168.1.20:8080/"}, "http://192.168.1.20:8080/measures.html", 0},
		{"the environment", "https://env.example.gov.cn/", nil, "https://env.example.gov.cn/measures.html", 0},
		{"the flag over the environment", "https://env.example.gov.cn/", []string{"-b", "https://flag.example.gov.cn/"}, "https://flag.example.gov.cn/measures.html", 0},
		{"a bad one in the environment", "javascript:alert(1)", nil, "", 2},
		{"a bad flag", "", []string{"--base-url", "https://x.example/?q=1"}, "", 2},
	}
	src := srctest.Copy(t, "../..")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(baseURLEnv, tt.env)
			out := filepath.Join(t.TempDir(), "public")
			var stdout, stderr bytes.Buffer
			if code := Main(append([]string{"build", "--source", src, "--out", out}, tt.args...), &stdout, &stderr); code != tt.code {
				t.Fatalf("exit code %d, want %d: %s", code, tt.code, stderr.String())
			}
			if tt.code != 0 {
				if !strings.Contains(stderr.String(), "expected an absolute http(s) URL") {
					t.Errorf("stderr %q does not say what a base URL must be", stderr.String())
				}
				return
			}
			sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
			switch {
			case tt.want == "" && err == nil:
				t.Errorf("a sitemap without a base URL")
			case tt.want != "" && !strings.Contains(string(sitemap), "<loc>"+tt.want+"</loc>"):
				t.Errorf("the sitemap does not list %s:\n%.300s", tt.want, sitemap)
			}
		})
	}
}
