// Package nginxconf writes the configuration that the deployment kit's
// nginx file (deploy/nginx) is tried under, by the deployment tests
// (internal/servertest) and by go run ./bench/lighthouse: the kit's file
// with only what an admin changes rewritten (RootSite), in a main
// configuration with the parts of Debian's /etc/nginx/nginx.conf the kit
// relies on (mime.types, gzip for HTML), with nginx's pid file, log and
// temporary files in one folder, so that it runs as any user, in the
// foreground (Write).
package nginxconf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// RootSite returns sample, the text of the kit's file for a site at a
// host's root (deploy/nginx/nansha3.conf), rewritten as an admin would:
// listening on 127.0.0.1:port alone, serving the folder site. It fails
// when the file no longer holds what it rewrites, which would leave it
// serving something else than the kit says.
func RootSite(sample, site string, port int) (string, error) {
	for _, r := range [][2]string{
		{"listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port)},
		{"listen [::]:80;\n", ""},
		{"root /var/www/nansha3;", "root " + site + ";"},
	} {
		if !strings.Contains(sample, r[0]) {
			return "", fmt.Errorf("no longer holds %q, which is rewritten (as an admin would)", r[0])
		}
		sample = strings.ReplaceAll(sample, r[0], r[1])
	}
	return sample, nil
}

// Write writes into dir the server blocks siteConf (site.conf), Debian's
// mime.types, which the kit's "include mime.types" reads from the main
// configuration's folder as from /etc/nginx, and the main configuration
// (nginx.conf), for nginx run with -p dir -c nginx.conf, logging its
// errors to errorLog. It returns the main configuration's path.
func Write(dir, errorLog, siteConf string) (string, error) {
	mime, err := os.ReadFile("/etc/nginx/mime.types")
	if err != nil {
		return "", err
	}
	site := filepath.Join(dir, "site.conf")
	conf := filepath.Join(dir, "nginx.conf")
	for _, f := range []struct{ name, text string }{
		{filepath.Join(dir, "mime.types"), string(mime)},
		{site, siteConf},
		{conf, mainConf(dir, errorLog, site, os.Geteuid() == 0)},
	} {
		if err := os.WriteFile(f.name, []byte(f.text), 0o644); err != nil {
			return "", err
		}
	}
	return conf, nil
}

// mainConf is the main configuration for nginx run with -p dir, logging
// errors to errorLog and serving the server blocks in siteConf. asRoot
// says nginx is started by root, whose workers then keep root's rights,
// as the folders are root's.
func mainConf(dir, errorLog, siteConf string, asRoot bool) string {
	user := ""
	if asRoot {
		user = "user root;"
	}
	return fmt.Sprintf(`daemon off;
%s
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[3]s;
events { worker_connections 256; }
http {
	sendfile on;
	tcp_nopush on;
	types_hash_max_size 2048;
	include mime.types;
	default_type application/octet-stream;
	access_log off;
	gzip on;
	client_body_temp_path %[2]s/body;
	proxy_temp_path %[2]s/proxy;
	fastcgi_temp_path %[2]s/fastcgi;
	uwsgi_temp_path %[2]s/uwsgi;
	scgi_temp_path %[2]s/scgi;
	include %[4]s;
}
`, user, dir, errorLog, siteConf)
}
