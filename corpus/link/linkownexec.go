package link

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// Items organising the plan's own carrying out, beside the own plan
// (linkownplan.go) and the reports on a whole document (linkprogress.go):
//
//   - the plan's emulation drive — "Phát động phong trào thi đua “…”",
//     "Triển khai thực hiện Phong trào thi đua “70 ngày cao điểm” …" —
//     and the criteria listed under it ("100% giáo viên …", "Tổ chức ít
//     nhất một sự kiện …"): a drive the unit launches to carry its tasks
//     out, with its own targets (launchesDrive, read in the item, the
//     items above it and its section's heading: "III. PHÁT ĐỘNG PHONG
//     TRÀO THI ĐUA …");
//   - the reporting regime of the carrying out — "Các đơn vị tổ chức trực
//     ban và thực hiện nghiêm túc chế độ báo cáo về …", "Thực hiện chế độ
//     báo cáo cơ quan quản lý nhà nước có thẩm quyền" (reportingRegime, in
//     the item's first sentence: a task that ends by asking for reports
//     is the task).
//
// Such an item implements no passage of its parent unless it names one (it
// cites a parent or a provision of one) or the parent asks for the same — a
// passage, or a heading above it, launching an emulation drive ("thi đua")
// or setting a reporting regime ("Điều 9. Chế độ báo cáo"): then it is
// linked as ranked. The phrases are read in any case, with or without
// their tones, NFC or NFD. Measured in docs/log/i27-none.md and
// docs/log/i27-rev-none.md.

// ownExecution reports whether ranked item r of o organises the plan's
// own carrying out and its best passage asks for nothing of the kind.
// keys are the parents' number keys (parentKeys).
func (l *linker) ownExecution(o *outline.Outline, r ranked, keys map[string]bool) bool {
	if l.p.OwnExec <= 0 || len(r.cand) == 0 {
		return false
	}
	it := o.Items[r.item]
	drive := it.Section >= 0 && it.Section < len(o.Sections) && launchesDrive(o.Sections[it.Section].Title)
	for i := r.item; i >= 0 && !drive; i = o.Items[i].Parent {
		drive = launchesDrive(o.Items[i].Text)
	}
	if !drive && !reportingRegime(it.Text) || len(r.q.cited) > 0 || citesParentAt(o, r.item, keys) {
		return false // not the plan's own, or it names what it implements
	}
	// The passage with the headings above it ("Điều 9. Chế độ báo cáo"):
	// the parent asks for the same.
	p := l.targets[r.cand[r.ref].j].p
	pass := p.Text + ". " + p.Context
	if drive {
		return !hasWords(foldWords(pass), "thi", "dua")
	}
	return !slices.ContainsFunc(sentences(pass), reportingRegime)
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
	if !strings.Contains(viet.Fold(text), "thi dua") {
		return false // most items
	}
	return hasWords(firstWords(text), "phong", "trao", "thi", "dua")
}

// reportingRegime reports whether text's first sentence keeps a reporting
// regime: "chế độ báo cáo", "chế độ thông tin, báo cáo".
func reportingRegime(text string) bool {
	if !strings.Contains(viet.Fold(text), "che do") {
		return false // most items
	}
	ws := firstWords(text)
	return hasWords(ws, "che", "do", "bao", "cao") || hasWords(ws, "che", "do", "thong", "tin", "bao", "cao")
}
