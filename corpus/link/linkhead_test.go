package link

import (
	"math"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the tests of this file: a province's directive on
// drought and saltwater intrusion, and a district's plan carrying it out.

// headDirective is the directive: its districts' paragraph (1) names the
// crops, the communes and the water shortage, with training as one work
// among others in the middle of a clause; the department's paragraph (2)
// opens with the training.
const headDirective = "ỦY BAN NHÂN DÂN TỈNH\n" +
	"1. Ủy ban nhân dân các huyện chịu trách nhiệm toàn diện về công tác phòng, chống hạn hán, xâm nhập mặn trên địa bàn; chỉ đạo các xã rà soát diện tích lúa, cây ăn quả có nguy cơ thiếu nước, vận động nông dân chuyển đổi cây trồng và tập huấn khi cần thiết.\n" +
	"2. Sở Nông nghiệp và Môi trường tổ chức tập huấn kỹ thuật tưới tiết kiệm nước cho cán bộ khuyến nông cơ sở; hướng dẫn các hợp tác xã dịch vụ nông nghiệp nạo vét kênh mương nội đồng, vận hành trạm bơm điện.\n" +
	"3. Công ty Cấp nước tỉnh bảo đảm nguồn nước sinh hoạt cho nhân dân vùng bị xâm nhập mặn.\n"

// headPlan is the district's plan: its item 1 opens with the training and
// shares more words with the districts' paragraph than with the
// department's.
var headPlan = Doc{ID: "p", Number: "45/KH-UBND", Type: "Kế hoạch",
	Title: "Kế hoạch thực hiện Chỉ thị số 07/CT-UBND",
	Body: "ỦY BAN NHÂN DÂN HUYỆN\n" +
		"II. NHIỆM VỤ\n" +
		"1. Tổ chức tập huấn cho nông dân trồng lúa, cây ăn quả tại các xã có nguy cơ thiếu nước do hạn hán, xâm nhập mặn về kỹ thuật canh tác phù hợp.\n" +
		"2. Bảo đảm nguồn nước sinh hoạt cho nhân dân các xã ven sông.\n"}

// TestLinkHead: without the head the districts' general paragraph (1)
// wins the training item on the crops and the communes; with HeadBoost
// the department's paragraph, whose clause opens with the same work (2),
// does.
func TestLinkHead(t *testing.T) {
	res := Doc{ID: "r", Number: "07/CT-UBND", Type: "Chỉ thị", Body: headDirective}
	link := func(p Params) string {
		return top(linkPlan(headPlan, []Doc{res}, []*outline.Outline{nil}, p), "II.1")
	}
	off := DefaultParams()
	off.HeadBoost = 0
	if got := link(off); got != "1" {
		t.Fatalf("HeadBoost 0: II.1 → %s, want 1 (the fixture no longer shows the case)", got)
	}
	on := DefaultParams()
	on.HeadBoost = 1
	if got := link(on); got != "2" {
		t.Errorf("HeadBoost 1: II.1 → %s, want 2 (the paragraph opening with the training)", got)
	}
}

// TestClauseHeads: a clause's head is its first words after the agencies
// it opens with; a passage's heads are those of all its clauses.
func TestClauseHeads(t *testing.T) {
	for _, tt := range []struct{ text, item string }{
		{"Sở Nông nghiệp và Môi trường tổ chức tập huấn kỹ thuật tưới tiết kiệm nước cho cán bộ.", "tổ chức tập huấn kỹ thuật"},
		{"Giao Công an huyện tăng cường tuần tra, kiểm soát trên tuyến đê.", "tăng cường tuần tra, kiểm soát"},
		{"Rà soát; lập danh sách hộ thiếu nước.", "Rà soát"},
		{"Phòng Giáo dục và Đào tạo:\nHướng dẫn các trường bố trí nước uống cho học sinh.", "Hướng dẫn các trường bố trí"},
		{"", ""},
	} {
		if got := itemHead(tt.text); got != tt.item {
			t.Errorf("itemHead(%q) = %q, want %q", tt.text, got, tt.item)
		}
	}
	// "đồng thời" opens a second task; a comma does not.
	got := passageHeads("Bộ Y tế chỉ đạo y tế cơ sở trực cấp cứu, đồng thời bảo đảm vệ sinh môi trường sau lũ; hướng dẫn khử khuẩn nước, cấp thuốc.")
	for _, want := range []string{"chi dao", "bao dam", "ve sinh", "huong dan", "khu khuan"} {
		if _, ok := slices.BinarySearch(got, want); !ok {
			t.Errorf("passageHeads: %q missing from %q", want, got)
		}
	}
	for _, not := range []string{"bo y", "cap thuoc", "sau lu"} {
		if _, ok := slices.BinarySearch(got, not); ok {
			t.Errorf("passageHeads: %q is no head, in %q", not, got)
		}
	}
	q := itemQuery{vhead: []string{"huan", "tap", "tap huan", "to chuc"}, vheadIDF: []float64{1, 1, 3, 5}, vheadW: 10}
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"Tổ chức tập huấn cho cán bộ.", 1},
		{"Tổ chức hội nghị; tập huấn cán bộ.", 1},
		{"Tổ chức hội nghị sơ kết.", 0.5},
		{"Chỉ đạo các xã, phường tổ chức tập huấn.", 0},
		{"", 0},
	} {
		if got := q.headShare(passageHeads(tt.text)); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%q: headShare %.3f, want %.3f", tt.text, got, tt.want)
		}
	}
}
