package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines without class names: portals print the author, the source and
// the photo credit as plain paragraphs at the end (or the start) of the
// text — "Minh Anh", "Thu Hằng (TTXVN)", "Theo Báo Chính phủ", "Tin, ảnh:
// Văn Dũng", "Additional reporting by …", "Write to … at …@…". They are
// found by their shape, among the first and last lines of a body long
// enough to have them (see dropBoilerLines).

// bylineRunes bounds a byline.
const bylineRunes = 100

// bylineOpeners open credit lines (compared case-sensitively: "Theo" opens
// a credit, "theo" a sentence).
var bylineOpeners = []string{
	"Theo ", "Nguồn:", "Nguồn tin:", "Nguồn ảnh:", "Tin, ảnh:", "Tin và ảnh:", "Bài, ảnh:", "Bài và ảnh:",
	"Tin:", "Bài:", "Ảnh:", "Tác giả:", "Người viết:", "Thực hiện:", "Nhóm PV", "Nhóm phóng viên",
	"Additional reporting by", "Reporting by", "Writing by", "Editing by", "Written by", "Story by",
	"Photos by", "Photo by", "With reporting by", "Compiled by",
}

// bylineClosers end credit lines.
var bylineClosers = []string{
	"contributed to this report.", "contributed to this story.", "contributed reporting.",
	"contributed to this article.", "contributed reporting to this article.",
}

var (
	emailRE   = regexp.MustCompile(`^[\w.+-]+@[\w-]+(\.[\w-]+)+$`)
	handleRE  = regexp.MustCompile(`^(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com/[\w./-]+$`)
	writeToRE = regexp.MustCompile(`^Write to .{2,60} at \S+@\S+$`)
	// reporterRE matches the short signatures of Vietnamese news: "PV",
	// "P.V", "CTV", "BTV", "Nhóm PV", optionally with an agency.
	reporterRE = regexp.MustCompile(`^(?:PV|P\.V|CTV|BTV|NV|Phóng viên)(?:\s*[-–(/].*)?\.?$`)
)

// isCredit reports whether l, a line at an edge of the body, is a credit
// line by its words: an opener ("Theo …", "Tin, ảnh: …"), a closer ("…
// contributed to this report."), an address ("Write to … at …", an email,
// a social-media handle) or a reporter's signature ("PV", "CTV").
func isCredit(l string) bool {
	if utf8.RuneCountInString(l) > bylineRunes {
		return false
	}
	for _, o := range bylineOpeners {
		if strings.HasPrefix(l, o) && (o != "Theo " || isSourceName(l[len(o):])) {
			return true
		}
	}
	for _, c := range bylineClosers {
		if strings.HasSuffix(l, c) {
			return true
		}
	}
	return emailRE.MatchString(l) || handleRE.MatchString(l) || writeToRE.MatchString(l) || reporterRE.MatchString(l)
}

// isSourceName reports whether s, what follows "Theo ", names a source
// rather than continuing a sentence ("Theo kế hoạch, …"): at most six
// words, the first capitalised, and no sentence punctuation.
func isSourceName(s string) bool {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || strings.ContainsAny(s, ",;:!?") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[0], "(\"“"))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isAuthorName reports whether l is a person's name signing the article
// ("Minh Anh", "Nguyễn Thu Hằng (TTXVN)"): two to five words, each
// capitalised, no digit, no sentence punctuation, with an agency in
// parentheses or after a dash allowed. It is only asked of the last line,
// after a paragraph of prose (a signature block of a legal document
// follows a title line such as "CHỦ TỊCH", not prose).
func isAuthorName(l string) bool {
	if utf8.RuneCountInString(l) > 60 || strings.ContainsAny(l, "0123456789,;:!?.") && !strings.HasSuffix(l, ")") {
		return false
	}
	name := l
	if i := strings.IndexAny(l, "(–-"); i > 0 {
		name = strings.TrimSpace(l[:i])
	}
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || !isLowerWord(w[size:]) {
			return false
		}
	}
	return true
}

// isLowerWord reports whether every rune of s is a lower-case letter
// (names are "Hằng", not "HẰNG" or "hằng").
func isLowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// proseLine reports whether l is a paragraph of prose: long, ending with
// sentence punctuation.
func proseLine(l string) bool {
	l = strings.TrimRight(l, " ”\"')")
	return utf8.RuneCountInString(l) >= 80 && strings.ContainsAny(l[len(l)-1:], ".!?…")
}
