package link

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the tests of this file: a decree on study grants for
// ethnic-minority students of vocational schools and the circular that
// guides it, article by article.

// alignDecree is the decree: its scope article names every group the
// grant is for in one paragraph; its "Đối tượng áp dụng" lists them.
const alignDecree = "CHÍNH PHỦ\n" +
	"Điều 1. Phạm vi điều chỉnh\n" +
	"Nghị định này quy định chính sách hỗ trợ học bổng đối với học sinh, sinh viên người dân tộc thiểu số thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo đang học tại các cơ sở giáo dục nghề nghiệp công lập và tư thục ở miền núi, hải đảo.\n" +
	"Điều 2. Đối tượng áp dụng\n" +
	"1. Học sinh, sinh viên người dân tộc thiểu số thuộc hộ nghèo, hộ cận nghèo.\n" +
	"2. Cơ sở giáo dục nghề nghiệp tiếp nhận học sinh, sinh viên người dân tộc thiểu số.\n" +
	"Điều 3. Mức hỗ trợ\n" +
	"1. Học sinh, sinh viên được hỗ trợ học bổng bằng 60% mức lương cơ sở mỗi tháng, tối đa 10 tháng một năm học.\n" +
	"Điều 4. Trách nhiệm thi hành\n" +
	"1. Bộ Lao động - Thương binh và Xã hội hướng dẫn cơ sở giáo dục nghề nghiệp lập danh sách, dự toán kinh phí hỗ trợ học bổng hằng năm.\n" +
	"2. Ủy ban nhân dân cấp tỉnh bố trí kinh phí và kiểm tra việc chi trả học bổng.\n"

// alignCircular is the circular: its "Điều 1. Đối tượng áp dụng" restates
// the decree's Điều 2 in the words of its Điều 1.
var alignCircular = Doc{ID: "c", Number: "08/2027/TT-BLĐTBXH", Type: "Thông tư",
	Title: "Thông tư hướng dẫn Nghị định số 41/2027/NĐ-CP",
	Body: "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n" +
		"Điều 1. Đối tượng áp dụng\n" +
		"1. Học sinh, sinh viên người dân tộc thiểu số thuộc hộ mới thoát nghèo đang học tại các cơ sở giáo dục nghề nghiệp tư thục ở miền núi, hải đảo.\n" +
		"2. Cơ sở giáo dục nghề nghiệp công lập và tư thục.\n"}

// TestLinkSectionAlignment: the circular's item under "Đối tượng áp dụng"
// shares more words with the decree's scope paragraph (Điều 1) than with
// its "Đối tượng áp dụng" (Điều 2.1); the section titles agree with the
// latter, and with AlignBoost it wins. Without the alignment the scope
// paragraph wins, as 13/2026/TT-BNV's first item went to 161/2026/NĐ-CP's.
func TestLinkSectionAlignment(t *testing.T) {
	res := Doc{ID: "r", Number: "41/2027/NĐ-CP", Type: "Nghị định", Body: alignDecree}
	link := func(p Params) string {
		return top(linkPlan(alignCircular, []Doc{res}, []*outline.Outline{nil}, p), "Đ1.1")
	}
	if got := link(DefaultParams()); got != "Đ2.1" {
		t.Errorf("Đ1.1 → %s, want Đ2.1 (the decree's Đối tượng áp dụng)", got)
	}
	p := DefaultParams()
	p.AlignBoost = 0
	if got := link(p); got != "Đ1" {
		t.Errorf("without the alignment Đ1.1 → %s; want Đ1 (the test no longer shows the mechanism)", got)
	}
}

// TestSectionAlign: the idf share of the item's section-title terms a
// passage's section title holds; an agency's name is no topic.
func TestSectionAlign(t *testing.T) {
	if got := sectionTerms("Sở Y tế"); got != nil {
		t.Errorf("sectionTerms(Sở Y tế) = %q, want none", got)
	}
	want := []string{"ap", "ap dung", "doi", "doi tuong", "dung", "tuong", "tuong ap"}
	if got := sectionTerms("Đối tượng áp dụng"); !slices.Equal(got, want) {
		t.Errorf("sectionTerms(Đối tượng áp dụng) = %q, want %q", got, want)
	}
	q := itemQuery{heads: []string{"ap", "dung", "pham", "vi"}, headIDF: []float64{1, 1, 3, 5}, headW: 10}
	for _, tt := range []struct {
		title string
		want  float64
	}{
		{"Phạm vi áp dụng", 10.0 / 10},
		{"Đối tượng áp dụng", 2.0 / 10},
		{"Phạm vi điều chỉnh", 8.0 / 10},
		{"Trách nhiệm thi hành", 0},
		{"", 0},
	} {
		if got := q.align(sectionTerms(tt.title)); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%q: align %.3f, want %.3f", tt.title, got, tt.want)
		}
	}
}

// alignFuelDecree and alignFuelCircular (written for this test, a fuel
// subsidy for offshore fishing boats): the circular's only item shares a
// few words with the decree's scope paragraph and fewer with its "Đối
// tượng áp dụng"; most of its words (the logbook, the reporting, the
// tracking device) the decree does not have.
const alignFuelDecree = "CHÍNH PHỦ\n" +
	"Điều 1. Phạm vi điều chỉnh\n" +
	"Nghị định này quy định chính sách hỗ trợ chi phí nhiên liệu cho tàu cá khai thác hải sản xa bờ của ngư dân các tỉnh ven biển.\n" +
	"Điều 2. Đối tượng áp dụng\n" +
	"1. Chủ tàu cá có chiều dài từ 15 mét trở lên.\n" +
	"2. Cơ quan quản lý nghề cá cấp tỉnh.\n" +
	"Điều 3. Mức hỗ trợ\n" +
	"1. Mỗi chuyến biển được hỗ trợ 30% chi phí nhiên liệu, tối đa 12 chuyến một năm.\n"

var alignFuelCircular = Doc{ID: "c", Number: "05/2027/TT-BNNPTNT", Type: "Thông tư",
	Body: "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\n" +
		"Điều 1. Đối tượng áp dụng\n" +
		"1. Chủ tàu cá khai thác hải sản xa bờ có sổ nhật ký khai thác, nộp báo cáo sản lượng đúng hạn, không vi phạm quy định về đánh bắt bất hợp pháp, không báo cáo và không theo quy định, lắp đặt thiết bị giám sát hành trình.\n"}

// TestLinkAlignRanksOnly: the alignment ranks only — whether an item
// implements anything is decided as without it. The circular's item
// implements the decree (at AlignBoost 0 its best passage, the scope
// paragraph, is well above NoneShare); with the alignment its top is the
// decree's "Đối tượng áp dụng" point, whose own score is under NoneShare,
// and that must not turn the item into one that implements nothing.
func TestLinkAlignRanksOnly(t *testing.T) {
	res := Doc{ID: "r", Number: "52/2027/NĐ-CP", Type: "Nghị định", Body: alignFuelDecree}
	off := DefaultParams()
	off.AlignBoost = 0
	if got := top(linkPlan(alignFuelCircular, []Doc{res}, []*outline.Outline{nil}, off), "Đ1.1"); got != "Đ1" {
		t.Fatalf("AlignBoost 0: Đ1.1 → %s, want Đ1 (the fixture no longer shows the case)", got)
	}
	if got := top(linkPlan(alignFuelCircular, []Doc{res}, []*outline.Outline{nil}, DefaultParams()), "Đ1.1"); got != "Đ2.1" {
		t.Errorf("Đ1.1 → %s, want Đ2.1 (ranked first by the alignment, and linked)", got)
	}
	// Every measure of the decision, item by item, as without it.
	measures := func(p Params) map[int]noneVec {
		out := map[int]noneVec{}
		linkPlanProbe(alignFuelCircular, []Doc{res}, []*outline.Outline{nil}, p, nil, nil, func(i int, v noneVec) { out[i] = v })
		return out
	}
	want, got := measures(off), measures(DefaultParams())
	if len(got) != len(want) {
		t.Fatalf("%d items measured, want %d", len(got), len(want))
	}
	for i, w := range want {
		for m := range w {
			if g := got[i][m]; math.Abs(g-w[m]) > 1e-9*max(1, math.Abs(w[m])) {
				t.Errorf("item %d: %s %.4f with the alignment, %.4f without", i, noneNames[m], g, w[m])
			}
		}
	}
}

// TestLinkAlignFurtherLinks: the further links are judged against the
// same best as without the alignment. The decree gains a point on the
// logbook (Đ3.2), a weak match of the circular's item: at AlignBoost 0 it
// falls under AlsoShare of the best (the scope paragraph) and is not
// linked. The alignment puts the weaker "Đối tượng áp dụng" point first;
// that must not lower the bar the other passages are held to and link
// Đ3.2 because the first place went to a weaker passage.
func TestLinkAlignFurtherLinks(t *testing.T) {
	res := Doc{ID: "r", Number: "52/2027/NĐ-CP", Type: "Nghị định",
		Body: alignFuelDecree + "2. Hồ sơ gồm sổ nhật ký của chuyến biển.\n"}
	links := func(p Params) string {
		var ids []string
		for _, it := range linkPlan(alignFuelCircular, []Doc{res}, []*outline.Outline{nil}, p).Items {
			if it.ID == "Đ1.1" {
				for _, m := range it.Matches {
					ids = append(ids, m.Passage)
				}
			}
		}
		return strings.Join(ids, " ")
	}
	off := DefaultParams()
	off.AlignBoost = 0
	if got := links(off); got != "Đ1 Đ2.1" {
		t.Fatalf("AlignBoost 0: Đ1.1 → %s, want Đ1 Đ2.1 (the fixture no longer shows the case)", got)
	}
	if got := links(DefaultParams()); got != "Đ2.1 Đ1" {
		t.Errorf("Đ1.1 → %s, want Đ2.1 Đ1 (the same passages, the aligned one first)", got)
	}
}
