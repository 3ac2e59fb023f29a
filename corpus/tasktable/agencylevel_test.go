package tasktable

import "testing"

// TestAgencyCellLevels: the cell reads a level of government as the
// levels' owner reads a run of them (cite.LevelRunAt): "cấp" is a level
// only before a level noun or a scope ("cấp tỉnh", "cấp trung ương") or
// in "các cấp"; before anything else it is the verb "to grant", the
// task's ("Sở Xây dựng cấp giấy phép …"). A scope goes on a name as a
// level does ("… trực thuộc trung ương", "các cơ quan trung ương"), in
// lower case as in capitals. Lines written for the test (shapes of a
// construction, a land, a police and an aviation text), none from the
// collection.
func TestAgencyCellLevels(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Sở Xây dựng cấp giấy phép xây dựng cho công trình trong khu kinh tế.", "Sở Xây dựng"},
		{"Sở Tài nguyên và Môi trường cấp đổi giấy chứng nhận cho hộ gia đình.", "Sở Tài nguyên và Môi trường"},
		{"Ủy ban nhân dân cấp huyện cấp giấy phép kinh doanh.", "Ủy ban nhân dân cấp huyện"},
		{"Công an cấp xã cấp thẻ căn cước cho công dân.", "Công an cấp xã"},
		{"Sở Giao thông vận tải cấp phép lưu hành xe quá tải.", "Sở Giao thông vận tải"},
		{"Các đơn vị trực thuộc trung ương chủ trì rà soát hồ sơ.", "Các đơn vị trực thuộc trung ương"},
		{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm bố trí quỹ đất.", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"},
		{"Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương chỉ đạo cơ quan chức năng.", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"},
		{"Các cơ quan trung ương chủ trì hướng dẫn nghiệp vụ.", "Các cơ quan trung ương"},
		{"Ủy ban nhân dân tỉnh thành lập Ban Chỉ đạo phòng chống dịch.", "Ủy ban nhân dân tỉnh"},
		{"Người đứng đầu cơ quan trung ương thành lập ban quản lý dự án chuyên ngành.", "Người đứng đầu cơ quan trung ương"},
		{"Ủy ban nhân dân các tỉnh, thành phố thành lập đoàn kiểm tra liên ngành.", "Ủy ban nhân dân các tỉnh, thành phố"},
		{"Bộ trưởng Bộ Y tế phân cấp cho Cục Quản lý dược cấp phép lưu hành.", "Bộ trưởng Bộ Y tế"},
		{"Bộ trưởng Bộ Công Thương phân cấp cho Cục Hóa chất cấp giấy phép sản xuất.", "Bộ trưởng Bộ Công Thương"},
		{"Cục trưởng Cục Quản lý và Phát triển thị trường trong nước có quyền phạt tiền.", "Cục trưởng Cục Quản lý và Phát triển thị trường"},
		// guards: a level after "cấp", every level, a capitalised scope,
		// a level noun's own name, a comma after "các cấp", a name's "Thị",
		// "Trung tâm"
		{"Ủy ban nhân dân cấp tỉnh chủ trì tổ chức thực hiện.", "Ủy ban nhân dân cấp tỉnh"},
		{"Liên minh Hợp tác xã cấp tỉnh phối hợp tuyên truyền.", "Liên minh Hợp tác xã cấp tỉnh"},
		{"Ủy ban nhân dân các cấp chỉ đạo triển khai.", "Ủy ban nhân dân các cấp"},
		{"Chủ tịch Ủy ban nhân dân các cấp, các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành.", "Chủ tịch Ủy ban nhân dân các cấp, các cơ quan, tổ chức"},
		{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chủ trì thực hiện.", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"},
		{"Sở Xây dựng cấp tỉnh hướng dẫn thủ tục.", "Sở Xây dựng cấp tỉnh"},
		{"Ban Chỉ đạo trung ương chủ trì sơ kết.", "Ban Chỉ đạo trung ương"},
		{"Ủy ban nhân dân các tỉnh, thành chủ động rà soát.", "Ủy ban nhân dân các tỉnh, thành"},
		{"Ban Thị đua - Khen thưởng Trung ương chủ trì tổng hợp.", "Ban Thị đua - Khen thưởng Trung ương"}, // i24-levels' worry: "thị" alone is no level
		{"Giám đốc Trung tâm Y tế có trách nhiệm báo cáo.", "Giám đốc Trung tâm Y tế"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
