package cite

import "testing"

// TestPassiveStopsAtSemicolon: with no "Căn cứ" head opening the clause,
// the relation between two other documents that an item of a list states
// ("Luật A (được sửa đổi, bổ sung bởi Luật B)", "Luật A được sửa đổi bởi
// Luật B, Luật C") is that item's: it stops at the ";" that ends it, and the
// next item takes the list's relation (a ground under "Căn cứ:" or in a
// grounds cell) or is read on its own (a mention, or the subject of its own
// predicate). A change the text makes still governs its list across ";", a
// "Căn cứ" head still wins, and agents listed across ";" still carry: after
// a colon, or each naming its part (a Pháp điển note's "…; Điều 2 Thông tư
// số …"). Lines written for the test, numbers made up.
func TestPassiveStopsAtSemicolon(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []agentWant
	}{
		{"bracketed amending law, then two items",
			"Luật Thư viện số 46/2019/QH14 (được sửa đổi, bổ sung bởi Luật số 88/2027/QH16); Luật Di sản văn hóa số 52/2024/QH15; Nghị định số 17/2028/NĐ-CP.",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"52/2024/QH15", Mentions, false, ""}, {"17/2028/NĐ-CP", Mentions, false, ""}}},
		{"related texts after a colon",
			"Văn bản liên quan: Luật Thư viện 46/2019/QH14 (sửa đổi bởi Luật 88/2027/QH16); Luật Di sản văn hóa 52/2024/QH15; Nghị định 17/2028/NĐ-CP",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"52/2024/QH15", Mentions, false, ""}, {"17/2028/NĐ-CP", Mentions, false, ""}}},
		{"bracketed amending decree, next item with its own predicate",
			"Nghị định số 15/2029/NĐ-CP (được sửa đổi bởi Nghị định số 14/2030/NĐ-CP); Nghị định số 81/2031/NĐ-CP hết hiệu lực kể từ ngày 01/7/2031.",
			[]agentWant{{"14/2030/NĐ-CP", Amends, true, "15/2029/NĐ-CP"}, {"81/2031/NĐ-CP", Expires, false, ""}}},
		{"bracketed passive of a replacement, next item",
			"- Thông tư số 12/2028/TT-BYT (đã được thay thế bởi Thông tư số 07/2031/TT-BYT); Thông tư số 19/2029/TT-BYT.",
			[]agentWant{{"07/2031/TT-BYT", Replaces, true, "12/2028/TT-BYT"}, {"19/2029/TT-BYT", Mentions, false, ""}}},
		{"passive without brackets, next item",
			"Luật Thư viện số 46/2019/QH14 được sửa đổi, bổ sung bởi Luật số 88/2027/QH16; Luật số 90/2028/QH16.",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"90/2028/QH16", Mentions, false, ""}}},
		{"passive without brackets, next item with its own predicate",
			"Nghị định số 15/2029/NĐ-CP được sửa đổi bởi Nghị định số 14/2030/NĐ-CP; Nghị định số 81/2031/NĐ-CP hết hiệu lực kể từ ngày 01/7/2031.",
			[]agentWant{{"14/2030/NĐ-CP", Amends, true, "15/2029/NĐ-CP"}, {"81/2031/NĐ-CP", Expires, false, ""}}},
		{"passive without brackets, next item with its own passive",
			"Thông tư số 12/2028/TT-BYT được sửa đổi bởi Thông tư số 03/2030/TT-BYT; Thông tư số 19/2029/TT-BYT được thay thế bởi Thông tư số 07/2031/TT-BYT.",
			[]agentWant{{"03/2030/TT-BYT", Amends, true, "12/2028/TT-BYT"}, {"19/2029/TT-BYT", Replaces, false, "07/2031/TT-BYT"}, {"07/2031/TT-BYT", Replaces, true, "19/2029/TT-BYT"}}},
		{"an item under \"Căn cứ:\": the decree after the agents is a ground",
			"Căn cứ:\n- Luật Thư viện số 46/2019/QH14 được sửa đổi, bổ sung bởi Luật số 88/2027/QH16, Luật số 90/2028/QH16; Nghị định số 17/2028/NĐ-CP quy định chi tiết Luật Thư viện;\n- Luật Di sản văn hóa số 52/2024/QH15;",
			[]agentWant{{"46/2019/QH14", BasedOn, false, ""}, {"90/2028/QH16", Amends, true, "46/2019/QH14"}, {"17/2028/NĐ-CP", BasedOn, false, ""}, {"52/2024/QH15", BasedOn, false, ""}}},
		{"an article's list of texts after a passive",
			"Tài liệu quý hiếm là tài liệu quy định tại Điều 12 Luật Thư viện số 46/2019/QH14; được sửa đổi, bổ sung bởi Luật số 88/2027/QH16; Quyết định số 05/2029/QĐ-TTg ngày 02 tháng 3 năm 2029 của Thủ tướng Chính phủ ban hành danh mục thư viện.",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"05/2029/QĐ-TTg", Mentions, false, ""}}},
		{"a grounds cell: the items after the bracket are grounds",
			"| Loại văn bản | Thông tư |\n| Căn cứ pháp luật | Luật Thư viện 46/2019/QH14 (sửa đổi bởi Luật 88/2027/QH16); Luật Di sản văn hóa 52/2024/QH15; Nghị định 17/2028/NĐ-CP |",
			[]agentWant{{"46/2019/QH14", BasedOn, false, ""}, {"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"52/2024/QH15", BasedOn, false, ""}, {"17/2028/NĐ-CP", BasedOn, false, ""}}},
		// guards: read as before
		{"agents listed across \";\" without brackets (a Pháp điển note's shape)",
			"Điều 5 Thông tư số 12/2028/TT-BYT, có hiệu lực thi hành kể từ ngày 01/3/2028, được sửa đổi bởi Điều 1 Thông tư số 03/2030/TT-BYT có hiệu lực thi hành kể từ ngày 01/5/2030; Điều 2 Thông tư số 09/2031/TT-BYT có hiệu lực thi hành kể từ ngày 01/6/2031",
			[]agentWant{{"03/2030/TT-BYT", Amends, true, "12/2028/TT-BYT"}, {"09/2031/TT-BYT", Amends, true, "12/2028/TT-BYT"}}},
		{"a căn cứ head wins",
			"Căn cứ Luật Thư viện số 46/2019/QH14 (được sửa đổi, bổ sung bởi Luật số 88/2027/QH16); Luật Di sản văn hóa số 52/2024/QH15;",
			[]agentWant{{"88/2027/QH16", Amends, true, "46/2019/QH14"}, {"52/2024/QH15", BasedOn, false, ""}}},
		{"the text's own change carries",
			"Nghị định này thay thế Nghị định số 15/2029/NĐ-CP; Nghị định số 81/2030/NĐ-CP.",
			[]agentWant{{"15/2029/NĐ-CP", Replaces, false, ""}, {"81/2030/NĐ-CP", Replaces, false, ""}}},
		{"a list head's change carries",
			"Các văn bản sau được sửa đổi, bổ sung bởi Nghị định này: Nghị định số 15/2029/NĐ-CP; Nghị định số 81/2030/NĐ-CP.",
			[]agentWant{{"15/2029/NĐ-CP", Amends, false, ""}, {"81/2030/NĐ-CP", Amends, false, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkRelations(t, c.in, c.want) })
	}
	// agents listed after a colon: the second reads as the first
	in := "Nghị định số 15/2029/NĐ-CP được sửa đổi, bổ sung bởi: Nghị định số 14/2030/NĐ-CP; Nghị định số 81/2030/NĐ-CP."
	refs := ParseRefs(in)
	if len(refs) != 3 || refs[1].Relation != refs[2].Relation || refs[1].By != refs[2].By || refs[1].Other != refs[2].Other {
		t.Errorf("%q: the agents after the colon read differently: %+v", in, refs)
	}
}

// agentWant is a reference a relation test expects: its key, its relation,
// whether it is the agent (By) and the text it acts on (Other).
type agentWant struct {
	key   string
	rel   Relation
	by    bool
	other string
}

// checkRelations parses in and checks each wanted reference's relation,
// agent flag and other text.
func checkRelations(t *testing.T, in string, want []agentWant) {
	t.Helper()
	refs := ParseRefs(in)
	for _, w := range want {
		var got *Ref
		for i := range refs {
			if refs[i].Key == w.key {
				got = &refs[i]
			}
		}
		if got == nil {
			t.Fatalf("no reference %s in %+v", w.key, refs)
		}
		if got.Relation != w.rel || got.By != w.by || got.Other != w.other {
			t.Errorf("%s: got %s by=%v other=%q, want %s by=%v other=%q",
				w.key, got.Relation, got.By, got.Other, w.rel, w.by, w.other)
		}
	}
}
