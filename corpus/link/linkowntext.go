package link

import "github.com/vanban/vanban/corpus/outline"

// A group heading's own task. An item that heads others may state a task
// of its own before its list ("Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh
// … tiếp tục tập trung chỉ đạo ứng phó và khắc phục nhanh hậu quả mưa lũ
// theo chỉ đạo … tại các Công điện số …", then "a) …", "b) …"). Its query
// is the item with everything under it, so it meets the passages its
// points implement, each of which is linked on its own, and lands on the
// long passage that shares a little with all of them; what it states itself
// is the general task the parent states in its own general passage. With
// OwnText w, such an item's own words weigh 1 and the words of the items
// under it 1−w (only where they are not its own words too), in the query
// and in its self score. Off by default: measured in docs/log/i17-miss3.md.

// ownText fills q's item terms and self for item i, which heads others:
// its own text at 1, the items under it at 1−OwnText.
func (l *linker) ownText(q *itemQuery, self *bag, o *outline.Outline, i int) {
	l.addOwn(q, self, o.Items[i].Text, 1)
	w := 1 - l.p.OwnText
	if w <= 0 {
		return
	}
	for j := i + 1; j < len(o.Items) && o.IsUnder(j, i); j++ {
		l.addOwn(q, self, o.Items[j].Text, w)
	}
}
