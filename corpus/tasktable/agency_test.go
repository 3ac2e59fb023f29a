package tasktable

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAgencyNames: official names read whole, to the clause's verb or
// role word, with the lower-case words, dashes and commas they are
// written with, and every co-agency after "phối hợp". The sentences are
// written for the test; the names are those of real agencies (provincial
// departments, ministries, boards, mass organisations), most of them in
// neither the demo nor the dev sets.
func TestAgencyNames(t *testing.T) {
	tests := []struct{ text, agency, partners string }{
		// the lead's cases
		{"Công an tỉnh phối hợp cùng Sở Giao thông vận tải kiểm tra.", "Công an tỉnh", "Sở Giao thông vận tải"},
		{"Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức lễ hội.",
			"Sở Nông nghiệp và Phát triển nông thôn", "Sở Văn hóa, Thể thao và Du lịch"},
		{"Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Giao thông vận tải, Sở Tài chính thực hiện.",
			"Sở Lao động - Thương binh và Xã hội", "Sở Giao thông vận tải, Sở Tài chính"},
		{"Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì, lập hồ sơ mời thầu.", "Ban Quản lý dự án đầu tư xây dựng tỉnh", ""},
		{"Ủy ban nhân dân các huyện, thị xã, thành phố chủ trì, rà soát danh sách hộ nghèo.", "Ủy ban nhân dân các huyện, thị xã, thành phố", ""},
		// the provincial departments
		{"Sở Nội vụ chủ trì tổng hợp kết quả thi đua.", "Sở Nội vụ", ""},
		{"Sở Tư pháp thẩm định dự thảo quyết định.", "Sở Tư pháp", ""},
		{"Sở Kế hoạch và Đầu tư tham mưu bố trí vốn.", "Sở Kế hoạch và Đầu tư", ""},
		{"Sở Tài chính có trách nhiệm cân đối kinh phí.", "Sở Tài chính", ""},
		{"Sở Công Thương hướng dẫn doanh nghiệp xuất khẩu.", "Sở Công Thương", ""},
		{"Sở Xây dựng chủ trì, phối hợp với Sở Tài nguyên và Môi trường rà soát quy hoạch.", "Sở Xây dựng", "Sở Tài nguyên và Môi trường"},
		{"Sở Thông tin và Truyền thông tuyên truyền trên cổng thông tin.", "Sở Thông tin và Truyền thông", ""},
		{"Sở Giáo dục và Đào tạo triển khai chương trình ngoại khóa.", "Sở Giáo dục và Đào tạo", ""},
		{"Sở Y tế chủ trì triển khai tiêm chủng.", "Sở Y tế", ""},
		{"Sở Khoa học và Công nghệ thực hiện đề tài cấp tỉnh.", "Sở Khoa học và Công nghệ", ""},
		{"Sở Văn hóa, Thể thao và Du lịch tổ chức giải chạy.", "Sở Văn hóa, Thể thao và Du lịch", ""},
		{"Sở Ngoại vụ phối hợp với Sở Du lịch, Sở Công Thương xúc tiến đầu tư.", "Sở Ngoại vụ", "Sở Du lịch, Sở Công Thương"},
		{"Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Dân tộc và Tôn giáo thực hiện.", "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"},
		{"Thanh tra tỉnh: kiểm tra việc thực hiện.", "Thanh tra tỉnh", ""}, // a head since i20-agency
		{"Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.", "Văn phòng Ủy ban nhân dân tỉnh", ""},
		// ministries
		{"Bộ Lao động - Thương binh và Xã hội chủ trì xây dựng đề án.", "Bộ Lao động - Thương binh và Xã hội", ""},
		{"Bộ Nông nghiệp và Môi trường phối hợp với Bộ Tài chính, Bộ Kế hoạch và Đầu tư và Ủy ban nhân dân các tỉnh thực hiện.",
			"Bộ Nông nghiệp và Môi trường", "Bộ Tài chính, Bộ Kế hoạch và Đầu tư và Ủy ban nhân dân các tỉnh"},
		{"Bộ Giao thông vận tải chỉ đạo các đơn vị trực thuộc.", "Bộ Giao thông vận tải", ""},
		{"Bộ trưởng Bộ Tài chính chủ trì thẩm định.", "Bộ trưởng Bộ Tài chính", ""},
		// boards, media, forces
		{"Ban Quản lý các khu công nghiệp chủ trì thu hút đầu tư.", "Ban Quản lý các khu công nghiệp", ""},
		{"Đài Phát thanh và Truyền hình tỉnh mở chuyên mục.", "Đài Phát thanh và Truyền hình tỉnh", ""},
		{"Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuần tra.", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", ""},
		{"Bộ Chỉ huy Quân sự tỉnh tổ chức diễn tập phòng thủ.", "Bộ Chỉ huy Quân sự tỉnh", ""},
		{"Công an tỉnh phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh kiểm soát hàng lậu.",
			"Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh"},
		{"Mặt trận Tổ quốc Việt Nam tiếp nhận ý kiến của nhân dân.", "Mặt trận Tổ quốc Việt Nam", ""},
		{"Chủ trì, phối hợp với Sở Y tế, UBND các xã, phường triển khai tiêm chủng.", "", "Sở Y tế, UBND các xã, phường"},
		{"Sở Y tế chủ trì, phối hợp với UBND các xã, phường, thị trấn triển khai tiêm chủng.", "Sở Y tế", "UBND các xã, phường, thị trấn"},
		{"Đề nghị Sở Tài chính; Sở Nội vụ theo dõi.", "Sở Tài chính, Sở Nội vụ", ""}, // two agencies (i20-agency; "Sở Tài chính" before)
		// a name must not swallow the task
		{"Sở Y tế và các đơn vị liên quan triển khai.", "Sở Y tế", ""},
		{"Sở Nội vụ đánh giá, xếp loại cán bộ công chức viên chức hằng năm.", "Sở Nội vụ", ""},
		{"Sở Tài chính, Sở Kế hoạch và Đầu tư bảo đảm kinh phí.", "Sở Tài chính, Sở Kế hoạch và Đầu tư", ""},
		{"Sở Giáo dục và Đào tạo mở rộng mô hình STEM ở các trường.", "Sở Giáo dục và Đào tạo", ""},
		{"Sở Công Thương phối hợp với các doanh nghiệp viễn thông lắp đặt trạm BTS.", "Sở Công Thương", "các doanh nghiệp viễn thông"},
		{"Sở Tài chính xây dựng dự toán ngân sách.", "Sở Tài chính", ""},
		{"Bảo hiểm xã hội tỉnh phối hợp với Ngân hàng Chính sách xã hội tỉnh rà soát.", "Bảo hiểm xã hội tỉnh", "Ngân hàng Chính sách xã hội tỉnh"},
		{"Ban Quản lý khu kinh tế cửa khẩu chủ trì.", "Ban Quản lý khu kinh tế cửa khẩu", ""},
		{"Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo.", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", ""},
		{"Phối hợp với Công an các địa phương lập chốt.", "", "Công an các địa phương"},
		{"Sở Y tế phối hợp với Sở Tài chính và các ban, ngành rà soát.", "Sở Y tế", "Sở Tài chính"},
		{"Cổng Thông tin điện tử tỉnh, Sở Thông tin và Truyền thông đăng tải.", "", ""}, // "Cổng" is no head
		{"Văn phòng Đoàn đại biểu Quốc hội tỉnh tổng hợp.", "Văn phòng Đoàn đại biểu Quốc hội tỉnh", ""},
		{"Liên minh Hợp tác xã tỉnh hỗ trợ thành lập hợp tác xã kiểu mới.", "Liên minh Hợp tác xã tỉnh", ""},
		{"Hội Liên hiệp Phụ nữ tỉnh phối hợp với Tỉnh đoàn, Hội Nông dân tỉnh tuyên truyền.", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn, Hội Nông dân tỉnh"},
		{"Tỉnh đoàn chủ trì tổ chức chiến dịch thanh niên tình nguyện hè.", "Tỉnh đoàn", ""},
		{"Hội Cựu chiến binh tỉnh vận động hội viên.", "Hội Cựu chiến binh tỉnh", ""},
		{"Hội nghị sơ kết được tổ chức vào tháng 6.", "", ""},
		{"Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng và Thái Bình khẩn trương sơ tán dân.", "Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng và Thái Bình", ""},
		{"Ủy ban nhân dân các tỉnh: Chỉ đạo sơ tán dân.", "Ủy ban nhân dân các tỉnh", ""},
		{"UBND tỉnh: Quảng Ninh chỉ đạo.", "UBND tỉnh", ""},
		{"Ban Quản lý Dự án 6 chủ trì, phối hợp với Sở Xây dựng Nghệ An khảo sát.", "Ban Quản lý Dự án 6", "Sở Xây dựng Nghệ An"},
		{"Sở Y tế 3 năm liền dẫn đầu.", "Sở Y tế", ""},
		{"Rà soát, bổ sung quy hoạch vùng nguyên liệu.", "", ""},
		// lists of ministries after "các Bộ" (i20-agency): one agency each
		{"Bộ trưởng các Bộ: Ngoại giao, Công an phối hợp đón tiếp công dân về nước.", "Bộ trưởng Bộ Ngoại giao, Bộ trưởng Bộ Công an", ""},
		{"Các Bộ: Tư pháp, Nội vụ, Khoa học và Công nghệ sớm ban hành hướng dẫn.", "Bộ Tư pháp, Bộ Nội vụ, Bộ Khoa học và Công nghệ", ""},
		{"Các Bộ Giao thông vận tải và Công an: Chỉ đạo lực lượng phân luồng.", "Bộ Giao thông vận tải, Bộ Công an", ""},
		{"Các Bộ: Văn hóa, Thể thao và Du lịch, Ngoại giao quảng bá hình ảnh.", "Bộ Văn hóa, Thể thao và Du lịch, Bộ Ngoại giao", ""},
		{"Các Bộ: Xây dựng, Tài chính hướng dẫn thủ tục.", "Bộ Xây dựng, Bộ Tài chính", ""},
		{"Các Bộ: Nội vụ; Tư pháp; Dân tộc và Tôn giáo rà soát văn bản.", "Bộ Nội vụ, Bộ Tư pháp, Bộ Dân tộc và Tôn giáo", ""},
		{"Các Sở: Y tế, Giáo dục và Đào tạo tổ chức khám sức khỏe học sinh.", "Sở Y tế, Sở Giáo dục và Đào tạo", ""},
		{"Sở Tài chính chủ trì, phối hợp với các Bộ: Công Thương, Ngoại giao làm việc với nhà đầu tư.", "Sở Tài chính", "Bộ Công Thương, Bộ Ngoại giao"},
		{"Bộ trưởng các Bộ: Công Thương, Xây dựng và các bộ, ngành liên quan chỉ đạo.", "Bộ trưởng Bộ Công Thương, Bộ trưởng Bộ Xây dựng, các bộ, ngành liên quan", ""},
		{"Bộ trưởng các Bộ: Y tế, Công an; Chủ tịch Ủy ban nhân dân các tỉnh biên giới chỉ đạo kiểm soát dịch.",
			"Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Công an, Chủ tịch Ủy ban nhân dân các tỉnh", ""},
		{"Các Bộ: Chỉ đạo các đơn vị trực thuộc.", "Các Bộ", ""},                     // a clause after the colon
		{"Các Sở Nông nghiệp nêu trên chủ động phối hợp.", "Các Sở Nông nghiệp", ""}, // one kind, several provinces
		// groups listed with commas
		{"Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ rà soát thủ tục hành chính.", "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", ""},
		{"Các sở, ban, ngành, UBND các huyện, thị xã tổ chức quán triệt.", "Các sở, ban, ngành, UBND các huyện, thị xã", ""},
		{"Các Sở, ban, ngành tỉnh chủ động triển khai.", "Các Sở, ban, ngành tỉnh", ""},
		{"Các sở, tổ chức đoàn thể tuyên truyền.", "", ""}, // a comma and no group word: no list
		{"Đề nghị Bộ Nội vụ; Bộ Tư pháp có ý kiến.", "Bộ Nội vụ, Bộ Tư pháp", ""},
		// heads added to the actor table (i20-agency)
		{"Thanh tra tỉnh chủ trì, phối hợp với Sở Nội vụ thanh tra công vụ.", "Thanh tra tỉnh", "Sở Nội vụ"},
		{"Thanh tra Chính phủ hướng dẫn nghiệp vụ tiếp công dân.", "Thanh tra Chính phủ", ""},
		{"Thanh tra, kiểm tra việc chấp hành quy định về an toàn thực phẩm.", "", ""},
		{"Bảo hiểm xã hội Việt Nam có trách nhiệm chi trả đúng hạn.", "Bảo hiểm xã hội Việt Nam", ""},
		{"Bảo hiểm xã hội, bảo hiểm y tế được mở rộng tới người lao động tự do.", "", ""},
		{"Kho bạc Nhà nước khu vực VII kiểm soát chi theo dự toán.", "Kho bạc Nhà nước khu vực VII", ""},
		{"Kho bạc dữ liệu được lưu trữ tập trung.", "", ""},
		{"Công ty Điện lực Quảng Trị khẩn trương khôi phục lưới điện.", "Công ty Điện lực Quảng Trị", ""},
		{"Tổng công ty Điện lực miền Trung bảo đảm cấp điện.", "Tổng công ty Điện lực miền Trung", ""},
		{"Tập đoàn Bưu chính Viễn thông Việt Nam bảo đảm thông tin liên lạc.", "Tập đoàn Bưu chính Viễn thông Việt Nam", ""},
		{"Liên đoàn Lao động tỉnh phối hợp với Sở Nội vụ chăm lo Tết cho công nhân.", "Liên đoàn Lao động tỉnh", "Sở Nội vụ"},
		{"Liên đoàn bóng đá tổ chức giải.", "", ""},
		{"Thành đoàn tổ chức ra quân tình nguyện.", "Thành đoàn", ""},
		{"Bí thư tỉnh ủy, thành ủy; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ đạo sơ tán dân.",
			"Bí thư tỉnh ủy, thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", ""},
		{"Đồng chí Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân tỉnh trực tiếp chỉ đạo.", "Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân tỉnh", ""},
		{"Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy đảng.", "Tỉnh ủy", ""},
		{"Chánh Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.", "Chánh Văn phòng Ủy ban nhân dân tỉnh", ""},
		{"Các Ban của Tỉnh ủy theo chức năng tham mưu.", "Các Ban của Tỉnh ủy", ""},
		{"Các bản đồ số được cập nhật.", "", ""},
		{"Giao Phó Thủ tướng Chính phủ Nguyễn Văn An chỉ đạo các địa phương.", "Phó Thủ tướng Chính phủ Nguyễn Văn An", ""},
		{"Giao Phó Thủ tướng Chính phủ Trần Văn Bình đi kiểm tra công tác khắc phục.", "Phó Thủ tướng Chính phủ Trần Văn Bình", ""},
		{"Phó Thủ tướng Chính phủ tiếp tục chỉ đạo.", "Phó Thủ tướng Chính phủ", ""},
		{"Bộ trưởng các Bộ: Y tế, Giáo dục và Đào tạo và các Bộ, ngành có liên quan; Chủ tịch Ủy ban nhân dân các tỉnh theo chức năng chỉ đạo.",
			"Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Giáo dục và Đào tạo, các Bộ, ngành có liên quan, Chủ tịch Ủy ban nhân dân các tỉnh", ""},
		{"Sở Y tế và các Sở, ngành liên quan thực hiện.", "Sở Y tế, các Sở, ngành liên quan", ""},
		{"Cục trưởng Cục Thuế có trách nhiệm hướng dẫn người nộp thuế.", "Cục trưởng Cục Thuế", ""},
		{"Giám đốc Sở Y tế chủ trì, phối hợp với Giám đốc Bảo hiểm xã hội tỉnh kiểm tra.", "Giám đốc Sở Y tế", "Giám đốc Bảo hiểm xã hội tỉnh"},
		{"Giám đốc điều hành chịu trách nhiệm.", "", ""},
		{"Đảng uỷ Chính phủ lãnh đạo các bộ, ngành.", "Đảng uỷ Chính phủ", ""}, // the old placing of the tone
		{"Các Ban HĐND tỉnh giám sát việc thực hiện.", "Các Ban HĐND tỉnh", ""},
		{"Các ban chỉ đạo cấp huyện kiện toàn bộ máy.", "", ""},
		{"Bộ Y tế chủ trì, phối hợp với các bộ, ngành liên quan xây dựng đề án.", "Bộ Y tế", "các bộ, ngành liên quan"},
		{"Yêu cầu các Bộ, ngành, địa phương báo cáo kết quả.", "các Bộ, ngành, địa phương", ""},
		{"Chủ trì, phối hợp với các Bộ, cơ quan có liên quan tổng hợp tình hình.", "", "các Bộ, cơ quan có liên quan"},
		{"Sở Y tế có liên quan đến vụ việc.", "Sở Y tế", ""},
		{"Sở Tài chính phối hợp với các sở, ngành có liên quan thẩm định.", "Sở Tài chính", "các sở, ngành có liên quan"},
		{"Sở Xây dựng hạ tầng giao thông nông thôn.", "Sở Xây dựng", ""},
		// a board named with lower-case words
		{"Văn phòng Ban chỉ đạo phòng thủ dân sự tỉnh tổng hợp thiệt hại.", "Văn phòng Ban chỉ đạo phòng thủ dân sự tỉnh", ""},
		{"Ban Chỉ đạo phòng thủ dân sự tỉnh chỉ đạo diễn tập.", "Ban Chỉ đạo phòng thủ dân sự tỉnh", ""},
		{"Ban chỉ đạo kiểm tra tiến độ.", "", ""}, // "chỉ đạo" after "Ban" alone: no name
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
		if got := partnersIn(tt.text); got != tt.partners {
			t.Errorf("partnersIn(%q) = %q, want %q", tt.text, got, tt.partners)
		}
	}
}

// TestLeadAgency: the subject after a lead clause ("Đối với …, các Bộ
// …"); none when the clause ends first or no agency follows. Sentences
// written for the test.
func TestLeadAgency(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Đối với 12 thủ tục cần sửa đổi (danh mục kèm theo, gồm 3 nhóm), các Bộ, cơ quan ngang Bộ khẩn trương rà soát.", "các Bộ, cơ quan ngang Bộ"},
		{"Đối với 5 nhiệm vụ chậm tiến độ, yêu cầu các Bộ: Tài chính; Xây dựng hoàn thành trước ngày 30/6.", "Bộ Tài chính, Bộ Xây dựng"},
		{"Trên cơ sở kết quả rà soát, Sở Nội vụ tham mưu sắp xếp bộ máy.", "Sở Nội vụ"},
		{"Căn cứ tình hình thực tế, Ủy ban nhân dân các xã chủ động bố trí lực lượng.", "Ủy ban nhân dân các xã"},
		{"Trên cơ sở nhiệm vụ được giao, các cơ quan, tổ chức có trách nhiệm lập dự toán.", "các cơ quan, tổ chức"}, // i21-tasks2: "tổ chức" before "có trách nhiệm" is the group's word (agencylist.go orgGroupLen)
		{"Đối với các xã còn diện tích đất lúa: Sở Nông nghiệp và Môi trường hướng dẫn.", ""},
		{"Đối với hộ nghèo. Sở Y tế cấp thẻ.", ""},
		{"Sở Y tế chủ trì, Sở Tài chính phối hợp.", ""},                           // no lead clause: agencyText's
		{"Để bảo đảm an toàn, Công an tỉnh tăng cường tuần tra.", "Công an tỉnh"}, // i21-tasks: a purpose leads too
	}
	for _, tt := range tests {
		if got := leadAgency(tt.text); got != tt.agency {
			t.Errorf("leadAgency(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// FuzzAgencyText: the agencies read are words of the text, in its order,
// and never the whole of a text that goes on after them.
func FuzzAgencyText(f *testing.F) {
	for _, s := range []string{"Sở Y tế chủ trì, phối hợp với Sở Tài chính, UBND các xã, phường thực hiện.",
		"Ủy ban nhân dân các huyện, thị xã, thành phố", "Sở Lao động - Thương binh và Xã hội,", "Bộ , , - và", "Sở -",
		"Bộ trưởng các Bộ: Quốc phòng, Công an; Chủ tịch UBND các tỉnh chỉ đạo.", "Các Bộ, cơ quan ngang Bộ, ngành rà soát.",
		"Để bảo đảm an toàn, Công an tỉnh tuần tra.", "Sở Y tế đề nghị các đồng chí Chủ tịch UBND các xã đề nghị", "Sở X đề nghị",
		"Cục Kết cấu hạ tầng xây dựng tham mưu, đề xuất.", "Sở Kế hoạch và Đầu tư tổng hợp, báo cáo", "Cục Xúc tiến thương mại phối hợp",
		"Cục Hợp tác quốc tế đề xuất", "Ban Tiếp công dân tỉnh Gia Lai phối hợp", "Cục Thuế doanh nghiệp lớn kiểm tra",
		"Sở Xây dựng cấp giấy phép", "Các đơn vị trực thuộc trung ương chủ trì", "Ủy ban nhân dân các cấp, các ngành",
		"Cục Hợp tác quốc tế, Vụ Pháp chế chủ trì", "Vụ Giáo dục thường xuyên và Cục Quản lý chất lượng", "Cục A b và Vụ", "Cục A b,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, got := range []string{agencyText(s), partnersIn(s), leadAgency(s), askedAgency(s)} {
			if got == "" {
				continue
			}
			if strings.HasSuffix(got, ",") || strings.HasPrefix(got, " ") || strings.Contains(got, "  ") {
				t.Errorf("%q read from %q", got, s)
			}
			for _, w := range strings.Fields(got) {
				if !strings.Contains(s, strings.TrimRight(w, ",")) {
					t.Errorf("%q (from %q) has a word not in the text: %q", got, s, w)
				}
			}
		}
	})
}

// BenchmarkAgencyText: the agency and partners of a task (Compute reads
// both for every task without a table column).
//
//	go test ./corpus/tasktable -run '^$' -bench AgencyText -benchmem
func BenchmarkAgencyText(b *testing.B) {
	texts := []string{
		"Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Giao thông vận tải, Sở Tài chính thực hiện.",
		"Ủy ban nhân dân các huyện, thị xã, thành phố chủ trì, rà soát danh sách hộ nghèo.",
		"Rà soát, bổ sung quy hoạch vùng nguyên liệu theo hướng sản xuất hàng hóa tập trung.",
	}
	for b.Loop() {
		for _, s := range texts {
			_ = agencyText(s)
			_ = partnersIn(s)
		}
	}
}

// FuzzExpandAgency: a list of members is expanded into names made of the
// words of the list, each starting with its title and unit, none empty;
// a name with no "các" is left as it is.
func FuzzExpandAgency(f *testing.F) {
	for _, s := range []string{"Bộ trưởng các Bộ: Quốc phòng, Công an", "Các Bộ Xây dựng và Công an",
		"Các Bộ: Văn hóa, Thể thao và Du lịch, Ngoại giao", "Các Sở Nông nghiệp nêu trên", "các Bộ: , và ,", "Các Bộ: và"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := expandAgency(s)
		if !strings.Contains(strings.ToLower(s), "các") && got != s {
			t.Errorf("expandAgency(%q) = %q, want it unchanged", s, got)
		}
		for _, w := range strings.Fields(got) {
			if !strings.Contains(s, strings.TrimRight(w, ",:")) {
				t.Errorf("expandAgency(%q) = %q: %q is not a word of it", s, got, w)
			}
		}
		if got != s && (strings.Contains(got, ", ,") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ")) {
			t.Errorf("expandAgency(%q) = %q: an empty member", s, got)
		}
	})
}
