package link

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
	"golang.org/x/text/unicode/norm"
)

// TestRefersOwnArticle: lines written for the test in the shapes of
// ministry circulars and decrees (a health ministry's circular on
// contract doctors, a decree on fees, a circular on school meals; none
// from a linking development set).
func TestRefersOwnArticle(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Người đứng đầu bệnh viện quyết định số giờ khám bệnh cụ thể, bảo đảm không vượt quá giới hạn quy định tại khoản 1 và khoản 2 Điều này.", true},
		{"Bác sĩ hợp đồng tại bệnh viện thuộc lực lượng vũ trang phải đáp ứng các tiêu chuẩn quy định tại Điều này và quy định của cơ quan quản lý trực tiếp.", true},
		{"Trường hợp quy định tại điểm a khoản 2 Điêu này thì thực hiện theo thỏa thuận.", true}, // OCR's "Điêu"
		{"TRƯỜNG HỢP QUY ĐỊNH TẠI KHOẢN 1 ĐIỀU NÀY được miễn phí.", true},
		// another article, the text as a whole, another text, no reference
		{"Các đối tượng quy định tại Điều 2 Thông tư này được hỗ trợ tiền ăn trưa.", false},
		{"Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.", false},
		{"Mức thu phí thực hiện theo quy định tại khoản 3 Điều 5 Nghị định số 120/2016/NĐ-CP.", false},
		{"Bác sĩ hợp đồng được thanh toán tiền lương theo thỏa thuận trong hợp đồng.", false},
		{"Điều kiện này áp dụng cho cả bác sĩ nghỉ hưu.", false},
		// i25-review8: lower-case "điều này" mid-sentence is the common
		// noun ("this"), not an article (written lines: a decree on
		// flood drainage, a circular on vocational schools); NFD spelling
		{"Trường hợp không thực hiện được điều này, chủ đầu tư báo cáo Ủy ban nhân dân cấp tỉnh để xử lý.", false},
		{"Để bảo đảm điều này, cơ sở giáo dục nghề nghiệp bố trí đủ nhà giáo cho từng ngành đào tạo.", false},
		{norm.NFD.String("Hồ sơ quy định tại điểm b khoản 2 Điều này được nộp trực tuyến."), true},
		// typed sloppily in lower case, still a reference after a clause
		// or point ("khoản 1 điều này") or "tại"
		{"Hồ sơ đề nghị gồm các giấy tờ quy định tại khoản 1 điều này.", true},
		{"Thực hiện theo mẫu quy định tại điểm a khoản 2 điều này.", true},
		{"Các trường hợp quy định tại điều này được giảm 50% mức thu.", true},
		{"Dieu nay khong ap dung doi voi truong hop quy dinh tai khoan 3 Dieu 7.", true}, // typed without tones
	}
	for _, c := range cases {
		if got := refersOwnArticle(c.text); got != c.want {
			t.Errorf("refersOwnArticle(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// ownArticleParent is a decree on contracts in public hospitals, written
// for the tests: its standards, pay and a limit of its own article.
const ownArticleParent = "CHÍNH PHỦ\nNGHỊ ĐỊNH\nVề hợp đồng khám bệnh, chữa bệnh trong bệnh viện công lập\n" +
	"Điều 4. Tiêu chuẩn, điều kiện của người ký hợp đồng\n" +
	"1. Có chứng chỉ hành nghề khám bệnh, chữa bệnh phù hợp với công việc; có đủ sức khỏe để làm việc.\n" +
	"2. Đáp ứng các tiêu chuẩn, điều kiện khác theo quy định của pháp luật chuyên ngành và của bệnh viện.\n" +
	"Điều 5. Tiền lương và thời giờ làm việc\n" +
	"1. Được thanh toán tiền lương, phụ cấp tương ứng với kết quả công việc theo thỏa thuận trong hợp đồng.\n" +
	"2. Tổng thời giờ làm việc theo hợp đồng không vượt quá thời giờ làm việc quy định tại khoản 1 Điều này và pháp luật lao động.\n"

// ownArticlePlan is a health ministry's circular on retired doctors'
// contracts citing the decree for one point, written for the tests; its
// article 3 restates the decree, its article 4 states limits of its own.
func ownArticlePlan(cites bool) Doc {
	head := "Điều 4. Số giờ khám bệnh của bác sĩ hợp đồng\n"
	if cites {
		head = "Điều 4. Số giờ khám bệnh của bác sĩ hợp đồng theo Nghị định số 88/2026/NĐ-CP\n"
	}
	return Doc{ID: "tt", Number: "21/2026/TT-BYT", Type: "Thông tư", Title: "Thông tư quy định về bác sĩ hợp đồng sau khi nghỉ hưu",
		Body: "BỘ Y TẾ\nTHÔNG TƯ\nQuy định về bác sĩ hợp đồng sau khi nghỉ hưu\n" +
			"Điều 3. Quyền của bác sĩ hợp đồng\n" +
			"1. Được thanh toán tiền lương, phụ cấp tương ứng với kết quả công việc theo thỏa thuận trong hợp đồng và theo quy định của pháp luật.\n" +
			"2. Có chứng chỉ hành nghề khám bệnh, chữa bệnh phù hợp với công việc; có đủ sức khỏe để làm việc theo xác nhận của cơ sở y tế.\n" +
			head +
			"1. Bác sĩ hợp đồng khám bệnh không quá 30 giờ trong một tuần tại một bệnh viện.\n" +
			"2. Giám đốc bệnh viện quyết định số giờ khám bệnh cụ thể của từng bác sĩ hợp đồng, bảo đảm tổng thời giờ làm việc không vượt quá giới hạn quy định tại khoản 1 Điều này.\n" +
			"3. Bác sĩ hợp đồng tại bệnh viện thuộc lực lượng vũ trang phải đáp ứng các tiêu chuẩn, điều kiện quy định tại Điều này và quy định của cơ quan quản lý trực tiếp bệnh viện.\n"}
}

// TestLinkOwnArticle: in the circular, the item building on its own
// article (Đ4.3, "các tiêu chuẩn, điều kiện quy định tại Điều này") gets
// no link though it shares the decree's words (standards, conditions);
// the restating items (Đ3.1, Đ3.2) keep theirs, and so does Đ4.2, whose
// best passage (Đ5.2) builds on its own article as well: it may restate
// it. With OwnArticle off Đ4.3 is linked (the test shows something); an
// article citing the decree keeps its items' links; the same lines in a
// plan are linked.
func TestLinkOwnArticle(t *testing.T) {
	parent := Doc{ID: "nd", Number: "88/2026/NĐ-CP", Type: "Nghị định", Body: ownArticleParent}
	link := func(plan Doc, p Params) *PlanLinks {
		return linkPlan(plan, []Doc{parent}, []*outline.Outline{nil}, p)
	}
	pl := link(ownArticlePlan(false), DefaultParams())
	for id, want := range map[string]string{"Đ3.1": "Đ5.1", "Đ3.2": "Đ4.1", "Đ4.2": "Đ5.2"} {
		if got := top(pl, id); got != want {
			t.Errorf("restating %s → %s, want %s", id, got, want)
		}
	}
	if got := top(pl, "Đ4.3"); got != "-" {
		t.Errorf("Đ4.3, built on its own article → %s, want none", got)
	}
	off := DefaultParams()
	off.OwnArticle = 0
	pl = link(ownArticlePlan(false), off)
	if got := top(pl, "Đ4.3"); got == "-" {
		t.Errorf("OwnArticle off: Đ4.3 gets none; the test shows nothing")
	}
	pl = link(ownArticlePlan(true), DefaultParams())
	if got := top(pl, "Đ4.3"); got == "-" {
		t.Errorf("article citing the decree: Đ4.3 gets none")
	}
	asPlan := ownArticlePlan(false)
	asPlan.Number, asPlan.Type, asPlan.Title = "21/KH-SYT", "Kế hoạch", "Kế hoạch về bác sĩ hợp đồng sau khi nghỉ hưu"
	pl = link(asPlan, DefaultParams())
	if got := top(pl, "Đ4.3"); got == "-" {
		t.Errorf("a plan: Đ4.3 gets none")
	}
}

// TestLinkOwnArticleAmending: a decree amending the decree of the tests
// puts a clause in force whose "Điều này" is the amended article's; its
// article's heading cites the decree, so the rule does not withhold it
// (written lines, in the shape of an amending decree).
func TestLinkOwnArticleAmending(t *testing.T) {
	parent := Doc{ID: "nd", Number: "88/2026/NĐ-CP", Type: "Nghị định", Body: ownArticleParent}
	plan := Doc{ID: "sd", Number: "12/2027/NĐ-CP", Type: "Nghị định", Title: "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 88/2026/NĐ-CP",
		Body: "CHÍNH PHỦ\nNGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 88/2026/NĐ-CP\n" +
			"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 88/2026/NĐ-CP\n" +
			"1. Sửa đổi, bổ sung khoản 2 Điều 4 như sau:\n" +
			"“2. Bác sĩ hợp đồng tại bệnh viện thuộc lực lượng vũ trang phải đáp ứng các tiêu chuẩn, điều kiện quy định tại khoản 1 Điều này và của pháp luật chuyên ngành.”\n" +
			"Điều 2. Hiệu lực thi hành\n" +
			"Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2027.\n"}
	pl := linkPlan(plan, []Doc{parent}, []*outline.Outline{nil}, DefaultParams())
	if got := top(pl, "Đ1.1.¶1"); got != "Đ4.2" {
		t.Errorf("the amended clause → %s, want Đ4.2", got)
	}
	plan.Body = strings.Replace(plan.Body, "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 88/2026/NĐ-CP", "Điều 1. Sửa đổi, bổ sung một số điều", 1)
	if got := top(linkPlan(plan, []Doc{parent}, []*outline.Outline{nil}, DefaultParams()), "Đ1.1.¶1"); got != "-" {
		t.Errorf("under a heading citing nothing the clause → %s, want none (the test shows nothing)", got)
	}
}

// TestLinkOwnArticleCommonNoun (i25-review8): a circular's item saying
// "điều này" in lower case — the common noun, "this" — builds on no
// article of its own text and keeps its link (written lines).
func TestLinkOwnArticleCommonNoun(t *testing.T) {
	parent := Doc{ID: "nd", Number: "88/2026/NĐ-CP", Type: "Nghị định", Body: ownArticleParent}
	plan := ownArticlePlan(false)
	plan.Body = strings.Replace(plan.Body, "có đủ sức khỏe để làm việc theo xác nhận của cơ sở y tế.",
		"có đủ sức khỏe để làm việc; để bảo đảm điều này, có xác nhận của cơ sở y tế.", 1)
	pl := linkPlan(plan, []Doc{parent}, []*outline.Outline{nil}, DefaultParams())
	if got := top(pl, "Đ3.2"); got != "Đ4.1" {
		t.Errorf("Đ3.2 saying 'điều này' (this) → %s, want Đ4.1", got)
	}
}
