package corpus

import (
	"strings"
)

// Reading a record's head alone (Store.Head: the title, number and URL
// that lists name a document by — a resolution's page names 100 citing
// documents and 200 relations). encoding/json validates the whole record
// and walks the body character by character in its state machine;
// jsonHead walks the top-level object with jsonscan.go's scanner,
// passing over the body, summary and attachments, and unquotes the head's
// fields only (docs/log/i17-respage.md).
//
// It is exact or it declines, as jsonBody is: a key spelt in another case
// than the field's, a head field of another type (or null), a seq that is
// not a plain non-negative integer of at most 18 digits, invalid UTF-8 in a
// head field, any syntax it does not expect — and the
// caller decodes the record with encoding/json (FuzzRecordHead compares
// the two).

// jsonHead returns the head of a record's JSON, or false.
func jsonHead(raw []byte) (head, bool) {
	var h head
	p := jsonScan{b: raw}
	ok := p.object(func(key []byte) bool {
		if f := h.field(string(key)); f != nil {
			var ok bool
			*f, ok = p.str()
			return ok
		}
		switch string(key) {
		case "gone":
			return p.bool(&h.Gone)
		case "seq":
			var ok bool
			h.Seq, ok = p.uint()
			return ok
		}
		if headKey(string(key)) {
			return false // encoding/json matches keys without case
		}
		return p.skip(0)
	})
	return h, ok && p.end()
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
