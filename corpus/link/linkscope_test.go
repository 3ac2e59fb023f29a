package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
)

// TestDetailsOther: a text's statement that it details or guides texts it
// cites by number implements those texts only. Real lines of circulars
// outside the linking dev sets (29/2026/TT-BCA, 08/2026/TT-BKHCN,
// 66/2026/TT-BTC's unnumbered scope, a decree detailing a law named
// without number), and written ones.
func TestDetailsOther(t *testing.T) {
	qd := map[string]bool{doctype.NumberKey("07/2026/QĐ-TTg"): true}
	nd := map[string]bool{doctype.NumberKey("163/2024/NĐ-CP"): true}
	other := map[string]bool{doctype.NumberKey("161/2026/NĐ-CP"): true}
	tests := []struct {
		text    string
		parents map[string]bool
		want    bool
	}{
		{"Thông tư này quy định chi tiết điểm c khoản 1 Điều 6 của Quyết định số 07/2026/QĐ-TTg.", qd, false},
		{"Thông tư này quy định chi tiết điểm c khoản 1 Điều 6 của Quyết định số 07/2026/QĐ-TTg.", other, true},
		{"Thông tư này hướng dẫn việc xác thực thông tin thuê bao di động mặt đất theo quy định tại Khoản 2 Điều 18 Nghị định số 163/2024/NĐ-CP.", nd, false},
		{"Thông tư này hướng dẫn việc xác thực thông tin thuê bao di động mặt đất theo quy định tại Khoản 2 Điều 18 Nghị định số 163/2024/NĐ-CP.", other, true},
		// nothing cited by number, or the text not its own subject
		{"Thông tư này quy định về việc xác định nhu cầu, nguồn và phương thức chi thực hiện:", other, false},
		{"Nghị định này quy định chi tiết một số điều của Luật Thương mại điện tử về:", other, false},
		{"Sở Tư pháp hướng dẫn thực hiện Nghị định số 163/2024/NĐ-CP trên địa bàn tỉnh.", other, false},
		{"Các đối tượng quy định tại khoản 2 Điều 18 Nghị định số 163/2024/NĐ-CP được hỗ trợ theo Thông tư này.", other, false},
	}
	for _, tt := range tests {
		if got := detailsOther(tt.text, tt.parents); got != tt.want {
			t.Errorf("detailsOther(%q, %v) = %v, want %v", tt.text, tt.parents, got, tt.want)
		}
	}
}

// TestDetailsOtherLegal: only a legal text (a Luật, Nghị định, Thông tư,
// Quyết định: the statement's subject) details another by its scope. A
// plan or programme that guides a resolution ("Kế hoạch này hướng dẫn …
// Nghị quyết số …", written: no such line is in our stores) carries it
// out, and is linked as any item. Real lines of legal texts outside the
// linking dev sets: the scope of a circular on electricity prices
// (govdocs, "Thông tư này hướng dẫn chi tiết … Luật Điện lực số
// 61/2024/QH15"); the decree's and the decision's are written in their
// form.
func TestDetailsOtherLegal(t *testing.T) {
	other := map[string]bool{doctype.NumberKey("161/2026/NĐ-CP"): true}
	tests := []struct {
		text string
		want bool
	}{
		{"Thông tư này hướng dẫn chi tiết khoản 3 Điều 12, điểm 8 khoản 11 và điểm b khoản 8 Điều 51 của Luật Điện lực số 61/2024/QH15 về nguyên tắc tính giá điện.", true},
		{"1. Nghị định này quy định chi tiết khoản 2 Điều 18 của Luật số 61/2024/QH15.", true},
		{"Quyết định này hướng dẫn thực hiện Nghị định số 163/2024/NĐ-CP trên địa bàn tỉnh.", true},
		{"Kế hoạch này hướng dẫn triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh.", false},
		{"Chương trình này hướng dẫn thực hiện Nghị quyết số 71/NQ-CP của Chính phủ.", false},
		{"2. Hướng dẫn này quy định chi tiết Quyết định số 07/2026/QĐ-TTg.", false},
	}
	for _, tt := range tests {
		if got := detailsOther(tt.text, other); got != tt.want {
			t.Errorf("detailsOther(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestLinkDetailsOther: the scope article of a circular detailing a
// decree that is not its parent gets no link; detailing its parent, it
// links. The parent is 30/2020/NĐ-CP (real lines), the circular written
// for the test.
func TestLinkDetailsOther(t *testing.T) {
	nd := Doc{ID: "nd", Type: "Nghị định", Number: "30/2020/NĐ-CP", Body: nd30Arts}
	for _, tt := range []struct{ number, want string }{{"30/2020/NĐ-CP", "Đ28"}, {"99/2025/NĐ-CP", "-"}} {
		plan := Doc{ID: "tt", Type: "Thông tư", Number: "3/2026/TT-BNV", Body: "Điều 1. Phạm vi điều chỉnh\n" +
			"Thông tư này quy định chi tiết việc lập Danh mục hồ sơ do người đứng đầu cơ quan, tổ chức phê duyệt theo Nghị định số " + tt.number + ".\n" +
			"Điều 2. Giá trị của bản sao\n" +
			"Bản sao y, bản sao lục và bản trích sao văn bản có giá trị pháp lý như bản chính theo Nghị định số 30/2020/NĐ-CP."}
		pl := linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), DefaultParams())
		if got := top(pl, "Đ1"); got != tt.want {
			t.Errorf("a scope detailing %s → %s, want %s", tt.number, got, tt.want)
		}
		if got := top(pl, "Đ2"); got != "Đ26" {
			t.Errorf("detailing %s, Đ2 → %s, want Đ26", tt.number, got)
		}
	}
}

// TestLinkTransitional: a circular's transitional article (a real line of
// 13/2026/TT-BGDĐT's kind: "… đã được phê duyệt thực hiện trước thời điểm
// Thông tư này có hiệu lực thì tiếp tục thực hiện theo …", written here
// about the parent's matter) gets no link, and a parent's transitional
// article is no target: the item restating it links elsewhere.
func TestLinkTransitional(t *testing.T) {
	nd := Doc{ID: "nd", Type: "Nghị định", Number: "30/2020/NĐ-CP", Body: nd30Arts + "\n" +
		"Điều 36. Điều khoản chuyển tiếp\n" +
		"Danh mục hồ sơ đã được người đứng đầu cơ quan, tổ chức phê duyệt trước ngày Nghị định này có hiệu lực thi hành thì tiếp tục thực hiện đến hết năm."}
	plan := Doc{ID: "tt", Type: "Thông tư", Number: "3/2026/TT-BNV", Body: "Điều 1. Danh mục hồ sơ\n" +
		"Người đứng đầu cơ quan, tổ chức phê duyệt Danh mục hồ sơ vào đầu năm theo Nghị định số 30/2020/NĐ-CP.\n" +
		"Điều 2. Điều khoản chuyển tiếp\n" +
		"Danh mục hồ sơ đã được phê duyệt thực hiện trước thời điểm Thông tư này có hiệu lực thì tiếp tục thực hiện theo Nghị định số 30/2020/NĐ-CP."}
	pl := linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), DefaultParams())
	if got := top(pl, "Đ1"); got != "Đ28" {
		t.Errorf("Đ1 → %s, want Đ28 (the parent's transitional Đ36 is no target)", got)
	}
	if got := top(pl, "Đ2"); got != "-" {
		t.Errorf("the transitional Đ2 → %s, want no link", got)
	}
	p := DefaultParams()
	p.Closing = 0
	pl = linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), p)
	if got := top(pl, "Đ2"); got == "-" {
		t.Errorf("without Closing the transitional Đ2 gets no link: the test shows nothing")
	}
}

// TestCarriesOutOwn: lines written for the test (a provincial plan on
// school meals, a ministry's letter on dyke safety, a circular on fees).
func TestCarriesOutOwn(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Sở Giáo dục và Đào tạo theo dõi, đôn đốc việc thực hiện Kế hoạch này, định kỳ báo cáo Ủy ban nhân dân tỉnh.", true},
		{"Cục Quản lý đê điều hướng dẫn các địa phương thực hiện nghiêm túc Công văn này.", true},
		{"Bộ Tài chính chịu trách nhiệm kiểm tra việc thực hiện Thông tư này.", true},
		{"Trong quá trình thực hiện Chương trình này, nếu có vướng mắc, các đơn vị phản ánh về Sở Nội vụ.", true},
		{"THỰC HIỆN QUYẾT ĐỊNH NÀY, các sở báo cáo trước ngày 15/12.", true},
		{"Các trường thực hiện chế độ ăn bán trú theo Điều 3 Thông tư này.", false},
		{"Tổ chức bữa ăn học đường bảo đảm an toàn thực phẩm cho học sinh tiểu học.", false},
		{"Thực hiện Nghị quyết số 09/NQ-HĐND về hỗ trợ bữa ăn trưa cho học sinh.", false},
		{"Các xã thực hiện hỗ trợ đến nay chưa đạt chỉ tiêu giao.", false},
	}
	for _, c := range cases {
		if got := carriesOutOwn(c.text); got != c.want {
			t.Errorf("carriesOutOwn(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// TestLinkOwnDocumentItem: the item that monitors the plan itself gets no
// link though it shares the resolution's monitoring words; a task does.
func TestLinkOwnDocumentItem(t *testing.T) {
	parent := Doc{ID: "r", Number: "12/NQ-HĐND", Type: "Nghị quyết", Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\n" +
		"Điều 1. Nhiệm vụ và giải pháp\n" +
		"1. Hỗ trợ bữa ăn trưa cho học sinh tiểu học ở xã đặc biệt khó khăn.\n" +
		"2. Sở Giáo dục và Đào tạo theo dõi, đôn đốc, kiểm tra các trường thực hiện chế độ hỗ trợ, báo cáo định kỳ."}
	plan := Doc{ID: "p", Number: "20/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ\n" +
		"1. Các trường tiểu học ở xã đặc biệt khó khăn tổ chức bữa ăn trưa hỗ trợ cho học sinh.\n" +
		"III. TỔ CHỨC THỰC HIỆN\n" +
		"1. Sở Giáo dục và Đào tạo theo dõi, đôn đốc, kiểm tra các trường thực hiện Kế hoạch này, báo cáo định kỳ.\n"}
	pl := linkPlan(plan, []Doc{parent}, []*outline.Outline{nil}, DefaultParams())
	if got := top(pl, "II.1"); got != "Đ1.1" {
		t.Errorf("the task → %s, want Đ1.1", got)
	}
	if got := top(pl, "III.1"); got != "-" {
		t.Errorf("the item monitoring the plan itself → %s, want none", got)
	}
}
