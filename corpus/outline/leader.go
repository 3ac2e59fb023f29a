package outline

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// leaderHeads are the heads of actorHeads (the one table of titles) that
// name an issuer's own leader: the Government's, a People's Committee's,
// a Party committee's. A deputy of one ("Phó Thủ tướng", "Phó Chủ tịch
// Ủy ban nhân dân tỉnh", "Phó Bí thư Tỉnh ủy") is a leader the issuer
// assigns to direct (DeputyLeader). "phó thủ tướng" carries its "phó".
var leaderHeads = []string{"phó thủ tướng", "chủ tịch ủy ban nhân dân", "chủ tịch ubnd", "bí thư"}

// DeputyLeader reports whether words (a text's tokens, any case, trailing
// punctuation allowed) open with a deputy leader's title: "phó" and a
// head of leaderHeads, a "thường trực" after "chủ tịch" skipped ("Phó Chủ
// tịch Thường trực UBND tỉnh"); "Phó Thủ tướng Thường trực", "Phó Bí thư
// Thường trực Tỉnh ủy" read as their heads. A deputy of any other head
// ("Phó Giám đốc Sở …") is not the issuer's leader.
func DeputyLeader(words []string) bool {
	if len(words) < 2 || viet.Lower(words[0]) != "phó" {
		return false
	}
	lower := make([]string, 0, 9)
	for _, w := range words[:min(len(words), 9)] { // "phó chủ tịch thường trực ủy ban nhân dân", the longest
		lower = append(lower, strings.TrimRight(viet.Lower(w), ",:;."))
	}
	if len(lower) >= 5 && lower[1] == "chủ" && lower[2] == "tịch" && lower[3] == "thường" && lower[4] == "trực" {
		lower = append(lower[:3:3], lower[5:]...)
	}
	for _, h := range leaderHeads {
		hw := strings.Fields(h)
		at := lower[1:]
		if hw[0] == "phó" {
			at = lower
		}
		if len(at) >= len(hw) && slices.Equal(at[:len(hw)], hw) {
			return true
		}
	}
	return false
}
