// Package deadline reads the thời hạn of a task, as a plan's table column
// or its text states it, into a due date or a recurrence, keeping the
// words as written.
//
// Grammar (over words folded by viet.Fold, so "Quý", "QUÝ" and "quy" are
// one; "hằng" and "hàng" both fold to "hang"):
//
//	quarter   = "quý" Q {("," | "và" | "-" | "đến") Q} [("/" | "-" | ".") | "năm"] [YEAR]
//	                Q = I, II, III, IV or 1–4 → the last day of the (last) quarter
//	month     = "tháng" M [("/" | "-" | ".") | "năm"] [YEAR]      → the month's last day
//	date      = D "/" M "/" YEAR | D "-" M "-" YEAR | D "." M "." YEAR
//	          | "ngày" D "tháng" M ["năm" YEAR]
//	          | ("ngày" | "trước") D "/" M                          → that day
//	year      = ["năm"] YEAR                                        → 31 December
//	          | YEAR ("-" | "–" | "đến") YEAR                       → a range: From, Date
//	          | ("6 tháng" | "nửa") "đầu năm" YEAR                 → 30 June
//	          | "6 tháng cuối năm" | "cuối năm" YEAR                → 31 December
//	          | "đầu năm" YEAR → 31 March; "giữa năm" YEAR → 30 June
//	          | "năm học" YEAR "-" YEAR                             → 31 May of the second
//	span      = "trong" ["vòng" | "thời hạn"] N ("ngày" | "tuần" | "tháng" | "năm")
//	                → the reference date plus N (a plan's own date)
//	recurring = ("hằng" | "hàng" | "mỗi") ("ngày" | "tuần" | "tháng" | "quý" | "năm")
//	          | "thường xuyên" | "liên tục" | "định kỳ" ["N tháng"]
//	          | ("trước" | "ngày") ["thứ" WEEKDAY | "chủ nhật"] "ngày" D "/" M …
//	tet       = "Tết" ["Nguyên đán"] [CAN CHI] [["năm"] YEAR]        → the eve of Tết (2020–2040)
//	before    = "trước" PERIOD (a quarter, month, part of a year, year)
//	                → the day before the period starts: "trước năm 2026" → 2025-12-31
//	start     = ("từ" | "bắt đầu") DATE-EXPRESSION                  → From, not a due date
//	          | ["kể"] "từ nay"                                     → From the reference date
//	until     = "đến" DATE-EXPRESSION                               → a due date, no From of its own
//	vision    = "tầm nhìn" ["đến"] ["năm"] YEAR                     → skipped: an outlook
//	now       = "Ngay" (the word without marks, first in a column)  → the reference date
//
// A day that does not exist ("31/02/2026", "31/4") gives no date. A
// recurrence right after a noun it describes is not read: "chi thường
// xuyên", "kinh phí hoạt động thường xuyên" (budget terms), "trợ cấp
// (mất sức lao động) hằng tháng", "lương hưu hằng tháng" (payments).
//
// A day, month or quarter without a year takes the year of the reference
// date (the plan's own date), or the next one when it would fall before
// it: "Quý I" in a plan of November 2025 is Quý I/2026. With a recurrence
// ("trước ngày 20 hằng tháng", "Quý IV hằng năm") it gives no date. When a
// text names several dates the latest is the deadline ("Quý II/2025 (giai
// đoạn 1); Quý IV/2025"), and the earliest start is From.
package deadline

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// Kind tells a due date from a recurrence.
type Kind string

const (
	None      Kind = ""          // nothing stated
	Date      Kind = "date"      // due on Date
	Recurring Kind = "recurring" // thường xuyên, hằng năm, định kỳ: no single date
	Unknown   Kind = "unknown"   // words naming no date read here ("Theo tiến độ dự án")
)

// Deadline is a normalised thời hạn.
type Deadline struct {
	Text  string `json:"text"`            // as written
	Kind  Kind   `json:"kind"`            // "", date, recurring, unknown
	Date  string `json:"date,omitempty"`  // YYYY-MM-DD: the last day of the period named
	From  string `json:"from,omitempty"`  // YYYY-MM-DD: the start of a range or of a recurrence
	Every string `json:"every,omitempty"` // day, week, month, quarter, half-year, year, periodic, continuous
}

// Recurrence units of Deadline.Every.
const (
	EveryContinuous = "continuous" // thường xuyên, liên tục
	EveryPeriodic   = "periodic"   // định kỳ, unit unsaid
)

const layout = "2006-01-02"

// Parse reads a deadline column ("Quý IV/2024", "Thường xuyên"). ref is the
// date of the plan, for a day, month or quarter written without a year and
// for spans ("trong 30 ngày"); the zero time leaves those without a date.
func Parse(s string, ref time.Time) Deadline {
	s = strings.TrimSpace(validUTF8(s))
	if s == "" {
		return Deadline{}
	}
	r := &reader{t: tokenize(s), ref: ref}
	r.run()
	d := r.result()
	d.Text = s
	if first := r.t[0]; d.Date == "" && d.Every == "" && first.kind == word && (first.raw == "Ngay" || first.raw == "ngay" || first.raw == "NGAY") && !ref.IsZero() {
		d.Date = ref.Format(layout) // "Ngay", "Ngay sau khi …": at once
	}
	d.settle()
	return d
}

// validUTF8 is s with invalid bytes replaced by U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// settle sets the kind from what was read.
func (d *Deadline) settle() {
	switch {
	case d.Date != "":
		d.Kind = Date
	case d.Every != "":
		d.Kind = Recurring
	case d.From != "":
		d.Kind, d.Every = Recurring, EveryContinuous // "từ năm 2026": ongoing from then
	case d.Text != "":
		d.Kind = Unknown
	}
	if d.From != "" && d.Date != "" && d.From > d.Date {
		d.From = ""
	}
}

// tokKind is the kind of a token.
type tokKind uint8

const (
	word tokKind = iota
	number
	punct
)

// token is a word (folded), a run of digits or one punctuation rune.
type token struct {
	kind       tokKind
	text       string // folded word, digits, or the punctuation rune
	raw        string // as written
	n          int    // value of a number (capped)
	start, end int    // byte span in the input
}

func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r >= '0' && r <= '9':
			j, n := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if n < 1_000_000 {
					n = n*10 + int(s[j]-'0')
				}
				j++
			}
			out = append(out, token{kind: number, text: s[i:j], raw: s[i:j], n: n, start: i, end: j})
			i = j
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i + size
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += size2
			}
			out = append(out, token{kind: word, text: viet.Fold(s[i:j]), raw: s[i:j], start: i, end: j})
			i = j
		default:
			out = append(out, token{kind: punct, text: s[i : i+size], raw: s[i : i+size], start: i, end: i + size})
			i += size
		}
	}
	return out
}

// reader walks the tokens of one text.
type reader struct {
	t    []token
	ref  time.Time
	d    Deadline
	ends []time.Time // due dates read
	from []time.Time // starts read
	// undated are periods without a year, resolved once the whole text is
	// read (a recurrence leaves them without a date); before marks those
	// read after "trước", due the day before they start.
	undated []undated
	last    int // index after the last token an expression took
}

// undated is a period without a year: its first (nil for a day) and last
// day in a year.
type undated struct {
	lo, hi func(year int) time.Time
	before bool
}

// addUndated queues a period without a year.
func (r *reader) addUndated(lo, hi func(int) time.Time) {
	r.undated = append(r.undated, undated{lo: lo, hi: hi})
}

// run reads every expression of the tokens.
func (r *reader) run() {
	start := false  // the next expression is a start ("từ")
	until := false  // the next expression ends a range ("đến"): no start of its own
	before := false // the next period is due the day before it starts ("trước năm 2026")
	for i := 0; i < len(r.t); {
		if n := r.citation(i); n > 0 {
			i += n // a cited document's number and date: not a deadline
			continue
		}
		if n := r.vision(i); n > 0 {
			i += n // "tầm nhìn đến năm 2045": an outlook, not a deadline
			continue
		}
		if n := r.recurrence(i); n > 0 {
			i += n
			r.last = i
			continue
		}
		if n := r.fromNow(i); n > 0 {
			if !r.ref.IsZero() { // "từ nay đến năm 2030": from the plan's date
				r.from = append(r.from, day(r.ref))
			}
			i += n
			r.last = i
			continue
		}
		if r.is(i, "tu") || r.is(i, "bat", "dau") {
			start, until, before = true, false, false
			i += r.width(i, "bat", "dau")
			continue
		}
		if r.is(i, "den") {
			start, until = false, true
			i++
			continue
		}
		if n := r.span(i); n > 0 {
			i += n
			r.last = i
			continue
		}
		queued := len(r.undated)
		lo, hi, n := r.expr(i)
		if n == 0 {
			before = r.is(i, "truoc") // for the expression right after it only
			i++
			continue
		}
		i += n
		r.last = i
		period := !lo.Equal(hi)
		switch {
		case hi.IsZero(): // without a year: queued in undated
			if before {
				for k := queued; k < len(r.undated); k++ {
					r.undated[k].before = true
				}
			}
		case start:
			r.from = append(r.from, lo)
		case before && period:
			r.ends = append(r.ends, lo.AddDate(0, 0, -1)) // "trước năm 2026": by 2025-12-31
		default:
			if period && !until && !before {
				r.from = append(r.from, lo)
			}
			r.ends = append(r.ends, hi)
		}
		start, until, before = false, false, false
	}
	r.resolveUndated()
}

// vision reads "tầm nhìn [đến] [năm] Y" ("đến năm 2030, tầm nhìn đến năm
// 2045"): the year a strategy looks to, not one a task is due by.
func (r *reader) vision(i int) int {
	if !r.is(i, "tam", "nhin") {
		return 0
	}
	j := i + 2
	if r.is(j, "den") {
		j++
	}
	if r.is(j, "nam") {
		j++
	}
	if y, ok := r.num(j); ok && plausibleYear(y, r.t[j].text) {
		return j + 1 - i
	}
	return 2
}

// day is t's date at midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// citation reads a cited document at i — its number and the date it was
// issued, "số 12/MT- SKHC ngày 15/01/2024", "1015/QĐ-TTg ngày 15/6/2025" —
// and returns the tokens it takes (0: none). A deadline phrase runs to the
// end of its clause and may hold one ("… ở mức cao (theo văn bản số
// 12/MT- SKHC ngày 15/01/2024 của Cục …)"); its date is not the task's.
func (r *reader) citation(i int) int {
	j := i
	if r.is(j, "so") {
		j++
	}
	if _, ok := r.num(j); !ok || !r.punct(j+1, "/-–") {
		return 0
	}
	// the number's code: letters with a capital ("QĐ", "TTg", "MT"),
	// numbers and the separators between them, up to "ngày"
	k, code := j+1, false
	for ; k < len(r.t) && k < j+12; k++ {
		t := r.t[k]
		if t.kind == word && t.text == "ngay" {
			break
		}
		switch {
		case t.kind == punct && strings.Contains("/-–.", t.text), t.kind == number:
		case t.kind == word && strings.ToLower(t.raw) != t.raw:
			code = true
		default:
			return 0
		}
	}
	if !code {
		return 0 // "15/12/2025": a date, not a number
	}
	if r.is(k, "ngay") {
		if _, _, n := r.expr(k); n > 0 {
			return k + n - i
		}
		if _, _, n := r.expr(k + 1); n > 0 {
			return k + 1 + n - i
		}
	}
	return k - i
}

// result is what run read.
func (r *reader) result() Deadline {
	d := r.d
	if len(r.ends) > 0 {
		d.Date = latest(r.ends).Format(layout)
	}
	if len(r.from) > 0 {
		d.From = earliest(r.from).Format(layout)
	}
	return d
}

func (r *reader) resolveUndated() {
	if r.d.Every != "" || r.ref.IsZero() {
		return
	}
	ref := day(r.ref)
	for _, u := range r.undated {
		f := u.hi
		if u.before && u.lo != nil {
			f = func(y int) time.Time { return u.lo(y).AddDate(0, 0, -1) }
		}
		t := f(ref.Year())
		if t.Before(ref) {
			t = f(ref.Year() + 1)
		}
		if !t.IsZero() {
			r.ends = append(r.ends, t)
		}
	}
}

// is reports whether the words starting at i are ws (folded).
func (r *reader) is(i int, ws ...string) bool {
	for k, w := range ws {
		if i+k >= len(r.t) || r.t[i+k].kind != word || r.t[i+k].text != w {
			return false
		}
	}
	return true
}

// width is len(ws) when the words at i are ws, else 1.
func (r *reader) width(i int, ws ...string) int {
	if r.is(i, ws...) {
		return len(ws)
	}
	return 1
}

func (r *reader) num(i int) (int, bool) {
	if i >= 0 && i < len(r.t) && r.t[i].kind == number {
		return r.t[i].n, true
	}
	return 0, false
}

func (r *reader) punct(i int, set string) bool {
	return i < len(r.t) && r.t[i].kind == punct && strings.Contains(set, r.t[i].text)
}

// everyUnits maps the folded unit words of a recurrence.
var everyUnits = map[string]string{"ngay": "day", "tuan": "week", "thang": "month", "quy": "quarter", "nam": "year"}

// recurrence reads a recurrence at i and returns the tokens it takes. A
// recurrence of a noun is none of the task's: "trợ cấp hằng tháng" (a
// monthly allowance), "chi thường xuyên" (recurrent spending).
func (r *reader) recurrence(i int) int {
	switch {
	case (r.is(i, "hang") || r.is(i, "moi")) && i+1 < len(r.t) && everyUnits[r.t[i+1].text] != "":
		if r.paymentBefore(i) {
			return 2
		}
		r.setEvery(everyUnits[r.t[i+1].text])
		return 2
	case r.is(i, "thuong", "xuyen"), r.is(i, "lien", "tuc"):
		if r.budgetBefore(i) {
			return 2
		}
		r.setEvery(EveryContinuous)
		return 2
	case r.is(i, "dinh", "ky"):
		if n, ok := r.num(i + 2); ok && r.is(i+3, "thang") {
			switch n {
			case 1:
				r.setEvery("month")
			case 3:
				r.setEvery("quarter")
			case 6:
				r.setEvery("half-year")
			case 12:
				r.setEvery("year")
			default:
				r.setEvery(EveryPeriodic)
			}
			return 4
		}
		if (r.is(i+2, "hang") || r.is(i+2, "moi")) && i+3 < len(r.t) && everyUnits[r.t[i+3].text] != "" {
			r.setEvery(everyUnits[r.t[i+3].text]) // "định kỳ hằng tháng": one recurrence
			return 4
		}
		r.setEvery(EveryPeriodic)
		return 2
	}
	return 0
}

// setEvery keeps the most specific recurrence: a unit over "định kỳ"
// over "thường xuyên".
func (r *reader) setEvery(e string) {
	rank := func(e string) int {
		switch e {
		case "":
			return 0
		case EveryContinuous:
			return 1
		case EveryPeriodic:
			return 2
		}
		return 3
	}
	if rank(e) > rank(r.d.Every) {
		r.d.Every = e
	}
}

// span reads "trong [vòng | thời hạn] N ngày|tuần|tháng|năm": the
// reference date plus N.
func (r *reader) span(i int) int {
	if !r.is(i, "trong") {
		return 0
	}
	j := i + 1
	switch {
	case r.is(j, "vong"):
		j++
	case r.is(j, "thoi", "han"):
		j += 2
	}
	n, ok := r.num(j)
	if !ok || n == 0 || n > 1000 || j+1 >= len(r.t) {
		return 0
	}
	unit := r.t[j+1].text
	if r.t[j+1].kind != word || everyUnits[unit] == "" || unit == "quy" {
		return 0
	}
	if r.is(j+2, "dau", "nam") || r.is(j+2, "cuoi", "nam") {
		return 0 // "trong 6 tháng đầu năm 2025": the year rule reads it
	}
	if !r.ref.IsZero() {
		t := time.Date(r.ref.Year(), r.ref.Month(), r.ref.Day(), 0, 0, 0, 0, time.UTC)
		switch unit {
		case "ngay":
			t = t.AddDate(0, 0, n)
		case "tuan":
			t = t.AddDate(0, 0, 7*n)
		case "thang":
			t = t.AddDate(0, n, 0)
		case "nam":
			t = t.AddDate(n, 0, 0)
		}
		r.ends = append(r.ends, t)
	}
	return j + 2 - i
}

// lower is the word at i in lower case as written ("" when none): the
// folded words confuse "chi" with "chỉ" and "tiền" with "tiến".
func (r *reader) lower(i int) string {
	if i < 0 || i >= len(r.t) || r.t[i].kind != word {
		return ""
	}
	return strings.ToLower(r.t[i].raw)
}

// paymentBefore reports a payment named up to five words before the
// recurrence at i, in the same clause: "trợ cấp hằng tháng", "lương hưu
// hằng tháng", "trợ cấp mất sức lao động hằng tháng", "phụ cấp hằng
// tháng", "sinh hoạt phí hằng tháng", "tiền hỗ trợ hằng tháng".
func (r *reader) paymentBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-5 && r.t[j].kind == word; j-- {
		switch w := r.lower(j); w {
		case "lương", "hưu", "phí", "tiền", "bổng":
			return true
		case "cấp":
			if p := r.lower(j - 1); p == "trợ" || p == "phụ" {
				return true
			}
		case "nhập":
			if r.lower(j-1) == "thu" {
				return true
			}
		}
	}
	return false
}

// budgetBefore reports a budget noun right before "thường xuyên" or
// "liên tục" at i: "chi thường xuyên", "kinh phí (hoạt động) thường
// xuyên", "nguồn thường xuyên", "dự toán thường xuyên", "vốn thường
// xuyên", "ngân sách thường xuyên".
func (r *reader) budgetBefore(i int) bool {
	j := i - 1
	if r.lower(j) == "động" && r.lower(j-1) == "hoạt" {
		j -= 2
	}
	switch r.lower(j) {
	case "chi", "phí", "nguồn", "toán", "vốn", "sách":
		return true
	}
	return false
}

// fromNow returns the tokens of "(kể) từ nay" at i, or 0 (written as
// such: "Thông tư này" folds to "thong tu nay").
func (r *reader) fromNow(i int) int {
	j := i
	if r.is(j, "ke", "tu", "nay") {
		j++
	}
	if r.is(j, "tu", "nay") && r.lower(j) == "từ" && r.lower(j+1) == "nay" {
		return j + 2 - i
	}
	return 0
}
