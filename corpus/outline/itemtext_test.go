package outline

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
)

// TestItemTail: cite.NameRest reads the tail itemTail gives as it reads
// the whole last line. Lines written for it, not from a data set.
func TestItemTail(t *testing.T) {
	long := strings.Repeat("các đơn vị phối hợp thực hiện ", 20)
	tests := []struct{ name, text, next string }{
		{"a short last line", "1. Giao nhiệm vụ cho\n- Sở Giáo dục", "và Đào tạo: chủ trì"},
		{"a long wrapped line ending on a name", long + "Sở Giáo dục", "và Đào tạo: chủ trì"},
		{"a long line ending on a long name", long + "Hội đồng Thẩm phán Tòa án", "nhân dân tối cao ban hành"},
		{"tabs and double spaces", long + "Sở\tKhoa  học", "và Công nghệ: phối hợp"},
		{"a no-break space and a broken byte", long + "\xe2\x80 Sở\u00a0Giáo dục", "và Đào tạo"},
		{"no name", long, "và triển khai"},
		{"exactly seventeen words", strings.Repeat("a ", 15) + "Sở Giáo", "dục và Đào tạo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &outlineParser{}
			whole := tt.text[strings.LastIndexByte(tt.text, '\n')+1:]
			tail := p.itemTail(tt.text)
			if !strings.HasSuffix(whole, tail) {
				t.Fatalf("tail %q is not the end of the last line", tail)
			}
			if got, want := cite.NameRest(tail, tt.next), cite.NameRest(whole, tt.next); got != want {
				t.Errorf("NameRest(tail)=%d, NameRest(line)=%d", got, want)
			}
		})
	}
}

// TestItemTextRestarts: text set elsewhere between two lines (a quote
// grafted on, planquote.go) is what the next line is added to.
func TestItemTextRestarts(t *testing.T) {
	p := &outlineParser{}
	a := p.itemText("1. Một", " ", "hai")
	b := p.itemText(a, "\n", "ba")
	if b != "1. Một hai\nba" || a != "1. Một hai" {
		t.Fatalf("got %q then %q", a, b)
	}
	if got := p.itemTail(b); got != "ba" {
		t.Errorf("tail %q, want %q", got, "ba")
	}
	c := p.itemText(b+"\n“trích dẫn”", " ", "bốn")
	if c != "1. Một hai\nba\n“trích dẫn” bốn" || b != "1. Một hai\nba" {
		t.Fatalf("got %q (before %q)", c, b)
	}
	if got := p.itemTail(c); got != "“trích dẫn” bốn" {
		t.Errorf("tail %q", got)
	}
	if d := p.itemText("2. Khác", "\n", "năm"); d != "2. Khác\nnăm" {
		t.Errorf("another item: %q", d)
	}
}
