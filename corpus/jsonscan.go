package corpus

// jsonScan is the one reader of JSON text behind the direct parsers: a
// record's body (recordbody.go, jsonBody), a store record (jsonlfast.go,
// parseDocument) and a BEIR line (parseRecord). Each reads what it
// expects exactly as encoding/json would or declines, and its caller then
// decodes with encoding/json; the scanner's part of that contract:
//
//   - a key has no escape and is valid UTF-8 (an escaped key declines);
//   - a string read (str) is refused with a control character or invalid
//     UTF-8 (encoding/json refuses the one and replaces the other) and
//     unescaped as encoding/json's unquote does, a lone or reversed
//     surrogate becoming U+FFFD;
//   - a value passed over (skip) is checked as encoding/json's scanner
//     checks it (its strings' bytes are not UTF-8 checked: the decoder
//     replaces invalid bytes there, it does not fail), nested at most 64
//     deep;
//   - white space is JSON's four characters.
//
// The two readers this replaces (recordbody.go's and jsonlfast.go's, each
// with its own string unquoting) differed only in that the body reader
// declined surrogate escapes, which it now reads as encoding/json does.

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonScan is a cursor over JSON text b at i.
type jsonScan struct {
	b []byte
	i int
}

// ws skips JSON white space.
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

// eat reads byte c, if it is next.
func (p *jsonScan) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// next skips white space and reads byte c.
func (p *jsonScan) next(c byte) bool {
	p.ws()
	return p.eat(c)
}

// end reports whether only white space is left.
func (p *jsonScan) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// object reads an object, calling value with each key (at the key's
// value, white space skipped) to read the value.
func (p *jsonScan) object(value func(key []byte) bool) bool {
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return true
	}
	for {
		p.ws()
		key, ok := p.key()
		if !ok || !p.next(':') {
			return false
		}
		p.ws()
		if !value(key) {
			return false
		}
		if p.next(',') {
			continue
		}
		return p.next('}')
	}
}

// key reads an object key without escapes, valid UTF-8; the bytes are
// b's.
func (p *jsonScan) key() ([]byte, bool) {
	if !p.eat('"') {
		return nil, false
	}
	n := stringRun(p.b[p.i:])
	if n == len(p.b)-p.i || p.b[p.i+n] != '"' || !utf8.Valid(p.b[p.i:p.i+n]) {
		return nil, false
	}
	k := p.b[p.i : p.i+n]
	p.i += n + 1
	return k, true
}

// str reads a string value: its bytes as they are when it has no escape,
// else unescaped into one buffer of at most its escaped length.
func (p *jsonScan) str() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	start := p.i
	var out strings.Builder // the unescaped value, once an escape is met
	for {
		n := stringRun(p.b[p.i:])
		run := p.b[p.i : p.i+n]
		p.i += n
		// a run ends at an ASCII byte, never inside a character
		if !utf8.Valid(run) || p.i == len(p.b) || p.b[p.i] < 0x20 {
			return "", false
		}
		if p.b[p.i] == '"' {
			p.i++
			if out.Cap() == 0 {
				return string(run), true
			}
			out.Write(run)
			return out.String(), true
		}
		if out.Cap() == 0 {
			out.Grow(escapedLen(p.b[start:]))
		}
		out.Write(run)
		if !p.escape(&out) {
			return "", false
		}
	}
}

// escapedLen is the length of the string text at the start of b (up to
// its closing quote, or all of b): what its value takes at most once
// unescaped.
func escapedLen(b []byte) int {
	for at := 0; ; {
		q := bytes.IndexByte(b[at:], '"')
		if q < 0 {
			return len(b)
		}
		at += q
		slashes := 0
		for slashes < at && b[at-1-slashes] == '\\' {
			slashes++
		}
		if slashes%2 == 0 {
			return at
		}
		at++
	}
}

// escape reads the escape at i ('\\'), writing its character to out.
func (p *jsonScan) escape(out *strings.Builder) bool {
	if p.i+1 >= len(p.b) {
		return false
	}
	e := p.b[p.i+1]
	p.i += 2
	if e != 'u' {
		x := unescape[e]
		if x == 0 {
			return false
		}
		out.WriteByte(x)
		return true
	}
	r, ok := p.u4()
	if !ok {
		return false
	}
	if utf16.IsSurrogate(r) {
		// a pair when a second \u follows that completes it
		if p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
			save := p.i
			p.i += 2
			r2, ok := p.u4()
			if !ok {
				return false
			}
			if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
				out.WriteRune(d)
				return true
			}
			p.i = save // not a pair: the second is read on its own
		}
		r = unicode.ReplacementChar
	}
	out.WriteRune(r)
	return true
}

// unescape is the byte of a one-letter escape, 0 for none.
var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// u4 reads the four hexadecimal digits of a \u escape.
func (p *jsonScan) u4() (rune, bool) {
	if p.i+4 > len(p.b) {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
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
	p.i += 4
	return r, true
}

// stringRun is the length of b's text up to its first '"', '\\' or
// control character (which a string cannot hold unescaped), len(b) for
// none. It tests eight bytes at a time.
func stringRun(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		q, s := x^('"'*ones), x^('\\'*ones)
		// a byte's high bit set where it is 0 (q, s) or below 0x20 (x):
		// exact for the lowest such byte, which is all that is read
		m := ((q - ones) &^ q) | ((s - ones) &^ s) | ((x - 0x20*ones) &^ x)
		if m &= highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

// skip passes over one value (depth: of the containers around it).
func (p *jsonScan) skip(depth int) bool {
	if depth > 64 || p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '"':
		return p.skipStr()
	case c == '{' || c == '[':
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		p.i++
		if p.next(closer) {
			return true
		}
		for {
			p.ws()
			if c == '{' {
				if _, ok := p.key(); !ok || !p.next(':') {
					return false
				}
				p.ws()
			}
			if !p.skip(depth + 1) {
				return false
			}
			if p.next(closer) {
				return true
			}
			if !p.next(',') {
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

// skipStr passes over a string value, checked as encoding/json's scanner
// checks it.
func (p *jsonScan) skipStr() bool {
	if !p.eat('"') {
		return false
	}
	for {
		p.i += stringRun(p.b[p.i:])
		if p.i == len(p.b) || p.b[p.i] < 0x20 {
			return false
		}
		if p.b[p.i] == '"' {
			p.i++
			return true
		}
		if p.i+1 >= len(p.b) {
			return false
		}
		e := p.b[p.i+1]
		p.i += 2
		if e == 'u' {
			if _, ok := p.u4(); !ok {
				return false
			}
		} else if unescape[e] == 0 {
			return false
		}
	}
}

// word reads the literal w.
func (p *jsonScan) word(w string) bool {
	if len(p.b)-p.i >= len(w) && string(p.b[p.i:p.i+len(w)]) == w {
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

// uint reads a non-negative integer of at most 18 digits, without a
// leading zero (JSON's form), followed by a delimiter.
func (p *jsonScan) uint() (uint64, bool) {
	start := p.i
	var n uint64
	for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
		n = n*10 + uint64(p.b[p.i]-'0')
		p.i++
	}
	digits := p.i - start
	if digits == 0 || digits > 18 || (digits > 1 && p.b[start] == '0') {
		return 0, false
	}
	if p.i < len(p.b) {
		switch p.b[p.i] {
		case ',', '}', ' ', '\t', '\n', '\r':
		default:
			return 0, false // a fraction or an exponent
		}
	}
	return n, true
}

// bool reads true or false into v.
func (p *jsonScan) bool(v *bool) bool {
	switch {
	case p.word("true"):
		*v = true
	case p.word("false"):
		*v = false
	default:
		return false
	}
	return true
}
