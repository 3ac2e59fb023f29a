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
// how often the task is done.

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
	covered := make([]bool, len(toks)) // tokens inside a phrase taken
	units := map[string]bool{}         // recurrences the phrases state
	for i := 0; i < len(toks); {
		w := cueAt(toks, i)
		if w == 0 {
			i++
			continue
		}
		end := clauseEnd(text, toks, i+w)
		r := &reader{t: toks[i:end], ref: ref}
		r.run()
		if len(r.ends) > 0 || len(r.from) > 0 || r.d.Every != "" {
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
			if !units[one.d.Every] {
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
