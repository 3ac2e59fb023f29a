package outline

import (
	"strings"
	"testing"
)

// Lines written for the tests of this file, in the shapes of a provincial
// plan's, a ministry decision's, a directive's and a circular's closing
// items; none is from a development set.

func TestReportsDifficulties(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương kịp thời báo cáo Ủy ban nhân dân tỉnh (qua Sở Nông nghiệp và Môi trường) để xem xét, chỉ đạo./.", true},
		{"4. Trong quá trình tổ chức thực hiện nếu phát sinh khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về Cục Thuế để được hướng dẫn.", true},
		{"Quá trình triển khai, nếu có khó khăn vướng mắc, các đơn vị gửi về Văn phòng Bộ để tổng hợp, trình Bộ trưởng xem xét.", true},
		{"Trường hợp có khó khăn, vướng mắc vượt thẩm quyền, Chủ tịch Ủy ban nhân dân cấp xã đề xuất Ủy ban nhân dân tỉnh giải quyết.", true},
		{"c) Nếu có khó khăn, vướng mắc, các trường kiến nghị Sở Giáo dục và Đào tạo để hướng dẫn.", true},
		{"Khi gặp khó khăn, vướng mắc, các hợp tác xã trao đổi với Phòng Kinh tế để được hỗ trợ.", true},
		// Hard-wrapped at 80 columns, as a PDF's text is.
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, ban chuyên môn\nkịp thời báo cáo Ủy ban nhân dân huyện để xem xét, giải\nquyết./.", true},
		// Removing difficulties is a task of its own.
		{"Tập trung tháo gỡ khó khăn, vướng mắc cho doanh nghiệp trong quá trình thực hiện dự án đầu tư.", false},
		{"Kịp thời giải quyết khó khăn, vướng mắc của người dân về thủ tục đất đai, báo cáo kết quả hằng quý.", false},
		{"Trong quá trình thực hiện, các sở chủ động rà soát, tháo gỡ khó khăn, vướng mắc cho nhà đầu tư.", false},
		// A task beside the request.
		{"Sở Tài chính định kỳ báo cáo kết quả thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc báo cáo Ủy ban nhân dân tỉnh.", false},
		// A task stated in the request's own sentence (i23-review3): the
		// agency removes the difficulty, or does more than send it up.
		{"Trường hợp phát sinh vướng mắc trong thủ tục đầu tư, Sở Kế hoạch và Đầu tư chủ trì rà soát, đề xuất sửa đổi quy định cho phù hợp.", false},
		{"Khi có khó khăn, vướng mắc trong chuyển đổi số, Sở Thông tin và Truyền thông hướng dẫn, hỗ trợ các cơ quan và báo cáo Ủy ban nhân dân tỉnh.", false},
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở báo cáo Ủy ban nhân dân tỉnh và chủ động phối hợp Sở Tài chính rà soát, bố trí kinh phí thực hiện các nhiệm vụ.", false},
		{"Nếu có vướng mắc về cơ chế, chính sách, Sở Tư pháp chủ trì xây dựng, đề xuất ban hành quy định thay thế.", false},
		// The request still, its condition or its purpose holding task words.
		{"Nếu có khó khăn, vướng mắc trong quá trình tổ chức thực hiện, các phòng chủ động báo cáo Ủy ban nhân dân huyện xem xét, chỉ đạo.", true},
		{"Trường hợp có vướng mắc phát sinh khi triển khai, các xã kịp thời phản ánh về Phòng Nội vụ để được hướng dẫn, hỗ trợ.", true},
		{"Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về Ban Chỉ đạo tỉnh (qua Sở Nội vụ) để tổng hợp.", true},
		// No report sent up.
		{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở chủ động giải quyết theo thẩm quyền.", false},
		{"Báo cáo khó khăn, vướng mắc trong triển khai Nghị quyết về Văn phòng Chính phủ.", false},
		{"vướng mắc", false},
		{"", false},
	} {
		if got := ReportsDifficulties(c.text); got != c.want {
			t.Errorf("ReportsDifficulties(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

func FuzzReportsDifficulties(f *testing.F) {
	for _, s := range []string{"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo", "1. Nếu có khó khăn vướng mắc", "Khi vướng", "trường hợp vướng mắc thì", "Trường hợp văn bản được viện dẫn\nsửa đổi thì áp dụng", "a\n\nb c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ReportsDifficulties(s) // no panic on any text
		closingClause(s)       // citedReplaced, unwrapped
		if u := unwrapped(s); strings.Count(u, "\n") > strings.Count(s, "\n") {
			t.Errorf("unwrapped(%q) = %q: a line break added", s, u)
		}
	})
}

// TestReportsDifficultiesLine: the request closing an implementing text's
// last article, in the words texts give it; a clause about the same
// matter is none.
func TestReportsDifficultiesLine(t *testing.T) {
	for line, want := range map[string]bool{
		"Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các địa phương phản ánh về Bộ Tư pháp.":              true,
		"Trong quá trình thực hiện Thông tư này, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về Bộ.":            true,
		"Trong quá trình triển khai nếu phát sinh vướng mắc, Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.": true,
		"TRONG QUÁ TRÌNH THỰC HIỆN, NẾU CÓ VƯỚNG MẮC, ĐỀ NGHỊ PHẢN ÁNH VỀ BỘ NỘI VỤ.":                              true,
		"Trong quá trình thực hiện, cơ quan tiếp nhận lưu hồ sơ theo quy định.":                                    false,
		"Trường hợp có vướng mắc trong quá trình thực hiện thì cơ quan chủ trì tổ chức họp.":                       false,
		"Trong thời hạn 05 ngày làm việc, cơ quan giải quyết vướng mắc của người nộp hồ sơ.":                       false,
		"Trong": false,
	} {
		if got := ReportsDifficulties(line); got != want {
			t.Errorf("ReportsDifficulties(%q) = %v, want %v", line, got, want)
		}
	}
}
