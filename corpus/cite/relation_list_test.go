package cite

import "testing"

// listRelations are sentences written for this test on lists of documents
// under one head ("trên cơ sở A … và B", "Căn cứ A … và B"): an item joined
// by "và" after the trích yếu of the item before it is a member of the
// head's list when it is written as one (its own date or issuer, its own
// trích yếu) and the reference it follows, inside that trích yếu, is not;
// otherwise "và" joins the trích yếu's own objects.
var listRelations = []relCase{
	// a list of grounds: the head's relation for every member
	{"grounds", `Kế hoạch được xây dựng trên cơ sở Nghị quyết số 17/NQ-CP ngày 14/02/2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 18-NQ/TW và Quyết định số 902/QĐ-UBND ngày 10 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh phê duyệt Đề án chuyển đổi số tỉnh Tây Giang.`,
		`17/NQ-CP;based_on | 18-NQ/TW;implements;<17/NQ-CP | 902/QĐ-UBND;based_on`},
	{"grounds", `Trên cơ sở Quyết định số 36/QĐ-TTg ngày 11/01/2025 của Thủ tướng Chính phủ phê duyệt Đề án thực hiện Kết luận số 91-KL/TW và Nghị quyết số 05/2024/NQ-HĐND ngày 12/7/2024 của HĐND tỉnh quy định mức hỗ trợ, Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:`,
		`36/QĐ-TTg;based_on | 91-KL/TW;mentions | 05/2024/NQ-HĐND;based_on`},
	{"grounds", `Đề án được xây dựng căn cứ Nghị định số 73/2019/NĐ-CP của Chính phủ về quản lý đầu tư ứng dụng công nghệ thông tin và Quyết định số 749/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia.`,
		`73/2019/NĐ-CP;based_on | 749/QĐ-TTg;based_on`},
	{"basis", `Căn cứ Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm số 55/2010/QH12 và Nghị định số 77/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ sửa đổi một số quy định về điều kiện đầu tư kinh doanh;`,
		`15/2018/NĐ-CP;based_on | 55/2010/QH12;guides;<15/2018/NĐ-CP | 77/2016/NĐ-CP;based_on`},
	{"implement", `Thực hiện Nghị quyết số 41/NQ-CP của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 13-NQ/TW và Chỉ thị số 07/CT-UBND ngày 20/3/2025 của Chủ tịch UBND tỉnh về đẩy mạnh cải cách hành chính, Sở Nội vụ báo cáo như sau:`,
		`41/NQ-CP;implements | 13-NQ/TW;implements;<41/NQ-CP | 07/CT-UBND;implements`},

	// "và" inside the trích yếu: the objects of its verb
	{"trích yếu objects", `Căn cứ Nghị định số 10/2023/NĐ-CP ngày 03 tháng 4 năm 2023 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 43/2014/NĐ-CP và Nghị định số 01/2017/NĐ-CP;`,
		`10/2023/NĐ-CP;based_on | 43/2014/NĐ-CP;amends;<10/2023/NĐ-CP | 01/2017/NĐ-CP;amends;<10/2023/NĐ-CP`},
	{"trích yếu objects", `Căn cứ Nghị định số 17/2020/NĐ-CP ngày 05 tháng 02 năm 2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 59/2013/NĐ-CP ngày 17 tháng 6 năm 2013 và Nghị định số 115/2016/NĐ-CP ngày 08 tháng 7 năm 2016 của Chính phủ;`,
		`17/2020/NĐ-CP;based_on | 59/2013/NĐ-CP;amends;<17/2020/NĐ-CP | 115/2016/NĐ-CP;amends;<17/2020/NĐ-CP`},
	{"trích yếu objects", `Thay thế Quyết định số 12/2019/QĐ-UBND ngày 04/3/2019 của UBND tỉnh ban hành Quy chế thực hiện Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ.`,
		`12/2019/QĐ-UBND;replaces | 61/2018/NĐ-CP;implements;<12/2019/QĐ-UBND | 107/2021/NĐ-CP;implements;<12/2019/QĐ-UBND`},
	{"trích yếu objects", "2. Các Nghị định sau đây hết hiệu lực thi hành:\na) Điều 1 Nghị định số 52/2023/NĐ-CP ngày 10 tháng 8 năm 2023 của\nChính phủ sửa đổi, bổ sung một số điều của Nghị định số 31/2021/NĐ-CP\nngày 26 tháng 3 năm 2021 của Chính phủ quy định về đăng ký doanh nghiệp và\nNghị định số 09/2022/NĐ-CP ngày 12 tháng 01 năm 2022 của Chính phủ quy\nđịnh về hỗ trợ doanh nghiệp nhỏ và vừa;",
		`52/2023/NĐ-CP;expires;;Điều 1 | 31/2021/NĐ-CP;amends;<52/2023/NĐ-CP | 09/2022/NĐ-CP;amends;<52/2023/NĐ-CP`},
}

// TestRelationsList wants every relation of the table right.
func TestRelationsList(t *testing.T) {
	s := scoreRelations(t, listRelations)
	t.Logf("list sentences: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("list sentences: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}
