package cite

import "testing"

// TestPassivePartItem: an item after ";" that names its part ("Điều 5
// Nghị định số …") is one more agent of the passive before it only when
// that agent names its part too, as Pháp điển's notes list the agents of
// one passive ("… được sửa đổi bởi Điều 1 Thông tư số A …; Điều 3 Thông
// tư số B …"). After a whole text as the agent ("… được sửa đổi, bổ sung
// bởi Nghị định số B; Điều 5 Nghị định số C") the item is the list's next:
// it takes the relation of the item holding the passive (the text's own
// repeal) or is read on its own (a mention). Lines written for the test,
// numbers made up.
func TestPassivePartItem(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []agentWant
	}{
		{"a repeal's list: the article after a whole agent is repealed too",
			"Nghị định này bãi bỏ Nghị định số 12/2029/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 34/2031/NĐ-CP; Điều 5 Nghị định số 56/2030/NĐ-CP.",
			[]agentWant{{"34/2031/NĐ-CP", Amends, true, "12/2029/NĐ-CP"}, {"56/2030/NĐ-CP", Repeals, false, ""}}},
		{"an article's list of texts: the clause after a whole agent is cited",
			"Đất được giao theo Luật Đất đai số 31/2029/QH16 được sửa đổi, bổ sung bởi Luật số 43/2030/QH16; khoản 2 Điều 3 Nghị định số 102/2030/NĐ-CP quy định chi tiết thi hành.",
			[]agentWant{{"43/2030/QH16", Amends, true, "31/2029/QH16"}, {"102/2030/NĐ-CP", Mentions, false, ""}}},
		// guard: agents that name their parts carry (the notes' shape)
		{"agents naming their parts across \";\"",
			"Khoản 3 Điều 7 Thông tư số 12/2028/TT-BNV được sửa đổi, bổ sung bởi khoản 2 Điều 1 Thông tư số 03/2030/TT-BNV; khoản 1 Điều 2 Thông tư số 09/2031/TT-BNV",
			[]agentWant{{"03/2030/TT-BNV", Amends, true, "12/2028/TT-BNV"}, {"09/2031/TT-BNV", Amends, true, "12/2028/TT-BNV"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkRelations(t, c.in, c.want) })
	}
}
