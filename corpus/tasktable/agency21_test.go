package tasktable

import "testing"

// TestAgencyOpenings: the agency of a task whose sentence opens with a
// purpose ("Để …,") or a summing-up ("Trên đây là …,"), and the addressee
// of a request ("<asker> đề nghị <agency> …": the agency asked, not the
// one asking). Sentences written for the test in the shapes of provincial
// telegrams, a ministry's letter and a steering committee's closing.
func TestAgencyOpenings(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Để bảo đảm an toàn giao thông dịp Tết, Công an tỉnh tăng cường tuần tra, kiểm soát.", "Công an tỉnh"},
		{"Để kịp thời ứng phó với bão số 5, Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng, phương tiện.", "Bộ Chỉ huy Quân sự tỉnh"},
		{"Để triển khai có hiệu quả Kế hoạch này, đề nghị Sở Tài chính bố trí kinh phí.", "Sở Tài chính"},
		{"Trên đây là các nhiệm vụ trọng tâm năm 2027, Ban Chỉ đạo tỉnh đề nghị các đồng chí Giám đốc Sở Y tế, Giám đốc Sở Tài chính quan tâm chỉ đạo thực hiện.",
			"Giám đốc Sở Y tế, Giám đốc Sở Tài chính"},
		{"Trên đây là nội dung chỉ đạo của Ủy ban nhân dân tỉnh, yêu cầu Sở Công Thương triển khai thực hiện.", "Sở Công Thương"},
		{"Để bảo đảm an toàn, cần tăng cường tuần tra.", ""},
		{"Để thực hiện tốt nhiệm vụ. Sở Y tế cấp thẻ.", ""},
	}
	for _, tt := range tests {
		if got := leadAgency(tt.text); got != tt.agency {
			t.Errorf("leadAgency(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
	asked := []struct{ text, agency string }{
		{"Sở Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân các xã, phường tổ chức kiểm tra.", "Ủy ban nhân dân các xã, phường"},
		{"Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh chỉ đạo rà soát nhà ở.", "Ủy ban nhân dân các tỉnh"},
		{"Sở Tài chính chủ trì, đề nghị các sở phối hợp.", "Sở Tài chính"}, // the asker leads; "đề nghị" after a comma
		{"Sở Y tế đề nghị bổ sung kinh phí.", "Sở Y tế"},                   // no agency asked
	}
	for _, tt := range asked {
		if got := askedAgency(tt.text); got != tt.agency {
			t.Errorf("askedAgency(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// TestAgencyGeneric: tasks addressed to everyone the text is sent to, or
// to the heads of agencies in general, name them. Sentences written for
// the test.
func TestAgencyGeneric(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ chủ động phối hợp với địa phương.", "Các cơ quan, đơn vị"},
		{"Các đơn vị tổ chức trực ban nghiêm túc 24/24 giờ.", "Các đơn vị"},
		{"Người đứng đầu cơ quan, đơn vị sử dụng lao động lập danh sách đối tượng.", "Người đứng đầu cơ quan, đơn vị"},
		{"Các cơ quan báo chí tăng cường thông tin.", "Các cơ quan báo chí"},
		{"Các đơn vị hành chính cấp xã mới sau sắp xếp.", ""}, // a noun phrase, no addressee
		{"Bộ trưởng, Thủ trưởng cơ quan ngang Bộ quan tâm chỉ đạo thực hiện.", "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ"},
		{"Bộ Công Thương quan tâm hướng dẫn.", "Bộ Công Thương"},
		{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm phối hợp.", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"}, // the scope read as a level (i25-tasks; i21 stopped at "trực thuộc")
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// TestPartnersGeneral: co-agencies named in general read to their last
// word of a name ("thuộc" before another group ends none). Sentences
// written for the test.
func TestPartnersGeneral(t *testing.T) {
	tests := []struct{ text, partners string }{
		{"Chủ trì, phối hợp với các đơn vị thuộc các sở, ngành và chính quyền địa phương kiểm tra.", "các đơn vị thuộc các sở, ngành"},
		{"Chỉ đạo lực lượng chức năng phối hợp với các đơn vị thuộc các ban, bộ, ngành trung ương xử lý tàu cá vi phạm.", "các đơn vị"},
		{"Phối hợp với các cơ quan liên quan tổ chức thực hiện.", "các cơ quan liên quan"},
		{"Chủ trì, phối hợp với Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương rà soát.", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"},
	}
	for _, tt := range tests {
		if got := partnersIn(tt.text); got != tt.partners {
			t.Errorf("partnersIn(%q) = %q, want %q", tt.text, got, tt.partners)
		}
	}
}

// TestSectionAgencyGeneral: an article naming addressees in general
// ("Trách nhiệm của các cơ quan, đơn vị") gives its clauses no agency:
// each clause or heading under it names its own. Titles written for the
// test.
func TestSectionAgencyGeneral(t *testing.T) {
	tests := []struct{ title, agency string }{
		{"Trách nhiệm của các cơ quan, đơn vị", ""},
		{"Trách nhiệm của các cơ quan, tổ chức trong việc thực hiện chính sách", ""},
		{"Trách nhiệm của các đơn vị", ""},
		{"Trách nhiệm của Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp tỉnh"},
		{"Trách nhiệm của các cơ quan báo chí", "các cơ quan báo chí"},
	}
	for _, tt := range tests {
		if got := sectionAgency(tt.title); got != tt.agency {
			t.Errorf("sectionAgency(%q) = %q, want %q", tt.title, got, tt.agency)
		}
	}
}
