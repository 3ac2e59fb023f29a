package cite

import "testing"

// TestBrokenNumberInList: a number the OCR broke ("Luật số 05/201 8
// QHI14", no reference: a split year that lost its "/", which the grammar
// does not read, unlike the splits of TestSplitYearRef; the 1+3 split
// "05/2 018/QHI14" this test used is read since MappingVersion 24, "Luật số 4
// 3/2024/QH1 5" since 25) standing as an item of a list neither ends the
// list nor retypes it: the items after it read as they do with the number
// whole. Lines written for the test, numbers made up.
func TestBrokenNumberInList(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []agentWant
	}{
		{"broken first agent, comma after it",
			"Căn cứ Bộ luật Hàng hải số 95/2015/QH13 được sửa đổi, bổ sung một số điều theo Luật số 05/201 8 QHI14, Luật số 21/2023/QH15 và Luật số 77/2025/QH15;",
			[]agentWant{{"95/2015/QH13", BasedOn, false, ""}, {"21/2023/QH15", Amends, true, "95/2015/QH13"}, {"77/2025/QH15", Amends, true, "95/2015/QH13"}}},
		{"the same line with the number whole",
			"Căn cứ Bộ luật Hàng hải số 95/2015/QH13 được sửa đổi, bổ sung một số điều theo Luật số 05/2018/QH14, Luật số 21/2023/QH15 và Luật số 77/2025/QH15;",
			[]agentWant{{"05/2018/QH14", Amends, true, "95/2015/QH13"}, {"21/2023/QH15", Amends, true, "95/2015/QH13"}, {"77/2025/QH15", Amends, true, "95/2015/QH13"}}},
		{"broken agent before \"và\"",
			"Căn cứ Luật Thú y số 79/2015/QH13 được sửa đổi, bổ sung bởi Luật số 21/2023/QH15, Luật số 43/202 4 QH1 5 và Luật số 77/2025/QH15;",
			[]agentWant{{"79/2015/QH13", BasedOn, false, ""}, {"21/2023/QH15", Amends, true, "79/2015/QH13"}, {"77/2025/QH15", Amends, true, "79/2015/QH13"}}},
		{"broken decree number among amending decrees",
			"Căn cứ Nghị định số 15/2029/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 14/2 022/NĐ-CP, Nghị định số 81/2030/NĐ-CP;",
			[]agentWant{{"15/2029/NĐ-CP", BasedOn, false, ""}, {"81/2030/NĐ-CP", Amends, true, "15/2029/NĐ-CP"}}},
		{"broken item first in a list of grounds",
			"Căn cứ Luật số 05/201 8 QHI14, Luật Đê điều số 79/2006/QH11;",
			[]agentWant{{"79/2006/QH11", BasedOn, false, ""}}},
		{"a date before the comma is no item",
			"Nghị định này sửa đổi Nghị định số 15/2029/NĐ-CP ngày 05/3/2029, Nghị định số 81/2030/NĐ-CP;",
			[]agentWant{{"15/2029/NĐ-CP", Amends, false, ""}, {"81/2030/NĐ-CP", Amends, false, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkRelations(t, c.in, c.want) })
	}
}

// TestSplitYearRef: a year OCR split with a space ("02/201 7/QHI14") is
// read through the one number grammar (viet.ScanNumber) as the number
// whole, with the term the year fixes: the agent of the passive, as the
// same line typed clean reads. Where the code's term contradicts the
// joined year the number stays unread and the list reads past it
// (TestBrokenNumberInList). Lines written for the test, numbers made up.
func TestSplitYearRef(t *testing.T) {
	cases := []struct {
		in      string
		key     string // "" for none read from the broken number
		absent  string
		agentOf string
	}{
		{"Căn cứ Bộ luật Hàng hải số 95/2015/QH13 được sửa đổi, bổ sung theo Luật số 05/201 8/QHI14, Luật số 21/2023/QH15;",
			"05/2018/QH14", "", "95/2015/QH13"},
		{"Căn cứ Luật Thú y số 79/2015/QH13 được sửa đổi, bổ sung bởi Luật số 30/20 19/QH14 và Luật số 77/2025/QH15;",
			"30/2019/QH14", "", "79/2015/QH13"},
		{"Căn cứ Nghị định số 15/2029/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 14/203 0/NĐ-CP;",
			"14/2030/NĐ-CP", "", "15/2029/NĐ-CP"},
		{"Căn cứ Bộ luật Hàng hải số 95/2015/QH13 được sửa đổi, bổ sung theo Luật số 05/201 8/QH11, Luật số 21/2023/QH15;",
			"", "05/2018/QH11", "95/2015/QH13"},
	}
	for _, c := range cases {
		refs := ParseRefs(c.in)
		for _, r := range refs {
			if c.absent != "" && r.Key == c.absent {
				t.Errorf("%q: read %s from a split the term contradicts", c.in, r.Key)
			}
		}
		if c.key == "" {
			continue
		}
		found := false
		for _, r := range refs {
			if r.Key == c.key {
				found = true
				if r.Relation != Amends || !r.By || r.Other != c.agentOf {
					t.Errorf("%q: %s got %s by=%v other=%q, want amends by %s", c.in, r.Key, r.Relation, r.By, r.Other, c.agentOf)
				}
			}
		}
		if !found {
			t.Errorf("%q: no reference %s in %+v", c.in, c.key, refs)
		}
	}
}
