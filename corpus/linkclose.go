package corpus

import "github.com/vanban/vanban/corpus/cite"

// Closing provisions: every legal text ends by saying when it takes
// effect and what it replaces ("Thông tư này có hiệu lực thi hành kể từ
// ngày …", "Thông tư này thay thế Thông tư số …", "Nghị định số … hết
// hiệu lực kể từ ngày Nghị định này có hiệu lực"). An implementing text's
// closing clause implements nothing of its parent, and the parent's
// closing clause is nothing a plan carries out; the two share their
// boilerplate words, so unchecked they link to each other. With Closing
// set, such an item links to nothing (it is an item still, offered for
// linking: the decision is "implements nothing") and such a passage is no
// target.

// closingClause reports whether text is a closing provision: it states
// its own document's effect (cite.StatesOwnEffect) or ends another
// document's (a reference it replaces, repeals or lets expire).
func closingClause(text string) bool {
	if cite.StatesOwnEffect(text) {
		return true
	}
	if !mayCite(text) {
		return false
	}
	for _, r := range cite.ParseRefs(text) {
		if r.EndsEffect() {
			return true
		}
	}
	return false
}
