package viet

import (
	"strconv"
	"strings"
)

// The term of the Quốc hội in the issuer code of its numbers ("QH15",
// "UBTVQH15"), and OCR's noise in it. The term is fixed by the year of the
// number: a law of 2024 is "…/2024/QH15". OCR reads the "1" of the term as
// "I" or "l" ("34/2014/QHI3") or adds one ("139/2025/QHI15"), which made
// one law three numbers. The rule lives here, with the number keys, so
// that every reader of a number — the citation parser's keys, the index's
// cited and own numbers, a query — names the same law (GrammarKey applies it).

// termFrom lists the first year each term sat: it sits until the next
// term's first year (both sit that year: the election year's first months
// are the old term's).
var termFrom = []struct{ term, from int }{
	{10, 1997}, {11, 2002}, {12, 2007}, {13, 2011}, {14, 2016}, {15, 2021}, {16, 2026},
}

// termSits reports whether term t of the Quốc hội sat in year y.
func termSits(t, y int) bool {
	for i, e := range termFrom {
		if e.term != t {
			continue
		}
		until := e.from + 5
		if i+1 < len(termFrom) {
			until = termFrom[i+1].from
		}
		return e.from <= y && y <= until
	}
	return false
}

// TermCode reads the term in an issuer code seg (canonical, upper case) of a
// number of year y: a code of the Quốc hội or its Standing Committee whose
// term holds OCR's "I" or "L" for "1" ("QHI5", "QHL4") or one inserted
// ("QHI15") becomes the term those letters can only be: of the readings
// (each letter a "1", or each letter dropped) exactly one gives a term that
// sat in y; so does a term of one or three digits, OCR's lost or stray
// digit ("QH1", "QH125": digitsTerm). A clean code, a number without year (y == 0) or a reading the
// year does not confirm is returned as it is, so two numbers that differ
// never become one.
func TermCode(seg string, y int) string {
	if y == 0 {
		return seg
	}
	prefix := termPrefix(seg)
	if prefix == "" {
		if t, ok := hTerm(seg, y); ok {
			return t
		}
		return seg
	}
	rest := seg[len(prefix):]
	if rest != "" && strings.Trim(rest, "0123456789") == "" {
		if t, ok := digitsTerm(rest, y); ok {
			return prefix + t
		}
		return seg
	}
	if rest == "" || !strings.ContainsAny(rest, "IL") || strings.Trim(rest, "0123456789IL") != "" {
		return seg
	}
	var found string
	for _, r := range []string{strings.NewReplacer("I", "1", "L", "1").Replace(rest), strings.NewReplacer("I", "", "L", "").Replace(rest)} {
		if len(r) != 2 || r == found {
			continue
		}
		t := int(r[0]-'0')*10 + int(r[1]-'0')
		if !termSits(t, y) {
			continue
		}
		if found != "" {
			return seg // two readings: not decided
		}
		found = r
	}
	if found == "" {
		return seg
	}
	return prefix + found
}

// termPrefix is the body a code's term follows — "UBTVQH" (the Standing
// Committee) or "QH" (the Quốc hội) — or "" for any other code.
func termPrefix(code string) string {
	switch {
	case strings.HasPrefix(code, "UBTVQH"):
		return "UBTVQH"
	case strings.HasPrefix(code, "QH"):
		return "QH"
	}
	return ""
}

// LawCode reports the issuer code of a law's number as staff type it:
// the Quốc hội's or its Standing Committee's ("QH", "UBTVQH", any case,
// marks folded) and a term of two digits ("QH16", "ubtvqh15"), clean — no
// OCR reading (TermCode's "QL1" is a road, Quốc lộ 1, in a query). A
// query reads a law's number typed with dots or spaces only with one
// (search/query looseLaw): "km2", "CO2", "QL18" and "VN30" end in digits
// too.
func LawCode(code string) bool {
	up := strings.ToUpper(Fold(code))
	p := termPrefix(up)
	return p != "" && len(up) == len(p)+2 && strings.Trim(up[len(p):], "0123456789") == ""
}

// termAgrees reports whether an issuer code agrees with year y: a code
// of the Quốc hội or its Standing Committee whose term (read by TermCode)
// sat in y; any other code does. A number's year read through OCR's noise
// (splitYear) is kept only where its code does not contradict it.
func termAgrees(code string, y int) bool {
	up := strings.ToUpper(Fold(code)) // as GrammarKey reads it: "QḶ4" is QL4
	if termPrefix(up) == "" && hBody(up) == "" {
		return true
	}
	return isTermCode(up, y)
}

// isTermCode reports a code of the Quốc hội or its Standing Committee whose
// term, read through OCR's noise by TermCode, sat in year y.
func isTermCode(code string, y int) bool {
	t := TermCode(strings.ToUpper(Fold(code)), y)
	prefix := termPrefix(t)
	if prefix == "" {
		return false
	}
	n, err := strconv.Atoi(t[len(prefix):])
	return err == nil && len(t)-len(prefix) == 2 && termSits(n, y)
}

// hBody returns the body of a code whose H OCR read as "I", "L" or two
// strokes ("QI113", "QII5", "UBTVQI14" for QH13, QH15, UBTVQH14): "QH" or
// "UBTVQH" when the code is "Q" (or "UBTVQ") and then only the letters
// and digits a term and such an H are made of, else "".
func hBody(code string) string {
	body, rest := "QH", ""
	switch {
	case strings.HasPrefix(code, "UBTVQ"):
		body, rest = "UBTVQH", code[len("UBTVQ"):]
	case strings.HasPrefix(code, "Q"):
		rest = code[1:]
	default:
		return ""
	}
	if rest == "" || rest[0] != 'I' && rest[0] != 'L' || strings.Trim(rest, "0123456789IL") != "" {
		return ""
	}
	return body
}

// hTerm reads a code whose H OCR misread (hBody): the H is the first one
// or two characters after "Q" ("I", "L", "I1", "II", "Il"…); of the
// readings of what follows as a term (TermCode) exactly one must sit in
// year y.
func hTerm(code string, y int) (string, bool) {
	body := hBody(code)
	if body == "" {
		return "", false
	}
	rest := code[len(body)-1:]
	found := ""
	for n := 1; n <= 2 && n < len(rest); n++ {
		t := TermCode(body+rest[n:], y)
		if termPrefix(t) == "" || len(t)-len(body) != 2 || strings.Trim(t[len(body):], "0123456789") != "" {
			continue
		}
		if v, _ := strconv.Atoi(t[len(body):]); !termSits(v, y) || t == found {
			continue
		}
		if found != "" {
			return "", false // two readings
		}
		found = t
	}
	return found, found != ""
}

// digitsTerm reads a term of digits d that names no term: OCR dropped its
// last digit ("QH1" in 2023: the one term of 2023 beginning "1" is 15) or
// added one ("QH125": of "25", "15" and "12" only 15 sat in 2023). It
// answers only when exactly one term sitting in year y fits; two digits
// are a term as typed (a wrong one is the source's, not OCR's).
func digitsTerm(d string, y int) (string, bool) {
	var cands []string
	switch len(d) {
	case 1:
		for _, e := range termFrom {
			if t := strconv.Itoa(e.term); strings.HasPrefix(t, d) {
				cands = append(cands, t)
			}
		}
	case 3:
		for i := range d {
			cands = append(cands, d[:i]+d[i+1:])
		}
	default:
		return "", false
	}
	found := ""
	for _, c := range cands {
		t, err := strconv.Atoi(c)
		if err != nil || c == found || c[0] == '0' || !termSits(t, y) {
			continue
		}
		if found != "" {
			return "", false // two terms fit: not decided
		}
		found = c
	}
	return found, found != ""
}

// termKey applies TermCode to the issuer segments of a number key k (lower
// case, as GrammarKey makes it) whose second segment is a year:
// "139/2025/qhi15" → "139/2025/qh15". Any other key is returned as it is.
func termKey(k string) string {
	if !termLike(k) {
		return k
	}
	segs := strings.Split(k, "/")
	if len(segs) < 3 || len(segs[1]) != 4 {
		return k
	}
	y := 0
	for _, r := range segs[1] {
		if r < '0' || r > '9' {
			return k
		}
		y = y*10 + int(r-'0')
	}
	if y < 1945 || y > 2100 {
		return k
	}
	changed := false
	for i := 2; i < len(segs); i++ {
		for j, part := range strings.Split(segs[i], "-") {
			up := strings.ToUpper(part)
			if t := TermCode(up, y); t != up {
				parts := strings.Split(segs[i], "-")
				parts[j] = strings.ToLower(t)
				segs[i] = strings.Join(parts, "-")
				changed = true
			}
		}
	}
	if !changed {
		return k
	}
	return strings.Join(segs, "/")
}

// termLike reports a "q" followed by "h", "i" or "l" in the key k: a Quốc
// hội code, or one whose H OCR misread (hBody). Other keys ("qd-ubnd")
// skip termKey's split.
func termLike(k string) bool {
	for i := strings.IndexByte(k, 'q'); i >= 0 && i+1 < len(k); {
		if c := k[i+1]; c == 'h' || c == 'i' || c == 'l' {
			return true
		}
		j := strings.IndexByte(k[i+1:], 'q')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
