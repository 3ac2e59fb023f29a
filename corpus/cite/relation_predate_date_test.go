package cite

import "testing"

// TestRelationPredatesDates: within one year the dates decide. An amender,
// a replacing or repealing text signed before what it changes is a
// misreading or the source's error, and the reference stays as a mention;
// a date known on one side only, or a date whose year is not its number's
// (a date attached loosely, a typo), leaves the year to decide. Lines
// written for the test in the shapes of căn cứ lists and closing articles.
func TestRelationPredatesDates(t *testing.T) {
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
		{"amender signed months before, same year",
			"Căn cứ Nghị định số 15/2025/NĐ-CP ngày 20 tháng 6 năm 2025 của Chính phủ quy định về quản lý cụm công nghiệp được sửa đổi, bổ sung bởi Nghị định số 77/2025/NĐ-CP ngày 10 tháng 3 năm 2025 của Chính phủ;",
			Self{Number: "41/2026/TT-BCT"},
			[]want{{"15/2025/NĐ-CP", BasedOn, false, ""}, {"77/2025/NĐ-CP", Mentions, false, ""}}},
		{"amender signed after, same year",
			"Căn cứ Nghị định số 15/2025/NĐ-CP ngày 20 tháng 6 năm 2025 của Chính phủ quy định về quản lý cụm công nghiệp được sửa đổi, bổ sung bởi Nghị định số 77/2025/NĐ-CP ngày 10 tháng 9 năm 2025 của Chính phủ;",
			Self{Number: "41/2026/TT-BCT"},
			[]want{{"77/2025/NĐ-CP", Amends, true, "15/2025/NĐ-CP"}}},
		{"amender of the text signed before it",
			"Điều 5 được sửa đổi, bổ sung bởi Nghị định số 12/2026/NĐ-CP ngày 20/3/2026.",
			Self{Number: "40/2026/NĐ-CP", Signed: "2026-08-15"},
			[]want{{"12/2026/NĐ-CP", Mentions, false, ""}}},
		{"amender of the text, its date unknown",
			"Điều 5 được sửa đổi, bổ sung bởi Nghị định số 12/2026/NĐ-CP ngày 20/3/2026.",
			Self{Number: "40/2026/NĐ-CP"},
			[]want{{"12/2026/NĐ-CP", Amends, true, ""}}},
		{"the text's own date in its header",
			"ỦY BAN NHÂN DÂN\nTỈNH PHÚ AN\n\nPhú An, ngày 04 tháng 5 năm 2026\n\nQUYẾT ĐỊNH\n\nĐiều 3. Quyết định này thay thế Quyết định số 15/2026/QĐ-UBND ngày 10 tháng 9 năm 2026 của UBND tỉnh Phú An.",
			Self{Number: "22/2026/QĐ-UBND"},
			[]want{{"15/2026/QĐ-UBND", Mentions, false, ""}}},
		{"the text replaces one signed before it",
			"ỦY BAN NHÂN DÂN\nTỈNH PHÚ AN\n\nPhú An, ngày 04 tháng 11 năm 2026\n\nQUYẾT ĐỊNH\n\nĐiều 3. Quyết định này thay thế Quyết định số 15/2026/QĐ-UBND ngày 10 tháng 9 năm 2026 của UBND tỉnh Phú An.",
			Self{Number: "22/2026/QĐ-UBND"},
			[]want{{"15/2026/QĐ-UBND", Replaces, false, ""}}},
		{"a date whose year is not its number's proves nothing",
			"Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2022 của Chính phủ được sửa đổi, bổ sung bởi Nghị định số 30/2025/NĐ-CP ngày 10 tháng 2 năm 2025;",
			Self{Number: "41/2026/TT-BCT"},
			[]want{{"30/2025/NĐ-CP", Amends, true, "78/2025/NĐ-CP"}}},
		{"same day",
			"Nghị quyết số 347/NQ-CP ngày 12/4/2025 được sửa đổi bởi Nghị quyết số 512/NQ-CP ngày 12/4/2025.",
			Self{},
			[]want{{"512/NQ-CP", Amends, true, "347/NQ-CP"}}},
		{"no number year, dates decide",
			"Nghị quyết số 347/NQ-CP ngày 12/8/2025 được sửa đổi bởi Nghị quyết số 512/NQ-CP ngày 02/5/2025.",
			Self{},
			[]want{{"347/NQ-CP", Mentions, false, ""}, {"512/NQ-CP", Mentions, false, ""}}},
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
