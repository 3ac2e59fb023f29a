package deadline

// Deadlines inside a task's text, where plans without a deadline column
// state them: "…, hoàn thành trước ngày 15/12/2025", "Thời hạn hoàn
// thành chậm nhất ngày 25/12/2025", "Đảm bảo hoàn thành trong quý
// I/2026", "Chủ động cập nhật kết quả thực hiện hàng tuần".
//
// A date counts only after a cue (cues below): a text cites documents and
// their dates ("Quyết định số 1015/QĐ-TTg ngày 15/6/2025") and recounts
// the past ("năm 2024 đã …"), and neither is a deadline. The phrase after
// a cue runs to the end of its clause (";", a sentence's ".", a line, or
// a "," not followed by a number), and is read with Parse's grammar. A
// recurrence (thường xuyên, hằng tuần, định kỳ) counts anywhere: it says
// how often the task is done — unless it is a noun's ("chi thường
// xuyên", "trợ cấp hằng tháng") or in quotes (a slogan). A phrase's dates
// are dropped when they are not a time the task is due by (due): past at
// the plan's date, the day a rule changes, a count's as-of day, or a
// period begun in a sentence of what happened.

import (
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/viet"
)

// cues start a deadline phrase (folded words).
var cues = [][]string{
	{"truoc"}, {"cham", "nhat"}, {"hoan", "thanh"}, {"thoi", "han"}, {"han", "chot"},
	{"thoi", "gian", "thuc", "hien"}, {"thoi", "gian", "hoan", "thanh"},
	{"den", "het"}, {"den", "ngay"}, {"trong"},
}

// Find returns the deadline a task's text states, and whether it states
// one. Text is the phrases as written, joined by "; ".
func Find(text string, ref time.Time) (Deadline, bool) {
	text = validUTF8(text)
	toks := tokenize(text)
	all := &reader{t: toks, ref: ref}
	var phrases []string
	covered := quoted(toks)    // tokens inside a phrase taken, or quoted
	units := map[string]bool{} // recurrences the phrases state
	starts := startDates(toks) // "từ ngày D": days a rule changes
	for i := 0; i < len(toks); {
		w := cueAt(toks, i)
		if w == 0 || covered[i] {
			i++
			continue
		}
		end := clauseEnd(text, toks, i+w)
		r := &reader{t: toks[i:end], ref: ref}
		r.run()
		if len(r.ends) > 0 && !due(text, toks, i, w, r, ref, starts) {
			r.ends, r.from = nil, nil
		}
		if r.last > 0 && (len(r.ends) > 0 || len(r.from) > 0 || r.d.Every != "") {
			phrases = appendPhrase(phrases, text[toks[i].start:toks[i+r.last-1].end])
			all.ends = append(all.ends, r.ends...)
			all.from = append(all.from, r.from...)
			all.setEvery(r.d.Every)
			units[r.d.Every] = true
			for k := i; k < i+r.last; k++ {
				covered[k] = true
			}
		}
		i = max(end, i+1)
	}
	for i := 0; i < len(toks); i++ {
		if covered[i] {
			continue
		}
		one := &reader{t: toks}
		if n := one.recurrence(i); n > 0 {
			if one.d.Every != "" && !units[one.d.Every] {
				units[one.d.Every] = true
				all.setEvery(one.d.Every)
				phrases = appendPhrase(phrases, text[toks[i].start:toks[i+n-1].end])
			}
			i += n - 1
		}
	}
	if len(phrases) == 0 {
		return Deadline{}, false
	}
	d := all.result()
	d.Text = strings.Join(phrases, "; ")
	d.settle()
	return d, true
}

// appendPhrase appends p to ps unless one of them already says it.
func appendPhrase(ps []string, p string) []string {
	p = strings.TrimSpace(p)
	for _, q := range ps {
		if viet.Fold(q) == viet.Fold(p) {
			return ps
		}
	}
	return append(ps, p)
}

// cueAt returns the number of words of the cue starting at i, or 0. "trong"
// and "trước" count only before a date word or a number ("trong quý",
// "trước ngày", "trong 30 ngày"), not as "trong công tác" or "trước mắt".
func cueAt(toks []token, i int) int {
	r := &reader{t: toks}
	for _, c := range cues {
		if !r.is(i, c...) {
			continue
		}
		if c[0] == "trong" || c[0] == "truoc" && len(c) == 1 {
			j := i + 1
			if j < len(toks) && (toks[j].kind == number || toks[j].kind == word && dateWords[toks[j].text]) {
				return 1
			}
			if c[0] == "truoc" && (r.weekday(j) > 0 || r.is(j, "tet")) {
				return 1 // "trước Thứ Tư ngày 03/12/2025", "trước Tết Nguyên đán"
			}
			continue
		}
		return len(c)
	}
	return 0
}

// dateWords may follow "trong" or "trước" in a deadline.
var dateWords = map[string]bool{"ngay": true, "quy": true, "thang": true, "nam": true, "vong": true, "thoi": true, "cuoi": true, "dau": true, "giai": true}

// clauseEnd is the index of the token ending the clause that starts at
// i: a ";" or a line break, a "." followed by a space or the end, a ","
// not followed by a number or a quarter numeral, or another cue after
// other words ("hoàn thành thực thi phương án … hoàn thành trong năm
// 2026": the second starts a phrase of its own; cues in a row, "thời
// hạn hoàn thành chậm nhất", are one).
func clauseEnd(text string, toks []token, i int) int {
	chain := true // still in the cues right after the first
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if j > i && strings.Contains(text[toks[j-1].end:t.start], "\n") {
			return j
		}
		if w := cueAt(toks, j); w > 0 {
			if !chain {
				return j
			}
			j += w - 1
			continue
		}
		chain = chain && t.kind == punct && t.text == ":"
		if t.kind != punct {
			continue
		}
		switch t.text {
		case ";", "!", "?":
			return j
		case ".", ":":
			if t.end == len(text) || text[t.end] == ' ' || text[t.end] == '\n' {
				if j > i || t.text == "." {
					return j
				}
			}
		case ",":
			if j+1 < len(toks) && toks[j+1].kind == number {
				continue
			}
			if j+1 < len(toks) && toks[j+1].kind == word {
				if _, ok := (&reader{t: toks}).quarterNumber(j + 1); ok {
					continue
				}
			}
			return j
		}
	}
	return len(toks)
}

// due reports whether the dates of the phrase r, read after the cue of w
// words at i, are a time the task is due by. They are not when
//   - they all fell before the plan's date ref ("nghỉ việc trước ngày
//     01/01/1995", "nguồn … đến hết năm 2025 còn dư" in a plan of 2026);
//   - each is also a day the text starts something from: the day a rule
//     changes ("đang hưởng trợ cấp trước ngày 01/7/2026 thì mức hưởng từ
//     ngày 01/7/2026 …");
//   - "đến ngày"/"đến hết" counts something as of that day ("căn cứ vào số
//     đối tượng đến ngày 01/7/2026", "số liệu tính đến hết quý III", "… đến
//     hết năm 2025 còn dư");
//   - a bare "trong" names a period already begun by the plan's date in a
//     sentence telling what happened ("Trong tháng 11 năm 2025, do mưa lũ
//     … đã xảy ra …").
func due(text string, toks []token, i, w int, r *reader, ref time.Time, starts map[time.Time]bool) bool {
	at := &reader{t: toks}
	if !ref.IsZero() {
		past := true
		for _, t := range r.ends {
			past = past && t.Before(day(ref))
		}
		if past {
			return false
		}
	}
	if len(starts) > 0 {
		changes := true
		for _, t := range r.ends {
			changes = changes && starts[t]
		}
		if changes {
			return false
		}
	}
	if at.is(i, "den") {
		for j := i - 1; j >= 0 && j >= i-6 && toks[j].kind == word; j-- {
			if w := at.lower(j); w == "số" && countNoun(at, j, i) || w == "tính" || w == "cứ" && at.lower(j-1) == "căn" {
				return false
			}
		}
		if at.lower(i+r.last) == "còn" {
			return false
		}
	}
	if w == 1 && at.is(i, "trong") && !ref.IsZero() {
		begun := false
		for _, t := range append(r.from, r.ends...) {
			begun = begun || !t.After(day(ref))
		}
		if begun {
			for j := i + r.last; j < len(toks); j++ {
				if t := toks[j]; t.kind == punct && (t.text == "." || t.text == ";") || strings.Contains(text[toks[j-1].end:t.start], "\n") {
					break
				}
				if at.lower(j) == "đã" {
					return false
				}
			}
		}
	}
	return true
}

// startDates are the days the text starts something from: "từ ngày
// 01/7/2026", "kể từ ngày 01 tháng 7 năm 2026".
func startDates(toks []token) map[time.Time]bool {
	var out map[time.Time]bool
	r := &reader{t: toks}
	for i := 0; i+1 < len(toks); i++ {
		if r.lower(i) != "từ" || forPurpose(r, i) { // not "Thứ Tư ngày …"
			continue
		}
		if lo, hi, n, ok := r.date(i + 1); ok && n > 0 && !hi.IsZero() && lo.Equal(hi) {
			if out == nil {
				out = map[time.Time]bool{}
			}
			out[hi] = true
		}
	}
	return out
}

// forPurpose reports a "từ" at i in a purpose clause, "để" a few words
// before it ("trước ngày 01/7/2026 để áp dụng thống nhất từ ngày
// 01/7/2026"): the day the task is done for, not a rule's change.
func forPurpose(r *reader, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5 && r.t[j].kind == word; j-- {
		if r.lower(j) == "để" {
			return true
		}
	}
	return false
}

// quoted marks the tokens between paired quotation marks: a slogan or a
// title ("mỗi ngày làm một việc tốt") states no deadline of the task.
func quoted(toks []token) []bool {
	out := make([]bool, len(toks))
	open := -1
	for i, t := range toks {
		if t.kind != punct {
			continue
		}
		switch t.text {
		case "“", "«":
			open = i
		case "”", "»":
			if open >= 0 {
				for k := open; k <= i; k++ {
					out[k] = true
				}
			}
			open = -1
		case "\"":
			if open >= 0 && toks[open].text == "\"" {
				for k := open; k <= i; k++ {
					out[k] = true
				}
				open = -1
			} else {
				open = i
			}
		}
	}
	return out
}

// countNoun reports a "số" at j that heads a count before the cue at i
// ("số biên chế có mặt đến ngày …", "số liệu tính đến …"), not the
// "digital" of "chuyển đổi số", "kinh tế số", "chữ ký số", nor "mã số",
// "số hóa": a count names what it counts before the cue.
func countNoun(r *reader, j, i int) bool {
	if j+1 >= i || r.lower(j+1) == "hóa" || r.lower(j+1) == "hoá" {
		return false
	}
	switch r.lower(j - 1) {
	case "đổi", "mã", "ký":
		return false
	}
	return true
}
