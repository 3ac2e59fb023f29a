package extract

// DateOrder is a site's convention for numeric dates whose components are
// both ≤ 12, such as 6/7/2025.
type DateOrder int

const (
	// OrderUnknown means no convention is known: evidence decides, and a
	// date it cannot settle is reported ambiguous.
	OrderUnknown DateOrder = iota
	// DayFirst reads 6/7/2025 as 6 July 2025, the Vietnamese convention.
	DayFirst
	// MonthFirst reads 6/7/2025 as June 7, as SharePoint list views in the
	// en-US locale do ("6/30/2025 10:00 AM").
	MonthFirst
)

// String returns "dmy", "mdy" or "".
func (o DateOrder) String() string {
	switch o {
	case DayFirst:
		return "dmy"
	case MonthFirst:
		return "mdy"
	}
	return ""
}

// ParseDateOrder reads "dmy", "mdy" or "" (unknown).
func ParseDateOrder(s string) (DateOrder, bool) {
	switch s {
	case "dmy":
		return DayFirst, true
	case "mdy":
		return MonthFirst, true
	case "":
		return OrderUnknown, true
	}
	return OrderUnknown, false
}

// Votes counts the evidence for the order of one style of numeric date.
//
// Strong evidence (DayFirst, MonthFirst) settles one date: a component
// above 12 (30/6/2025, 6/30/2025), a weekday printed beside it that only
// one reading falls on, or an unambiguous date of the same day elsewhere —
// a <meta>/<time datetime>/JSON-LD value, the /yyyy/mm/ of the page's URL,
// the listing's date for the link that led to the page. Hints are weaker:
// an AM/PM time beside the date (MonthFirstHints; US locales), a 24-hour
// time past 12:59 or a Vietnamese SA/CH one (DayFirstHints).
type Votes struct {
	DayFirst        int `json:"dmy,omitempty"`
	MonthFirst      int `json:"mdy,omitempty"`
	DayFirstHints   int `json:"dmy_hints,omitempty"`
	MonthFirstHints int `json:"mdy_hints,omitempty"`
}

func (v *Votes) add(o Votes) {
	v.DayFirst += o.DayFirst
	v.MonthFirst += o.MonthFirst
	v.DayFirstHints += o.DayFirstHints
	v.MonthFirstHints += o.MonthFirstHints
}

// Order decides: strong evidence when there is any, else the hints. A
// side wins when it has at least dominance times the other's count (so
// one stray date in a sidebar does not flip a site); conflicting evidence
// below that leaves the order unknown.
func (v Votes) Order() DateOrder {
	if v.DayFirst+v.MonthFirst > 0 {
		return majority(v.DayFirst, v.MonthFirst)
	}
	return majority(v.DayFirstHints, v.MonthFirstHints)
}

func (v Votes) empty() bool { return v == Votes{} }

// dominance is how many times the other side's count the winning side
// needs.
const dominance = 4

func majority(dmy, mdy int) DateOrder {
	switch {
	case dmy > 0 && dmy >= dominance*mdy:
		return DayFirst
	case mdy > 0 && mdy >= dominance*dmy:
		return MonthFirst
	}
	return OrderUnknown
}

// DateVotes is the evidence for the order of a site's numeric dates, per
// date style (dateStyle): one site may print its list views the en-US way
// ("5/6/2024 3:04 PM") and its articles the Vietnamese way
// ("05/06/2024 - 15:04"), and each style keeps its own order.
type DateVotes map[string]Votes

// Add adds o's counts to d.
func (d *DateVotes) Add(o DateVotes) {
	for k, v := range o {
		if *d == nil {
			*d = DateVotes{}
		}
		x := (*d)[k]
		x.add(v)
		(*d)[k] = x
	}
}

// count adds one piece of evidence for order: strong, or a hint.
func (d *DateVotes) count(style string, order DateOrder, strong bool) {
	var v Votes
	switch {
	case order == DayFirst && strong:
		v.DayFirst = 1
	case order == MonthFirst && strong:
		v.MonthFirst = 1
	case order == DayFirst:
		v.DayFirstHints = 1
	case order == MonthFirst:
		v.MonthFirstHints = 1
	default:
		return
	}
	d.Add(DateVotes{style: v})
}

// vote counts one piece of strong evidence for order.
func (d *DateVotes) vote(style string, order DateOrder) { d.count(style, order, true) }

// hint counts one hint for order.
func (d *DateVotes) hint(style string, order DateOrder) { d.count(style, order, false) }

// Total sums the evidence over all styles.
func (d DateVotes) Total() Votes {
	var t Votes
	for _, v := range d {
		t.add(v)
	}
	return t
}

// Order returns the order of dates of the given style: decided by the
// evidence about that style (and the styles it cannot be told from) when
// there is any, else by the evidence about all the site's dates.
func (d DateVotes) Order(style string) DateOrder {
	var own Votes
	for k, v := range d {
		if compatibleStyles(k, style) {
			own.add(v)
		}
	}
	if !own.empty() {
		return own.Order()
	}
	return d.Total().Order()
}

// Date styles. A numeric date's style is its separator, whether its day
// and month are zero-padded ('0': "05/06/2024", '1': "5/6/2024", '?':
// "12/11/2024" could be either) and the clock printed beside it: "ampm",
// "sach" (Vietnamese SA/CH), "time" (a time without marker) or none.

// dateStyle returns the style of a numeric date: sa and sb are its
// components as written, sep its separator, and ctx the text around it.
func dateStyle(sa, sb string, sep byte, ctx string) string {
	pad := byte('?')
	switch {
	case sa[0] == '0' || sb[0] == '0':
		pad = '0'
	case len(sa) == 1 || len(sb) == 1:
		pad = '1'
	}
	kind, _ := clockOf(ctx)
	return string([]byte{sep, pad}) + kind
}

func compatibleStyles(a, b string) bool {
	if len(a) < 2 || len(b) < 2 {
		return a == b
	}
	return a[0] == b[0] && a[2:] == b[2:] && (a[1] == b[1] || a[1] == '?' || b[1] == '?')
}

// DescribeStyle renders a date style as an example: "5/6/2024 3:04 PM",
// "05.06.2024 15:04".
func DescribeStyle(style string) string {
	if len(style) < 2 {
		return style
	}
	d := "5" + string(style[0]) + "6" + string(style[0]) + "2024"
	switch style[1] {
	case '0':
		d = "05" + string(style[0]) + "06" + string(style[0]) + "2024"
	case '?':
		d = "12" + string(style[0]) + "11" + string(style[0]) + "2024"
	}
	switch style[2:] {
	case "ampm":
		d += " 3:04 PM"
	case "sach":
		d += " 3:04 CH"
	case "time":
		d += " 15:04"
	}
	return d
}
