package cite

import "testing"

// TestSemicolonListItem: an item after ";" in a list whose items are texts
// (grounds under "Căn cứ:", in a grounds cell or heading, after "căn cứ"
// inside a sentence; the texts a decision repeals or replaces) is the
// list's next item, even when it names its part ("…; Điều 5 Nghị định số
// …") after an agent that names its own ("Luật A được sửa đổi, bổ sung bởi
// Điều 2 Luật B"): it takes the list's relation, not the agent's. Agents
// are listed across ";" only where the passive's subject is the changed
// text itself, as Pháp điển's notes list them, and never a text that
// cannot change that subject (a decree after a law's amending law). Lines
// written for the test in the shapes of căn cứ lists, metadata rows and
// closing articles; numbers made up.
func TestSemicolonListItem(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []agentWant
	}{
		{"under \"Căn cứ:\", an article after an agent naming its article",
			"Căn cứ:\n- Luật Thư viện số 46/2019/QH14 được sửa đổi, bổ sung bởi Điều 2 Luật số 88/2027/QH16; Điều 5 Nghị định số 17/2028/NĐ-CP;\n- Luật Di sản văn hóa số 52/2024/QH15;",
			[]agentWant{{"46/2019/QH14", BasedOn, false, ""}, {"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"17/2028/NĐ-CP", BasedOn, false, ""}, {"52/2024/QH15", BasedOn, false, ""}}},
		{"under \"Căn cứ:\", a law named without number, agents naming parts",
			"Căn cứ:\n- Luật Thư viện được sửa đổi, bổ sung bởi khoản 4 Điều 2 Luật số 88/2027/QH16; khoản 1 Điều 5 Nghị định số 17/2028/NĐ-CP;\n- Luật Di sản văn hóa số 52/2024/QH15;",
			[]agentWant{{"88/2027/QH16", Amends, true, "Luật Thư viện"}, {"17/2028/NĐ-CP", BasedOn, false, ""}}},
		{"under \"Căn cứ:\", a law named without number, whole texts",
			"Căn cứ:\n- Bộ luật Lao động được sửa đổi, bổ sung bởi Luật số 61/2028/QH16; Nghị định số 23/2029/NĐ-CP;\n- Luật Việc làm số 74/2025/QH15;",
			[]agentWant{{"61/2028/QH16", Amends, true, "Bộ luật Lao động"}, {"23/2029/NĐ-CP", BasedOn, false, ""}}},
		{"\"Căn cứ:\" inline, a clause and an article",
			"Căn cứ: Luật Thư viện số 46/2019/QH14 được sửa đổi, bổ sung bởi khoản 3 Điều 2 Luật số 88/2027/QH16; Điều 5 và Điều 6 Nghị định số 17/2028/NĐ-CP.",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"17/2028/NĐ-CP", BasedOn, false, ""}}},
		{"a grounds cell without brackets",
			"| Trường | Giá trị |\n| **Căn cứ** | Luật Thư viện số 46/2019/QH14 được sửa đổi, bổ sung bởi Điều 2 Luật số 88/2027/QH16; khoản 1 Điều 7 Nghị định số 17/2028/NĐ-CP |",
			[]agentWant{{"46/2019/QH14", BasedOn, false, ""}, {"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"17/2028/NĐ-CP", BasedOn, false, ""}}},
		{"a grounds heading without colon",
			"## CĂN CỨ PHÁP LUẬT\n\n- Luật Thư viện số 46/2019/QH14 đã được sửa đổi, bổ sung một số điều theo Điều 2 của Luật số 88/2027/QH16; Điều 5 Nghị định số 17/2028/NĐ-CP ngày 02/3/2028 của Chính phủ quy định chi tiết;\n- Luật Di sản văn hóa số 52/2024/QH15.",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"17/2028/NĐ-CP", BasedOn, false, ""}}},
		{"\"căn cứ\" inside a sentence",
			"Quyết định này được ban hành căn cứ Luật Thư viện số 46/2019/QH14 được sửa đổi, bổ sung bởi Điều 2 Luật số 88/2027/QH16; Điều 5 Nghị định số 17/2028/NĐ-CP.",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"17/2028/NĐ-CP", BasedOn, false, ""}}},
		{"a partial replacement's agent in a grounds list",
			"Căn cứ:\n- Nghị định số 15/2029/NĐ-CP được thay thế một phần bởi Điều 12 Nghị định số 14/2030/NĐ-CP; Điều 5 Nghị định số 81/2030/NĐ-CP;",
			[]agentWant{{"14/2030/NĐ-CP", Replaces, true, "15/2029/NĐ-CP"}, {"81/2030/NĐ-CP", BasedOn, false, ""}}},
		{"the text's repeal: the article after the agent is repealed",
			"Bãi bỏ khoản 2 Điều 3 Thông tư số 12/2029/TT-BTC được sửa đổi bởi Điều 1 Thông tư số 34/2031/TT-BTC; Điều 5 Thông tư số 56/2030/TT-BTC.",
			[]agentWant{{"12/2029/TT-BTC", Repeals, false, ""}, {"34/2031/TT-BTC", Amends, true, "12/2029/TT-BTC"}, {"56/2030/TT-BTC", Repeals, false, ""}}},
		{"the text's replacement: the article after the agent is replaced, an amendment",
			"Quyết định này thay thế Quyết định số 12/2029/QĐ-UBND được sửa đổi bởi Điều 1 Quyết định số 34/2031/QĐ-UBND; Điều 5 Quyết định số 56/2030/QĐ-UBND.",
			[]agentWant{{"12/2029/QĐ-UBND", Replaces, false, ""}, {"34/2031/QĐ-UBND", Amends, true, "12/2029/QĐ-UBND"}, {"56/2030/QĐ-UBND", Amends, false, ""}}},
		{"no list: a decree after a law's amending law amends nothing",
			"Đất được giao theo Luật Đất đai số 31/2029/QH16 được sửa đổi, bổ sung bởi khoản 3 Điều 1 Luật số 43/2030/QH16; khoản 2 Điều 3 Nghị định số 102/2030/NĐ-CP quy định chi tiết thi hành.",
			[]agentWant{{"43/2030/QH16", Amends, true, "31/2029/QH16"}, {"102/2030/NĐ-CP", Mentions, false, ""}}},
		// guards: agents listed across ";", as before
		{"a note's agents naming their parts, with their dates",
			"Điều 5 Thông tư số 12/2028/TT-BYT, có hiệu lực thi hành kể từ ngày 01/3/2028, có nội dung được sửa đổi bởi Điều 1 Thông tư số 03/2030/TT-BYT có hiệu lực thi hành kể từ ngày 01/5/2030; Điều 2 Thông tư số 09/2031/TT-BYT có hiệu lực thi hành kể từ ngày 01/6/2031",
			[]agentWant{{"03/2030/TT-BYT", Amends, true, "12/2028/TT-BYT"}, {"09/2031/TT-BYT", Amends, true, "12/2028/TT-BYT"}}},
		{"a note's laws amending a law",
			"Điều 12 Luật số 40/2009/QH12, được sửa đổi, bổ sung theo quy định tại khoản 3 Điều 1 của Luật số 27/2013/QH13; khoản 2 Điều 4 của Luật số 33/2018/QH14.",
			[]agentWant{{"27/2013/QH13", Amends, true, "40/2009/QH12"}, {"33/2018/QH14", Amends, true, "40/2009/QH12"}}},
		// guards (i24-review2): a note under a dash, a Standing Committee's
		// resolution changing an ordinance, a repeal's agents
		{"a note under a dash: its agents naming parts",
			"- Điều 5 Thông tư số 12/2028/TT-BYT được sửa đổi bởi Điều 1 Thông tư số 03/2030/TT-BYT; Điều 2 Thông tư số 09/2031/TT-BYT.",
			[]agentWant{{"03/2030/TT-BYT", Amends, true, "12/2028/TT-BYT"}, {"09/2031/TT-BYT", Amends, true, "12/2028/TT-BYT"}}},
		{"a note's Standing Committee resolution changing an ordinance",
			"Điều 7 Pháp lệnh số 02/2011/UBTVQH12 được sửa đổi bởi Điều 1 Pháp lệnh số 05/2015/UBTVQH13; Điều 2 Nghị quyết số 1210/2016/UBTVQH13.",
			[]agentWant{{"05/2015/UBTVQH13", Amends, true, "02/2011/UBTVQH12"}, {"1210/2016/UBTVQH13", Amends, true, "02/2011/UBTVQH12"}}},
		{"a note's agents of a repeal",
			"Khoản 2 Điều 5 Thông tư số 12/2028/TT-BYT được bãi bỏ bởi Điều 3 Thông tư số 03/2030/TT-BYT; Điều 4 Thông tư số 09/2031/TT-BYT.",
			[]agentWant{{"03/2030/TT-BYT", Repeals, true, "12/2028/TT-BYT"}, {"09/2031/TT-BYT", Repeals, true, "12/2028/TT-BYT"}}},
		{"agents naming parts after a colon",
			"Thông tư số 12/2028/TT-BNV được sửa đổi, bổ sung tại: khoản 2 Điều 1 Thông tư số 03/2030/TT-BNV; khoản 1 Điều 2 Thông tư số 09/2031/TT-BNV.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkRelations(t, c.in, c.want) })
	}
	// agents naming parts after a colon: the second reads as the first
	in := cases[len(cases)-1].in
	refs := ParseRefs(in)
	if len(refs) != 3 || refs[1].Relation != refs[2].Relation || refs[1].By != refs[2].By || refs[1].Other != refs[2].Other {
		t.Errorf("%q: the agents after the colon read differently: %+v", in, refs)
	}
}
