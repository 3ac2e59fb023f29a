package extract

// The evidence a page gives for its site's date order (its slots, weekdays,
// clocks, fixed dates, URL months and listing dates) and the resolution of a
// page's ambiguous date; the vote counting and the date styles are in
// dateorder.go.

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
)

// slotRunes bounds the text around a numeric date that counts as one date
// slot (a timestamp, a listing cell, a dateline); longer text is prose,
// whose dates a writer typed rather than the site's software printed.
const slotRunes = 100

// DateVotes returns the evidence the page's own dates give for its site's
// order: every numeric date in a short text (slot) votes by its
// components, a weekday beside it, the clock beside it, and unambiguous
// dates elsewhere on the page that match one of its readings.
func (p *Page) DateVotes() DateVotes {
	if p.votes != nil {
		return p.votes
	}
	v := DateVotes{}
	fixed := p.fixedDates()
	matched := false
	seen := map[*html.Node]bool{}
	for _, t := range p.idx().dateTexts {
		n := slotNode(t)
		if n == nil || seen[n] {
			continue
		}
		seen[n] = true
		s := nodeText(n)
		if n == t {
			s = oneLine(t.Data)
		}
		ambiguous := slotVotes(s, &v)
		if !matched {
			for _, h := range ambiguous {
				if o := orderByFixed(h, fixed); o != OrderUnknown {
					v.vote(h.style, o) // once per page: a listing may hold the same day by chance
					matched = true
					break
				}
			}
		}
	}
	p.votes = v
	return v
}

// slotNode returns the largest element around the text node t, up to
// three levels, whose text fits in a slot; t itself when only it fits;
// nil when t is prose.
func slotNode(t *html.Node) *html.Node {
	if runeCount(t.Data) > slotRunes {
		return nil
	}
	best := t
	n := t.Parent
	for i := 0; i < 3 && n != nil && n.Type == html.ElementNode && fits(n, slotRunes); i++ {
		best = n
		n = n.Parent
	}
	return best
}

// fits reports whether n's text has at most limit non-space runes; it
// stops counting past the limit.
func fits(n *html.Node, limit int) bool {
	left := limit
	var walk func(*html.Node) bool
	walk = func(m *html.Node) bool {
		if m.Type == html.TextNode {
			left -= runeCount(m.Data)
			return left >= 0
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(n)
}

// slotVotes adds the votes of the numeric dates in one slot s and returns
// its ambiguous ones. Dates written "ngày 5/6/2024" are Vietnamese by
// their word, not by the site's software, and do not vote.
func slotVotes(s string, v *DateVotes) []dateHit {
	var amb []dateHit
	viet := vietDate.FindAllStringIndex(s, -1)
	for _, m := range numericDate.FindAllStringSubmatchIndex(s, 4) {
		if insideAny(m[0], viet) {
			continue
		}
		h := hitAt(s, m, 3, 1, 2, true)
		if !h.valid() {
			continue
		}
		switch {
		case h.a > 12:
			v.vote(h.style, DayFirst)
		case h.b > 12:
			v.vote(h.style, MonthFirst)
		case h.a != h.b:
			if o := orderByWeekday(h, s); o != OrderUnknown {
				v.vote(h.style, o)
			} else {
				amb = append(amb, h)
			}
		}
		_, hint := clockOf(clockContext(s, h))
		v.hint(h.style, hint)
	}
	return amb
}

func insideAny(i int, spans [][]int) bool {
	for _, sp := range spans {
		if i >= sp[0] && i < sp[1] {
			return true
		}
	}
	return false
}

// clockRE matches a time of day: 15:04, 3:04:05 PM, 19h20, 8:30 SA.
var clockRE = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?::|h)\s*(\d{2})(?:\s*:\s*\d{2})?(?:\s*(a\.?m\b\.?|p\.?m\b\.?|sa\b|ch\b))?`)

// clockOf returns the kind of time in s ("ampm", "sach", "time" or "")
// and the order it hints at: MonthFirst for AM/PM, DayFirst for a 24-hour
// time past 12:59 or Vietnamese SA/CH, else OrderUnknown.
func clockOf(s string) (string, DateOrder) {
	if !strings.ContainsAny(s, ":hH") {
		return "", OrderUnknown
	}
	for _, m := range clockRE.FindAllStringSubmatch(s, 3) {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		if h > 23 || mi > 59 {
			continue
		}
		switch strings.ToLower(strings.ReplaceAll(m[3], ".", "")) {
		case "am", "pm":
			return "ampm", MonthFirst
		case "sa", "ch":
			return "sach", DayFirst
		}
		if h > 12 {
			return "time", DayFirst
		}
		return "time", OrderUnknown
	}
	return "", OrderUnknown
}

// clockContext is the text around a date where its time is printed.
func clockContext(s string, h dateHit) string {
	return s[max(h.start-16, 0):min(h.end+24, len(s))]
}

// weekdays maps weekday names, lower case, to days: Vietnamese "thứ hai"
// … "chủ nhật" (words or digits), English names and abbreviations.
var weekdays = map[string]time.Weekday{
	"thứ hai": time.Monday, "thứ 2": time.Monday, "thứ ba": time.Tuesday, "thứ 3": time.Tuesday,
	"thứ tư": time.Wednesday, "thứ 4": time.Wednesday, "thứ năm": time.Thursday, "thứ 5": time.Thursday,
	"thứ sáu": time.Friday, "thứ 6": time.Friday, "thứ bảy": time.Saturday, "thứ 7": time.Saturday,
	"chủ nhật": time.Sunday,
	"monday":   time.Monday, "mon": time.Monday, "tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "thursday": time.Thursday,
	"thur": time.Thursday, "thurs": time.Thursday, "friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday, "sunday": time.Sunday, "sun": time.Sunday,
}

// weekdayRE finds a weekday name. Go's \b is ASCII-only ("tư" ends in a
// non-ASCII letter), so the end is "not followed by a letter or digit".
// The English "Thu" is left out: "thu" is a common Vietnamese word.
var weekdayRE = regexp.MustCompile(`(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thur(?:s|sday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?:[^\p{L}\p{N}]|$)`)

// orderByWeekday returns the order under which the ambiguous hit falls on
// the weekday named in s, when exactly one reading does.
func orderByWeekday(h dateHit, s string) DateOrder {
	m := weekdayRE.FindString(s)
	if m == "" {
		return OrderUnknown
	}
	m = strings.TrimRightFunc(m, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	wd, ok := weekdays[strings.Join(strings.Fields(strings.ToLower(m)), " ")]
	if !ok {
		return OrderUnknown
	}
	r := h.readings()
	return onlyOne(weekdayOf(r[0]) == wd, weekdayOf(r[1]) == wd)
}

// onlyOne returns the order whose reading fits the evidence when only one
// does.
func onlyOne(dmy, mdy bool) DateOrder {
	switch {
	case dmy && !mdy:
		return DayFirst
	case mdy && !dmy:
		return MonthFirst
	}
	return OrderUnknown
}

func weekdayOf(d string) time.Weekday {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return -1
	}
	return t.Weekday()
}

// fixedDates returns the page's unambiguous declared dates (YYYY-MM-DD):
// meta, JSON-LD and itemprop values and <time datetime> attributes.
func (p *Page) fixedDates() map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		if h := firstDate(s); h.valid() && !h.ambiguous() {
			out[h.format(OrderUnknown)] = true
		}
	}
	for _, d := range p.meta().dates {
		add(d)
	}
	for _, n := range p.idx().times {
		add(attr(n, "datetime"))
	}
	return out
}

// orderByFixed returns the order under which the ambiguous hit reads as
// one of the fixed dates, when exactly one reading is among them.
func orderByFixed(h dateHit, fixed map[string]bool) DateOrder {
	r := h.readings()
	return onlyOne(fixed[r[0]], fixed[r[1]])
}

// urlMonth matches /yyyy/mm/ in a URL path.
var urlMonth = regexp.MustCompile(`/((?:19|20)\d{2})/(\d{1,2})(?:/|$)`)

// orderByURL returns the order under which the ambiguous hit falls in the
// month the page's URL names (/2024/05/), when exactly one reading does.
func orderByURL(h dateHit, path string) DateOrder {
	m := urlMonth.FindStringSubmatch(path)
	if m == nil {
		return OrderUnknown
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if y != h.y {
		return OrderUnknown
	}
	return onlyOne(h.b == mo, h.a == mo)
}

// localVotes is the evidence about the page's own date f: a weekday beside
// it, an unambiguous date of the same day on the page, the month of the
// URL, and the date the listing printed beside the link that led here
// (which also tells the listing's order when the page's date is fixed).
func (p *Page) localVotes(f dateFound, opt Options) DateVotes {
	v := DateVotes{}
	link := firstDate(opt.LinkDate)
	if h := f.hit; h.ambiguous() {
		v.vote(h.style, orderByWeekday(h, f.text))
		v.vote(h.style, orderByFixed(h, p.fixedDates()))
		if p.URL != nil {
			v.vote(h.style, orderByURL(h, p.URL.Path))
		}
		if link.valid() && !link.ambiguous() {
			v.vote(h.style, h.orderOf(link.format(OrderUnknown)))
		}
	} else if h.valid() && link.ambiguous() {
		v.vote(link.style, link.orderOf(h.format(OrderUnknown)))
	}
	return v
}

// resolveDate sets a.Published from f: under the configured order, else
// day first for a date typed in Vietnamese prose or a document header's
// date line, else the page's evidence
// about this date, else all the evidence known for dates of its style (the
// site's, passed in by the crawler, and this page's). A date none of them
// settles is left out and flagged (DateAmbiguous, with both readings).
func (p *Page) resolveDate(a *Article, f dateFound, opt Options) {
	local := p.localVotes(f, opt)
	if len(local) > 0 {
		a.DateVotes = local
	}
	if !f.hit.valid() {
		return
	}
	style := f.hit.style
	order := opt.DateOrder
	if order == OrderUnknown && (f.header || f.prose && vietnamese(f.text)) {
		order = DayFirst
	}
	if order == OrderUnknown {
		order = local.Total().Order()
	}
	if order == OrderUnknown && f.hit.ambiguous() {
		all := DateVotes{}
		all.Add(opt.SiteVotes)
		all.Add(p.DateVotes())
		all.Add(local)
		order = all.Order(style)
	}
	if d := f.hit.format(order); d != "" {
		a.Published = d
		return
	}
	a.DateAmbiguous = true
	a.DateReadings = f.hit.readings()
	a.DateStyle = style
}

// Resolve settles an ambiguous date of a with order (a site's order
// learned after the page was extracted). It reports whether it did.
func (a *Article) Resolve(order DateOrder) bool {
	if !a.DateAmbiguous || len(a.DateReadings) != 2 {
		return false
	}
	switch order {
	case DayFirst:
		a.Published = a.DateReadings[0]
	case MonthFirst:
		a.Published = a.DateReadings[1]
	default:
		return false
	}
	a.DateAmbiguous, a.DateReadings = false, nil
	return true
}

// hasNumericDate reports whether s may hold a numeric date: one or two
// digits, a separator, one or two digits, a separator, four digits. It is
// a cheap filter run on every text node before the regexp: the
// separators are found with strings.IndexByte, and only their
// surroundings are looked at.
func hasNumericDate(s string) bool {
	for _, sep := range [...]byte{'/', '.', '-'} {
		for i := 0; i < len(s); {
			j := strings.IndexByte(s[i:], sep)
			if j < 0 {
				break
			}
			if dateAt(s, i+j) {
				return true
			}
			i += j + 1
		}
	}
	return false
}

// dateAt reports whether the separator at s[j] is the first of a numeric
// date: d{1,2} s[j] d{1,2} [/.-] dddd, with no digit just before.
func dateAt(s string, j int) bool {
	k := j // start of the first component
	for k > 0 && j-k < 2 && isDigit(s[k-1]) {
		k--
	}
	if k == j || k > 0 && isDigit(s[k-1]) {
		return false
	}
	m := j + 1 // the second component
	for m < len(s) && m-j-1 < 2 && isDigit(s[m]) {
		m++
	}
	if m == j+1 || m+5 > len(s) || !isDateSep(s[m]) {
		return false
	}
	return allDigits(s[m+1 : m+5])
}

func isDigit(c byte) bool   { return c >= '0' && c <= '9' }
func isDateSep(c byte) bool { return c == '/' || c == '.' || c == '-' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// vietnamese reports whether s holds at least three letters only
// Vietnamese uses: ă â đ ê ô ơ ư and the toned vowels of U+1EA0–U+1EF9.
func vietnamese(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1EA0 && r <= 0x1EF9, strings.ContainsRune("ăâđêôơưĂÂĐÊÔƠƯ", r):
			if n++; n >= 3 {
				return true
			}
		}
	}
	return false
}
