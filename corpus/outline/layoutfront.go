package outline

// Line classes of a body's front matter and closing block: the header
// lines, the addressees' opening, the issuing formula, "Nơi nhận:", a
// distribution list's lines and the signature.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// isHeaderLine recognizes the lines of a document's header block: the
// national motto, the number line, the place and date, separators, the
// V/v subject line.
func isHeaderLine(s string) bool {
	f := viet.Fold(s)
	switch {
	case strings.Trim(s, "-–—_=* ") == "":
		return true
	case strings.Contains(f, "cong hoa xa hoi chu nghia"), strings.Contains(f, "doc lap - tu do - hanh phuc"),
		strings.HasPrefix(f, "dang cong san viet nam"):
		return true
	case strings.HasPrefix(f, "so:"), strings.HasPrefix(f, "so ") && strings.ContainsAny(s, "/-") && viet.WordCount(s) <= 12:
		return true
	case strings.HasPrefix(f, "v/v"):
		return true
	case strings.Contains(f, " ngay ") && strings.Contains(f, " thang ") && strings.Contains(f, " nam ") && viet.WordCount(s) <= 12 &&
		strings.Contains(s, ","):
		return true // "Hà Nội, ngày 19 tháng 11 năm 2025"
	}
	return false
}

// addresseeStart recognizes "Kính gửi:", "Đồng kính gửi:" and the
// telegram formula "THỦ TƯỚNG CHÍNH PHỦ điện:", and reports whether the
// addressees follow on the next lines (nothing after the colon).
func addresseeStart(s string) (ok, more bool) {
	f := viet.Fold(s)
	if i := strings.Index(f, "kinh gui"); i >= 0 && i <= 8 {
		rest := strings.TrimSpace(f[i+len("kinh gui"):])
		return true, rest == ":" || rest == ""
	}
	if strings.HasSuffix(f, " dien:") || f == "dien:" {
		return true, true
	}
	return false, false
}

// isFormula recognizes the issuing formula that opens the operative part:
// "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:", "KẾT LUẬN:".
func isFormula(s string) bool {
	return strings.HasSuffix(s, ":") && viet.WordCount(s) <= 3 && isUpperLine(s)
}

// isClosing recognizes the start of the closing block: "Nơi nhận:",
// "NƠI NHẬN", "Nơi nhận: - Như trên;" — not a sentence or a cell naming
// where papers are received ("Nơi nhận hồ sơ: Bộ phận Một cửa …", a
// procedure's step or a column of a task table). A Markdown conversion's
// bold ("**Nơi nhận:**") is the same line.
func isClosing(s string) bool {
	rest, ok := strings.CutPrefix(viet.Fold(strings.TrimLeft(s, "*_ ")), "noi nhan")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return !unicode.IsLetter(r)
}

// distribution recognizes a line that only a distribution list holds,
// when the list's "Nơi nhận:" was lost (it sits in a layout table beside
// the signature, and extraction may drop it or put it elsewhere): "- Như
// trên;", "- Như Điều 3;", "- Lưu: VT, KTTH.", "Lưu VT", "- VPCP: BTCN,
// các PCN, …", "- Ban Bí thư Trung ương Đảng;". Each is short and names
// no task. sure reports a line that is a distribution list's for sure
// ("- Lưu: VT", "- VPCP: …"), not one a plan may hold too ("- Như trên."
// among an agency's tasks, "- Ban Bí thư Trung ương Đảng;" among the
// addressees of a report): such a line closes the body only when the list
// goes on to its end (outlineParser.listEnds).
func distribution(s string) (ok, sure bool) {
	if r, _ := utf8.DecodeRuneInString(s); r != 'L' && r != 'l' && r != '-' && r != '–' && r != '—' && r != '•' && r != '·' {
		return false, false // not "Lưu", not a dash: most lines, without folding them
	}
	f := viet.Fold(s)
	_, _, kind, rest := itemLabel(s)
	if kind == labelDash {
		f = viet.Fold(rest)
	}
	switch {
	case strings.HasPrefix(f, "luu:") || strings.HasPrefix(f, "luu vt") || strings.HasPrefix(f, "luu : vt"):
		return viet.WordCount(f) <= 12, true
	case kind != labelDash:
		return false, false
	case strings.HasPrefix(f, "nhu tren"), strings.HasPrefix(f, "nhu dieu"), strings.HasPrefix(f, "nhu khoan"),
		strings.HasPrefix(f, "nhu muc"):
		return viet.WordCount(f) <= 5, false
	case strings.HasPrefix(f, "vpcp:"), strings.HasPrefix(f, "vptw,"), strings.HasPrefix(f, "vptw;"):
		return viet.WordCount(f) <= 30, true
	case strings.HasPrefix(f, "ban bi thu trung uong"):
		return viet.WordCount(f) <= 8 && strings.ContainsAny(f[len(f)-1:], ";,"), false
	}
	return false, false
}

// isSignature recognizes a signature line: "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG
// Trần Hồng Hà", "TM. ỦY BAN NHÂN DÂN…", "T/M BỘ CHÍNH TRỊ…".
func isSignature(s string) bool {
	for _, p := range []string{"KT.", "KT ", "TM.", "TM ", "T/M", "TL.", "TUQ.", "Q.", "K/T", "T.M"} {
		if strings.HasPrefix(s, p) {
			rest := strings.TrimSpace(s[len(p):])
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsUpper(r)
		}
	}
	return false
}
