package cite

import "testing"

// TestAgentsListedInLines: a passive whose agent marker ends in a colon
// lists its agents one a line as often as inline — the list's items under
// "bởi:" or "tại:", with or without markers ("- ", "+ "), are the agents
// of the subject named before "được", as inline (TestAgentsAfterColon),
// not the citing text's own amendments of them. A text that cannot change
// the subject (a decree among a law's agents) is no agent; a list head
// that is no passive ("Bãi bỏ các văn bản sau:") and an article after the
// list are the text's own acts. Written for the review in the shapes of
// closing articles, Pháp điển's notes and metadata lines; numbers made up.
func TestAgentsListedInLines(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []agentWant
	}{
		{"dashed items, then an article of the text's own",
			"Nghị định số 15/2031/NĐ-CP được sửa đổi, bổ sung bởi:\n- Nghị định số 77/2032/NĐ-CP;\n- Nghị định số 85/2033/NĐ-CP.\nĐiều 2. Bãi bỏ Quyết định số 12/2029/QĐ-UBND.",
			[]agentWant{{"15/2031/NĐ-CP", Amends, false, "77/2032/NĐ-CP"}, {"77/2032/NĐ-CP", Amends, true, "15/2031/NĐ-CP"}, {"85/2033/NĐ-CP", Amends, true, "15/2031/NĐ-CP"}, {"12/2029/QĐ-UBND", Repeals, false, ""}}},
		{"plus items after \"tại:\"",
			"Thông tư số 12/2028/TT-BNV được sửa đổi, bổ sung tại:\n+ khoản 2 Điều 1 Thông tư số 03/2030/TT-BNV;\n+ khoản 1 Điều 2 Thông tư số 09/2031/TT-BNV.",
			[]agentWant{{"03/2030/TT-BNV", Amends, true, "12/2028/TT-BNV"}, {"09/2031/TT-BNV", Amends, true, "12/2028/TT-BNV"}}},
		{"lines without markers",
			"Quyết định số 12/2029/QĐ-UBND được thay thế bởi:\nQuyết định số 34/2031/QĐ-UBND;\nQuyết định số 56/2032/QĐ-UBND.",
			[]agentWant{{"34/2031/QĐ-UBND", Replaces, true, "12/2029/QĐ-UBND"}, {"56/2032/QĐ-UBND", Replaces, true, "12/2029/QĐ-UBND"}}},
		{"a decree among a law's agents changes nothing",
			"Luật Thủy lợi số 08/2027/QH16 được sửa đổi, bổ sung bởi:\n- Luật số 11/2029/QH16;\n- Nghị định số 40/2030/NĐ-CP.",
			[]agentWant{{"11/2029/QH16", Amends, true, "08/2027/QH16"}, {"40/2030/NĐ-CP", Mentions, false, ""}}},
		// guard: a list head that is the text's own act
		{"the text's repeal in lines",
			"Bãi bỏ các văn bản sau:\n- Quyết định số 12/2029/QĐ-UBND;\n- Quyết định số 34/2030/QĐ-UBND.",
			[]agentWant{{"12/2029/QĐ-UBND", Repeals, false, ""}, {"34/2030/QĐ-UBND", Repeals, false, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkRelations(t, c.in, c.want) })
	}
}
