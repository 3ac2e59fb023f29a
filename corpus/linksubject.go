package corpus

// The subject of an implementing document as a prior of its links. A
// plan is about something as a whole — its title ("V/v hỗ trợ nhu yếu
// phẩm khẩn cấp cho Nhân dân bị ảnh hưởng mưa lũ") and its goals say what
// ("Hỗ trợ khẩn cấp lương thực, thực phẩm, nước uống…") — and its items
// carry that out in words of their own ("phân bổ hàng hóa", "cấp phát
// đến từng hộ"), which often share nothing with the passage of the
// parent on the same matter. Each passage is scored against the subject
// (BM25 over the same statistics, each term once), as a share of the best
// passage's score; an item's score for the passage is multiplied by
// 1 + SubjectPrior × that share. 0 by default (docs/design.md, section
// i17-para, has the figures).

import "strings"

// subjectText is what doc is about as a whole: its title and the text and
// items of its goal sections.
func subjectText(doc *Document, o *Outline) string {
	parts := []string{doc.Title}
	for k, s := range o.Sections {
		if s.Kind != SectionGoals {
			continue
		}
		parts = append(parts, s.Title, s.Text)
		for i := range o.Items {
			if o.Items[i].Section == k {
				parts = append(parts, o.Items[i].Text)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// setSubject sets l.prior from the subject text: each target's score
// against its terms, as a share of the best (nil when SubjectPrior is 0
// or nothing matches).
func (l *linker) setSubject(text string) {
	if l.p.SubjectPrior == 0 || len(l.targets) == 0 {
		return
	}
	var b bag
	b.add(text, 1)
	prior := make([]float64, len(l.targets))
	best := 0.0
	for term := range b.tf {
		for _, p := range l.post[term] {
			prior[p.target] += p.w
			best = max(best, prior[p.target])
		}
	}
	if best == 0 {
		return
	}
	for j := range prior {
		prior[j] /= best
	}
	l.prior = prior
}
