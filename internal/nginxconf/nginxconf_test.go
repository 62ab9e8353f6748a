package nginxconf

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRootSite rewrites the kit's own file: what an admin changes is
// changed, and a file that lost a line the rewriting needs is an error
// naming it.
func TestRootSite(t *testing.T) {
	sample, err := os.ReadFile("../../deploy/nginx/nansha3.conf")
	if err != nil {
		t.Fatal(err)
	}
	conf, err := RootSite(string(sample), "/srv/site", 8123)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"listen 127.0.0.1:8123;", "root /srv/site;"} {
		if !strings.Contains(conf, want) {
			t.Errorf("RootSite: no %q in\n%s", want, conf)
		}
	}
	for _, gone := range []string{"listen 80;", "listen [::]:80;", "/var/www/nansha3;"} {
		if strings.Contains(conf, gone) {
			t.Errorf("RootSite: %q still there in\n%s", gone, conf)
		}
	}
	for _, line := range []string{"listen 80;", "listen [::]:80;\n", "root /var/www/nansha3;"} {
		t.Run(strings.TrimSpace(line), func(t *testing.T) {
			_, err := RootSite(strings.Replace(string(sample), line, "", 1), "/srv/site", 8123)
			if err == nil || !strings.Contains(err.Error(), strconv.Quote(line)) {
				t.Errorf("without %q: %v, want an error naming it", line, err)
			}
		})
	}
}

// TestWrite finds the three files in the folder, the main configuration
// including the site's and logging where it is told.
func TestWrite(t *testing.T) {
	if _, err := os.Stat("/etc/nginx/mime.types"); err != nil {
		// As internal/servertest's RequireEnv, which this package's
		// tests cannot import (servertest imports nginxconf).
		if os.Getenv("MICROSITE_REQUIRE_SERVERS") != "" {
			t.Fatalf("no Debian nginx, and MICROSITE_REQUIRE_SERVERS is set: %v", err)
		}
		t.Skip("no Debian nginx (its mime.types): ", err)
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "error.log")
	conf, err := Write(dir, log, "server { listen 127.0.0.1:8123; }\n")
	if err != nil {
		t.Fatal(err)
	}
	if conf != filepath.Join(dir, "nginx.conf") {
		t.Errorf("Write = %s, want %s", conf, filepath.Join(dir, "nginx.conf"))
	}
	main, _ := os.ReadFile(conf)
	for _, want := range []string{"include " + filepath.Join(dir, "site.conf") + ";", "error_log " + log + ";", "include mime.types;", "pid " + dir + "/nginx.pid;"} {
		if !strings.Contains(string(main), want) {
			t.Errorf("nginx.conf: no %q in\n%s", want, main)
		}
	}
	if site, _ := os.ReadFile(filepath.Join(dir, "site.conf")); string(site) != "server { listen 127.0.0.1:8123; }\n" {
		t.Errorf("site.conf = %q", site)
	}
	if mime, _ := os.ReadFile(filepath.Join(dir, "mime.types")); !strings.Contains(string(mime), "text/html") {
		t.Errorf("mime.types: not Debian's: %.200s", mime)
	}
}
