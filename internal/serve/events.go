package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// hub tells the open pages about builds, over Server-Sent Events (the
// browser's EventSource reconnects by itself; no library needed on either
// side). Events, each a JSON object:
//
//	hello   {"build": N}                  on connecting: the latest build
//	reload  {"build": N, "paths": [...]}  after each build: the output paths
//	                                      it changed; null when every page
//	                                      should reload (failed or recovered)
//
// A build that changed the pages of particular measures and also the pages
// that show every measure (slow in a large site) sends two reload events:
// the first, with "partial": true, as soon as the former are written.
type hub struct {
	mu      sync.Mutex
	build   int // the latest build's number
	clients map[chan []byte]bool
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan []byte]bool{}} }

// latest returns the number of the latest build.
func (h *hub) latest() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.build
}

// publish announces build n and the paths it changed (nil: all); partial
// when more are to come.
func (h *hub) publish(n int, paths []string, partial bool) {
	data, _ := json.Marshal(struct {
		Build   int      `json:"build"`
		Paths   []string `json:"paths"`
		Partial bool     `json:"partial,omitempty"`
	}{n, paths, partial})
	msg := fmt.Appendf(nil, "event: reload\ndata: %s\n\n", data)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.build = n
	for c := range h.clients {
		select {
		case c <- msg:
		default:
			// A client that does not keep up is dropped; when it
			// reconnects, hello tells it what it missed.
			close(c)
			delete(h.clients, c)
		}
	}
}

// close ends every stream, so that the server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		close(c)
		delete(h.clients, c)
	}
}

func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := make(chan []byte, 16)
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, l10n.Sprintf("shutting down"), http.StatusServiceUnavailable)
		return
	}
	h.clients[c] = true
	n := h.build
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		if h.clients[c] {
			delete(h.clients, c)
		}
		h.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	// retry: reconnect quickly when the server is restarted.
	if _, err := fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: {\"build\":%d}\n\n", n); err != nil {
		return
	}
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case msg, ok := <-c:
			if !ok {
				return
			}
			if _, err := w.Write(msg); err != nil {
				return
			}
			if rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}
