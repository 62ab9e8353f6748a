//go:build unix

package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/gzgov/nansha-microsite/internal/nginxconf"
)

// kitFile is the deployment kit's nginx file for a site at a host's root.
const kitFile = "deploy/nginx/nansha3.conf"

// server is nginx serving the built site.
type server struct {
	url string
	cmd *exec.Cmd
	log string
}

// serve serves the built site in site with Debian's nginx and the kit's
// file, with only what an admin changes rewritten (the port, the site's
// folder), in a main configuration like Debian's (mime.types, gzip for
// HTML), written by internal/nginxconf as for the deployment tests. (This
// command cannot use servertest itself: it is built on package testing,
// which CI keeps out of every non-test package.)
func serve(dir, site string) (*server, error) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		if nginx, err = exec.LookPath("/usr/sbin/nginx"); err != nil {
			return nil, errors.New("nginx is not installed (apt-get install nginx-light)")
		}
	}
	sample, err := os.ReadFile(kitFile)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	conf, err := nginxconf.RootSite(string(sample), site, port)
	if err != nil {
		return nil, fmt.Errorf("%s %v", kitFile, err)
	}
	ngx := filepath.Join(dir, "nginx")
	if err := os.MkdirAll(ngx, 0o755); err != nil {
		return nil, err
	}
	log := filepath.Join(ngx, "error.log")
	main, err := nginxconf.Write(ngx, log, conf)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(nginx, "-p", ngx, "-c", main)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // nginx and its worker, stopped together
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{url: fmt.Sprintf("http://127.0.0.1:%d/", port), cmd: cmd, log: log}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for deadline := time.Now().Add(15 * time.Second); ; {
		select {
		case err := <-exited:
			b, _ := os.ReadFile(log)
			return nil, fmt.Errorf("nginx exited before it served (%v): %s%s", err, out.String(), b)
		default:
		}
		if c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second); err == nil {
			c.Close()
			return s, nil
		}
		if time.Now().After(deadline) {
			s.close()
			return nil, errors.New("nginx is not listening after 15 s: " + out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// close stops nginx (its whole process group) and waits a little for it.
func (s *server) close() {
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	for range 100 {
		if syscall.Kill(s.cmd.Process.Pid, 0) != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
}
