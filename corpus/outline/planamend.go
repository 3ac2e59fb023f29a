package outline

// Quoted amendments as the parser reads them: the line that opens a quote
// after an announcing "… như sau:", where the quote closes, and whether
// the announcing text amends (planquote.go grafts the quoted provisions).

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// maxQuoteLines bounds a quoted amendment whose closing quote is lost.
const maxQuoteLines = 300

// opensQuote reports the first line of a quoted amendment: after an item
// or text ending "… như sau:", a line opening a quote it does not close
// ("“2. Đất, đá thải mỏ là …", then "10. …", "a) …" up to the line
// ending "”."; or in straight quotes, as many amending decrees are
// typed: a line starting `"1. Cơ sở dữ liệu …` up to one ending `…".`). What is quoted is the text
// the amending document puts in force, not its own outline: it belongs to
// the item announcing it.
func (p *outlineParser) opensQuote(line string) bool {
	if !opensMark(line) {
		// A quote closed on its line ("“Ngày hội Chuyển đổi số” được
		// tổ chức…") opens nothing.
		return false
	}
	prev := strings.TrimSpace(p.announcingLine())
	if !strings.HasSuffix(prev, "như sau:") && !strings.HasSuffix(prev, "như sau :") && !(p.legal() && announcesAmendment(strings.TrimSuffix(prev, ".")) && quotesProvision(line)) {
		// Without "như sau:", only an article of a legal text (or a
		// quote of one) announces, and a provision is quoted ("“5. …",
		// "“Điều 30a. …"): a task "Bổ sung nhiệm vụ tại khoản 2 Điều 4
		// Kế hoạch …" then a motto in quotes opens none. Then the
		// announcement may end with a full stop ("1. Sửa đổi Điều 3."
		// then "“Điều 3. …").
		return false
	}
	if strings.HasPrefix(line, "\"") && !p.amends() {
		// OCR reads a stray mark as a straight quote (a definitions
		// article "… được hiểu như sau:" then `" 1. Hạ tầng công nghệ
		// là …`): a straight quote opens an amendment only after an
		// item that amends.
		return false
	}
	if strings.HasPrefix(line, "\"") && !p.inArticle() && !p.quoteCloses() {
		// Outside an article (a plan's "1. Bổ sung nhiệm vụ như sau:"),
		// nothing ends a quote never closed before 300 lines: a stray
		// straight quote would take every section after it. It opens
		// one only when a line closes it first.
		return false
	}
	// An odd number of straight quotes leaves the first one open.
	return strings.HasPrefix(line, "\"") || !closesQuote(line)
}

// inArticle reports the current section is an article ("Đ3", "Đ3~2",
// an inserted "Đ63a"), where nextArticle ends a quote never closed.
func (p *outlineParser) inArticle() bool {
	_, ok := articleNumber(p.sec().ID)
	return ok
}

// articleNumber is the number of an article's section ID without its
// letter or repeat mark: "Đ3", "Đ3~2" → 3, "Đ63a", "Đ110đ" → 63, 110.
func articleNumber(id string) (int, bool) {
	cur, _, _ := strings.Cut(id, "~")
	cur, ok := strings.CutPrefix(cur, "Đ")
	if !ok {
		return 0, false
	}
	digits := strings.TrimRight(cur, "abcdefghijklmnopqrstuvwxyzđ")
	if utf8.RuneCountInString(cur[len(digits):]) > 1 {
		return 0, false // one letter at most
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil
}

// quoteCloses reports a line after the one being read that closes a quote
// before anything would end it (Nơi nhận, a signature, the next
// announcement, maxQuoteLines). The first such line found is remembered
// with the line the search began at: a later search starting before it
// ends there too, so repeated openings read each line once.
func (p *outlineParser) quoteCloses() bool {
	if p.at > p.qFrom && p.at < p.qStop {
		return p.qClosed
	}
	end := min(len(p.lines), p.at+1+maxQuoteLines)
	for j := p.at + 1; j < end; j++ {
		line, _ := clean(p.lines[j])
		if line == "" {
			continue
		}
		if isClosing(line) || isSignature(line) || p.announcesQuote(j, line) {
			p.qFrom, p.qStop, p.qClosed = p.at, j, false
			return false
		}
		if closesQuote(line) {
			p.qFrom, p.qStop, p.qClosed = p.at, j, true
			return true
		}
	}
	if end == len(p.lines) {
		p.qFrom, p.qStop, p.qClosed = p.at, end, false
	}
	return false
}

// amends reports whether the item (or section text) taking the last line
// announces an amendment: "Sửa đổi, bổ sung khoản 1 như sau:", "Điều 13
// được sửa đổi như sau:", "thay thế … như sau:".
func (p *outlineParser) amends() bool {
	p.flushText()
	text := p.sec().Text
	if p.last >= 0 {
		text = p.o.Items[p.last].Text
	} else if p.headingAnnounces() {
		return true
	}
	return amending(text[max(0, len(text)-600):])
}

// announcesAmendment reports the announcement of an amendment that does
// not end "như sau:" (NĐ 155/2026/NĐ-CP's article titles "Bổ sung Điều 30a
// vào sau Điều 30", "Sửa đổi, bổ sung Điều 8", its clause "1. Sửa đổi, bổ
// sung khoản 1"; NĐ 228/2026's "3. Sửa đổi, bổ sung khoản 5:"): the line,
// its label read off, opens with an amending verb (sửa đổi, bổ sung, thay
// thế), names a provision ("Điều 30a", "khoản 5", "điểm b", "Mục 2a",
// "Chương IV", "Phụ lục II") and ends with no full stop. A line opening a
// quote after it opens the quote (opensQuote), as after "… như sau:". A
// sentence with its verb later ("Cơ quan … sửa đổi Điều 8") or naming no
// provision ("Bổ sung nhiệm vụ tuyên truyền", a plan's) announces none.
func announcesAmendment(line string) bool {
	if _, _, kind, rest := itemLabel(line); kind != labelNone {
		line = rest
	}
	line = strings.TrimSpace(line)
	if line == "" || strings.HasSuffix(line, ".") {
		return false
	}
	w := strings.FieldsFunc(viet.Fold(line), func(r rune) bool {
		return r == ' ' || r == ',' || r == ':' || r == ';' || r == '(' || r == ')'
	})
	if len(w) < 3 || !(w[0] == "sua" && w[1] == "doi" || w[0] == "bo" && w[1] == "sung" || w[0] == "thay" && w[1] == "the") {
		return false
	}
	for k := 2; k+1 < len(w); k++ {
		if provisionNamed(w[k], w[k+1]) || k+2 < len(w) && w[k] == "phu" && w[k+1] == "luc" && provisionNamed("muc", w[k+2]) {
			return true
		}
	}
	return false
}

// quotesProvision reports a line opening a quote with a provision: an
// item's label ("“b) …") or a number ("“5. …", "“3a. …", OCR's `"1, …`),
// an article's heading ("“Điều 30a. …") or a part's ("“Mục 2a …",
// "“Chương IV …"); a motto ("“Kỷ cương, trách nhiệm …") is none.
func quotesProvision(line string) bool {
	s := strings.TrimSpace(strings.TrimLeft(line, "“\""))
	if _, _, kind, _ := itemLabel(s); kind != labelNone {
		return true
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return true // an inserted clause, "3a." (TT 15/2026/TT-BCT); OCR's "1," (NĐ 236/2026)
	}
	if _, _, _, ok := articleHeading3(s); ok {
		return true
	}
	_, _, ok := partHeading(s)
	return ok
}

// provisionNamed reports a unit of a legal text and its number, folded
// words: "dieu 30a", "khoan 5", "diem b" (a letter, "đ" folded to "d"),
// "muc 2a", "chuong iv", "phan ii" (a number or a roman one).
func provisionNamed(unit, num string) bool {
	if num == "" {
		return false
	}
	digit := num[0] >= '0' && num[0] <= '9'
	switch unit {
	case "dieu", "khoan":
		return digit
	case "diem":
		return digit || len(num) == 1 && num[0] >= 'a' && num[0] <= 'z'
	case "muc", "chuong", "phan":
		return digit || isRoman(strings.ToUpper(num))
	}
	return false
}

// amending reports the words of an amendment in s: sửa đổi, bổ sung, thay
// thế.
func amending(s string) bool {
	f := viet.Fold(s)
	return strings.Contains(f, "sua doi") || strings.Contains(f, "bo sung") || strings.Contains(f, "thay the")
}

// nextArticle reports, inside a quote, the heading of the article after
// the one the quote is in ("Điều 2." inside Điều 1 of the amending
// document): the quote was never closed. An article the quote puts in
// force starts with the quote mark, or follows it inside the quote with
// a number of the amended document, seldom the next one of the amending
// document.
func (p *outlineParser) nextArticle(line string) bool {
	id, _, ok := articleHeading(line)
	if !ok {
		return false
	}
	n, ok := articleNumber(p.sec().ID)
	return ok && id == "Đ"+itoa(n+1)
}

// opensMark reports a line starting with a quote mark it does not close:
// a curly “ with more “ than ” on the line, or a straight " with an odd
// number of them (`"Kỹ thuật đánh dấu "+": …` opens one; `"c) Đơn vị
// bán lẻ điện.";` opens and closes it).
func opensMark(line string) bool {
	switch {
	case strings.HasPrefix(line, "“"):
		return strings.Count(line, "“") > strings.Count(line, "”")
	case strings.HasPrefix(line, "\""):
		return strings.Count(line, "\"")%2 == 1
	}
	return false
}

// announcesQuote reports, inside a quote, a numbered line ending "… như
// sau:" followed by a line opening a quote ("2. Bổ sung khoản 5 như
// sau:", "“5. …"): the amending document's next item, so the quote
// before it was never closed (a lost closing mark) and ends here.
func (p *outlineParser) announcesQuote(i int, line string) bool {
	if !strings.HasSuffix(line, "như sau:") && !strings.HasSuffix(line, "như sau :") {
		return false
	}
	if _, _, kind, _ := itemLabel(line); kind != labelNumber && kind != labelLetter {
		return false
	}
	for j := i + 1; j < len(p.lines); j++ {
		if next, _ := clean(p.lines[j]); next != "" {
			return strings.HasPrefix(next, "“") || strings.HasPrefix(next, "\"")
		}
	}
	return false
}

// closesQuote reports a line that ends a quote: "…”.", "…”;", or in
// straight quotes `…".`, `…";` with an odd number of them (a line ending
// with a quoted term, `… gọi là "Hệ thống".`, closes nothing).
func closesQuote(line string) bool {
	t := strings.TrimRight(line, " .;,:/")
	return strings.HasSuffix(t, "”") || strings.HasSuffix(t, "\"") && strings.Count(t, "\"")%2 == 1
}

// quoted adds a line of a quoted amendment to the item (or section text)
// announcing it, and ends the quote at its closing line (not at its
// first, which opensQuote found open).
func (p *outlineParser) quoted(i int, line string, first bool) {
	// The lines are added to the announcing text at once when the quote
	// ends (quoteText): line by line, a quote of maxQuoteLines lines
	// copied the growing text once a line.
	p.lastLine, p.lastFirst = line, false
	p.qLines = append(p.qLines, i)
	p.quoting--
	if p.quoting == 0 || !first && !p.bare && closesQuote(line) {
		p.endQuote()
	}
}

// opensBareQuote reports the first line of a quote written without marks,
// as some portals publish amending decrees: in an article of the amending
// text, after an announcement that amends and ends "như sau" (with or
// without its colon), the heading of the article (or part) it names
// ("Điều 4. Bổ sung Điều 19a vào sau Điều 19 như sau" then "Điều 19a. Ứng
// dụng …"; "Bổ sung Mục 3 và Điều 19a … như sau:" then "Mục 3. …"; "…
// khoản 1 Điều 6 của Nghị định số … với nội dung như sau:" then "Điều 6.
// …"). Read as a heading, the article was the amending text's own (Đ19a,
// or Đ4~2 beside the amending Điều 4). The heading must be the one the
// announcement names: a heading after "… như sau:" that it does not name
// (an OCR'd text that lost the article between) opens nothing, nor does
// the amending text's next article. The quote ends at that next article,
// at the next amendment announced (announcesNext), or where the document
// does; a closing mark inside it (a term quoted at a line's end) ends
// nothing.
func (p *outlineParser) opensBareQuote(line string) bool {
	if p.clauses || !p.inArticle() {
		return false
	}
	prev := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.announcingLine()), ":"))
	if id, _, ok := articleHeading(line); ok {
		if p.wrappedReference(id, line) || p.nextArticle(line) && !namesCited(viet.Fold(prev), line) {
			return false
		}
	} else if _, _, ok := partHeading(line); !ok {
		return false
	}
	if !strings.HasSuffix(prev, "như sau") || !p.amends() {
		return false
	}
	return names(viet.Fold(prev), line)
}

// namesCited reports an announcement (folded) that names the article a
// heading opens as an article of another document: "… khoản 1 Điều 6
// của Nghị định số 123/2024/NĐ-CP với nội dung như sau:" then "Điều 6.
// Xác định số lợi bất hợp pháp …" (NĐ 281/2026 Điều 5). The heading is
// that document's, quoted, though its number is the amending text's next
// article; "… Điều 6 Nghị định này như sau:" names the text's own.
func namesCited(ann, line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 {
		return false
	}
	unit := viet.Fold(f[0]) + " " + strings.ToLower(strings.TrimRight(viet.Fold(f[1]), ".:"))
	for k := strings.Index(ann, unit); k >= 0; {
		end := k + len(unit)
		w := leadWords(ann[end:], doctype.MaxWords+2)
		if len(w) > 0 && w[0] == "cua" {
			w = w[1:]
		}
		if len(w) > doctype.MaxWords+1 {
			w = w[:doctype.MaxWords+1]
		}
		if _, n, ok := doctype.Match(w); ok && n < len(w) && w[n] != "nay" {
			return true
		}
		next := strings.Index(ann[end:], unit)
		if next < 0 {
			break
		}
		k = end + next
	}
	return false
}

// leadWords returns the first n words of s, split at spaces, commas and
// brackets: only those are read, so an announcement naming an article
// many times ("khoản 1 Điều 6, khoản 2 Điều 6, …") is read once over, not
// once from each naming to its end.
func leadWords(s string, n int) []string {
	sep := func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }
	w := make([]string, 0, n)
	for len(w) < n {
		s = strings.TrimLeftFunc(s, sep)
		if s == "" {
			break
		}
		end := strings.IndexFunc(s, sep)
		if end < 0 {
			end = len(s)
		}
		w = append(w, s[:end])
		s = s[end:]
	}
	return w
}

// names reports an announcement (folded) that names the article or part a
// heading opens, as a whole word: "… Mục 3 và Điều 19a …" names "Mục 3."
// and "Điều 19a. …", not "Điều 19." nor "Điều 1.".
func names(ann, line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 {
		return false
	}
	unit := viet.Fold(f[0]) + " " + strings.ToLower(strings.TrimRight(viet.Fold(f[1]), ".:"))
	for k := strings.Index(ann, unit); k >= 0; {
		end := k + len(unit)
		if r, _ := utf8.DecodeRuneInString(ann[end:]); end == len(ann) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		next := strings.Index(ann[end:], unit)
		if next < 0 {
			break
		}
		k = end + next
	}
	return false
}

// announcesNext reports, inside a quote without marks, the amending text's
// next numbered amendment ("1.2. Sửa đổi, bổ sung điểm d khoản 3 Điều 5
// …"): a quoted provision does not open with an amending verb. A repeal
// ("2. Bãi bỏ khoản 3 Điều 12.") and an amendment with its verb after the
// provision ("3. Điều 14 được sửa đổi, bổ sung như sau:", "2. Khoản 4
// được bãi bỏ.") are the amending text's too: a quoted clause names no
// provision of its own text then amends it.
func announcesNext(line string) bool {
	_, _, kind, rest := itemLabel(line)
	if kind != labelNumber {
		return false
	}
	if announcesAmendment(line) {
		return true
	}
	w := strings.FieldsFunc(viet.Fold(rest), func(r rune) bool {
		return r == ' ' || r == ',' || r == ':' || r == ';' || r == '(' || r == ')' || r == '.'
	})
	if len(w) >= 4 && w[0] == "bai" && w[1] == "bo" && provisionNamed(w[2], w[3]) {
		return true
	}
	if len(w) < 4 || !provisionNamed(w[0], w[1]) {
		return false
	}
	for k := 2; k+2 < len(w); k++ {
		if w[k] == "duoc" || w[k] == "bi" {
			v := w[k+1] + " " + w[k+2]
			return v == "sua doi" || v == "bo sung" || v == "thay the" || v == "bai bo"
		}
	}
	return false
}

// partRank is the rank of a kind of part heading from the largest, in
// partWords's order (the one list of the kinds): a part ("P") 1, a
// chapter ("Ch") 2, a section of a chapter ("M") 3; 0 for none.
func partRank(kind string) int {
	rank, prev := 0, ""
	for _, w := range partWords {
		if w.ID != prev {
			rank, prev = rank+1, w.ID
		}
		if w.ID == kind {
			return rank
		}
	}
	return 0
}

// partKind is the kind of a part heading's ID, the prefix partWords gives
// it ("ChII" → "Ch", "M3" → "M"); "" for an article's.
func partKind(id string) string {
	for _, w := range partWords {
		if strings.HasPrefix(id, w.ID) {
			return w.ID
		}
	}
	return ""
}

// leavesBareQuote reports, inside a quote without marks, a heading of the
// amending text after it: an article heading the announcement does not
// name ("Điều 3. Hiệu lực thi hành" after a quoted "Điều 9." where the
// amending text's Điều 2 is missing or OCR damaged its heading), or a
// part heading it does not name, of a quote that opened at an article or
// at a part no larger ("Chương II" / "ĐIỀU KHOẢN THI HÀNH" after a quoted
// article). An article the announcement names ("Bổ sung Điều 9a và Điều
// 9b …") and an article or a section inside a quoted chapter stay quoted.
func (p *outlineParser) leavesBareQuote(line string) bool {
	if id, _, ok := articleHeading(line); ok {
		return p.barePart == "" && !p.wrappedReference(id, line) && !names(p.bareAnn, line)
	}
	id, _, ok := partHeading(line)
	if !ok || names(p.bareAnn, line) {
		return false
	}
	return p.barePart == "" || partRank(partKind(id)) <= partRank(p.barePart)
}
