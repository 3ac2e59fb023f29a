package search

import (
	"strconv"
	"strings"
	"testing"
)

// TestSnippetAt: the offset is where the densest cluster of matched words
// starts in the text (the page of a file is read from it); -1 when nothing
// matched.
func TestSnippetAt(t *testing.T) {
	text := "Giao Sở Tài chính bố trí vốn.\nGiao Ban Quản lý dự án hoàn thành giải phóng mặt bằng cầu Vàm Cống.\nSở Xây dựng theo dõi cầu."
	terms := HighlightTerms(ParseQuery("giai phong mat bang cau"))
	s, at := snippetAt(text, terms, 60)
	if want := strings.Index(text, "giải phóng"); at != want || !strings.Contains(s, "<mark>giải phóng mặt bằng cầu</mark>") {
		t.Errorf("snippetAt = %q, %d; want the cluster at %d", s, at, want)
	}
	if s, at := snippetAt(text, HighlightTerms(ParseQuery("ngân sách")), 60); at != -1 || strings.Contains(s, "<mark>") {
		t.Errorf("no match: %q, %d", s, at)
	}
	if s, at := snippetAt("", terms, 60); s != "" || at != -1 {
		t.Errorf("empty text: %q, %d", s, at)
	}
}

// TestSnippetShowsTheNumber: a search for a document number shows, in the
// snippet of the document carrying it, the number itself ("Số: 380/NQ-CP"),
// not the densest cluster of its parts in other numbers ("số 347/NQ-CP, số
// 11/NQ-CP…"), which hid it: the hit of the number's own document showed
// another number. Lines written for the test.
func TestSnippetShowsTheNumber(t *testing.T) {
	text := "CHÍNH PHỦ\nSố: 380/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\nVề các giải pháp khắc phục hậu quả thiên tai, phục hồi sản xuất.\n" +
		strings.Repeat("Các bộ, ngành và địa phương khẩn trương triển khai, bảo đảm tiến độ và hiệu quả. ", 6) +
		"Thực hiện các Nghị quyết số 347/NQ-CP, số 11/NQ-CP, số 12/NQ-CP và số 20/NQ-CP năm 2025 của Chính phủ.\n" +
		"Nghị định số 112/2020/NĐ-CP và Nghị định số 71/2023/NĐ-CP hết hiệu lực từ ngày 01 tháng 7 năm 2026."
	tests := []struct{ query, want string }{
		{"380/NQ-CP", "<mark>380/NQ-CP</mark>"},
		{"380/nq-cp khắc phục", "<mark>380/NQ-CP</mark>"},
		{"nq 380", "<mark>380</mark>/<mark>NQ</mark>"},
		{"234/2026/NĐ-CP", ""}, // not in the text: no number to show, nothing required
		{"71/2023/NĐ-CP", "<mark>71/2023/NĐ-CP</mark>"},
		// words: the densest cluster, as before
		{"hết hiệu lực", "<mark>hết hiệu lực</mark>"},
	}
	for _, tt := range tests {
		s := Snippet(text, HighlightTerms(ParseQuery(tt.query)), 160)
		if !strings.Contains(s, tt.want) {
			t.Errorf("%q: snippet %q, want %q in it", tt.query, s, tt.want)
		}
	}
}

// BenchmarkSnippet: the snippet of one hit of a number query in a text of
// about 60 KB (a long decision with many cited numbers), as every hit of a
// result page makes one; reports the bytes of text read a second.
func BenchmarkSnippet(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("THỦ TƯỚNG CHÍNH PHỦ\nSố: 2530/QĐ-TTg\nQUYẾT ĐỊNH phê duyệt kế hoạch hành động.\n")
	for i := range 300 {
		sb.WriteString("Căn cứ Nghị định số " + strconv.Itoa(i) + "/2025/NĐ-CP; các bộ, ngành, địa phương triển khai kế hoạch hành động quốc gia.\n")
	}
	text := sb.String()
	terms := HighlightTerms(ParseQuery("quyết định 2530/QĐ-TTg kế hoạch"))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if s := Snippet(text, terms, 240); !strings.Contains(s, "<mark>2530/QĐ-TTg") {
			b.Fatalf("snippet %q", s)
		}
	}
	b.ReportMetric(float64(len(text))*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}
