package cite

import (
	"strconv"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// Dates: day-first Vietnamese dates.

// dateAt reads a date starting at s[q] and returns it as YYYY-MM-DD with
// the end of the date in s.
func dateAt(s string, q int) (string, int, bool) {
	day, q1 := readDigits(s, q, 2)
	if q1 == q {
		return "", 0, false
	}
	var month, year, end int
	if sep, size := dateSepAt(s, q1); sep != 0 {
		var q2, q3 int
		month, q2 = readDigits(s, q1+size, 2)
		if q2 == q1+size {
			return "", 0, false
		}
		sep2, size2 := dateSepAt(s, q2)
		if sep2 != sep {
			return "", 0, false
		}
		year, q3 = readDigits(s, q2+size2, 4)
		if q3-(q2+size2) != 4 {
			return "", 0, false
		}
		end = q3
	} else {
		w, ok := wordAt(s, skipSpace(s, q1))
		if !ok || w.fold != "thang" {
			return "", 0, false
		}
		p := skipSpace(s, w.end)
		var q2 int
		month, q2 = readDigits(s, p, 2)
		if q2 == p {
			return "", 0, false
		}
		p = skipSpace(s, q2)
		if p < len(s) && s[p] == ',' {
			p = skipSpace(s, p+1)
		}
		w, ok = wordAt(s, p)
		if !ok || w.fold != "nam" {
			return "", 0, false
		}
		p = skipSpace(s, w.end)
		year, end = readDigits(s, p, 4)
		if end-p != 4 {
			return "", 0, false
		}
	}
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
			return "", 0, false
		}
	}
	if year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year) {
		return "", 0, false
	}
	return strconv.Itoa(year) + "-" + pad2(month) + "-" + pad2(day), end, true
}

// readDigits reads at most max ASCII digits at s[q]; more digits fail.
func readDigits(s string, q, max int) (int, int) {
	n, p := 0, q
	for p < len(s) && isDigit(s[p]) {
		if p-q == max {
			return 0, q
		}
		n = n*10 + int(s[p]-'0')
		p++
	}
	return n, p
}

// dateSepAt returns the separator at s[q] as '.', '/' or '-' (a dash or
// '_', as in numbers), and its size, or 0.
func dateSepAt(s string, q int) (byte, int) {
	if q >= len(s) {
		return 0, 0
	}
	switch s[q] {
	case '.', '/':
		return s[q], 1
	case '_':
		return '-', 1
	}
	if r, size := utf8.DecodeRuneInString(s[q:]); viet.IsDash(r) {
		return '-', size
	}
	return 0, 0
}

func daysIn(month, year int) int {
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

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
