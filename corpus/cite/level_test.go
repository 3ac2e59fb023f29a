package cite

import (
	"strings"
	"testing"
)

func TestLevelAt(t *testing.T) {
	tests := []struct {
		lower string
		at    int // LevelAt
		run   int // LevelRunAt
	}{
		{"tỉnh bắc ninh", 1, 1},
		{"thành phố cần thơ", 2, 2},
		{"thị xã sơn tây", 2, 2},
		{"thị trấn yên thế", 2, 2},
		{"xã", 1, 1},
		{"phường 3", 1, 1},
		{"xã hội", 0, 0},  // society
		{"thị đua", 0, 0}, // "Ban Thị đua": a name
		{"thành", 0, 1},   // "các tỉnh, thành"
		{"các huyện", 0, 1},
		{"cấp xã", 0, 1},
		// "cấp" is a level only before a level noun or a scope, or in
		// "các cấp" (every level); before anything else it is the verb
		// "to grant" ("Sở Xây dựng cấp giấy phép …")
		{"cấp huyện", 0, 1},
		{"cấp trung ương", 0, 1},
		{"các cấp", 0, 2},
		{"các cấp ủy", 0, 2}, // the Party committees of every level
		{"cấp giấy phép xây dựng", 0, 0},
		{"cấp phép", 0, 0},
		{"cấp kinh phí", 0, 0},
		{"cấp", 0, 0},
		{"các tỉnh", 0, 1},
		{"thành lập ban chỉ đạo", 0, 0},  // the verb to found: "Ủy ban nhân dân tỉnh thành lập …"
		{"thành viên ban chỉ đạo", 0, 0}, // member: "Các bộ, ngành thành viên …", "các tỉnh thành viên Hội đồng vùng"
		{"thành ủy", 0, 1},               // "tỉnh ủy, thành ủy": the task table reads "ủy" after it
		{"thành chủ động rà soát", 0, 1}, // "các tỉnh, thành chủ động …"
		{"thành công bố danh mục", 0, 1}, // "các tỉnh, thành công bố …"
		{"trung ương", 0, 2},
		{"địa phương", 0, 2},
		{"trung tâm", 0, 0},
		{"phương pháp", 0, 0},
		{"sở y tế", 0, 0},
		{"", 0, 0},
	}
	for _, tt := range tests {
		lower := strings.Fields(tt.lower)
		if got := LevelAt(lower); got != tt.at {
			t.Errorf("LevelAt(%q) = %d, want %d", tt.lower, got, tt.at)
		}
		if got := LevelRunAt(lower); got != tt.run {
			t.Errorf("LevelRunAt(%q) = %d, want %d", tt.lower, got, tt.run)
		}
	}
}

// TestLevelsFolded: an issuer's levels are the table's, folded, two-word
// ones first (matchIssuer takes the first that matches).
func TestLevelsFolded(t *testing.T) {
	want := "thanh pho=thành phố thi xa=thị xã thi tran=thị trấn tinh=tỉnh huyen=huyện quan=quận xa=xã phuong=phường"
	var got []string
	for _, l := range levels {
		got = append(got, l.words+"="+l.name)
	}
	if g := strings.Join(got, " "); g != want {
		t.Errorf("levels = %q, want %q", g, want)
	}
	for _, w := range []string{"tỉnh", "thành", "phố", "thị", "trấn", "các", "cấp"} {
		if !LevelWord(w) {
			t.Errorf("LevelWord(%q) = false", w)
		}
	}
	for _, w := range []string{"trung", "phương", "hội", "sở"} {
		if LevelWord(w) {
			t.Errorf("LevelWord(%q) = true", w)
		}
	}
}
