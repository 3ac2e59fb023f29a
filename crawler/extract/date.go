package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date forms accepted, in the order tried on a piece of text:
//
//	ngày 23 tháng 11 năm 2022   Vietnamese header form (any case, padded or not)
//	2024-07-05T08:30:00+07:00   ISO 8601, as in meta tags and JSON-LD
//	23/11/2024, 23.11.2024, 23-11-2024   numeric, optionally followed by a time
//	6/30/2025 10:00 AM          US order, SharePoint list views
//
// Numeric dates are day-first unless the site's DateOrder is MonthFirst.
// A component above 12 overrides the convention (30/6 and 6/30 are both
// 30 June), so only dates with both components ≤ 12 depend on it; with no
// site setting those are read day-first, the Vietnamese default, never
// guessed from the page.
var (
	vietDate    = regexp.MustCompile(`(?i)ngày\s*(\d{1,2})\s*(?:tháng|/)\s*(\d{1,2})\s*(?:năm|/)\s*(\d{4})`)
	isoDate     = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})(?:\b|T)`)
	numericDate = regexp.MustCompile(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b`)
	// dateLabel introduces a publication date in visible text.
	dateLabel = regexp.MustCompile(`(?i)(ngày đăng|đăng ngày|ngày xuất bản|ngày cập nhật|cập nhật|ngày ban hành|thời gian đăng|ngày|published|posted|updated)\s*(?:lúc)?\s*[:|]?\s*`)
)

// parseDate returns the first date in s as YYYY-MM-DD, or "" when s holds
// no valid date.
func parseDate(s string, order DateOrder) string {
	if m := vietDate.FindStringSubmatch(s); m != nil {
		if d := ymd(m[3], m[2], m[1]); d != "" {
			return d
		}
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		if d := ymd(m[1], m[2], m[3]); d != "" {
			return d
		}
	}
	for _, m := range numericDate.FindAllStringSubmatch(s, 4) {
		a, b := m[1], m[2]
		day, month := a, b
		ai, _ := strconv.Atoi(a)
		bi, _ := strconv.Atoi(b)
		switch {
		case ai > 12:
		case bi > 12:
			day, month = b, a
		case order == MonthFirst:
			day, month = b, a
		}
		if d := ymd(m[3], month, day); d != "" {
			return d
		}
	}
	return ""
}

// ymd validates a calendar date and formats it; years outside 1900–2100
// are rejected as noise.
func ymd(y, m, d string) string {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || yi < 1900 || yi > 2100 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return "" // 31/02
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di)
}

// published finds the publication date: DateSelector, then declared dates
// (JSON-LD, meta, itemprop), then <time datetime>, then visible text:
// elements whose class names a date, a labelled date ("Ngày đăng: …")
// anywhere, and finally the first date in the article body.
func (p *Page) published(opt Options, m *metadata, body string) string {
	if t := p.selectText(opt.DateSelector); t != "" {
		if d := parseDate(t, opt.DateOrder); d != "" {
			return d
		}
	}
	for _, v := range m.dates {
		if d := parseDate(v, opt.DateOrder); d != "" {
			return d
		}
	}
	if d := p.visibleDate(opt.DateOrder); d != "" {
		return d
	}
	return parseDate(body, opt.DateOrder)
}

func (p *Page) visibleDate(order DateOrder) string {
	d := ""
	x := p.idx()
	for _, n := range x.times {
		if !insideChrome(n) {
			if d = parseDate(attr(n, "datetime"), order); d != "" {
				return d
			}
		}
	}
	for _, n := range x.dated {
		if insideChrome(n) || ignored(n) {
			continue
		}
		if t := nodeText(n); len(t) < 200 {
			if d = parseDate(t, order); d != "" {
				return d
			}
		}
	}
	if x.body == nil {
		return ""
	}
	text := nodeText(x.body)
	for _, loc := range dateLabel.FindAllStringIndex(text, -1) {
		rest := text[loc[1]:]
		if len(rest) > 60 {
			rest = rest[:60]
		}
		if strings.HasPrefix(strings.ToLower(text[loc[0]:loc[1]]), "ngày") && !startsWithDigit(rest) {
			continue
		}
		if d := parseDate(text[loc[0]:loc[1]]+rest, order); d != "" {
			return d
		}
	}
	return ""
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
