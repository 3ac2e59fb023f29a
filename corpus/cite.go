// Citation parsing: references to documents in Vietnamese text.
//
// A reference is a số/ký hiệu (154/NQ-CP, 30/2020/NĐ-CP, 24-NQ/TW,
// 9394/BTC-NSNN) with what surrounds it:
//
//	ref     = [type-word] ["số" [":"]] key [["ban hành"] "ngày" date] ["của" issuer]
//	key     = number sep segment {sep segment}     (at least one letter segment)
//	sep     = "/" | "-" | "–" | "—" | "_"          (one or two stray spaces allowed)
//	date    = d/m/yyyy | d-m-yyyy | d.m.yyyy | d "tháng" m "năm" yyyy
//
// A date and issuer that follow a trích yếu (title) rather than the key, as in
// Pháp điển source notes ("Thông tư số 50/2017/TT-BTC Hướng dẫn … ngày
// 15/06/2017 của Bộ Tài chính"), are attached by a second pass that treats
// references as opening brackets and "ngày D của I" phrases as closing ones:
// a phrase closes the innermost open reference whose issuer code agrees with
// I. Clause boundaries (";", newline, "(", a sentence end, "có hiệu lực")
// close every open reference, so the parser stays conservative.
//
// The scanner is a single forward pass over the bytes: it stops only at an
// ASCII digit that starts a word and looks a few words back and forth from
// there, so it never backtracks over the text.
package corpus

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// Ref is one reference to a document found in text.
type Ref struct {
	Text       string `json:"text"`                  // the exact span in the input
	Start      int    `json:"-"`                     // byte offsets in the input
	End        int    `json:"-"`                     //
	Type       string `json:"type"`                  // loại văn bản: "Nghị quyết", "Quyết định", "Luật"…
	Key        string `json:"key"`                   // số/ký hiệu as officially written: "154/NQ-CP", "30/2020/NĐ-CP"
	Number     string `json:"number"`                // the số: "154"
	Year       int    `json:"year,omitempty"`        // from the key (30/2020/…) or the date
	Issuer     string `json:"issuer"`                // cơ quan ban hành: "Chính phủ", "UBND tỉnh Bình Dương"… or the issuer code
	IssuerCode string `json:"issuer_code,omitempty"` // issuer part of the key: "CP", "TTg", "QH14", "BTC-BKHCN"
	Date       string `json:"date"`                  // ngày ban hành, YYYY-MM-DD, or ""
}

// LookupKey returns the key used to match a Ref against stored documents:
// viet.NumberKey of Key ("154/nq-cp"). Keys without a "/" (the 1990s form
// "73-CP"), which NumberKey does not accept, get the same normalization here.
func (r Ref) LookupKey() string {
	if k := viet.NumberKey(r.Key); k != "" {
		return k
	}
	k := viet.Fold(strings.ReplaceAll(r.Key, " ", ""))
	for len(k) > 1 && k[0] == '0' && citeIsDigit(k[1]) {
		k = k[1:]
	}
	return k
}

// String renders the ref in canonical full form: "Nghị quyết số 154/NQ-CP
// ngày 23/11/2022 của Chính phủ". The issuer is left out when it is the one
// the key implies, so ParseRefs(r.String()) gives back an equal Ref.
func (r Ref) String() string {
	var b strings.Builder
	if r.Type != "" {
		b.WriteString(r.Type)
		b.WriteString(" số ")
	} else {
		b.WriteString("số ")
	}
	b.WriteString(r.Key)
	if r.Date != "" {
		b.WriteString(" ngày ")
		b.WriteString(r.Date[8:10] + "/" + r.Date[5:7] + "/" + r.Date[0:4])
	}
	if r.Issuer != "" && r.Issuer != citeDefaultIssuer(r.IssuerCode) {
		b.WriteString(" của ")
		b.WriteString(r.Issuer)
	}
	return b.String()
}

// ParseRefs finds every reference in text, in order of appearance.
func ParseRefs(text string) []Ref {
	p := citeParser{s: text}
	p.scan()
	if len(p.cands) == 0 {
		return nil
	}
	p.attachTitles()
	refs := make([]Ref, 0, len(p.cands))
	for i := range p.cands {
		c := &p.cands[i]
		if c.reject {
			continue
		}
		r := c.ref
		if len(c.issuers) > 0 {
			r.Issuer = citeJoinIssuers(c.issuers)
		} else {
			r.Issuer = citeDefaultIssuer(r.IssuerCode)
		}
		if r.Year == 0 && r.Date != "" {
			r.Year, _ = strconv.Atoi(r.Date[:4])
		}
		r.Text = text[r.Start:r.End]
		refs = append(refs, r)
	}
	return refs
}

// citeCand is a reference being built, or a rejected number kept so that a
// list after it ("Mẫu: 01/TB-ĐĐKD, 02/TB-ĐĐKD") is rejected too.
type citeCand struct {
	ref      Ref
	typeWord string   // canonical type named by the type word, "" if none or generic
	hasType  bool     // a type word (possibly generic "văn bản") was present or inherited
	keyEnd   int      // end of the key
	spanEnd  int      // end of the key plus a directly attached date and issuer
	issuers  []string // issuer names stated in the text
	open     bool     // still looking for a date after a trích yếu
	reject   bool
}

type citeParser struct {
	s     string
	cands []citeCand
}

func (p *citeParser) scan() {
	s := p.s
	for i := 0; i < len(s); {
		if !citeIsDigit(s[i]) {
			i++
			continue
		}
		if i > 0 && (citeWordBefore(s, i) || citeNumberBefore(s, i)) {
			for i < len(s) && citeIsDigit(s[i]) {
				i++
			}
			continue
		}
		k, ok := citeScanKey(s, i)
		if !ok {
			for i < len(s) && citeIsDigit(s[i]) {
				i++
			}
			continue
		}
		p.candidate(k)
		i = k.end
	}
}

// candidate decides whether the key k is a reference, looking back for the
// type word and forward for the date and issuer.
func (p *citeParser) candidate(k citeKey) {
	s := p.s
	c := citeCand{keyEnd: k.end, spanEnd: k.end}
	c.ref.Start = k.start
	c.ref.Key, c.ref.Number, c.ref.Year = k.text(), k.number, k.year

	// Look back: "số", "số:", then the type word or a form ("Mẫu số").
	pos := k.start
	if w, ok := citePrevWord(s, pos, ":*[("); ok && w.fold == "so" {
		pos = w.start
	}
	if w, ok := citePrevWord(s, pos, ":*[("); ok && citeIsFormWord(s, w) {
		c.reject = true
	}
	if !c.reject {
		if typ, start, ok := citeTypeWordBefore(s, pos); ok {
			c.typeWord, c.hasType, c.ref.Start = typ, true, start
		}
	}
	var prev *citeCand
	if n := len(p.cands); n > 0 {
		prev = &p.cands[n-1]
	}
	inherited := false
	if !c.hasType && !c.reject && prev != nil && citeListGap(s, prev.spanEnd, pos) {
		c.typeWord, c.hasType, c.reject, inherited = prev.typeWord, prev.hasType, prev.reject, true
	}
	symType, code := k.symbol()
	c.ref.IssuerCode = code
	if !c.hasType && !c.reject && (symType == "" || symType == "Luật" || symType == "Pháp lệnh") {
		if typ, start, ok := citeNamedTypeBefore(s, pos); ok {
			c.typeWord, c.hasType, c.ref.Start = typ, true, start
		}
	}
	switch {
	case c.reject:
	case !k.slash && !(c.hasType && c.typeWord != ""):
		c.reject = true // "73-CP" only after an explicit type word
	case c.typeWord != "" && !(inherited && symType != "" && symType != c.typeWord):
		c.ref.Type = c.typeWord
	case symType != "":
		c.ref.Type = symType
	case k.letters >= 2 || citeIssuerByCode(code) != "" || (c.hasType && k.slash):
		c.ref.Type = "Công văn" // 9394/BTC-NSNN: issuer and drafting unit
	default:
		c.reject = true
	}
	if !c.reject {
		p.attachDirect(&c)
	}
	c.ref.End = c.spanEnd
	p.cands = append(p.cands, c)
}

// attachDirect reads a date and an issuer written right after the key. A
// date whose year differs from the key's (45/2010/NĐ-CP ngày 16/04/2013) or
// an issuer that does not agree with the key's issuer code belongs to an
// enclosing reference: they are left to attachTitles.
func (p *citeParser) attachDirect(c *citeCand) {
	s := p.s
	q := citeSkipSpace(s, c.keyEnd)
	if q < len(s) && s[q] == ',' {
		q = citeSkipSpace(s, q+1)
	}
	if w, ok := citeWordAt(s, q); ok && w.fold == "ban" {
		if w2, ok := citeWordAt(s, citeSkipSpace(s, w.end)); ok && w2.fold == "hanh" {
			q = citeSkipSpace(s, w2.end)
		}
	}
	date, end := "", c.keyEnd
	if w, ok := citeWordAt(s, q); ok && w.fold == "ngay" {
		if d, e, ok := citeDateAt(s, citeSkipSpace(s, w.end)); ok {
			if !citeYearAgrees(c.ref.Year, d) {
				c.open = false // neither this date nor a later one
				return
			}
			date, end = d, e
		}
	}
	q = citeSkipSpace(s, end)
	if q < len(s) && s[q] == ',' && date != "" {
		q = citeSkipSpace(s, q+1)
	}
	if w, ok := citeWordAt(s, q); ok && w.fold == "cua" {
		if names, e, ok := citeIssuersAt(s, citeSkipSpace(s, w.end)); ok {
			if !citeCompatible(c.ref.IssuerCode, names) {
				c.open = true
				return
			}
			c.issuers, end = names, e
		}
	}
	c.ref.Date, c.spanEnd = date, end
	c.open = date == "" && len(c.issuers) == 0
}

// citeYearAgrees reports whether date (YYYY-MM-DD) can be the date of issue
// of a key with year y (0 when the key has none).
func citeYearAgrees(y int, date string) bool {
	return y == 0 || strconv.Itoa(y) == date[:4]
}

// citeTitleWindow bounds how far after a reference a trích yếu may run
// before its "ngày … của …": the longest Pháp điển titles measured are
// about 600 bytes.
const citeTitleWindow = 900

// attachTitles gives open references the date and issuer that follow their
// trích yếu. See the file comment.
func (p *citeParser) attachTitles() {
	// next[i] is where the first accepted reference after cands[i] starts.
	next := make([]int, len(p.cands))
	end := len(p.s)
	for i := len(p.cands) - 1; i >= 0; i-- {
		next[i] = end
		if !p.cands[i].reject {
			end = p.cands[i].ref.Start
		}
	}
	var stack []int
	for i := range p.cands {
		c := &p.cands[i]
		if c.reject {
			continue
		}
		if c.open {
			stack = append(stack, i)
		}
		if len(stack) > 0 {
			stack = p.scanTitle(stack, c.spanEnd, next[i])
		}
	}
}

// citePhrase is a "ngày D của I" (or "ban hành ngày D") after a trích yếu.
type citePhrase struct {
	date  string
	names []string
	weak  bool // after a ";": only a matching issuer code may take it
}

// scanTitle scans s[from:to] for phrases and boundaries and returns what
// remains of the stack of open references. Phrases are collected in groups
// ended by a boundary or by to (the next reference): every phrase but the
// last of a group closes the innermost compatible reference, the last one
// the outermost, so that in "Thông tư số A sửa đổi Thông tư số B ngày D
// của Bộ Y tế" D goes to A, while in "A … B … ngày D1 của I ngày D2 của I"
// D1 goes to B and D2 to A.
func (p *citeParser) scanTitle(stack []int, from, to int) []int {
	s := p.s
	var group []citePhrase
	lastWord := ""
	semi := false
	q := from
	for q < to && len(stack) > 0 {
		for len(stack) > 0 && q-p.cands[stack[0]].spanEnd > citeTitleWindow {
			stack = stack[1:]
		}
		r, size := utf8.DecodeRuneInString(s[q:])
		if !citeIsWordRune(r) {
			if r == ';' {
				semi = true
			} else if citeIsBoundary(s, q, r) {
				stack = p.resolve(stack, group)
				stack, group = stack[:0], group[:0]
			}
			q += size
			continue
		}
		if c := s[q] | 0x20; c != 'n' && c != 'l' && c != 'h' {
			// only "ngày", "hiệu" and "lực" matter: skip without folding
			q = citeSegEnd(s, q)
			lastWord = ""
			continue
		}
		w, _ := citeWordAt(s, q)
		q = w.end
		switch {
		case w.fold == "luc" && lastWord == "hieu": // có hiệu lực
			stack = p.resolve(stack, group)
			stack, group = stack[:0], group[:0]
		case w.fold == "ngay":
			d, end, ok := citeDateAt(s, citeSkipSpace(s, w.end))
			if !ok || end > to {
				break
			}
			var names []string
			e := citeSkipSpace(s, end)
			if cw, ok := citeWordAt(s, e); ok && cw.fold == "cua" {
				if ns, iend, ok := citeIssuersAt(s, citeSkipSpace(s, cw.end)); ok && iend <= to {
					names, end = ns, iend
				}
			}
			if names == nil && !citeBanHanhBefore(s, w.start) {
				break
			}
			group = append(group, citePhrase{date: d, names: names, weak: semi})
			q = end
		}
		lastWord = w.fold
	}
	return p.resolve(stack, group)
}

// resolve assigns a group of phrases to the open references on the stack.
func (p *citeParser) resolve(stack []int, group []citePhrase) []int {
	for i, ph := range group {
		last := i == len(group)-1
		k := -1
		for j := range stack {
			jj := j
			if !last {
				jj = len(stack) - 1 - j // innermost first
			}
			c := &p.cands[stack[jj]]
			if ph.names != nil && !citeCompatible(c.ref.IssuerCode, ph.names) {
				continue
			}
			if ph.weak && (ph.names == nil || c.ref.IssuerCode == "") {
				continue
			}
			if !citeYearAgrees(c.ref.Year, ph.date) {
				continue
			}
			k = jj
			break
		}
		if k < 0 {
			continue
		}
		c := &p.cands[stack[k]]
		for _, o := range stack[k:] {
			if o := &p.cands[o]; o == c || o.ref.Key == c.ref.Key {
				o.ref.Date, o.open = ph.date, false
				if ph.names != nil {
					o.issuers = ph.names
				}
			}
		}
		stack = stack[:k]
	}
	return stack
}

func citeIsBoundary(s string, q int, r rune) bool {
	switch r {
	case '\n', '(', ')', '|', '[', ']':
		return true
	case '.':
		// a sentence end: ". " followed by an upper-case letter or a digit
		n := citeSkipSpace(s, q+1)
		if n == q+1 || n >= len(s) {
			return n >= len(s)
		}
		r2, _ := utf8.DecodeRuneInString(s[n:])
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	return false
}

func citeBanHanhBefore(s string, pos int) bool {
	w, ok := citePrevWord(s, pos, "")
	if !ok || w.fold != "hanh" {
		return false
	}
	w2, ok := citePrevWord(s, w.start, "")
	return ok && w2.fold == "ban"
}

// citeListGap reports whether s[from:to] only joins two items of a list:
// spaces, commas and the words "và", "hoặc", "các", "số".
func citeListGap(s string, from, to int) bool {
	if from > to || to-from > 40 {
		return false
	}
	for q := from; q < to; {
		r, size := utf8.DecodeRuneInString(s[q:])
		switch {
		case r == ' ' || r == ',' || r == '\t':
			q += size
		case citeIsWordRune(r):
			w, _ := citeWordAt(s, q)
			switch w.fold {
			case "va", "hoac", "cac", "so":
			default:
				return false
			}
			q = w.end
		default:
			return false
		}
	}
	return true
}

// citeIsFormWord reports a word that makes the number a form code, not a
// document: "Mẫu số 01/GTGT", "theo mẫu 01/TB-TĐT", "Biểu số 02/BC",
// "Phụ lục số 01/…".
func citeIsFormWord(s string, w citeWord) bool {
	switch {
	case strings.HasSuffix(w.fold, "mau"), w.fold == "bieu", w.fold == "phieu":
		return true
	case w.fold == "luc":
		w2, ok := citePrevWord(s, w.start, "")
		return ok && w2.fold == "phu"
	}
	return false
}

// Type words. citeTypeWords maps the folded type word (loại văn bản) to its
// canonical name; "" marks a generic word ("văn bản") that lets the symbol
// decide.
var citeTypeWords = map[string]string{
	"nghi quyet":             "Nghị quyết",
	"nghi quyet lien tich":   "Nghị quyết liên tịch",
	"quyet dinh":             "Quyết định",
	"chi thi":                "Chỉ thị",
	"ke hoach":               "Kế hoạch",
	"chuong trinh":           "Chương trình",
	"chuong trinh hanh dong": "Chương trình",
	"ket luan":               "Kết luận",
	"thong bao":              "Thông báo",
	"thong bao ket luan":     "Thông báo",
	"luat":                   "Luật",
	"bo luat":                "Bộ luật",
	"nghi dinh":              "Nghị định",
	"thong tu":               "Thông tư",
	"thong tu lien tich":     "Thông tư liên tịch",
	"phap lenh":              "Pháp lệnh",
	"van ban hop nhat":       "Văn bản hợp nhất",
	"cong van":               "Công văn",
	"de an":                  "Đề án",
	"du an":                  "Dự án",
	"huong dan":              "Hướng dẫn",
	"quy dinh":               "Quy định",
	"quy che":                "Quy chế",
	"bao cao":                "Báo cáo",
	"bao cao tham tra":       "Báo cáo",
	"to trinh":               "Tờ trình",
	"an le":                  "Án lệ",
	"hien phap":              "Hiến pháp",
	"thong cao":              "Thông cáo",
	"cong dien":              "Công điện",
	"phuong an":              "Phương án",
	"bien ban":               "Biên bản",
	"lenh":                   "Lệnh",
	"sac lenh":               "Sắc lệnh",
	"hop dong":               "Hợp đồng",
	"giay moi":               "Giấy mời",
	"van ban":                "",
}

// citeTypeWordBefore finds a type word ending right before pos, separated
// from it by spaces only; it tries the longest (four words) first.
func citeTypeWordBefore(s string, pos int) (typ string, start int, ok bool) {
	var ws [4]citeWord
	n := 0
	for n < 4 {
		w, ok := citePrevWord(s, pos, "")
		if !ok || (n == 0 && w.end != citeSkipSpaceBack(s, pos)) {
			break
		}
		ws[n] = w
		n++
		pos = w.start
	}
	for m := n; m >= 1; m-- {
		parts := make([]string, m)
		for i := 0; i < m; i++ {
			parts[m-1-i] = ws[i].fold
		}
		if t, ok := citeTypeWords[strings.Join(parts, " ")]; ok {
			return t, ws[m-1].start, true
		}
	}
	return "", 0, false
}

// citeNamedTypeBefore finds "Luật An ninh mạng số …": a law, code or
// ordinance type word followed by its name, up to eight words before pos
// with nothing but spaces and letters between.
func citeNamedTypeBefore(s string, pos int) (typ string, start int, ok bool) {
	for n := 0; n < 9; n++ {
		w, ok := citePrevWord(s, pos, "")
		if !ok || w.end != citeSkipSpaceBack(s, pos) || w.hasDigit {
			return "", 0, false
		}
		switch w.fold {
		case "luat":
			if w2, ok := citePrevWord(s, w.start, ""); ok && w2.fold == "bo" && w2.end == citeSkipSpaceBack(s, w.start) {
				return "Bộ luật", w2.start, true
			}
			return "Luật", w.start, true
		case "lenh":
			if w2, ok := citePrevWord(s, w.start, ""); ok && w2.fold == "phap" && w2.end == citeSkipSpaceBack(s, w.start) {
				return "Pháp lệnh", w2.start, true
			}
		}
		pos = w.start
	}
	return "", 0, false
}

// citeKey is a số/ký hiệu found in the text.
type citeKey struct {
	start, end int
	number     string
	segs       []string // canonical segments after the number
	seps       []byte   // the separator before each segment: '/' or '-'
	slash      bool
	letters    int // number of segments with letters
	year       int
}

func (k *citeKey) text() string {
	var b strings.Builder
	b.WriteString(k.number)
	for i, seg := range k.segs {
		b.WriteByte(k.seps[i])
		b.WriteString(seg)
	}
	return b.String()
}

// symbol returns the document type named by the symbol's abbreviation (ND 30
// Phụ lục III and the legal types) and the issuer code: "NQ-CP" → Nghị
// quyết, "CP"; "24-NQ/TW" → Nghị quyết, "TW"; "2018/QH14" → Luật, "QH14";
// "BTC-NSNN" → "", "BTC".
func (k *citeKey) symbol() (typ, code string) {
	fi := -1
	for i, seg := range k.segs {
		if !citeIsDigit(seg[0]) {
			fi = i
			break
		}
	}
	if fi < 0 {
		return "", ""
	}
	first := k.segs[fi]
	rest := func(from int) string {
		var b strings.Builder
		for i := from; i < len(k.segs); i++ {
			if b.Len() > 0 {
				b.WriteByte(k.seps[i])
			}
			b.WriteString(k.segs[i])
		}
		return b.String()
	}
	if t, ok := citeCodeTypes[first]; ok {
		return t, rest(fi + 1)
	}
	if fi == len(k.segs)-1 {
		switch citeTrimDigits(first) {
		case "QH":
			return "Luật", first
		case "UBTVQH":
			return "Pháp lệnh", first
		}
	}
	return "", first
}

// citeScanKey reads a số/ký hiệu starting at the digit s[i]: digits, then
// segments joined by "/" or a dash, with at most two stray spaces around a
// separator when the segment after it is an upper-case code.
func citeScanKey(s string, i int) (citeKey, bool) {
	k := citeKey{start: i}
	j := i
	for j < len(s) && citeIsDigit(s[j]) {
		j++
	}
	if j-i > 6 {
		return k, false
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); citeIsWordRune(r) {
			return k, false // "3G", "12a"
		}
	}
	k.number = s[i:j]
	end := j
	for len(k.segs) < 8 {
		p, sp := j, 0
		for p < len(s) && s[p] == ' ' && sp < 2 {
			p++
			sp++
		}
		sep, size := citeSepAt(s, p)
		if sep == 0 {
			break
		}
		p += size
		sp2 := 0
		for p < len(s) && s[p] == ' ' && sp2 < 2 {
			p++
			sp2++
		}
		q := citeSegEnd(s, p)
		if q == p {
			break
		}
		seg := s[p:q]
		spaced := sp+sp2 > 0
		kind := citeSegKind(seg)
		switch kind {
		case citeSegDigits:
			if k.letters > 0 || len(seg) > 4 || (spaced && len(seg) != 4) {
				kind = citeSegBad
			}
		case citeSegLower:
			if spaced {
				kind = citeSegBad
			}
		}
		if kind == citeSegBad {
			break
		}
		if kind == citeSegDigits {
			if sep == '/' && len(seg) == 4 && len(k.segs) == 0 {
				if y, _ := strconv.Atoi(seg); y >= 1945 && y <= 2100 {
					k.year = y
				}
			}
			k.segs = append(k.segs, seg)
		} else {
			k.letters++
			k.segs = append(k.segs, citeCanonSeg(seg, k.letters == 1))
		}
		if sep == '/' {
			k.slash = true
		}
		k.seps = append(k.seps, sep)
		j, end = q, q
	}
	if k.letters == 0 {
		return k, false
	}
	// Trailing digit segments after the last letter segment are not part
	// of the key; they cannot occur given the rule above.
	k.end = end
	return k, true
}

// citeSepAt returns the separator at s[p] as '/' or '-', or 0.
func citeSepAt(s string, p int) (byte, int) {
	if p >= len(s) {
		return 0, 0
	}
	switch s[p] {
	case '/':
		return '/', 1
	case '-', '_':
		return '-', 1
	}
	r, size := utf8.DecodeRuneInString(s[p:])
	switch r {
	case '‐', '‑', '‒', '–', '—', '−':
		return '-', size
	}
	return 0, 0
}

// citeSegEnd returns the end of the segment starting at p: letters, marks,
// digits and "&" (BGD&ĐT).
func citeSegEnd(s string, p int) int {
	q := p
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !citeIsWordRune(r) && !(r == '&' && q > p) {
			break
		}
		q += size
	}
	for q > p && s[q-1] == '&' {
		q--
	}
	return q
}

const (
	citeSegBad = iota
	citeSegDigits
	citeSegUpper // NQ, QH14, NĐ, TTg
	citeSegLower // nq, nđ, ubnd: typed in lower case
)

// citeSegKind classifies a segment. Letters come first, then optional
// digits (QH14, UBKTTC16); upper-case codes may hold Vietnamese letters
// (UBTƯMTTQVN), lower-case ones only ASCII and đ.
func citeSegKind(seg string) int {
	if citeIsDigit(seg[0]) {
		for i := 0; i < len(seg); i++ {
			if !citeIsDigit(seg[i]) {
				return citeSegBad
			}
		}
		return citeSegDigits
	}
	upper, lower, other, letters, marks := 0, 0, 0, 0, 0
	digits := false
	for _, r := range seg {
		switch {
		case citeIsDigit(byte(r)) && r < utf8.RuneSelf:
			digits = true
			continue
		case digits:
			return citeSegBad // letters after digits
		case unicode.Is(unicode.Mn, r):
			marks++
			continue
		case r == '&':
			continue
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
			if r >= utf8.RuneSelf && r != 'đ' {
				other++
			}
		default:
			return citeSegBad
		}
		letters++
	}
	switch {
	case letters == 0 || letters > 16:
		return citeSegBad
	case lower == 0:
		return citeSegUpper
	case upper == 0 && other == 0 && marks == 0:
		return citeSegLower
	case upper > 0 && other == 0 && marks == 0:
		// mixed case: the codes written so (TTg, CTr, QyĐ…) and typos of
		// upper-case codes (BLĐTBXh); not words (Điều, Luật).
		if sp, ok := citeSpelling[citeFoldLetters(citeTrimDigits(seg))]; ok && sp != strings.ToUpper(sp) {
			return citeSegUpper
		}
		r, _ := utf8.DecodeRuneInString(seg)
		if unicode.IsUpper(r) && upper >= 3 && upper >= 2*lower {
			return citeSegUpper
		}
	}
	return citeSegBad
}

// citeCanonSeg writes a segment as officially spelled: upper case, Đ
// restored in NĐ, QĐ, HĐND… and the mixed case of TTg, CTr, QyĐ, TTr, TrS.
// The two-letter type codes ND, QD and CD get their Đ only as the first
// code of a symbol: elsewhere ND may be Hội Nông dân.
func citeCanonSeg(seg string, typePos bool) string {
	letters, digits := seg, ""
	for i := 0; i < len(seg); i++ {
		if citeIsDigit(seg[i]) {
			letters, digits = seg[:i], seg[i:]
			break
		}
	}
	f := citeFoldLetters(letters)
	if sp, ok := citeSpelling[f]; ok && (typePos || !citeTypeOnlySpelling[f]) {
		return sp + digits
	}
	up := strings.ToUpper(viet.NFC(letters))
	up = strings.ReplaceAll(up, "Ð", "Đ")
	return up + digits
}

var citeTypeOnlySpelling = map[string]bool{"nd": true, "qd": true, "cd": true}

func citeFoldLetters(s string) string { return viet.Fold(s) }

func citeTrimDigits(s string) string {
	return strings.TrimRight(s, "0123456789")
}

// citeSpelling gives the official spelling of codes whose folded form loses
// a Đ, an Ư or their mixed case. Codes where folding is ambiguous (HD
// Hướng dẫn / HĐ Hợp đồng, DA Dự án / ĐA Đề án) are left as typed.
var citeSpelling = map[string]string{
	"nd": "NĐ", "qd": "QĐ", "hdnd": "HĐND", "qyd": "QyĐ", "ttg": "TTg",
	"ctr": "CTr", "ttr": "TTr", "trs": "TrS", "cd": "CĐ", "nqlt": "NQLT",
	"bgddt": "BGDĐT", "bldtbxh": "BLĐTBXH", "bkhdt": "BKHĐT", "hdtp": "HĐTP",
	"ldtbxh": "LĐTBXH", "dhqg": "ĐHQG", "ubtumttqvn": "UBTƯMTTQVN",
	"bgd&dt": "BGD&ĐT", "hdqt": "HĐQT", "hdtv": "HĐTV", "ddbqh": "ĐĐBQH",
	"bcd": "BCĐ", "du": "ĐU", "qdlt": "QĐLT", "tldld": "TLĐLĐ",
}

// citeCodeTypes maps a type abbreviation to its document type: the ND
// 30/2020 Phụ lục III table (administrative documents and copies) plus the
// legal-document and Party codes met in real numbers.
var citeCodeTypes = map[string]string{
	// ND 30/2020, Phụ lục III §I
	"NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế",
	"QyĐ": "Quy định", "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn",
	"CTr": "Chương trình", "KH": "Kế hoạch", "PA": "Phương án", "ĐA": "Đề án",
	"DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình",
	"HĐ": "Hợp đồng", "CĐ": "Công điện", "BGN": "Bản ghi nhớ",
	"BTT": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền", "GM": "Giấy mời",
	"GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi",
	"PC": "Phiếu chuyển", "PB": "Phiếu báo",
	// ND 30/2020, Phụ lục III §II (copies)
	"SY": "Bản sao y", "TrS": "Bản trích sao", "SL": "Bản sao lục",
	// legal documents, Party documents
	"NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch",
	"NQLT": "Nghị quyết liên tịch", "VBHN": "Văn bản hợp nhất", "AL": "Án lệ",
	"PL": "Pháp lệnh", "L": "Lệnh", "KL": "Kết luận",
}

// Words.

type citeWord struct {
	start, end int
	fold       string // viet.Fold of the word
	hasDigit   bool
}

func citeIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func citeIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func citeIsSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || (r >= '\u2000' && r <= '\u200a')
}

func citeWordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return citeIsWordRune(r)
}

func citeSkipSpace(s string, q int) int {
	for q < len(s) {
		r, size := utf8.DecodeRuneInString(s[q:])
		if !citeIsSpace(r) {
			break
		}
		q += size
	}
	return q
}

func citeSkipSpaceBack(s string, q int) int {
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !citeIsSpace(r) {
			break
		}
		q -= size
	}
	return q
}

// citeWordAt returns the word starting at s[q], if one does.
func citeWordAt(s string, q int) (citeWord, bool) {
	w := citeWord{start: q, end: q}
	for w.end < len(s) {
		r, size := utf8.DecodeRuneInString(s[w.end:])
		if !citeIsWordRune(r) {
			break
		}
		if r < utf8.RuneSelf && citeIsDigit(byte(r)) {
			w.hasDigit = true
		}
		w.end += size
	}
	if w.end == q {
		return w, false
	}
	w.fold = viet.Fold(s[w.start:w.end])
	return w, true
}

// citePrevWord returns the word ending before pos, skipping spaces and the
// characters in punct.
func citePrevWord(s string, pos int, punct string) (citeWord, bool) {
	q := pos
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !citeIsSpace(r) && !strings.ContainsRune(punct, r) {
			break
		}
		q -= size
	}
	end := q
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:q])
		if !citeIsWordRune(r) {
			break
		}
		q -= size
	}
	if q == end {
		return citeWord{}, false
	}
	return citeWordAt(s, q)
}

// Dates.

// ParseDate parses a Vietnamese day-first date, "23/11/2022", "23-11-2022",
// "23.11.2022", "ngày 05 tháng 3 năm 2020" or "ngày 5/3/2020", into
// "YYYY-MM-DD". Accents are optional ("ngay 5 thang 3 nam 2020"). It
// rejects impossible dates (31/02) and years outside 1900–2100.
func ParseDate(s string) (string, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	q := 0
	if w, ok := citeWordAt(s, 0); ok && w.fold == "ngay" {
		q = citeSkipSpace(s, w.end)
	}
	d, end, ok := citeDateAt(s, q)
	if !ok || end != len(s) {
		return "", false
	}
	return d, true
}

// citeDateAt reads a date starting at s[q] and returns it as YYYY-MM-DD with
// the end of the date in s.
func citeDateAt(s string, q int) (string, int, bool) {
	day, q1 := citeDigits(s, q, 2)
	if q1 == q {
		return "", 0, false
	}
	var month, year, end int
	if sep, size := citeDateSepAt(s, q1); sep != 0 {
		var q2, q3 int
		month, q2 = citeDigits(s, q1+size, 2)
		if q2 == q1+size {
			return "", 0, false
		}
		sep2, size2 := citeDateSepAt(s, q2)
		if sep2 != sep {
			return "", 0, false
		}
		year, q3 = citeDigits(s, q2+size2, 4)
		if q3-(q2+size2) != 4 {
			return "", 0, false
		}
		end = q3
	} else {
		w, ok := citeWordAt(s, citeSkipSpace(s, q1))
		if !ok || w.fold != "thang" {
			return "", 0, false
		}
		p := citeSkipSpace(s, w.end)
		var q2 int
		month, q2 = citeDigits(s, p, 2)
		if q2 == p {
			return "", 0, false
		}
		p = citeSkipSpace(s, q2)
		if p < len(s) && s[p] == ',' {
			p = citeSkipSpace(s, p+1)
		}
		w, ok = citeWordAt(s, p)
		if !ok || w.fold != "nam" {
			return "", 0, false
		}
		p = citeSkipSpace(s, w.end)
		year, end = citeDigits(s, p, 4)
		if end-p != 4 {
			return "", 0, false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); citeIsWordRune(r) {
			return "", 0, false
		}
	}
	if year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > citeDaysIn(month, year) {
		return "", 0, false
	}
	return strconv.Itoa(year) + "-" + citePad2(month) + "-" + citePad2(day), end, true
}

// citeDigits reads at most max ASCII digits at s[q]; more digits fail.
func citeDigits(s string, q, max int) (int, int) {
	n, p := 0, q
	for p < len(s) && citeIsDigit(s[p]) {
		if p-q == max {
			return 0, q
		}
		n = n*10 + int(s[p]-'0')
		p++
	}
	return n, p
}

func citeDateSepAt(s string, q int) (byte, int) {
	if q < len(s) && s[q] == '.' {
		return '.', 1
	}
	return citeSepAt(s, q)
}

func citeDaysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func citePad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Issuers.

// citeIssuerNames lists the issuers (cơ quan ban hành) recognized after
// "của", in canonical spelling. Matching is on folded words, so "Uỷ ban
// thường vụ quốc hội", "Bộ Văn hoá - Thể thao và Du lịch" and text typed
// without accents all match.
var citeIssuerNames = []string{
	"Chính phủ", "Thủ tướng Chính phủ", "Chủ tịch nước", "Quốc hội",
	"Ủy ban Thường vụ Quốc hội", "Bộ Chính trị", "Ban Chấp hành Trung ương",
	"Ban Bí thư", "Văn phòng Chính phủ", "Văn phòng Quốc hội",
	"Văn phòng Trung ương Đảng", "Văn phòng Chủ tịch nước",
	"Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
	"Hội đồng Thẩm phán Tòa án nhân dân tối cao", "Kiểm toán nhà nước",
	"Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam", "Ủy ban Dân tộc",
	"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ban Tổ chức Trung ương",
	"Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương",
	"Ban Tuyên giáo và Dân vận Trung ương", "Ban Kinh tế Trung ương",
	"Ban Nội chính Trung ương", "Ủy ban Kiểm tra Trung ương",
	"Ban Tổ chức - Cán bộ Chính phủ", "Bảo hiểm xã hội Việt Nam",
	"Tổng Liên đoàn Lao động Việt Nam", "Hội đồng Bầu cử quốc gia",
	// ministries, current and former
	"Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp",
	"Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn",
	"Bộ Nông nghiệp và Môi trường", "Bộ Giao thông vận tải", "Bộ Xây dựng",
	"Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
	"Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch",
	"Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế",
	"Bộ Kế hoạch và Đầu tư", "Bộ Dân tộc và Tôn giáo",
	"Bộ Văn hóa - Thông tin", "Bộ Thương mại", "Bộ Công nghiệp", "Bộ Thủy sản",
	"Bộ Bưu chính, Viễn thông", "Bộ Khoa học, Công nghệ và Môi trường",
	"Bộ Giáo dục",
}

// citeIssuerAliases maps other spellings to a canonical issuer name.
var citeIssuerAliases = map[string]string{
	"Thủ tướng":                              "Thủ tướng Chính phủ",
	"Ban Chấp hành Trung ương Đảng":          "Ban Chấp hành Trung ương",
	"Ban Bí thư Trung ương Đảng":             "Ban Bí thư",
	"Ban Bí thư Trung ương":                  "Ban Bí thư",
	"Ngân hàng Nhà nước":                     "Ngân hàng Nhà nước Việt Nam",
	"Hội đồng Thẩm phán":                     "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
	"Bộ Nông nghiệp và Phát triển Nông thôn": "Bộ Nông nghiệp và Phát triển nông thôn",
}

// citeIssuerCodes maps an issuer code in a ký hiệu to the issuer's name,
// for codes that name one issuer without doubt. TW (Bộ Chính trị, Ban Chấp
// hành or Ban Bí thư), UBND and HĐND (which province?) are left as codes.
var citeIssuerCodes = map[string]string{
	"CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội",
	"UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước",
	"VPCP": "Văn phòng Chính phủ", "VPQH": "Văn phòng Quốc hội",
	"VPTW": "Văn phòng Trung ương Đảng", "NHNN": "Ngân hàng Nhà nước Việt Nam",
	"TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
	"HĐTP": "Hội đồng Thẩm phán Tòa án nhân dân tối cao", "TTCP": "Thanh tra Chính phủ",
	"KTNN": "Kiểm toán nhà nước", "TU": "Tỉnh ủy", "UBDT": "Ủy ban Dân tộc",
	"BHXH": "Bảo hiểm xã hội Việt Nam",
	"BQP":  "Bộ Quốc phòng", "BCA": "Bộ Công an", "BNG": "Bộ Ngoại giao",
	"BNV": "Bộ Nội vụ", "BTP": "Bộ Tư pháp", "BTC": "Bộ Tài chính",
	"BCT": "Bộ Công Thương", "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
	"BNNMT": "Bộ Nông nghiệp và Môi trường", "BGTVT": "Bộ Giao thông vận tải",
	"BXD": "Bộ Xây dựng", "BTNMT": "Bộ Tài nguyên và Môi trường",
	"BTTTT": "Bộ Thông tin và Truyền thông", "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
	"BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BKHCN": "Bộ Khoa học và Công nghệ",
	"BGDĐT": "Bộ Giáo dục và Đào tạo", "BYT": "Bộ Y tế", "BKHĐT": "Bộ Kế hoạch và Đầu tư",
	"BDTTG": "Bộ Dân tộc và Tôn giáo",
}

// citeIssuerByCode returns the issuer named by a one-part issuer code, or "".
func citeIssuerByCode(code string) string {
	if n, ok := citeIssuerCodes[code]; ok {
		return n
	}
	switch t := citeTrimDigits(code); t {
	case "QH", "UBTVQH":
		return citeIssuerCodes[t]
	}
	return ""
}

// citeDefaultIssuer is the Issuer of a ref whose text names none: the name
// the code implies, else the code itself.
func citeDefaultIssuer(code string) string {
	if n := citeIssuerByCode(code); n != "" {
		return n
	}
	return code
}

type citeIssuerEntry struct {
	words []string
	name  string
}

// citeIssuerIndex holds citeIssuerNames and aliases by first folded word,
// longest first.
var citeIssuerIndex = func() map[string][]citeIssuerEntry {
	idx := make(map[string][]citeIssuerEntry)
	add := func(spelling, name string) {
		ws := citeFoldWords(spelling)
		idx[ws[0]] = append(idx[ws[0]], citeIssuerEntry{ws, name})
	}
	for _, n := range citeIssuerNames {
		add(n, n)
	}
	for a, n := range citeIssuerAliases {
		add(a, n)
	}
	for k, es := range idx {
		for i := 1; i < len(es); i++ { // insertion sort, longest first
			for j := i; j > 0 && len(es[j].words) > len(es[j-1].words); j-- {
				es[j], es[j-1] = es[j-1], es[j]
			}
		}
		idx[k] = es
	}
	return idx
}()

// citeFoldWords splits s into folded words, dropping punctuation.
func citeFoldWords(s string) []string {
	return strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !citeIsWordRune(r) })
}

// citeLocalHeads are local issuers (UBND tỉnh Bình Dương, Tỉnh ủy …): head,
// whether a level word (tỉnh, huyện…) may follow, then a capitalized place
// name.
var citeLocalHeads = []struct {
	words string
	name  string
	level bool
}{
	{"thuong truc hoi dong nhan dan", "Thường trực HĐND", true},
	{"thuong truc hdnd", "Thường trực HĐND", true},
	{"uy ban nhan dan", "UBND", true},
	{"ubnd", "UBND", true},
	{"hoi dong nhan dan", "HĐND", true},
	{"hdnd", "HĐND", true},
	{"ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy", false},
	{"ban thuong vu thanh uy", "Ban Thường vụ Thành ủy", false},
	{"tinh uy", "Tỉnh ủy", false},
	{"thanh uy", "Thành ủy", false},
	{"huyen uy", "Huyện ủy", false},
	{"dang uy", "Đảng ủy", false},
}

var citeLevels = []struct{ words, name string }{
	{"thanh pho", "thành phố"}, {"thi xa", "thị xã"}, {"thi tran", "thị trấn"},
	{"tinh", "tỉnh"}, {"huyen", "huyện"}, {"quan", "quận"}, {"xa", "xã"},
	{"phuong", "phường"},
}

// citeTitlePrefixes are the office holders that sign for an issuer: "của
// Bộ trưởng Bộ Tài chính", "của Hội nghị lần thứ bảy Ban Chấp hành Trung
// ương".
var citeTitlePrefixes = [][]string{
	{"bo", "truong"}, {"thong", "doc"}, {"chanh", "an"}, {"vien", "truong"},
	{"chu", "nhiem"}, {"chu", "tich"}, {"hoi", "nghi"}, {"thu", "truong"},
	{"tong", "kiem", "toan"},
}

// citeForwardWords reads up to n words from q. spaced[i] reports whether
// only spaces separate word i from the one before; otherwise commas or dashes
// do. Reading stops at any other character.
func citeForwardWords(s string, q, n int) (ws []citeWord, spaced []bool) {
	for len(ws) < n {
		p := q
		only := true
		for p < len(s) {
			r, size := utf8.DecodeRuneInString(s[p:])
			if citeIsWordRune(r) {
				break
			}
			if r == ',' || r == '-' || r == '–' {
				only = false
			} else if !citeIsSpace(r) {
				return ws, spaced
			}
			p += size
		}
		w, ok := citeWordAt(s, p)
		if !ok {
			break
		}
		ws = append(ws, w)
		spaced = append(spaced, only)
		q = w.end
	}
	return ws, spaced
}

// citeIssuersAt reads one issuer or a list of them ("Bộ Tài chính và Bộ Y
// tế", "Bộ Công an, Bộ Quốc phòng và Bộ Y tế") at s[q].
func citeIssuersAt(s string, q int) ([]string, int, bool) {
	name, end, ok := citeIssuerAt(s, q)
	if !ok {
		return nil, 0, false
	}
	names := []string{name}
	for len(names) < 8 {
		p := citeSkipSpace(s, end)
		joined := false
		if p < len(s) && s[p] == ',' {
			p, joined = citeSkipSpace(s, p+1), true
		}
		if w, ok := citeWordAt(s, p); ok && w.fold == "va" {
			p, joined = citeSkipSpace(s, w.end), true
		}
		if !joined {
			break
		}
		n, e, ok := citeIssuerAt(s, p)
		if !ok {
			break
		}
		names, end = append(names, n), e
	}
	return names, end, true
}

// citeIssuerAt reads one issuer name at s[q].
func citeIssuerAt(s string, q int) (string, int, bool) {
	ws, spaced := citeForwardWords(s, q, 16)
	if len(ws) == 0 {
		return "", 0, false
	}
	if name, n := citeMatchIssuer(s, ws, spaced); n > 0 {
		return name, ws[n-1].end, true
	}
	for _, pre := range citeTitlePrefixes {
		if !citeHasWords(ws, spaced, pre, false) {
			continue
		}
		for k := len(pre); k < len(ws) && k <= len(pre)+6; k++ {
			if !spaced[k] {
				break
			}
			if name, n := citeMatchIssuer(s, ws[k:], spaced[k:]); n > 0 {
				return name, ws[k+n-1].end, true
			}
		}
	}
	if name, n := citeGenericIssuer(s, ws, spaced); n > 0 {
		return name, ws[n-1].end, true
	}
	return "", 0, false
}

// citeHasWords reports whether ws starts with the folded words want,
// separated by spaces only, or also by commas and dashes when soft is set.
func citeHasWords(ws []citeWord, spaced []bool, want []string, soft bool) bool {
	if len(ws) < len(want) {
		return false
	}
	for i, f := range want {
		if ws[i].fold != f || (i > 0 && !soft && !spaced[i]) {
			return false
		}
	}
	return true
}

// citeMatchIssuer matches the longest known issuer at the start of ws and
// returns its name and the number of words used.
func citeMatchIssuer(s string, ws []citeWord, spaced []bool) (string, int) {
	best, bestN := "", 0
	for _, e := range citeIssuerIndex[ws[0].fold] {
		if len(e.words) <= len(ws) && citeHasWords(ws, spaced, e.words, true) {
			best, bestN = e.name, len(e.words)
			break
		}
	}
	for _, h := range citeLocalHeads {
		hw := strings.Fields(h.words)
		if len(hw) <= bestN || !citeHasWords(ws, spaced, hw, false) {
			continue
		}
		name, n := h.name, len(hw)
		if h.level {
			for _, l := range citeLevels {
				lw := strings.Fields(l.words)
				if n < len(ws) && spaced[n] && citeHasWords(ws[n:], spaced[n:], lw, false) {
					name, n = name+" "+l.name, n+len(lw)
					break
				}
			}
		}
		// a capitalized place name: "Bình Dương", "Đắk Lắk"
		for k := 0; k < 4 && n < len(ws) && spaced[n]; k++ {
			w := ws[n]
			orig := s[w.start:w.end]
			r, _ := utf8.DecodeRuneInString(orig)
			if !unicode.IsUpper(r) || w.hasDigit || w.fold == "ve" || w.fold == "v" {
				break
			}
			name += " " + viet.Canon(orig)
			n++
		}
		return name, n
	}
	return best, bestN
}

// citeJoinIssuers writes several issuers as Vietnamese does: "A và B",
// "A, B và C".
func citeJoinIssuers(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}

// citeCompatible reports whether an issuer code in a key ("BTC", "QH14",
// "BTC-BKHCN", "TW") agrees with the issuer names stated in the text. A
// code part agrees with a name when its letters occur in order in the
// name's initials (BLĐTBXH: Bộ Lao động - Thương binh và Xã hội; VKSTC:
// Viện kiểm sát nhân dân tối cao), or the name belongs to the code's family
// (QH: Quốc hội or its Standing Committee). Unknown codes agree with
// everything.
func citeCompatible(code string, names []string) bool {
	if code == "" {
		return true
	}
	parts := strings.FieldsFunc(viet.Fold(code), func(r rune) bool { return r == '-' || r == '/' })
	for _, name := range names {
		ws := citeFoldWords(name)
		var ini strings.Builder
		for i, w := range ws {
			switch {
			case w == "va":
			case w == "trung" && i+1 < len(ws) && ws[i+1] == "uong":
				ini.WriteString("t") // Trung ương is TW in codes
			case w == "uong" && i > 0 && ws[i-1] == "trung":
				ini.WriteString("w")
			default:
				ini.WriteByte(w[0])
			}
		}
		a := ini.String()
		for _, part := range parts {
			part = strings.Map(func(r rune) rune {
				if 'a' <= r && r <= 'z' {
					return r
				}
				return -1
			}, part)
			switch {
			case part == "":
			case citeSubsequence(part, a), strings.HasPrefix(part, a):
				return true
			case part == ws[0]: // ubnd, hdnd
				return true
			case citeInFamily(part, name):
				return true
			}
		}
	}
	return false
}

// citeSubsequence reports whether the letters of sub occur in order in s,
// starting with the first.
func citeSubsequence(sub, s string) bool {
	if len(sub) < 2 || sub[0] != s[0] {
		return false
	}
	i := 0
	for j := 0; j < len(s) && i < len(sub); j++ {
		if s[j] == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// citeIssuerFamily lists, by folded code, the issuers (name prefixes) a
// code may stand for besides the one its letters spell.
var citeIssuerFamily = map[string][]string{
	"tw":     {"Bộ Chính trị", "Ban Chấp hành Trung ương", "Ban Bí thư"},
	"vptw":   {"Văn phòng Trung ương Đảng"},
	"tu":     {"Ban Thường vụ Tỉnh ủy"},
	"qh":     {"Quốc hội", "Ủy ban Thường vụ Quốc hội"},
	"ubtvqh": {"Quốc hội", "Ủy ban Thường vụ Quốc hội"},
	"ctn":    {"Quốc hội", "Ủy ban Thường vụ Quốc hội"},
	"ttg":    {"Thủ tướng Chính phủ", "Chính phủ"},
	"hdtp":   {"Tòa án nhân dân tối cao"},
}

func citeInFamily(part, name string) bool {
	for _, f := range citeIssuerFamily[part] {
		if strings.HasPrefix(name, f) {
			return true
		}
	}
	return false
}

// citeGenericHeads start the names of agencies missing from the table:
// "Ủy ban Thể dục thể thao", "Sở Tài chính", "Cục Thuế".
var citeGenericHeads = map[string]bool{
	"bo": true, "uy": true, "ban": true, "tong": true, "cuc": true, "so": true,
	"van": true, "hoi": true, "ngan": true, "kiem": true, "thanh": true,
	"toa": true, "vien": true, "hoc": true, "dai": true, "trung": true,
}

// citeGenericStops end a generic issuer name: what usually follows it.
var citeGenericStops = map[string]bool{
	"ve": true, "quy": true, "ban": true, "huong": true, "co": true,
	"tai": true, "theo": true, "ngay": true, "nam": true, "sua": true,
	"thuc": true, "trong": true, "cho": true, "de": true, "v": true,
	"va": true, "phe": true, "bai": true, "dinh": true, "thi": true,
}

// citeGenericIssuer reads an issuer missing from the table: a capitalized
// head word ("Bộ", "Ủy ban", "Sở"…) and the following words up to a comma,
// a stop word or eight words, written with canonical tones.
func citeGenericIssuer(s string, ws []citeWord, spaced []bool) (string, int) {
	w := ws[0]
	r, _ := utf8.DecodeRuneInString(s[w.start:w.end])
	if !unicode.IsUpper(r) || !citeGenericHeads[w.fold] || len(ws) < 2 {
		return "", 0
	}
	n := 1
	for n < len(ws) && n < 8 && spaced[n] && !ws[n].hasDigit && (n == 1 || !citeGenericStops[ws[n].fold]) {
		n++
	}
	if n < 2 {
		return "", 0
	}
	parts := make([]string, n)
	for i := 0; i < n; i++ {
		parts[i] = viet.Canon(s[ws[i].start:ws[i].end])
	}
	return strings.Join(parts, " "), n
}

// citeNumberBefore reports a digit run that continues a number: "01:2021"
// (QCVN 01:2021/BXD), "1.250", "6,5".
func citeNumberBefore(s string, i int) bool {
	return i >= 2 && strings.IndexByte(":.,", s[i-1]) >= 0 && citeIsDigit(s[i-2])
}
