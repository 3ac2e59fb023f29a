package extract

import (
	"regexp"
	"sort"
	"strings"
)

// Dates written with the month's name: the date lines of Vietnamese
// documents' translations ("Hanoi, March 5, 2026", "Hanoï, le 5 mars
// 2026") and the datelines of news pages in other languages ("Wednesday 20
// November 2019 9:22 am", "segunda-feira, 22 de janeiro de 2018 às 0:13").
// The month is named, so the date reads one way only. Both orders are
// read — day before the month ("5 March 2026", "22 de janeiro de 2018",
// "5. März 2026", "1er février") and the month before the day ("March 5,
// 2026", "Nov. 15, 2019") — and only with a year: "HANOI, March 5
// (Reuters)" gives no date.

// monthNames maps month names and their abbreviations, lower case, in
// English, French, Portuguese, Spanish, Italian and German, to the month.
// One table: the dates' patterns and the datelines' words are built from
// it.
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
	"janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12,
	"janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
	"agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
	"enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
	"setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
	"ottobre": 10, "dicembre": 12,
	"januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}

// foreignWeekdays are weekday names a dateline in another language may
// open with (English ones are weekdayRE's, which also reads them as
// evidence of the order): they are words of a dateline, nothing more.
var foreignWeekdays = []string{
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"segunda-feira", "terça-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo",
	"lunes", "martes", "miércoles", "jueves", "viernes", "sabado",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
}

// monthAlt is the alternation of monthNames, longest first.
var monthAlt = func() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	return strings.Join(names, "|")
}()

// notLetter stands for Go's ASCII-only \b around names that may hold
// non-ASCII letters ("février", "março").
const notLetter = `(?:^|[^\p{L}\p{N}])`

var (
	// dayMonthDate: "5 March 2026", "5th March, 2026", "le 1er février
	// 2025", "22 de janeiro de 2018", "5. März 2026".
	dayMonthDate = regexp.MustCompile(`(?i)` + notLetter + `(\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+)?(` + monthAlt + `)\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b`)
	// monthDayDate: "March 5, 2026", "Nov. 15, 2019".
	monthDayDate = regexp.MustCompile(`(?i)` + notLetter + `(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
)

// monthDate returns the first date in s written with a month's name.
func monthDate(s string) dateHit {
	best := dateHit{}
	if m := dayMonthDate.FindStringSubmatchIndex(s); m != nil {
		best = monthHit(s, m, 1, 2, 3)
	}
	if m := monthDayDate.FindStringSubmatchIndex(s); m != nil && (!best.valid() || m[2] < best.start) {
		if h := monthHit(s, m, 2, 1, 3); h.valid() {
			best = h
		}
	}
	return best
}

// monthHit builds a fixed hit from the day, month-name and year groups;
// it starts at the first group (the separator before it is not the
// date's).
func monthHit(s string, m []int, dg, mg, yg int) dateHit {
	month := monthNames[strings.ToLower(s[m[2*mg]:m[2*mg+1]])]
	h := dateHit{y: atoi(s[m[2*yg]:m[2*yg+1]]), a: atoi(s[m[2*dg]:m[2*dg+1]]), b: month, start: m[2], end: m[1]}
	if month == 0 || h.format(DayFirst) == "" {
		return dateHit{}
	}
	return h
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// hasYear reports whether s holds a run of four digits: the cheap test
// before the named-month patterns, which are tried on every text a date
// is looked for in.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// foreignWeekdayRE finds a name of foreignWeekdays.
var foreignWeekdayRE = func() *regexp.Regexp {
	q := make([]string, len(foreignWeekdays))
	for i, w := range foreignWeekdays {
		q[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?i)` + notLetter + `(?:` + strings.Join(q, "|") + `)(?:[^\p{L}\p{N}]|$)`)
}()
