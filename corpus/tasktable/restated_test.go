package tasktable

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestComputeRestatedRow: a plan whose appendix table restates its own
// body tasks in other words, with agency and deadline columns, lists each
// such task once — the body's, taking the row's columns when the body
// task states none; a row of its own, restating a goal (no task), or
// giving a body task that names its agency to another agency, stays a
// task. The plan (school
// meals in a mountain province) is written for this test.
func TestComputeRestatedRow(t *testing.T) {
	body := strings.Join([]string{
		"KẾ HOẠCH",
		"Nâng cao chất lượng bữa ăn bán trú cho học sinh vùng cao năm 2027",
		"I. MỤC ĐÍCH, YÊU CẦU",
		"Bảo đảm học sinh bán trú được ăn đủ chất, an toàn thực phẩm.",
		"II. MỤC TIÊU",
		"1. Phấn đấu đến hết năm 2027 có 100% trường phổ thông dân tộc bán trú có bếp ăn một chiều đạt chuẩn.",
		"III. NHIỆM VỤ VÀ GIẢI PHÁP",
		"1. Rà soát, sửa chữa nhà bếp và nhà ăn của các trường phổ thông dân tộc bán trú bị xuống cấp, bảo đảm điều kiện vệ sinh an toàn thực phẩm.",
		"2. Sở Y tế tập huấn cho nhân viên nấu ăn về dinh dưỡng học đường và kiểm soát ngộ độc thực phẩm tại bếp ăn tập thể.",
		"3. Khuyến khích các hợp tác xã địa phương cung cấp rau, thịt sạch cho bếp ăn của nhà trường.",
		"PHỤ LỤC",
		"PHÂN CÔNG THỰC HIỆN",
		"STT | Nhiệm vụ | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành",
		"1 | Cải tạo bếp ăn bán trú | - Rà soát, sửa chữa nhà bếp, nhà ăn các trường phổ thông dân tộc bán trú xuống cấp, bảo đảm vệ sinh an toàn thực phẩm. - Sản phẩm: Nhà bếp, nhà ăn đạt chuẩn. | Sở Giáo dục và Đào tạo | Ủy ban nhân dân các xã | Quý III/2027",
		"2 | Tập huấn nhân viên nấu ăn | - Tập huấn nhân viên nấu ăn về dinh dưỡng học đường, kiểm soát ngộ độc thực phẩm tại các bếp ăn tập thể. | Sở Y tế | Sở Giáo dục và Đào tạo | Quý II/2027",
		"3 | Lắp đặt máy lọc nước | - Lắp đặt máy lọc nước uống cho học sinh tại các điểm trường lẻ chưa có nguồn nước sạch. | Sở Giáo dục và Đào tạo | Sở Tài chính | Quý IV/2027",
		"4 | Bếp ăn một chiều | - Đến hết năm 2027 có 100% trường phổ thông dân tộc bán trú có bếp ăn một chiều đạt chuẩn. | Sở Giáo dục và Đào tạo | Sở Tài chính | Năm 2027",
		"5 | Tập huấn tại xã | - Tập huấn nhân viên nấu ăn về dinh dưỡng học đường và kiểm soát ngộ độc thực phẩm tại bếp ăn tập thể của các điểm trường. | Ủy ban nhân dân các xã | Trạm y tế xã | Quý II/2027",
	}, "\n")
	plan := Plan{Doc: link.Doc{ID: "kh", Type: "Kế hoạch", Number: "15/KH-UBND", Title: "Kế hoạch nâng cao chất lượng bữa ăn bán trú", Body: body},
		Published: "2027-01-10"}
	pt := Compute(plan, nil, nil, nil)
	if pt == nil {
		t.Fatal("the plan has no tasks")
	}
	got := map[string]Task{}
	var ids []string
	for _, tk := range pt.Tasks {
		got[tk.ID] = tk
		ids = append(ids, tk.ID)
	}
	for _, id := range []string{"PL.r1", "PL.r2"} {
		if _, ok := got[id]; ok {
			t.Errorf("row %s listed; it restates a body task (tasks %v)", id, ids)
		}
	}
	want := []struct{ id, agency, due string }{
		{"III.1", "Sở Giáo dục và Đào tạo", "2027-09-30"}, // the row's columns: the body task states none
		{"III.2", "Sở Y tế", "2027-06-30"},                // its own agency; the row's deadline
		{"III.3", "", ""},
		{"PL.r3", "Sở Giáo dục và Đào tạo", "2027-12-31"},
		{"PL.r4", "Sở Giáo dục và Đào tạo", "2027-12-31"}, // restates a goal, no task: stays
		{"PL.r5", "Ủy ban nhân dân các xã", "2027-06-30"}, // another agency's share of III.2: stays
	}
	for _, w := range want {
		tk, ok := got[w.id]
		if !ok {
			t.Errorf("task %s missing (tasks %v)", w.id, ids)
			continue
		}
		if tk.Agency != w.agency {
			t.Errorf("task %s: agency %q, want %q", w.id, tk.Agency, w.agency)
		}
		if due := tk.Deadline.Date; due != w.due {
			t.Errorf("task %s: deadline %q, want %q", w.id, due, w.due)
		}
	}
}
