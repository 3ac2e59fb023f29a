package outline

import (
	"strings"
	"testing"
)

// TestAgencyNameTail: a Cục, Vụ or Sở whose name goes on in lower case
// ("Cục Quản lý đê điều …", "Vụ Kế hoạch tài chính …") is named up to the
// task verb that follows its words, when one follows within a few plain
// words; otherwise (no task verb, an adverb or a function word first) the
// capitalised name stands: "Sở Xây dựng hạ tầng giao thông nông thôn." is
// "Sở Xây dựng". Only the task table's reading (AgencyWords) takes the
// tail; linking's ActorWords is unchanged. Lines written for the test.
func TestAgencyNameTail(t *testing.T) {
	tests := []struct {
		text, named string
	}{
		{"Cục Quản lý đê điều và phòng chống thiên tai chủ trì tổng hợp.", "Cục Quản lý đê điều và phòng chống thiên tai"},
		{"Cục Kinh tế hợp tác phối hợp với các địa phương.", "Cục Kinh tế hợp tác"},
		{"Vụ Kế hoạch tài chính tham mưu bố trí kinh phí.", "Vụ Kế hoạch tài chính"},
		{"Sở Giao thông vận tải khẩn trương rà soát.", "Sở Giao thông vận tải"},
		// the capitalised name stands
		{"Sở Xây dựng hạ tầng giao thông nông thôn.", "Sở Xây dựng"},
		{"Sở Y tế chủ trì, phối hợp.", "Sở Y tế"},
		{"Sở Y tế kịp thời chủ trì xử lý.", "Sở Y tế"},
		{"Sở Tư pháp và các sở, ngành phối hợp.", "Sở Tư pháp"},
		{"Cục Hải quan tại các cửa khẩu kiểm tra.", "Cục Hải quan"},
		{"Cục Hải quan các tỉnh phối hợp.", "Cục Hải quan"},
		{"Sở Nội vụ thường xuyên theo dõi.", "Sở Nội vụ"},
		{"Sở Nội vụ hướng dẫn, kiểm tra.", "Sở Nội vụ"},
		{"Sở Tài chính làm đầu mối, tổng hợp.", "Sở Tài chính"},
	}
	for _, tt := range tests {
		toks, named := AgencyWords(tt.text)
		got := strings.TrimRight(strings.Join(toks[:named], " "), ",:;.")
		if got != tt.named {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.named)
		}
		if _, atoks, an := ActorWords(tt.text); strings.Join(atoks[:an], " ") != strings.Join(strings.Fields(tt.text)[:an], " ") || an > named {
			t.Errorf("ActorWords(%q) names %d words, AgencyWords %d", tt.text, an, named)
		}
	}
}
