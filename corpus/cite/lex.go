package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// Tokens of the relation pass (relation.go). The text around the references
// is cut into folded words, punctuation, line structure and the references
// themselves, once: a gap between two references is read whole when it is
// short and only at both ends when it is long (a cut stands for the middle),
// so the pass costs about as much as the text near references.

type tkind uint8

const (
	tWord  tkind = iota // a word (letters, digits, marks; joined across "." "/" "-" with no space)
	tRef                // a reference: tok.ref is its index
	tComma              // ","
	tSemi               // ";"
	tColon              // ":"
	tOpen               // "("
	tClose              // ")"
	tQuote              // a quotation mark
	tStop               // a sentence end: "." "!" "?" before a capital, a digit, a line end or the end
	tBreak              // a hard line break, a table cell "|", a cut in a long gap, the text's ends
	tItem               // a list marker opening a line: "a)", "1.", "1.2.", "-", "+", "•", "(1)", "II."
)

// Marker classes of tItem (tok.mark).
const (
	markNum    = 1 // 1.  2)  1.2.
	markLetter = 2 // a)  đ)
	markDash   = 3 // -  +  •  *
	markParen  = 4 // (1)  (a)
	markRoman  = 5 // I.  II.
)

type token struct {
	start, end int32 // byte span in the text
	f0, f1     int32 // the folded word in parser.folds (words only)
	kind       tkind
	mark       uint8 // marker class of a tItem
	cap        bool  // a word whose first letter is upper case
	digit      bool  // a word holding a digit
	lex        uint8 // lexicon flags of a word (lexFirst, lexLast)
	ref        int32 // reference index of a tRef
}

// Lexicon flags, looked up once per word when it is read.
const (
	lexFirst uint8 = 1 << iota // may open a cue or a verb group ("sửa", "được", "có")
	lexLast                    // may close a cue
	lexType                    // may open a document type name, or a unit ("Quyết", "Điều"): see selfNP
	lexHot                     // may open an effect phrase or a predicate after a reference ("có", "kể", "được", "hết")
)

// lexicon is a small open-addressing hash set of the folded words the
// relation pass tests, with their flags: a Go map costs more than the rest
// of reading a word.
type lexicon struct {
	hash  [lexSize]uint32
	flags [lexSize]uint8
	word  [lexSize]string
}

const lexSize = 1024 // a power of two, several times the words

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func (l *lexicon) add(w string, f uint8) {
	h := fnv(w)
	for i := h & (lexSize - 1); ; i = (i + 1) & (lexSize - 1) {
		if l.word[i] == "" || l.word[i] == w {
			l.hash[i], l.word[i] = h, w
			l.flags[i] |= f
			return
		}
	}
}

// lookup returns the flags of the word w whose FNV hash is h.
func (l *lexicon) lookup(w []byte, h uint32) uint8 {
	for i := h & (lexSize - 1); l.word[i] != ""; i = (i + 1) & (lexSize - 1) {
		if l.hash[i] == h && l.word[i] == string(w) {
			return l.flags[i]
		}
	}
	return 0
}

var lexWords = func() *lexicon {
	l := new(lexicon)
	for _, w := range []string{fDuoc, fBi, fDa, "co"} {
		l.add(w, lexFirst)
	}
	for _, c := range cueTable {
		l.add(c.words[0], lexFirst)
		l.add(c.words[len(c.words)-1], lexLast)
	}
	for _, t := range doctype.All {
		l.add(viet.Fold(strings.Fields(t.Name)[0]), lexType)
		for _, a := range t.Aliases {
			l.add(viet.Fold(strings.Fields(a)[0]), lexType)
		}
	}
	for _, w := range []string{"van", "dieu", "khoan", "diem", "muc", "chuong", "phan"} {
		l.add(w, lexType)
	}
	for _, w := range []string{"co", "ke", "tu", fDuoc, fBi, fDa, "het", "khong", "cham", "tam", "ngung"} {
		l.add(w, lexHot)
	}
	return l
}()

// foldRunes folds the letters of U+00C0–U+1EFF to an ASCII letter, as
// viet.Fold does (0 for the others).
var foldRunes = func() []byte {
	t := make([]byte, 0x1F00-0xC0)
	for r := rune(0xC0); r < 0x1F00; r++ {
		if f := viet.Fold(string(r)); len(f) == 1 && f[0] < utf8.RuneSelf && unicode.IsLetter(r) {
			t[r-0xC0] = f[0]
		}
	}
	return t
}()

// foldLetterAt folds the letter encoded at s[q] in two bytes (U+00C0–U+07FF)
// or in three starting 0xE1 (U+1000–U+1FFF: ạ … ỹ), the Vietnamese letters,
// without decoding the rune in general: it returns foldRunes of it and its
// size, or 0 when the letter is not one of those (the caller decodes).
func foldLetterAt(s string, q int) (byte, int) {
	switch c := s[q]; {
	case c >= 0xC3 && c < 0xE0 && q+1 < len(s):
		c1 := s[q+1]
		if c1&0xC0 != 0x80 {
			return 0, 0
		}
		if r := rune(c&0x1F)<<6 | rune(c1&0x3F); r < 0x1F00 {
			return foldRunes[r-0xC0], 2
		}
	case c == 0xE1 && q+2 < len(s):
		c1, c2 := s[q+1], s[q+2]
		if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			return 0, 0
		}
		if r := 0x1000 | rune(c1&0x3F)<<6 | rune(c2&0x3F); r < 0x1F00 {
			return foldRunes[r-0xC0], 3
		}
	}
	return 0, 0
}

// Window sizes: how far before a reference (lead) and after it (tail) the
// relation pass reads. The longest Pháp điển trích yếu measured is about
// 600 bytes; a clause head ("Căn cứ") may sit a few hundred bytes before a
// list of references.
const (
	leadWindow = 450
	tailWindow = 550
)

// tokView is a token stream over a text, with the folded words.
type tokView struct {
	s     string
	toks  []token
	folds string
}

// word returns the folded word of token k, or "" when k is out of range or
// not a word.
func (p *tokView) word(k int) string {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tWord {
		return ""
	}
	t := &p.toks[k]
	return p.folds[t.f0:t.f1]
}

// kind returns the kind of token k, tBreak beyond either end.
func (p *tokView) kind(k int) tkind {
	if k < 0 || k >= len(p.toks) {
		return tBreak
	}
	return p.toks[k].kind
}

// lexWindow tokenizes s[a:b] alone (no references).
func lexWindow(s string, a, b int) tokView {
	lx := lexer{s: s, toks: make([]token, 0, 64), folds: make([]byte, 0, 256)}
	lx.brk(a)
	lx.lex(a, b)
	lx.brk(b)
	return tokView{s: s, toks: lx.toks, folds: string(lx.folds)}
}

// lexer builds the token stream of a parser.
type lexer struct {
	s     string
	toks  []token
	folds []byte
}

// lexRefs tokenizes the windows around refs (in order, not overlapping).
func lexRefs(s string, refs []Ref) ([]token, string) {
	n, prev := 0, 0 // bytes to read (references may overlap: "0/CT ngày 1/1/2000/A-A")
	for i := range refs {
		n += max(0, min(refs[i].Start-prev, leadWindow+tailWindow))
		prev = max(prev, refs[i].End)
	}
	n += min(len(s)-prev, tailWindow)
	lx := lexer{s: s, toks: make([]token, 0, 16+2*len(refs)+n/4), folds: make([]byte, 0, n)}
	prev = 0
	lx.brk(0)
	for i := range refs {
		r := &refs[i]
		lx.gap(prev, r.Start, i == 0, false)
		lx.toks = append(lx.toks, token{start: int32(r.Start), end: int32(r.End), kind: tRef, ref: int32(i)})
		prev = max(prev, r.End)
	}
	lx.gap(prev, len(s), false, true)
	lx.brk(len(s))
	return lx.toks, string(lx.folds)
}

// gap tokenizes s[a:b], the text between two references: whole when short,
// else its first tailWindow and last leadWindow bytes around a cut. Before the
// first reference only the lead is read, after the last only the tail.
func (lx *lexer) gap(a, b int, first, last bool) {
	switch {
	case b <= a:
	case first && b-a > leadWindow:
		lx.brk(a)
		lx.lex(wordStartAfter(lx.s, b-leadWindow), b)
	case last && b-a > tailWindow:
		lx.lex(a, wordEndBefore(lx.s, a+tailWindow))
	case b-a > leadWindow+tailWindow:
		lx.lex(a, wordEndBefore(lx.s, a+tailWindow))
		lx.brk(a + tailWindow)
		lx.lex(wordStartAfter(lx.s, b-leadWindow), b)
	default:
		lx.lex(a, b)
	}
}

func (lx *lexer) brk(at int) {
	if n := len(lx.toks); n > 0 && lx.toks[n-1].kind == tBreak {
		return
	}
	lx.toks = append(lx.toks, token{start: int32(at), end: int32(at), kind: tBreak})
}

func (lx *lexer) punct(k tkind, a, b int) {
	lx.toks = append(lx.toks, token{start: int32(a), end: int32(b), kind: k})
}

// wordStartAfter moves q forward to the start of a word or punctuation.
func wordStartAfter(s string, q int) int {
	for q < len(s) && !utf8.RuneStart(s[q]) {
		q++
	}
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !isWordRune(r) {
			break
		}
		q += size
	}
	return q
}

// wordEndBefore moves q back to the end of a word.
func wordEndBefore(s string, q int) int {
	for q > 0 && q < len(s) && !utf8.RuneStart(s[q]) {
		q--
	}
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !isWordRune(r) {
			break
		}
		q -= size
	}
	return q
}

// lex tokenizes s[a:b].
func (lx *lexer) lex(a, b int) {
	s := lx.s
	q := a
	lineStart := a == 0 || s[a-1] == '\n'
	for q < b {
		c := s[q]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				q = lx.newline(q, b)
				lineStart = true
				continue
			case c == ' ' || c == '\t' || c == '\r':
				q++
				continue
			case lineStart:
				lineStart = false
				if e, m := markerAt(s, q, b); e > q {
					lx.brk(q)
					lx.toks = append(lx.toks, token{start: int32(q), end: int32(e), kind: tItem, mark: m})
					q = e
					continue
				}
			}
		}
		lineStart = false
		if c := s[q]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) {
			q = lx.word(q, b) // an ASCII letter or digit: no need to decode
			continue
		}
		r, size := utf8.DecodeRuneInString(s[q:])
		if isWordRune(r) {
			q = lx.word(q, b)
			continue
		}
		switch r {
		case ',':
			lx.punct(tComma, q, q+1)
		case ';':
			lx.punct(tSemi, q, q+1)
		case ':':
			lx.punct(tColon, q, q+1)
		case '(':
			lx.punct(tOpen, q, q+1)
		case ')':
			lx.punct(tClose, q, q+1)
		case '|':
			lx.brk(q)
		case '"', '“', '”', '«', '»', '‘', '’':
			lx.punct(tQuote, q, q+size)
		case '.', '!', '?':
			if sentenceEnd(s, q+size, b) {
				lx.punct(tStop, q, q+size)
			}
		}
		q += size
	}
}

// newline handles the line break at s[q]: a hard break (tBreak) after a line
// ending in ". ; : ! ?", before a blank line, a list marker, a heading or a
// line that starts a clause of its own (markup before it aside: "*Căn cứ
// …;*"), after an all-capitals line, and after a heading line unless the
// next line goes on with it in lower case (wrapsOn); otherwise the line was
// wrapped and the break is a space.
func (lx *lexer) newline(q, b int) int {
	s := lx.s
	prev := q - 1
	for prev >= 0 && (s[prev] == ' ' || s[prev] == '\t' || s[prev] == '\r' || s[prev] == '*') {
		prev--
	}
	n := q + 1
	blank := false
	for n < len(s) && (s[n] == ' ' || s[n] == '\t' || s[n] == '\r' || s[n] == '\n' || s[n] == '>' || s[n] == '#' || s[n] == '*') {
		if s[n] == '\n' {
			blank = true
		}
		n++
	}
	hard := blank || prev < 0 || n >= len(s)
	if !hard {
		switch s[prev] {
		case '.', ';', ':', '!', '?', '|':
			hard = true
		}
	}
	if !hard {
		if e, _ := markerAt(s, n, len(s)); e > n {
			hard = true
		} else if w, ok := wordAt(s, n); ok && startsClause(s, w) && !(w.fold == "thuc" && completedBy(s, prev)) {
			hard = true
		} else if ls := strings.LastIndexByte(s[:prev], '\n') + 1; headingLine(s, ls, prev) && !wrapsOn(s, n) || capsLine(s, ls, prev) {
			hard = true
		}
	}
	if hard {
		lx.brk(q)
	}
	return q + 1
}

// completedBy reports the word ending at s[prev] as one that "thực hiện"
// completes ("Kế hoạch", "triển khai", "về việc", "Chương trình", "Đề
// án", "tiếp tục"): a capitalised "Thực hiện" on the next line is its
// wrapped title ("ban hành Kế hoạch\nThực hiện Nghị quyết …"), not a
// clause of its own (i31-rev-party).
func completedBy(s string, prev int) bool {
	end := prev + 1
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	if start == end {
		return false
	}
	switch foldWord(s[start:end]) {
	case "hoach", "khai", "viec", "trinh", "an", "tuc":
		return true
	}
	return false
}

// wrapsOn reports a line at s[n] that goes on with the line before: it
// opens with a lower-case letter. An article heading wrapped over lines
// ("Điều 2. Sửa đổi, bổ sung một số điều của Nghị định số …" then "ngày
// … của Chính phủ quy định …") is one clause: the date, the issuer and a
// passive in the trích yếu belong to the reference on its first line.
func wrapsOn(s string, n int) bool {
	if n >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsLower(r)
}

// startsClause reports a word that opens a clause or heading of its own at a
// line start: "Điều 5", "Chương II", "Căn cứ", "Theo đề nghị", "Xét",
// "Thực hiện".
func startsClause(s string, w word) bool {
	switch w.fold {
	case "dieu", "chuong", "muc":
		r, _ := utf8.DecodeRuneInString(s[w.start:])
		if !unicode.IsUpper(r) {
			return false
		}
		n := skipSpace(s, w.end)
		return n < len(s) && (isDigit(s[n]) || s[n] == 'I' || s[n] == 'V' || s[n] == 'X')
	case "can", "theo", "xet":
		r, _ := utf8.DecodeRuneInString(s[w.start:])
		return unicode.IsUpper(r)
	case "thuc":
		// "Thực hiện Kế hoạch số …, Ủy ban nhân dân tỉnh ban hành …": a
		// plan's opening line after its trích yếu, which has no stop
		// (i31-party); a wrapped line goes on in lower case.
		r, _ := utf8.DecodeRuneInString(s[w.start:])
		if !unicode.IsUpper(r) {
			return false
		}
		next, ok := wordAt(s, skipSpace(s, w.end))
		return ok && next.fold == "hien"
	}
	return false
}

// headingLine reports whether the line s[start:end+1] is a heading of its
// own: "Điều 40. Hiệu lực thi hành", "Chương V", "Mục 2. …".
func headingLine(s string, start, end int) bool {
	for start < end && (s[start] == ' ' || s[start] == '#' || s[start] == '*' || s[start] == '>') {
		start++
	}
	w, ok := wordAt(s, start)
	return ok && startsClause(s, w) && w.fold != "can" && w.fold != "theo" && w.fold != "xet" && w.fold != "thuc"
}

// capsLine reports whether the line s[start:end+1] is written in capitals
// (a heading: "QUYẾT ĐỊNH", "ĐIỀU KHOẢN THI HÀNH").
func capsLine(s string, start, end int) bool {
	for q := end; q >= start; q-- {
		if c := s[q]; 'a' <= c && c <= 'z' {
			return false // most lines: a lower-case ASCII letter near their end
		}
	}
	letters := 0
	for _, r := range s[start : end+1] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 4
}

// sentenceEnd reports whether a "." (or "!", "?") ending at q closes a
// sentence: it is followed by the end, a line break, or spaces and then a
// capital, a digit or a quotation mark or markup.
func sentenceEnd(s string, q, b int) bool {
	n := q
	for n < len(s) && (s[n] == ' ' || s[n] == '\t' || s[n] == '/' || s[n] == '.') {
		n++
	}
	if n >= len(s) || n >= b || s[n] == '\n' || s[n] == '\r' {
		return true
	}
	if n == q {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '*' || r == '#' || r == '"' || r == '“'
}

// markerAt reads a list marker at a line start (after spaces and markup):
// "a)", "1.", "1.2.", "2)", "-", "+", "•", "(1)", "II.", "**1.**". It returns
// its end (q when there is none) and class.
func markerAt(s string, q0, b int) (int, uint8) {
	q := q0
	for q < b && (s[q] == ' ' || s[q] == '\t' || s[q] == '>' || s[q] == '#' || s[q] == '*') {
		if s[q] == '*' && q+1 < b && s[q+1] == ' ' {
			return q + 1, markDash
		}
		q++
	}
	if q >= b {
		return q0, 0
	}
	end := func(e int, m uint8) (int, uint8) {
		for e < b && s[e] == '*' {
			e++
		}
		if e < b && s[e] != ' ' && s[e] != '\t' {
			return q0, 0
		}
		return e, m
	}
	c := s[q]
	switch {
	case c == '-' || c == '+':
		return end(q+1, markDash)
	case c == '(':
		e := q + 1
		for e < b && e < q+4 && (isDigit(s[e]) || ('a' <= s[e] && s[e] <= 'z')) {
			e++
		}
		if e > q+1 && e < b && s[e] == ')' {
			return end(e+1, markParen)
		}
	case isDigit(c):
		e := q
		for e < b && (isDigit(s[e]) || (s[e] == '.' && e+1 < b && isDigit(s[e+1]))) {
			e++
		}
		if e < b && (s[e] == '.' || s[e] == ')') && e-q <= 6 {
			return end(e+1, markNum)
		}
	case 'a' <= c && c <= 'z':
		if q+1 < b && s[q+1] == ')' {
			return end(q+2, markLetter)
		}
	case c == 'I' || c == 'V' || c == 'X':
		e := q
		for e < b && (s[e] == 'I' || s[e] == 'V' || s[e] == 'X') {
			e++
		}
		if e < b && s[e] == '.' && e-q <= 4 {
			return end(e+1, markRoman)
		}
	}
	if r, size := utf8.DecodeRuneInString(s[q:]); r == '•' || r == '–' || r == '·' {
		return end(q+size, markDash)
	} else if r == 'đ' && q+size < b && s[q+size] == ')' {
		return end(q+size+1, markLetter)
	}
	return q0, 0
}

// word reads the word at s[q]: word runes, joined across "." "/" "-"
// between word runes with no space. It folds the word (as viet.Fold) and
// hashes the folded bytes as it reads them, and looks it up in the lexicon.
func (lx *lexer) word(q, b int) int {
	s := lx.s
	start := q
	folds := lx.folds // a local slice: appends stay in registers
	t := token{start: int32(q), kind: tWord, f0: int32(len(folds))}
	if c := s[q]; c < utf8.RuneSelf {
		t.cap = 'A' <= c && c <= 'Z'
	} else {
		r0, _ := utf8.DecodeRuneInString(s[q:])
		t.cap = unicode.IsUpper(r0)
	}
	h := uint32(2166136261) // FNV-1a of the folded word, as fnv
	for q < b {
		c := s[q]
		switch {
		case 'a' <= c && c <= 'z':
		case c >= utf8.RuneSelf:
			// the Vietnamese letters of two bytes and of three starting 0xE1,
			// as foldLetterAt (by hand here: it is not inlined)
			if c >= 0xC3 && c < 0xE0 && q+1 < len(s) && s[q+1]&0xC0 == 0x80 {
				if f := foldRunes[rune(c&0x1F)<<6|rune(s[q+1]&0x3F)-0xC0]; f != 0 {
					c = f
					q++
					break
				}
			} else if c == 0xE1 && q+2 < len(s) && s[q+1]&0xC0 == 0x80 && s[q+2]&0xC0 == 0x80 {
				if r := 0x1000 | rune(s[q+1]&0x3F)<<6 | rune(s[q+2]&0x3F); r < 0x1F00 && foldRunes[r-0xC0] != 0 {
					c = foldRunes[r-0xC0]
					q += 2
					break
				}
			}
			r, size := utf8.DecodeRuneInString(s[q:])
			n := len(folds)
			switch {
			case r >= 0xC0 && r < 0x1F00 && foldRunes[r-0xC0] != 0:
				folds = append(folds, foldRunes[r-0xC0])
			case r >= 0x300 && r <= 0x36F:
				// a combining mark: folded away
			case isWordRune(r):
				folds = viet.AppendFold(folds, s[q:q+size])
			default:
				goto end
			}
			for _, c := range folds[n:] {
				h = (h ^ uint32(c)) * 16777619
			}
			q += size
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			t.digit = true
		case (c == '.' || c == '/' || c == '-') && q+1 < b && q > start:
			if r2, _ := utf8.DecodeRuneInString(s[q+1:]); !isWordRune(r2) {
				goto end
			}
		default:
			goto end
		}
		folds = append(folds, c)
		h = (h ^ uint32(c)) * 16777619
		q++
	}
end:
	lx.folds = folds
	t.end = int32(q)
	t.f1 = int32(len(folds))
	if f := folds[t.f0:t.f1]; len(f) <= 8 && !t.digit {
		t.lex = lexWords.lookup(f, h)
	}
	lx.toks = append(lx.toks, t)
	return q
}
