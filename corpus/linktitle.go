package corpus

import (
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// A parent's trích yếu — the title after its type and number, "quy định
// mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức …" —
// says what the whole parent is about, so it tells none of its passages
// from another. Two places repeat it: an item citing its parent by full
// title ("theo quy định tại Nghị định số 161/… của Chính phủ quy định mức
// lương cơ sở …"), and the parent's own closing clauses quoting the
// decree it replaces, whose title is often the same words ("Nghị định số
// 73/… quy định mức lương cơ sở … hết hiệu lực"). The words of the span
// are left out of the item's query and of the passage's terms, so a
// repeal clause does not win every item that names its parent.

// minTitleWords is the shortest trích yếu taken out: a shorter one is
// words an item may use for their own sake.
const minTitleWords = 5

// titleWords is the folded words of d's trích yếu: its title after the
// document number, or the whole title when it has none; nil when shorter
// than minTitleWords.
func titleWords(d *Document) []string {
	title := d.Title
	if refs := cite.ParseRefs(title); len(refs) > 0 && refs[0].Start < len(title)/2 {
		title = title[refs[0].End:]
	}
	var ws []string
	viet.Tokenize(title, func(t viet.Token) {
		ws = append(ws, viet.Fold(title[t.Start:t.End]))
	})
	if len(ws) < minTitleWords {
		return nil
	}
	return ws
}

// stripTitles returns s with each run of words equal to one of titles
// replaced by ";" (so no pair of syllables spans the gap); s itself when
// none is found.
func stripTitles(s string, titles [][]string) string {
	if len(titles) == 0 {
		return s
	}
	type tok struct {
		start, end int
		w          string
	}
	var toks []tok
	viet.Tokenize(s, func(t viet.Token) {
		toks = append(toks, tok{t.Start, t.End, viet.Fold(s[t.Start:t.End])})
	})
	var b strings.Builder
	last := 0
	for i := 0; i < len(toks); i++ {
		for _, ti := range titles {
			if i+len(ti) > len(toks) || toks[i].w != ti[0] {
				continue
			}
			k := 1
			for k < len(ti) && toks[i+k].w == ti[k] {
				k++
			}
			if k < len(ti) {
				continue
			}
			b.WriteString(s[last:toks[i].start])
			b.WriteString(";")
			last = toks[i+k-1].end
			i += k - 1
			break
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
