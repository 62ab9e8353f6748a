package servertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/gzgov/nansha-microsite/internal/nginxconf"
)

// Each server gets a main configuration like Debian's own (the parts the
// kit's file relies on: nginx's mime.types and gzip for HTML, Apache's
// mime.types and deflate.conf, lighttpd's create-mime.conf.pl), with its
// pid file, logs and temporary files in the server's folder, and the
// kit's file in it as its comments say to put it.

func startNginx(s *setup) (*exec.Cmd, error) {
	listen := fmt.Sprintf("listen 127.0.0.1:%d;", s.port)
	var site string
	if s.sub {
		// A location, in the server block of the site it is a folder of.
		kit := s.write("nansha3.conf", s.edit(s.sample, "root /var/www;", "root "+s.www+";"))
		site = fmt.Sprintf("server {\n%s\nroot %s;\ninclude %s;\n}\n", listen, filepath.Join(s.www, "html"), kit)
	} else {
		var err error
		if site, err = nginxconf.RootSite(s.sample, s.site, s.port); err != nil {
			return nil, fmt.Errorf("servertest: deploy/%s %v", s.file(), err)
		}
	}
	conf, err := nginxconf.Write(s.dir, s.log, site)
	if err != nil {
		return nil, err
	}
	return exec.Command(s.program, "-p", s.dir, "-c", conf), nil
}

func startApache(s *setup) (*exec.Cmd, error) {
	var site string
	switch {
	case s.kit.htaccess:
		// The file in the site's folder, in a host that allows it.
		ht := s.sample
		docRoot := s.site
		if s.sub {
			ht = s.edit(ht, "ErrorDocument 404 /", "ErrorDocument 404 "+SubPath, "ErrorDocument 403 /", "ErrorDocument 403 "+SubPath)
			docRoot = s.www
		}
		if err := os.WriteFile(filepath.Join(s.site, ".htaccess"), []byte(ht), 0o644); err != nil {
			return nil, err
		}
		site = fmt.Sprintf(`DocumentRoot %s
<Directory %s>
	AllowOverride FileInfo Indexes Options
	Require all granted
</Directory>
`, docRoot, s.www)
	case s.sub:
		site = fmt.Sprintf("DocumentRoot %s\n<Directory %[1]s>\n\tRequire all granted\n</Directory>\n%s",
			filepath.Join(s.www, "html"), s.edit(s.sample, "/var/www/nansha3", s.site))
	default:
		site = s.edit(s.sample, "<VirtualHost *:80>", fmt.Sprintf("<VirtualHost *:%d>", s.port), "/var/www/nansha3", s.site)
	}
	user := ""
	if root() {
		user = "User www-data\nGroup www-data"
	}
	if err := os.MkdirAll(filepath.Join(s.www, "html"), 0o755); err != nil {
		return nil, err
	}
	const mods = "/usr/lib/apache2/modules/"
	conf := s.write("apache2.conf", fmt.Sprintf(`ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:%[1]d
PidFile %[2]s/apache2.pid
DefaultRuntimeDir %[2]s
Mutex file:%[2]s default
ErrorLog %[3]s
LogLevel warn
%[4]s
LoadModule mpm_event_module %[5]smod_mpm_event.so
LoadModule authz_core_module %[5]smod_authz_core.so
LoadModule dir_module %[5]smod_dir.so
LoadModule mime_module %[5]smod_mime.so
LoadModule alias_module %[5]smod_alias.so
LoadModule filter_module %[5]smod_filter.so
LoadModule deflate_module %[5]smod_deflate.so
LoadModule headers_module %[5]smod_headers.so
TypesConfig /etc/mime.types
Include /etc/apache2/mods-available/deflate.conf
<Directory />
	Options FollowSymLinks
	AllowOverride None
	Require all denied
</Directory>
AccessFileName .htaccess
Include %[6]s
`, s.port, s.dir, s.log, user, mods, s.write("site.conf", site)))
	return exec.Command(s.program, "-f", conf, "-DFOREGROUND"), nil
}

func startLighttpd(s *setup) (*exec.Cmd, error) {
	var site string
	if s.sub {
		site = s.edit(s.sample, `"/var/www"`, strconv.Quote(s.www))
	} else {
		// The host name, as an admin sets it: here, the loopback address.
		site = s.edit(s.sample, `nansha3\.example\.gov\.cn`, `127\.0\.0\.1`, `"/var/www/nansha3"`, strconv.Quote(s.site))
	}
	cache := filepath.Join(s.dir, "compress")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return nil, err
	}
	// Debian's lighttpd.conf, with 20-deflate.conf enabled
	// (lighty-enable-mod deflate) and the kit's file in conf-enabled.
	conf := s.write("lighttpd.conf", fmt.Sprintf(`server.modules = ( "mod_indexfile", "mod_access", "mod_alias", "mod_redirect", "mod_setenv", "mod_deflate" )
server.document-root = %[1]q
server.errorlog = %[2]q
server.pid-file = %[3]q
server.port = %[4]d
server.bind = "127.0.0.1"
index-file.names = ( "index.php", "index.html" )
url.access-deny = ( "~", ".inc" )
static-file.exclude-extensions = ( ".php", ".pl", ".fcgi" )
include_shell "/usr/share/lighttpd/create-mime.conf.pl"
deflate.cache-dir = %[5]q
deflate.mimetypes = ( "application/javascript", "text/css", "text/html", "text/plain" )
include %[6]q
server.modules += ( "mod_dirlisting", "mod_staticfile" )
`, filepath.Join(s.www, "html"), s.log, filepath.Join(s.dir, "lighttpd.pid"), s.port, cache+"/", s.write("nansha3.conf", site)))
	return exec.Command(s.program, "-D", "-f", conf), nil
}
