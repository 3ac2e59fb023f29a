package tasktable

import "testing"

// TestAgencyOrgGroup: "tổ chức" after a comma in a group of addressees is
// the group's word ("các cơ quan, tổ chức"), and after an agency's name
// followed by its object it is the verb ("Sở Y tế, tổ chức kiểm tra"
// never names "tổ chức"). Sentences written for the test in the shapes of
// a circular's closing article, a district's plan and a ministry's letter.
func TestAgencyOrgGroup(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Các cơ quan, tổ chức có trách nhiệm phối hợp cung cấp thông tin.", "Các cơ quan, tổ chức"},
		{"Các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành Quyết định này.", "Các cơ quan, tổ chức có liên quan"},
		{"Các cơ quan, đơn vị, tổ chức, cá nhân có liên quan thực hiện nghiêm.", "Các cơ quan, đơn vị, tổ chức"},
		{"Các sở, ban, ngành, tổ chức chính trị - xã hội tỉnh tuyên truyền.", "Các sở, ban, ngành, tổ chức chính trị - xã hội tỉnh"},
		{"Các đơn vị, tổ chức kiểm tra việc chấp hành.", "Các đơn vị"},        // "tổ chức kiểm tra": the verb
		{"Sở Y tế, tổ chức tập huấn cho cán bộ y tế xã.", "Sở Y tế"},          // the verb after a name
		{"UBND các xã, phường, tổ chức tuyên truyền.", "UBND các xã, phường"}, // the verb
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
	if got := leadAgency("Trên cơ sở nhiệm vụ được giao, các cơ quan, tổ chức có trách nhiệm lập dự toán."); got != "các cơ quan, tổ chức" {
		t.Errorf("leadAgency: %q, want %q", got, "các cơ quan, tổ chức")
	}
}
