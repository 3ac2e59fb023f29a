// Package query describes a user's query: it reads the text typed into
// its parts — quoted phrases, exclusions, document numbers whole
// ("154/NQ-CP") or typed without their issuer ("nq 154"), the free text,
// the other side of its abbreviations and the article numbers it cites —
// without an index. Package search builds and runs the index's query from
// this description (search.Build); the tasks view reads its number
// filters with the same rules (tasks.Table). As bleve keeps describing a
// query apart from executing it, this package imports no index.
package query

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/abbrev"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// Query is a parsed user query.
type Query struct {
	Raw     string
	Text    string   // free text: the words outside phrases, exclusions and numbers
	Phrases []string // "quoted phrases"
	Exclude []string // -word or -"phrase"
	Numbers []string // document-number keys (doctype.NumberKey form)
	// Partial numbers typed without an issuer ("nq 154", "nghị quyết 154"):
	// a number and a type code, matched by prefix.
	Partial []PartialNumber
	// Expansions are the other side of the abbreviations in Text ("UBND"
	// → "Ủy ban nhân dân" and back), searched as extra text.
	Expansions []string
	// Articles are the article numbers the text cites ("điều 29" → "29",
	// ArticleRefs); the words stay in Text.
	Articles []string
}

// PartialNumber is a number with a document-type code, e.g. 154 + "nq",
// and the year when one was typed ("nd 30/2020": 30, 2020, "nd").
type PartialNumber struct {
	Number string
	Year   string
	Code   string
}

// Pattern is the regular expression of the number keys (doctype.NumberKey)
// a partial number matches, whole (the index's regexp queries are
// anchored): 154 + "nq" matches "154/nq-cp" and "154/2022/nq-hđnd", not
// "1154/nq-cp" nor "154/kh-ubnd". The tasks view's number filters use it
// too (tasks.Table).
func (pn PartialNumber) Pattern() string {
	year := `(/\d{4})?`
	if pn.Year != "" {
		year = "/" + regexp.QuoteMeta(pn.Year)
	}
	return regexp.QuoteMeta(pn.Number) + year + `[/-]` + regexp.QuoteMeta(pn.Code) + `[/-].*`
}

// PartialNumbers returns the partial numbers typed in s ("nq 154",
// "nghị quyết số 154") as a query reads them: none when s holds a whole
// number ("154/NQ-CP").
func PartialNumbers(s string) []PartialNumber {
	return Parse(s).Partial
}

var (
	// looseNumber finds numbers typed with spaces or dots: "154 /NQ-CP",
	// "154 NQ CP", "97 2026 NĐ CP", "97.2026.NĐ.CP".
	looseNumber = regexp.MustCompile(`(?i)\b(\d{1,6})\s*(?:[/.\s]\s*(\d{4})\s*)?[/\-–.]?\s*([\p{L}]{1,6}(?:\s*[\-–/. ]\s*[\p{L}]{1,8}\d{0,2}){1,2})\b`)
	// looseLaw finds a law's number typed with dots or spaces: the digits,
	// the year, the issuer's code and its term ("31.2030.QH16", "31 2030
	// QH16", "12.2031.UBTVQH16"): looseNumber wants a type's code first.
	// Only the Quốc hội's codes are read (viet.LawCode): "31.12.2030 km2"
	// and "20 2030 CO2" are no numbers.
	looseLaw = regexp.MustCompile(`(?i)\b(\d{1,6})\s*[/.\s]\s*(\d{4})\s*[/\-–.\s]\s*(\p{L}{2,8}\d{1,2})\b`)
	// codeThenNumber finds "nq 154", "nghị quyết 154" and, with the
	// year, "nd 30/2020" ("nd 30 /2020"). Neither it nor gluedCode takes
	// the space after the number (numberEnds checks it), so that the next
	// one can start after it: "nq 154 tt 97".
	codeThenNumber = regexp.MustCompile(`(?i)(?:^|\s)((?:[\p{L}]+\s)?[\p{L}]+)\s+(?:số\s+|so\s+)?(\d{1,6})(?:\s*/\s*(\d{4}))?`)
	// gluedCode finds a type's code glued to the number: "NQ154", "NĐ30",
	// "tt97" (typeCode decides whether the letters are a type's code).
	gluedCode = regexp.MustCompile(`(?:^|\s)(\p{L}{2,4})(\d{1,6})`)
)

// Parse splits a query into phrases, exclusions, document numbers and
// free text. It never fails: anything it does not recognise is free text.
func Parse(raw string) Query {
	q := Query{Raw: raw}
	s := viet.Clean(raw)
	var free []string
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		neg := false
		if s[0] == '-' && len(s) > 1 && !unicode.IsSpace(rune(s[1])) {
			neg, s = true, s[1:]
		}
		var tok string
		quoted := false
		if q0, size := firstQuote(s); size > 0 {
			end := strings.IndexAny(s[size:], "\"“”")
			if end < 0 {
				tok, s = s[size:], ""
			} else {
				tok, s = s[size:size+end], s[size+end+len(closeQuote(s[size+end:])):]
			}
			_ = q0
			quoted = true
		} else {
			i := strings.IndexFunc(s, unicode.IsSpace)
			if i < 0 {
				i = len(s)
			}
			tok, s = s[:i], s[i:]
		}
		tok = strings.TrimSpace(tok)
		switch {
		case tok == "":
		case neg:
			q.Exclude = append(q.Exclude, tok)
		case quoted:
			q.Phrases = append(q.Phrases, tok)
		default:
			free = append(free, tok)
		}
	}
	untype(free)
	text := strings.Join(free, " ")
	q.Numbers, text = findNumbers(text)
	if len(q.Numbers) == 0 {
		q.Partial = findPartial(text)
	}
	q.Text = strings.TrimSpace(text)
	q.Expansions = builtin.Expand(q.Text)
	q.Articles = ArticleRefs(q.Text)
	return q
}

func firstQuote(s string) (rune, int) {
	for _, q := range []string{"\"", "“", "”"} {
		if strings.HasPrefix(s, q) {
			return []rune(q)[0], len(q)
		}
	}
	return 0, 0
}

func closeQuote(s string) string {
	for _, q := range []string{"\"", "“", "”"} {
		if strings.HasPrefix(s, q) {
			return q
		}
	}
	return ""
}

// findNumbers extracts document numbers, strict ones first (154/NQ-CP),
// then loose ones ("154 /NQ-CP", "154 NQ CP", "97 2026 NĐ CP",
// "97.2026.NĐ.CP", a law's "31.2030.QH16"). A number typed with dashes for its slashes
// ("154-NQ-CP", "97-2026-NĐ-CP", "125-UBND-VX") or with its issuer's code after a space
// ("97/2026/NĐ CP") gives the key the index holds for the number as
// headers write it too (slashKey, issuerAfter). The numbers stay in the
// free text as well, so that their parts still match body text.
func findNumbers(text string) ([]string, string) {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	viet.Tokenize(text, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			k := doctype.NumberKey(text[t.Start:t.End])
			add(k)
			add(slashKey(k))
			add(issuerAfter(text, t.End, k))
		}
	})
	if len(keys) > 0 {
		return keys, text
	}
	for _, m := range looseNumber.FindAllStringSubmatch(text, -1) {
		codes := strings.FieldsFunc(m[3], func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' || r == '/' || r == '.' })
		if len(codes) < 2 || !isTypeCode(codes[0]) {
			continue
		}
		num := m[1]
		if m[2] != "" {
			num += "/" + m[2]
		}
		add(doctype.NumberKey(num + "/" + strings.Join(codes, "-")))
	}
	for _, m := range looseLaw.FindAllStringSubmatch(text, -1) {
		if viet.LawCode(m[3]) { // not "31.12.2030 km2", "20 2030 CO2"
			add(doctype.NumberKey(m[1] + "/" + m[2] + "/" + m[3]))
		}
	}
	return keys, text
}

// slashKey is the key of a number typed with dashes for the slashes a
// header writes ("154-nq-cp" → 154/nq-cp, "97-2026-nd-cp" →
// 97/2026/nd-cp, "125-ubnd-vx" → 125/ubnd-vx): digits, a year or none, and
// two codes or more (a type's or an issuer's, then an issuer's or a
// unit's), all joined by dashes; after a year, an issuer's code alone too,
// as a law's number has it ("31-2024-qh15" → 31/2024/qh15). Numbers of the
// old form keep their dashes as their own ("73-cp", "24-nq/tw": a slash,
// or one code and no year) and get "". The key is an extra should-clause
// of the query: a wrong one matches nothing.
func slashKey(k string) string {
	if strings.Contains(k, "/") {
		return ""
	}
	parts := strings.Split(k, "-")
	if len(parts) < 3 || strings.Trim(parts[0], "0123456789") != "" {
		return ""
	}
	head := parts[0]
	rest := parts[1:]
	if len(rest[0]) == 4 && strings.Trim(rest[0], "0123456789") == "" {
		head, rest = head+"/"+rest[0], rest[1:]
	}
	law := head != parts[0] && len(rest) == 1
	if len(rest) == 0 || !law && len(rest) < 2 || strings.Trim(rest[0], "0123456789") == "" {
		return ""
	}
	return doctype.NumberKey(head + "/" + strings.Join(rest, "-"))
}

// issuerAfter is the key of the number whose key k ends at text[end] in a
// type's code, with the issuer's code typed after one space ("97/2026/NĐ
// CP", "1234/qđ ubnd"): a word of letters without marks, two to eight of
// them. A word with marks ("154/NQ về việc") or none gives "".
func issuerAfter(text string, end int, k string) string {
	if end >= len(text) || text[end] != ' ' {
		return ""
	}
	i := strings.LastIndexAny(k, "/-")
	if i < 0 || k[i] != '/' || !isTypeCode(k[i+1:]) {
		return ""
	}
	w := text[end+1:]
	if j := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); j >= 0 {
		w = w[:j]
	}
	if n := utf8.RuneCountInString(w); n < 2 || n > 8 {
		return ""
	}
	for _, r := range w {
		if !(r < utf8.RuneSelf || r == 'đ' || r == 'Đ') {
			return ""
		}
	}
	return doctype.NumberKey(k + "-" + w)
}

func isTypeCode(s string) bool {
	_, ok := typeCode(viet.Fold(s))
	return ok && len(s) <= 4
}

// typeCode returns the folded code of the document type that folded (a
// code, "nq", or a name, "nghi quyet") names, by corpus/doctype: the code
// numbers carry, matched by prefix in partial numbers. One-letter codes and
// the names doctype marks Common ("hợp đồng 12 tháng", "dự án 5") are not
// taken: in a query they are ordinary words.
func typeCode(folded string) (string, bool) {
	if len(folded) >= 2 && len(doctype.ByFoldedCode(folded)) > 0 {
		return folded, true
	}
	if t, ok := doctype.ByName(folded); ok && t.Code != "" && !t.Common {
		return viet.Fold(t.Code), true
	}
	return "", false
}

// findPartial returns the partial numbers of text: a type's code or name
// before the number, its year after it or none ("nq 154", "nghị định số
// 191/2026"), and a type's code glued to the number ("NQ154", "NĐ30"; a
// code only: letters naming no type, "COVID19", "QH15", stay words).
func findPartial(text string) []PartialNumber {
	var out []PartialNumber
	for _, m := range wholeMatches(codeThenNumber, text) {
		words := strings.Fields(viet.Fold(m[1]))
		for len(words) > 0 {
			if code, ok := typeCode(strings.Join(words, " ")); ok {
				out = append(out, PartialNumber{Number: strings.TrimLeft(m[2], "0"), Year: m[3], Code: code})
				break
			}
			words = words[1:]
		}
	}
	for _, m := range wholeMatches(gluedCode, text) {
		if code := viet.Fold(m[1]); len(doctype.ByFoldedCode(code)) > 0 {
			out = append(out, PartialNumber{Number: strings.TrimLeft(m[2], "0"), Code: code})
		}
	}
	return out
}

// wholeMatches returns re's matches in text that end a number: at the end,
// before a space, or before a comma, semicolon or full stop that ends the
// word ("NQ154, TT97"; not "NQ154,5", "nq 154.2", "NQ154/2020").
func wholeMatches(re *regexp.Regexp, text string) [][]string {
	var out [][]string
	for _, ix := range re.FindAllStringSubmatchIndex(text, -1) {
		rest := text[ix[1]:]
		if rest != "" && strings.IndexByte(",;.", rest[0]) >= 0 {
			rest = rest[1:]
			if rest == "" {
				rest = " "
			}
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !unicode.IsSpace(r) {
			continue
		}
		m := make([]string, len(ix)/2)
		for i := range m {
			if ix[2*i] >= 0 {
				m[i] = text[ix[2*i]:ix[2*i+1]]
			}
		}
		out = append(out, m)
	}
	return out
}

// untype reads the words of free typed with the input method off as the
// syllables their keys spell (viet.Untype: "quyeets ddinhj" → "quyết
// định"): a word whose keys shaped a letter always, a word keyed with a
// tone alone ("hoachj") only beside such a word — alone it may be a
// foreign word ("visa", "taxi"). Among words typed without marks the
// words read are folded too (the query stays one without accents).
func untype(free []string) {
	type typed struct {
		i int
		w string
	}
	var toneOnly []typed
	var changed []int
	shaped, marked := false, false
	for i, tok := range free {
		w, sh, ok := viet.Untype(tok)
		switch {
		case !ok:
			marked = marked || viet.HasMarks(tok)
		case sh:
			free[i], shaped = w, true
			changed = append(changed, i)
		default:
			toneOnly = append(toneOnly, typed{i, w})
		}
	}
	if shaped {
		for _, t := range toneOnly {
			changed = append(changed, t.i)
		}
	}
	if shaped {
		for _, t := range toneOnly {
			free[t.i] = t.w
		}
	}
	if !marked {
		// the other words typed without marks: the typed ones too, so that
		// the query is read (restored) as one typed without accents —
		// "quyeenf thua ke" is "quyen thua ke", not the mixed "quyền thua
		// ke" (shortq-alqac22's sq22-026 lost 0.0036 nDCG@10 so)
		for _, i := range changed {
			free[i] = viet.Fold(free[i])
		}
	}
}

// builtin is the built-in abbreviation table (corpus/abbrev, its one
// owner) that Parse expands with, on any index.
var builtin = abbrev.NewDict(abbrev.Builtin())

// Abbrevs is the abbreviation table Parse expands a query's text with
// (Query.Expansions): "UBND tỉnh" gives "Ủy ban nhân dân", and "Ủy ban
// nhân dân tỉnh" gives "UBND". A searcher adds the definitions its index
// holds to it (abbrev.Dict.With).
func Abbrevs() *abbrev.Dict { return builtin }

// articleWords are the folded words that announce an article number.
var articleWords = map[string]bool{"dieu": true}

// maxArticle bounds an article number (the longest codes have about 700
// articles); a larger number after "điều" is something else.
const maxArticle = 3 // digits

// ArticleRefs are the article numbers text cites ("điều 29" → "29"), in
// order, each once. An inserted article keeps its letter, lower case
// ("điều 63a", "ĐIỀU 63A" → "63a"), as the index keeps its heading's
// number (outline.ArticleHeading); so does one whose letter is typed apart
// (spacedLetter: "điều 63 a", "Điều 63 A", "điều 63-a" → "63a").
func ArticleRefs(text string) []string {
	var out []string
	seen := map[string]bool{}
	toks := viet.Tokens(text)
	for i := 0; i+1 < len(toks); i++ {
		w, n := toks[i], toks[i+1]
		if w.Kind != viet.Word || !articleWords[viet.Fold(text[w.Start:w.End])] {
			continue
		}
		next := i + 2
		if n.Kind == viet.DocNumber {
			// "63-A" reads as a number with a code: its words are the
			// article's number and letter, or it is no article.
			if i+3 >= len(toks) || toks[i+2].Start != n.Start || toks[i+3].End != n.End {
				continue
			}
			n, next = toks[i+2], i+3
		}
		num, ok := articleNumber(text[n.Start:n.End])
		if !ok {
			continue
		}
		if next < len(toks) && num == strings.TrimRight(num, "abcdefghijklmnopqrstuvwxyzđ") {
			if l, ok := spacedLetter(text, n, toks[next]); ok {
				num += l
			}
		}
		if !seen[num] {
			seen[num] = true
			out = append(out, num)
		}
	}
	return out
}

// spacedLetter reads the letter of an inserted article typed apart from
// its number, right after it (one space or a hyphen between: "63 a", "63
// A", "63-a", "63 - a"): one letter from a to h or đ, lower case. "điều 63
// và …" has none: a word follows.
func spacedLetter(text string, num, l viet.Token) (string, bool) {
	if l.Kind != viet.Word {
		return "", false
	}
	switch text[num.End:l.Start] {
	case " ", "-", "–", " - ", " – ", "- ", " -", "– ", " –":
	default:
		return "", false
	}
	r, n := utf8.DecodeRuneInString(text[l.Start:l.End])
	if n != l.End-l.Start {
		return "", false // more than one letter
	}
	r = unicode.ToLower(r)
	if !('a' <= r && r <= 'h' || r == 'đ') {
		return "", false
	}
	return string(r), true
}

// articleNumber reads an article's number as a query writes it: up to
// maxArticle digits, leading zeros dropped ("05" → "5"), and the letter of
// an inserted article, lower case ("63A" → "63a", "110Đ" → "110đ"). "2020",
// "63ab" and "a" are none.
func articleNumber(w string) (string, bool) {
	suffix := ""
	if n := len(w); n > 1 && 'a' <= w[n-1]|0x20 && w[n-1]|0x20 <= 'z' {
		w, suffix = w[:n-1], string(w[n-1]|0x20)
	} else if r, size := utf8.DecodeLastRuneInString(w); n > size && (r == 'đ' || r == 'Đ') {
		w, suffix = w[:n-size], "đ" // "110đ", the letter after d
	}
	num := strings.TrimLeft(w, "0")
	if num == "" || len(num) > maxArticle || strings.Trim(num, "0123456789") != "" {
		return "", false
	}
	return num + suffix, true
}
