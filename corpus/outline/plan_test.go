package outline

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// outlineString renders items as "ID/level/kind:text[agency;deadline]",
// "H" after the level marking a heading.
func outlineString(o *Outline) string {
	var b strings.Builder
	for _, it := range o.Items {
		h := ""
		if it.Heading {
			h = "H"
		}
		fmt.Fprintf(&b, "%s/%d%s/%s:%s", it.ID, it.Level, h, it.Kind, it.Text)
		if it.Agency != "" || it.Deadline != "" {
			fmt.Fprintf(&b, "[%s;%s]", it.Agency, it.Deadline)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// outlineCase is a body and its outlineString.
type outlineCase struct {
	name, body, want string
}

func checkOutlines(t *testing.T, tests []outlineCase) {
	t.Helper()
	for _, tt := range tests {
		if got := outlineString(Parse(tt.body)); got != tt.want {
			t.Errorf("%s: Parse =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestParseOutline(t *testing.T) {
	tests := []outlineCase{
		{"roman sections, numbers, letters",
			"TTĐT - Sapo.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa.\nII. NHIỆM VỤ CỤ THỂ\n1. Về giao thông\na) Làm đường.\nb) Nâng cấp cầu.\n2. Về môi trường\nIII. TỔ CHỨC THỰC HIỆN\nSở báo cáo.",
			"I.1/1/goals:Cụ thể hóa.\nII.1/1H/tasks:Về giao thông\nII.1.a/2/tasks:Làm đường.\nII.1.b/2/tasks:Nâng cấp cầu.\nII.2/1/tasks:Về môi trường\n"},
		{"headings with ##, upper-case sections, bullets",
			"## NHIỆM VỤ, GIẢI PHÁP\n1. Đổi mới tư duy\n- Cấp ủy chỉ đạo.\n+ Bí thư chịu trách nhiệm.\n- Tuyên truyền.\n## TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo quán triệt.",
			"1/1H/tasks:Đổi mới tư duy\n1.•1/2/tasks:Cấp ủy chỉ đạo.\n1.•1.•1/3/tasks:Bí thư chịu trách nhiệm.\n1.•2/2/tasks:Tuyên truyền.\ns2.1/1/organisation:Ban Tuyên giáo quán triệt.\n"},
		{"an item hard-wrapped over lines",
			"II. NỘI DUNG\n2. Hạ tầng\n2.1. Nâng cấp các tuyến đường\nhuyện và đường xã.\n2.2. Thủy lợi.",
			"II.2/1H/tasks:Hạ tầng\nII.2.1/2/tasks:Nâng cấp các tuyến đường\nhuyện và đường xã.\nII.2.2/2/tasks:Thủy lợi.\n"},
		{"task table",
			"III. PHÂN CÔNG NHIỆM VỤ\nSTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành\n1 | Quan trắc nước thải | Sở Tài nguyên và Môi trường | UBND huyện | Năm 2024\n2 | Đề án khu công nghiệp | Ban Quản lý | | Quý IV/2023",
			"III.r1/1/tasks:Quan trắc nước thải[Sở Tài nguyên và Môi trường;Năm 2024]\nIII.r2/1/tasks:Đề án khu công nghiệp[Ban Quản lý;Quý IV/2023]\n"},
		{"not labels: numbers, ranges, sentences",
			"8 - 8,5%/năm là mục tiêu.\n2030. Năm mục tiêu\n154/NQ-CP ban hành.\nA) viết hoa.",
			""},
		{"a bare list is tasks",
			"1. Làm đường.\n2) Xây cầu.",
			"1/1/tasks:Làm đường.\n2/1/tasks:Xây cầu.\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineRealLayouts covers each structural class of issue 17 with
// short lines quoted from the real documents of ../shared/data/plans
// (cited by number) and, where the class comes from the issue, its line.
func TestOutlineRealLayouts(t *testing.T) {
	tests := []outlineCase{
		{"a one-cell group row does not end a task table (issue 17)",
			"III. NHIỆM VỤ\nTT | Nội dung | Cơ quan chủ trì | Thời gian\nI. NÂNG CAO NHẬN THỨC\n1 | Tổ chức quán triệt nghị quyết | Sở Nội vụ | Quý I/2025\nII. HOÀN THIỆN THỂ CHẾ\n2 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Năm 2025",
			"III.I/1H/tasks:NÂNG CAO NHẬN THỨC\nIII.r1/2/tasks:Tổ chức quán triệt nghị quyết[Sở Nội vụ;Quý I/2025]\nIII.II/1H/tasks:HOÀN THIỆN THỂ CHẾ\nIII.r2/2/tasks:Rà soát văn bản quy phạm pháp luật[Sở Tư pháp;Năm 2025]\n"},
		{"appendix table: agency, co-agency, group, content, indicator, deadline; group rows; short continuation rows (2530/QĐ-TTg Phụ lục I)",
			"PHỤ LỤC I BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ\n" +
				"STT | Cơ quan chủ trì | Cơ quan phối hợp | Thuộc nhóm nhiệm vụ, hành động | Nội dung nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành\n" +
				"A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n" +
				"3 | Bộ Nông nghiệp và Môi trường | - Các bộ, ngành liên quan và UBND các tỉnh/ thành phố | Kiểm soát nguồn thải công nghiệp và xây dựng cơ sở dữ liệu quốc gia | - Thực hiện kiểm kê phát thải quốc gia | - Báo cáo kiểm kê | Hoàn thành trong năm 2027\n" +
				"- Xây dựng nền tảng kiểm kê phát thải quốc gia. | - Nền tảng kiểm kê phát thải quốc gia được xây dựng | Giai đoạn 2026 - 2030",
			"PLI.A/1H/tasks:BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nPLI.r1/2/tasks:Thực hiện kiểm kê phát thải quốc gia[Bộ Nông nghiệp và Môi trường;Hoàn thành trong năm 2027]\nPLI.r2/2/tasks:Xây dựng nền tảng kiểm kê phát thải quốc gia.[Bộ Nông nghiệp và Môi trường;Giai đoạn 2026 - 2030]\n"},
		{"a statistics table gives no items (220/CĐ-TTg Phụ lục II)",
			"PHỤ LỤC II\nSTT | Cơ quan | Tổng số TTHC doanh nghiệp thuộc thẩm quyền giải quyết | Kết quả thực hiện cung cấp DVCTT | Tỷ lệ thực hiện (%) | Ghi chú\n1. | Bộ Tư pháp | 19 | 07 | 12 | 12 | 12 | 0 | 100\n2. | Bộ Văn hóa, Thể thao và Du lịch | 70 | - | 70 | 66 | 60 | 4 | 94,29",
			""},
		{"Nơi nhận, distribution lines and signatures are no outline (2530/QĐ-TTg, 223/CĐ-TTg)",
			"1. Bộ Y tế chỉ đạo lực lượng y tế cơ sở bảo đảm các dịch vụ y tế khẩn cấp.\nNơi nhận:\n- Như trên;\n- VPTW, VPCP, VPQH,\n- Lưu: VT, NN (2).\nKT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà",
			"1/1/tasks:Bộ Y tế chỉ đạo lực lượng y tế cơ sở bảo đảm các dịch vụ y tế khẩn cấp.\n"},
		{"a signature before Nơi nhận, then an appendix (6356/UBND-NNMT)",
			"1. Sở Xây dựng:\n- Nghiên cứu và thí điểm công nghệ phun sương giảm bụi tại khu dân cư.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Mạnh Quyền\nPHỤ LỤC\nDANH SÁCH CÁC ĐƠN VỊ THỰC HIỆN DỊCH VỤ\n1. Công ty Cổ phần Môi trường Đô thị Gia Lâm",
			"1/1H/tasks:Sở Xây dựng:\n1.•1/2/tasks:Nghiên cứu và thí điểm công nghệ phun sương giảm bụi tại khu dân cư.[Sở Xây dựng;]\nPL.1/1/tasks:Công ty Cổ phần Môi trường Đô thị Gia Lâm\n"},
		{"the header, the issuing formula QUYẾT NGHỊ: and the preamble are no sections (380/NQ-CP)",
			"CHÍNH PHỦ -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\nI. QUAN ĐIỂM, PHẠM VI VÀ ĐỐI TƯỢNG HỖ TRỢ\n1. Quan điểm\na) Ưu tiên cao nhất là bảo vệ tính mạng, sức khỏe và sớm ổn định đời sống nhân dân.",
			"I.1/1H/goals:Quan điểm\nI.1.a/2/goals:Ưu tiên cao nhất là bảo vệ tính mạng, sức khỏe và sớm ổn định đời sống nhân dân.\n"},
		{"a telegram's addressees are no items (232/CĐ-TTg)",
			"V/V KHẨN TRƯƠNG THỐNG KÊ, RÀ SOÁT THỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk;\n- Bộ trưởng các Bộ: Tài chính, Nông nghiệp và Môi trường.\nVừa qua tại khu vực Nam Trung Bộ đã xảy ra đợt mưa lũ, ngập lụt lịch sử.\n2. Bộ trưởng Bộ Tài chính tổng hợp, chủ động đề xuất sử dụng nguồn lực.",
			"2/1/tasks:Bộ trưởng Bộ Tài chính tổng hợp, chủ động đề xuất sử dụng nguồn lực.\n"},
		{"headings numbered with a dash: I-, II- (issue 17)",
			"I- MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc nghị quyết.\nII- NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức học tập nghị quyết.",
			"I.1/1/goals:Quán triệt sâu sắc nghị quyết.\nII.1/1/tasks:Tổ chức học tập nghị quyết.\n"},
		{"two sections numbered IV. (0129/KH-UBND)",
			"IV. KINH PHÍ - NGUỒN HUY ĐỘNG\n1. Kinh phí:\n- Ngân sách tỉnh và kinh phí hỗ trợ từ Trung ương.\nIV. PHÂN CÔNG NHIỆM VỤ\n1. Sở Công Thương:\n- Phân bổ hàng hóa theo đúng mức độ thiệt hại, nhu cầu từng địa bàn.",
			"IV.1/1H/funding:Kinh phí:\nIV.1.•1/2/funding:Ngân sách tỉnh và kinh phí hỗ trợ từ Trung ương.\nIV~2.1/1H/tasks:Sở Công Thương:\nIV~2.1.•1/2/tasks:Phân bổ hàng hóa theo đúng mức độ thiệt hại, nhu cầu từng địa bàn.[Sở Công Thương;]\n"},
		{"a task on the heading line (0129/KH-UBND)",
			"12. Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương kiểm tra, khắc phục sự cố lưới điện tại khu vực bị ảnh hưởng.",
			"12/1/tasks:Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương kiểm tra, khắc phục sự cố lưới điện tại khu vực bị ảnh hưởng.[Công ty Điện lực Đắk Lắk;]\n"},
		{"Điều 1., 1.1., a), (1), -, + (2530/QĐ-TTg, 380/NQ-CP, 232/CĐ-TTg, 6356/UBND-NNMT)",
			"Điều 1. Phê duyệt Kế hoạch hành động quốc gia với các nội dung chủ yếu sau:\n1. Về an sinh xã hội, nhà ở và ổn định đời sống Nhân dân\n1.1. Hỗ trợ lương thực, nhu yếu phẩm\na) Bộ Tài chính tiếp tục xuất cấp hàng dự trữ quốc gia để hỗ trợ các địa phương.\n(1) Số hộ dân có nhà bị sập, đổ, trôi cần phải xây dựng lại.\n- Tăng cường kiểm tra hoạt động xử lý chất thải.\n+ Tăng cường tần suất kiểm tra, bảo dưỡng thiết bị.",
			"Đ1.1/1H/tasks:Về an sinh xã hội, nhà ở và ổn định đời sống Nhân dân\nĐ1.1.1/2H/tasks:Hỗ trợ lương thực, nhu yếu phẩm\nĐ1.1.1.a/3/tasks:Bộ Tài chính tiếp tục xuất cấp hàng dự trữ quốc gia để hỗ trợ các địa phương.\n" +
				"Đ1.1.1.a.(1)/4/tasks:Số hộ dân có nhà bị sập, đổ, trôi cần phải xây dựng lại.\nĐ1.1.1.a.(1).•1/5/tasks:Tăng cường kiểm tra hoạt động xử lý chất thải.\nĐ1.1.1.a.(1).•1.•1/6/tasks:Tăng cường tần suất kiểm tra, bảo dưỡng thiết bị.\n"},
		{"a paragraph under a heading item is its own item (6278/BVHTTDL-VP)",
			"3. Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam\nPhối hợp với Vụ Pháp chế đưa nội dung thực thi Phương án vào dự thảo Luật.\n4. Cục Mỹ thuật, Nhiếp ảnh và Triển lãm",
			"3/1H/tasks:Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam\n3.¶1/2/tasks:Phối hợp với Vụ Pháp chế đưa nội dung thực thi Phương án vào dự thảo Luật.[Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam;]\n4/1/tasks:Cục Mỹ thuật, Nhiếp ảnh và Triển lãm\n"},
		{"a paragraph after a list stands at the list's level (234/CĐ-TTg)",
			"1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng:\na) Tổ chức xây dựng kế hoạch cụ thể.\nc) Phát huy tinh thần tự lực, tự cường của địa phương.\nChủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ.\n2. Bộ trưởng Bộ Quốc phòng chỉ đạo các đơn vị trực thuộc.",
			"1/1H/tasks:Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng:\n1.a/2/tasks:Tổ chức xây dựng kế hoạch cụ thể.\n1.c/2/tasks:Phát huy tinh thần tự lực, tự cường của địa phương.\n1.¶1/2/tasks:Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ.\n2/1/tasks:Bộ trưởng Bộ Quốc phòng chỉ đạo các đơn vị trực thuộc.\n"},
		{"an appendix is its own section, its title and attachment note skipped (2530/QĐ-TTg Phụ lục II)",
			"1. Bộ Y tế chủ trì các chương trình nghiên cứu.\nPHỤ LỤC II\nDANH MỤC CÁC NHIỆM VỤ, DỰ ÁN ƯU TIÊN\n(Kèm theo Quyết định số 2530/QĐ-TTg ngày 19 tháng 11 năm 2025 của Thủ tướng Chính phủ)\nSTT | Tên dự án, nhiệm vụ | Nội dung chính | Cơ quan chủ trì | Thời gian thực hiện\n1 | Chương trình truyền thông nâng cao nhận thức | Xây dựng và tổ chức chương trình truyền thông | Bộ Nông nghiệp và Môi trường | 2026 - 2030",
			"1/1/tasks:Bộ Y tế chủ trì các chương trình nghiên cứu.\nPLII.r1/1/tasks:Chương trình truyền thông nâng cao nhận thức\nXây dựng và tổ chức chương trình truyền thông[Bộ Nông nghiệp và Môi trường;2026 - 2030]\n"},
		{"background sections and a preamble before sections are not tasks (0129/KH-UBND)",
			"Căn cứ Công điện số 223/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ;\nI. ĐÁNH GIÁ TÌNH HÌNH THIỆT HẠI\n- Đến 12h00 ngày 21/11/2025, toàn tỉnh ghi nhận nhiều trường hợp chết, mất tích.\nII. MỤC TIÊU\n1. Mục tiêu trước mắt",
			"I.•1/1/background:Đến 12h00 ngày 21/11/2025, toàn tỉnh ghi nhận nhiều trường hợp chết, mất tích.\nII.1/1/goals:Mục tiêu trước mắt\n"},
	}
	checkOutlines(t, tests)
}

// TestOutlineIDsStable checks that an item's ID depends only on the text
// before it: a document that grows at the end keeps the IDs (and so the
// URLs) of what it had.
func TestOutlineIDsStable(t *testing.T) {
	body := "II. NHIỆM VỤ\n1. Sở Y tế:\n- Bảo đảm thuốc thiết yếu.\nSTT | Nội dung | Cơ quan chủ trì\n1 | Quan trắc môi trường | Sở Nông nghiệp và Môi trường\n2. Công an tỉnh bảo đảm an ninh."
	more := body + "\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\nNơi nhận:\n- Như trên;"
	a, b := Parse(body), Parse(more)
	for i, it := range a.Items {
		if b.Items[i].ID != it.ID || b.Items[i].Line != it.Line {
			t.Errorf("item %d: %s at line %d, then %s at line %d", i, it.ID, it.Line, b.Items[i].ID, b.Items[i].Line)
		}
	}
}

func TestPassages(t *testing.T) {
	// Passages are an item's own lines: a goal, a task, a funding clause
	// and a section's text; an item heading others ("1. Về giao thông")
	// is none.
	body := "I. MỤC TIÊU\n1. Tăng trưởng 8%.\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Về giao thông\na) Vành đai 4.\n2. Bảo vệ môi trường.\nIII. KINH PHÍ\nNgân sách tỉnh.\nIV. GIẢI PHÁP KHÁC\nHợp tác quốc tế.\nV. TÌNH HÌNH THỰC HIỆN\nĐã hoàn thành."
	var got []string
	for _, p := range Parse(body).Passages() {
		got = append(got, p.ID+"|"+p.Title+"|"+strings.ReplaceAll(p.Text, "\n", "/"))
	}
	want := []string{
		"I.1|Tăng trưởng 8%|Tăng trưởng 8%.",
		"II.1.a|Vành đai 4|Vành đai 4.",
		"II.2|Bảo vệ môi trường|Bảo vệ môi trường.",
		"III|KINH PHÍ|Ngân sách tỉnh.",
		"IV|GIẢI PHÁP KHÁC|Hợp tác quốc tế.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Passages =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPassagesCollapseRepeats: an appendix row restating a body task is
// one passage with it; a row with a task of its own stays.
func TestPassagesCollapseRepeats(t *testing.T) {
	body := "II. NHIỆM VỤ\n1. Rà soát các hướng dẫn kỹ thuật về phân loại rác thải sinh hoạt tại nguồn và hướng dẫn xử lý (đối với khu dân cư) để triển khai.\n2. Xây dựng bãi chôn lấp hợp vệ sinh cho các xã vùng cao.\n" +
		"PHỤ LỤC\nSTT | Nội dung nhiệm vụ | Cơ quan chủ trì\n1 | Rà soát, cập nhật các hướng dẫn kỹ thuật về phân loại rác thải sinh hoạt tại nguồn và xử lý. | Sở Nông nghiệp và Môi trường\n2 | Đầu tư lò đốt rác công suất nhỏ cho các xã đảo | Sở Xây dựng"
	var got []string
	for _, p := range Parse(body).Passages() {
		got = append(got, p.ID+strings.Join(p.Same, ","))
	}
	if want := "II.1PL.r1 II.2 PL.r2"; strings.Join(got, " ") != want {
		t.Errorf("passages %q, want %q", strings.Join(got, " "), want)
	}
}

// maxFuzzLevel bounds an item's level: each kind of label opens at most
// one level (four for numbers), paragraphs at most two between them.
const maxFuzzLevel = 32

// FuzzParseOutline: any body gives unique item and passage IDs, parents
// before children, lines inside the body, bounded nesting, no paragraph
// without a letter and no "Nơi nhận" line inside an item.
//
//	go test ./corpus/outline -run '^$' -fuzz FuzzParseOutline -fuzztime 60s
func FuzzParseOutline(f *testing.F) {
	// i24-review3: untitled articles whose subject is a business, a state
	// agency beside it, a run of ";" clauses.
	f.Add("Điều 1. A\nB.\nĐiều 6.\nCơ sở giáo dục tự đánh giá; Sở Giáo dục và Đào tạo có trách nhiệm kiểm tra.\nĐiều 7.\n" +
		strings.Repeat("Cơ sở a và cơ sở b; ", 30) + "\n1. Ban Tiếp công dân chủ trì, phối hợp với Sở C.")
	f.Add("II. NHIỆM VỤ\n1. A\na) B\n- C\n+ D\nNhiệm vụ | Cơ quan chủ trì | Thời hạn\nE | F | G")
	// i27-miss: a portal's line, then the header (reopensFront), a
	// separator and a heading after a paragraph (no reopening).
	f.Add("Cơ quan phát hành: A\nB CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/2026/NĐ-CP\nNGHỊ ĐỊNH\nCăn cứ C;\nĐiều 1. D\nx\n-----\nE\nSố: 2")
	f.Add("1.\n1. \n.1. x\n1.2.3.4.5.6.7.8.9. y\nđ) z\n| | |\nI. \n")
	f.Add("PHỤ LỤC II\nSTT | Nội dung | Cơ quan chủ trì\nA. | BỘ Y TẾ\nI. NHÓM\n1 | x y z | Bộ Y tế\nvà tiếp\nNơi nhận:\n- a\nPHỤ LỤC\n(1) x\nIV. A\nIV. A\nIV- B\nĐiều 2. C\n3. D:\nE")
	f.Add("1. Các xã:\nXã A\nXã B\nXã C\n2030\n...\na) x:\nCS = A / B\nTrong đó:\n- A: y;\nb) z.\n(1) u\nGhi chú\n(2) v")
	// A quote never closed before "Nơi nhận:" (the closing line went into
	// the item on i17-struct), and a staircase of short lines deeper than
	// maxFuzzLevel (on e709b33).
	f.Add("1. Sửa đổi khoản 2 như sau:\n“2. A\na) B\nNơi nhận:\n- Như trên;\n- Lưu: VT.")
	// i25-case: an article heading in capitals after a chapter title in capitals.
	f.Add("Chương I\nQUY ĐỊNH CHUNG\nĐIỀU 1. PHẠM VI\n1. Nguyên tắc\na) A;\nChương II\nĐIỀU CHỈNH\nĐIỀU 2\nB")
	f.Add("1. Các xã:\n" + strings.Repeat("Xã An Phú\n", 40) + "2. B.")
	f.Add("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. A\n1. B như sau:\n“2. C\na) D\nb.1) E\nb.1.1) F”.\nMục 2 – G\nPHẦN THỨ HAI\n1- H\n2.1- I\nSTT | Nội dung | Định mức\nĐiều 2. J\nA | B\n- Các bộ;\n- Như trên;\n- Lưu: VT.\nPhụ lục số 02\nK")
	// i17-parse2: straight-quoted amendments, roman lists, letter
	// headings, task rows split by PDF layout, "3," items, XL.
	f.Add("Điều 1. A\n1. Sửa đổi khoản 1 như sau:\n\"1. B \"C\".\na) D\nĐiều 2. E\n2. Bổ sung như sau:\n\"F\nNơi nhận:\n- Lưu: VT.")
	f.Add("c) A:\ni) B;\nii) C;\niv) D:\n- E\nv) F.\nh) G\ni) H\n(i) I\n(ii) J\n(viii) K")
	f.Add("Điều 4. Bổ sung Mục 3 và Điều 19a như sau\nMục 3. A\nĐiều 19a. B\n1. C:\n- D\n(1) E\n1.2. Sửa đổi điểm d khoản 3 Điều 5 như sau:\nd) F\nĐiều 33 Nghị định này G\nI: H;\nAS = B - C\nĐiều 5. I")
	f.Add("x.\nĐ. KẾT LUẬN\nA- MỤC ĐÍCH\nA- Nhóm một\nx\ny\nB- Nhóm hai\nT - x\nXL. A\nXLI. B\nL. C\n1. D\n2. E\n3, F\n44, G")
	f.Add("STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn\nA\n1 | b c | Sở D | Quý I\ne f | g\nH\n2\nI j | K | L\nm n\n3\nO\nCĂN CỨ | CHÚ\nSTT | NỘI DUNG NHIỆM VỤ\n1 | p q\nr\nS t\nu v")
	// i17-parserev: options "A- … B- …" in a list, a legend "C - " after
	// a later section, a stray straight quote in a plan, legends "X - ",
	// "IV - V", a merged-cell row in lower case with its own deadline.
	f.Add("I. A\n1. B:\nA- C\nd\ne\nB- F\n2. G\nII. H\nC - I\nX - J;\nIV - V\n1. Bổ sung như sau:\n\"K\n2. L\nSTT | Nội dung | Cơ quan chủ trì | Thời hạn\n1 | m | Sở N | Quý I/2026\no p | Sở Q | Quý II/2026")
	// i17-parse3: OCR-misread letters and damaged labels, a data row as a
	// header, cells wrapped into the columns left open.
	f.Add("1. A:\na) B;\nc) C;\nđ) D;\nđ) E;\ne) F;\n) G\n„2. H\nq) I\nb)J\n3.5 | K | L, | Cam kết phối hợp | Nội dung\nm | n")
	f.Add("STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn\n1 | A. | Sở B và | Sở C, | Quý I năm\nD | E | 2026\nF\n2 | g h | Sở I | Năm 2027\nj | K và\nL")
	// i17-set3b/i17-set3brev: quoted provisions grafted as items — an
	// article heading announcing its quote, a quote nested in a quote, a
	// quote running to the end of the body, "Điều 5a", a quote in a
	// letter's text, slogans in a plan, straight quotes.
	f.Add("Điều 1. Sửa đổi, bổ sung Điều 3 như sau:\n“Điều 3. A\nb c\n1. D\n2. E:\na) F.”\nĐiều 2. Sửa đổi điểm a khoản 1 như sau:\n“1. G:\na) H.”")
	// i24-link2: a colon inside a parenthesis the next line closes, a
	// wrap inside a range of numbers (wrapped: the filler's width).
	f.Add(strings.Repeat("Căn cứ Kế hoạch số 12/KH-SGDĐT ngày 05 tháng 01 năm 2026 của Sở Giáo dục và Đào\n", 21) +
		"1. Các trường phối hợp với Sở (hoặc qua đầu mối là Phòng Giáo dục trung học, gặp đ/c A:\nĐT 09) để x (y:\n(z) w; năm học 2025\n- 2026 gửi về Sở\n- 2027: hoàn thành.")
	f.Add("Điều 1. Sửa đổi như sau:\n1. Sửa đổi Điều 3 như sau:\n“Điều 3. A\n1. Bổ sung khoản 2 như sau:\n“2. B\n“3. C\n2. D.”\nĐiều 2. E\n1. Bổ sung như sau:\n“Điều 5a. F\n1. G\n" + strings.Repeat("2. H\n", 5))
	f.Add("Bộ đề nghị sửa đổi như sau:\n“2. A!\n3. B?”\nI. NHIỆM VỤ\n1. Khẩu hiệu như sau:\n“1. C\n2. D”\n2. Thay thế như sau:\n\"Điều 4. E\nF\n1. G.\"")
	// i18-parse4: articles after the first in a quote, "Điều 5đ.", a
	// heading without a title, "Mục 2a", an agency's name wrapped in a
	// table and in a list.
	f.Add("Điều 1. A\n44. Bổ sung các Điều 5a và 5đ như sau:\n“Mục 2a\nB\nĐiều 5a. C\n1. D\nĐiều 5đ.\n1. E\nĐiều 5b. F\nG.”.\nĐiều 2a. Sửa đổi Điều 9 như sau:\n\"Điều 9. H\n1. I\nĐiều 3. J")
	f.Add("STT | Cơ quan chủ trì | Nội dung | Thời hạn\n1 | Sở Giáo dục | A b | Quý I\nvà Đào tạo\nC d | Năm 2026\n- Sở Khoa học\nvà Công nghệ: e\n2. Bộ Lao động\n- Thương binh và Xã hội\na) F")
	f.Add("Điều 3. A\n1. B.\nC d.\nE f.\nTrong quá trình thực hiện, nếu có vướng mắc g.\n2. H\nĐiều 4. Bổ sung Điều 9a vào sau Điều 9\n\"Điều 9a. I\n1. J.\nK.\n2. L.\".\nĐiều 5. Sửa đổi khoản 2:\n“2. M\nN.”\n3. Sửa đổi, bổ sung khoản 1\n“1a. Bổ sung Điều 2a như sau:\nĐiều 2a. O\n1. P.”")
	// i19-stableid: fallback IDs — forms under unnumbered headings in an
	// appendix, a section numbering twice, unnumbered sections only.
	f.Add(formsBody)
	f.Add(twiceBody)
	f.Add(unnumberedBody)
	// i21-attr: attribute lines (one going on in lower case, one a form's
	// blank), a long title in a list of titles, a list starting again
	// after a lead-in and a "Về …," part, bullets between statements.
	f.Add("II. A\n1. B\n- C.\nĐơn vị chủ trì: Sở D.\nĐơn vị phối hợp: E,\nf g.\nThời gian thực hiện: Quý I.\n- H.\n- Thời hạn: …\n2. I j k l m n o p q r s t u v w x y\nZ.\nSản phẩm: Z")
	f.Add("Về A:\n1. B.\n2. C.\nVề nhiệm vụ, giải pháp, D:\n1. E\n- F.\nG.\n- H.\nVề tổ chức thực hiện, I.\nJ.\nVề kinh phí, K.\n1. L")
	// i21-link2: a wrapped body's title list and lead-in over two lines.
	f.Add(wrappedPreamble + "Về nhiệm vụ, giải pháp, Kết luận đề ra 3 nhóm nhiệm vụ trọng tâm. Cụ\nthể là:\n1. A b\n- C.\n2. D e f g h i k l m n o p q r s t u v x y\nz\nE.\nVề tổ chức thực hiện, F\ng:\n1. H")
	f.Fuzz(func(t *testing.T, body string) {
		o := Parse(body)
		seen := map[string]bool{}
		for i, it := range o.Items {
			if seen[it.ID] {
				t.Fatalf("duplicate item ID %q", it.ID)
			}
			if it.Quoted != strings.Contains(it.ID, quoteMark) || strings.HasPrefix(it.ID, ".") {
				t.Fatalf("item %q: Quoted %v", it.ID, it.Quoted)
			}
			seen[it.ID] = true
			if it.Parent >= i || it.Section >= len(o.Sections) {
				t.Fatalf("item %d: parent %d, section %d", i, it.Parent, it.Section)
			}
			if it.Line < 1 || it.Line > strings.Count(body, "\n")+1 {
				t.Fatalf("item %q: line %d out of the body", it.ID, it.Line)
			}
			if utf8.ValidString(body) && !utf8.ValidString(it.Text) {
				t.Fatalf("item %q: invalid UTF-8 text", it.ID)
			}
			if it.Level > maxFuzzLevel {
				t.Fatalf("item %q: level %d: nesting grows with the text", it.ID, it.Level)
			}
			if it.kind == labelPara && !strings.ContainsFunc(it.Text, unicode.IsLetter) {
				t.Fatalf("item %q: a paragraph without a letter", it.ID)
			}
			for k, l := range strings.Split(it.Text, "\n") {
				// A labelled point's own first line is no closing line
				// ("i) Nơi nhận." among the parts of a document, ND
				// 30/2020), as the checker counts (checkOutline).
				labelled := it.kind != labelDash && it.kind != labelPlus && it.kind != labelPara && it.kind != labelRow
				if isClosing(strings.TrimSpace(l)) && (k > 0 || !labelled) {
					t.Fatalf("item %q holds the closing line %q", it.ID, l)
				}
			}
		}
		ids := map[string]bool{}
		for _, p := range o.Passages() {
			if p.ID == "" || p.Text == "" {
				t.Fatalf("empty passage %+v", p)
			}
			if ids[p.ID] {
				t.Fatalf("duplicate passage ID %q", p.ID)
			}
			ids[p.ID] = true
		}
	})
}
