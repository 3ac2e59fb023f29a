package cite

import "strconv"

// A text changes only texts issued before it: an amender, a replacing or
// repealing text cannot predate what it changes. A change read with an
// actor whose year is earlier than its target's is a misreading (an
// unnamed subject read as the text itself: "Hiến pháp … được sửa đổi, bổ
// sung theo Nghị quyết số 203/2025/QH15" in a resolution of 2026) or an
// error of the source ("Luật Tố cáo số 25/2018/QH14 được sửa đổi, bổ sung
// bởi Luật số 42/2013/QH13"). Either way the text does not establish it:
// the reference stays, as a mention, and states nothing of effect.

// predated turns every change whose actor predates its target into a
// mention. A year unknown on either side proves nothing; the same year is
// no contradiction.
func (p *relPass) predated() {
	selfTarget, selfActor := -1, -1 // read once, when a change needs them
	for i := range p.out {
		o := &p.out[i]
		if !o.rel.Changes() || o.name != "" {
			continue
		}
		if selfTarget < 0 {
			selfTarget, selfActor = p.doc.selfYear(false), p.doc.selfYear(true)
		}
		end := selfTarget
		if o.other >= 0 {
			end = p.refs[o.other].Year
		} else if !o.by {
			end = selfActor
		}
		actor, target := end, p.refs[i].Year
		if o.by {
			actor, target = target, end
		}
		if actor > 0 && target > 0 && actor < target {
			o.rel, o.by, o.other, o.partial, o.pending = Mentions, false, -1, false, -1
		}
	}
}

// selfYear is the year of the text's own document: its number's, else its
// date of signing; as an actor also the date its source gives it, which is
// never earlier than its signing (as a target that date could make it look
// newer than it is). 0 when unknown.
func (d *docFacts) selfYear(actor bool) int {
	if y := numberYear(d.self.Number); y > 0 {
		return y
	}
	for _, s := range []string{d.self.Signed, map[bool]string{true: d.self.Dated}[actor]} {
		if len(s) >= 4 {
			if y, err := strconv.Atoi(s[:4]); err == nil {
				return y
			}
		}
	}
	return 0
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
