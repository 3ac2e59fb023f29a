package cite

import "testing"

// leadInRelations are sentences written for this test on a lead-in ("Căn
// cứ A …,", "Thực hiện A …,", "Trên cơ sở A …,") closed by a comma before
// the sentence's own clause: a verb of that clause is the text's act, not
// an act of A (A's reference is not the verb's subject). A verb right after
// a comma inside A's trích yếu ("quy định chi tiết, hướng dẫn thi hành …")
// stays A's.
var leadInRelations = []relCase{
	// the clause after the lead-in: the text's act
	{"căn cứ", `Căn cứ Quyết định số 1520/QĐ-UBND ngày 15/3/2025 của UBND tỉnh Hà Tĩnh, các huyện tiếp tục quán triệt Kết luận số 69-KL/TW ngày 12/02/2024 của Bộ Chính trị.`,
		`1520/QĐ-UBND;based_on | 69-KL/TW;implements`},
	{"thực hiện", `Thực hiện Kế hoạch số 57/KH-UBND ngày 04/4/2025 của UBND tỉnh Quảng Trị, Sở Y tế triển khai Thông tư số 32/2023/TT-BYT ngày 31/12/2023 của Bộ Y tế đến các trạm y tế xã.`,
		`57/KH-UBND;implements | 32/2023/TT-BYT;implements`},
	{"trên cơ sở", `Trên cơ sở Nghị quyết số 08/2024/NQ-HĐND ngày 12/7/2024 của HĐND tỉnh Bắc Giang, Ủy ban nhân dân tỉnh sửa đổi Quyết định số 21/2022/QĐ-UBND ngày 05/5/2022 của UBND tỉnh.`,
		`08/2024/NQ-HĐND;based_on | 21/2022/QĐ-UBND;amends`},
	{"căn cứ", `Căn cứ Chỉ thị số 03/CT-TTg ngày 20/01/2025 của Thủ tướng Chính phủ, trong năm 2025 Bộ Xây dựng thực hiện Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về quy hoạch đô thị.`,
		`03/CT-TTg;based_on | 06-NQ/TW;implements`},
	{"thực hiện", `Thực hiện Công văn số 2150/UBND-VX ngày 02/10/2025 của UBND tỉnh Sóc Trăng về việc rà soát văn bản, Ủy ban nhân dân huyện Mỹ Tú bãi bỏ Quyết định số 12/2017/QĐ-UBND ngày 03/4/2017 của UBND huyện.`,
		`2150/UBND-VX;implements | 12/2017/QĐ-UBND;repeals`},
	{"thực hiện", `Thực hiện Kế hoạch số 41/KH-UBND ngày 08/3/2025 của UBND tỉnh Yên Bái, Sở Giáo dục và Đào tạo đã tổ chức tuyên truyền về Nghị quyết số 29-NQ/TW và Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt Đề án xây dựng xã hội học tập.`,
		`41/KH-UBND;implements | 29-NQ/TW;mentions | 1373/QĐ-TTg;mentions`},
	{"căn cứ", `Căn cứ Quyết định số 630/QĐ-UBND ngày 21/4/2025 của UBND tỉnh Kon Tum, Sở Nội vụ đã hướng dẫn các xã thực hiện Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ.`,
		`630/QĐ-UBND;based_on | 33/2023/NĐ-CP;guides`},
	// a comma inside the lead-in's trích yếu: the verb after it is the
	// lead-in reference's
	{"trích yếu", `Căn cứ Nghị định số 27/2021/NĐ-CP ngày 25/3/2021 của Chính phủ quy định chi tiết, hướng dẫn thi hành Luật Chăn nuôi số 32/2018/QH14;`,
		`27/2021/NĐ-CP;based_on | 32/2018/QH14;guides;<27/2021/NĐ-CP`},
	{"trích yếu", `Căn cứ Thông tư số 11/2022/TT-BNV ngày 30/12/2022 của Bộ Nội vụ hướng dẫn nhiệm vụ, quyền hạn, sửa đổi Thông tư số 04/2019/TT-BNV ngày 24/5/2019 của Bộ Nội vụ;`,
		`11/2022/TT-BNV;based_on | 04/2019/TT-BNV;amends;<11/2022/TT-BNV`},
	{"trích yếu", `Căn cứ Nghị định số 88/2019/NĐ-CP ngày 14/11/2019 của Chính phủ quy định chi tiết một số điều, khoản và hướng dẫn thi hành Luật Thủy sản số 18/2017/QH14;`,
		`88/2019/NĐ-CP;based_on | 18/2017/QH14;guides;<88/2019/NĐ-CP`},
}

// TestRelationsLeadIn wants every relation of the table right.
func TestRelationsLeadIn(t *testing.T) {
	s := scoreRelations(t, leadInRelations)
	t.Logf("lead-in sentences: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("lead-in sentences: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}
