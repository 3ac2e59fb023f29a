package cite

import "testing"

// TestRelationPredates: a text cannot be changed by one issued before it.
// A change whose actor's year is earlier than its target's year is a
// misreading (or the source's error): the reference stays, as a mention,
// so nothing is dropped and no effect is stated. And a passive whose
// subject is a document named without number ("Hiến pháp …", "Bộ luật
// …") names that document, not the text itself. Lines written for the test
// in the shapes of căn cứ lists of laws and resolutions.
func TestRelationPredates(t *testing.T) {
	type want struct {
		key   string
		rel   Relation
		by    bool
		other string
	}
	cases := []struct {
		name string
		in   string
		self Self
		want []want
	}{
		{"constitution's amender is not the text's", "NGHỊ QUYẾT\n\nCăn cứ pháp luật\n\n1. Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15\n2. Luật Tổ chức Quốc hội số 57/2014/QH13;",
			Self{Number: "21/2026/QH16"},
			[]want{{"203/2025/QH15", Amends, true, "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"}}},
		{"named code amended", "Căn cứ Bộ luật Lao động được sửa đổi, bổ sung bởi Luật số 12/2022/QH15;",
			Self{Number: "45/2026/NĐ-CP"},
			[]want{{"12/2022/QH15", Amends, true, "Bộ luật Lao động"}}},
		{"an article of the text amended by", "Điều 5 được sửa đổi, bổ sung bởi Nghị định số 71/2026/NĐ-CP.",
			Self{Number: "30/2024/NĐ-CP"},
			[]want{{"71/2026/NĐ-CP", Amends, true, ""}}},
		{"older amender of a newer law", "Căn cứ Luật Tố cáo số 25/2018/QH14 được sửa đổi, bổ sung bởi Luật số 42/2013/QH13 và Luật số 81/2025/QH15;",
			Self{Number: "65/2026/TT-BTC"},
			[]want{{"25/2018/QH14", BasedOn, false, ""}, {"42/2013/QH13", Mentions, false, ""}, {"81/2025/QH15", Amends, true, "25/2018/QH14"}}},
		{"older amender, subject only mentioned", "Thông tư số 30/2024/TT-BYT đã được sửa đổi bởi Thông tư số 11/2019/TT-BYT.",
			Self{Number: "12/2026/TT-BYT"},
			[]want{{"30/2024/TT-BYT", Mentions, false, ""}, {"11/2019/TT-BYT", Mentions, false, ""}}},
		{"the text cannot replace a newer one", "Quyết định này thay thế Quyết định số 15/2027/QĐ-UBND ngày 10/3/2027 của UBND tỉnh Phú An.",
			Self{Number: "22/2026/QĐ-UBND"},
			[]want{{"15/2027/QĐ-UBND", Mentions, false, ""}}},
		{"an older text named as the text's amender", "Điều 5 được sửa đổi, bổ sung bởi Nghị định số 71/2020/NĐ-CP.",
			Self{Number: "30/2024/NĐ-CP"},
			[]want{{"71/2020/NĐ-CP", Mentions, false, ""}}},
		// the same year, or a year unknown, proves nothing
		{"same year", "Nghị định số 15/2025/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 77/2025/NĐ-CP.",
			Self{},
			[]want{{"15/2025/NĐ-CP", Amends, false, "77/2025/NĐ-CP"}, {"77/2025/NĐ-CP", Amends, true, "15/2025/NĐ-CP"}}},
		{"no year", "Nghị quyết số 347/NQ-CP được sửa đổi, bổ sung bởi Nghị quyết số 512/NQ-CP.",
			Self{},
			[]want{{"347/NQ-CP", Amends, false, "512/NQ-CP"}, {"512/NQ-CP", Amends, true, "347/NQ-CP"}}},
		{"repeal of an older one", "Bãi bỏ Quyết định số 08/2019/QĐ-UBND của UBND tỉnh Phú An.",
			Self{Number: "22/2026/QĐ-UBND"},
			[]want{{"08/2019/QĐ-UBND", Repeals, false, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := ParseDoc(c.in, c.self)
			for _, w := range c.want {
				var got *Ref
				for i := range d.Refs {
					if d.Refs[i].Key == w.key {
						got = &d.Refs[i]
					}
				}
				if got == nil {
					t.Fatalf("no reference %s in %+v", w.key, d.Refs)
				}
				if got.Relation != w.rel || got.By != w.by || got.Other != w.other {
					t.Errorf("%s: got %s by=%v other=%q, want %s by=%v other=%q", w.key, got.Relation, got.By, got.Other, w.rel, w.by, w.other)
				}
			}
		})
	}
}
