package indexer

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// scanFoldLines are real-shaped lines: accents, document numbers (whose
// tokens share the next word's position), punctuation and line breaks.
var scanFoldLines = []string{
	"Về phát triển kinh tế - xã hội tỉnh. Hoà bình, phát triển.",
	"Triển khai Nghị quyết số 154/NQ-CP về kinh tế.",
	"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị định số 12/2020/NĐ-CP",
	"QCVN 01:2021/BXD, Điều 3. Đất đai; đường ĐT.741 (tỉnh Bình Phước)",
	"",
	"   \n\n ... ;;",
	"Điều 12. Chế độ tiền lương của cán bộ, công chức",
	"  Điều 5a. Phạm vi điều chỉnh Điều 7",
}

// streamOf is the analyzer's stream as "term@pos" strings.
func streamOf(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = fmt.Sprintf("%s@%d", t.Term, t.Position)
	}
	return out
}

func scanOf(text string) []string { return scanWith(ScanFold, text) }

func scanWith(scan func(string, func([]byte, int)), text string) []string {
	var out []string
	scan(text, func(term []byte, pos int) { out = append(out, fmt.Sprintf("%s@%d", term, pos)) })
	return out
}

// checkScanFold fails when ScanFold's terms and positions differ from the
// folded analyzers' streams (body_f's since layout 13, and the positional
// analyzer body_f had before it).
func checkScanFold(t *testing.T, text string) {
	t.Helper()
	got := scanOf(text)
	for _, a := range []analysis.Analyzer{viAnalyzer{term: foldTerm}, noOffsets{viAnalyzer{term: foldTerm}}} {
		want := streamOf(a.Analyze([]byte(text)))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("ScanFold(%q) = %v, the analyzer gives %v", text, got, want)
		}
	}
	// the folded title's (title_f's since layout 15, and the positional
	// analyzer title_f had before it)
	got = scanWith(ScanTitleFold, text)
	for _, a := range []analysis.Analyzer{titleAnalyzer{viAnalyzer{term: foldTerm}}, noOffsets{titleAnalyzer{viAnalyzer{term: foldTerm}}}} {
		want := streamOf(a.Analyze([]byte(text)))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("ScanTitleFold(%q) = %v, the analyzer gives %v", text, got, want)
		}
	}
}

func TestScanFold(t *testing.T) {
	for _, l := range scanFoldLines {
		checkScanFold(t, l)
	}
	if got := scanOf("Hoà bình, 154/NQ-CP phát"); len(got) < 4 || got[0] != "hoa@1" || got[1] != "binh@2" {
		t.Errorf("ScanFold: %v, want hoa@1 binh@2 …", got)
	}
	if got := scanWith(ScanTitleFold, "Điều 12. Chế độ"); fmt.Sprint(got) != "[che@3 do@4]" {
		t.Errorf("ScanTitleFold: %v, want [che@3 do@4]", got)
	}
}

func FuzzScanFold(f *testing.F) {
	for _, l := range scanFoldLines {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, text string) { checkScanFold(t, text) })
}
