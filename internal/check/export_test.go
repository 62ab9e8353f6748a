package check

// ParsePage reads what check needs from an HTML page, the page alone: the
// tests compare it with the oracle (oldParsePage) and time it. The check
// itself reads pages through a Collector, which keeps less.
func ParsePage(name string, src []byte) (*Page, error) {
	p := &Page{Path: name, IDs: map[string]bool{}}
	if err := scanPage(name, src, p, pageRefs{p}, new(scratch)); err != nil {
		return nil, err
	}
	return p, nil
}

// pageRefs collects the ids and references of p.
type pageRefs struct{ p *Page }

func (r pageRefs) id(v []byte) { r.p.IDs[string(v)] = true }

func (r pageRefs) ref(el *element, attr string, v []byte, fetched bool) {
	r.p.Refs = append(r.p.Refs, Ref{el.String(), attr, string(v), fetched})
}
