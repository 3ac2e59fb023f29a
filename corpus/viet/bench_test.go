package viet

import (
	"strings"
	"testing"
)

// go test -run '^$' -bench . -count 6 ./corpus/viet > new.txt && benchstat old.txt new.txt

var benchText = strings.Repeat("Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 về phát triển kinh tế - xã hội, bảo đảm hoà bình và thuỷ lợi. ", 20)

func BenchmarkTokenizeLowerFold(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Tokenize(benchText, func(t Token) {
			w := benchText[t.Start:t.End]
			_ = Fold(Lower(w))
		})
	}
}

func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = Fold(benchText)
	}
}

func BenchmarkCanon(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = Canon(benchText)
	}
}

// BenchmarkClean: Clean of Vietnamese text that it keeps as it is (the
// stored text of almost every document), against its rune loop and NFKC.
func BenchmarkClean(b *testing.B) {
	for _, tc := range []struct {
		name  string
		clean func(string) string
	}{{"fast", Clean}, {"slow", cleanSlow}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(benchText)))
			for b.Loop() {
				_ = tc.clean(benchText)
			}
		})
	}
}

// BenchmarkTokenize: the tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	n := 0
	for b.Loop() {
		Tokenize(benchText, func(Token) { n++ })
	}
}
