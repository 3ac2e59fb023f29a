package corpus

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Reading a record's body alone (Store.Bodies: the texts a quoted phrase
// is verified on, the proximity rerank and an abbreviation's rerank read).
// encoding/json validates the whole record and decodes every field; the
// body is the only one wanted, so jsonBody walks the record's top-level
// object, skipping the other values, and unquotes the summary and body
// only. On 3,000 scale documents that took the JSON share of a phrase
// candidate's verification from ~35 % to ~10 % (docs/performance.md,
// "i21-edges").
//
// It is exact or it declines: a record whose JSON it does not read the
// way encoding/json would (a key spelt in another case, a value of
// another type, a surrogate \u escape, invalid UTF-8, any syntax it does
// not expect) makes it report false, and the caller decodes the record in
// full, so the body and the syntax errors are those of json.Unmarshal
// (FuzzRecordBody compares the two). One difference is left: a
// well-formed record with a field of another type ("seq":"x", which no
// writer of the store makes, and a damaged frame fails its checksum
// first) reads its body here where the full decode fails.

// jsonBody returns Document.FullBody of a record's JSON, or false.
func jsonBody(raw []byte) (string, bool) {
	p := jsonScan{b: raw}
	p.ws()
	if !p.eat('{') {
		return "", false
	}
	var body, summary string
	p.ws()
	if p.eat('}') {
		return "", p.end()
	}
	for {
		p.ws()
		key, ok := p.key()
		if !ok {
			return "", false
		}
		p.ws()
		if !p.eat(':') {
			return "", false
		}
		p.ws()
		switch {
		case key == "body":
			body, ok = p.str()
		case key == "summary":
			summary, ok = p.str()
		case strings.EqualFold(key, "body") || strings.EqualFold(key, "summary"):
			return "", false // encoding/json matches keys without case
		default:
			ok = p.skip(0)
		}
		if !ok {
			return "", false
		}
		p.ws()
		if p.eat('}') {
			break
		}
		if !p.eat(',') {
			return "", false
		}
	}
	if !p.end() {
		return "", false
	}
	if summary != "" && !strings.Contains(body, summary) {
		return summary + "\n" + body, true
	}
	return body, true
}

// jsonScan is a cursor over JSON text.
type jsonScan struct {
	b []byte
	i int
}

func (p *jsonScan) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonScan) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (p *jsonScan) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// key reads an object key without escapes.
func (p *jsonScan) key() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	n := runEnd(p.b[p.i:])
	if n < 0 || p.b[p.i+n] != '"' || !utf8.Valid(p.b[p.i:p.i+n]) {
		return "", false
	}
	k := p.b[p.i : p.i+n]
	p.i += n + 1
	return string(k), true
}

// str reads a string value, unquoted as encoding/json does.
func (p *jsonScan) str() (string, bool) {
	var out strings.Builder
	ok := p.scanStr(&out)
	return out.String(), ok
}

// scanStr passes over a string value, writing it unquoted to out (nil:
// only checked as encoding/json's scanner checks it).
func (p *jsonScan) scanStr(out *strings.Builder) bool {
	if !p.eat('"') {
		return false
	}
	for {
		n := runEnd(p.b[p.i:])
		if n < 0 {
			return false
		}
		run := p.b[p.i : p.i+n]
		if out != nil && !utf8.Valid(run) {
			return false // encoding/json replaces invalid bytes
		}
		end := p.b[p.i+n] == '"'
		switch {
		case out == nil:
		case out.Cap() == 0 && end:
			out.Write(run) // no escape: one copy
		case out.Cap() == 0:
			out.Grow(len(p.b) - p.i) // at most the rest of the record
			fallthrough
		default:
			out.Write(run)
		}
		p.i += n + 1
		if end {
			return true
		}
		if p.i >= len(p.b) {
			return false
		}
		c := p.b[p.i]
		p.i++
		if c == 'u' {
			r, ok := hex4(p.b[p.i:])
			if !ok {
				return false
			}
			p.i += 4
			if out == nil {
				continue
			}
			if utf8.RuneLen(r) < 0 { // a surrogate: encoding/json pairs them
				return false
			}
			out.WriteRune(r)
			continue
		}
		x := unescape[c]
		if x == 0 {
			return false
		}
		if out != nil {
			out.WriteByte(x)
		}
	}
}

// unescape is the byte of a one-letter escape, 0 for none.
var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// runEnd is the index of the first '"' or '\\' of a string's text, or -1
// when there is none or a control character comes first (encoding/json
// refuses one inside a string).
func runEnd(b []byte) int {
	for i, c := range b {
		switch {
		case c == '"' || c == '\\':
			return i
		case c < 0x20:
			return -1
		}
	}
	return -1
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
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
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip passes over one value (depth: of the containers around it).
func (p *jsonScan) skip(depth int) bool {
	if depth > 64 || p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '"':
		return p.scanStr(nil)
	case c == '{' || c == '[':
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		p.i++
		p.ws()
		if p.eat(closer) {
			return true
		}
		for {
			p.ws()
			if c == '{' {
				if _, ok := p.key(); !ok {
					return false
				}
				p.ws()
				if !p.eat(':') {
					return false
				}
				p.ws()
			}
			if !p.skip(depth + 1) {
				return false
			}
			p.ws()
			if p.eat(closer) {
				return true
			}
			if !p.eat(',') {
				return false
			}
		}
	case c == 't':
		return p.word("true")
	case c == 'f':
		return p.word("false")
	case c == 'n':
		return p.word("null")
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	return false
}

func (p *jsonScan) word(w string) bool {
	if bytes.HasPrefix(p.b[p.i:], []byte(w)) {
		p.i += len(w)
		return true
	}
	return false
}

// number passes over a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonScan) number() bool {
	p.eat('-')
	digits := func() int {
		n := 0
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i, n = p.i+1, n+1
		}
		return n
	}
	if p.eat('0') {
		// no more integer digits
	} else if digits() == 0 {
		return false
	}
	if p.eat('.') && digits() == 0 {
		return false
	}
	if p.eat('e') || p.eat('E') {
		if !p.eat('+') {
			p.eat('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}
