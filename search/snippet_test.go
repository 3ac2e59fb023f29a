package search

import (
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
