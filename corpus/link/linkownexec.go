package link

import (
	"slices"
	"strings"
	"unicode"

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
// passage, or a heading above it, launching an emulation drive ("thi đua"
// as a word of its own, not inside a name: asksEmulation) or setting a
// reporting regime ("Điều 9. Chế độ báo cáo"): then it is
// linked as ranked. The phrases are read in any case, with or without
// their tones, NFC or NFD. Measured in docs/log/i27-none.md and
// docs/log/i27-rev-none.md, i28-tasks.md.

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
		return !asksEmulation(pass)
	}
	return !slices.ContainsFunc(sentences(pass), outline.NamesReportingRegime)
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
// regime: "chế độ báo cáo", "chế độ thông tin, báo cáo" (the phrase's
// owner: outline.NamesReportingRegime, which a section's heading reads
// too).
func reportingRegime(text string) bool {
	if !outline.NamesReportingRegime(text) {
		return false // most items
	}
	return outline.NamesReportingRegime(strings.Join(firstWords(text), " "))
}

// asksEmulation reports whether text (a parent's passage and the
// headings above it) asks for an emulation drive: "thi đua" as a word of
// its own — in lower case, in capitals, opening a sentence or heading
// ("Điều 9. Thi đua, khen thưởng"), or naming the drive ("Phong trào Thi
// đua “…”") —, not capitalised inside a name written mid-sentence, an
// institution's or a law's ("Hội đồng Thi đua - Khen thưởng tỉnh", "Luật
// Thi đua, khen thưởng"), which asks for nothing of the plan. Each line
// is read apart: its first word opens a paragraph or a heading (outline's
// Context joins the headings with "\n").
func asksEmulation(text string) bool {
	if f := viet.Fold(text); !strings.Contains(f, "thi") || !strings.Contains(f, "dua") {
		return false // the words may stand apart by any space ("thi\u00a0đua")
	}
	for line := range strings.Lines(text) { // a line opens a paragraph or a heading (outline's Context)
		toks := strings.Fields(line)
		for i := 0; i+1 < len(toks); i++ {
			bare := strings.TrimFunc(toks[i], func(r rune) bool { return !unicode.IsLetter(r) })
			if viet.Fold(bare) != "thi" || viet.Fold(strings.TrimFunc(toks[i+1], func(r rune) bool { return !unicode.IsLetter(r) })) != "dua" {
				continue
			}
			if !nameWord(toks, i, bare) {
				return true
			}
		}
	}
	return false
}

// nameWord reports that bare, toks[i] as a word, is capitalised inside a
// name written mid-sentence: a capital, not a word in capitals, after a
// word that holds a letter and ends no sentence or heading, and not the
// drive's own name after "phong trào".
func nameWord(toks []string, i int, bare string) bool {
	if i == 0 || !viet.StartsUpper(bare) || bare == strings.ToUpper(bare) {
		return false
	}
	prev := toks[i-1]
	if !strings.ContainsFunc(prev, unicode.IsLetter) || strings.ContainsAny(prev[len(prev)-1:], ".:;!?") {
		return false // "Điều 9. Thi đua", "- Thi đua …"
	}
	return !(i >= 2 && viet.Fold(toks[i-2]) == "phong" && viet.Fold(prev) == "trao")
}
