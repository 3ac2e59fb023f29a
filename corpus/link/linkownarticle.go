package link

// A legal text's rule built on its own article. An item of a Thông tư or
// Nghị định that refers to another provision of its own article — "bảo
// đảm không vượt quá giới hạn quy định tại khoản 1 và khoản 2 Điều này",
// "phải đáp ứng các tiêu chuẩn quy định tại Điều này" — states a limit,
// an exception or a condition on a rule its text sets itself: it carries
// out its own article, not a passage of its parent, whatever words the
// two share. With OwnArticle such an item is ranked and given no link,
// unless it cites a parent by number in its text or its article's heading
// (citesParentAt), or its best passage refers to its own article too (a
// text restating its parent's clause carries its internal reference
// along). Plans, programmes, letters and decisions (no Legal class) are
// not read: their items are tasks, linked as any. Measured in
// docs/log/i25-legal.md.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// refersOwnArticle reports whether text says "Điều này" (with or without
// its tones, in capitals too, NFC or NFD): a reference to its own
// article. A lower-case "điều này" is the common noun, "this" ("Để bảo
// đảm điều này, …"), unless it closes a clause's or point's reference
// or follows "tại" ("khoản 1 điều này", "quy định tại điều này"), as a
// text typed without its capitals writes it.
func refersOwnArticle(text string) bool {
	if !strings.Contains(viet.Fold(text), "dieu") {
		return false // most items
	}
	ws := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
	fold := func(k int) string {
		if k < 0 || len(ws[k]) > maxDieuBytes {
			return ""
		}
		return viet.Fold(ws[k])
	}
	for i := 0; i+1 < len(ws); i++ {
		if fold(i) != "dieu" || fold(i+1) != "nay" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(ws[i]); unicode.IsUpper(r) {
			return true
		}
		if before := fold(i - 2); fold(i-1) == "tai" || before == "khoan" || before == "diem" {
			return true
		}
	}
	return false
}

// maxDieuBytes bounds the words folded: "Điều", "khoản", "điểm" in any
// case or normalisation are at most eleven bytes, so a long word is never
// folded.
const maxDieuBytes = 12

// ownArticle is the rule for one text: nil when the text is no legal
// text or the rule is off.
type ownArticle struct {
	o    *outline.Outline
	keys map[string]bool // the parents' number keys
}

// newOwnArticle returns the rule for plan (its outline o) linked to the
// parents of number keys keys (parentKeys), nil when it does not apply.
func newOwnArticle(plan *Doc, keys map[string]bool, o *outline.Outline, p Params) *ownArticle {
	if p.OwnArticle <= 0 || typeOfDoc(plan).Class != doctype.Legal {
		return nil
	}
	return &ownArticle{o: o, keys: keys}
}

// withholds reports whether ranked item r gets no link by the rule.
func (g *ownArticle) withholds(l *linker, r ranked) bool {
	if g == nil || len(r.cand) == 0 || !refersOwnArticle(g.o.Items[r.item].Text) {
		return false
	}
	return !citesParentAt(g.o, r.item, g.keys) && !refersOwnArticle(l.targets[r.cand[r.ref].j].p.Text)
}
