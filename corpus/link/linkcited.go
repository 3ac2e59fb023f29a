package link

import "github.com/vanban/vanban/corpus/outline"

// A cited document's title is a name, not the item's content. "Quán triệt
// Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công
// tác xây dựng và thi hành pháp luật …" asks for study and dissemination;
// the title's words are the whole parent's subject and pull the item to
// the parent's passages that restate it (its viewpoints), over the
// passage on dissemination. With CitedTitle c, the words of a title that
// follows a reference (cite.Titles, through outline.ScanTermsTitled) weigh
// 1−c in the item's query and self score: down, not out, since a title is
// sometimes all an item says of its subject. Off by default: at 0.25 it
// gains one item of dev set 4 and nothing elsewhere, and loses the
// leave-one-pair-out check (docs/log/i21-cited.md).

// addOwn adds the terms of text, one of the item's own texts, to self at
// weight w and to q's terms at their largest weight; the words of a cited
// title at w·(1−CitedTitle).
func (l *linker) addOwn(q *itemQuery, self *bag, text string, w float64) {
	if self.tf == nil {
		self.tf = make(map[string]float64, 64)
	}
	if l.p.CitedTitle == 0 { // off: no references to read for their titles
		outline.ScanTerms(text, func(term string) {
			self.tf[term] += w
			self.n += w
			q.terms[term] = max(q.terms[term], w)
		})
		return
	}
	tw := w * (1 - l.p.CitedTitle)
	outline.ScanTermsTitled(text, func(term string, inTitle bool) {
		x := w
		if inTitle {
			x = tw
		}
		self.tf[term] += x
		self.n += x
		q.terms[term] = max(q.terms[term], x)
	})
}
