package abbrev

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// Kind is how a text defines an abbreviation.
type Kind uint8

const (
	// Initials: an acronym in parentheses after its long form, or the long
	// form in parentheses after the acronym: "Ủy ban nhân dân (UBND)",
	// "BPKCTT (biện pháp khẩn cấp tạm thời)". Only found when the
	// acronym's letters are the initials of the long form's words.
	Initials Kind = iota
	// Named: "(sau đây gọi tắt là X)", "(viết tắt là X)", "(sau đây gọi là
	// X)": the text says that X stands for the words before it.
	Named
	// Cover: "(sau đây gọi chung là X)": X is a cover term for the list
	// before it ("cơ quan, tổ chức, cá nhân (sau đây gọi chung là cơ quan,
	// tổ chức)").
	Cover
)

var kindNames = [...]string{"initials", "named", "cover"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Definition is one definition found in a text.
type Definition struct {
	Short, Long string // as written, spaces collapsed
	Kind        Kind
	// Abbrev: Short is shaped like an abbreviation ("BPKCTT", "TT&TT",
	// "CTr"), not ordinary words ("Trung tâm", "bên bảo lãnh").
	Abbrev bool
	// Consistent: Short's letters are the initials of Long's words (Đ
	// read as D, marks ignored, "và"/"của"… may be skipped).
	Consistent bool
	// Explicit: the text says "gọi tắt là" or "viết tắt là".
	Explicit bool
}

// Usable reports whether d may expand queries over a whole collection:
// its short form is an abbreviation, and either its letters are the
// initials of the long form or the text says in so many words that it is
// an abbreviation of it. A short form of ordinary words ("Trung tâm",
// "Tòa án", the cover terms of gọi chung là) means the long form only
// inside the text that defines it: everywhere else the same words mean
// what they say, and expanding them would add noise to every query that
// uses them.
func (d Definition) Usable() bool { return d.Abbrev && (d.Consistent || d.Explicit) }

// Entry is the definition as a dictionary entry.
func (d Definition) Entry() Entry { return Entry{Short: d.Short, Long: d.Long} }

// Bounds of the miner: an abbreviation has 2–12 letters, a long form read
// by its initials at most maxInitialWords words, one bounded by
// punctuation at most maxLongWords, a short form at most maxShortWords;
// a parenthesis is read only when it closes within maxParen bytes.
const (
	maxLetters      = 12
	maxInitialWords = 16
	maxLongWords    = 10
	maxShortWords   = 8
	maxParen        = 240
	maxBack         = 600
)

// markers are the folded words that introduce a short form inside the
// parenthesis, after an optional "sau đây" and "được".
var markers = []struct {
	words    []string
	kind     Kind
	explicit bool
}{
	{[]string{"goi", "tat", "la"}, Named, true},
	{[]string{"viet", "tat", "la"}, Named, true},
	{[]string{"goi", "tat"}, Named, true},
	{[]string{"viet", "tat"}, Named, true},
	{[]string{"goi", "chung", "la"}, Cover, false},
	{[]string{"goi", "la"}, Named, false},
}

// Mine returns the definitions of abbreviations that text gives, in the
// order they occur. It reads every parenthesis; one that is no
// definition gives nothing. The cost is linear in the text (each
// parenthesis reads at most maxBack bytes before it and maxParen in it).
func Mine(text string) []Definition {
	var out []Definition
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '(')
		if j < 0 {
			break
		}
		open := i + j
		i = open + 1
		end := strings.IndexAny(text[open+1:min(len(text), open+1+maxParen)], "()\n")
		if end < 0 || text[open+1+end] != ')' {
			continue
		}
		inner := text[open+1 : open+1+end]
		if d, ok := definition(text[max(0, open-maxBack):open], inner); ok {
			out = append(out, d)
		}
	}
	return out
}

// span is a word of a text: its bytes and folded form.
type span struct {
	start, end int
	fold       string
}

// spans are the words of s outside document numbers.
func spans(s string) []span {
	var out []span
	numEnd := 0
	viet.Tokenize(s, func(t viet.Token) {
		switch {
		case t.Kind == viet.DocNumber:
			numEnd = t.End
		case t.Start >= numEnd:
			out = append(out, span{t.Start, t.End, viet.Fold(s[t.Start:t.End])})
		}
	})
	return out
}

// definition reads one parenthesis: inner, after the text before.
func definition(before, inner string) (Definition, bool) {
	// the clause the parenthesis follows: not across a sentence, a line,
	// or another parenthesis
	if k := strings.LastIndexAny(before, "\n();:."); k >= 0 {
		before = before[k+1:]
	}
	in := spans(inner)
	if len(in) == 0 {
		return Definition{}, false
	}
	// "(sau đây gọi tắt là X)"
	k := 0
	if k+1 < len(in) && in[k].fold == "sau" && in[k+1].fold == "day" {
		k += 2
	}
	if k < len(in) && in[k].fold == "duoc" {
		k++
	}
	for _, m := range markers {
		if !hasWords(in[k:], m.words) || k+len(m.words) >= len(in) {
			continue
		}
		short := trimShort(inner[in[k+len(m.words)].start:])
		if short == "" || len(spans(short)) > maxShortWords {
			return Definition{}, false
		}
		return named(before, short, m.kind, m.explicit)
	}
	// "Ủy ban nhân dân (UBND)"
	if s := trimShort(inner); isAbbrev(s) {
		if long, ok := byInitials(before, s); ok {
			return Definition{Short: s, Long: long, Kind: Initials, Abbrev: true, Consistent: true}, true
		}
		return Definition{}, false
	}
	// "BPKCTT (biện pháp khẩn cấp tạm thời)"
	short := lastToken(before)
	if !isAbbrev(short) || len(in) > maxInitialWords {
		return Definition{}, false
	}
	if long, ok := byInitials(inner, short); ok && long == trimShort(inner) {
		return Definition{Short: short, Long: long, Kind: Initials, Abbrev: true, Consistent: true}, true
	}
	return Definition{}, false
}

// named is the definition of short by the words before it.
func named(before, short string, kind Kind, explicit bool) (Definition, bool) {
	d := Definition{Short: short, Kind: kind, Abbrev: isAbbrev(short), Explicit: explicit}
	if d.Abbrev {
		if long, ok := byInitials(before, short); ok {
			d.Long, d.Consistent = long, true
			return d, true
		}
	}
	// the words back to the clause's start: a list's commas belong to a
	// cover term's long form, not to a named one's
	b := before
	if kind != Cover {
		if k := strings.LastIndexByte(b, ','); k >= 0 {
			b = b[k+1:]
		}
	}
	ws := spans(b)
	limit := maxLongWords
	if kind == Cover {
		limit = 2 * maxLongWords
	}
	if len(ws) == 0 || len(ws) > limit {
		return Definition{}, false
	}
	d.Long = collapse(b[ws[0].start:ws[len(ws)-1].end])
	return d, true
}

// byInitials finds the shortest run of words ending text whose initials
// spell the letters of short.
func byInitials(text, short string) (string, bool) {
	letters := abbrevLetters(short)
	// at most maxInitialWords words of at most 7 letters (up to 3 bytes
	// each) and a space
	if k := len(text) - maxInitialWords*22; k > 0 {
		if sp := strings.IndexByte(text[k:], ' '); sp >= 0 {
			text = text[k+sp:]
		}
	}
	ws := spans(text)
	if len(ws) == 0 {
		return "", false
	}
	// the run must end the text (nothing but spaces and quotes after it)
	tail := text[ws[len(ws)-1].end:]
	if strings.Trim(tail, " \t\"“”'‘’") != "" {
		return "", false
	}
	for n := 2; n <= min(len(ws), maxInitialWords); n++ {
		run := ws[len(ws)-n:]
		if spell(letters, run) {
			return collapse(text[run[0].start:run[n-1].end]), true
		}
	}
	return "", false
}

// skippable are the folded words an abbreviation may leave out: "KHCN"
// for khoa học và công nghệ.
var skippable = map[string]bool{"va": true, "cua": true, "cac": true, "ve": true, "voi": true, "cho": true, "trong": true, "hoac": true}

// spell reports whether the words ws spell letters by their initials:
// each word gives its first letter or its first two ("CTr", chương
// trình), or, between the first and the last, nothing when skippable.
// The states (word, letter) that failed are remembered, so the cost is at
// most len(ws)·len(letters) steps however the words branch.
func spell(letters string, ws []span) bool {
	if len(ws) > maxInitialWords || len(letters) > maxLetters {
		return false
	}
	var failed [maxInitialWords + 1][maxLetters + 1]bool
	var at func(i, j int) bool
	at = func(i, j int) bool {
		if i == len(ws) || j == len(letters) {
			return i == len(ws) && j == len(letters)
		}
		if failed[i][j] {
			return false
		}
		w, l := ws[i].fold, letters[j:]
		ok := w != "" && isLetter(w[0]) &&
			(w[0] == l[0] && at(i+1, j+1) ||
				len(w) >= 2 && len(l) >= 2 && w[:2] == l[:2] && at(i+1, j+2) ||
				// a skipped word is never the first nor the last
				i > 0 && i < len(ws)-1 && skippable[w] && at(i+1, j))
		failed[i][j] = !ok
		return ok
	}
	return at(0, 0)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// abbrevLetters are the folded letters of an abbreviation: "TT&TT" →
// "tttt", "HĐND" → "hdnd".
func abbrevLetters(s string) string {
	var b strings.Builder
	f := viet.Fold(s)
	for i := 0; i < len(f); i++ {
		if c := f[i]; isLetter(c) {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// IsAbbrev is isAbbrev, for the readers of agencies' names
// (corpus/outline: "Sở GD&ĐT chủ trì" names "GD&ĐT", not "GD&ĐT chủ").
func IsAbbrev(s string) bool { return isAbbrev(s) }

// isAbbrev reports whether s is shaped like an abbreviation: one token of
// letters (and "-", "&", "."), 2–12 letters, starting with a capital, at
// least two capitals and no more small letters than capitals ("UBND",
// "KT-XH", "TT&TT", "CTr"), and not a Roman numeral ("XII").
func isAbbrev(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 2*maxLetters {
		return false
	}
	upper, lower, roman := 0, 0, true
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			roman = roman && strings.ContainsRune("IVXLC", r)
		case unicode.IsLower(r):
			lower++
			roman = false
		case unicode.Is(unicode.Mn, r):
		case i > 0 && strings.ContainsRune("-&.", r):
		default:
			return false
		}
		if i == 0 && !unicode.IsUpper(r) {
			return false
		}
	}
	n := upper + lower
	return upper >= 2 && lower <= upper && n <= maxLetters && !roman && len(abbrevLetters(s)) == n
}

// hasWords reports whether ws starts with the folded words want.
func hasWords(ws []span, want []string) bool {
	if len(ws) < len(want) {
		return false
	}
	for i, w := range want {
		if ws[i].fold != w {
			return false
		}
	}
	return true
}

// trimShort is a short form without the quotes, colon and spaces around
// it: `: “BPKCTT”` → `BPKCTT`.
func trimShort(s string) string {
	return collapse(strings.Trim(s, " \t:\"“”'‘’.,;"))
}

// lastToken is the run of non-space characters ending s.
func lastToken(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
