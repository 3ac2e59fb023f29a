package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// datelineRunes bounds a dateline: "Thứ năm, 02/11/2023, 19:20 (GMT+7)"
// is 35 runes; a sentence that happens to hold a date is longer.
const datelineRunes = 80

// timeZone matches zone names and offsets printed beside times.
var timeZone = regexp.MustCompile(`(?i)\b(?:gmt|utc|ict)\s*(?:[+\-−]\s*\d{1,2}(?::?\d{2})?)?`)

// datelineWords are the words a dateline may hold besides its date,
// weekday, time and zone (lower case).
var datelineWords = map[string]bool{
	"lúc": true, "giờ": true, "ngày": true, "cập": true, "nhật": true, "đăng": true, "thời": true,
	"gian": true, "xuất": true, "bản": true, "sáng": true, "chiều": true, "tối": true, "trưa": true,
	"published": true, "updated": true, "posted": true, "on": true, "at": true, "last": true,
	"first": true, "date": true, "time": true, "am": true, "pm": true, "sa": true, "ch": true, "h": true,
	// The small words of datelines in other languages (monthdate.go):
	// "22 de janeiro de 2018 às 0:13", "le 5 mars 2026 à 14h30".
	"de": true, "del": true, "às": true, "as": true, "à": true, "a": true, "le": true, "em": true,
	"publicado": true, "publié": true, "publiziert": true,
}

// isDateline reports whether l is only a date: a date in any accepted
// form with, around it, at most a weekday, times, a time zone, a label
// from datelineWords, small numbers (a zone offset) and punctuation.
func isDateline(l string) bool {
	if runeCount(l) > datelineRunes {
		return false
	}
	h := firstDate(l)
	if !h.valid() {
		return false
	}
	rest := l[:h.start] + " " + l[h.end:]
	rest = weekdayRE.ReplaceAllString(rest, " ")
	rest = foreignWeekdayRE.ReplaceAllString(rest, " ")
	rest = timeZone.ReplaceAllString(rest, " ")
	rest = clockRE.ReplaceAllString(rest, " ")
	for _, w := range strings.FieldsFunc(strings.ToLower(rest), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if datelineWords[w] || len(w) <= 2 && isDigit(w[0]) {
			continue
		}
		return false
	}
	return true
}
