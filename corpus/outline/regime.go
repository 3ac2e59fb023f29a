package outline

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
)

// regimeWords are the words naming a reporting regime, folded (viet.Fold):
// "chế độ báo cáo", "chế độ thông tin, báo cáo" (with or without the
// comma). The one table of the phrase: a section's heading (sectionKind:
// "IV. CHẾ ĐỘ THÔNG TIN, BÁO CÁO" organises the carrying out) and
// linking's OwnExec (corpus/link: an item keeping the plan's own regime,
// a parent's passage asking for one) read it.
var regimeWords = [][]string{{"che", "do", "bao", "cao"}, {"che", "do", "thong", "tin", "bao", "cao"}}

// NamesReportingRegime reports whether text names a reporting regime
// (regimeWords) anywhere in it, in any case, with or without its tones,
// NFC or NFD.
func NamesReportingRegime(text string) bool {
	f := viet.Fold(text)
	if !strings.Contains(f, "che") || !strings.Contains(f, "do") {
		return false // most texts; the words may stand apart by any space ("chế\u00a0độ")
	}
	ws := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := range ws {
		for _, seq := range regimeWords {
			if i+len(seq) <= len(ws) && slices.Equal(ws[i:i+len(seq)], seq) {
				return true
			}
		}
	}
	return false
}
