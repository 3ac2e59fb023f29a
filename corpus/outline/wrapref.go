package outline

// References a hard-wrapped body breaks before the article they name (the
// format is in plan.go's comment).

import "strings"

// citeWords end a line that breaks a reference before the article it
// names ("… quy định tại" / "Điều 155 Luật Đất đai").
var citeWords = map[string]bool{"tại": true, "theo": true, "và": true, "của": true, "hoặc": true}

// citePartWords name a part of an article, the line ending on its number
// ("… tại khoản 3" / "Điều 155 …", "… điểm d khoản 2"); in lower case
// only: "Mục 6" ending a line is a heading (OCR: "- Mục 6", "Mục H").
var citePartWords = map[string]bool{"khoản": true, "điểm": true, "mục": true}

// wrappedReference reports an article heading that is the rest of a
// reference wrapped onto its own line by a hard-wrapped body: the line
// before it breaks off mid-sentence on "tại", "theo", "và", "của",
// "hoặc" or a "khoản 3", "điểm d", and the line is not the next article's
// heading written with its stop ("Điều 14." in Điều 13). Real: "… theo
// quy định tại khoản 3" then "Điều 155 Luật Đất đai. Riêng trường hợp…"
// inside Điều 13 (NĐ 50/2026), "… quy định tại khoản 3" then "Điều 9
// Nghị định này, thuộc một trong các trường hợp sau đây:" inside Điều 8
// (NĐ 234/2026).
func (p *outlineParser) wrappedReference(id, line string) bool {
	prev := strings.TrimSpace(p.lastLine)
	if prev == "" || endsSentence(prev) {
		return false
	}
	num := strings.TrimPrefix(id, "Đ")
	after := strings.TrimPrefix(line, "Điều "+num)
	if (strings.HasPrefix(after, ".") || strings.HasPrefix(after, ":")) && p.nextArticle("Điều "+num+".") {
		return false
	}
	f := strings.Fields(prev)
	last := f[len(f)-1]
	if citeWords[last] {
		return true
	}
	return len(f) >= 2 && citePartWords[f[len(f)-2]]
}
