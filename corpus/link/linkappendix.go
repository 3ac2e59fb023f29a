package link

// A parent's appendix row weighs less than its body.
//
// A national plan states its tasks in its body ("II. NHIỆM VỤ, GIẢI
// PHÁP") and lists them again in its appendices: an assignment table (Phụ
// lục I: agency, content, indicator, deadline) and a list of priority
// projects (Phụ lục II: a project's name and its "Yêu cầu" lines). A row
// saying the same as a body task in the same words is collapsed into that
// task (outline collapseRepeats); a row saying it in other words, with a
// project's name and details around it, stays a passage of its own and
// can outscore the body task on its extra words ("Dự án tăng cường năng
// lực … làm sạch, giảm bụi đô thị / Đầu tư bổ sung trang thiết bị …"
// against the task "Đầu tư bổ sung trang thiết bị chuyên dụng (xe hút bụi,
// phun rửa đường)…"). The plans implementing it carry out the body's task;
// the row is the second statement. So an appendix row (Outline.InAppendix)
// scores AppendixWeight times its score, as a goal passage scores
// GoalWeight: it still wins where the body says nothing as close (a row
// whose content the body lacks), and loses a near tie to the body task.
// docs/log/i22-linko.md has the measures.

// appendixFactor is the factor of target t's score: AppendixWeight for an
// appendix row (0: off), 1 otherwise.
func (l *linker) appendixFactor(t *target) float64 {
	if t.appendix && l.p.AppendixWeight > 0 {
		return l.p.AppendixWeight
	}
	return 1
}
