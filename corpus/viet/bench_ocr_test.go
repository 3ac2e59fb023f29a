package viet

import (
	"fmt"
	"strings"
	"testing"
)

// ocrDigitTexts are long OCR-like texts dense in the shapes the split
// lead, the dot for a dash and the Q read as 9 look at: digits split by
// spaces after "số", a digit run after a split, chains of dotted codes,
// years glued to "9H". Each at two sizes: the same MB/s at both is a
// linear cost.
func ocrDigitTexts() map[string]string {
	unit := map[string]string{
		"split":  "số 1 2 3 4 5 6 7 8 9 số 4 3/2024/QH1 5 Số: 0 5/2 0 2 4 ",
		"run":    "số 1 " + strings.Repeat("2", 200) + " ",
		"dots":   "12/2022/NĐ.CP.QĐ.UBND.NQ.HĐND.TT.BTC ",
		"nine":   "54/201 49H13 54/20149H13 12/2020/9H13 9H9H9H ",
		"tables": "| Số 3 | 15/2024/NĐ-CP | Trang 2 15/2024 | 0243 825 1234 | ngày 1 5/3/2024 ",
	}
	out := map[string]string{}
	for name, u := range unit {
		for _, size := range []int{64 << 10, 1 << 20} {
			out[fmt.Sprintf("%s/%dKB", name, size>>10)] = strings.Repeat(u, size/len(u)+1)[:size]
		}
	}
	return out
}

// BenchmarkTokenizeOCRDigits: the tokenizer on ocrDigitTexts.
func BenchmarkTokenizeOCRDigits(b *testing.B) {
	texts := ocrDigitTexts()
	for _, name := range []string{"split/64KB", "split/1024KB", "run/64KB", "run/1024KB", "dots/64KB", "dots/1024KB", "nine/64KB", "nine/1024KB", "tables/64KB", "tables/1024KB"} {
		s := texts[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			n := 0
			for b.Loop() {
				Tokenize(s, func(Token) { n++ })
			}
		})
	}
}
