package outline

// Line classes of a document body for the outline parser (plan.go): what a
// line is before the parser decides where it belongs. Each recognizer looks
// at one trimmed line only; the parser adds the context (front matter,
// tables, closing block).

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// words counts the space-separated words of s.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// foldSpaces writes every run of white space in a line (tabs, two spaces
// and more) as one space: converters and typists space words, markers
// ("-\tNội dung", "1.  Tổ chức") and table cells as they like, and the
// line classes read single spaces. A line without such a run is returned
// as it is.
func foldSpaces(s string) string {
	prev := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if prev {
				return foldSpacesSlow(s)
			}
			prev = true
			continue
		case c == '\t' || c == '\r' || c == '\v' || c == '\f':
			return foldSpacesSlow(s)
		case c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xE1 && i+1 < len(s) && s[i+1] != 0xBA && s[i+1] != 0xBB:
			// The lead bytes of the Unicode spaces (U+0085, U+00A0,
			// U+1680, U+2000–U+205F, U+3000); Vietnamese letters of
			// U+1EA0–U+1EF9 start E1 BA or E1 BB.
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return foldSpacesSlow(s)
			}
		}
		prev = false
	}
	return s
}

// foldSpacesSlow is foldSpaces of a line that holds a run or a space
// other than U+0020.
func foldSpacesSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isUpperLine reports a line of at least 4 letters, none lower-case: a title
// ("NHIỆM VỤ, GIẢI PHÁP", "QUYẾT ĐỊNH").
func isUpperLine(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// endsSentence reports a line ending with sentence punctuation (closing
// quotes and brackets aside).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’)]*")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, "!") ||
		strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "./.")
}

// headingLike reports an item's first line that announces what follows
// rather than stating a task: it ends with a colon ("1. Sở Y tế:"), or it
// is short and has no final punctuation ("1. Vụ Pháp chế", "2. Về khôi
// phục hạ tầng thiết yếu").
func headingLike(first string) bool {
	first = strings.TrimSpace(first)
	if strings.HasSuffix(first, ":") {
		return true
	}
	return !endsSentence(first) && words(first) <= headingWords
}

// headingWords is the longest own text, in words, of an item that heads
// others ("1.1. Hỗ trợ lương thực, nhu yếu phẩm" has 6; the shortest
// stated task in the development plans has 9 and sits on its own line).
const headingWords = 15

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
	case strings.HasPrefix(f, "so:"), strings.HasPrefix(f, "so ") && strings.ContainsAny(s, "/-") && words(s) <= 12:
		return true
	case strings.HasPrefix(f, "v/v"):
		return true
	case strings.Contains(f, " ngay ") && strings.Contains(f, " thang ") && strings.Contains(f, " nam ") && words(s) <= 12 &&
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
	return strings.HasSuffix(s, ":") && words(s) <= 3 && isUpperLine(s)
}

// isClosing recognizes the start of the closing block: "Nơi nhận:",
// "NƠI NHẬN", "Nơi nhận: - Như trên;" — not a sentence or a cell naming
// where papers are received ("Nơi nhận hồ sơ: Bộ phận Một cửa …", a
// procedure's step or a column of a task table).
func isClosing(s string) bool {
	rest, ok := strings.CutPrefix(viet.Fold(s), "noi nhan")
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
		return words(f) <= 12, true
	case kind != labelDash:
		return false, false
	case strings.HasPrefix(f, "nhu tren"), strings.HasPrefix(f, "nhu dieu"), strings.HasPrefix(f, "nhu khoan"),
		strings.HasPrefix(f, "nhu muc"):
		return words(f) <= 5, false
	case strings.HasPrefix(f, "vpcp:"), strings.HasPrefix(f, "vptw,"), strings.HasPrefix(f, "vptw;"):
		return words(f) <= 30, true
	case strings.HasPrefix(f, "ban bi thu trung uong"):
		return words(f) <= 8 && strings.ContainsAny(f[len(f)-1:], ";,"), false
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

// appendixHeading recognizes "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 2 …",
// "Phụ lục số 02 …" and
// returns the appendix number ("II", "2", "") and the title on the line.
func appendixHeading(s string) (num, title string, ok bool) {
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
		if endsSentence(s) || words(s) > 12 {
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
// above its sections or articles (ND 30/2020, Phụ lục I: Phần, Chương,
// Mục), with the prefix of the section ID each gives.
var partWords = [...]struct{ word, id string }{
	{"Phần ", "P"}, {"PHẦN ", "P"}, {"Chương ", "Ch"}, {"CHƯƠNG ", "Ch"}, {"Mục ", "M"}, {"MỤC ", "M"},
}

// ordinals are the words of "Phần thứ nhất", "PHẦN THỨ HAI".
var ordinals = map[string]string{"nhất": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6",
	"bảy": "7", "tám": "8", "chín": "9", "mười": "10"}

// partHeading recognizes the heading of a part, a chapter or a section of
// a chapter: "Chương I", "Chương II. QUY ĐỊNH CHUNG", "CHƯƠNG III: …",
// "Mục 1 – NGUYÊN TẮC", "Phần thứ hai", "PHẦN I. ĐÁNH GIÁ …". It returns
// the section ID ("ChI", "M1", "P2") and the title on the line, possibly
// empty (it is then on the next lines). A sentence that starts with the
// word ("Mục 2 của Chương này quy định…", "Phần kinh phí còn lại…") is
// none: after the number comes the end of the line, a separator or an
// upper-case title.
func partHeading(s string) (id, title string, ok bool) {
	var prefix, rest string
	if s == "" || s[0] != 'P' && s[0] != 'C' && s[0] != 'M' {
		return "", "", false
	}
	for _, w := range partWords {
		if r, found := strings.CutPrefix(s, w.word); found {
			prefix, rest = w.id, strings.TrimSpace(r)
			break
		}
	}
	if prefix == "" || rest == "" {
		return "", "", false
	}
	num, after, _ := strings.Cut(rest, " ")
	if f := viet.Lower(num); f == "thứ" {
		num, after, _ = strings.Cut(strings.TrimSpace(after), " ")
		num = strings.TrimRight(num, ".:-–—")
		n, known := ordinals[viet.Lower(num)]
		if !known {
			return "", "", false
		}
		num = n
	} else {
		trimmed := strings.TrimRight(num, ".:-–—")
		if trimmed != num {
			after = num[len(trimmed):] + " " + after
		}
		num = trimmed
		inserted := false
		if prefix == "M" {
			num, inserted = insertedNumber(num) // "Mục 2a": a section an amending text inserts after Mục 2
		}
		if !isRoman(num) && !(isAllDigits(num) && len(num) <= 3) && !inserted {
			return "", "", false
		}
	}
	after = strings.TrimSpace(after)
	if t := strings.TrimLeft(after, ".:-–— "); t != after || after == "" {
		return prefix + num, t, true
	}
	if isUpperLine(after) {
		return prefix + num, after, true
	}
	return "", "", false
}

// insertedNumber reads the number of an inserted part, at most three
// digits and one letter (a–z or đ), as an ID writes it, the letter in
// lower case ("2a", "2A" → "2a"); num and false when it is not one.
func insertedNumber(num string) (string, bool) {
	r, n := utf8.DecodeLastRuneInString(num)
	digits := num[:len(num)-n]
	if digits == "" || len(digits) > 3 || !isAllDigits(digits) || !('a' <= r|0x20 && r|0x20 <= 'z' || r == 'đ' || r == 'Đ') {
		return num, false
	}
	return digits + strings.ToLower(string(r)), true
}

// isRoman reports a roman numeral from I to LXXXIX, bare "L" aside (the
// letter L of lettered headings and group rows).
func isRoman(s string) bool {
	if s == "" || s == "L" {
		return false
	}
	if t, ok := strings.CutPrefix(s, "XL"); ok {
		// XL–XLIX: a long list of sections (NQ 18/2026/NQ-CP, Phụ lục)
		return t == "" || isRoman(t) && !strings.HasPrefix(t, "X")
	}
	if t, ok := strings.CutPrefix(s, "L"); ok {
		return isRoman(t)
	}
	rest := strings.TrimLeft(s, "X")
	if len(s)-len(rest) > 3 {
		return false
	}
	switch rest {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		return true
	}
	return false
}

// articleHeading recognizes "Điều 1. Phê duyệt…" and returns "Đ1". The
// word in capitals ("ĐIỀU 1. PHÊ DUYỆT…", as older and scanned texts set
// their article headings) is the same heading. An article an amending
// text inserts after another ("Điều 63a. Các trường hợp …", "ĐIỀU 63A.")
// is "Đ63a": no other heading gives an ID of a number and a letter.
func articleHeading(s string) (id, title string, ok bool) {
	if rest, found := strings.CutPrefix(s, "ĐIỀU "); found {
		s = "Điều " + rest
	}
	num, suffix, title, ok := articleHeading3(s)
	if !ok {
		return "", "", false
	}
	return "Đ" + num + suffix, title, true
}

// ArticleHeading reads the heading of an article of a legal text, "Điều
// 12. Chế độ tiền lương": its number ("12", at most three digits) and its
// title ("Chế độ tiền lương", possibly empty). It is the one reader of
// article headings: outlines split on them, the index keeps their numbers
// and titles (indexer.Fields).
//
// An inserted article's number keeps its letter, lower case ("Điều 63a.",
// "ĐIỀU 63A." → "63a"), as the outline's ID (Đ63a) and a query's "điều
// 63a" (search/query.ArticleRefs) have it.
func ArticleHeading(s string) (number, title string, ok bool) {
	number, suffix, title, ok := articleHeading3(s)
	if !ok {
		return "", "", false
	}
	return number + suffix, title, true
}

// articleHeading3 is ArticleHeading with the letter of an inserted
// article, lower case ("Điều 63a. Các trường hợp …" → "63", "a"). A
// number with a letter heads an article only before its dot or colon:
// "Điều 11a Luật Khiếu nại …" cites one.
func articleHeading3(s string) (number, suffix, title string, ok bool) {
	rest, found := strings.CutPrefix(s, "Điều ")
	if !found {
		return "", "", "", false
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return "", "", "", false
	}
	number = rest[:i]
	if i+1 < len(rest) && 'a' <= rest[i]|0x20 && rest[i]|0x20 <= 'z' && (rest[i+1] == '.' || rest[i+1] == ':') {
		suffix = string(rest[i] | 0x20) // "ĐIỀU 63A." is Đ63a
		i++
	} else if r, n := utf8.DecodeRuneInString(rest[i:]); (r == 'đ' || r == 'Đ') && i+n < len(rest) && (rest[i+n] == '.' || rest[i+n] == ':') {
		suffix = "đ" // the letter after d: "Điều 110đ." (NĐ 21/2026) follows Điều 110d
		i += n
	}
	if i < len(rest) && !strings.ContainsRune(".: ", rune(rest[i])) {
		return "", "", "", false
	}
	title = strings.TrimSpace(strings.TrimLeft(rest[i:], ".: "))
	if i < len(rest) && rest[i] == ' ' && title != "" {
		// "Điều 169 của Luật này." is a sentence citing an article: a
		// heading without its dot starts with a capital.
		if r, _ := utf8.DecodeRuneInString(title); !unicode.IsUpper(r) {
			return "", "", "", false
		}
	}
	return number, suffix, title, true
}

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

type labelKind int

const (
	labelNone      labelKind = iota
	labelNumber              // "1.", "2.1.", "1)"
	labelLetter              // "a)", "đ)"
	labelParen               // "(1)", "(a)"
	labelDash                // "-", "–", "•"
	labelPlus                // "+"
	labelRow                 // a row of a task table
	labelPara                // a paragraph of its own under a heading or after a list
	labelSubLetter           // "b.1)", "b.1.2)": a point under a lettered point
	labelRoman               // "ii)", "iv)": a list numbered in lower-case roman ("i)" when "ii)" follows)
)

// itemLabel recognizes "1. ", "2.1. ", "1) ", "1- ", "a) ", "đ) ", "b.1) ",
// "(1) ", "- ", "• ", "+ " at the start of a line, and returns the label as written, the
// ID part it gives ("2.1", "a", "(1)"), its kind and the text after it.
func itemLabel(line string) (label, id string, kind labelKind, rest string) {
	r, n := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '–', '—', '•', '·':
		next, _ := utf8.DecodeRuneInString(line[n:])
		if next == ' ' || unicode.IsUpper(next) {
			return "-", "", labelDash, strings.TrimSpace(line[n:])
		}
		return "", "", labelNone, line
	case '+':
		if strings.HasPrefix(line, "+ ") {
			return "+", "", labelPlus, strings.TrimSpace(line[2:])
		}
		return "", "", labelNone, line
	case '(':
		if end := strings.IndexByte(line, ')'); end > 1 && end <= 6 && end+1 < len(line) && line[end+1] == ' ' {
			in := line[1:end]
			if isAllDigits(in) && end <= 4 || utf8.RuneCountInString(in) == 1 && unicode.IsLower([]rune(in)[0]) || romanValue(in) > 0 {
				return line[:end+1], line[:end+1], labelParen, strings.TrimSpace(line[end+1:])
			}
		}
		return "", "", labelNone, line
	}
	i := 0
	for i < len(line) && (line[i] >= '0' && line[i] <= '9' || line[i] == '.' && i > 0 && line[i-1] != '.') {
		i++
	}
	if i > 0 && i+1 < len(line) {
		num := strings.TrimSuffix(line[:i], ".")
		switch {
		case line[i-1] == '.' && line[i] == ' ' && shortParts(num):
			return line[:i], num, labelNumber, strings.TrimSpace(line[i:])
		case line[i] == ')' && line[i-1] != '.' && i+1 < len(line) && line[i+1] == ' ' && shortParts(num):
			return line[:i+1], num, labelNumber, strings.TrimSpace(line[i+1:])
		case line[i] == '-' && line[i-1] != '.' && i+2 < len(line) && line[i+1] == ' ' && shortParts(num):
			// "1- Nâng cao nhận thức…", "2.1- Về thể chế": the dash of
			// Party documents, as in "I-", only before a capital ("5- 6
			// tuổi" is a range).
			if next, _ := utf8.DecodeRuneInString(line[i+2:]); unicode.IsUpper(next) {
				return line[:i+1], num, labelNumber, strings.TrimSpace(line[i+1:])
			}
		case line[i] == ' ' && strings.Contains(num, ".") && shortParts(num):
			// "1.1 Hỗ trợ…" without the final dot, only before a capital.
			if next, _ := utf8.DecodeRuneInString(line[i+1:]); unicode.IsUpper(next) {
				return line[:i], num, labelNumber, strings.TrimSpace(line[i:])
			}
		}
		return "", "", labelNone, line
	}
	if unicode.IsLower(r) && n < len(line) && line[n] == '.' {
		// "b.1) Đối tượng…", "b.1.1) Người nộp thuế…"
		j := n
		for j < len(line) && (line[j] == '.' || line[j] >= '0' && line[j] <= '9') {
			j++
		}
		if j+1 < len(line) && line[j] == ')' && line[j+1] == ' ' && line[j-1] != '.' && shortParts(line[n+1:j]) {
			return line[:j+1], line[:j], labelSubLetter, strings.TrimSpace(line[j+1:])
		}
		return "", "", labelNone, line
	}
	if unicode.IsLower(r) && n < len(line)-1 && line[n] == ')' && line[n+1] == ' ' {
		return line[:n+1], line[:n], labelLetter, strings.TrimSpace(line[n+1:])
	}
	if end := strings.IndexByte(line, ')'); end > 1 && end <= 5 && end+1 < len(line) && line[end+1] == ' ' && romanValue(line[:end]) > 0 {
		// "ii) Quyết định thành lập…", "iv) Hồ sơ năng lực:"
		return line[:end+1], line[:end], labelRoman, strings.TrimSpace(line[end+1:])
	}
	return "", "", labelNone, line
}

// romanValue is the value of a lower-case roman numeral of two to five
// letters ("ii" 2, "iv" 4, "xii" 12), 0 for anything else ("i", "v" and
// "x" are letters too: the parser tells them by their neighbours).
func romanValue(s string) int {
	if len(s) < 2 {
		return 0
	}
	return lowerRoman(s)
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

// shortParts reports a section number of at most 4 parts of 1–2 digits
// ("1", "2.1"), not a year ("2030.").
func shortParts(num string) bool {
	parts := strings.Split(num, ".")
	for _, p := range parts {
		if len(p) == 0 || len(p) > 2 {
			return false
		}
	}
	return len(parts) <= 4
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
	case has("to chuc thuc hien", "trach nhiem thuc hien", "che do bao cao"):
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

// roleKeywords are a task table's column roles by header words, checked in
// this order (a "Cơ quan phối hợp" column is a partner, not the agency).
var roleKeywords = []struct {
	role  colRole
	words []string
}{
	{colNum, []string{"stt", "tt", "so tt", "so thu tu"}},
	{colPartner, []string{"phoi hop"}},
	{colDeadline, []string{"thoi han", "thoi gian", "tien do", "hoan thanh"}},
	{colFunding, []string{"kinh phi", "nguon"}},
	{colNote, []string{"ghi chu", "tinh trang"}},
	{colAgency, []string{"chu tri", "phu trach", "thuc hien", "co quan", "don vi", "bo, nganh"}},
	{colOutput, []string{"chi tieu", "san pham", "ket qua", "du kien"}},
	{colGroup, []string{"nhom", "linh vuc", "thuoc"}},
	{colSource, []string{"tinh", "dia phuong", "noi kien nghi"}},
	{colTask, []string{"noi dung", "nhiem vu", "de an", "du an", "ten", "hoat dong", "giai phap", "cong viec", "de xuat", "kien nghi"}},
}

// colRole is what a task table's column holds.
type colRole int

const (
	colOther colRole = iota
	colNum
	colTask
	colAgency
	colPartner
	colDeadline
	colOutput
	colGroup
	colFunding
	colNote
	colSource
)

// headerRoles reads a table's header row. It is a header when no cell is
// long text or a piece of a sentence, and at least two cells name a role,
// one of them a task column.
func headerRoles(cells []string) ([]colRole, bool) {
	if len(cells) == 0 || !labelCells(cells) {
		return nil, false
	}
	roles := make([]colRole, len(cells))
	known, task := 0, false
	for i, c := range cells {
		if words(c) > 12 {
			return nil, false
		}
		f := strings.TrimSpace(viet.Fold(stripFootnote(c)))
		for _, rk := range roleKeywords {
			if matchRole(f, rk.words) {
				roles[i] = rk.role
				break
			}
		}
		if roles[i] != colOther {
			known++
		}
		task = task || roles[i] == colTask
	}
	return roles, known >= 2 && task
}

// labelCells reports cells that can be a header's labels: the first does
// not start with a digit or a lower-case letter (a data row's number, "3.5
// | Cam kết kiểm | Bắt buộc, | …", "12.8.1| Tên người mua hàng | …", or a
// cell's wrapped line, "nghiệp vụ; phôi hợp | báo cáo, đề xuất | …"), and
// no cell ends a clause (",", ";") or is a sentence ending with a stop
// ("Nhập tên người mua hàng miễn thuế.").
func labelCells(cells []string) bool {
	r, _ := utf8.DecodeRuneInString(cells[0])
	if unicode.IsDigit(r) || unicode.IsLower(r) {
		return false
	}
	for _, c := range cells {
		if strings.HasSuffix(c, ",") || strings.HasSuffix(c, ";") || strings.HasSuffix(c, ".") && words(c) >= 4 {
			return false
		}
	}
	return true
}

func matchRole(f string, ws []string) bool {
	for _, w := range ws {
		if f == w || strings.HasPrefix(f, w+" ") || strings.Contains(f, " "+w+" ") || strings.HasSuffix(f, " "+w) ||
			len(w) > 3 && strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// stripFootnote drops a footnote marker "[1]" from a cell.
func stripFootnote(s string) string {
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 || !isAllDigits(s[i+1:i+j]) || j == 1 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// tableCells splits a table row ("a | b | c", "| a | b |") into trimmed
// cells, or returns nil for a line that is no row.
func tableCells(line string) []string {
	if !strings.Contains(line, " | ") && !(strings.HasPrefix(line, "|") && strings.Count(line, "|") >= 2) {
		return nil
	}
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// textCell reports a cell that holds text rather than a number, a dash or
// a percentage: a data table's rows have none besides a name.
func textCell(c string) bool {
	letters := 0
	for _, r := range c {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// groupLabel recognizes the label cell of a table's group row: "A.", "I",
// "II.", "1." over an upper-case or short title.
func groupLabel(c string) bool {
	c = strings.TrimSuffix(c, ".")
	if isRoman(c) {
		return true
	}
	return len(c) == 1 && c[0] >= 'A' && c[0] <= 'Z'
}

// orgWords start the name of an agency or organisation (viet.Lower: "sở"
// is an agency, "số" a number): an item whose own text is such a name and
// nothing else heads the tasks under it ("1. Sở Y tế:") or is a list entry
// ("1. Công ty Cổ phần…"), not a task.
var orgWords = []string{"bộ ", "sở ", "cục ", "vụ ", "ban ", "ủy ban", "ubnd", "hđnd", "công an", "công ty",
	"tổng công ty", "tập đoàn", "ngân hàng", "văn phòng", "thanh tra", "báo ", "đài ", "trường ", "viện ", "hội ",
	"đoàn ", "mặt trận", "liên minh", "hợp tác xã", "trung tâm", "tổng cục", "các sở", "các bộ", "các cơ quan",
	"các đơn vị", "các địa phương", "các doanh nghiệp", "đảng ủy", "tỉnh ủy", "thành ủy", "huyện ủy", "chủ tịch",
	"giám đốc", "thủ trưởng", "bộ trưởng", "kho bạc", "công đoàn", "phòng ", "quân đội", "lực lượng"}

// AgencyName reports text that is only the name of an agency (with a
// trailing colon or period): at most 15 words, starting with an
// organisation word, and no clause after a colon.
func AgencyName(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ":.;")
	if t == "" || words(t) > headingWords || strings.Contains(t, ": ") {
		return false
	}
	f := viet.Lower(t) + " "
	f = strings.TrimPrefix(f, "đề nghị ")
	for _, w := range orgWords {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

// inlineAgency splits "Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương kiểm
// tra…" into the agency and the task after the colon.
func inlineAgency(text string) (agency string, ok bool) {
	head, _, found := strings.Cut(text, ": ")
	if !found || !AgencyName(head) {
		return "", false
	}
	head = strings.TrimSpace(head)
	if h, ok := strings.CutPrefix(head, "Đề nghị "); ok {
		head = h
	}
	return head, true
}

func itoa(n int) string { return strconv.Itoa(n) }
