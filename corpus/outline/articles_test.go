package outline

import (
	"strings"
	"testing"
)

func TestArticleHeading(t *testing.T) {
	for _, c := range []struct {
		in, num, title string
		ok             bool
	}{
		{"Điều 12. Chế độ phụ cấp đối với người làm lưu trữ", "12", "Chế độ phụ cấp đối với người làm lưu trữ", true},
		{"Điều 5: Nguyên tắc hoạt động thư viện", "5", "Nguyên tắc hoạt động thư viện", true},
		{"Điều 7 Trách nhiệm của Bộ Nội vụ", "7", "Trách nhiệm của Bộ Nội vụ", true}, // no dot, capital
		{"Điều 3.", "3", "", true},
		{"Điều 40", "40", "", true},
		{"Điều 169 của Luật này.", "", "", false}, // a sentence citing an article
		{"Điều 1234. Quá dài", "", "", false},     // four digits
		// i17-art: an inserted article keeps its letter, lower case (it
		// was no heading for the index before).
		{"Điều 12a. Sửa đổi", "12a", "Sửa đổi", true},
		{"Điều 12A. Sửa đổi", "12a", "Sửa đổi", true},
		{"Điều 12a Sửa đổi", "", "", false}, // a letter only before the dot or colon
		{"Điều 12ab. Sửa đổi", "", "", false},
		{"Điều kiện thành lập thư viện", "", "", false},
		{"Khoản 2 Điều 9", "", "", false},
	} {
		num, title, ok := ArticleHeading(c.in)
		if num != c.num || title != c.title || ok != c.ok {
			t.Errorf("ArticleHeading(%q) = %q, %q, %v; want %q, %q, %v", c.in, num, title, ok, c.num, c.title, c.ok)
		}
	}
}

// FuzzArticleHeading: a heading's number is one to three digits right
// after "Điều ", with the letter of an inserted article after them in
// lower case however it is written ("Điều 63a.", "Điều 0A." → "0a";
// i17-art), and its title a trimmed piece of the line after it.
func FuzzArticleHeading(f *testing.F) {
	for _, s := range []string{"Điều 12. Chế độ phụ cấp", "Điều 7 Trách nhiệm", "Điều 169 của Luật này.", "Điều 9:", "Điều 0", "Điều 63a. Sửa đổi", "Điều 7B. Hiệu lực", "Điều 33 Nghị định này áp dụng", "Điều 4 Thông tư số 1/2020/TT-BTC được sửa đổi như sau:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		num, title, ok := ArticleHeading(s)
		if !ok {
			if num != "" || title != "" {
				t.Fatalf("ArticleHeading(%q) not ok but returned %q, %q", s, num, title)
			}
			return
		}
		// The number's letter is one of a–z or "đ", the letter after d
		// ("Điều 110đ.", NĐ 21/2026; i18's MappingVersion 18).
		digits := strings.TrimSuffix(num, "đ")
		if digits == num {
			digits = strings.TrimRight(num, "abcdefghijklmnopqrstuvwxyz")
		}
		if len(digits) < 1 || len(digits) > 3 || strings.Trim(digits, "0123456789") != "" || len(num) > len(digits)+len("đ") || digits != num && strings.Count(num[len(digits):], "") != 2 {
			t.Fatalf("ArticleHeading(%q): number %q", s, num)
		}
		rest, found := strings.CutPrefix(s, "Điều "+digits)
		if found && len(num) > len(digits) {
			// the letter as written (either case), then the heading's dot
			// or colon
			letter := num[len(digits):]
			written := ""
			for _, w := range []string{letter, strings.ToUpper(letter)} {
				if strings.HasPrefix(rest, w) {
					written = w
				}
			}
			found = written != "" && len(rest) > len(written) && (rest[len(written)] == '.' || rest[len(written)] == ':')
			rest = rest[len(written):]
		}
		if !found || !strings.Contains(rest, title) || strings.TrimSpace(title) != title {
			t.Fatalf("ArticleHeading(%q) = %q, %q", s, num, title)
		}
	})
}
