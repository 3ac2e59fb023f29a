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

	// i18-relrev: other provinces, types and joints — a comma, "hoặc"
	{"grounds", `Thực hiện Chỉ thị số 04/CT-TTg ngày 11/02/2025 của Thủ tướng Chính phủ về triển khai Nghị quyết số 57-NQ/TW, Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về bổ sung phát triển kinh tế, UBND tỉnh Bình Định ban hành Kế hoạch như sau:`,
		`04/CT-TTg;implements | 57-NQ/TW;implements;<04/CT-TTg | 123-KL/TW;implements`},
	{"grounds", `Trên cơ sở Thông báo số 45/TB-VPCP ngày 03/3/2025 của Văn phòng Chính phủ kết luận của Thủ tướng về triển khai Kết luận số 126-KL/TW và Công văn số 1120/UBND-KT ngày 12/3/2025 của UBND tỉnh Cà Mau về tổ chức thực hiện, Sở Tài chính đề xuất như sau:`,
		`45/TB-VPCP;based_on | 126-KL/TW;implements;<45/TB-VPCP | 1120/UBND-KT;based_on`},
	{"grounds", `Kế hoạch được xây dựng trên cơ sở Quyết định số 505/QĐ-UBND ngày 01/4/2025 của UBND tỉnh Đắk Lắk ban hành Kế hoạch triển khai Kết luận số 97-KL/TW hoặc Quyết định số 810/QĐ-UBND ngày 20/6/2025 của UBND tỉnh Đắk Lắk về kiện toàn Ban Chỉ đạo.`,
		`505/QĐ-UBND;based_on | 97-KL/TW;implements;<505/QĐ-UBND | 810/QĐ-UBND;based_on`},

	// i18-relrev: the reference before "và" written as a list's item is
	// (its own trích yếu and issuer): nothing marks a new item of the
	// head's list, the two are the trích yếu's objects
	{"trích yếu objects", `Căn cứ Quyết định số 1520/QĐ-UBND ngày 14/9/2022 của UBND tỉnh Hà Giang ban hành Kế hoạch thực hiện Nghị quyết số 06/NQ-CP về phát triển đô thị của Chính phủ và Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ phê duyệt Đề án phát triển đô thị;`,
		`1520/QĐ-UBND;based_on | 06/NQ-CP;implements;<1520/QĐ-UBND | 148/QĐ-TTg;implements;<1520/QĐ-UBND`},
	// i18-relrev: a clause after the head's, past a comma, with a subject
	// and verb of its own: its references are not the head's list
	{"trích yếu objects", `Thực hiện Kế hoạch số 88/KH-UBND ngày 10/3/2025 của UBND tỉnh Phú Thọ, trong quý I các trường học đã tổ chức tuyên truyền về Nghị quyết số 20-NQ/TW và Quyết định số 2348/QĐ-TTg ngày 05/12/2016 của Thủ tướng Chính phủ phê duyệt Đề án xây dựng mạng lưới y tế cơ sở.`,
		`88/KH-UBND;implements | 20-NQ/TW;mentions | 2348/QĐ-TTg;mentions`},
	// i18-relrev: a change is not a list of grounds — what the changed
	// document's trích yếu lists is not changed by the text (a province
	// replaces no decree of the Government)
	{"trích yếu objects", `Quyết định này thay thế Quyết định số 15/2019/QĐ-UBND ngày 20/5/2019 của UBND tỉnh Lào Cai ban hành Quy chế thực hiện Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP.`,
		`15/2019/QĐ-UBND;replaces | 61/2018/NĐ-CP;implements;<15/2019/QĐ-UBND | 107/2021/NĐ-CP;implements;<15/2019/QĐ-UBND | 61/2018/NĐ-CP;amends;<107/2021/NĐ-CP`},
	{"trích yếu objects", `Sửa đổi Điều 2 Quyết định số 14/2022/QĐ-UBND ngày 07/4/2022 của UBND tỉnh Bắc Ninh ban hành Quy chế thực hiện Luật Đất đai số 45/2013/QH13 và Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Đất đai.`,
		`14/2022/QĐ-UBND;amends;;Điều 2 | 45/2013/QH13;implements;<14/2022/QĐ-UBND | 43/2014/NĐ-CP;implements;<14/2022/QĐ-UBND`},

	// i18-relrev: "được xây dựng trên cơ sở/căn cứ" heads the grounds of the
	// text when its subject is the text (a type word, "X này"); a project,
	// a road, a plant built on a decision is news of the decision
	{"built on", `Chương trình này được xây dựng trên cơ sở Nghị quyết số 20/NQ-HĐND ngày 10/7/2024 của HĐND tỉnh Kon Tum.`,
		`20/NQ-HĐND;based_on`},
	{"built on", `Dự án được đầu tư xây dựng căn cứ Quyết định số 1234/QĐ-UBND ngày 12/5/2023 của UBND tỉnh Long An phê duyệt chủ trương đầu tư.`,
		`1234/QĐ-UBND;mentions`},
	{"built on", `Theo Sở Xây dựng, tuyến đường được xây dựng trên cơ sở Quyết định số 845/QĐ-UBND ngày 03/6/2022 của UBND tỉnh Tiền Giang phê duyệt dự án.`,
		`845/QĐ-UBND;mentions`},
	{"built on", `Nhà máy được xây dựng trên cơ sở Giấy chứng nhận đầu tư và Quyết định số 77/QĐ-UBND ngày 05/3/2021 của UBND tỉnh Bình Dương.`,
		`77/QĐ-UBND;mentions`},

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
