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
// addressees follow on the next lines (nothing after the colon). The
// telegram's issuer is in capitals (with tones or without, NFC or NFD)
// and no item label opens the line: a body's lead-in or item that ends
// with the word "điện" ("… các giải pháp tiết kiệm điện:", "1. Đối với
// các cơ quan sử dụng điện:") is no formula (TestNoAddresseesInBody).
func addresseeStart(s string) (ok, more bool) {
	f := viet.Fold(s)
	if i := strings.Index(f, "kinh gui"); i >= 0 && i <= 8 {
		rest := strings.TrimSpace(f[i+len("kinh gui"):])
		return true, rest == ":" || rest == ""
	}
	if f == "dien:" {
		return true, true
	}
	if strings.HasSuffix(f, " dien:") {
		t := strings.TrimSpace(s)
		issuer := strings.TrimSpace(t[:max(strings.LastIndexFunc(t, unicode.IsSpace), 0)])
		if _, _, kind, _ := itemLabel(t); kind == labelNone && isUpperLine(issuer) {
			return true, true
		}
	}
	return false, false
}

// addresseeColon reports a "Kính gửi" line whose colon follows the
// formula ("Kính gửi:", "Kính gửi: Sở Y tế."), or a telegram's formula:
// in a body, "Kính gửi các đồng chí lãnh đạo, Sở đề nghị …" is a
// sentence's greeting, not the addressees' block.
func addresseeColon(s string) bool {
	f := viet.Fold(s)
	if i := strings.Index(f, "kinh gui"); i >= 0 && i <= 8 {
		return strings.HasPrefix(strings.TrimSpace(f[i+len("kinh gui"):]), ":")
	}
	return true
}

// maxAddresseeLines bounds how far into a body Addressees looks for
// "Kính gửi:", and how many lines the block may take.
const maxAddresseeLines = 30

// Addressees returns the entries of a letter's "Kính gửi:" block, as
// written, without their dashes and closing punctuation: "Kính gửi: Sở Y
// tế." gives ["Sở Y tế"]; "Kính gửi:" over "- UBND các xã, phường;" and "-
// Các đơn vị trực thuộc." (or the two on one line) gives both. The block
// is the rest of the "Kính gửi" line, else the next line and the dash
// lines after it; "Đồng kính gửi" and a telegram's "… điện:" are not read.
// None: nil.
func Addressees(body string) []string {
	lines := strings.SplitN(body, "\n", maxAddresseeLines+1)
	for i, l := range lines[:min(len(lines), maxAddresseeLines)] {
		l = strings.TrimSpace(strings.Trim(l, "*_ "))
		f := viet.Fold(l)
		if !strings.HasPrefix(f, "kinh gui") {
			continue
		}
		var block []string
		if _, rest, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(strings.Trim(rest, "*_ ")) != "" {
			block = []string{strings.Trim(rest, "*_ ")}
		} else {
			for j := i + 1; j < len(lines) && j <= i+maxAddresseeLines; j++ {
				n := strings.TrimSpace(lines[j])
				if n == "" {
					continue
				}
				if len(block) > 0 && !strings.HasPrefix(n, "-") {
					break
				}
				block = append(block, n)
				if !strings.HasPrefix(n, "-") {
					break // one line of addressees
				}
			}
		}
		var out []string
		for _, b := range block {
			for _, e := range strings.Split(b, ";") {
				e = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(e), "-"))
				if e = strings.TrimRight(e, " .,;"); e != "" {
					out = append(out, e)
				}
			}
		}
		return out
	}
	return nil
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

// maxSideWords bounds the words of the cell a signature's title follows
// on its line (sideSignature).
const maxSideWords = 4

// sideSignature recognizes the row of the closing layout table read as
// one line: a short left cell, the list's "Nơi nhận:" as OCR garbles it
// ("ANới nhận:", "Noơinhậm", "Nơi kem T Đà"), then the signature's title
// in the right cell ("KT. BỘ TRƯỞNG", "TM. CHÍNH PHỦ"). The title is in
// upper case to the line's end; the left cell is no numbered item and
// holds at most maxSideWords words. A sentence naming a title ("Giao KT.
// Giám đốc …") goes on in lower case.
func sideSignature(s string) bool {
	if strings.Contains(s, "|") {
		return false // a table row: closingRow reads its cells
	}
	if _, _, kind, _ := itemLabel(s); kind != labelNone {
		return false
	}
	ws := strings.Fields(s)
	for k := 1; k <= maxSideWords && k < len(ws); k++ {
		rest := strings.Join(ws[k:], " ")
		if isSignature(rest) && isUpperLine(rest) {
			return true
		}
	}
	return false
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
