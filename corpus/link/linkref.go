package link

import (
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// An item that cites a provision of its parent by number — "các đối
// tượng quy định tại khoản 1 và khoản 2 Điều 38 Nghị định số
// 154/2026/NĐ-CP", "theo điểm a khoản 2 Điều 5 của Nghị định số …" —
// says which passage it implements more surely than its words do. The
// citation parser reads the reference and the part before it (cite.Ref,
// cite.Loci); the passages of that parent under each provision named
// weigh RefBoost in the ranking.

// citedTargets adds to q.cited the targets of the parent r refers to that
// lie under a provision r's part names. keys are the number keys of the
// plan's parents: a reference to another document cites nothing here.
func (l *linker) citedTargets(q *itemQuery, r cite.Ref, keys map[string]bool) {
	if l.p.RefBoost == 0 || r.Part == "" {
		return
	}
	k := r.LookupKey()
	if !keys[k] {
		return
	}
	l.citeLoci(q, k, r.Part)
}

// typedTargets adds to q.cited the targets under the provisions tp names
// when its type is that of exactly one of the plan's parents: "khoản 1
// Điều 38 của Nghị định" in a circular implementing one decree. "Điều 4
// của Thông tư này" in a Thông tư is its own text's.
func (l *linker) typedTargets(q *itemQuery, tp cite.TypedPart) {
	if l.p.RefBoost == 0 || (tp.Own && tp.Type == l.ownType) {
		return
	}
	d := l.typed[tp.Type]
	if d == nil {
		return
	}
	// "Luật Ngân sách nhà nước": a name after the type must begin the
	// parent's title after its type.
	if tp.Name != "" && !strings.Contains(viet.Fold(d.Title), viet.Fold(tp.Type+" "+tp.Name)) {
		return
	}
	l.citeLoci(q, doctype.NumberKey(d.Number), tp.Part)
}

// typedParents maps each type of the parents to the only parent of that
// type, or nil when several share it.
func typedParents(parents []Doc) map[string]*Doc {
	out := map[string]*Doc{}
	for k := range parents {
		d := &parents[k]
		t := typeOf(d)
		if t == "" {
			continue
		}
		if _, seen := out[t]; seen {
			out[t] = nil
		} else {
			out[t] = d
		}
	}
	return out
}

// typeOf is the canonical name of d's type (typeOfDoc).
func typeOf(d *Doc) string { return typeOfDoc(d).Name }

// citeLoci adds to q.cited the targets of the parent with number key k
// under the provisions part names.
func (l *linker) citeLoci(q *itemQuery, k, part string) {
	for _, lc := range cite.Loci(part) {
		id := locusID(lc)
		for j := range l.targets {
			if t := &l.targets[j]; t.key == k && underID(t.p.ID, id) {
				if q.cited == nil {
					q.cited = map[int]bool{}
				}
				q.cited[j] = true
			}
		}
	}
}

// locusID is the passage ID of a provision in an outline (outline.Parse):
// "Đ38", "Đ38.1", "Đ5.2.a", "Đ9.b" (a point directly under its article).
func locusID(lc cite.Locus) string {
	id := "Đ" + lc.Article
	if lc.Clause != "" {
		id += "." + lc.Clause
	}
	if lc.Point != "" {
		id += "." + lc.Point
	}
	return id
}

// underID reports whether passage ID id is the provision p or lies under
// it: "Đ38.1" and "Đ38.1.a" are under "Đ38.1", "Đ38.10" is not.
func underID(id, p string) bool {
	return len(id) >= len(p) && id[:len(p)] == p && (len(id) == len(p) || id[len(p)] == '.')
}
