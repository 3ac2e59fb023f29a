package viet

import (
	"strings"
	"testing"
)

// numbersIn lists the keys of the DocNumber tokens of s.
func numbersIn(s string) string {
	var nums []string
	Tokenize(s, func(tk Token) {
		if tk.Kind == DocNumber {
			nums = append(nums, GrammarKey(s[tk.Start:tk.End]))
		}
	})
	return strings.Join(nums, " ")
}

// TestSplitNumber: OCR's space inside a number's digits ("số 3 6/2024/QH15",
// "Quyết định số 41 7/QĐ-UBND") is read as one number only where it has one
// reading: right after "số" (the number's own word, after which one number
// stands and nothing between), both halves short (one or two digits: a
// tail of three digits is a number of its own, the digit before it a
// stray one: "sô 2 104/2015/QH13"). After a clause's number ("khoản 4
// 3/2024/…"), in a list ("4, 3/2024/…") or elsewhere the digits stay a
// word and the number after them. A value known to be a number (GrammarKey)
// needs no "số". Lines written for the test in the shapes of căn cứ lines,
// headers and metadata; numbers made up.
func TestSplitNumber(t *testing.T) {
	tests := []struct {
		line string
		want string // keys of the tokenizer's numbers
	}{
		{"Căn cứ Luật Đường thủy nội địa số 4 3/2024/QH1 5;", "43/2024/qh15"},
		{"Căn cứ Nghị định số 1 27/2019/NĐ-CP ngày 10 tháng 5 năm 2019", "127/2019/nd-cp"},
		{"Thực hiện Quyết định số 52 8/QĐ-UBND ngày 02/3/2025 của UBND tỉnh", "528/qd-ubnd"},
		{"Số: 7 4/KH-UBND", "74/kh-ubnd"},
		{"Số:1 6/2025/NQ-HĐND", "16/2025/nq-hdnd"},
		{"theo Thông tư sô 2 9/2021/TT-BTC của Bộ Tài chính", "29/2021/tt-btc"},
		// not joined
		{"theo khoản 4 3/2024/QH15 quy định", "3/2024/qh15"},                     // a clause's number
		{"các Luật số 4, 3/2024/QH15 và 7/2024/QH15", "3/2024/qh15 7/2024/qh15"}, // a list
		{"Bộ luật Tố tụng hình sự sô 2 104/2015/QH13;", "104/2015/qh13"},         // a tail of its own
		{"Nghị định số 123 45/2019/NĐ-CP", "45/2019/nd-cp"},                      // three digits before
		{"Điều 4 3/2024/QH15", "3/2024/qh15"},                                    // no "số"
		{"ban hành 12 văn bản, số 4  3/2024/QH15", "3/2024/qh15"},                // two spaces
		{"Quyết định số 4 3a/QĐ-UBND", ""},                                       // the tail is no number's
	}
	for _, tt := range tests {
		if got := numbersIn(tt.line); got != tt.want {
			t.Errorf("Tokenize(%q) numbers %q, want %q", tt.line, got, tt.want)
		}
	}
	for in, key := range map[string]string{
		"4 3/2024/QH1 5":    "43/2024/qh15",
		"Số 52 8/QĐ-UBND":   "528/qd-ubnd",
		"2 104/2015/QH13":   "",
		"123 45/2019/NĐ-CP": "",
	} {
		if k := GrammarKey(in); k != key {
			t.Errorf("GrammarKey(%q) = %q, want %q", in, k, key)
		}
	}
}

// TestDotForDash: a "." typed or OCR'd for the "-" between a type's code
// and its issuer's ("NĐ.CP", "QĐ.UBND", "NQ.HĐND") is read as the dash
// where it has one reading: right after the first code (the type's
// place), no space after it, an upper-case code of two letters or more
// after it. A sentence's end ("NĐ-CP. Căn cứ", "NĐ-CP.Căn cứ"), a dot after
// the issuer ("NĐ-CP.UBND") or before digits ("KP.2") ends the number as
// before. Written for the test; numbers made up.
func TestDotForDash(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{"Căn cứ Nghị định số 31/2023/NĐ.CP ngày 5 tháng 6 năm 2023;", "31/2023/nd-cp"},
		{"Thực hiện Quyết định số 812/QĐ.UBND ngày 4/5/2025 của UBND tỉnh", "812/qd-ubnd"},
		{"Nghị quyết số 09/2024/NQ.HĐND của HĐND tỉnh", "9/2024/nq-hdnd"},
		{"theo Nghị định 17/2022NĐ.CP;", "17/2022/nd-cp"},
		{"Số: 45/KH.UBND-VX", "45/kh-ubnd-vx"},
		// not read
		{"quy định tại Nghị định số 31/2023/NĐ-CP. Căn cứ", "31/2023/nd-cp"},
		{"theo Nghị định số 31/2023/NĐ-CP.UBND tỉnh giao", "31/2023/nd-cp"},
		{"quy định tại Nghị quyết số 09/2024/NQ.Căn cứ", "9/2024/nq"},
		{"khu phố số 12/KP.2 phường An Lạc", "12/kp"}, // a dot before digits
		{"ghi 31/2023/NĐ. CP", "31/2023/nd"},
	}
	for _, tt := range tests {
		if got := numbersIn(tt.line); got != tt.want {
			t.Errorf("Tokenize(%q) numbers %q, want %q", tt.line, got, tt.want)
		}
	}
	for in, key := range map[string]string{
		"31/2023/NĐ.CP":  "31/2023/nd-cp",
		"812/qđ.ubnd":    "812/qd-ubnd",
		"17/2022NĐ.CP":   "17/2022/nd-cp",
		"31/2023/NĐ-CP.": "",
	} {
		if k := GrammarKey(in); k != key {
			t.Errorf("GrammarKey(%q) = %q, want %q", in, k, key)
		}
	}
}

// TestNineForQ: a Quốc hội code's Q OCR read as 9 right after the year
// ("54/201 49H13", a split year; "54/20149H13", glued) is read as Q where
// it has one reading: digits then "H" and a term are no part of any
// number's reading, so the digit is a letter, and the only code whose
// term follows "QH" is a Quốc hội code — read only when that term sat the
// year. Written for the test; numbers made up.
func TestNineForQ(t *testing.T) {
	tests := []struct {
		in    string
		parts string
		key   string
	}{
		{"35/201 59H13", "/2015 /QH13", "35/2015/qh13"},
		{"35/20159H13", "/2015 /QH13", "35/2015/qh13"},
		{"7/202 19H15", "/2021 /QH15", "7/2021/qh15"},
		// not read: a term that did not sit that year, no H, a letter after
		{"35/201 59H15", "-", ""},
		{"35/201 59K13", "-", ""},
		{"35/20159H15", "-", ""},
		{"35/201 59H13A", "-", ""},
		{"12/2020/9H13", "-", ""}, // not glued to the year: a part of its own
		{"12/2020/90", "-", ""},
	}
	for _, tt := range tests {
		var parts []string
		end := ScanNumber(tt.in, 0, func(sep byte, p string) { parts = append(parts, string(sep)+p) })
		got := strings.Join(parts, " ")
		if end == 0 {
			got = "-"
		} else if end != len(tt.in) {
			got += " (ends at " + tt.in[end:] + ")"
		}
		if got != tt.parts {
			t.Errorf("ScanNumber(%q) parts %q, want %q", tt.in, got, tt.parts)
		}
		if k := GrammarKey(tt.in); k != tt.key {
			t.Errorf("GrammarKey(%q) = %q, want %q", tt.in, k, tt.key)
		}
	}
	s := "Căn cứ Luật Hải quan số 61/2013/QH13 được sửa đổi, bổ sung bởi Luật số 35/201 59H13, Luật số 21/2017/QH14;"
	if got, want := numbersIn(s), "61/2013/qh13 35/2015/qh13 21/2017/qh14"; got != want {
		t.Errorf("Tokenize(%q) numbers %q, want %q", s, got, want)
	}
}
