package cite

import "testing"

// TestDotAfterOtherCode: a "." after a code no type has ends the number
// (doctype.NumberKey, the index's key): "Công văn số 25/SXD.QLN" cites
// 25/SXD, as the index's cites field holds it, not nothing (i27-numkey:
// cite rejected the reference, so the graph had no edge to the document
// numbered 25/SXD the search found). A type's code keeps its dot as a dash;
// a form's code stays no reference. Lines written for the test; numbers
// made up.
func TestDotAfterOtherCode(t *testing.T) {
	tests := []struct {
		in   string
		want []string // LookupKey of each reference
	}{
		{"Thực hiện Công văn số 25/SXD.QLN ngày 20/5/2030 của Sở Xây dựng về việc rà soát nhà chung cư cũ.", []string{"25/sxd"}},
		{"Thực hiện Công văn số 125/UBND.VX ngày 05/3/2030 của Ủy ban nhân dân tỉnh, Sở Y tế ban hành Kế hoạch.", []string{"125/ubnd"}},
		{"Căn cứ Luật Đất đai số 31/2030/QH16.Căn cứ Nghị định số 15/2031/NĐ-CP;", []string{"31/2030/qh16", "15/2031/nd-cp"}},
		{"Căn cứ Nghị định số 15/2031/NĐ.CP ngày 02/3/2031 của Chính phủ;", []string{"15/2031/nd-cp"}},
		{"Kèm theo tờ khai 03/TKDN.ĐK đề nghị đăng ký.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range ParseRefs(tt.in) {
			got = append(got, r.LookupKey())
		}
		if len(got) != len(tt.want) {
			t.Errorf("ParseRefs(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParseRefs(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}
