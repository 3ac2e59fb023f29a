package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A text adopted by an elected body closes with the formula that names
// it: "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam
// khóa XV, kỳ họp thứ 7 thông qua ngày …", "Pháp lệnh này đã được Ủy ban
// Thường vụ Quốc hội khóa XIV thông qua ngày …", "Nghị quyết này đã được
// Hội đồng nhân dân tỉnh … khóa X, kỳ họp thứ 12 thông qua ngày …". A text
// without a header (a constitution, a law's full text on a portal) names
// its issuer only there.

// adoptedRe matches the formula on folded text: group 1 is the body's
// name, without the state's name, the term ("khóa XV") and the session.
var adoptedRe = regexp.MustCompile(`^[a-z ]{3,30}? nay da duoc (.{4,90}?)(?:\s+nuoc cong hoa xa hoi chu nghia viet nam)?(?:,?\s+khoa\s+[ivxlc\d]+)?(?:,?\s+ky hop[^,]{0,40}?)?,?\s+thong qua ngay\b`)

// adoptBack is how many lines from the end the formula is looked for.
const adoptBack = 80

// adoptedBy returns the body that adopted the text of lines, read from
// its closing formula, or "".
func adoptedBy(lines []string) string {
	for i := len(lines) - 1; i >= max(0, len(lines)-adoptBack); i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || len(l) > 600 || !strings.Contains(l, "thông qua") {
			continue
		}
		f := foldAligned(l)
		m := adoptedRe.FindStringSubmatchIndex(f)
		if m == nil {
			continue
		}
		name := strings.Trim(unfoldedSpan(l, f, m[2], m[3]), " ,")
		if startsUpper(name) && utf8.ValidString(name) { // a broken byte names no document
			return name
		}
	}
	return ""
}
