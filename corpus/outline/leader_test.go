package outline

import (
	"slices"
	"strings"
	"testing"
)

func TestDeputyLeader(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Phó Thủ tướng Chính phủ Lê Văn C chỉ đạo các Bộ.", true},
		{"Phó Thủ tướng Thường trực chủ trì rà soát.", true},
		{"Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách khối nội chính chỉ đạo.", true},
		{"Phó Chủ tịch UBND thành phố Phạm Thị D theo dõi.", true},
		{"Phó Chủ tịch Thường trực UBND tỉnh chỉ đạo các sở, ngành.", true},
		{"PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN TỈNH chỉ đạo.", true},
		{"Phó Bí thư Thường trực Tỉnh ủy chủ trì sơ kết.", true},
		{"Phó Bí thư Huyện ủy, Chủ tịch UBND huyện trực tiếp chỉ đạo.", true},
		{"phó thủ tướng,", true},
		// Deputies of other heads, leaders who are not deputies, no title.
		{"Phó Giám đốc Sở Xây dựng theo dõi tiến độ.", false},
		{"Phó Chủ tịch Hội Nông dân tỉnh phối hợp.", false},
		{"Phó Chủ tịch Thường trực Hội đồng nhân dân tỉnh giám sát.", false},
		{"Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo.", false},
		{"Bí thư Tỉnh ủy chủ trì.", false},
		{"Thủ tướng Chính phủ quyết định.", false},
		{"Phó", false},
		{"Phó Chủ tịch Thường trực", false},
		{"", false},
	} {
		if got := DeputyLeader(strings.Fields(c.text)); got != c.want {
			t.Errorf("DeputyLeader(%q) = %t, want %t", c.text, got, c.want)
		}
	}
}

// TestLeaderHeadsOwned: the leader titles are heads of the actor table,
// not a second list.
func TestLeaderHeadsOwned(t *testing.T) {
	for _, h := range leaderHeads {
		if !slices.Contains(actorHeads, h) {
			t.Errorf("leader head %q is not in actorHeads", h)
		}
	}
}

func FuzzDeputyLeader(f *testing.F) {
	for _, s := range []string{"Phó Chủ tịch Thường trực UBND", "Phó Bí thư", "phó thủ tướng", "Phó Chủ tịch Thường trực"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		DeputyLeader(strings.Fields(s)) // no panic on any text
	})
}
