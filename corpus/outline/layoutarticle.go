package outline

// Line classes of article headings: "Điều 12. …", in capitals, and an
// inserted article's letter ("Điều 63a.", "Điều 110đ.").

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// The word of an article heading, as the heading rules compare it (the
// canonical form, headingForm): in sentence case and in capitals.
const articleWord, articleWordUpper = "Điều", "ĐIỀU"

// headingForm is a body's line as the parser reads it: composed when it
// holds decomposed marks (viet.ComposeMarks: an NFD body reads as its NFC
// twin, for every rule alike), and its first word in viet.Canon's tone
// placement when that word, so written, opens a heading ("Điêù 5.",
// "Đìêu 5.", "ĐIÊÙ 5." → "Điều 5.", "ĐIỀU 5."): the heading rules
// (articleHeading, partHeading's doctype.DivisionWords) compare the
// canonical word, and a line's other words stay as written. A composed
// line whose first word is canonical or heads nothing is returned as it
// is, without a copy.
func headingForm(s string) string {
	s = viet.ComposeMarks(s)
	if s == "" || s[0] != 0xC4 && s[0] != 'C' && s[0] != 'M' && s[0] != 'P' && s[0] != 'D' {
		return s // "Đ" is C4 90; Chương, Mục, Phần; "Dieu"
	}
	end := strings.IndexAny(s, " .:")
	if end < 0 {
		end = len(s)
	}
	w := s[:end]
	if c := viet.Canon(w); c != w && headingWord(c) {
		return c + s[end:]
	}
	if c := toneless(w); c != "" {
		if t := c + s[end:]; articleHeadingLine(t) {
			return t
		}
	}
	return s
}

// toneless is the article word for a first word that is it without its
// tone, as OCR drops it or a text typed without diacritics has it
// ("Điêu 24. Trách nhiệm …", NĐ 262/2026; "Dieu 1. Pham vi dieu chinh",
// NĐ 146/2026's summary): "Điều", "ĐIỀU" in capitals, or "" for any
// other word ("Điệu", "Diễu" carry a tone of their own). headingForm
// takes it only where the line then reads as an article's heading.
func toneless(w string) string {
	for _, f := range [...]string{"điêu", "dieu", "đieu", "diêu"} {
		if strings.EqualFold(w, f) {
			if strings.ToUpper(w) == w {
				return articleWordUpper
			}
			return articleWord
		}
	}
	return ""
}

// articleHeadingLine reports a line that articleHeading reads.
func articleHeadingLine(s string) bool {
	_, _, ok := articleHeading(s)
	return ok
}

// headingWord reports a word that opens a heading, in the canonical form:
// an article's ("Điều", "ĐIỀU") or a division's (doctype.DivisionWords).
func headingWord(w string) bool {
	if w == articleWord || w == articleWordUpper {
		return true
	}
	for _, d := range partWords {
		if strings.TrimSpace(d.Word) == w {
			return true
		}
	}
	return false
}

// articleHeading recognizes "Điều 1. Phê duyệt…" and returns "Đ1". The
// word in capitals ("ĐIỀU 1. PHÊ DUYỆT…", as older and scanned texts set
// their article headings) is the same heading. An article an amending
// text inserts after another ("Điều 63a. Các trường hợp …", "ĐIỀU 63A.")
// is "Đ63a": no other heading gives an ID of a number and a letter.
func articleHeading(s string) (id, title string, ok bool) {
	if rest, found := strings.CutPrefix(s, articleWordUpper+" "); found {
		s = articleWord + " " + rest
	}
	num, suffix, title, ok := articleHeading3(s)
	if !ok {
		return "", "", false
	}
	return "Đ" + num + suffix, title, true
}

// citesDocument reports the title of an article heading written without
// its stop ("Điều 33 Nghị định này áp dụng …") that opens with a
// document's name: a kind of document (corpus/doctype) then "này", "số"
// or a capitalised name ("Điều 28 Luật Xử lý vi phạm hành chính …",
// "Điều 12 Thông tư số 09/2025/TT-BXD …", "Điều 4 Thông tư số … được sửa
// đổi, bổ sung như sau:"). Such a line cites an article of that document
// (the rest of a sentence a hard wrap broke before it) or announces its
// amendment; no article is titled so. Every article heading without its
// stop that the outline read in ../shared (govdocs: NĐ 169, 146, 244,
// 252, 275, 50/2026, TT 37, 89/2026) was one, and opened a false article
// (the real one after it numbered "~2"); the index took its number and
// "title" too (ArticleHeading). A title in sentence case after the kind's
// name ("Điều 3 Luật áp dụng") is still a heading.
func citesDocument(title string) bool {
	words := strings.Fields(title)
	if len(words) > doctype.MaxWords+1 {
		words = words[:doctype.MaxWords+1]
	}
	folded := make([]string, len(words))
	for k, w := range words {
		folded[k] = viet.Fold(strings.Trim(w, ",;:.()"))
	}
	_, n, ok := doctype.Match(folded)
	if !ok || n >= len(words) {
		return false
	}
	next := strings.Trim(words[n], ",;:.()")
	if next == "này" || next == "số" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r)
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
	return readArticleHeading(s, true)
}

// readArticleHeading is articleHeading3; with cites false, a heading
// without its stop whose title names a document ("Điều 5 Nghị định này
// có hiệu lực …") is read too (stoplessArticle decides it in context).
func readArticleHeading(s string, cites bool) (number, suffix, title string, ok bool) {
	rest, found := strings.CutPrefix(s, articleWord+" ")
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
		// heading without its dot starts with a capital, and does not
		// name a document ("Điều 33 Nghị định này …").
		if r, _ := utf8.DecodeRuneInString(title); !unicode.IsUpper(r) || cites && citesDocument(title) {
			return "", "", "", false
		}
	}
	return number, suffix, title, true
}

// stoplessArticle reads, in context, the article heading citesDocument
// refuses out of context: a heading that lost its stop (OCR) and whose
// article has no title, its text opening with the text's own name
// ("Điều 5 Nghị định này có hiệu lực thi hành …", "Điều 2 Quyết định
// này có hiệu lực kể từ ngày ký.", "Điều 12 Luật này có hiệu lực …").
// It is the heading when the line before ends a sentence and its number
// is the next article's: a reference a hard wrap put at a line's start
// follows a line broken off mid-sentence ("… tại khoản 2, 3, 4" / "Điều
// 33 Nghị định này …": every one of those in ../shared, 148 lines), and
// cites an article other than the next one as often as not. The index
// reads headings line by line (ArticleHeading) and does not take it.
func (p *outlineParser) stoplessArticle(line string) (id, title string, ok bool) {
	if rest, found := strings.CutPrefix(line, articleWordUpper+" "); found {
		line = articleWord + " " + rest
	}
	if _, _, _, ok := articleHeading3(line); ok {
		return "", "", false
	}
	prev := strings.TrimSpace(p.lastLine)
	if prev == "" {
		prev = p.sec().Title // "Điều 1. Ban hành kèm theo Quyết định này …." then the line
	}
	num, suffix, title, ok := readArticleHeading(line, false)
	if !ok || suffix != "" || !endsSentence(prev) {
		return "", "", false
	}
	n, ok := articleNumber(p.sec().ID)
	if !ok || num != strconv.Itoa(n+1) {
		return "", "", false
	}
	return "Đ" + num, title, true
}
