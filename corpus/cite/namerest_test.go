package cite

import (
	"strings"
	"testing"
)

// TestNameRest: the rest of an issuer's name wrapped onto the next line or
// cell (i18-parse4). The names are the ministries' of issuerNames; the
// breaks are where a narrow table column or a list line breaks them.
func TestNameRest(t *testing.T) {
	for _, c := range []struct {
		name, next string
		want       int
	}{
		{"Sở Giáo dục", "và Đào tạo", 3},
		{"Sở Giáo dục", "và Đào tạo: chủ trì tổ chức tập huấn", 3},
		{"Bộ Khoa học", "và Công nghệ", 3},
		{"Giám đốc Sở Nông nghiệp", "và Môi trường;", 3},
		{"Bộ Nông nghiệp", "và Phát triển nông thôn", 5},
		{"Sở Văn hóa, Thể thao", "và Du lịch", 3},
		{"Sở Văn hóa", ", Thể thao và Du lịch", 6},
		{"Sở Lao động", "- Thương binh và Xã hội", 6},
		{"Ban Tuyên giáo", "và Dân vận Trung ương", 5},
		{"SỞ GIÁO DỤC", "VÀ ĐÀO TẠO", 3},
		// No name goes on.
		{"Sở Giáo dục", "và đào tạo nghề cho lao động nông thôn", 0}, // the name's capitals
		{"Sở Y tế", "và Bộ Công an", 0},
		{"Bộ Tài chính", "và Công nghệ", 0},
		{"Sở", "Giáo dục và Đào tạo", 0}, // a head alone breaks no name
		{"Sở Giáo dục", "và Đào", 0},     // a name not finished
		{"", "và Đào tạo", 0},
		{"Sở Giáo dục", "", 0},
	} {
		if got := NameRest(c.name, c.next); got != c.want {
			t.Errorf("NameRest(%q, %q) = %d, want %d", c.name, c.next, got, c.want)
		}
	}
}

// FuzzNameRest: what NameRest takes is words of next, and those words
// alone finish the name again.
func FuzzNameRest(f *testing.F) {
	for _, s := range [][2]string{{"Sở Giáo dục", "và Đào tạo: chủ trì"}, {"Sở Lao động", "- Thương binh và Xã hội"},
		{"Sở Văn hóa,", ", Thể thao và Du lịch"}, {"\xff", "và"}, {"Bộ", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, next string) {
		toks := strings.Fields(next)
		n := NameRest(name, next)
		if n < 0 || n > len(toks) {
			t.Fatalf("NameRest(%q, %q) = %d of %d words", name, next, n, len(toks))
		}
		if n > 0 {
			if m := NameRest(name, strings.Join(toks[:n], " ")); m != n {
				t.Fatalf("NameRest(%q, %q) = %d, of its %d words alone %d", name, next, n, n, m)
			}
		}
	})
}

// BenchmarkNameRest: the outline parser asks it of every line that
// continues an item and of every wrapped cell; most start no name's rest.
func BenchmarkNameRest(b *testing.B) {
	pairs := [][2]string{
		{"1. Tổ chức tuyên truyền, phổ biến Nghị quyết trong các trường học", "trên địa bàn tỉnh, bảo đảm thiết thực, hiệu quả."},
		{"a) Kiểm kê tài nguyên đến kỳ quy hoạch, khoanh định các diện tích", "Phân bố đất hiếm theo loại hình."},
		{"- Sở Giáo dục", "và Đào tạo: chủ trì tổ chức tập huấn cho giáo viên;"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			NameRest(p[0], p[1])
		}
	}
}
