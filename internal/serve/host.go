package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// hostCheck decides which Host headers the server answers. A page of any
// web site can make the browser send requests to the preview through a
// name of its own that it points at 127.0.0.1 (DNS rebinding) and then read
// the answers as its own; such requests carry that name in the Host header,
// so the server answers only to the names and addresses that mean this
// computer, on the port it listens on, and refuses the rest with 403.
type hostCheck struct {
	port string // the port in use
	// others are the addresses accepted besides the loopback ones, when
	// the preview is opened to the network (serve --bind): the address
	// the server is bound to, or every address of this computer when it
	// is bound to all of them (0.0.0.0, ::).
	others []netip.Addr
	// name is the host name the server was bound to, when it was given
	// one that is not localhost: the name the others reach it by.
	name string
}

// newHostCheck returns the check for a server listening on addr, bound
// to the host bind (as given: "127.0.0.1", "0.0.0.0", "pc.example"), on a
// computer whose addresses are local.
func newHostCheck(addr net.Addr, bind string, local func() []netip.Addr) hostCheck {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil { // not TCP: nothing but loopback names
		return hostCheck{}
	}
	h := hostCheck{port: strconv.Itoa(int(ap.Port()))}
	switch a := ap.Addr().Unmap(); {
	case a.IsUnspecified():
		for _, l := range local() {
			if l = l.Unmap(); !l.IsLoopback() && l.Is4() == a.Is4() {
				h.others = append(h.others, l)
			}
		}
	case !a.IsLoopback():
		h.others = append(h.others, a)
	}
	if _, err := netip.ParseAddr(strings.Trim(bind, "[]")); err != nil && bind != "" && len(h.others) > 0 {
		h.name = strings.ToLower(bind)
	}
	return h
}

// localAddrs lists this computer's addresses, for a server bound to all
// of them.
func localAddrs() []netip.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, a := range addrs {
		if p, err := netip.ParsePrefix(a.String()); err == nil && !p.Addr().IsLinkLocalUnicast() {
			out = append(out, p.Addr())
		}
	}
	return out
}

// exposed lists the addresses other computers can reach the server at,
// as URLs: none when it answers this computer only.
func (h hostCheck) exposed() []string {
	var urls []string
	if h.name != "" {
		urls = append(urls, "http://"+net.JoinHostPort(h.name, h.port)+"/")
	}
	for _, a := range h.others {
		urls = append(urls, "http://"+net.JoinHostPort(a.String(), h.port)+"/")
	}
	return urls
}

// allows reports whether the server answers a request with this Host
// header: localhost, a name under .localhost (RFC 6761 keeps them on this
// computer), a loopback address, or an address in others; with the port in
// use, which a browser leaves out only for port 80.
func (h hostCheck) allows(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = host, "80"
		if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
			name = name[1 : len(name)-1]
		}
	}
	if port != h.port || name == "" {
		return false
	}
	if a, err := netip.ParseAddr(name); err == nil {
		a = a.Unmap()
		if a.Zone() != "" {
			return false
		}
		for _, o := range h.others {
			if a == o {
				return true
			}
		}
		return a.IsLoopback()
	}
	name = strings.ToLower(name)
	return name == "localhost" || (strings.HasSuffix(name, ".localhost") || name == h.name && h.name != "") && validName(name)
}

// validName reports whether name is made of DNS labels: letters, digits
// and hyphens, none empty (no trailing dot, which would make the name one
// for the DNS to answer).
func validName(name string) bool {
	for label := range strings.SplitSeq(name, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, c := range label {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// refuse answers a request whose Host header the server does not answer to.
func (h hostCheck) refuse(w http.ResponseWriter, r *http.Request) {
	http.Error(w, l10n.Sprintf("403 Forbidden: microsite serve answers only to this computer's own addresses (http://127.0.0.1:%s/ or http://localhost:%s/), not to Host %q", h.port, h.port, r.Host), http.StatusForbidden)
}
