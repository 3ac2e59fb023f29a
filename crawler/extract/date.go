package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// anyA is an "a" with any of Vietnamese's marks, precomposed (text is NFC).
const anyA = `[aàáảãạăằắẳẵặâầấẩẫậ]`

// Date forms accepted, in the order tried on a piece of text:
//
//	ngày 23 tháng 11 năm 2022   Vietnamese form (any case, padded or not, marks
//	                            or none; also "ngày 23/11/2022": the word "day"
//	                            puts the day first)
//	2024-07-05T08:30:00+07:00   ISO 8601, as in meta tags and JSON-LD
//	23/11/2024, 23.11.2024, 23-11-2024   numeric, optionally followed by a time
//	6/30/2025 10:00 AM          US order, SharePoint list views
//	5 March 2026, March 5, 2026 the month named (monthdate.go), in six
//	                            languages: "le 5 mars 2026", "22 de janeiro de 2018"
//
// The first two and the named month are fixed; of a named month and a
// numeric date the first in the text is taken. A numeric date whose components are both ≤ 12
// and differ (6/7/2025) reads differently day-first and month-first: it is
// resolved by the site's order (configured or inferred, see dateorder.go)
// or by evidence on the page, and otherwise left ambiguous, never guessed.
var (
	// vietDate is the Vietnamese form (dateForm) with its figures.
	vietDate    = regexp.MustCompile(`(?i)` + dateForm(`(\d{1,2})`, `(\d{1,2})`, `(\d{4})`))
	isoDate     = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})(?:\b|T)`)
	numericDate = regexp.MustCompile(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b`)
	// dateLabel introduces a publication date in visible text.
	dateLabel = regexp.MustCompile(`(?i)(ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|ngày cập nhật|cập nhật|ngày ban hành|thời gian đăng|ngày|published|posted|updated)\s*(?:lúc)?\s*[:|]?\s*`)
)

// The Vietnamese date form's words. They take any mark on their "a":
// OCR reads a tone or vowel mark wrong ("thảng", "thẳng", "thắng", "nắm",
// "ngảy": the attachments' scans, govdocs' OCR'd forms), and between the
// day, the month and the year no other word has a reading
// (docs/log/i30-attach.md); folded text and a text typed without marks
// write them with a bare "a".
const (
	dayWord   = `ng` + anyA + `y`
	monthWord = `th` + anyA + `ng`
	yearWord  = `n` + anyA + `m`
	dateSep   = `[/.\-]`
)

// dateForm is the one grammar of a date in the Vietnamese form, which
// every reader of one in this package builds on (vietDate, a title
// form's date, a body's opening date): "ngày D tháng M năm Y", "/", "."
// or "-" in place of either word ("ngày 5/3/2026", "ngày 5 tháng
// 3/2026", "ngày 5/3 năm 2026"). day, month and year are the patterns of
// the figures: vietDate's digits, a title form's slots, which may be
// left blank ("ngày … tháng 3 năm 2026"). The words match NFC text with
// marks in any case under (?i), and folded text.
func dateForm(day, month, year string) string {
	return dayWord + `\s*` + day + `\s*(?:` + monthWord + `|` + dateSep + `)\s*` + month + `\s*(?:` + yearWord + `|` + dateSep + `)\s*` + year
}

// dateWords is dateForm with its words only, as a header's date line is
// typed, its slots filled by hand or left blank ("Phú An, ngày … tháng
// … năm 2026"; IsDateLine, slotsAllow). A place with a numeric date is
// placeDate's.
func dateWords(day, month, year string) string {
	return dayWord + `\s*` + day + `\s*` + monthWord + `\s*` + month + `\s*` + yearWord + `\s*` + year
}

// dateHit is a date found in text before a day/month order is applied.
// For fixed forms (ISO, "ngày … tháng …") a is the day and b the month;
// for numeric dates a and b are the components in the order written.
type dateHit struct {
	y, a, b    int
	numeric    bool
	start, end int    // byte offsets of the match in the searched text
	style      string // numeric dates: see dateStyle
}

// valid reports whether the hit was found and reads as a date one way or
// the other.
func (h dateHit) valid() bool { return h.y != 0 }

// ambiguous reports whether the hit reads as two different dates.
func (h dateHit) ambiguous() bool {
	return h.numeric && h.a <= 12 && h.b <= 12 && h.a != h.b
}

// dayMonth returns day and month under order; for an ambiguous hit and
// OrderUnknown ok is false.
func (h dateHit) dayMonth(order DateOrder) (day, month int, ok bool) {
	switch {
	case !h.numeric, h.a > 12, h.a == h.b:
		return h.a, h.b, true
	case h.b > 12:
		return h.b, h.a, true
	case order == DayFirst:
		return h.a, h.b, true
	case order == MonthFirst:
		return h.b, h.a, true
	}
	return 0, 0, false
}

// format returns the date as YYYY-MM-DD under order, or "" when it stays
// ambiguous.
func (h dateHit) format(order DateOrder) string {
	d, m, ok := h.dayMonth(order)
	if !ok {
		return ""
	}
	return ymd(h.y, m, d)
}

// readings returns the day-first and the month-first reading.
func (h dateHit) readings() []string {
	return []string{ymd(h.y, h.b, h.a), ymd(h.y, h.a, h.b)}
}

// orderOf returns the order under which the ambiguous hit h reads as the
// date d (YYYY-MM-DD), or OrderUnknown.
func (h dateHit) orderOf(d string) DateOrder {
	if !h.ambiguous() || d == "" {
		return OrderUnknown
	}
	r := h.readings()
	return onlyOne(d == r[0], d == r[1])
}

// firstDate returns the first date in s: a Vietnamese-form date anywhere
// wins, then an ISO date, then the first of a date with a named month and
// a valid numeric date.
func firstDate(s string) dateHit {
	if m := vietDate.FindStringSubmatchIndex(s); m != nil {
		if h := hitAt(s, m, 3, 1, 2, false); h.valid() {
			return h
		}
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		if h := hitAt(s, m, 1, 3, 2, false); h.valid() {
			return h
		}
	}
	named := dateHit{}
	if hasYear(s) {
		named = monthDate(s)
	}
	for _, m := range numericDate.FindAllStringSubmatchIndex(s, 4) {
		if named.valid() && named.start < m[0] {
			break
		}
		if h := hitAt(s, m, 3, 1, 2, true); h.valid() {
			return h
		}
	}
	return named
}

// hitAt builds a hit from submatch indexes: year, a and b are the group
// numbers; the hit is zero when no reading is a valid calendar date.
func hitAt(s string, m []int, yg, ag, bg int, numeric bool) dateHit {
	num := func(g int) int {
		v, _ := strconv.Atoi(s[m[2*g]:m[2*g+1]])
		return v
	}
	h := dateHit{y: num(yg), a: num(ag), b: num(bg), numeric: numeric, start: m[0], end: m[1]}
	if h.format(DayFirst) == "" && h.format(MonthFirst) == "" {
		return dateHit{}
	}
	if numeric {
		h.style = dateStyle(s[m[2*ag]:m[2*ag+1]], s[m[2*bg]:m[2*bg+1]], s[m[2*ag+1]], clockContext(s, h))
	}
	return h
}

// parseDate returns the first date in s as YYYY-MM-DD, or "" when s holds
// no valid date or its date stays ambiguous under order.
func parseDate(s string, order DateOrder) string {
	return firstDate(s).format(order)
}

// ymd validates a calendar date and formats it; years outside 1900–2100
// are rejected as noise.
func ymd(y, m, d int) string {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "" // 31/02
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// dateFound is the page's publication date before the order is applied:
// the hit, the short text it came from (for a weekday beside it) and
// where it was found.
// proseWords is the word count from which a line of the body is a
// sentence rather than a date slot.
const proseWords = 12

type dateFound struct {
	hit  dateHit
	text string
	// prose is set for a date inside a long line of the body: a person
	// typed it, in the language's convention, not the site's software.
	prose bool
	// header is set for the date line of a Vietnamese document's header
	// ("Hà Nội, 05/3/2026"): day first, as the layout writes it.
	header bool
}

// findPublished finds the publication date: DateSelector, then the date
// line of a document's header when doc (the page is a Vietnamese document
// or its translation: documentPage), then declared dates (JSON-LD, meta,
// itemprop), then <time datetime>, then visible text: elements whose class
// names a date, a labelled date ("Ngày đăng: …") anywhere, a dateline
// taken off the top of the body, and finally the first date in the
// article body.
func (p *Page) findPublished(opt Options, m *metadata, title, body, dateline string, doc bool) dateFound {
	if t := p.selectText(opt.DateSelector); t != "" {
		if h := firstDate(t); h.valid() {
			return dateFound{hit: h, text: t}
		}
	}
	if doc {
		// The document's own date, as a property table's "Ngày ban
		// hành" is: before the portal's dates of posting.
		if f := headerDate(body); f.hit.valid() {
			return f
		}
	}
	for _, v := range m.dates {
		if h := firstDate(v); h.valid() {
			return dateFound{hit: h, text: v}
		}
	}
	if f := p.visibleDate(title); f.hit.valid() {
		return f
	}
	if h := firstDate(dateline); h.valid() {
		return dateFound{hit: h, text: dateline}
	}
	h := firstDate(body)
	if !h.valid() {
		return dateFound{}
	}
	ls := strings.LastIndexByte(body[:h.start], '\n') + 1
	le := strings.IndexByte(body[h.end:], '\n')
	if le < 0 {
		le = len(body)
	} else {
		le += h.end
	}
	line := body[ls:le]
	h.start, h.end = h.start-ls, h.end-ls
	return dateFound{hit: h, text: line, prose: runeCount(line) > slotRunes || len(strings.Fields(line)) >= proseWords}
}

func (p *Page) visibleDate(title string) dateFound {
	x := p.idx()
	for _, n := range x.times {
		if !insidePageChrome(n, title) {
			if v := attr(n, "datetime"); firstDate(v).valid() {
				return dateFound{hit: firstDate(v), text: v}
			}
		}
	}
	for _, n := range x.dated {
		// A date inside a link to another page is that page's: a
		// teaser card's in a list of other articles.
		if insidePageChrome(n, title) || ignored(n) || linksAway(n, p.URL) {
			continue
		}
		if t := nodeText(n); len(t) < 200 {
			if h := firstDate(t); h.valid() {
				return dateFound{hit: h, text: t}
			}
		}
	}
	if x.body == nil {
		return dateFound{}
	}
	// Page chrome is left out: a footer's "Cập nhật lúc …" dates the
	// portal, not the article.
	var w textWriter
	w.render(x.body, pageChrome(title))
	text := clean(string(w.buf))
	for _, loc := range dateLabel.FindAllStringIndex(text, -1) {
		rest := labelRest(text[loc[1]:])
		if strings.HasPrefix(strings.ToLower(text[loc[0]:loc[1]]), "ngày") && !startsWithDigit(rest) {
			continue
		}
		t := oneLine(text[loc[0]:loc[1]]) + " " + rest
		if h := firstDate(t); h.valid() {
			return dateFound{hit: h, text: t}
		}
	}
	return dateFound{}
}

// maxLabelRest bounds the text after a date label that is read for its
// date (bytes).
const maxLabelRest = 60

// labelRest returns the text a date label introduces: the rest of its
// line, or the next line when the label ends its own ("Ngày đăng:" /
// "28/11/2026" in two blocks), at most maxLabelRest bytes, on one line.
// Never the paragraph after: "Ngày đăng: 28/11/2026" above "Sáng ngày
// 15/11/2026, …" is dated by its own line, not by the Vietnamese form the
// next line opens with.
func labelRest(s string) string {
	s = strings.TrimLeft(s, " \t\r\n\u00a0")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > maxLabelRest {
		s = s[:maxLabelRest]
	}
	return oneLine(s)
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// headerDate returns the date of the first date line ("<địa danh>, ngày …",
// "Hà Nội, 05/3/2026", "Hanoi, March 5, 2026": IsDateLine, a place set off
// by a comma first: headerPlace) among the body's first headerZone lines,
// marked to be read day first. An unfilled one ("ngày … tháng … năm
// 2026") gives none; a sentence ("Quyết định này có hiệu lực kể từ ngày
// 22 tháng 3 năm 2024.") is no date line.
func headerDate(body string) dateFound {
	for i, l := range strings.SplitN(body, "\n", headerZone+1) {
		if i == headerZone {
			break
		}
		for _, c := range cells(l) {
			if IsDateLine(c) && headerPlace(c) {
				c = fillIns(c)
				if h := firstDate(c); h.valid() {
					return dateFound{hit: h, text: c, header: true}
				}
			}
		}
	}
	return dateFound{}
}

// mottoLines is how many of the body's first lines are looked at for the
// Quốc hiệu: it heads the document.
const mottoLines = 20

// maxMottoLine bounds the lines looked at for the Quốc hiệu (bytes; with
// the issuer's cell beside it).
const maxMottoLine = 200

// documentPage reports whether a is a Vietnamese document or its
// translation: it has a number or type, or its body opens with the Quốc
// hiệu or Tiêu ngữ (IsMottoLine: "SOCIALIST REPUBLIC OF VIETNAM").
func documentPage(a *Article) bool {
	if a.Number != "" || a.Type != "" {
		return true
	}
	for i, l := range strings.SplitN(a.Body, "\n", mottoLines+1) {
		if i == mottoLines {
			break
		}
		if len(l) <= maxMottoLine && IsMottoLine(l) {
			return true
		}
	}
	return false
}

// headerPlace reports whether the date line c opens with a place's name
// (≤ maxPlaceWords words of letters, capitalised) set off by a comma.
func headerPlace(c string) bool {
	pl := placeOf(c)
	c = strings.TrimSpace(c)
	if pl == "" || len(strings.Fields(pl)) > maxPlaceWords || !placeRe.MatchString(pl) || !strings.HasPrefix(c, pl) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(pl)
	return unicode.IsUpper(r) && strings.HasPrefix(strings.TrimSpace(c[len(pl):]), ",")
}
