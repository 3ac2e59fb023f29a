package tasktable

import (
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestTextSum: one item as a page and a file's conversion give it agrees
// (quotes, dashes, case, line breaks, marks spelled apart); another item,
// or the same words in another order, does not. Lines written for the test.
func TestTextSum(t *testing.T) {
	same := [][2]string{
		{"Sở Y tế chủ trì, phối hợp với UBND các huyện tổ chức tiêm chủng mở rộng.",
			"Sở Y tế chủ trì , phối hợp với UBND các huyện\ntổ chức tiêm chủng mở rộng"},
		{"Tuyên truyền “Ngày hội đọc sách” – hoàn thành trong Quý II/2026.",
			"Tuyên truyền \"Ngày hội đọc sách\" - hoàn thành trong Quý II/2026"},
		{"Rà soát, đánh giá hiện trạng hạ tầng thủy lợi", "RÀ SOÁT, ĐÁNH GIÁ HIỆN TRẠNG HẠ TẦNG THỦY LỢI"},
		{"Xây dựng kế hoạch phòng, chống thiên tai", "Xây dựng kế hoạch phòng, chống thiên tai"}, // NFC and NFD both fold
	}
	for _, p := range same {
		if a, b := TextSum(p[0]), TextSum(p[1]); a != b || a == 0 {
			t.Errorf("TextSum(%q) = %d, TextSum(%q) = %d: want equal, non-zero", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"Sở Y tế chủ trì tổ chức tiêm chủng.", "Sở Y tế phối hợp tổ chức tiêm chủng."},
		{"Báo cáo kết quả trước ngày 15/12/2026.", "Báo cáo kết quả trước ngày 15/11/2026."},
		{"kiểm tra, rà soát", "rà soát, kiểm tra"},
	}
	for _, p := range differ {
		if TextSum(p[0]) == TextSum(p[1]) {
			t.Errorf("TextSum(%q) = TextSum(%q): want different", p[0], p[1])
		}
	}
	if got := TextSum(" – ."); got != 0 {
		t.Errorf("TextSum of no words = %d, want 0", got)
	}
	long := "Phối hợp với các sở, ngành, địa phương triển khai đồng bộ các giải pháp bảo đảm an toàn giao thông trên các tuyến quốc lộ, tỉnh lộ, đường đô thị và đường giao thông nông thôn; tăng cường tuần tra, kiểm soát, xử lý nghiêm các hành vi vi phạm"
	if TextSum(long) != TextSum(long+"\nTrang 3/12") {
		t.Error("a page footer past the first words tells one item apart")
	}
}

// TestSameDocumentTexts: a file that wraps an article (same number,
// issuer, date) and whose headings the parser reads otherwise — other
// task IDs — is one document with it when most of its tasks' texts are
// the article's; an annex file of its own tasks is not. Plans described
// for the test.
func TestSameDocumentTexts(t *testing.T) {
	key := func(id, text string) TaskKey { return TaskKey{ID: id, Sum: TextSum(text)} }
	tasks := []string{
		"Sở Nông nghiệp và Môi trường chủ trì rà soát các hồ chứa xung yếu trước mùa mưa lũ.",
		"Sở Xây dựng kiểm tra hệ thống tiêu thoát nước tại các khu đô thị.",
		"UBND các xã, phường xây dựng phương án sơ tán dân tại vùng sạt lở.",
		"Đài Phát thanh và Truyền hình tỉnh đưa tin kịp thời về diễn biến thời tiết.",
	}
	article := []TaskKey{key("II.1", tasks[0]), key("II.2", tasks[1]), key("II.3", tasks[2]), key("III.1", tasks[3])}
	// the PDF lost the roman numerals: its items are numbered under other sections
	file := []TaskKey{key("1.1", tasks[0]), key("1.2", tasks[1]+"\n"), key("1.3", "UBND các xã, phường xây dựng phương án sơ tán dân tại vùng sạt lở"), key("2.1", "Kết thúc.")}
	annex := []TaskKey{key("PL.1", "Cải tạo bến thuyền ven hồ."), key("PL.2", "Xây dựng nhà trưng bày nghề dệt."), key("PL.3", "Nâng cấp đường vào khu di tích.")}
	doc := func(id, file, parent string) *TaskDoc {
		return &TaskDoc{DocRef: link.DocRef{ID: id, Number: "17/KH-UBND", File: file}, Published: "2026-04-02", Site: "tinh", Issuer: "UBND tỉnh Phú An", Parent: parent}
	}
	art, pdf, pl := doc("art", "", ""), doc("pdf", "kh17.pdf", "art"), doc("pl", "kh17-pl.pdf", "art")
	tests := []struct {
		name   string
		a, b   *TaskDoc
		at, bt []TaskKey
		want   bool
	}{
		{"the file, other headings, the same tasks", art, pdf, article, file, true},
		{"the file, not linked to the article, same date and issuer", art, doc("pdf2", "kh17.pdf", ""), article, file, true},
		{"an annex of its own tasks", art, pl, article, annex, false},
		{"an annex of its own tasks and one of the article's", art, pl, article, append([]TaskKey{key("PL.0", tasks[3])}, annex...), false},
		{"texts unknown (a table of an older version)", art, pdf, idKeys([]string{"II.1", "II.2"}), idKeys([]string{"1.1", "1.2"}), false},
		{"one task of three in common", art, pdf, article[:3], []TaskKey{file[0], key("1.2", "Khác một."), key("1.3", "Khác hai.")}, false},
	}
	for _, tt := range tests {
		if got := SameDocument(tt.a, tt.b, tt.at, tt.bt); got != tt.want {
			t.Errorf("%s: SameDocument = %v, want %v", tt.name, got, tt.want)
		}
		if got := SameDocument(tt.b, tt.a, tt.bt, tt.at); got != tt.want {
			t.Errorf("%s (swapped): SameDocument = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// BenchmarkTextSum: the fingerprint of one task's text, computed for
// every task a table stores (TaskKey.Sum).
func BenchmarkTextSum(b *testing.B) {
	text := "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã, phường rà soát các hồ chứa xung yếu, " +
		"xây dựng phương án bảo đảm an toàn đập trước mùa mưa lũ, báo cáo UBND tỉnh trước ngày 15/9/2026."
	b.ReportAllocs()
	for b.Loop() {
		if TextSum(text) == 0 {
			b.Fatal("no sum")
		}
	}
}
