package outline

import (
	"strings"
	"testing"
)

// termsBenchText is a plan's paragraph with citations (written for the
// benchmark), repeated to a page.
var termsBenchText = strings.Repeat("Các sở, ban, ngành triển khai Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về nông nghiệp, nông dân, nông thôn đến năm 2030; rà soát, bổ sung kế hoạch hằng năm, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12.\n", 20)

// BenchmarkScanTerms: the linker's and the outline's term scanner on a
// page with a citation per line; Titled also finds the cited titles.
func BenchmarkScanTerms(b *testing.B) {
	b.Run("plain", func(b *testing.B) {
		b.SetBytes(int64(len(termsBenchText)))
		n := 0
		for b.Loop() {
			ScanTerms(termsBenchText, func(string) { n++ })
		}
	})
	b.Run("titled", func(b *testing.B) {
		b.SetBytes(int64(len(termsBenchText)))
		n := 0
		for b.Loop() {
			ScanTermsTitled(termsBenchText, func(string, bool) { n++ })
		}
	})
}
