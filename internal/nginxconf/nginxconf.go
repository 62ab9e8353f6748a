// Package nginxconf writes the main nginx configuration that the
// deployment kit's file (deploy/nginx) is tried under, by the deployment
// tests (internal/servertest) and by go run ./bench/lighthouse: the parts
// of Debian's /etc/nginx/nginx.conf the kit relies on (mime.types, gzip for
// HTML), with nginx's pid file, log and temporary files in one folder, so
// that it runs as any user, in the foreground.
package nginxconf

import "fmt"

// Main is the main configuration for nginx run with -p dir, logging errors
// to errorLog and serving the server blocks in siteConf. Its "include
// mime.types" is relative to the main configuration's folder, as in
// /etc/nginx: copy Debian's there. asRoot says nginx is started by root,
// whose workers then keep root's rights, as the folders are root's.
func Main(dir, errorLog, siteConf string, asRoot bool) string {
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
