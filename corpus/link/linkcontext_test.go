package link

import "testing"

// Lines written for the tests of this file: a resolution on digital
// transformation and a meeting's conclusions carrying it out, whose
// first point is a lead-in with a task of its own and two bullets.

func TestContextWeight(t *testing.T) {
	l := &linker{p: DefaultParams()}
	l.p.QueryContext, l.p.ContextWords = 1, 20
	lead := "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh đề cao trách nhiệm " +
		"người đứng đầu, trực tiếp lãnh đạo, chỉ đạo công tác chuyển đổi số của cơ quan, đơn vị mình; trong đó lưu ý một số nội dung sau:"
	for _, c := range []struct {
		name  string
		part  string
		title bool
		want  float64
	}{
		{"short heading", "2. Về chuyển đổi số trong giáo dục", false, 1},
		{"sixteen words", "Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức cấp xã", false, 1},
		{"a lead-in of 52 words", lead, false, 20.0 / 52},
		{"long section title keeps its weight", lead, true, 1},
	} {
		if got := l.contextWeight(c.part, c.title); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	l.p.ContextWords = 0
	if got := l.contextWeight(lead, false); got != 1 {
		t.Errorf("ContextWords 0: %v, want QueryContext", got)
	}
}

// TestLinkContextWords: the bullets of a lead-in that states its own
// task go to the passages their own words name; at full weight the
// lead-in's forty-odd words pull the first to the passage of the lead-in's task.
func TestLinkContextWords(t *testing.T) {
	res := Doc{ID: "r", Number: "12-NQ/TW", Body: "III. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Người đứng đầu các bộ, ngành, địa phương trực tiếp lãnh đạo, chỉ đạo công tác chuyển đổi số, chịu trách nhiệm về kết quả chuyển đổi số của cơ quan, đơn vị mình; đề cao trách nhiệm, bảo đảm đồng bộ, quyết liệt, hiệu quả.\n" +
		"2. Xây dựng cơ sở dữ liệu về giáo dục và đào tạo, kết nối, chia sẻ với cơ sở dữ liệu quốc gia về dân cư.\n" +
		"3. Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức."}
	plan := Doc{ID: "p", Number: "40/TB-VPCP", Body: "Phó Thủ tướng kết luận như sau:\n" +
		"1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh đề cao trách nhiệm người đứng đầu, " +
		"trực tiếp lãnh đạo, chỉ đạo công tác chuyển đổi số của cơ quan, đơn vị mình, bảo đảm đồng bộ, quyết liệt, hiệu quả; trong đó lưu ý một số nội dung sau:\n" +
		"- Hoàn thành cơ sở dữ liệu giáo dục, kết nối dữ liệu dân cư.\n" +
		"- Bồi dưỡng kỹ năng số cho công chức.\n"}
	tops := func(words float64) (lead, b1, b2 string) {
		p := DefaultParams()
		p.ContextWords = words
		return rankedTop(plan, res, p, "1"), rankedTop(plan, res, p, "1.•1"), rankedTop(plan, res, p, "1.•2")
	}
	if lead, b1, _ := tops(0); lead != "III.1" || b1 != "III.1" {
		t.Errorf("at full weight: lead-in → %s, first bullet → %s; want III.1 for both (the test no longer shows the pull)", lead, b1)
	}
	if lead, b1, b2 := tops(20); lead != "III.1" || b1 != "III.2" || b2 != "III.3" {
		t.Errorf("ContextWords 20: lead-in → %s, bullets → %s, %s; want III.1, III.2, III.3", lead, b1, b2)
	}
}
