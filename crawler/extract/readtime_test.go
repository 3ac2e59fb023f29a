package extract

import (
	"strings"
	"testing"
)

// TestReadingTime: reading-time lines as blog themes print them, written
// for the test (none from the Zyte pages the rule was found on), and lines
// that only look like them.
func TestReadingTime(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"Thời gian đọc: 3 phút", true},
		{"Thời gian đọc khoảng 5 phút", true},
		{"7 phút đọc", true},
		{"Reading time: 4 minutes", true},
		{"Estimated reading time: 6 min", true},
		{"5 min read", true},
		{"Temps de lecture : 2 minutes", true},
		{"Lesezeit: 3 Minuten", true},
		{"Thời gian đọc sách của học sinh tăng 30 phút mỗi ngày", false},
		{"Cuộc họp kéo dài 45 phút.", false},
		{"Reading time matters for 3 reasons", false},
	} {
		if got := readingTime(c.line); got != c.want {
			t.Errorf("readingTime(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	body := "Thời gian đọc: 2 phút\nSáng 8/4, Hội Nông dân xã tổ chức tập huấn kỹ thuật trồng lúa hữu cơ cho 60 hội viên.\nLớp tập huấn kéo dài hai ngày."
	if got, _ := dropBoilerLines(body); !strings.HasPrefix(got, "Sáng 8/4") {
		t.Errorf("dropBoilerLines kept the reading time: %q", firstLine(got))
	}
}
