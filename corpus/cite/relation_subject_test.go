package cite

import (
	"strings"
	"testing"
)

// TestPassiveSubjectRank: a passive's subject is a document its agent can
// change. A law, code, constitution or ordinance is changed only by an act
// of the Quốc hội or its Standing Committee (a Luật, a Pháp lệnh, a Nghị
// quyết numbered QHnn or UBTVQHnn): a law named in a decree's trích yếu
// ("Nghị định số A … quy định chi tiết … Luật X được sửa đổi bởi Nghị định
// số B") is the trích yếu's object, and the subject is the decree further
// back in the clause; with no reference there the agent changes nothing
// the text names, and stays a mention. A law amended by a law keeps its
// name. And a subject far back in a long trích yếu (over scanBudget words)
// is found by a bounded look-back that stops at the next căn cứ. Lines
// written for the test in the shapes of căn cứ lists and articles.
func TestPassiveSubjectRank(t *testing.T) {
	type want struct {
		key   string
		rel   Relation
		by    bool
		other string
	}
	long := "Căn cứ Nghị định số 38/2026/NĐ-CP ngày 10 tháng 3 năm 2026 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực " +
		strings.Repeat("quản lý nhà nước về giống cây trồng, phân bón, thuốc bảo vệ thực vật; ", 6) +
		"kiểm dịch thực vật đã được sửa đổi, bổ sung một số điều bởi Nghị định số 12/2027/NĐ-CP ngày 05 tháng 1 năm 2027 của Chính phủ;"
	cases := []struct {
		name string
		in   string
		self Self
		want []want
	}{
		{"law in a decree's trích yếu, decree amender",
			"Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đất đai (được sửa đổi, bổ sung tại Nghị định số 01/2017/NĐ-CP);",
			Self{Number: "12/2026/TT-BTNMT"},
			[]want{{"43/2014/NĐ-CP", BasedOn, false, ""}, {"01/2017/NĐ-CP", Amends, true, "43/2014/NĐ-CP"}}},
		{"law without 'của', two decree amenders",
			"Căn cứ Nghị định số 81/2013/NĐ-CP của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính được sửa đổi, bổ sung bởi Nghị định số 97/2017/NĐ-CP và Nghị định số 118/2021/NĐ-CP;",
			Self{Number: "20/2026/NĐ-CP"},
			[]want{{"97/2017/NĐ-CP", Amends, true, "81/2013/NĐ-CP"}, {"118/2021/NĐ-CP", Amends, true, "81/2013/NĐ-CP"}}},
		{"law with a capitalized name, decree amender",
			"Căn cứ Nghị định số 16/2020/NĐ-CP ngày 03 tháng 02 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam được sửa đổi, bổ sung bởi Nghị định số 45/2024/NĐ-CP;",
			Self{Number: "12/2026/TT-BNG"},
			[]want{{"16/2020/NĐ-CP", BasedOn, false, ""}, {"45/2024/NĐ-CP", Amends, true, "16/2020/NĐ-CP"}}},
		{"law in a wrapped heading's trích yếu, decree amender: not the law but the decree on the heading's first line",
			"### Điều 9. Sửa đổi, bổ sung một số điều của Nghị định số 43/2014/NĐ-CP\nngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi hành một số\nđiều của Luật Đất đai (được sửa đổi, bổ sung tại Nghị định số 01/2017/NĐ-CP)\n1. Sửa đổi khoản 2 Điều 5 như sau:",
			Self{Number: "12/2026/NĐ-CP"},
			[]want{{"43/2014/NĐ-CP", Amends, false, ""}, {"01/2017/NĐ-CP", Amends, true, "43/2014/NĐ-CP"}}},
		{"a law amender keeps the law",
			"2. Việc phối hợp thực hiện theo quy định tại khoản 2 Điều 12 Luật Biên phòng Việt Nam (được sửa đổi, bổ sung bởi Luật số 12/2025/QH15).",
			Self{Number: "12/2026/TT-BQP"},
			[]want{{"12/2025/QH15", Amends, true, "Luật Biên phòng Việt Nam"}}},
		{"a bare Assembly number amends a law",
			"Luật Quản lý, sử dụng tài sản công (đã được sửa đổi, bổ sung bởi 07/2022/QH15);",
			Self{Number: "12/2026/TT-BXD"},
			[]want{{"07/2022/QH15", Amends, true, "Luật Quản lý, sử dụng tài sản công"}}},
		{"a decree cannot amend the law, no reference before",
			"5. Thời hiệu xử phạt thực hiện theo khoản 1 Điều 6 Luật Xử lý vi phạm hành chính được sửa đổi, bổ sung bởi Nghị định số 97/2017/NĐ-CP.",
			Self{Number: "20/2026/NĐ-CP"},
			[]want{{"97/2017/NĐ-CP", Mentions, false, ""}}},
		{"subject far back in a long trích yếu", long,
			Self{Number: "30/2028/TT-BNNMT"},
			[]want{{"38/2026/NĐ-CP", BasedOn, false, ""}, {"12/2027/NĐ-CP", Amends, true, "38/2026/NĐ-CP"}}},
		{"the look-back stops at the next căn cứ",
			"Căn cứ Nghị định số 38/2026/NĐ-CP của Chính phủ; căn cứ quy chế " +
				strings.Repeat("phối hợp trong quản lý nhà nước về giống cây trồng, phân bón, thuốc bảo vệ thực vật; ", 6) +
				"kiểm dịch thực vật đã được sửa đổi, bổ sung bởi Quyết định số 12/2027/QĐ-UBND;",
			Self{},
			[]want{{"38/2026/NĐ-CP", BasedOn, false, ""}, {"12/2027/QĐ-UBND", Amends, true, ""}}},
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
