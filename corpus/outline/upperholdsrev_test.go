package outline

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestUpperHoldsVerbHeading: i27-rev-tasks' review of UpperHoldsVerb's
// heading rule (i27-tasks). A verb a Cục's name holds, then words in
// capitals no lower-case reading settles, is the name's in a heading
// only: the words run to their end, within maxNameTail words, with no
// full stop; after a comma, a full stop or past maxNameTail words they
// are a sentence's clause. Each row fails when its condition is dropped
// (i27-tasks' rows passed without the comma's). Lines written for the
// test; capitals and NFD.
func TestUpperHoldsVerbHeading(t *testing.T) {
	name := []string{"CỤC", "HỢP", "TÁC"}
	tests := []struct {
		rest string
		want bool
	}{
		{"XÂY DỰNG MẠNG LƯỚI CHUYÊN GIA", true},
		{"XÂY DỰNG MẠNG LƯỚI CHUYÊN GIA.", false},
		{"XÂY DỰNG MẠNG LƯỚI CHUYÊN GIA, TỔ CHỨC DIỄN ĐÀN", false},
		{"XÂY DỰNG MẠNG LƯỚI CHUYÊN GIA TRẺ KHU VỰC MIỀN NÚI PHÍA BẮC", false},
	}
	for _, tt := range tests {
		for _, s := range []string{tt.rest, norm.NFD.String(tt.rest)} {
			if got := UpperHoldsVerb(name, strings.Fields(s)); got != tt.want {
				t.Errorf("UpperHoldsVerb(%q, %q) = %v, want %v", name, s, got, tt.want)
			}
		}
	}
}
