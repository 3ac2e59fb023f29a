package cite

import "unicode/utf8"

// A cited document's trích yếu inside a sentence: "Triển khai Nghị quyết
// số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa
// học, công nghệ …; …". The reference (Ref.Start–Ref.End) ends at its
// issuer; its title runs on from a subject opener ("về", "quy định",
// "triển khai" …: subjectOpeners) right after it to the end of the
// clause. A reader comparing the sentence's own content with other texts
// (corpus/link) weighs those words as a name, not as what the sentence
// says.

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Titles returns the spans of the titles that follow refs (ParseRefs(text),
// in order) in text: from a subject opener right after the reference —
// spaces only between, or after a "khóa XIII" that ends a Party or
// Assembly issuer — up to the first ';' or ':', a sentence end or a
// boundary (a line break, a bracket), the next reference, or titleWindow
// bytes. A reference followed by anything else has no title here.
func Titles(text string, refs []Ref) []Span {
	var out []Span
	for i, r := range refs {
		to := len(text)
		if i+1 < len(refs) {
			to = refs[i+1].Start
		}
		if sp, ok := titleAfter(text, r.End, to); ok {
			out = append(out, sp)
		}
	}
	return out
}

// titleAfter finds the title that opens at from (spaces, a term "khóa N"
// in between) and ends before to.
func titleAfter(s string, from, to int) (Span, bool) {
	if from >= to {
		return Span{}, false
	}
	s = s[:to]
	ws, spaced := forwardWords(s, from, make([]word, 0, 6), make([]bool, 0, 6))
	k := 0
	if len(ws) > 2 && ws[0].fold == "khoa" && spaced[0] && spaced[1] {
		k = 2 // "… Trung ương Đảng khóa XIII về …"
	}
	if len(ws) <= k || !spaced[k] || !allSpaced(spaced[:k+1]) || !opensSubject(ws[k:], spaced[k:]) {
		return Span{}, false
	}
	start := ws[k].start
	end := titleEnd(s, start, min(to, start+titleWindow))
	return Span{start, skipSpaceBack(s, end)}, true
}

func allSpaced(spaced []bool) bool {
	for _, ok := range spaced {
		if !ok {
			return false
		}
	}
	return true
}

// titleEnd returns where the clause from q ends: at a ';' or ':', a sentence
// end or a boundary (isBoundary), or at to.
func titleEnd(s string, q, to int) int {
	for q < to {
		r, size := utf8.DecodeRuneInString(s[q:])
		if r == ';' || r == ':' || isBoundary(s, q, r) {
			return q
		}
		q += size
	}
	return to
}
