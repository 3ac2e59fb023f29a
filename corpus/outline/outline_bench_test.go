package outline

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// BenchmarkParseOutline parses the fourteen documents of the development
// set (../shared/data/plans) and their passages, what linking does for a
// plan and its parents when the outline cache is cold; it reports the
// bytes of body parsed per CPU-second as MB/s.
func BenchmarkParseOutline(b *testing.B) {
	docs := readPlans(b, shared.Path(b, "data", "plans"))
	size := 0
	for _, d := range docs {
		size += len(d.body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		items = 0
		for _, d := range docs {
			o := Parse(d.body)
			items += len(o.Items) + len(o.Passages())
		}
	}
	b.ReportMetric(float64(items), "items+passages")
}

// BenchmarkParseOutlineLayouts parses 2 MB bodies each made of one layout
// of i17-parse2, i17-parserev and i17-parse3 repeated (the worst case of each rule's
// look-ahead and of the ID search): quoted amendments never or always
// closed, roman lists, letter headings with a dash, PDF-split task
// rows, "3," numbers, long roman runs, legends. The cost must stay linear:
// compare ns/op across layouts and against BenchmarkParseOutline's MB/s.
func BenchmarkParseOutlineLayouts(b *testing.B) {
	layouts := []struct{ name, unit string }{
		{"quote-open", "1. Sửa đổi, bổ sung khoản 1 như sau:\n\"1. Cơ sở dữ liệu gồm các thông tin\n"},
		{"quote-closed", "1. Sửa đổi, bổ sung khoản 1 như sau:\n\"1. Cơ sở dữ liệu gồm các thông tin.\"\n"},
		{"quote-plan", "I. NHIỆM VỤ\n1. Bổ sung nhiệm vụ như sau:\n\"Tăng cường chuyển đổi số\n2. Sở Tài chính chủ trì.\n"},
		{"roman-list", "i) Nhà siêu cao tầng;\nii) Công trình thi công quy mô lớn;\n(i) Rà soát quy hoạch;\n(ii) Bố trí vốn đối ứng;\n"},
		{"letter-dash", "A- Nhóm vật liệu không kim loại\n1. Cát vàng.\n2. Đá dăm.\nB- Nhóm vật liệu kim loại\nC - Chi phí vận chuyển\n"},
		{"split-rows", "STT | Nội dung | Cơ quan chủ trì | Thời hạn\n1 | Xây dựng kế hoạch triển khai trên địa | Sở Khoa học và | Quý I/2025\nbàn tỉnh | Công nghệ\n2\nlên kế hoạch chung\n"},
		{"comma-numbers", "1. Mục tiêu chung.\n2. Hỗ trợ các hộ nghèo.\n3, Cơ quan có thẩm quyền cấp giấy phép.\n"},
		{"roman-run", "XL. NỘI DUNG\nXLI. NỘI DUNG\nL. Nội dung\nX - Số lần nộp tiền;\nIV - V\n"},
		{"closing-cell", "A | Nơi nhận\n1. Tổ chức thực hiện.\n"},
		// i17-parse3: OCR-misread letters and damaged labels, cells wrapped
		// into the columns left open, in a narrow and a 27-column table
		// (a wrap of 13 cells: the placing is a dynamic program, not a
		// search of the C(26, 13) placings).
		{"misread-letters", "1. Các trường hợp:\na) Thứ nhất;\nb) Thứ hai;\nc) Thứ ba;\nđ) Thứ tư;\nđ) Thứ năm;\n) Thứ sáu;\n„2. Hồ sơ.\nb)Bản sao.\n"},
		{"wrapped-cells", "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn\n1 | Xây dựng kế hoạch. | Sở Khoa học và | Sở Tài chính, | Giai đoạn 2026 -\nCông nghệ | Sở Nội vụ | 2027\nCông nghệ\n"},
		{"wrapped-wide", "STT | Nội dung | Cơ quan chủ trì" + strings.Repeat(" | Cột", 24) + "\n1 | Rà soát quy hoạch | Sở Khoa học và" + strings.Repeat(" | a", 24) + "\n" + strings.TrimPrefix(strings.Repeat(" | b", 13), " | ") + "\n"},
		// Quoted provisions grafted as items (planquote.go): an article
		// heading announcing its quote, and one quote of a hundred
		// articles (its lines up to maxQuoteLines), each read twice.
		{"quote-heading", "Điều 1. Sửa đổi, bổ sung Điều 3 như sau:\n“Điều 3. Phạm vi\n1. Cơ sở dữ liệu gồm các thông tin.\n2. Sở Tài chính chủ trì.”\n"},
		{"quote-articles", "Điều 1. Sửa đổi, bổ sung như sau:\n“" + strings.Repeat("Điều 3. Phạm vi\n1. Cơ sở dữ liệu gồm các thông tin.\n", 100) + "Điều 4. Hồ sơ.”\n"},
		// i17-parse3rev: the worst case for wrapRow — a 27-column row every
		// cell of which dangles, then many short lines, each a wrap tried
		// against all the open columns (linear in lines × columns).
		{"wrapped-many", "STT | Nội dung | Cơ quan chủ trì" + strings.Repeat(" | Cơ quan phối hợp", 24) + "\n1 | Rà soát quy hoạch và | Sở Khoa học và" + strings.Repeat(" | Sở Tài chính và", 24) + "\n" + strings.Repeat("Công nghệ\n", 40)},
		// i21-attr: attribute lines after bullets, a list of long titles
		// each with its paragraph, lead-ins each opening a part (a
		// section each: its anchor is kept, not searched for).
		{"attr-lines", "- Tổ chức tập huấn cho cán bộ.\nĐơn vị chủ trì: Sở Tư pháp.\nĐơn vị phối hợp: Sở Nội vụ; các cơ quan,\nđơn vị liên quan.\nThời gian thực hiện: Hằng năm.\n"},
		{"title-list", "1. Tổ chức nghiên cứu, học tập kinh nghiệm công tác xây dựng chính sách, pháp luật của tỉnh\nTham mưu, đề xuất tổ chức đoàn.\n- Đơn vị chủ trì: Sở Tư pháp.\n"},
		{"lead-in", "Về nhiệm vụ, giải pháp, cụ thể là:\n1. Rà soát quy hoạch.\n- Bố trí vốn.\nCác quy định phải ổn định.\n- Giám sát.\n"},
		// i21-link2: a hard-wrapped body (about 70 columns) of lead-ins
		// over two lines and two-line titles: leadEnd reads ahead.
		{"wrapped-lead-in", "Về nhiệm vụ, giải pháp, Kết luận đề ra các nhiệm vụ trọng tâm sau. Cụ\nthể là:\n1. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh\nhoạt tại các khu dân cư tập trung\nThành lập đoàn kiểm tra liên ngành định kỳ sáu tháng một lần tại các\nxã, phường trên địa bàn tỉnh.\n"},
	}
	for _, l := range layouts {
		body := strings.Repeat(l.unit, 2<<20/len(l.unit))
		b.Run(l.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			items := 0
			for b.Loop() {
				items = len(Parse(body).Items)
			}
			b.ReportMetric(float64(items), "items")
		})
	}
}
