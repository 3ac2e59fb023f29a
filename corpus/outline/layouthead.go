package outline

// Line classes of section headings: an appendix, a roman section, a part,
// a chapter or a section of a chapter (with an inserted "Mục 2a"), a
// letter heading, and a section's kind by its title. Article headings are
// in layoutarticle.go.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// appendixHeading recognizes "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 2 …",
// "Phụ lục số 02 …", markdown around it aside (appendixMarks: "# Phụ lục
// I", "**PHỤ LỤC II**"), and
// returns the appendix number ("II", "2", "") and the title on the line.
func appendixHeading(s string) (num, title string, ok bool) {
	s = appendixMarks(s)
	if len(s) < 7 || s[0] != 'P' && s[0] != 'p' {
		return "", "", false
	}
	f := viet.Fold(s[:min(len(s), 16)])
	if !strings.HasPrefix(f, "phu luc") {
		return "", "", false
	}
	rest := strings.TrimSpace(s[len(strings.Fields(s)[0]):]) // after "PHỤ"
	if sp := strings.IndexByte(rest, ' '); sp >= 0 {
		rest = strings.TrimSpace(rest[sp:])
	} else {
		rest = ""
	}
	if !strings.HasPrefix(s, "PHỤ LỤC") && !strings.HasPrefix(s, "PHU LUC") {
		// "Phụ lục" in sentence case heads an appendix only as a short
		// title line, not as the start of a sentence.
		if endsSentence(s) || viet.WordCount(s) > 12 {
			return "", "", false
		}
	}
	for _, so := range []string{"số ", "SỐ ", "Số "} {
		// "Phụ lục số 02", "PHỤ LỤC SỐ 3": the number after "số".
		if r, found := strings.CutPrefix(rest, so); found {
			if n, _, _ := strings.Cut(r, " "); isAllDigits(strings.TrimRight(n, ".:")) && n != "" {
				rest = r
			}
		}
	}
	if n, after, found := strings.Cut(rest, " "); found || rest != "" {
		n = strings.TrimRight(n, ".:")
		if isRoman(n) || isAllDigits(n) && n != "" {
			return n, strings.TrimSpace(after), true
		}
	}
	return "", rest, true
}

// appendixMarks drops the markdown a conversion puts around a heading
// line: a heading mark of any level ("# ", "#### ": clean drops "## " and
// "### " only) and emphasis ("**…**", "*…*", "__…__").
func appendixMarks(s string) string {
	if s == "" || s[0] != '#' && s[0] != '*' && s[0] != '_' {
		return s
	}
	if t := strings.TrimLeft(s, "#"); len(t) < len(s) && strings.HasPrefix(t, " ") {
		s = strings.TrimSpace(t)
	}
	return strings.TrimSpace(strings.Trim(s, "*_"))
}

// romanHeading recognizes a section heading numbered with a roman numeral
// and a dot or a dash: "II. NHIỆM VỤ, GIẢI PHÁP", "II- NHIỆM VỤ",
// "III – TỔ CHỨC THỰC HIỆN".
func romanHeading(s string) (id, title string, ok bool) {
	i := 0
	for i < len(s) && strings.IndexByte("IVXL", s[i]) >= 0 {
		i++
	}
	if i == 0 || i > 6 || !isRoman(s[:i]) {
		return "", "", false
	}
	rest := s[i:]
	sep := strings.TrimLeft(rest, " ")
	switch {
	case strings.HasPrefix(sep, "."), strings.HasPrefix(sep, "-"), strings.HasPrefix(sep, ":"):
		sep = sep[1:]
	case strings.HasPrefix(sep, "–"), strings.HasPrefix(sep, "—"):
		sep = sep[len("–"):]
	default:
		return "", "", false
	}
	if strings.HasPrefix(sep, ".") || strings.HasPrefix(sep, "|") || (len(sep) > 0 && sep[0] >= '0' && sep[0] <= '9') {
		return "", "", false // "I.2", "I. | …" (a table row)
	}
	title = strings.TrimSpace(sep)
	r, _ := utf8.DecodeRuneInString(title)
	if title == "" || !unicode.IsUpper(r) {
		return "", "", false
	}
	return s[:i], title, true
}

// partWords are the words that open the heading of a part of a document
// (doctype.DivisionWords, the one list: Phần, Chương, Mục in both cases),
// with the prefix of the section ID each gives.
var partWords = doctype.DivisionWords

// partHeading is doctype.DivisionHeading: the heading of a part, a
// chapter or a section of a chapter, its section ID and its title.
func partHeading(s string) (id, title string, ok bool) { return doctype.DivisionHeading(s) }

// isRoman is doctype.IsRoman: a roman numeral from I to LXXXIX.
func isRoman(s string) bool { return doctype.IsRoman(s) }

// letterHeading recognizes an upper-case letter heading over an upper-case
// title: "A. NHIỆM VỤ CHUNG", "Đ. KẾT LUẬN VÀ KIẾN NGHỊ", and with a dash
// as Party documents write them, "A- MỤC ĐÍCH, YÊU CẦU", "B – NHIỆM VỤ".
func letterHeading(s string) (id, title string, ok bool) {
	letter, title, _, ok := letterLabel(s)
	if !ok || !isUpperLine(title) {
		return "", "", false
	}
	return letter, title, true
}

// letterLabel splits a line starting with an upper-case letter and a dot
// ("A. ", "Đ. ") or a dash ("A- ", "B – ") into the letter, the rest and
// whether the separator was a dash.
func letterLabel(s string) (letter, rest string, dash, ok bool) {
	r, n := utf8.DecodeRuneInString(s)
	if !(r >= 'A' && r <= 'Z' || r == 'Đ') || len(s) < n+3 {
		return "", "", false, false
	}
	after := s[n:]
	if t, found := strings.CutPrefix(after, ". "); found {
		return s[:n], strings.TrimSpace(t), false, strings.TrimSpace(t) != ""
	}
	after = strings.TrimPrefix(after, " ")
	for _, d := range []string{"-", "–", "—"} {
		if t, found := strings.CutPrefix(after, d+" "); found && strings.TrimSpace(t) != "" {
			return s[:n], strings.TrimSpace(t), true, true
		}
	}
	return "", "", false, false
}

// appendixValue is the value of an appendix number appendixHeading
// returns ("II" 2, "02" 2), 0 for none.
func appendixValue(num string) int {
	if isRoman(num) {
		return romanNumber(num)
	}
	n := 0
	for i := 0; i < len(num) && i < 6; i++ {
		if num[i] < '0' || num[i] > '9' {
			return 0
		}
		n = n*10 + int(num[i]-'0')
	}
	return n
}

// romanNumber is the value of a roman numeral isRoman accepts.
func romanNumber(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val[s[i]]
		if i+1 < len(s) && val[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// sectionKind classifies a section by its title. Task words are looked for
// first, so "PHẠM VI, ĐỐI TƯỢNG, NHU CẦU, PHƯƠNG ÁN HỖ TRỢ" is a task section
// and "QUAN ĐIỂM, PHẠM VI VÀ ĐỐI TƯỢNG HỖ TRỢ" a goal section.
func sectionKind(title string) SectionKind {
	f := viet.Fold(title)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(f, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("to chuc thuc hien", "trach nhiem thuc hien") || NamesReportingRegime(title):
		return SectionOrganisation
	case has("kinh phi", "nguon luc", "nguon von", "nguon huy dong"):
		return SectionFunding
	case has("nhiem vu", "giai phap", "noi dung", "phuong an", "phan cong", "hoat dong", "chuong trinh", "ke hoach"):
		return SectionTasks
	case has("muc dich", "muc tieu", "yeu cau", "quan diem", "pham vi", "doi tuong", "tam nhin", "dinh huong", "chi tieu"):
		return SectionGoals
	case has("danh gia", "tinh hinh", "ket qua", "thuc trang", "boi canh", "su can thiet", "can cu", "ly do"):
		return SectionBackground
	}
	return SectionTasks
}

// equation reports a formula in capitals, a symbol (or a list of them)
// then "=": "AS = TCBNE - RTTD", "VL1 = QVL (1 + HVL)", "KNC, MTC = (1+(KTN
// -1)/3)", "SC_CT =" (TT 29/2026/TT-BCT, TT 37 and 38/2026/TT-BXD). In
// an article it heads nothing (heading): the article's points after it
// are still its own. A title naming a size ("KÍNH BÀN NÉN D = 34 CM") has
// words before the sign, and stays a heading. In an appendix's tables of
// norms (TT 37, 38) such lines are left sections: no ID there is cited by
// clause, and dropping them would renumber the fallback IDs after them in
// their appendix ("PLII.s3.1", anchorID).
func equation(line string) bool {
	left, _, ok := strings.Cut(line, "=")
	left = strings.ReplaceAll(strings.TrimSpace(left), ", ", ",")
	return ok && left != "" && !strings.Contains(left, " ")
}
