package tasktable

import "testing"

// TestAgencyCellTailDocumentVerb: the cell names a unit whose name ends
// with a verb it holds ("Cục Kinh tế xây dựng") whole before a task verb
// that is also a type of document when that verb addresses someone
// (outline makesDocument); before a document with no addressee the verb
// is the task's. Lines written for the test, none from the collection.
func TestAgencyCellTailDocumentVerb(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Kinh tế xây dựng hướng dẫn các địa phương lập dự toán chi phí.", "Cục Kinh tế xây dựng"},
		{"Cục Kết cấu hạ tầng xây dựng báo cáo Bộ trưởng kết quả rà soát.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục trưởng Cục Quản lý hoạt động xây dựng hướng dẫn việc cấp chứng chỉ hành nghề.", "Cục trưởng Cục Quản lý hoạt động xây dựng"},
		{"Cục Trồng trọt xây dựng hướng dẫn kỹ thuật canh tác lúa.", "Cục Trồng trọt"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
