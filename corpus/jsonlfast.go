package corpus

import (
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// parseRecord decodes line into r as json.Unmarshal does, for the lines a
// BEIR corpus is made of: one object whose keys are Record's, spelled as
// its tags, with string values (and "metadata", an object of PartMeta's
// keys and string values). It returns false, with r partly written, for
// any other line — another key or spelling, a number, null, a nested
// value elsewhere, an escaped key, a string with a control character or
// invalid UTF-8, anything not JSON — which the caller then decodes with
// json.Unmarshal, so every line decodes as encoding/json decodes it
// (FuzzParseRecord). A bulk ingest spent 6 % of its CPU in
// json.Unmarshal, which validates a line, then scans it again to decode
// it, through reflection (docs/performance.md, "i21-cpu").
func parseRecord(line []byte, r *Record) bool {
	p := recParser{s: line}
	if !p.object(func(key []byte) bool {
		if string(key) == "metadata" {
			return p.meta(&r.Metadata)
		}
		f := r.field(key)
		if f == nil {
			return false
		}
		var ok bool
		*f, ok = p.str()
		return ok
	}) {
		return false
	}
	p.space()
	return p.i == len(p.s)
}

// parseDocument decodes a record's JSON into d as json.Unmarshal does,
// for the records the store writes for most documents: an object of
// Document's keys whose values are strings, the sequence and the
// truncated size plain non-negative integers, the flags true or false.
// It returns false, with d partly written, for anything else (a
// fetched_at time, attachments, a file, another key or spelling, null, a
// number that is not plain digits), which the caller then decodes with
// json.Unmarshal (FuzzParseDocument). Reading the records back for the
// index build spent 2 % of a bulk ingest's CPU in json.Unmarshal.
func parseDocument(raw []byte, d *Document) bool {
	p := recParser{s: raw}
	if !p.object(func(key []byte) bool {
		if f := d.field(key); f != nil {
			var ok bool
			*f, ok = p.str()
			return ok
		}
		switch string(key) {
		case "seq":
			n, ok := p.uint()
			d.Seq = n
			return ok
		case "truncated":
			n, ok := p.uint()
			d.Truncated = int(n)
			return ok
		case "gone":
			return p.bool(&d.Gone)
		case "date_ambiguous":
			return p.bool(&d.DateAmbiguous)
		}
		return false
	}) {
		return false
	}
	p.space()
	return p.i == len(p.s)
}

// field is the string field of d whose tag is key, nil for none.
func (d *Document) field(key []byte) *string {
	switch string(key) {
	case "id":
		return &d.ID
	case "url":
		return &d.URL
	case "site":
		return &d.Site
	case "title":
		return &d.Title
	case "published":
		return &d.Published
	case "summary":
		return &d.Summary
	case "body":
		return &d.Body
	case "category":
		return &d.Category
	case "type":
		return &d.Type
	case "number":
		return &d.Number
	case "issuer":
		return &d.Issuer
	case "part_of":
		return &d.PartOf
	case "hash":
		return &d.Hash
	case "parent":
		return &d.Parent
	}
	return nil
}

// uint reads a non-negative integer of at most 18 digits, without a
// leading zero (JSON's form), followed by a delimiter.
func (p *recParser) uint() (uint64, bool) {
	start := p.i
	var n uint64
	for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		n = n*10 + uint64(p.s[p.i]-'0')
		p.i++
	}
	digits := p.i - start
	if digits == 0 || digits > 18 || (digits > 1 && p.s[start] == '0') {
		return 0, false
	}
	if p.i < len(p.s) {
		switch p.s[p.i] {
		case ',', '}', ' ', '\t', '\n', '\r':
		default:
			return 0, false // a fraction or an exponent
		}
	}
	return n, true
}

// bool reads true or false into b.
func (p *recParser) bool(b *bool) bool {
	for _, w := range []string{"true", "false"} {
		if len(p.s)-p.i >= len(w) && string(p.s[p.i:p.i+len(w)]) == w {
			p.i += len(w)
			*b = w == "true"
			return true
		}
	}
	return false
}

// field is the string field of r whose tag is key, nil for none.
func (r *Record) field(key []byte) *string {
	switch string(key) {
	case "_id":
		return &r.ID
	case "title":
		return &r.Title
	case "text":
		return &r.Text
	case "url":
		return &r.URL
	case "published":
		return &r.Published
	case "type":
		return &r.Type
	case "number":
		return &r.Number
	case "issuer":
		return &r.Issuer
	}
	return nil
}

// recParser reads a JSON text from s at i.
type recParser struct {
	s []byte
	i int
}

// space skips JSON white space.
func (p *recParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next skips white space and reads byte c.
func (p *recParser) next(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// object reads an object, calling value with each key (unescaped keys
// only) to read its value.
func (p *recParser) object(value func(key []byte) bool) bool {
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return true
	}
	for {
		key, ok := p.key()
		if !ok || !p.next(':') {
			return false
		}
		p.space()
		if !value(key) {
			return false
		}
		if p.next(',') {
			continue
		}
		return p.next('}')
	}
}

// key reads a key without escapes or bytes outside printable ASCII.
func (p *recParser) key() ([]byte, bool) {
	if !p.next('"') {
		return nil, false
	}
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return p.s[start : p.i-1], true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return nil, false
		}
		p.i++
	}
	return nil, false
}

// meta reads a metadata object into m, as Unmarshal does into the same
// struct (a key given twice: the last value).
func (p *recParser) meta(m *PartMeta) bool {
	return p.object(func(key []byte) bool {
		var f *string
		switch string(key) {
		case "law":
			f = &m.Law
		case "article":
			f = &m.Article
		default:
			return false
		}
		var ok bool
		*f, ok = p.str()
		return ok
	})
}

// str reads a string value: its bytes as they are when it has no escape,
// else unescaped as encoding/json's unquote does (a lone or reversed
// surrogate becomes U+FFFD). A control character or invalid UTF-8 is
// refused (Unmarshal refuses the one and replaces the other).
func (p *recParser) str() (string, bool) {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		return "", false
	}
	p.i++
	start := p.i
	var b []byte // the unescaped value, once an escape is met
	for {
		run := p.i
		for p.i < len(p.s) && p.s[p.i] != '"' && p.s[p.i] != '\\' && p.s[p.i] >= 0x20 {
			p.i++
		}
		// a run ends at an ASCII byte, never inside a character
		if !utf8.Valid(p.s[run:p.i]) {
			return "", false
		}
		if b != nil {
			b = append(b, p.s[run:p.i]...)
		}
		if p.i >= len(p.s) || p.s[p.i] < 0x20 {
			return "", false
		}
		if p.s[p.i] == '"' {
			p.i++
			if b == nil {
				return string(p.s[start : p.i-1]), true
			}
			// b is the string's own, never written again
			return unsafe.String(unsafe.SliceData(b), len(b)), true
		}
		if b == nil {
			// the value unescaped is at most as long as escaped
			end := p.i
			for end < len(p.s) && p.s[end] != '"' {
				if p.s[end] == '\\' {
					end++
				}
				end++
			}
			b = make([]byte, 0, min(end, len(p.s))-start)
			b = append(b, p.s[start:p.i]...)
		}
		var ok bool
		if b, ok = p.escape(b); !ok {
			return "", false
		}
	}
}

// escape appends the character of the escape at i to b.
func (p *recParser) escape(b []byte) ([]byte, bool) {
	if p.i+1 >= len(p.s) {
		return b, false
	}
	e := p.s[p.i+1]
	p.i += 2
	switch e {
	case '"', '\\', '/':
		return append(b, e), true
	case 'b':
		return append(b, '\b'), true
	case 'f':
		return append(b, '\f'), true
	case 'n':
		return append(b, '\n'), true
	case 'r':
		return append(b, '\r'), true
	case 't':
		return append(b, '\t'), true
	case 'u':
		r, ok := p.u4()
		if !ok {
			return b, false
		}
		if utf16.IsSurrogate(r) {
			// a pair when a second \u follows that completes it
			if p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
				save := p.i
				p.i += 2
				r2, ok := p.u4()
				if !ok {
					return b, false
				}
				if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
					return utf8.AppendRune(b, d), true
				}
				p.i = save // not a pair: the second is read on its own
			}
			r = unicode.ReplacementChar
		}
		return utf8.AppendRune(b, r), true
	}
	return b, false
}

// u4 reads the four hexadecimal digits of a \u escape.
func (p *recParser) u4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	var r rune
	for _, c := range p.s[p.i : p.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	p.i += 4
	return r, true
}
