package outline

import (
	"strings"
	"testing"
)

// TestOutlineRobustLayouts covers the layouts the outline checker
// (outlinecheck_test.go) found failing on real documents the parser was
// not built on (../shared/data/govdocs, attachments, nd30_2020). The lines
// are written for the test in the style of those documents.
func TestOutlineRobustLayouts(t *testing.T) {
	tests := []outlineCase{
		{"a line without a letter continues the item before it",
			"1. Tổ chức kiểm tra định kỳ các kho hàng dự trữ quốc gia.\n2030\n........\n2. Báo cáo kết quả về Bộ Tài chính.",
			"1/1/tasks:Tổ chức kiểm tra định kỳ các kho hàng dự trữ quốc gia.\n2030\n........\n2/1/tasks:Báo cáo kết quả về Bộ Tài chính.\n"},
		{"paragraph headings are siblings, what they head is under them",
			"II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ\nVề hạ tầng số\nTriển khai phủ sóng 5G tới các khu công nghiệp trên địa bàn tỉnh.\nVề dữ liệu số\nXây dựng kho dữ liệu dùng chung của tỉnh.",
			"II.1/1H/tasks:Sở Khoa học và Công nghệ\nII.1.¶1/2H/tasks:Về hạ tầng số[Sở Khoa học và Công nghệ;]\nII.1.¶1.¶1/3/tasks:Triển khai phủ sóng 5G tới các khu công nghiệp trên địa bàn tỉnh.[Sở Khoa học và Công nghệ;]\n" +
				"II.1.¶2/2H/tasks:Về dữ liệu số[Sở Khoa học và Công nghệ;]\nII.1.¶2.¶1/3/tasks:Xây dựng kho dữ liệu dùng chung của tỉnh.[Sở Khoa học và Công nghệ;]\n"},
		{"a list of short lines is a list, not a staircase",
			"3. Các xã thực hiện thí điểm:\nXã Tân Phú\nXã Tân Hòa\nXã Phú Lộc\nXã Mỹ An",
			"3/1H/tasks:Các xã thực hiện thí điểm:\n3.¶1/2/tasks:Xã Tân Phú\n3.¶2/2/tasks:Xã Tân Hòa\n3.¶3/2/tasks:Xã Phú Lộc\n3.¶4/2/tasks:Xã Mỹ An\n"},
		{"a lettered point after a formula and its notes is the sibling of the one before",
			"1. Các chỉ số được xác định như sau:\na) Chỉ số 01: tỷ lệ hồ sơ nộp trực tuyến, tính theo công thức:\nCS 01 = HS / TS x 100\nTrong đó:\n- HS: số hồ sơ nộp trực tuyến;\n- TS: tổng số hồ sơ tiếp nhận.\nb) Chỉ số 02: tỷ lệ hồ sơ giải quyết đúng hạn.\n(1) Hồ sơ nộp trực tiếp.\nGhi chú: tính cả hồ sơ bổ sung.\n(2) Hồ sơ nộp qua bưu chính.",
			"1/1H/tasks:Các chỉ số được xác định như sau:\n1.a/2H/tasks:Chỉ số 01: tỷ lệ hồ sơ nộp trực tuyến, tính theo công thức:\n1.a.¶1/3/tasks:CS 01 = HS / TS x 100\n1.a.¶2/3H/tasks:Trong đó:\n" +
				"1.a.¶2.•1/4/tasks:HS: số hồ sơ nộp trực tuyến;\n1.a.¶2.•2/4/tasks:TS: tổng số hồ sơ tiếp nhận.\n1.b/2/tasks:Chỉ số 02: tỷ lệ hồ sơ giải quyết đúng hạn.\n1.b.(1)/3/tasks:Hồ sơ nộp trực tiếp.\n1.b.¶1/3/tasks:Ghi chú: tính cả hồ sơ bổ sung.\n1.b.(2)/3/tasks:Hồ sơ nộp qua bưu chính.\n"},
		{"points under a lettered point: b.1), b.1.1)",
			"1. Hồ sơ đề nghị gồm:\na) Đơn đề nghị theo mẫu.\nb) Tài liệu kèm theo:\nb.1) Đối với tổ chức:\nb.1.1) Bản sao quyết định thành lập;\nb.1.2) Báo cáo tài chính năm gần nhất;\nb.2) Đối với cá nhân: bản sao giấy tờ tùy thân.\nc) Các giấy tờ khác (nếu có).",
			"1/1H/tasks:Hồ sơ đề nghị gồm:\n1.a/2/tasks:Đơn đề nghị theo mẫu.\n1.b/2H/tasks:Tài liệu kèm theo:\n1.b.1/3H/tasks:Đối với tổ chức:\n1.b.1.1/4/tasks:Bản sao quyết định thành lập;\n1.b.1.2/4/tasks:Báo cáo tài chính năm gần nhất;\n1.b.2/3/tasks:Đối với cá nhân: bản sao giấy tờ tùy thân.\n1.c/2/tasks:Các giấy tờ khác (nếu có).\n"},
		{"an article between two tables opens its section",
			"Điều 12. Định mức chi tuyên truyền\nNội dung chi | Định mức\nIn tài liệu tuyên truyền | Theo báo giá\nĐiều 13. Định mức chi hội thảo\nNội dung chi | Định mức\nChủ trì hội thảo | 1.000.000 đồng/buổi\nĐiều 14. Phân công thực hiện\nSTT | Nội dung | Cơ quan chủ trì\n1 | Hướng dẫn thanh quyết toán kinh phí | Sở Tài chính",
			"Đ14.r1/1/tasks:Hướng dẫn thanh quyết toán kinh phí[Sở Tài chính;]\n"},
		{"numbers with a dash under a roman heading with a dash (Party documents)",
			"IV- NHIỆM VỤ, GIẢI PHÁP\n1- Nâng cao nhận thức về vai trò của chuyển đổi số.\n2- Hoàn thiện thể chế\n2.1- Rà soát các quy định cản trở đổi mới sáng tạo.\n5- 6 tuổi là độ tuổi mẫu giáo lớn.",
			"IV.1/1/tasks:Nâng cao nhận thức về vai trò của chuyển đổi số.\nIV.2/1H/tasks:Hoàn thiện thể chế\nIV.2.1/2/tasks:Rà soát các quy định cản trở đổi mới sáng tạo.\nIV.2.¶1/2/tasks:5- 6 tuổi là độ tuổi mẫu giáo lớn.\n"},
		{"a quoted amendment is the text of the item announcing it",
			"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 12/2024/NĐ-CP\n1. Sửa đổi, bổ sung khoản 3 Điều 5 như sau:\n“3. Hồ sơ đề nghị cấp phép gồm:\na) Đơn đề nghị theo Mẫu số 01;\nb) Bản sao giấy chứng nhận đăng ký doanh nghiệp.”.\n2. Bãi bỏ khoản 4 Điều 7.",
			"Đ1.1/1/tasks:Sửa đổi, bổ sung khoản 3 Điều 5 như sau:\n“3. Hồ sơ đề nghị cấp phép gồm:\na) Đơn đề nghị theo Mẫu số 01;\nb) Bản sao giấy chứng nhận đăng ký doanh nghiệp.”.\n" +
				"Đ1.1.“3/1H/tasks:Hồ sơ đề nghị cấp phép gồm:\nĐ1.1.“3.a/2/tasks:Đơn đề nghị theo Mẫu số 01;\nĐ1.1.“3.b/2/tasks:Bản sao giấy chứng nhận đăng ký doanh nghiệp.\n" + // the quoted provisions (planquote.go)
				"Đ1.2/1/tasks:Bãi bỏ khoản 4 Điều 7.\n"},
		{"a quote closed on its line, or not after như sau:, is read as usual",
			"1. Đổi tên Phòng Văn hóa như sau:\n“Phòng Văn hóa, Khoa học và Thông tin”.\n2. Các xã báo cáo kết quả.\n“Ngày hội đại đoàn kết” được tổ chức tại thôn.\n3. Sở Nội vụ tổng hợp.",
			"1/1H/tasks:Đổi tên Phòng Văn hóa như sau:\n1.¶1/2/tasks:“Phòng Văn hóa, Khoa học và Thông tin”.\n2/1/tasks:Các xã báo cáo kết quả.\n¶1/1/tasks:“Ngày hội đại đoàn kết” được tổ chức tại thôn.\n3/1/tasks:Sở Nội vụ tổng hợp.\n"},
		{"a distribution list whose Nơi nhận was lost is no outline",
			"Điều 3. Tổ chức thực hiện\nCác Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Quyết định này.\n- Ban Bí thư Trung ương Đảng;\n- Thủ tướng, các Phó Thủ tướng Chính phủ;\n- Các bộ, cơ quan ngang bộ;\n- VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục;\n- Lưu: VT, KGVX (2).\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG",
			""}, // the execution formula is no item (planquote.go), none of the list
		{"the list's first lines go when a later line shows it is one",
			"1. Sở Tài chính bố trí kinh phí thực hiện kế hoạch.\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố;\n- Như trên;\n- Lưu: VT, KGVX.",
			"1/1/tasks:Sở Tài chính bố trí kinh phí thực hiện kế hoạch.\n"},
		{"a task bullet naming the Secretariat stays a task",
			"1. Tổ chức thực hiện:\n- Ban Bí thư Trung ương Đảng chỉ đạo sơ kết việc thực hiện nghị quyết.\n- Các tỉnh ủy, thành ủy xây dựng chương trình hành động.",
			"1/1H/tasks:Tổ chức thực hiện:\n1.•1/2/tasks:Ban Bí thư Trung ương Đảng chỉ đạo sơ kết việc thực hiện nghị quyết.\n1.•2/2/tasks:Các tỉnh ủy, thành ủy xây dựng chương trình hành động.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineParts covers the headings of parts above sections and
// articles (ND 30/2020 layout: Phần, Chương, Mục), their titles on the
// next lines, and "Phụ lục số …"; sentences starting with those words stay
// text.
func TestOutlineParts(t *testing.T) {
	tests := []struct {
		name, body, sections, items string
	}{
		{"chapters over articles, the title on the next line or on the heading's",
			"Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n1. Nghị định này quy định về quản lý kho dữ liệu dùng chung.\nChương II. TỔ CHỨC THỰC HIỆN\nĐiều 2. Trách nhiệm thi hành\nCác Bộ trưởng chịu trách nhiệm thi hành Nghị định này.",
			"ChI:QUY ĐỊNH CHUNG|Đ1:Phạm vi điều chỉnh|ChII:TỔ CHỨC THỰC HIỆN|Đ2:Trách nhiệm thi hành",
			"Đ1.1/1/tasks:Nghị định này quy định về quản lý kho dữ liệu dùng chung.\n"}, // an article is a provision whatever its title (sectionKindAt); one of a paragraph stating the execution formula is no item (planquote.go)
		{"a chapter's title over two lines, sections of a chapter",
			"CHƯƠNG III\nHÀNH VI VI PHẠM HÀNH CHÍNH, HÌNH THỨC XỬ PHẠT\nVÀ BIỆN PHÁP KHẮC PHỤC HẬU QUẢ\nMục 1 – VI PHẠM VỀ AN TOÀN\nĐiều 9. Vi phạm quy định về kiểm định",
			"ChIII:HÀNH VI VI PHẠM HÀNH CHÍNH, HÌNH THỨC XỬ PHẠT VÀ BIỆN PHÁP KHẮC PHỤC HẬU QUẢ|M1:VI PHẠM VỀ AN TOÀN|Đ9:Vi phạm quy định về kiểm định",
			""},
		{"a part of a plan over its roman sections",
			"PHẦN THỨ HAI\nNHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\nI- NÂNG CAO NHẬN THỨC\n1. Tổ chức quán triệt nghị quyết đến chi bộ.",
			"P2:NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM|I:NÂNG CAO NHẬN THỨC",
			"I.1/1/tasks:Tổ chức quán triệt nghị quyết đến chi bộ.\n"},
		{"sentences starting with Mục or Phần are text",
			"1. Kinh phí thực hiện:\nMục 2 của Chương này áp dụng cho các dự án chuyển tiếp.\nPhần kinh phí còn lại do ngân sách huyện bảo đảm.",
			"",
			"1/1H/tasks:Kinh phí thực hiện:\n1.¶1/2/tasks:Mục 2 của Chương này áp dụng cho các dự án chuyển tiếp.\n1.¶2/2/tasks:Phần kinh phí còn lại do ngân sách huyện bảo đảm.\n"},
		{"Phụ lục số",
			"1. Các sở triển khai theo danh mục kèm theo.\nPhụ lục số 02\nDANH MỤC NHIỆM VỤ TRỌNG ĐIỂM\nSTT | Nội dung | Cơ quan chủ trì\n1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường",
			"PL02:DANH MỤC NHIỆM VỤ TRỌNG ĐIỂM",
			"1/1/tasks:Các sở triển khai theo danh mục kèm theo.\nPL02.r1/1/tasks:Xây dựng cơ sở dữ liệu đất đai[Sở Nông nghiệp và Môi trường;]\n"},
	}
	for _, tt := range tests {
		o := Parse(tt.body)
		var secs []string
		for _, s := range o.Sections[1:] {
			secs = append(secs, s.ID+":"+s.Title)
		}
		if got := strings.Join(secs, "|"); got != tt.sections {
			t.Errorf("%s: sections %q, want %q", tt.name, got, tt.sections)
		}
		if got := outlineString(o); got != tt.items {
			t.Errorf("%s: items\n%s\nwant\n%s", tt.name, got, tt.items)
		}
	}
}
