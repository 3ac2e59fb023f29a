package cite

import "testing"

// TestNextDigit compares nextDigit with a byte loop at every start of
// texts holding digits at every offset of an eight-byte word, bytes next to
// the digits' range ("/", ":") and multi-byte letters whose bytes have the
// high bit set.
func TestNextDigit(t *testing.T) {
	texts := []string{
		"",
		"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020",
		"không có chữ số nào trong câu này: ///:::",
		"ỹỹỹỹỹỹỹỹỹỹ9",
		"\x80\xb0\xb9\xff\x2f\x3a\x3a\x2f0",
	}
	for n := 0; n < 20; n++ {
		b := []byte("abcdefghijklmnopqrstuvwxyz")
		b[n] = '0' + byte(n%10)
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && !isDigit(s[want]) {
				want++
			}
			if got := nextDigit(s, i); got != want {
				t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func FuzzNextDigit(f *testing.F) {
	f.Add("Quyết định số 1234/QĐ-UBND", 3)
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		want := i
		for want < len(s) && !isDigit(s[want]) {
			want++
		}
		if got := nextDigit(s, i); got != want {
			t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}
