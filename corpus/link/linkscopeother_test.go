package link

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkScopedElsewhere: a circular whose scope article details a
// decree that is not its parent (not stored) cites its parent, another
// decree, for one point. Its provisions that cite no parent carry out the
// decree it details and get no link, however many words they share with
// the parent; the point citing the parent is linked. Without the rule
// the others are linked too. Texts written for the test, none from a
// development set.
func TestLinkScopedElsewhere(t *testing.T) {
	res := Doc{ID: "r", Number: "45/2030/NĐ-CP", Type: "Nghị định", Body: "CHÍNH PHỦ\n" +
		"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định mức học phí đối với cơ sở giáo dục mầm non, phổ thông công lập.\n" +
		"Điều 2. Mức học phí\n1. Mức học phí của cơ sở giáo dục mầm non công lập ở thành thị từ 300.000 đồng đến 540.000 đồng/tháng.\n" +
		"2. Học sinh các trường phổ thông dân tộc nội trú được miễn học phí, hỗ trợ chi phí học tập hằng tháng.\n" +
		"Điều 3. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 9 năm 2030."}
	plan := Doc{ID: "p", Number: "09/2030/TT-BGDĐT", Type: "Thông tư", Body: "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n" +
		"Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn việc hỗ trợ chi phí học tập đối với học sinh quy định tại khoản 2 Điều 4 Nghị định số 88/2030/NĐ-CP.\n" +
		"Điều 2. Hỗ trợ chi phí học tập\n" +
		"1. Học sinh các trường phổ thông dân tộc nội trú được hỗ trợ chi phí học tập 150.000 đồng/tháng, chi trả hằng tháng.\n" +
		"2. Học sinh được miễn học phí theo mức học phí quy định tại Nghị định số 45/2030/NĐ-CP thì được hỗ trợ chi phí học tập hằng tháng.\n"}
	links := func(p Params) (own, cited int) {
		return scopedLinks(plan, res, p)
	}
	off := DefaultParams()
	off.Scope = 0
	if own, cited := links(off); own == 0 || cited == 0 {
		t.Errorf("without the rule: own point %d links, citing point %d; want both linked (the test no longer shows the rule)", own, cited)
	}
	if own, cited := links(DefaultParams()); own != 0 || cited == 0 {
		t.Errorf("defaults: own point %d links, citing point %d; want the citing point linked only", own, cited)
	}
	// Named as the circular's basis, the parent may be what the detailed
	// decree carries out: every point is ranked again.
	based := plan
	based.Body = strings.Replace(plan.Body, "Điều 1.", "Căn cứ Nghị định số 45/2030/NĐ-CP ngày 01 tháng 7 năm 2030 của Chính phủ quy định mức học phí;\nĐiều 1.", 1)
	if own, cited := scopedLinks(based, res, DefaultParams()); own == 0 || cited == 0 {
		t.Errorf("parent named in a Căn cứ line: own point %d links, citing point %d; want both linked", own, cited)
	}
	// The parent named where the rule did not look (i23-review3): the
	// scope item's second clause guides the parent too, or the article
	// holding the points carries it out by its heading. Every point of
	// the article implements the parent: ranked.
	for name, body := range map[string]string{
		"scope's second clause": strings.Replace(plan.Body, "Nghị định số 88/2030/NĐ-CP.\n",
			"Nghị định số 88/2030/NĐ-CP; hướng dẫn việc miễn học phí quy định tại Điều 2 Nghị định số 45/2030/NĐ-CP.\n", 1),
		"article heading": strings.Replace(plan.Body, "Điều 2. Hỗ trợ chi phí học tập\n",
			"Điều 2. Hỗ trợ chi phí học tập đối với học sinh được miễn học phí theo Nghị định số 45/2030/NĐ-CP\n", 1),
	} {
		named := plan
		named.Body = body
		if own, cited := scopedLinks(named, res, DefaultParams()); own == 0 || cited == 0 {
			t.Errorf("%s names the parent: own point %d links, citing point %d; want both linked", name, own, cited)
		}
	}
}

// scopedLinks returns how many links points Đ2.1 and Đ2.2 of plan get.
func scopedLinks(plan, res Doc, p Params) (own, cited int) {
	pl := PlanWith(plan, []Doc{res}, []*outline.Outline{nil}, p, nil, nil)
	n := map[string]int{}
	for _, it := range pl.Items {
		n[it.ID] = len(it.Matches)
	}
	return n["Đ2.1"], n["Đ2.2"]
}

func TestBasedOn(t *testing.T) {
	parents := map[string]bool{doctype.NumberKey("45/2030/NĐ-CP"): true}
	for _, c := range []struct {
		body string
		want bool
	}{
		{"Căn cứ Nghị định số 45/2030/NĐ-CP ngày 01 tháng 7 năm 2030;\nĐiều 1. Phạm vi", true},
		{"CĂN CỨ NGHỊ ĐỊNH SỐ 45/2030/NĐ-CP;", true},
		{"Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;\nĐiều 2. Học sinh theo Nghị định số 45/2030/NĐ-CP", false},
		{"Căn cứ Nghị định số 88/2030/NĐ-CP;", false},
		{"", false},
	} {
		if got := basedOn(c.body, parents); got != c.want {
			t.Errorf("basedOn(%q) = %t, want %t", c.body, got, c.want)
		}
	}
}
