package cite

import "testing"

// TestAgentsAfterColon: a passive whose agent marker ends in a colon
// ("được sửa đổi, bổ sung bởi: Nghị định B; Nghị định C") lists the agents
// of the subject named before "được": each amends (guides, repeals…) that
// subject, as after "bởi" without the colon — not the citing text's own
// amendments of B and C. The subject is the nearest reference before the
// passive, else the text itself ("Điều 5 được sửa đổi bởi: …"). A text
// that cannot change the subject (a decree among a law's agents:
// force.go) is no agent. A list head that is no passive ("Bãi bỏ các văn
// bản sau:") is the text's own act, as before. Lines written for the test
// in the shapes of closing articles, căn cứ lines and lists, Pháp điển's
// notes and metadata cells; numbers made up.
func TestAgentsAfterColon(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []agentWant
	}{
		{"a decree and its amending decrees",
			"Nghị định số 15/2031/NĐ-CP được sửa đổi, bổ sung bởi: Nghị định số 77/2032/NĐ-CP; Nghị định số 85/2033/NĐ-CP.",
			[]agentWant{{"15/2031/NĐ-CP", Amends, false, "77/2032/NĐ-CP"}, {"77/2032/NĐ-CP", Amends, true, "15/2031/NĐ-CP"}, {"85/2033/NĐ-CP", Amends, true, "15/2031/NĐ-CP"}}},
		{"a căn cứ line",
			"Căn cứ Luật Thủy lợi số 08/2027/QH16 được sửa đổi, bổ sung bởi: Luật số 11/2029/QH16; Luật số 19/2030/QH16;",
			[]agentWant{{"08/2027/QH16", BasedOn, false, ""}, {"11/2029/QH16", Amends, true, "08/2027/QH16"}, {"19/2030/QH16", Amends, true, "08/2027/QH16"}}},
		{"an item under \"Căn cứ:\"",
			"Căn cứ:\n- Nghị định số 15/2031/NĐ-CP được sửa đổi, bổ sung bởi: Nghị định số 77/2032/NĐ-CP; Nghị định số 85/2033/NĐ-CP;\n- Luật Thủy lợi số 08/2027/QH16.",
			[]agentWant{{"15/2031/NĐ-CP", BasedOn, false, ""}, {"77/2032/NĐ-CP", Amends, true, "15/2031/NĐ-CP"}, {"85/2033/NĐ-CP", Amends, true, "15/2031/NĐ-CP"}, {"08/2027/QH16", BasedOn, false, ""}}},
		{"a note's agents naming their parts, in brackets",
			"(Điều 5 Thông tư số 12/2028/TT-BNV được sửa đổi, bổ sung bởi: Điều 1 Thông tư số 03/2030/TT-BNV; Điều 2 Thông tư số 09/2031/TT-BNV)",
			[]agentWant{{"03/2030/TT-BNV", Amends, true, "12/2028/TT-BNV"}, {"09/2031/TT-BNV", Amends, true, "12/2028/TT-BNV"}}},
		{"agents after \"tại:\"",
			"Thông tư số 12/2028/TT-BNV được sửa đổi, bổ sung tại: khoản 2 Điều 1 Thông tư số 03/2030/TT-BNV; khoản 1 Điều 2 Thông tư số 09/2031/TT-BNV.",
			[]agentWant{{"03/2030/TT-BNV", Amends, true, "12/2028/TT-BNV"}, {"09/2031/TT-BNV", Amends, true, "12/2028/TT-BNV"}}},
		{"a metadata cell",
			"| Tình trạng | Quyết định số 12/2029/QĐ-UBND được sửa đổi, bổ sung bởi: Quyết định số 34/2031/QĐ-UBND; Quyết định số 56/2032/QĐ-UBND |",
			[]agentWant{{"34/2031/QĐ-UBND", Amends, true, "12/2029/QĐ-UBND"}, {"56/2032/QĐ-UBND", Amends, true, "12/2029/QĐ-UBND"}}},
		{"the text's own article",
			"Điều 5 được sửa đổi, bổ sung bởi: Điều 1 Quyết định số 34/2031/QĐ-UBND; Điều 2 Quyết định số 56/2032/QĐ-UBND.",
			[]agentWant{{"34/2031/QĐ-UBND", Amends, true, ""}, {"56/2032/QĐ-UBND", Amends, true, ""}}},
		{"a law and its guiding texts",
			"Luật Thủy lợi số 08/2027/QH16 được hướng dẫn bởi: Nghị định số 21/2028/NĐ-CP; Thông tư số 07/2028/TT-BNNMT.",
			[]agentWant{{"21/2028/NĐ-CP", Guides, true, "08/2027/QH16"}, {"07/2028/TT-BNNMT", Guides, true, "08/2027/QH16"}}},
		{"a decree among a law's agents changes nothing",
			"Luật Thủy lợi số 08/2027/QH16 được sửa đổi, bổ sung bởi: Luật số 11/2029/QH16; Nghị định số 40/2030/NĐ-CP.",
			[]agentWant{{"11/2029/QH16", Amends, true, "08/2027/QH16"}, {"40/2030/NĐ-CP", Mentions, false, ""}}},
		// guard: a list head that is the text's own act
		{"the text's repeal after a colon",
			"Bãi bỏ các văn bản sau: Quyết định số 12/2029/QĐ-UBND; Quyết định số 34/2030/QĐ-UBND.",
			[]agentWant{{"12/2029/QĐ-UBND", Repeals, false, ""}, {"34/2030/QĐ-UBND", Repeals, false, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkRelations(t, c.in, c.want) })
	}
}
