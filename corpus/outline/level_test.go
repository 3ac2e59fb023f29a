package outline

import (
	"strings"
	"testing"
)

// TestAgencyWordsLevels: a level of government after an agency's name
// goes on the name whichever level it is, "thị xã" and "thị trấn" as
// "tỉnh" and "thành phố" (cite.LevelAt, cite.LevelWord). Names composed
// for the test.
func TestAgencyWordsLevels(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Ủy ban nhân dân các huyện, thành phố chỉ đạo các phòng chuyên môn.", "Ủy ban nhân dân các huyện, thành phố"},
		{"Ủy ban nhân dân các huyện, thị xã chỉ đạo các phòng chuyên môn.", "Ủy ban nhân dân các huyện, thị xã"},
		{"Ủy ban nhân dân các xã, thị trấn rà soát các hộ nghèo.", "Ủy ban nhân dân các xã, thị trấn"},
		{"Công an các quận, thị xã tăng cường tuần tra.", "Công an các quận, thị xã"},
		{"Ủy ban nhân dân các cấp chỉ đạo rà soát.", "Ủy ban nhân dân các cấp"},
		{"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chỉ đạo.", "Ủy ban nhân dân các tỉnh, thành phố"},
		{"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam phối hợp.", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
		// a syllable of "trung ương", "địa phương" alone is no level
		{"Giám đốc Trung tâm Y tế có quyền:", "Giám đốc Trung tâm Y tế"},
		{"Cơ sở, phương pháp xác định giá dịch vụ", "Cơ sở"},
		// nor "Thị" alone, a name's word
		{"Ban Thị đua - Khen thưởng tỉnh Lào Cai phối hợp.", "Ban Thị đua - Khen thưởng tỉnh Lào Cai"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// TestNameTailLevels: a locality of any level and its place end a
// name's tail at the run's end ("thị trấn" as "tỉnh"); "xã hội" is no
// level.
func TestNameTailLevels(t *testing.T) {
	tests := []struct {
		name, rest string
		want       int
	}{
		{"Ban Tiếp", "công dân tỉnh Hà Giang", 5},
		{"Ban Quản lý", "chợ thị trấn Yên Thế", 5},
		{"Ban Quản lý", "chợ thị xã Sơn Tây", 5},
		{"Ban Quản lý", "chợ thành phố Vinh", 4},
		{"Cục Bảo trợ", "xã hội", 0},
	}
	for _, tt := range tests {
		if got := NameTail(strings.Fields(tt.name), strings.Fields(tt.rest)); got != tt.want {
			t.Errorf("NameTail(%q, %q) = %d, want %d", tt.name, tt.rest, got, tt.want)
		}
	}
}
