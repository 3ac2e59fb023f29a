package outline

import (
	"strings"
	"testing"
)

// TestAgencyTailDocumentVerb: a type of document that is also a task verb
// ("hướng dẫn", "báo cáo") after a verb a Cục's or Vụ's name holds is
// the clause's verb when it addresses someone — another agency's head,
// "các …", "cho …", "việc …" — and the held verb then ends the name ("Cục
// Kinh tế xây dựng hướng dẫn các địa phương …": the unit is "Cục Kinh tế
// xây dựng"); a document's name takes no addressee ("Cục Trồng trọt xây
// dựng hướng dẫn kỹ thuật …": the task makes a guide). Lines written for
// the test in the shapes of construction, transport and agriculture
// texts, none from the collection.
func TestAgencyTailDocumentVerb(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Kinh tế xây dựng hướng dẫn các địa phương lập dự toán chi phí.", "Cục Kinh tế xây dựng"},
		{"Cục Quản lý hoạt động xây dựng hướng dẫn Sở Xây dựng các tỉnh cấp chứng chỉ.", "Cục Quản lý hoạt động xây dựng"},
		{"Cục Kết cấu hạ tầng xây dựng báo cáo Bộ trưởng kết quả rà soát.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Vụ Vật liệu xây dựng hướng dẫn việc áp dụng quy chuẩn kỹ thuật.", "Vụ Vật liệu xây dựng"},
		{"Cục Kinh tế xây dựng báo cáo Bộ Xây dựng tình hình giá vật liệu.", "Cục Kinh tế xây dựng"},
		{"Cục Quản lý hoạt động xây dựng hướng dẫn cho các chủ đầu tư.", "Cục Quản lý hoạt động xây dựng"},
		// guards: the document a task makes, no addressee after it
		{"Cục Trồng trọt xây dựng hướng dẫn kỹ thuật canh tác lúa.", "Cục Trồng trọt"},
		{"Cục Thủy sản xây dựng báo cáo đánh giá nguồn lợi hải sản.", "Cục Thủy sản"},
		{"Cục Đường thủy nội địa xây dựng kế hoạch nạo vét luồng.", "Cục Đường thủy nội địa"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}
