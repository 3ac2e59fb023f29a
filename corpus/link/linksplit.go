package link

// An item holding several tasks. A plan's bullet often joins two or three
// tasks, each a clause with its own verb ("Rà soát quy hoạch đội ngũ …;
// tổ chức đánh giá …", "…, đồng thời đẩy mạnh truyền thông …"); the item
// as one query lands on the passage sharing a little with each. With
// SplitTasks, a leaf item is split into its tasks (taskParts), each part
// is ranked on its own (with the item's headings, actors and parents) and
// the parts' candidates are combined: each passage scores its best part's
// score. The "implements nothing" decision still reads the whole item.
// Measured and not kept: docs/log/i24-link2.md.

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// splitVerbs open a task of its own at the head of a clause, folded.
var splitVerbs = func() [][]string {
	vs := []string{"xay dung", "to chuc", "tang cuong", "day manh", "nang cao", "ra soat", "hoan thien",
		"nghien cuu", "de xuat", "trien khai", "thuc hien", "bao dam", "dam bao", "tuyen truyen",
		"kiem tra", "phat trien", "ung dung", "huy dong", "bo tri", "ban hanh", "huong dan", "chi dao",
		"don doc", "theo doi", "phoi hop", "chu dong", "khan truong", "tap trung", "doi moi", "dau tu",
		"ho tro", "cung cap", "khac phuc", "sua doi", "danh gia", "tap huan", "boi duong", "dao tao",
		"thuc day", "pho bien", "chuan bi", "cap nhat", "khuyen khich", "kien toan", "long ghep",
		"mo rong", "tiep tuc", "giam sat", "phat dong", "van dong", "sap xep", "duy tri", "cung co",
		"quan ly", "bao cao", "tham muu", "xu ly", "hoan thanh", "thanh lap", "lap", "ky ket", "phoi hop",
		"uu tien", "khai thac", "chuyen doi", "so hoa", "cai thien", "cai cach", "tiep nhan"}
	out := make([][]string, len(vs))
	for k, v := range vs {
		out[k] = strings.Fields(v)
	}
	return out
}()

// splitMinWords is the fewest words a task part holds; a shorter one
// stays with the part before it.
const splitMinWords = 4

// taskParts returns the tasks of text when it holds more than one: the
// clauses after ";" or a sentence end, and what follows "đồng thời", that
// open with a task verb (splitVerbs) and hold at least splitMinWords
// words. A clause opening with no task verb goes on the part before it.
// nil when text is one task.
func taskParts(text string) []string {
	ws := strings.Fields(text)
	var parts [][]string
	start := 0
	cut := func(end int) {
		if end > start {
			parts = append(parts, ws[start:end])
		}
		start = end
	}
	for k, w := range ws {
		if k > start && viet.Fold(viet.Lower(strings.TrimRight(w, ","))) == "dong" && k+1 < len(ws) &&
			viet.Fold(viet.Lower(strings.TrimRight(ws[k+1], ","))) == "thoi" {
			cut(k)
		}
		if strings.HasSuffix(w, ";") || strings.HasSuffix(w, ".") && k+1 < len(ws) && startsUpper(ws[k+1]) {
			cut(k + 1)
		}
	}
	cut(len(ws))
	var out []string
	for k, p := range parts {
		if k > 0 && (!opensTask(p) || len(p) < splitMinWords) {
			out[len(out)-1] += " " + strings.Join(p, " ")
			continue
		}
		out = append(out, strings.Join(p, " "))
	}
	if len(out) < 2 || len(strings.Fields(out[0])) < splitMinWords {
		return nil
	}
	return out
}

// startsUpper reports a word opening with an upper-case letter (a new sentence).
func startsUpper(w string) bool {
	for _, r := range w {
		return viet.Lower(string(r)) != string(r)
	}
	return false
}

// opensTask reports a clause whose first words, after "đồng thời" or
// "và", are a task verb.
func opensTask(ws []string) bool {
	f := make([]string, 0, 5)
	for _, w := range ws[:min(len(ws), 5)] {
		f = append(f, viet.Fold(viet.Lower(strings.Trim(w, ",;.:-+•()"))))
	}
	if len(f) >= 2 && f[0] == "dong" && f[1] == "thoi" {
		f = f[2:]
	}
	if len(f) > 0 && f[0] == "va" {
		f = f[1:]
	}
	for _, v := range splitVerbs {
		if len(v) <= len(f) && slices.Equal(f[:len(v)], v) {
			return true
		}
	}
	return false
}

// splitRanked is the combined candidates of item i's task parts (nil
// when the item is no leaf or holds one task), the index in it of the
// first part's top candidate and each part's top target.
func (l *linker) splitRanked(o *outline.Outline, i int, whole *itemQuery, keys, primary map[string]bool) ([]scored, int, []int) {
	if len(o.Subtree(i)) > len(o.Items[i].Text) {
		return nil, 0, nil
	}
	parts := taskParts(o.Items[i].Text)
	if parts == nil {
		return nil, 0, nil
	}
	var tops []int
	best := map[int]scored{}
	firstTop := -1
	for k, part := range parts {
		q := l.queryText(o, i, part, keys, primary)
		q.only, q.cited, q.elsewhere = whole.only, whole.cited, whole.elsewhere
		cand := l.rank(q)
		if len(cand) == 0 {
			continue
		}
		top := cand[unalignedTop(cand)].j
		if k == 0 {
			firstTop = top
		}
		tops = append(tops, top)
		for _, c := range cand {
			if b, ok := best[c.j]; !ok || c.s > b.s {
				best[c.j] = c
			}
		}
	}
	out := make([]scored, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b scored) int {
		switch {
		case a.s > b.s:
			return -1
		case b.s > a.s:
			return 1
		}
		return a.j - b.j
	})
	ft := 0
	for k, c := range out {
		if c.j == firstTop {
			ft = k
		}
	}
	if len(out) == 0 {
		return nil, 0, nil
	}
	return out, ft, tops
}

// pickSplit is pick over r's combined candidates: the top is the best
// part's (SplitTasks 1, 3) or the first part's (2, 4); with 3 and 4
// each part's top is linked, else further links as pick chooses them.
func (l *linker) pickSplit(r ranked) []Match {
	cand := slices.Clone(r.split)
	if l.p.SplitTasks == 2 || l.p.SplitTasks == 4 {
		c := cand[r.first]
		copy(cand[1:r.first+1], cand[:r.first])
		cand[0] = c
	}
	if l.p.SplitTasks <= 2 {
		return l.pick(r.q, cand, cand[0])
	}
	var ms []Match
	for _, c := range cand[:1] {
		ms = append(ms, l.match(c))
	}
	for _, j := range r.tops {
		if len(ms) == l.p.MaxMatches {
			break
		}
		if j != cand[0].j && !slices.ContainsFunc(ms, func(m Match) bool { return m.Passage == l.targets[j].p.ID && m.DocID == l.targets[j].doc.ID }) {
			for _, c := range cand {
				if c.j == j {
					ms = append(ms, l.match(c))
				}
			}
		}
	}
	return ms
}
