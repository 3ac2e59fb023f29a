package link

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/outline"
)

// Items organising the plan's own carrying out, beside the own plan
// (linkownplan.go) and the reports on a whole document (linkprogress.go):
//
//   - the plan's emulation drive — "Phát động phong trào thi đua “…”",
//     "Triển khai thực hiện Phong trào thi đua “70 ngày cao điểm” …" —
//     and the criteria listed under it ("100% giáo viên …", "Tổ chức ít
//     nhất một sự kiện …"): a drive the unit launches to carry its tasks
//     out, with its own targets (launchesDrive, read in the item and the
//     items above it);
//   - the reporting regime of the carrying out — "Các đơn vị tổ chức trực
//     ban và thực hiện nghiêm túc chế độ báo cáo về …", "Thực hiện chế độ
//     báo cáo cơ quan quản lý nhà nước có thẩm quyền" (reportingRegime, in
//     the item's first sentence: a task that ends by asking for reports
//     is the task).
//
// Such an item implements no passage of its parent unless the parent asks
// for the same — a passage launching an emulation drive ("thi đua") or
// setting a reporting regime: then it is linked as ranked. Measured in
// docs/log/i27-none.md.

// ownExecution reports whether ranked item r of o organises the plan's
// own carrying out and its best passage asks for nothing of the kind.
func (l *linker) ownExecution(o *outline.Outline, r ranked) bool {
	if l.p.OwnExec <= 0 || len(r.cand) == 0 {
		return false
	}
	pass := l.targets[r.cand[r.ref].j].p.Text
	if reportingRegime(o.Items[r.item].Text) && !slices.ContainsFunc(sentences(pass), reportingRegime) {
		return true
	}
	for i := r.item; i >= 0; i = o.Items[i].Parent {
		if launchesDrive(o.Items[i].Text) {
			return !hasWords(foldWords(pass), "thi", "dua")
		}
	}
	return false
}

// sentences splits text at the marks ending a sentence or a clause
// (". ; ! ?"), keeping the pieces with a word in them.
func sentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == ';' || r == '!' || r == '?' })
}

// firstWords is the folded words of text's first sentence (sentences),
// past a bare number ("1.").
func firstWords(text string) []string {
	for _, s := range sentences(text) {
		if ws := foldWords(s); len(ws) > 1 {
			return ws
		}
	}
	return nil
}

// hasWords reports whether ws holds the words seq in a row.
func hasWords(ws []string, seq ...string) bool {
	for i := 0; i+len(seq) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(seq)], seq) {
			return true
		}
	}
	return false
}

// launchesDrive reports whether text's first sentence names an emulation
// drive ("phong trào thi đua"), which a unit launches for its own
// carrying out.
func launchesDrive(text string) bool {
	if !strings.Contains(text, "đua") && !strings.Contains(text, "ĐUA") {
		return false // most items, without folding them (the store's text is NFC)
	}
	return hasWords(firstWords(text), "phong", "trao", "thi", "dua")
}

// reportingRegime reports whether text's first sentence keeps a reporting
// regime: "chế độ báo cáo", "chế độ thông tin, báo cáo".
func reportingRegime(text string) bool {
	if !strings.Contains(text, "độ") && !strings.Contains(text, "ĐỘ") {
		return false // most items
	}
	ws := firstWords(text)
	return hasWords(ws, "che", "do", "bao", "cao") || hasWords(ws, "che", "do", "thong", "tin", "bao", "cao")
}
