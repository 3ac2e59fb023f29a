package outline

import (
	"strings"
	"testing"
)

// TestAgencyTailVerbMakesDocument: a verb a Cục's or Vụ's name holds as
// its work ("xây dựng", "quản lý") opens the clause when what follows it
// is a document (a type of corpus/doctype: "kế hoạch", "đề án",
// "phương án", "hướng dẫn", "báo cáo"): what a task makes, never the
// domain a unit is named for ("Cục Quản lý xây dựng công trình"). The
// name is the words before the verb, wherever it stands, a clause verb
// after it or none. Names and lines written for the test, across
// ministries (foreign relations, agriculture, personnel, construction,
// planning, dykes), none from the collection.
func TestAgencyTailVerbMakesDocument(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế xây dựng kế hoạch triển khai thỏa thuận hợp tác với các nước.", "Cục Hợp tác quốc tế"},
		{"Cục Kinh tế hợp tác xây dựng đề án phát triển hợp tác xã kiểu mới.", "Cục Kinh tế hợp tác"},
		{"Vụ Tổ chức cán bộ xây dựng phương án sắp xếp đơn vị sự nghiệp.", "Vụ Tổ chức cán bộ"},
		{"Cục Quản lý xây dựng công trình xây dựng kế hoạch kiểm tra chất lượng.", "Cục Quản lý xây dựng công trình"},
		{"Cục Phát triển đô thị xây dựng chương trình nâng cấp đô thị quốc gia.", "Cục Phát triển đô thị"},
		{"Cục Trồng trọt xây dựng hướng dẫn kỹ thuật canh tác.", "Cục Trồng trọt"},
		{"Vụ Kế hoạch tài chính xây dựng báo cáo tổng hợp nhu cầu vốn.", "Vụ Kế hoạch tài chính"},
		{"Cục Quản lý đê điều và phòng chống thiên tai xây dựng quy chế phối hợp.", "Cục Quản lý đê điều và phòng chống thiên tai"},
		{"Cục Hợp tác quốc tế quản lý chương trình hợp tác chủ trì đàm phán.", "Cục Hợp tác quốc tế"},
		{"Cục Thi hành án dân sự tỉnh Lào Cai xây dựng kế hoạch thi hành án năm.", "Cục Thi hành án dân sự tỉnh Lào Cai"},
		// guards: a name holding the verb and a domain after it; the
		// verb before the clause's verb; a word that is a type only
		// before a number ("dự án", doctype's Common)
		{"Cục Quản lý xây dựng công trình đề xuất sửa đổi quy chuẩn.", "Cục Quản lý xây dựng công trình"},
		{"Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục Kinh tế xây dựng chủ trì rà soát định mức.", "Cục Kinh tế xây dựng"},
		{"Cục Quản lý thị trường xử lý vi phạm về giá.", "Cục Quản lý thị trường"},
		{"Sở Tài chính xây dựng kế hoạch tài chính năm.", "Sở Tài chính"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}
