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
		// a word with a tone mark after a type's dot is a sentence run
		// into the number, not its code (i29-cite, doctype.NumberKey)
		{"Ban hành kèm theo Quyết định số 208/QĐ.ĐIỀU 1. Phê duyệt Đề án.", []string{"208/qd"}},
		{"BAN HÀNH KÈM THEO CHỈ THỊ SỐ 12/CT.CỦA ỦY BAN NHÂN DÂN TỈNH", []string{"12/ct"}},
		{"Thực hiện Chỉ thị số 12/CT.TƯ của Ban Bí thư;", []string{"12/ct-tu"}},
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

// TestDotAfterOtherCodeDate (i27-rev-numkey): a reference whose number a
// unit's code followed after a dot ("25/SXD.QLN", "1234/BTC.NSNN") takes
// the date and issuer written after that code, as it does after the
// number written with a dash: the reference ended at the dot and read its
// date from there, where ".QLN" stands (a date only when "của" and an
// issuer followed, by another path). A sentence's next word run into the
// number takes no date of a later clause. Lines written for the test;
// numbers made up.
func TestDotAfterOtherCodeDate(t *testing.T) {
	tests := []struct {
		in                string
		key, date, issuer string
	}{
		{"Căn cứ Công văn số 25/SXD.QLN ngày 20/5/2030;", "25/sxd", "2030-05-20", ""},
		{"Thực hiện Công văn số 25/SXD.QLN ngày 20/5/2030 về việc rà soát nhà chung cư cũ.", "25/sxd", "2030-05-20", ""},
		{"Thực hiện Công văn số 1234/BTC.NSNN ngày 03/4/2030;", "1234/btc", "2030-04-03", ""},
		{"THỰC HIỆN CÔNG VĂN SỐ 412/STC.NS NGÀY 10/7/2030 CỦA SỞ TÀI CHÍNH", "412/stc", "2030-07-10", "SỞ TÀI CHÍNH"},
		{"Thuc hien Cong van so 77/SNN.TS ngay 2/2/2030 cua So Nong nghiep.", "77/snn", "2030-02-02", "So Nong nghiep"},
		// the date is the one the number's own would take: none when a
		// word stands between
		{"Công văn số 123/UBND.VX tỉnh đã chỉ đạo ngày 5/3/2030.", "123/ubnd", "", ""},
		// a dot after a later code (i28-refs): "88/KH-UBND.VX" is 88/KH-UBND
		// with the date after the unit's code
		{"Thực hiện Kế hoạch số 88/KH-UBND.VX ngày 02/3/2030 của Ủy ban nhân dân huyện về phòng, chống dịch;", "88/kh-ubnd", "2030-03-02", "UBND huyện"},
		{"Căn cứ Quyết định số 12/QĐ-UBND.KT ngày 15/01/2030;", "12/qd-ubnd", "2030-01-15", ""},
		{"Thực hiện Công văn số 1234/UBND-KT.TH ngày 7/4/2030 về việc báo cáo.", "1234/ubnd-kt", "2030-04-07", ""},
		{"THỰC HIỆN KẾ HOẠCH SỐ 9/KH-SYT.NVY NGÀY 3/3/2030 CỦA SỞ Y TẾ", "9/kh-syt", "2030-03-03", "SỞ Y TẾ"},
		{"Kế hoạch số 88/KH-UBND.VX huyện đã giao ngày 5/3/2030.", "88/kh-ubnd", "", ""},
		{"Theo Kế hoạch số 9/KH-SYT.Ngày 3/3/2030, Sở Y tế đã kiểm tra.", "9/kh-syt", "", ""},
		// i29-cite, both kinds after a later code's dot. A run-in word
		// in Title case (every number.Capital form after a later code
		// in ../shared: four, all "…/NĐ-CP.Điều 45.4…", Pháp điển
		// headings run into a source note) or in capitals with a tone
		// (doctype.UnitCodeEnd) is no code; capitals without a tone
		// ("UBND tỉnh") cannot be told from a unit's code by their
		// letters, and the date look after them meets the sentence's
		// next word
		{"(Điều 5 Nghị định số 43/2030/NĐ-CP.Điều 45.4.NĐ.2.5. Hồ sơ đề nghị cấp phép ngày 3/3/2031)", "43/2030/nd-cp", "", ""},
		{"KẾ HOẠCH SỐ 88/KH-UBND.ĐIỀU 1 NGÀY 02/3/2030", "88/kh-ubnd", "", ""},
		{"Thực hiện Kế hoạch số 88/KH-UBND.UBND tỉnh ngày 02/3/2030 đã giao Sở Y tế.", "88/kh-ubnd", "", ""},
		{"Thực hiện Kế hoạch số 88/KH-UBND.TƯ ngày 02/3/2030;", "88/kh-ubnd", "2030-03-02", ""},
		{"Thực hiện Công văn số 25/SXD.ĐIỀU 5 ngày 20/5/2030;", "25/sxd", "", ""},
	}
	for _, tt := range tests {
		refs := ParseRefs(tt.in)
		if len(refs) != 1 {
			t.Errorf("ParseRefs(%q) = %d references, want 1", tt.in, len(refs))
			continue
		}
		r := refs[0]
		if r.LookupKey() != tt.key || r.Date != tt.date || tt.issuer != "" && r.Issuer != tt.issuer {
			t.Errorf("ParseRefs(%q) = key %q date %q issuer %q, want %q %q %q", tt.in, r.LookupKey(), r.Date, r.Issuer, tt.key, tt.date, tt.issuer)
		}
	}
}
