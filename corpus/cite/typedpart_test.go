package cite

import (
	"reflect"
	"testing"
)

// TestTypedParts: a provision cited by its document's type alone, without
// a number. Lines written for the test, in the style of a Thông tư and a
// Kế hoạch implementing a Nghị định.
func TestTypedParts(t *testing.T) {
	tests := []struct {
		text string
		want []TypedPart
	}{
		{"Các đối tượng quy định tại khoản 1 và khoản 2 Điều 38 của Nghị định được hưởng chế độ.",
			[]TypedPart{{Type: "Nghị định", Part: "khoản 1 và khoản 2 Điều 38"}}},
		{"Mức chi theo quy định tại điểm a khoản 2 Điều 5 Nghị định như sau:",
			[]TypedPart{{Type: "Nghị định", Part: "điểm a khoản 2 Điều 5"}}},
		{"Thực hiện theo Điều 4 của Nghị định này.",
			[]TypedPart{{Type: "Nghị định", Part: "Điều 4", Own: true}}},
		{"Lập dự toán theo khoản 2 Điều 5 Luật Ngân sách nhà nước.",
			[]TypedPart{{Type: "Luật", Part: "khoản 2 Điều 5", Name: "Ngân"}}},
		// numbered: ParseRefs' reference, not this
		{"Mức chi quy định tại khoản 2 Điều 4 Nghị định số 20/2025/NĐ-CP.", nil},
		{"Mức chi quy định tại khoản 2 Điều 4 Nghị định 20/2025/NĐ-CP.", nil},
		// no provision before the type, or a type word in lower case (a verb)
		{"Triển khai thực hiện Nghị định về chính sách tinh giản biên chế.", nil},
		{"Căn cứ khoản 2 Điều 4, Sở Nội vụ quyết định danh sách.", nil},
		{"Chương II của Nghị định quy định về thủ tục.", nil},
	}
	for _, tt := range tests {
		if got := TypedParts(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TypedParts(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func FuzzTypedParts(f *testing.F) {
	f.Add("Các đối tượng quy định tại khoản 1 và khoản 2 Điều 38 của Nghị định được hưởng chế độ.")
	f.Add("Thực hiện theo Điều 4 của Nghị định này.")
	f.Add("khoản Điều Nghị định")
	f.Fuzz(func(t *testing.T, s string) {
		for _, tp := range TypedParts(s) {
			if tp.Type == "" || len(Loci(tp.Part)) == 0 {
				t.Errorf("TypedParts(%q): %+v without a type or a locus", s, tp)
			}
		}
	})
}

// BenchmarkTypedParts measures the reader on the test's lines, as the
// linker calls it once per plan item.
//
//	go test ./corpus/cite -run '^$' -bench TypedParts
func BenchmarkTypedParts(b *testing.B) {
	lines := []string{
		"Các đối tượng quy định tại khoản 1 và khoản 2 Điều 38 của Nghị định được hưởng chế độ.",
		"Mức chi quy định tại khoản 2 Điều 4 Nghị định số 20/2025/NĐ-CP.",
		"Triển khai thực hiện Nghị định về chính sách tinh giản biên chế.",
		"Sở Nội vụ chủ trì, phối hợp với các sở, ngành tổ chức tập huấn cho cán bộ cấp xã trong quý II năm 2026.",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			TypedParts(l)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/line")
}
