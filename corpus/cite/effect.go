package cite

import (
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/doctype"
)

// Effect phrases: when a document, or a change it makes, takes effect.
//
//	effect = "có hiệu lực" ["thi hành" | "pháp luật"] [from] [until]
//	from   = ["kể"] "từ" ["ngày"] (date | "ký" ["ban hành"] ["(" date ")"] | "ban hành" | self)
//	       | "sau" n "ngày" ["kể"] "từ" "ngày" ("ký" | "ban hành" | "công bố")
//	until  = "đến" ["hết"] "ngày" date
//	self   = type-word "này" "có hiệu lực" ["thi hành" | "pháp luật"]
//
// A self date ("kể từ ngày Nghị định này có hiệu lực") and the date of
// signing are resolved once the document's own effective date is known.

// effect is what an effect phrase says.
type effect struct {
	date   string // YYYY-MM-DD
	self   bool   // the document's own effective date
	signed bool   // the date of signing
	days   int    // days after signing
	until  string // YYYY-MM-DD: the end of the effect
}

func (e effect) any() bool { return e.date != "" || e.self || e.signed || e.until != "" }

// effectAt reads "có hiệu lực …" at token k and returns the token after it.
func (p *tokView) effectAt(k int) (effect, int, bool) {
	if p.word(k) != "co" || p.word(k+1) != "hieu" || p.word(k+2) != "luc" {
		return effect{}, k, false
	}
	j := p.skipThiHanh(k + 3)
	var e effect
	j, _ = p.fromAt(j, &e)
	j, _ = p.untilAt(j, &e)
	return e, j, e.any()
}

// skipThiHanh steps over "thi hành" or "pháp luật" after "hiệu lực".
func (p *tokView) skipThiHanh(j int) int {
	if (p.word(j) == "thi" && p.word(j+1) == "hanh") || (p.word(j) == "phap" && p.word(j+1) == "luat") {
		return j + 2
	}
	return j
}

// fromAt reads a from-phrase at token j.
func (p *tokView) fromAt(j int, e *effect) (int, bool) {
	if p.word(j) == "sau" && p.toks[min(j+1, len(p.toks)-1)].digit && p.word(j+2) == fNgay {
		n, err := strconv.Atoi(p.word(j + 1))
		q := j + 3
		if p.word(q) == "lam" && p.word(q+1) == "viec" {
			return j, false // working days: no calendar date
		}
		if err == nil && n > 0 && n < 400 {
			var sub effect
			if q2, ok := p.fromAt(q, &sub); ok && sub.signed {
				e.signed, e.days = true, n
				return q2, true
			}
		}
		return j, false
	}
	q := j
	if p.word(q) == "ke" {
		q++
	}
	if p.word(q) != "tu" {
		return j, false
	}
	q++
	if p.word(q) == fNgay {
		q++
	}
	if d, n, ok := p.dateTok(q); ok {
		e.date = d
		return n, true
	}
	switch {
	case p.word(q) == "ky":
		e.signed = true
		q++
		if p.word(q) == "ban" && p.word(q+1) == "hanh" {
			q += 2
		}
		if q < len(p.toks) && p.toks[q].kind == tOpen {
			if d, n, ok := p.dateTok(q + 1); ok && n < len(p.toks) && p.toks[n].kind == tClose {
				e.signed, e.date = false, d
				return n + 1, true
			}
		}
		return q, true
	case (p.word(q) == "ban" && p.word(q+1) == "hanh") || (p.word(q) == "cong" && p.word(q+1) == "bo"):
		e.signed = true
		return q + 2, true
	}
	if n, ok := p.selfNP(q); ok && p.word(n) == "co" && p.word(n+1) == "hieu" && p.word(n+2) == "luc" {
		e.self = true
		return p.skipThiHanh(n + 3), true
	}
	return j, false
}

// untilAt reads "đến [hết] ngày D" at token j.
func (p *tokView) untilAt(j int, e *effect) (int, bool) {
	if p.word(j) != "den" {
		return j, false
	}
	q := j + 1
	if p.word(q) == "het" {
		q++
	}
	if p.word(q) == fNgay {
		q++
	}
	if d, n, ok := p.dateTok(q); ok {
		e.until = d
		return n, true
	}
	return j, false
}

// dateTok reads a date whose first token is q and returns the token after it.
func (p *tokView) dateTok(q int) (string, int, bool) {
	if q >= len(p.toks) || p.toks[q].kind != tWord || !p.toks[q].digit {
		return "", q, false
	}
	d, end, ok := dateAt(p.s, int(p.toks[q].start))
	if !ok {
		return "", q, false
	}
	for q < len(p.toks) && int(p.toks[q].start) < end {
		q++
	}
	return d, q, true
}

// selfNP reads "[type word] này" (the text's own document: "Quyết định
// này", "Thông tư liên tịch này") or "Điều này" at token q and returns the
// token after it.
func (p *tokView) selfNP(q int) (int, bool) {
	if q < 0 || q >= len(p.toks) || p.toks[q].lex&lexType == 0 {
		return q, false
	}
	var ws [doctype.MaxWords]string
	n := 0
	for n < len(ws) && p.word(q+n) != "" && p.word(q+n) != fNay {
		ws[n] = p.word(q + n)
		n++
	}
	if p.word(q+n) != fNay || n == 0 {
		return q, false
	}
	if n == 1 && p.isUnitStart(q) {
		return q + 2, true
	}
	if _, ok := doctype.ByName(strings.Join(ws[:n], " ")); ok {
		return q + n + 1, true
	}
	if n == 2 && ws[0] == "van" && ws[1] == "ban" {
		return q + 3, true
	}
	return q, false
}

// typeWordEnding reports a document type name ("Nghị định", "Luật", "văn
// bản") ending at token k and returns its first token.
func (p *tokView) typeWordEnding(k int) (int, bool) {
	var ws [doctype.MaxWords]string
	for n := doctype.MaxWords; n >= 1; n-- {
		if k-n+1 < 0 {
			continue
		}
		ok := true
		for i := 0; i < n && ok; i++ {
			ws[i] = p.word(k - n + 1 + i)
			ok = ws[i] != ""
		}
		if !ok {
			continue
		}
		phrase := strings.Join(ws[:n], " ")
		if phrase == "van ban" {
			return k - n + 1, true
		}
		if _, found := doctype.ByName(phrase); found {
			return k - n + 1, true
		}
	}
	return k, false
}

// typeWordAt matches the type word opening at token k (doctype.Match) on
// the words from k to token last at most: its type and how many words it
// takes ("Nghị định quy định …" gives Nghị định and 2).
func (p *tokView) typeWordAt(k, last int) (doctype.Type, int, bool) {
	var ws [doctype.MaxWords]string
	n := 0
	for n < len(ws) && k+n <= last && p.word(k+n) != "" {
		ws[n] = p.word(k + n)
		n++
	}
	return doctype.Match(ws[:n])
}

// resolve turns an effect into a date, given the document's own effective
// date and its date of signing.
func (e effect) resolve(selfEff, signed string) string {
	switch {
	case e.date != "":
		return e.date
	case e.self:
		return selfEff
	case e.signed && signed != "":
		if e.days == 0 {
			return signed
		}
		t, err := time.Parse("2006-01-02", signed)
		if err != nil {
			return ""
		}
		return t.AddDate(0, 0, e.days).Format("2006-01-02")
	}
	return ""
}
