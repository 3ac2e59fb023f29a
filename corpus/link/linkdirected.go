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
// carries out, and are not read (docs/log/i21-none.md).

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
	if i := strings.LastIndexAny(pre, ";(\n"); i >= 0 {
		pre = pre[i+1:]
	}
	// Folding keeps the words (it maps letters, never spaces), so the
	// folded words and pre's own line up.
	ws := strings.Fields(pre)
	fs := strings.Fields(viet.Fold(pre))
	if len(fs) != len(ws) {
		return false
	}
	c := -1 // the last "theo chỉ đạo"
	for i := 0; i+2 < len(fs); i++ {
		if fs[i] == "theo" && fs[i+1] == "chi" && fs[i+2] == "dao" {
			c = i
		}
	}
	if c < 0 || len(ws)-c-3 > 14 {
		return false // none, or of another clause
	}
	for t := len(ws) - 1; t >= c+3 && t >= len(ws)-4; t-- {
		if isTai(fs[t], ws[t]) {
			return true // "tại", "tại Công điện số", "tại các Công điện số"
		}
	}
	return false
}

// isTai reports the word "tại" (folded f, as written w), not "tài" ("Bộ
// Tài chính") nor "tai": its vowel bears the dot below.
func isTai(f, w string) bool {
	return f == "tai" && (strings.ContainsAny(w, "ạẠ") || strings.Contains(w, "\u0323"))
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
