package outline

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestHeadWordsLen: a head's words whatever follows them (headNext not
// read: "Giám đốc" alone is no ActorHeadLen head, the word of "Tổng Giám
// đốc" all the same), in every form.
func TestHeadWordsLen(t *testing.T) {
	tests := []struct {
		words []string
		want  int
	}{
		{[]string{"Giám", "đốc"}, 2},
		{[]string{"Bí", "thư"}, 2},
		{[]string{"GIÁM", "ĐỐC", "gửi"}, 2},
		{[]string{"Ủy", "ban", "nhân", "dân", "tỉnh"}, 4},
		{[]string{"Uỷ", "ban", "nhân", "dân"}, 4},
		{[]string{"Nông", "nghiệp"}, 0},
		{[]string{"Công", "Thương"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		for _, ws := range [][]string{tt.words, nfd(tt.words)} {
			if got := HeadWordsLen(ws); got != tt.want {
				t.Errorf("HeadWordsLen(%q) = %d, want %d", ws, got, tt.want)
			}
		}
	}
	if ActorHeadLen([]string{"Giám", "đốc"}) != 0 {
		t.Errorf(`ActorHeadLen("Giám đốc") != 0: the row above tests nothing ActorHeadLen did not`)
	}
}

func nfd(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = norm.NFD.String(w)
	}
	return out
}
