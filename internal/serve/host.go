package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// hostCheck decides which Host headers the server answers. A page of any
// web site can make the browser send requests to the preview through a
// name of its own that it points at 127.0.0.1 (DNS rebinding) and then read
// the answers as its own; such requests carry that name in the Host header,
// so the server answers only to the names and addresses that mean this
// computer, on the port it listens on, and refuses the rest with 403.
type hostCheck struct {
	port string // the port in use
	// others are the addresses accepted besides the loopback ones: the
	// address the server is bound to, when it is a specific address that
	// is not a loopback one (a preview opened to the network).
	others []netip.Addr
}

// newHostCheck returns the check for a server listening on addr.
func newHostCheck(addr net.Addr) hostCheck {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil { // not TCP: nothing but loopback names
		return hostCheck{}
	}
	h := hostCheck{port: strconv.Itoa(int(ap.Port()))}
	if a := ap.Addr().Unmap(); !a.IsLoopback() && !a.IsUnspecified() {
		h.others = append(h.others, a)
	}
	return h
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
	return name == "localhost" || strings.HasSuffix(name, ".localhost") && validName(name)
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
	http.Error(w, "403 Forbidden: microsite serve answers only to this computer's own addresses "+
		"(http://127.0.0.1:"+h.port+"/ or http://localhost:"+h.port+"/), not to Host "+strconv.Quote(r.Host), http.StatusForbidden)
}
