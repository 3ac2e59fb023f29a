package deadline

// The dated expressions of the grammar (deadline.go): quarters, months,
// dates, parts of a year and years, each read into its first and last day.

import (
	"fmt"
	"strings"
	"time"
)

// expr reads one dated expression at i: its first and last day and the
// tokens it takes (0: none). An expression without a year is queued in
// undated and reported with zero times.
func (r *reader) expr(i int) (lo, hi time.Time, n int) {
	for _, f := range []func(int) (time.Time, time.Time, int, bool){r.quarter, r.partOfYear, r.month, r.date, r.tet, r.year} {
		if lo, hi, n, ok := f(i); ok {
			return lo, hi, n
		}
	}
	return time.Time{}, time.Time{}, 0
}

// quarterNumber reads I, II, III, IV or 1–4.
func (r *reader) quarterNumber(i int) (int, bool) {
	if i >= len(r.t) {
		return 0, false
	}
	t := r.t[i]
	if t.kind == number && t.n >= 1 && t.n <= 4 && len(t.text) <= 2 {
		return t.n, true
	}
	if t.kind == word {
		switch t.text {
		case "i":
			return 1, true
		case "ii":
			return 2, true
		case "iii":
			return 3, true
		case "iv":
			return 4, true
		}
	}
	return 0, false
}

func (r *reader) quarter(i int) (lo, hi time.Time, n int, ok bool) {
	if !r.is(i, "quy") {
		return
	}
	first, ok1 := r.quarterNumber(i + 1)
	if !ok1 {
		return
	}
	last, j := first, i+2
	for {
		k := j
		if r.punct(k, ",-–") || r.is(k, "va") || r.is(k, "den") {
			k++
		} else {
			break
		}
		q, ok := r.quarterNumber(k)
		if !ok {
			break
		}
		last, j = max(last, q), k+1
	}
	y, k, hasYear := r.yearAfter(j)
	qlo := func(y int) time.Time { return time.Date(y, time.Month(3*first-2), 1, 0, 0, 0, 0, time.UTC) }
	qhi := func(y int) time.Time { return monthEnd(y, 3*last) }
	if !hasYear {
		if r.is(j, "hang", "nam") {
			return time.Time{}, time.Time{}, j - i, true // "Quý IV hằng năm": the recurrence follows
		}
		r.addUndated(qlo, qhi)
		return time.Time{}, time.Time{}, j - i, true
	}
	return qlo(y), qhi(y), k - i, true
}

// yearAfter reads an optional "/", "-", "." or "năm" and a year at i.
func (r *reader) yearAfter(i int) (year, next int, ok bool) {
	j := i
	if r.punct(j, "/-–.") || r.is(j, "nam") {
		j++
	}
	if y, ok := r.num(j); ok && plausibleYear(y, r.t[j].text) {
		return y, j + 1, true
	}
	return 0, i, false
}

func plausibleYear(y int, digits string) bool { return len(digits) == 4 && y >= 1900 && y <= 2200 }

func (r *reader) month(i int) (lo, hi time.Time, n int, ok bool) {
	if !r.is(i, "thang") {
		return
	}
	if _, isNum := r.num(i - 1); isNum {
		return // "6 tháng": a span, not a month
	}
	m, ok1 := r.num(i + 1)
	if !ok1 {
		return
	}
	y, k, hasYear := r.yearAfter(i + 2)
	if m < 1 || m > 12 {
		return time.Time{}, time.Time{}, k - i, true // "tháng 13/2025": no date, and not the year either
	}
	end := func(y int) time.Time { return monthEnd(y, m) }
	first := func(y int) time.Time { return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	if !hasYear {
		r.addUndated(first, end)
		return time.Time{}, time.Time{}, 2, true
	}
	return first(y), end(y), k - i, true
}

// date reads D/M/Y (one separator throughout), "ngày D tháng M [năm Y]",
// and D/M after "ngày" or "trước".
func (r *reader) date(i int) (lo, hi time.Time, n int, ok bool) {
	at := i
	lead := r.is(i, "ngay") || r.is(i, "truoc")
	if lead {
		at++
		at += r.weekday(at) // "trước Thứ Tư ngày 03/12/2025"
		if r.is(at, "ngay") {
			at++
		}
	}
	d, ok1 := r.num(at)
	if !ok1 {
		return
	}
	var m, y, next int
	hasYear := false
	switch {
	case r.punct(at+1, "/-."):
		sep := r.t[at+1].text
		mm, ok2 := r.num(at + 2)
		if !ok2 {
			return
		}
		m, next = mm, at+3
		if r.punct(at+3, sep) {
			if yy, ok3 := r.num(at + 4); ok3 && plausibleYear(yy, r.t[at+4].text) {
				y, next, hasYear = yy, at+5, true
			}
		}
		if !hasYear && !lead {
			return // a bare "24/24" is no date
		}
	case r.is(at+1, "thang"):
		mm, ok2 := r.num(at + 2)
		if !ok2 {
			return
		}
		m, next = mm, at+3
		if yy, k, ok3 := r.yearAfter(next); ok3 && (r.is(next, "nam") || r.punct(next, "/-.")) {
			y, next, hasYear = yy, k, true
		}
	default:
		return
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return
	}
	day := func(y int) time.Time {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Month() != time.Month(m) {
			return time.Time{} // 31/02, 31/4: no such day, no date
		}
		return t
	}
	if !hasYear {
		r.addUndated(nil, day) // 31/02: resolved to no date
		return time.Time{}, time.Time{}, next - i, true
	}
	t := day(y)
	if t.IsZero() {
		return time.Time{}, time.Time{}, next - i, true // taken, so its year is not read alone
	}
	return t, t, next - i, true
}

// weekday returns the tokens of a weekday at i ("Thứ Tư", "thứ 6", "Chủ
// nhật"), or 0.
func (r *reader) weekday(i int) int {
	if r.is(i, "chu", "nhat") {
		return 2
	}
	if !r.is(i, "thu") || i+1 >= len(r.t) {
		return 0
	}
	if n, ok := r.num(i + 1); ok && n >= 2 && n <= 7 {
		return 2
	}
	switch r.t[i+1].text {
	case "hai", "ba", "tu", "nam", "sau", "bay":
		return 2
	}
	return 0
}

// partOfYear reads "6 tháng đầu/cuối năm Y", "nửa đầu năm Y", "đầu năm
// Y", "giữa năm Y", "cuối năm Y" and "năm học Y-Y".
func (r *reader) partOfYear(i int) (lo, hi time.Time, n int, ok bool) {
	j, month := i, 0
	switch {
	case r.num1(i, 6) && r.is(i+1, "thang", "dau", "nam"):
		j, month = i+4, 6
	case r.num1(i, 6) && r.is(i+1, "thang", "cuoi", "nam"):
		j, month = i+4, 12
		if y, ok := r.num(j); ok && plausibleYear(y, r.t[j].text) {
			return time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC), monthEnd(y, 12), j + 1 - i, true
		}
		return
	case r.is(i, "nua", "dau", "nam"), r.is(i, "giua", "nam"):
		j, month = i+r.width(i, "nua", "dau", "nam"), 6
		if r.is(i, "giua", "nam") {
			j = i + 2
		}
	case r.is(i, "dau", "nam"):
		j, month = i+2, 3
	case r.is(i, "cuoi", "nam"):
		j, month = i+2, 12
	case r.is(i, "nam", "hoc"):
		if y1, ok1 := r.num(i + 2); ok1 && r.punct(i+3, "-–/") {
			if y2, ok2 := r.num(i + 4); ok2 && y2 == y1+1 && plausibleYear(y1, r.t[i+2].text) && plausibleYear(y2, r.t[i+4].text) {
				return time.Date(y1, 9, 1, 0, 0, 0, 0, time.UTC), monthEnd(y2, 5), 5, true
			}
		}
		return
	default:
		return
	}
	y, ok1 := r.num(j)
	if !ok1 || !plausibleYear(y, r.t[j].text) {
		return
	}
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), monthEnd(y, month), j + 1 - i, true
}

func (r *reader) num1(i, want int) bool {
	n, ok := r.num(i)
	return ok && n == want
}

// year reads "[năm] Y" and ranges "Y-Y", "Y đến Y", "giai đoạn Y - Y".
func (r *reader) year(i int) (lo, hi time.Time, n int, ok bool) {
	j := i
	if r.is(j, "nam") {
		j++
	}
	y, ok1 := r.num(j)
	if !ok1 || !plausibleYear(y, r.t[j].text) || r.docNumber(j) {
		return
	}
	lo, hi, n = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), monthEnd(y, 12), j+1-i
	k := j + 1
	if r.punct(k, "-–") || r.is(k, "den") {
		k++
		if r.is(k, "nam") {
			k++
		}
		if y2, ok2 := r.num(k); ok2 && plausibleYear(y2, r.t[k].text) && y2 > y {
			hi, n = monthEnd(y2, 12), k+1-i
		}
	}
	return lo, hi, n, true
}

// docNumber reports a number that is part of a số ký hiệu: "2025/QĐ-UBND",
// "số 2025".
func (r *reader) docNumber(j int) bool {
	if r.punct(j+1, "/-") && j+2 < len(r.t) && r.t[j+2].kind == word && r.t[j+2].raw != strings.ToLower(r.t[j+2].raw) {
		return true
	}
	return j > 0 && r.t[j-1].kind == word && r.t[j-1].text == "so"
}

func monthEnd(y, m int) time.Time {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
}

func latest(ts []time.Time) time.Time {
	out := ts[0]
	for _, t := range ts[1:] {
		if t.After(out) {
			out = t
		}
	}
	return out
}

func earliest(ts []time.Time) time.Time {
	out := ts[0]
	for _, t := range ts[1:] {
		if t.Before(out) {
			out = t
		}
	}
	return out
}

// tetDays are the first days of the lunar new year (Tết Nguyên đán) by
// the Vietnamese calendar, 2020–2040.
var tetDays = map[int]string{
	2020: "01-25", 2021: "02-12", 2022: "02-01", 2023: "01-22", 2024: "02-10",
	2025: "01-29", 2026: "02-17", 2027: "02-06", 2028: "01-26", 2029: "02-13",
	2030: "02-03", 2031: "01-23", 2032: "02-11", 2033: "01-31", 2034: "02-19",
	2035: "02-08", 2036: "01-28", 2037: "02-15", 2038: "02-04", 2039: "01-24",
	2040: "02-12",
}

// canChi are the stems and branches naming a lunar year (folded).
var canChi = [2]map[string]bool{
	{"giap": true, "at": true, "binh": true, "dinh": true, "mau": true, "ky": true, "canh": true, "tan": true, "nham": true, "quy": true},
	{"ty": true, "suu": true, "dan": true, "mao": true, "thin": true, "ngo": true, "mui": true, "than": true, "dau": true, "tuat": true, "hoi": true},
}

// tetEve is the last day before Tết of year y (zero outside tetDays).
func tetEve(y int) time.Time {
	md, ok := tetDays[y]
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(layout, fmt.Sprintf("%d-%s", y, md))
	if err != nil {
		return time.Time{}
	}
	return t.AddDate(0, 0, -1)
}

// tet reads "Tết [Nguyên đán] [năm] Y": the eve of Tết, the day a task
// "trước Tết Nguyên đán năm 2026" is due by; without a year, the next
// Tết after the plan's date.
func (r *reader) tet(i int) (lo, hi time.Time, n int, ok bool) {
	if !r.is(i, "tet") {
		return
	}
	if r.is(i+1, "duong", "lich") {
		return // Tết Dương lịch: 1 January, written as a date when it is one
	}
	j := i + 1
	if r.is(j, "nguyen", "dan") {
		j += 2
	}
	if j+1 < len(r.t) && canChi[0][r.t[j].text] && canChi[1][r.t[j+1].text] {
		j += 2 // "Tết Bính Ngọ 2026": the year's name
	}
	y, k, hasYear := r.yearAfter(j)
	if !hasYear {
		r.addUndated(nil, tetEve)
		return time.Time{}, time.Time{}, j - i, true
	}
	t := tetEve(y)
	if t.IsZero() {
		return time.Time{}, time.Time{}, k - i, true
	}
	return t, t, k - i, true
}
