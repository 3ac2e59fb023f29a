package outline

import (
	"strings"
	"testing"
)

// TestAgencyNameEnds: an agency's name ends before a word no name holds
// (a modal, an auxiliary, a preposition joining the clause) and before a
// verb that opens the clause, when the capitalised word before it is a
// whole word ("Cục Thuế cần …", "Sở Công Thương xây dựng …"); a name
// keeps a lower-case syllable of its own ("Sở Xây dựng", "Cục Việc làm",
// "Cục Viễn thông" before "báo cáo"). The task table's reading
// (AgencyWords, with the lower-case tail of a Cục, Vụ or Sở); linking's
// ActorWords does not read the rule (actor.go EndsName). Names and lines
// written for the test, across ministries' departments and provincial
// departments.
func TestAgencyNameEnds(t *testing.T) {
	tests := []struct {
		text, agency string
	}{
		// the name ends before a modal or a verb
		{"Cục Thuế cần hướng dẫn người nộp thuế kê khai đúng hạn.", "Cục Thuế"},
		{"Sở Công Thương xây dựng phương án cung ứng điện mùa khô.", "Sở Công Thương"},
		{"Cục Thuế chỉ đạo các chi cục rà soát hóa đơn.", "Cục Thuế"},
		{"Bộ Công Thương đề xuất cơ chế mua bán điện trực tiếp.", "Bộ Công Thương"},
		{"Cục Đường bộ Việt Nam cần khẩn trương khắc phục sạt lở.", "Cục Đường bộ Việt Nam"},
		{"Ngân hàng Nhà nước phải chỉ đạo các tổ chức tín dụng giãn nợ.", "Ngân hàng Nhà nước"},
		{"Cục Dự trữ Nhà nước xây dựng phương án xuất cấp gạo.", "Cục Dự trữ Nhà nước"},
		{"Đài Truyền hình Việt Nam tuyên truyền về phòng, chống dịch.", "Đài Truyền hình Việt Nam"},
		{"Cục Đăng kiểm Việt Nam sẽ công bố danh sách cơ sở đăng kiểm.", "Cục Đăng kiểm Việt Nam"},
		{"Cục Hàng không Việt Nam có trách nhiệm công bố danh mục.", "Cục Hàng không Việt Nam"},
		{"Sở Công Thương đang hoàn thiện dự thảo quy chế.", "Sở Công Thương"},
		{"Cục Thuế được giao tổng hợp số thu.", "Cục Thuế"},
		{"Sở Công Thương nghiên cứu, đề xuất cơ chế hỗ trợ.", "Sở Công Thương"},
		{"Cục Thuế tăng cường kiểm tra hóa đơn điện tử.", "Cục Thuế"},
		{"Sở Công Thương cùng Sở Tài chính kiểm tra giá.", "Sở Công Thương"},
		// the name holds its own lower-case syllables
		{"Sở Xây dựng chủ trì thẩm định thiết kế.", "Sở Xây dựng"},
		{"Sở Xây dựng hạ tầng giao thông nông thôn.", "Sở Xây dựng"},
		{"Cục Viễn thông báo cáo Bộ kết quả triển khai.", "Cục Viễn thông"},
		{"Cục Việc làm chủ trì hướng dẫn chính sách.", "Cục Việc làm"},
		{"Văn phòng Thường trực Ban Chỉ đạo tổng hợp báo cáo.", "Văn phòng Thường trực Ban Chỉ đạo"},
		{"Cục Kết cấu hạ tầng xây dựng tham mưu, đề xuất phương án.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục Xúc tiến thương mại phối hợp tổ chức hội chợ.", "Cục Xúc tiến thương mại"},
		{"Cục Phát triển đô thị hướng dẫn các địa phương.", "Cục Phát triển đô thị"},
		// a comma ends a name's tail
		{"Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả.", "Sở Kế hoạch và Đầu tư"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// TestEndsName: the rule word by word.
func TestEndsName(t *testing.T) {
	tests := []struct {
		prev, words string
		want        bool
	}{
		{"Thuế", "cần hướng dẫn", true},
		{"Thương", "sẽ", true},
		{"Thương", "xây dựng kế hoạch", true},
		{"Thuế", "chỉ đạo các", true},
		{"Viễn", "thông báo cáo", false}, // "Viễn thông" then "báo cáo"
		{"Xây", "dựng chủ trì", false},   // "Xây dựng"
		{"Việc", "làm chủ trì", false},   // "Việc làm"
		{"Ban", "chỉ đạo phòng", false},  // "Ban chỉ đạo": a Ban's name is its work
		{"Ban", "cần báo cáo", true},
		{"Y", "tế", false},
		{"Công", "xây", false}, // the verb's second word does not follow
		{"Thuế", "", true},
		{"Bồi", "thường nhà nước", false}, // "Bồi thường": not "thường xuyên"
		{"Đăng", "kiểm Việt Nam", false},  // "Đăng kiểm": not "kiểm tra"
		{"Người", "có công", false},       // "Người có công": not "có trách nhiệm"
		{"Dự", "báo thời tiết", false},    // "Dự báo": not "báo cáo"
		{"Thương", "để kiểm soát", true},
		{"Thương", "lập danh sách", true},
		{"Thương", "mở rộng mạng", true},
		{"Thương", "trình ủy ban nhân", true},
		{"Công", "trình công cộng", false}, // "Công trình": "trình" ends a name only before another's head
	}
	for _, tt := range tests {
		if got := EndsName(tt.prev, strings.Fields(tt.words)); got != tt.want {
			t.Errorf("EndsName(%q, %q) = %v, want %v", tt.prev, tt.words, got, tt.want)
		}
	}
}
