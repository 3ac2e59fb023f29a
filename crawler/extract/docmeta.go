package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// The date and issuer of a document written where the header's usual
// lines do not hold them (ParseDocument reads the usual ones):
//
//	Số: 233/2026/NĐ-CP Hà Nội, ngày 26 tháng 6 năm 2026   both header columns on one line, no cell break
//	CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM           the issuer before the Quốc hiệu on one line
//	Hà Nội, ngày 25 tháng 10 / năm 2004                   a date line split over two lines
//	… ./. / Hà Nội, ngày 25 tháng 10 năm 2004 / TM. CHÍNH PHỦ   the date line at the end, above the signature
//	(Kèm theo Quyết định số 1696/QĐ-UBND ngày 15/5/2026 …)  an appendix naming the document's own number and date
//
// Each is read only when the header gave nothing, and only as a place,
// a comma and a whole valid date (placeDate) or the document's own
// number restated: a header date line whose slot holds two figures (a
// month stamped over a typed one: "ngày 15 tháng 5 4 năm 2026") is never
// guessed, only confirmed by an appendix whose date is one of its
// readings.

// namedPlaceDate is placeDate for the readers here, which look where a
// sentence may stand: each word of the place is capitalised but the
// words of a unit ("thành phố", "tỉnh", "xã"), so a trích yếu or a
// sentence ("Về việc nghỉ lễ Quốc khánh, ngày 02 tháng 9" / "năm 2025")
// is no place.
func namedPlaceDate(s string) string {
	place := placeDate(s)
	for _, w := range strings.Fields(place) {
		if !startsUpper(w) && !placeUnits[viet.Fold(w)] {
			return ""
		}
	}
	return place
}

// placeUnits are the lower-case words a place's name may hold, folded.
var placeUnits = map[string]bool{"thanh": true, "pho": true, "tinh": true, "huyen": true, "quan": true,
	"thi": true, "xa": true, "phuong": true, "tran": true, "dac": true, "khu": true}

// numberDateTail returns the date part of a cell holding "Số: …" and the
// date line with no cell break between them ("Số: 233/2026/NĐ-CP Hà Nội,
// ngày 26 tháng 6 năm 2026"), or "". The place must follow the number's
// last word (a figure, "/" or "-" in it): a place glued to other text
// ("&nbsp;Hà Nội") is not cut to its last word ("Nội").
func numberDateTail(c string) string {
	if !numberLabel(c) {
		return ""
	}
	words := strings.Fields(c)
	for k := 1; k < len(words); k++ {
		if !strings.ContainsAny(words[k-1], "/-0123456789") {
			continue
		}
		if rest := strings.Join(words[k:], " "); namedPlaceDate(rest) != "" {
			return rest
		}
	}
	return ""
}

// splitDateLine returns the date line begun in cell c and ended in a cell
// of the next line ("Hà Nội, ngày 25 tháng 10" / "năm 2004"), or "". c
// must hold the place and its comma but no whole date, and the next cell
// no date line of its own.
func splitDateLine(c string, next string) string {
	if !strings.Contains(c, ",") || placeDate(c) != "" || IsNumberDateLine(c) {
		return ""
	}
	for _, c2 := range cells(next) {
		c2 = strings.TrimSpace(c2)
		if c2 == "" || placeDate(c2) != "" {
			continue
		}
		if joined := strings.TrimSpace(c) + " " + c2; namedPlaceDate(joined) != "" {
			return joined
		}
	}
	return ""
}

// orgBeforeMotto returns the organisation name typed before the Quốc
// hiệu or Tiêu ngữ on one line ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
// NAM", "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc"), in capitals, or "".
// "NƯỚC" before the Quốc hiệu names the state, not an organisation.
func orgBeforeMotto(c string) string {
	f := foldAligned(c)
	loc := mottoRe.FindStringIndex(f)
	if loc == nil || loc[0] == 0 {
		return ""
	}
	pre := string([]rune(c)[:utf8.RuneCountInString(f[:loc[0]])])
	pre = strings.Trim(pre, " -–—_|:.,")
	if !hasLetter(pre) || hasDigit(pre) || !isUpper(pre) || viet.Fold(pre) == "nuoc" || len(strings.Fields(pre)) > 10 {
		return ""
	}
	return pre
}

// bracketOrg returns the organisation named alone in brackets on a
// header line under the issuer, the body that drafted the text for it
// (a Government report to the Quốc hội: "CHÍNH PHỦ" / "(Bộ Kế hoạch và
// Đầu tư)"), in normal case, or "".
func bracketOrg(c string) string {
	if !strings.HasPrefix(c, "(") || !strings.HasSuffix(c, ")") {
		return ""
	}
	in := strings.TrimSpace(c[1 : len(c)-1])
	if strings.ContainsAny(in, "()") || hasDigit(in) || len(strings.Fields(in)) > 10 || !startsOrg(viet.Fold(in)) || !startsUpper(in) {
		return ""
	}
	return normalCase(in)
}

// recipients reports a "Nơi nhận" line, where the header's zone ends
// (the date line in the signature's cells of a short document is read by
// lateDate, not as the header's).
func (p *docParser) recipients(i int) bool {
	for _, c := range cells(p.lines[i]) {
		if IsRecipientsLine(c) {
			return true
		}
	}
	return false
}

// lateDate reads the date from where a header without one may have put
// it: a date line just above or in the signature block (up to an
// appendix, the signer's name or another document's "Số:" line: a
// copy's "SAO Y BẢN CHÍNH" block or an embedded document below the
// signature dates that, not this one), else an appendix restating the
// document's own number with its date (ownDate). Either must be a
// reading of a header date line whose slots could not be read
// (slotsAllow).
func (p *docParser) lateDate() {
	if p.d.Published != "" {
		return
	}
	from, to := max(p.d.BodyStart, p.d.BodyEnd-2), min(len(p.lines), p.d.BodyEnd+8)
	if p.named > 0 {
		to = min(to, p.named+1)
	}
	for i := from; i < to && !(i >= p.d.BodyEnd && (appendixLine(p.lines[i]) || p.numberLine(i))); i++ {
		for _, c := range cells(p.lines[i]) {
			place := namedPlaceDate(c)
			if place == "" {
				continue
			}
			if i < p.d.BodyEnd {
				// The date line is no part of the body; a line holding
				// text beside it in another cell stays whole.
				end := i
				for _, o := range cells(p.lines[i]) {
					if o != c && hasLetter(o) {
						end = i + 1
					}
				}
				p.d.BodyEnd = p.trimEnd(p.d.BodyStart, end)
			}
			if d := parseDate(c, DayFirst); d != "" && p.slotsAllow(d) {
				p.d.Published, p.d.Place = d, place
			}
			return
		}
	}
	if d := p.ownDate(); d != "" && p.slotsAllow(d) {
		p.d.Published = d
	}
}

// numberLine reports a line holding a "Số:" cell.
func (p *docParser) numberLine(i int) bool {
	for _, c := range cells(p.lines[i]) {
		if numberLabel(c) {
			return true
		}
	}
	return false
}

// selfRefRe finds "số <number>" followed by "ngày <date>" in folded text.
var selfRefRe = regexp.MustCompile(`\bso\s*[:.]?\s*`)

// ownDate returns the date an appendix or attached regulation gives the
// document's own number ("(Kèm theo Quyết định số 1696/QĐ-UBND ngày
// 15/5/2026 của …)"), or "": the line must say "kèm theo" and every such
// line must give the same date.
func (p *docParser) ownDate() string {
	own := doctype.NumberKey(p.d.Number)
	if own == "" {
		return ""
	}
	date := ""
	for _, l := range p.lines[min(len(p.lines), p.titleEnd):] {
		f := foldAligned(l)
		if !strings.Contains(f, "kem theo") {
			continue
		}
		rs := []rune(l)
		for _, m := range selfRefRe.FindAllStringIndex(f, -1) {
			rest := string(rs[utf8.RuneCountInString(f[:m[1]]):])
			num := normNumber(rest)
			if num == "" || doctype.NumberKey(num) != own {
				continue
			}
			after := afterNumber(rest, num)
			if !strings.HasPrefix(viet.Fold(after), "ngay") {
				continue
			}
			d := parseDate(fillIns(after), DayFirst)
			if d == "" || date != "" && d != date {
				return "" // two dates for one number: neither
			}
			date = d
		}
	}
	return date
}

// afterNumber returns what follows the number num read at the start of s
// (normNumber drops the spaces typed in it: "1696 /QĐ-UBND"), trimmed of
// the comma before a date.
func afterNumber(s, num string) string {
	s = slash.ReplaceAllString(strings.TrimSpace(fillIns(s)), "/")
	s = strings.TrimLeft(s, ": ")
	k := 0 // runes of num matched, spaces skipped
	nr := []rune(num)
	for i, r := range s {
		if k == len(nr) {
			return strings.TrimLeft(s[i:], " ,")
		}
		if r == ' ' {
			continue
		}
		if r != nr[k] {
			return ""
		}
		k++
	}
	return ""
}

// slotRe reads a header date line's slots as figures, any number of them:
// "Lào Cai, ngày 15 tháng 5 4 năm 2026".
var slotRe = regexp.MustCompile(`^[^\d|]*[a-z][^\d|]*?,\s*` + dateWords(`([\d\s]*?)`, `([\d\s]*?)`, `([\d\s]+)`) + `$`)

// slotsAllow reports whether date is one reading of every header date
// line read as slots of figures ("ngày 15 tháng 5 4 năm 2026": a
// correction stamped over a typed figure); a slot left blank for a
// handwritten figure allows nothing. True when the header has none.
func (p *docParser) slotsAllow(date string) bool {
	y, _ := strconv.Atoi(date[:4])
	m, _ := strconv.Atoi(date[5:7])
	d, _ := strconv.Atoi(date[8:])
	for i := 0; i < p.end; i++ {
		for _, c := range cells(p.lines[i]) {
			s := slotRe.FindStringSubmatch(viet.Fold(strings.TrimSpace(c)))
			if s == nil {
				continue
			}
			if !hasFigure(s[1], d) || !hasFigure(s[2], m) || !hasFigure(s[3], y) {
				return false
			}
		}
	}
	return true
}

// hasFigure reports whether the figures of s include v.
func hasFigure(s string, v int) bool {
	for _, w := range strings.Fields(s) {
		if n, err := strconv.Atoi(w); err == nil && n == v {
			return true
		}
	}
	return false
}
