package link

import (
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"

	"github.com/vanban/vanban/corpus/viet"
)

// A legal text's scope article names the text it details: "Thông tư này
// quy định chi tiết điểm c khoản 1 Điều 6 của Quyết định số
// 07/2026/QĐ-TTg", "Thông tư này hướng dẫn việc xác thực … theo quy định
// tại khoản 2 Điều 18 Nghị định số 163/2024/NĐ-CP". Such a statement
// implements the texts it names. When it names texts by number and none
// of them is one of the item's parents (the document it details is not
// stored, or not cited as a parent: a circular detailing the pension
// decree cites the base-salary decree for one point), it implements
// nothing of those parents, however many words it shares with their
// scope: the item is offered and gets no link.

// detailsOther reports whether text states that its own document details
// or guides texts it cites by number ("<Loại> này quy định chi tiết|hướng
// dẫn …"), none of them with a key in parents.
func detailsOther(text string, parents map[string]bool) bool {
	if !strings.Contains(text, " này ") || !cite.MayCite(text) {
		return false // most items: no own subject, or no number cited
	}
	for _, s := range outline.Sentences(text) {
		if !statesDetail(s) || !cite.MayCite(s) {
			continue
		}
		if len(cite.ParseRefs(s)) == 0 {
			continue
		}
		// A parent named anywhere in the item ("…; hướng dẫn việc … quy
		// định tại Điều 2 Nghị định số <parent>": the scope's next clause,
		// its subject left out) is a text the document details too.
		return !citesParent(text, parents)
	}
	return false
}

// When a legal text's scope names only texts other than its parents
// (detailsOther: a circular detailing the pension decree, citing the
// base-salary decree for one point), its provisions carry out the text
// it details, not the parent: "1. Các đối tượng quy định tại các điểm a,
// b khoản 1 Điều 1 Nghị định số <other>", "Từ ngày …, mức lương hưu của
// các đối tượng quy định tại khoản 1 Điều 2 Thông tư này được điều chỉnh
// tăng thêm 8%". Only an item that cites a parent itself ("… được tính
// theo mức lương cơ sở quy định tại Nghị định số <parent>") implements
// it; the others are offered and get no link.

// A parent the text names as its legal basis ("Căn cứ Luật …", "Căn cứ
// Nghị định số …") may be what the detailed text itself carries out: a
// circular detailing a decree that is not stored, under the law the
// decree details, still implements that law's provisions. The rule holds
// only when no parent is named in a "Căn cứ" line.

// scopedElsewhere reports whether some item of o states that its document
// details texts none of which is a parent (detailsOther), and body names
// no parent as its basis (basedOn). Its caller still ranks an item that
// cites a parent, in its text or its article's heading (citesParentAt).
func scopedElsewhere(o *outline.Outline, body string, parents map[string]bool) bool {
	if basedOn(body, parents) {
		return false
	}
	for i := range o.Items {
		if detailsOther(o.Items[i].Text, parents) {
			return true
		}
	}
	return false
}

// basedOn reports whether a line of body opening "Căn cứ" cites one of
// parents.
func basedOn(body string, parents map[string]bool) bool {
	for line := range strings.Lines(body) {
		line = strings.TrimSpace(line)
		if len(line) > len("Căn cứ") && strings.EqualFold(line[:len("Căn cứ")], "Căn cứ") && citesParent(line, parents) {
			return true
		}
	}
	return false
}

// citesParentAt reports whether item i of o cites one of parents, in its
// text or in its section's heading: "Điều 2. Hỗ trợ … theo Nghị định số
// <parent>" makes each of its clauses a provision carrying out the parent.
func citesParentAt(o *outline.Outline, i int, parents map[string]bool) bool {
	it := o.Items[i]
	return citesParent(it.Text, parents) || it.Section >= 0 && it.Section < len(o.Sections) && citesParent(o.Sections[it.Section].Title, parents)
}

// citesParent reports whether text cites one of parents by number.
func citesParent(text string, parents map[string]bool) bool {
	if !cite.MayCite(text) {
		return false
	}
	for _, r := range cite.ParseRefs(text) {
		if parents[r.LookupKey()] {
			return true
		}
	}
	return false
}

// detailVerbs are what a text says it does to the text it details.
var detailVerbs = []string{"quy định chi tiết", "hướng dẫn"}

// statesDetail reports a sentence whose subject is its own document ("1.
// Thông tư này", "Nghị định này": at most three capitalised words before
// "này", after a clause number), a legal text (legalSubject), and whose
// verb is a detailVerb.
func statesDetail(s string) bool {
	if rest, ok := outline.NumberLabel(s); ok {
		s = rest
	}
	subj, pred, ok := strings.Cut(s, " này ")
	if !ok {
		return false
	}
	ws := strings.Fields(subj)
	if len(ws) == 0 || len(ws) > 3 || !viet.StartsUpper(ws[0]) || !legalSubject(subj) {
		return false
	}
	for _, v := range detailVerbs {
		if strings.HasPrefix(pred, v+" ") {
			return true
		}
	}
	return false
}

// legalSubject reports a subject naming a legal text's type: a Luật,
// Nghị định, Thông tư (doctype.Legal) or a Quyết định. Only a legal text
// details another by its scope; a plan or programme that guides a
// resolution ("Kế hoạch này hướng dẫn … Nghị quyết số …") carries it out,
// and a decision issuing a plan is typed Quyết định while its plan says
// "Kế hoạch này": the statement's subject, not the document's type, tells.
func legalSubject(subj string) bool {
	t, ok := doctype.ByName(strings.Join(strings.Fields(subj), " "))
	return ok && (t.Class == doctype.Legal || t.Class == doctype.Decision)
}

// An item whose object is its own document — "Văn phòng Chính phủ theo
// dõi, đôn đốc việc thực hiện Công điện này", "Giao Sở Tư pháp … triển
// khai thực hiện Kế hoạch này", "Bộ Tài chính chịu trách nhiệm hướng dẫn,
// kiểm tra, đôn đốc việc thực hiện Thông tư này" — monitors, reports on
// or carries out the text as a whole, no passage of its parent: offered,
// never ranked, as a scope statement naming another text.

// carriesOutOwn reports whether text says "thực hiện [at most two words]
// <Loại> này": an
// action on its own document (any type doctype names, in any spelling).
func carriesOutOwn(text string) bool {
	f := viet.Fold(text)
	if !strings.Contains(f, "thuc hien ") || !strings.Contains(f, " nay") {
		return false // most items
	}
	ws := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+3 < len(ws); i++ {
		if ws[i] != "thuc" || ws[i+1] != "hien" {
			continue
		}
		for j := i + 2; j <= min(i+4, len(ws)-2); j++ { // at most two words between: "thực hiện nghiêm túc Công điện này"
			if _, n, ok := doctype.Match(ws[j:min(len(ws), j+doctype.MaxWords)]); ok && j+n < len(ws) && ws[j+n] == "nay" {
				return true
			}
		}
	}
	return false
}
