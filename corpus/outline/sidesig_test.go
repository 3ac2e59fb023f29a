package outline

import (
	"strings"
	"testing"
)

// TestSideSignature: the closing layout table's row read as one line by
// OCR — a garbled "Nơi nhận:" beside the signature's title — closes the
// body, so the distribution list under it is no item of the last clause.
// Lines written for the test in the shapes OCR gives.
func TestSideSignature(t *testing.T) {
	for line, want := range map[string]bool{
		"ANới nhận: KT. BỘ TRƯỞNG":                                   true,
		"Noơinhậm KT. BỘ TRƯỞNG":                                     true,
		"Nơi kem T Đà TM. CHÍNH PHÙ":                                 true,
		"ơi nhận: TM. ỦY BAN NHÂN DÂN":                               true,
		"Nơi nhân; TL. GIÁM ĐỐC":                                     true,
		"KT. BỘ TRƯỞNG":                                              false, // isSignature's own
		"Giao KT. Giám đốc Sở chủ trì.":                              false, // a sentence
		"3. Nơi nhận: KT. CHỦ TỊCH":                                  false, // a numbered item
		"Nơi nhận | KT. BỘ TRƯỞNG":                                   false, // a row: closingRow's
		"Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh TM. UBND": false,
	} {
		if got := sideSignature(line); got != want {
			t.Errorf("sideSignature(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestSideSignatureCloses(t *testing.T) {
	body := strings.Join([]string{
		"Điều 9. Tổ chức thực hiện",
		"",
		"1. Cục Quản lý giá hướng dẫn các địa phương triển khai Thông tư này.",
		"",
		"2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Tài chính để nghiên cứu, giải quyết./.",
		"",
		"ANới nhận: KT. BỘ TRƯỞNG",
		"- Thủ tướng, các Phó Thủ tướng Chính phủ; :",
		"",
		"- Kiểm toán Nhà nước;",
		"",
		"- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm",
		"hành chính (Bộ Tư pháp);",
		"",
		"- Lưu: VT, QLG.",
		"THỨ TRƯỞNG",
	}, "\n")
	o := Parse(body)
	for _, it := range o.Items {
		if strings.HasPrefix(it.ID, "Đ9.2.") {
			t.Errorf("item %s %q: a recipient read as the clause's item", it.ID, it.Text)
		}
	}
	if len(o.Items) != 2 {
		t.Errorf("%d items, want 2: %+v", len(o.Items), o.Items)
	}
}
