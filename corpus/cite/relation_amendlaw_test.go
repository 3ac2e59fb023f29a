package cite

import "testing"

// TestAmendingLawCited: a law cited by a name that is a change ("Luật sửa
// đổi, bổ sung một số điều của Luật X số N", its number after the whole
// title) or the agent of a bare law name's passive ("Luật X được sửa đổi,
// bổ sung bởi Luật số N") amends the laws it names: N amends, by, other
// the names — as the agent of a passive does —, never the citing text.
// Where no head cites it (a list of related texts, a title line) it stays
// what the clause makes it. Lines written for the test, numbers made up
// or of the shape of Quốc hội numbers.
func TestAmendingLawCited(t *testing.T) {
	type want struct {
		key     string
		rel     Relation
		by      bool
		other   string
		partial bool
	}
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"bare law name, amended by a law",
			"Căn cứ Luật Quốc phòng được sửa đổi, bổ sung bởi Luật số 47/2029/QH15;",
			[]want{{"47/2029/QH15", Amends, true, "Luật Quốc phòng", false}}},
		{"bare law name with a year, part amended",
			"Căn cứ Luật Thủy lợi năm 2017 đã được sửa đổi, bổ sung một số điều theo Luật số 61/2028/QH15;",
			[]want{{"61/2028/QH15", Amends, true, "Luật Thủy lợi năm 2017", true}}},
		{"numbered law amended by a law",
			"Căn cứ Luật Trồng trọt số 31/2018/QH14 được sửa đổi, bổ sung bởi Luật số 61/2028/QH15;",
			[]want{{"31/2018/QH14", BasedOn, false, "", false}, {"61/2028/QH15", Amends, true, "31/2018/QH14", false}}},
		{"amending law after a semicolon of a căn cứ list",
			"Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương số 47/2019/QH14 ngày 22 tháng 11 năm 2019;",
			[]want{{"77/2015/QH13", BasedOn, false, "", false},
				{"47/2019/QH14", Amends, true, "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", true}}},
		{"amending law of several laws, its own căn cứ",
			"Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đê điều, Luật Thủy lợi số 52/2029/QH15;",
			[]want{{"52/2029/QH15", Amends, true, "Luật Đê điều, Luật Thủy lợi", true}}},
		{"amending law of a counted list of laws",
			"Căn cứ Luật sửa đổi, bổ sung một số điều của 7 Luật về lĩnh vực nông nghiệp số 88/2029/QH15;",
			[]want{{"88/2029/QH15", Amends, true, "7 Luật về lĩnh vực nông nghiệp", true}}},
		{"amending law of a law named without \"của\" (i22-rel3)",
			"Căn cứ Luật Thủy sản số 18/2017/QH14 và Luật sửa đổi, bổ sung một số điều Luật Thủy sản số 44/2029/QH15;",
			[]want{{"44/2029/QH15", Amends, true, "Luật Thủy sản", true}}},
		{"list item under Căn cứ:",
			"Căn cứ:\n- Luật Trồng trọt số 31/2018/QH14;\n- Luật sửa đổi, bổ sung một số điều của Luật Trồng trọt số 61/2028/QH15;",
			[]want{{"31/2018/QH14", BasedOn, false, "", false}, {"61/2028/QH15", Amends, true, "Luật Trồng trọt", true}}},
		{"a list of related texts: only mentioned",
			"Văn bản liên quan\n- Luật Trồng trọt số 31/2018/QH14\n- Luật sửa đổi, bổ sung một số điều của Luật Trồng trọt số 61/2028/QH15\n",
			[]want{{"31/2018/QH14", Mentions, false, "", false}, {"61/2028/QH15", Mentions, false, "", false}}},
		{"the text itself amends (an article)",
			"Điều 1. Sửa đổi, bổ sung một số điều của Luật Trồng trọt số 31/2018/QH14",
			[]want{{"31/2018/QH14", Amends, false, "", true}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refs := ParseRefs(c.in)
			for _, w := range c.want {
				var got *Ref
				for i := range refs {
					if refs[i].Key == w.key {
						got = &refs[i]
					}
				}
				if got == nil {
					t.Fatalf("no reference %s in %+v", w.key, refs)
				}
				if got.Relation != w.rel || got.By != w.by || got.Other != w.other || got.Partial != w.partial {
					t.Errorf("%s: got %s by=%v other=%q partial=%v, want %s by=%v other=%q partial=%v",
						w.key, got.Relation, got.By, got.Other, got.Partial, w.rel, w.by, w.other, w.partial)
				}
			}
		})
	}
}

// TestWrappedHeading: an article heading wrapped over lines is one clause:
// the date and issuer on the next line belong to the reference on the
// first, and a passive in the trích yếu is said of it. A heading followed
// by a capitalised line or a list marker still ends. Lines written for the
// test.
func TestWrappedHeading(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		key   string
		rel   Relation
		by    bool
		other string
		date  string
	}{
		{"the amended decree's date on the next line",
			"Điều 2. Sửa đổi, bổ sung một số điều của Nghị định số 15/2028/NĐ-CP\nngày 02 tháng 02 năm 2028 của Chính phủ quy định chi tiết thi hành Luật An toàn thực phẩm\n1. Sửa đổi khoản 2 Điều 5 như sau:",
			"15/2028/NĐ-CP", Amends, false, "", "2028-02-02"},
		{"the passive's subject on the heading's first line",
			"### Điều 13. Sửa đổi, bổ sung một số điều của Nghị định số 61/2028/NĐ-CP\nngày 30 tháng 7 năm 2028 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đất đai (được sửa đổi, bổ sung bởi Nghị định số 7/2029/NĐ-CP)\n1. Sửa đổi khoản 3 Điều 5 như sau:",
			"7/2029/NĐ-CP", Amends, true, "61/2028/NĐ-CP", ""},
		{"a heading, then its first clause",
			"Điều 3. Hiệu lực thi hành\nNghị định này thay thế Nghị định số 22/2027/NĐ-CP.",
			"22/2027/NĐ-CP", Replaces, false, "", ""},
		{"a wrapped number's issuer, not the next clause",
			"Điều 4. Bãi bỏ Điều 7 Thông tư số 05/2028/TT-BTC\nngày 10 tháng 01 năm 2028 của Bộ Tài chính.\nĐiều 5. Hiệu lực thi hành",
			"05/2028/TT-BTC", Repeals, false, "", "2028-01-10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *Ref
			refs := ParseRefs(c.in)
			for i := range refs {
				if refs[i].Key == c.key {
					got = &refs[i]
				}
			}
			if got == nil {
				t.Fatalf("no reference %s in %+v", c.key, refs)
			}
			if got.Relation != c.rel || got.By != c.by || got.Other != c.other || got.Date != c.date {
				t.Errorf("%s: got %s by=%v other=%q date=%q, want %s by=%v other=%q date=%q",
					c.key, got.Relation, got.By, got.Other, got.Date, c.rel, c.by, c.other, c.date)
			}
		})
	}
}

// TestActorGround: the agent of a passive and an amending law named in a
// "Căn cứ" clause (or a list a "Căn cứ" head governs) are grounds of the
// text too (Ref.Ground); an agent said elsewhere is not. Lines written for
// the test.
func TestActorGround(t *testing.T) {
	cases := []struct {
		name, in, key string
		ground        bool
	}{
		{"bare law name's agent", "Căn cứ Luật Quốc phòng được sửa đổi, bổ sung bởi Luật số 47/2029/QH15;", "47/2029/QH15", true},
		{"numbered decree's agent, list under Căn cứ:", "Căn cứ:\n- Nghị định số 12/2027/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 47/2028/NĐ-CP;", "47/2028/NĐ-CP", true},
		{"agent in brackets, after a semicolon", "Căn cứ Luật A số 1/2027/QH15; Nghị định số 12/2027/NĐ-CP (được sửa đổi bởi Nghị định số 47/2028/NĐ-CP);", "47/2028/NĐ-CP", true},
		{"amending law's title", "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đê điều số 52/2029/QH15;", "52/2029/QH15", true},
		{"an article's provision", "Điều 5 Luật Xây dựng năm 2014 đã được sửa đổi, bổ sung một số điều theo Luật số 62/2028/QH15 quy định như sau.", "62/2028/QH15", false},
		{"a plan's report", "Thực hiện Nghị định số 12/2027/NĐ-CP được sửa đổi bởi Nghị định số 47/2028/NĐ-CP, UBND tỉnh báo cáo như sau.", "47/2028/NĐ-CP", false},
	}
	for _, c := range cases {
		var got *Ref
		refs := ParseRefs(c.in)
		for i := range refs {
			if refs[i].Key == c.key {
				got = &refs[i]
			}
		}
		switch {
		case got == nil:
			t.Errorf("%s: no reference %s in %+v", c.name, c.key, refs)
		case !got.By:
			t.Errorf("%s: %s is no actor: %+v", c.name, c.key, *got)
		case got.Ground != c.ground:
			t.Errorf("%s: %s Ground = %v, want %v", c.name, c.key, got.Ground, c.ground)
		}
	}
}
