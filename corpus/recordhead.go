package corpus

import (
	"strings"
)

// Reading a record's head alone (Store.Head: the title, number and URL
// that lists name a document by — a resolution's page names 100 citing
// documents and 200 relations). encoding/json validates the whole record
// and walks the body character by character in its state machine;
// jsonHead walks the top-level object with recordbody.go's scanner,
// passing over the body, summary and attachments, and unquotes the head's
// fields only (docs/design.md "i17-respage").
//
// It is exact or it declines, as jsonBody is: a key spelt in another case
// than the field's, a head field of another type (or null), a seq that is
// not a plain non-negative integer of 64 bits, invalid UTF-8 in a head
// field, a surrogate escape, any syntax it does not expect — and the
// caller decodes the record with encoding/json (FuzzRecordHead compares
// the two).

// jsonHead returns the head of a record's JSON, or false.
func jsonHead(raw []byte) (head, bool) {
	var h head
	p := jsonScan{b: raw}
	p.ws()
	if !p.eat('{') {
		return h, false
	}
	p.ws()
	if p.eat('}') {
		return h, p.end()
	}
	for {
		p.ws()
		key, ok := p.key()
		if !ok {
			return h, false
		}
		p.ws()
		if !p.eat(':') {
			return h, false
		}
		p.ws()
		if f := h.field(key); f != nil {
			*f, ok = p.str()
		} else {
			switch {
			case key == "gone":
				h.Gone, ok = p.boolean()
			case key == "seq":
				h.Seq, ok = p.uint()
			case headKey(key):
				return h, false // encoding/json matches keys without case
			default:
				ok = p.skip(0)
			}
		}
		if !ok {
			return h, false
		}
		p.ws()
		if p.eat('}') {
			break
		}
		if !p.eat(',') {
			return h, false
		}
	}
	return h, p.end()
}

// field is the string field of h named key exactly, nil for none.
func (h *head) field(key string) *string {
	switch key {
	case "id":
		return &h.ID
	case "url":
		return &h.URL
	case "site":
		return &h.Site
	case "title":
		return &h.Title
	case "published":
		return &h.Published
	case "category":
		return &h.Category
	case "type":
		return &h.Type
	case "number":
		return &h.Number
	case "issuer":
		return &h.Issuer
	case "hash":
		return &h.Hash
	}
	return nil
}

// headKey reports a key encoding/json would read into a head field.
func headKey(key string) bool {
	for _, k := range []string{"id", "url", "site", "title", "published", "category", "type", "number", "issuer", "hash", "gone", "seq"} {
		if strings.EqualFold(key, k) {
			return true
		}
	}
	return false
}

// boolean reads true or false.
func (p *jsonScan) boolean() (bool, bool) {
	switch {
	case p.word("true"):
		return true, true
	case p.word("false"):
		return false, true
	}
	return false, false
}

// uint reads a non-negative integer without fraction or exponent that
// fits 64 bits.
func (p *jsonScan) uint() (uint64, bool) {
	start := p.i
	var n uint64
	for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
		d := uint64(p.b[p.i] - '0')
		if n > (1<<64-1-d)/10 {
			return 0, false
		}
		n = n*10 + d
		p.i++
	}
	switch {
	case p.i == start, p.b[start] == '0' && p.i > start+1:
		return 0, false
	case p.i < len(p.b) && (p.b[p.i] == '.' || p.b[p.i] == 'e' || p.b[p.i] == 'E'):
		return 0, false
	}
	return n, true
}
