package cite

import "strconv"

// A text changes only texts issued before it: an amender, a replacing or
// repealing text cannot predate what it changes. A change read with an
// actor issued before its target is a misreading (an unnamed subject read
// as the text itself: "Hiến pháp … được sửa đổi, bổ sung theo Nghị quyết số
// 203/2025/QH15" in a resolution of 2026) or an error of the source ("Luật
// Tố cáo số 25/2018/QH14 được sửa đổi, bổ sung bởi Luật số 42/2013/QH13").
// Either way the text does not establish it: the reference stays, as a
// mention, and states nothing of effect.

// issued is when a document was issued, as far as the text tells: its year
// and, when known, its date (YYYY-MM-DD) in that year.
type issued struct {
	year int
	date string
}

// before reports whether a was issued before b: by date when both are
// known, else by year. An unknown year proves nothing, nor does the same
// day or (dates unknown) the same year.
func (a issued) before(b issued) bool {
	if a.year == 0 || b.year == 0 {
		return false
	}
	if a.date != "" && b.date != "" {
		return a.date < b.date
	}
	return a.year < b.year
}

// refIssued is when reference r was issued: its year, and its date when
// the date's year is the year (a date whose year is not its number's is
// attached loosely or mistyped: "Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4
// năm 2022" proves nothing of its day).
func refIssued(r *Ref) issued {
	return issuedIn(r.Year, r.Date)
}

func issuedIn(year int, date string) issued {
	if year > 0 && dateYear(date) == year {
		return issued{year, date}
	}
	return issued{year: year}
}

// dateYear is the year of a YYYY-MM-DD date, 0 when it has none.
func dateYear(s string) int {
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	return y
}

// predated turns every change whose actor predates its target into a
// mention.
func (p *relPass) predated() {
	var selfTarget, selfActor issued
	read := false // the text's own dates, read once when a change needs them
	for i := range p.out {
		o := &p.out[i]
		if !o.rel.Changes() || o.name != "" {
			continue
		}
		if !read {
			selfTarget, selfActor, read = p.doc.selfIssued(false), p.doc.selfIssued(true), true
		}
		end := selfTarget
		if o.other >= 0 {
			end = refIssued(&p.refs[o.other])
		} else if !o.by {
			end = selfActor
		}
		actor, target := end, refIssued(&p.refs[i])
		if o.by {
			actor, target = target, end
		}
		if actor.before(target) {
			o.rel, o.by, o.other, o.partial, o.pending = Mentions, false, -1, false, -1
		}
	}
}

// selfIssued is when the text's own document was issued: the year of its
// number, else of its date of signing; as an actor also the date its
// source gives it, which is never earlier than its signing (as a target
// that date could make it look newer than it is). The date is its date of
// signing (Self.Signed, the date the text gives its own number, its
// header's date), and as an actor the source's date when that is unknown.
func (d *docFacts) selfIssued(actor bool) issued {
	date := d.signedDate()
	if date == "" && actor {
		date = d.self.Dated
	}
	year := numberYear(d.self.Number)
	if year == 0 {
		year = dateYear(d.self.Signed)
	}
	if year == 0 && actor {
		year = dateYear(d.self.Dated)
	}
	if year == 0 {
		year = dateYear(date)
	}
	return issuedIn(year, date)
}

// numberYear is the year of a số/ký hiệu ("19/2026/QH16" → 2026), 0 when it
// has none.
func numberYear(n string) int {
	for i := 0; i < len(n); i++ {
		if isDigit(n[i]) && (i == 0 || !isDigit(n[i-1])) {
			k, ok := scanKey(n, i)
			if ok {
				return k.year
			}
			return 0
		}
	}
	return 0
}
