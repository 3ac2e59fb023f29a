package link

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// An item that carries out the direction of another document — "…
// triển khai công tác ứng phó với bão theo chỉ đạo của Thủ tướng Chính
// phủ tại Công điện số 231/CĐ-TTg", "(theo chỉ đạo của Lãnh đạo Chính
// phủ tại Công văn số 10260/VPCP-NN)" — implements that document, not
// its parent: when none of the references of its own text is to one of
// the plan's parents, it gets no link, unless the passage it would take
// cites the same document (the parent itself directs carrying it out).
// The citation parser reads the references (cite.ParseRefs); only the
// words before one — "theo chỉ đạo [của …] tại" in its clause — are read
// here. The broader forms ("theo Nghị quyết số …", "thực hiện Quyết định
// số …") name a document an item's task refers to as often as the one it
// carries out, and are not read (docs/design.md, i21-none).

// directedKeys returns the number keys of the documents text says it
// carries out the direction of, when none of its references is to a
// parent (parents: number keys); nil otherwise.
func directedKeys(text string, parents map[string]bool) []string {
	if !strings.Contains(viet.Fold(text), "chi dao") || !cite.MayCite(text) {
		return nil // most items
	}
	var out []string
	for _, r := range cite.ParseRefs(text) {
		k := r.LookupKey()
		if parents[k] {
			return nil
		}
		if directedBy(text[:r.Start]) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// directedBy reports whether pre, the text before a reference, ends in
// "theo chỉ đạo [của <whom>] tại [<type>] [số]" within its clause: the
// reference names the document whose direction the item carries out.
func directedBy(pre string) bool {
	f := viet.Fold(pre)
	if i := strings.LastIndexAny(f, ";(\n"); i >= 0 {
		f = f[i+1:]
	}
	_, rest, ok := cutLast(f, "theo chi dao")
	if !ok {
		return false
	}
	ws := strings.Fields(rest)
	if len(ws) > 14 {
		return false // "theo chỉ đạo" of another clause
	}
	t := slices.Index(ws, "tai")
	for t >= 0 && slices.Index(ws[t+1:], "tai") >= 0 {
		t += 1 + slices.Index(ws[t+1:], "tai")
	}
	return t >= 0 && len(ws)-t-1 <= 3 // "tại", "tại Công điện số", "tại các Công điện số"
}

// cutLast is strings.Cut at the last occurrence of sep.
func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// citesAny reports whether text cites a document with one of keys.
func citesAny(text string, keys []string) bool {
	if !cite.MayCite(text) {
		return false
	}
	for _, r := range cite.ParseRefs(text) {
		if slices.Contains(keys, r.LookupKey()) {
			return true
		}
	}
	return false
}

// directedElsewhere reports whether r carries out another document's
// direction (itemQuery.elsewhere) that the passage it would take does not
// cite.
func (l *linker) directedElsewhere(r ranked) bool {
	return len(r.q.elsewhere) > 0 && !citesAny(l.targets[r.cand[r.ref].j].p.Text, r.q.elsewhere)
}
