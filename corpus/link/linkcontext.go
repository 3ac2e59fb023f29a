package link

import "github.com/vanban/vanban/corpus/viet"

// An item's context in its query is what stands above it: the section's
// title, the items it is under and a clause's lead-in (outline
// ContextParts), each term at QueryContext. A title names a topic in a few
// words; an item above may be a statement of its own — "1. Các đồng chí
// Bộ trưởng, Thủ trưởng cơ quan ngang Bộ … đề cao trách nhiệm, trực tiếp
// chỉ đạo thực hiện đồng bộ, quyết liệt, hiệu quả các nhiệm vụ … trong đó
// lưu ý … sau:" — whose fifty words, each at full weight, outweigh a
// short bullet's own and pull every bullet under it to the passages of
// the lead-in's task. So an item above counts at most ContextWords words:
// a longer one's terms weigh QueryContext·ContextWords/words, as much in
// all as a title's. The section's title keeps its weight (a plan's
// appendix title, "ĐỀ XUẤT KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG … VÀ PHÂN CÔNG XỬ
// LÝ (Kèm theo Công văn số …)", is what its short rows are about).
// Measured in docs/log/i22-link4.md.

// contextWeight is the weight of the terms of part, a context part of an
// item's query; title: part is the section's title.
func (l *linker) contextWeight(part string, title bool) float64 {
	w := l.p.QueryContext
	if title || l.p.ContextWords <= 0 {
		return w
	}
	if n := float64(viet.WordCount(part)); n > l.p.ContextWords {
		w *= l.p.ContextWords / n
	}
	return w
}
