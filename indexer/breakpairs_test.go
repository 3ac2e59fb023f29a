package indexer

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestBreakBigramsCompleteBigrams: every two words at consecutive
// positions of the folded view (body_f) are a pair of the bigram view
// (body_b) or of the view across breaks (body_bk) at the first's
// position, never of both: the condition quoted phrases reject their
// candidates by (search/phrase.go breakPairs). Texts with commas, line
// breaks, brackets, quotes, document numbers (whose key shares the next
// word's position), marks alone, and Vietnamese written as NFD.
func TestBreakBigramsCompleteBigrams(t *testing.T) {
	texts := append(onePassTexts(),
		"Tăng mức lương, cơ sở tính là chỉ số giá.\nMức lương\ncơ sở (mới) “áp dụng” từ 01/7/2024.",
		"Căn cứ Nghị định số 12/2020/NĐ-CP; Quyết định 73-CP: quy định",
		"x \u0301 y, \u0301\u0301 z",
		norm.NFD.String("Ủy ban nhân dân, Hội đồng nhân dân tỉnh; Mặt trận"),
	)
	m := NewMapping()
	for _, text := range texts {
		pairs := map[int]map[string]int{} // position → pair → views holding it
		for _, name := range []string{AnalyzerBigram, AnalyzerBreakBigram} {
			for _, tok := range m.AnalyzerNamed(name).Analyze([]byte(text)) {
				if pairs[tok.Position] == nil {
					pairs[tok.Position] = map[string]int{}
				}
				pairs[tok.Position][string(tok.Term)]++
			}
		}
		words := map[int][]string{} // position → the words' folded terms there
		ScanFold(text, func(term []byte, pos int) {
			if !strings.ContainsAny(string(term), "/-") {
				words[pos] = append(words[pos], string(term))
			}
		})
		for pos, ws := range words {
			for _, a := range ws {
				for _, b := range words[pos+1] {
					if n := pairs[pos][a+" "+b]; n != 1 {
						t.Errorf("%q: %q at %d is in %d of body_b and body_bk, want 1", text, a+" "+b, pos, n)
					}
				}
			}
		}
	}
}
