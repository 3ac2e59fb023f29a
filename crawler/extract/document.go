package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// The layout of a văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục I), read from
// its text lines — a file's text (crawler/filetext) or a page's rendered
// text. A line may hold table cells joined by " | "; the header's two
// columns come either as cells of one line or one column after the other:
//
//	ỦY BAN NHÂN DÂN             | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//	TỈNH LÀO CAI                | Độc lập - Tự do - Hạnh phúc
//	Số: 1696/QĐ-UBND            | Lào Cai, ngày 15 tháng 5 năm 2026
//	V/v … (công văn: trích yếu under the number)
//	QUYẾT ĐỊNH                    loại văn bản (none for a công văn)
//	Về việc …                     trích yếu
//	ỦY BAN NHÂN DÂN TỈNH LÀO CAI  thẩm quyền ban hành
//	Kính gửi: …                   (công văn)
//	Căn cứ …                      body …
//	… thi hành Quyết định này./.
//	Nơi nhận:                   | KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name
//	PHỤ LỤC I …                   appendices
//
// Reprints without the header put it in the title ("Quyết định của Thủ
// tướng Chính phủ số 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004 về …"), and
// an attached regulation names its decision ("(Ban hành kèm theo Quyết
// định số 05/2006/QĐ-UBND ngày 25/01/2006 của UBND tỉnh Cà Mau)"): both
// are read too. Signature stamps ("Ký bởi: …") are never part of the
// body. A number or date OCR could not read ("Số: đ# /QĐ-UBND") is left
// empty, never guessed.

// Document is what the layout tells about a text's lines.
type Document struct {
	Number    string // số ký hiệu, e.g. "1696/QĐ-UBND"
	Type      string // loại văn bản; "Công văn" for a letter (no type line, "V/v" trích yếu)
	Issuer    string // cơ quan ban hành: "Ủy ban nhân dân tỉnh Lào Cai", "Cục Thuế (Bộ Tài chính)"
	Place     string // địa danh of the date line
	Published string // YYYY-MM-DD from the date line, or ""
	Title     string // trích yếu
	Signer    string // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"
	// BodyStart and BodyEnd bound the body: lines[BodyStart:BodyEnd].
	BodyStart, BodyEnd int
	Sections           []Section // appendices after the signature
	// Transmitted names the documents a cover slip transmits after the
	// first, whose fields are the Document's (coverslip.go); each one's
	// text is a Section.
	Transmitted []Identity
}

// Section is an appendix (Phụ lục) or attached regulation: its heading and
// its lines[Start:End].
type Section struct {
	Title      string
	Start, End int
}

// headerZone is how many lines from the top the header is looked for.
const headerZone = 60

// ParseDocument reads the ND 30 layout of lines. Lines in NFD (a file's
// text or an OCR engine's lines decomposed) are read in NFC, the form
// every rule of the header is written for (dateForm, the type lines, the
// organisations' names); lines already in NFC are read as given.
func ParseDocument(lines []string) Document {
	p := docParser{lines: nfcLines(lines), num: -1, date: -1, typ: -1}
	return p.parse()
}

// nfcLines returns lines with their combining marks composed
// (viet.ComposeMarks, a byte scan: NFC's check cost an allocation a
// line): lines itself when none has one, else a copy (the caller's slice
// is never written).
func nfcLines(lines []string) []string {
	for i, l := range lines {
		if n := viet.ComposeMarks(l); n != l {
			out := slices.Clone(lines)
			out[i] = n
			for j := i + 1; j < len(out); j++ {
				out[j] = viet.ComposeMarks(out[j])
			}
			return out
		}
	}
	return lines
}

type docParser struct {
	lines          []string
	d              Document
	num, date, typ int    // line indices, -1 when absent
	titleEnd       int    // first line after the trích yếu
	titleIssuer    string // issuer named in a title form
	titleDate      bool   // the date is from a title form, not a date line
	titleNum       bool   // the number is from a title form, not a "Số:" line
	english        bool   // the number is from an English "No." line
	motto          bool   // a Quốc hiệu or Tiêu ngữ line is in the header
	named          int    // the line of the signer's name (signer), 0 when none
	end            int    // the header's lines end here: headerZone or the first document's end (firstEnd)
	inner          bool   // the lines are a document a slip transmits (coverslip.go): no slip is looked for
	siteStop       int    // 1 + the line of a site's heading ending the trích yếu (siteHeading), 0 when none
}

func cells(l string) []string { return strings.Split(l, " | ") }

func (p *docParser) parse() Document {
	n := len(p.lines)
	p.end = p.firstEnd(min(n, headerZone))
	zone := p.end
	headingNum := "" // a number on the type line, when no "Số:" line gives one
	page := pageHeading{typ: -1}
	for i := 0; i < zone; i++ {
		if p.bodyOpener(i) && (p.num >= 0 || p.typ >= 0 || page.typ >= 0 || p.date >= 0) || p.recipients(i) {
			zone = i
			break
		}
		for _, c := range cells(p.lines[i]) {
			if p.num < 0 {
				if num := numberIn(c); num != "" {
					p.d.Number, p.num = num, i
				} else if num := englishNumberIn(c); num != "" {
					p.d.Number, p.num, p.english = num, i, true
				} else if numberLabel(c) {
					p.num = i // "Số: đ# /QĐ-UBND": unreadable, left empty
				}
			}
			p.motto = p.motto || IsMottoLine(c) || partyMotto(c)
			if p.date < 0 && IsDateLine(c) {
				p.d.Published, p.d.Place, p.date = parseDate(fillIns(c), DayFirst), placeOf(c), i
			}
			if p.date < 0 {
				// Number and date with no cell break, or a date line split
				// over two lines (docmeta.go).
				dl := numberDateTail(c)
				if dl == "" && i+1 < n {
					dl = splitDateLine(c, p.lines[i+1])
				}
				if dl != "" {
					p.d.Published, p.d.Place, p.date = parseDate(dl, DayFirst), placeDate(dl), i
				}
			}
		}
		if p.typ < 0 && (p.num < 0 || i > p.num || i < 3) {
			if t, rest := typeLineOf(p.lines[i]); t != "" && !p.typeMenu(i) && !p.divisionName(i) {
				num := headingNumber(rest)
				if num != "" {
					// "THÔNG TƯ 31/2026/TT-BCT": the number, not the trích yếu.
					rest = ""
				}
				if p.overSiteHeading(i) {
					if page.typ < 0 {
						page = pageHeading{t, rest, num, i}
					}
				} else {
					p.d.Type, p.typ, p.d.Title = t, i, rest
					if num != "" {
						headingNum = num
					}
				}
			}
		}
	}
	if p.typ < 0 && page.typ >= 0 {
		// Only the page's heading names the type: no header below it.
		p.d.Type, p.typ, p.d.Title = page.t, page.typ, page.rest
	}
	if headingNum == "" && p.typ == page.typ {
		headingNum = page.num
	}
	if p.num < 0 && headingNum != "" {
		p.d.Number, p.titleNum = headingNum, true
	}
	if d, ok := p.transmitted(); ok {
		return d // the text opens with a cover slip (coverslip.go)
	}
	if p.english && !p.motto && p.typ < 0 {
		// "No. 12/2026/ND-CP" alone in a list of links: no header.
		p.d.Number, p.num, p.english = "", -1, false
	}
	if p.typ >= 0 && !p.motto && !p.english && englishTypeLine(p.lines[p.typ], p.d.Type) {
		// "DECISION" heading an English text without a translated header.
		p.d.Type, p.d.Title, p.typ = "", "", -1
	}
	p.titleForms(zone)
	p.attachedForm()
	if p.titleIssuer == "" {
		p.titleIssuer = p.ownerIssuer()
	}
	p.d.Issuer = p.issuer()
	if p.d.Issuer == "" {
		p.d.Issuer = adoptedBy(p.lines) // a text without a header (adopt.go)
	}
	p.title()
	if p.d.Issuer == "" {
		p.d.Issuer = p.authorityIssuer() // docbody.go
	}
	if p.d.Type == "" && p.d.Number != "" {
		p.d.Type = typeFromNumber(p.d.Number)
	}
	if p.d.Type == "" && p.isLetter() {
		p.d.Type = "Công văn"
	}
	p.d.BodyStart = p.bodyStart()
	p.d.BodyEnd = p.bodyEnd(p.d.BodyStart)
	p.signer()
	p.sections()
	p.lateDate()
	return p.d
}

// minTypeMenu is the shortest run of lines each naming only a type that
// is a menu of types, not a header: a header's type line is followed by
// its trích yếu, at most one more type word apart ("THÔNG BÁO" / "KẾT
// LUẬN" / "của …").
const minTypeMenu = 3

// typeMenu reports whether line i lies in a run of at least minTypeMenu
// lines that each name only a type: a portal's list of document types
// ("Loại văn bản" / "Hiến pháp" / "Bộ luật" / "Luật" …, vbpl.vn's left
// column) rendered above the document, whose first entry is not the
// document's type.
func (p *docParser) typeMenu(i int) bool {
	only := func(j int) bool {
		t, rest := typeLineOf(p.lines[j])
		return t != "" && rest == ""
	}
	if !only(i) {
		return false
	}
	n := 1
	for j := i - 1; j >= 0 && only(j); j-- {
		n++
	}
	for j := i + 1; j < len(p.lines) && n < minTypeMenu && only(j); j++ {
		n++
	}
	return n >= minTypeMenu
}

// pageHeading is a type line over a site's heading (overSiteHeading):
// the page's own heading, the type when no header below names one.
type pageHeading struct {
	t, rest, num string
	typ          int
}

// siteHeadings head a portal's block about a document, folded: its
// property table ("THÔNG TIN VĂN BẢN", "Thuộc tính văn bản"), its chrome
// ("CHI TIẾT VĂN BẢN", "Thông tin chung") or the tab holding the text ("NỘI DUNG", "Toàn
// văn", "VĂN BẢN"). None is ever a trích yếu.
var siteHeadings = map[string]bool{
	"thong tin van ban": true, "chi tiet van ban": true, "thuoc tinh van ban": true, "thuoc tinh": true,
	"noi dung": true, "noi dung van ban": true, "toan van": true, "toan van van ban": true, "van ban": true,
	"van ban goc": true, "thong tin chung": true, "tom tat": true, "tom tat van ban": true, "luoc do": true, "luoc do van ban": true,
}

// siteHeading reports a line that is one of siteHeadings alone (a colon
// after it aside), opening with a capital as a heading does: "nội dung"
// or "văn bản" in lower case is a trích yếu's wrapped line ("… một số" /
// "nội dung" / "của Đề án …").
func siteHeading(l string) bool {
	l = strings.TrimSpace(l)
	r, _ := utf8.DecodeRuneInString(l)
	return len(l) <= 40 && !unicode.IsLower(r) && siteHeadings[strings.TrimRight(viet.Fold(l), " :.")]
}

// overSiteHeading reports a type line i whose next line is a site's
// heading: "THÔNG TƯ 38/2026/TT-BXD" / "THÔNG TIN VĂN BẢN" / the site's
// table, over the document's own header and type line.
func (p *docParser) overSiteHeading(i int) bool {
	for j := i + 1; j < len(p.lines); j++ {
		if l := strings.TrimSpace(p.lines[j]); l != "" && !ruleText(l) {
			return siteHeading(l)
		}
	}
	return false
}

// divisionName reports a line i right under a division's heading alone
// on its line ("Chương I", "Phần thứ nhất", "Mục 2"): the division's name
// ("QUY ĐỊNH CHUNG", "KẾ HOẠCH NĂM 2026 …"), never the document's type
// line, which heads the text above its first division. A text posted
// without its header (a portal's body, a scan whose header was lost)
// read "QUY ĐỊNH CHUNG" as the type "Quy định" titled "CHUNG".
func (p *docParser) divisionName(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if l := strings.TrimSpace(p.lines[j]); l != "" && !ruleText(l) {
			return doctype.DivisionLine(l)
		}
	}
	return false
}

// preambleOpeners open the lines of a document's preamble, folded:
// "Căn cứ", "Thực hiện", "Theo đề nghị", "Xét ".
const preambleOpeners = `can cu|thuc hien|theo de nghi|xet `

// bodyOpener reports a line that starts the body: "Căn cứ", "Thực hiện",
// "Theo đề nghị", "Xét", "Lời nói đầu" (a preamble's heading), "Chương I", "Điều 1", "Phần thứ nhất", "I.", or a
// long paragraph.
func (p *docParser) bodyOpener(i int) bool {
	l := strings.TrimSpace(p.lines[i])
	if strings.Contains(l, " | ") || l == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(l); !unicode.IsUpper(r) {
		return false // a title's continuation ("thực hiện một số nhiệm vụ …")
	}
	return bodyOpenerRe.MatchString(viet.Fold(l)) || len(strings.Fields(l)) >= 40 && !isUpper(l)
}

var bodyOpenerRe = regexp.MustCompile(`^(` + preambleOpeners + `|loi (noi|mo) dau\b|chuong [ivxlc\d]|dieu 1\b|phan (thu|[ivx\d])|muc [ivx\d]|i\. |` + dateForm(`\d{1,2}`, `\d{1,2}`, `\d{4}`) + `,)`)

// Patterns of the header's lines, matched on folded text ("Số" → "so").
var (
	numberLabelRe = regexp.MustCompile(`^\(?\s*so\s*(ky hieu|hieu)?\s*[:.]`)
	// englishLabelRe: an English translation's "No. 12/2026/ND-CP", "No.:
	// 45/2025/QH15", "Number: 03/CT-TTg" (englishNumberIn).
	englishLabelRe = regexp.MustCompile(`(?i)^(no\s*\.\s*:?|number\s*:)`)
	// mottoRe: the Quốc hiệu and Tiêu ngữ, and their English and French
	// translations, which head a translated document the same way.
	mottoRe = regexp.MustCompile(`cong hoa xa hoi chu nghia|doc lap\s*[-–—.,]?\s*tu do|socialist republic of viet\s?nam|` +
		`independence\s*[-–—.,]?\s*freedom\s*[-–—.,]?\s*happiness|republique socialiste du viet\s?nam|independance\s*[-–—.,]?\s*liberte`)
	dateLineRe   = regexp.MustCompile(`^[^\d|]*[a-z][^\d|]*?,?\s*` + dateWords(`\S{0,8}`, `\S{0,8}`, `\S{0,6}\d`))
	signerPrefix = regexp.MustCompile(`(?i)^(tm|kt|tl|q|pp|tuq|t/m|k/t|t/l)\s*\.?\s*\S`)
	signerTitles = []string{"thu tuong", "pho thu tuong", "chu tich", "pho chu tich", "bo truong", "thu truong",
		"giam doc", "pho giam doc", "cuc truong", "pho cuc truong", "tong cuc truong", "pho tong cuc truong",
		"chanh van phong", "pho chanh van phong", "vu truong", "pho vu truong", "truong ban", "pho truong ban",
		"chu nhiem", "pho chu nhiem", "tong giam doc", "pho tong giam doc", "bi thu", "pho bi thu",
		"truong phong", "pho truong phong", "chanh an", "vien truong", "tong kiem toan nha nuoc", "chanh thanh tra",
		"tong thu ky", "chu tich quoc hoi", "chu tich nuoc", "thu truong co quan"}
	itemRe = regexp.MustCompile(`^(\d{1,3}(\.\d{1,3})*[.)]\s|[a-zđ]\)\s|[-–—+•*▪]\s?|[ivxlc]{1,6}[.)]\s|(dieu|chuong|muc|phan|khoan|diem)\s+[\divxlc]+\s*[.:]?)`)
)

// IsMottoLine reports a line holding the Quốc hiệu or Tiêu ngữ.
func IsMottoLine(s string) bool { return mottoRe.MatchString(viet.Fold(s)) }

// IsDateLine reports a "<địa danh>, ngày … tháng … năm …" line, readable
// or not (marks or none: "Ha Noi, ngay 05 thang 3 nam 2026"): a place
// comes first (a title's "ngày 25 tháng 6 năm 2004 về …" is not the date
// line) and the line is short. A place followed by nothing but a date in
// another form is one too: "Hà Nội, 05/3/2026", and a translation's
// "Hanoi, March 5, 2026", "Hanoï, le 5 mars 2026" (placeDate).
func IsDateLine(s string) bool {
	f := viet.Fold(strings.TrimSpace(s))
	if len(f) >= 120 || len(strings.Fields(f)) > 14 || strings.HasPrefix(f, "can cu") {
		return false
	}
	if dateLineRe.MatchString(f) {
		return !sentenceDate(s)
	}
	return placeDate(s) != ""
}

// sentenceDate reports a line matching dateLineRe whose word right
// before "ngày" is a preposition ending a sentence's words, not a place's
// last syllable: "Có hiệu lực từ ngày 28 tháng 7 năm 2026", "Áp dụng kể
// từ ngày …", "Hiệu lực thi hành, kể từ ngày …", "chậm nhất là ngày …".
// A place's comma ("Phú An, ngày") or its name ("Phú An ngày …", comma
// lost by OCR) is none, even when the name's last syllable folds to a
// preposition: "Sơn La" (la, not là), "Mỹ Tú" (tu, not từ) are read with
// their marks, and a capitalised word inside a line not in capitals is a
// name's. A text typed without marks ("co hieu luc tu ngay …") is read
// folded, in lower case only: "Son La ngay …" stays a place.
func sentenceDate(s string) bool {
	ws := strings.Fields(s)
	k := slices.IndexFunc(ws, func(w string) bool { return strings.HasPrefix(viet.Fold(w), "ngay") })
	if k < 1 || strings.HasSuffix(ws[k-1], ",") {
		return false
	}
	w := viet.NFC(ws[k-1])
	if r, _ := utf8.DecodeRuneInString(w); k > 1 && unicode.IsUpper(r) && !isUpper(s) {
		return false // "Sơn La ngày …": a name's syllable
	}
	lw := viet.Lower(w)
	if datePrepositions[lw] {
		return true
	}
	f := viet.Fold(lw)
	return f == lw && lw == w && viet.Fold(s) == strings.ToLower(s) && datePrepositions[datePrepositionFolds[f]]
}

// datePrepositions end a sentence's words before a date, with their marks:
// "từ", "đến", "trước", "sau", "hết", "là", "tới", "vào".
var datePrepositions = map[string]bool{"từ": true, "đến": true, "trước": true, "sau": true, "hết": true,
	"là": true, "tới": true, "vào": true}

// datePrepositionFolds maps the folded datePrepositions to theirs, for a
// text typed without marks.
var datePrepositionFolds = func() map[string]string {
	m := map[string]string{}
	for p := range datePrepositions {
		m[viet.Fold(p)] = p
	}
	return m
}()

// maxPlaceWords bounds the words of a date line's place ("Thành phố Hồ Chí
// Minh", "Ho Chi Minh City").
const maxPlaceWords = 6

// placeRe is a place's name, folded: words of letters, dots (TP.),
// apostrophes and hyphens.
var placeRe = regexp.MustCompile(`^\pL[\pL.'’\- ]*$`)

// placeDate returns the place of a line that is a place, a comma and a
// date in any accepted form with nothing after it but punctuation, or "".
func placeDate(s string) string {
	s = strings.TrimSpace(s)
	place, rest, ok := strings.Cut(s, ",")
	place = strings.TrimSpace(place)
	if !ok || place == "" || len(strings.Fields(place)) > maxPlaceWords || !placeRe.MatchString(place) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(place); !unicode.IsUpper(r) || weekdayRE.MatchString(place) || foreignWeekdayRE.MatchString(place) {
		return "" // "Thứ Hai, 08/07/2024": a news page's dateline
	}
	rest = strings.TrimSpace(rest)
	h := firstDate(rest)
	if !h.valid() {
		return ""
	}
	before := strings.ToLower(strings.TrimSpace(rest[:h.start]))
	if before != "" && before != "le" && before != "ngày" && before != "ngay" {
		return ""
	}
	if strings.TrimRight(rest[h.end:], ".;:) ") != "" {
		return ""
	}
	return place
}

// IsNumberDateLine reports a line holding both "Số: …" and the date (both
// header columns read as one line).
func IsNumberDateLine(s string) bool {
	f := viet.Fold(ocrNumberLabel(strings.TrimSpace(s)))
	return numberLabelRe.MatchString(f) && strings.Contains(f, "ngay") && strings.Contains(f, "thang")
}

// IsRecipientsLine reports "Nơi nhận:" (or "Kính gửi:").
func IsRecipientsLine(s string) bool {
	f := viet.Fold(strings.TrimSpace(s))
	return strings.HasPrefix(f, "noi nhan")
}

// IsRecipientsSignerLine reports "Nơi nhận:" and a signer's title read as
// one line.
func IsRecipientsSignerLine(s string) bool {
	if !IsRecipientsLine(s) {
		return false
	}
	for _, w := range strings.Fields(s)[2:] {
		if signerPrefix.MatchString(w) && strings.Contains(w, ".") && isUpper(w) {
			return true
		}
	}
	return false
}

// IsSignerTitle reports a signer's line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
// TỊCH", "TL. BỘ TRƯỞNG" (any case: .VnTimeH text decodes lower case), or
// a bare title in capitals ("CHỦ TỊCH", "BỘ TRƯỞNG").
func IsSignerTitle(s string) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	if m := signerPrefix.FindString(s); m != "" && strings.ContainsAny(m, "./") {
		// Any case: .VnTimeH text decodes lower case ("tm . ubnd thành phố").
		return len(words) <= 8 && strings.TrimSpace(s[strings.IndexAny(s, "./")+1:]) != ""
	}
	if !isUpper(s) {
		return false
	}
	f := strings.Trim(viet.Fold(s), " .:")
	for _, t := range signerTitles {
		if f == t {
			return true
		}
	}
	return false
}

// StartsItem reports a line opening a numbered item, a bullet or a
// heading (1., 1.2., a), -, +, II., Điều 5., Chương II, Mục 1, Phần I).
func StartsItem(s string) bool {
	return itemRe.MatchString(viet.Fold(strings.TrimSpace(s)))
}

// IsStampText reports the text of a signature or publication stamp: "Ký
// bởi: …", "Người ký: …", "Thời gian ký: …", or, in a narrow box, a
// signing time such as "24.01.2025 20:01:14 +07:00".
func IsStampText(s string, narrow bool) bool {
	f := viet.Fold(s)
	if stampRe.MatchString(f) {
		return true
	}
	return narrow && signTimeRe.MatchString(f)
}

var (
	stampRe    = regexp.MustCompile(`(?m)^\W*(ky boi|nguoi ky|thoi gian ky|ngay ky|signed by|signature valid)\s*:`)
	signTimeRe = regexp.MustCompile(`\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(:\d{2})?|[+-]0\d:00\b`)
)

// numberLabel reports a "Số:" label at the start of s, or a "Số" whose
// colon was lost before a number alone in its cell (bareNumber).
func numberLabel(s string) bool {
	s = ocrNumberLabel(strings.TrimSpace(s))
	return numberLabelRe.MatchString(viet.Fold(s)) || bareNumber(s) != ""
}

// bareNumber returns the số ký hiệu of a number line whose colon is lost
// ("Số 1234/QĐ-UBND", an OCR'd scan or a portal's copy), or "": the cell
// must hold "Số", the number and nothing else but the date line, so a
// line counting things ("Số 3 trường học …") is none.
func bareNumber(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 2 || ws[0] != "Số" && ws[0] != "SỐ" || ws[1][0] < '0' || ws[1][0] > '9' {
		return "" // a wrapped sentence's "số 126/2025/QH15 …" is lower case
	}
	for k := 2; k <= min(len(ws), 4); k++ {
		num := normNumber(strings.Join(ws[1:k], " "))
		if num == "" || num != strings.Join(ws[1:k], "") {
			continue // the number must be the words, not their start
		}
		if rest := strings.Join(ws[k:], " "); rest == "" || namedPlaceDate(rest) != "" {
			return num
		}
	}
	return ""
}

// fillIns removes the dotted fill-ins of typed forms ("…05…./2006/",
// "ngày …25..tháng") and the underscores of blanks.
func fillIns(s string) string {
	s = strings.NewReplacer("…", " ", "_", " ").Replace(s)
	return dots.ReplaceAllString(s, " ")
}

var (
	dots  = regexp.MustCompile(`\.{2,}`)
	slash = regexp.MustCompile(`[\s.]*/\s*`)
	// numberBody is a số ký hiệu: the number (66.18 in a few), an optional
	// year, then the ký hiệu starting with a letter: 45/KH-UBND,
	// 30/2020/NĐ-CP, 24-NQ/TW, 144/2002/QĐ/BTC. "2/9./CT-CS" (OCR of
	// handwriting) is none.
	numberBody = regexp.MustCompile(`^(\d{1,6}(?:\.\d{1,4})?)(\s*/\s*(?:19|20)\d\d)?(\s*[/-]\s*\p{L}[\p{L}\p{N}]*(?:[.&][\p{L}\p{N}]+)*(?:\s*[/-]\s*[\p{L}\p{N}]+(?:[.&][\p{L}\p{N}]+)*)*)`)
)

// numberIn returns the số ký hiệu after a "Số:" label at the start of s,
// with the spaces typed around its separators removed ("507 /UBND-KGVX" →
// "507/UBND-KGVX"), or "" when there is none or it cannot be read.
func numberIn(s string) string {
	s = ocrNumberLabel(strings.TrimSpace(s))
	f := foldAligned(s)
	loc := numberLabelRe.FindStringIndex(f)
	if loc == nil {
		return bareNumber(s)
	}
	rest := []rune(s)[utf8.RuneCountInString(f[:loc[1]]):]
	return normNumber(string(rest))
}

// englishNumberIn returns the number of an English translation's header
// line, "No. 12/2026/ND-CP", "No.: 45/2025/QH15", "Number: 03/CT-TTg",
// kept as typed (doctype.NumberKey folds ND to NĐ), or "". The cell must hold
// the label and the number only: "No. 12/2026/ND-CP sets out …" opens a
// sentence and "No. 1 priority" holds no number. "No." is common English,
// so ParseDocument keeps the number only in a header that has the motto
// or a type line.
func englishNumberIn(s string) string {
	s = strings.TrimSpace(s)
	loc := englishLabelRe.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	rest := strings.TrimRight(slash.ReplaceAllString(strings.TrimSpace(s[loc[1]:]), "/"), ".;,")
	if len(strings.Fields(rest)) != 1 {
		return ""
	}
	return normNumber(rest)
}

// englishTypeLine reports a type line l naming typ by its English name
// ("DECREE", "JOINT CIRCULAR ON …").
func englishTypeLine(l, typ string) bool {
	t, ok := doctype.ByName(typ)
	if !ok || t.English == "" {
		return false
	}
	l = strings.TrimSpace(cells(l)[0])
	e := strings.ToUpper(t.English)
	return l == e || strings.HasPrefix(l, e+" ")
}

// normNumber reads a number at the start of s.
func normNumber(s string) string {
	s = slash.ReplaceAllString(strings.TrimSpace(fillIns(gluedDashes(s))), "/")
	s = strings.TrimLeft(s, ": ")
	m := numberBody.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	num := m[1] + strings.Join(strings.Fields(m[2]+m[3]), "")
	num = strings.TrimRight(num, ".-")
	key := num
	if i := strings.IndexByte(num, '.'); i >= 0 && i < strings.IndexByte(num, '/') {
		key = num[:i] + num[strings.IndexByte(num, '/'):] // 66.18/2026/NQ-CP
	}
	if doctype.NumberKey(key) == "" {
		return ""
	}
	return num
}

// placeOf returns the địa danh before ", ngày", or before the comma of a
// place and a date in another form (placeDate).
func placeOf(s string) string {
	f := foldAligned(s)
	i := strings.Index(f, "ngay")
	if i <= 0 {
		return placeDate(s)
	}
	place := strings.TrimSpace(string([]rune(s)[:utf8.RuneCountInString(f[:i])]))
	return strings.TrimSpace(strings.TrimRight(place, ", "))
}

// typeLineOf returns the loại văn bản a header line names in capitals
// ("QUYẾT ĐỊNH", "NGHỊ ĐỊNH CỦA CHÍNH PHỦ", "QUYẾT ĐỊNH của ỦY BAN …") or
// as the whole line ("Báo cáo"), and the rest of the line.
func typeLineOf(l string) (string, string) {
	l = strings.TrimSpace(cells(l)[0])
	words := strings.Fields(l)
	if len(words) == 0 {
		return "", ""
	}
	for k := min(len(words), 5); k >= 1; k-- {
		cand := strings.Join(words[:k], " ")
		cand = strings.TrimRight(cand, ":")
		upper := isUpper(cand)
		// In any case when it is the whole line or "… của <issuer>" (a
		// .VnTimeH header decodes lower case: "quyết định của bộ trưởng").
		if !upper && k != len(words) && viet.Fold(words[k]) != "cua" {
			continue
		}
		if t := typeLine([]string{strings.ToUpper(cand)}); t != "" {
			if strings.HasSuffix(words[k-1], ":") && k == len(words) {
				return "", "" // "QUYẾT ĐỊNH:" opens the articles
			}
			if !upper && len(words) > 3 && k < len(words) && viet.Fold(words[k]) != "cua" {
				continue
			}
			return t, strings.Join(words[k:], " ")
		}
		if upper {
			if t := foldedTypeLine(cand); t != "" {
				return t, strings.Join(words[k:], " ")
			}
		}
	}
	return "", ""
}

// titleForms reads number, type, issuer and date written in a title line
// when the header has no "Số:" line: "Quyết định của Thủ tướng Chính phủ
// số 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004 về …", "(Ban hành kèm theo
// Quyết định số 05/2006/QĐ-UBND, ngày 25/01/2006 của UBND tỉnh Cà Mau)".
func (p *docParser) titleForms(zone int) {
	if p.num >= 0 && p.date >= 0 {
		return
	}
	start := max(0, p.typ)
	end := min(len(p.lines), start+8, max(zone, start+1))
	for i := start; i < end; i++ {
		t, num, date, issuer := p.titleForm(i, end)
		if t == "" {
			continue
		}
		if p.num < 0 && num != "" {
			p.d.Number, p.num, p.titleNum = num, i, true
		}
		if p.date < 0 && date != "" {
			p.d.Published, p.date, p.titleDate = date, i, true
		}
		if p.d.Type == "" {
			p.d.Type, p.typ = t, i
		}
		if p.titleIssuer == "" {
			p.titleIssuer = issuer
		}
		return
	}
}

// attachedFormLines is how far below the first document's end an
// attached text's "(Ban hành kèm theo …)" line is looked for.
const attachedFormLines = 10

// attachedForm reads the number, date, type and issuer of a document
// whose header gave no number from the text attached below its
// signature when that names it: "(Ban hành kèm theo Quyết định số
// 120/QĐ-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh Phú An)" under a
// regulation's title. Only a "kèm theo" line and only a type agreeing
// with the header's: any other number there is the attached text's own.
// The lines are no part of the header (p.num stays -1): the body above
// is kept.
func (p *docParser) attachedForm() {
	if p.num >= 0 || p.end >= min(len(p.lines), headerZone) {
		return
	}
	end := min(len(p.lines), p.end+attachedFormLines)
	for i := p.end; i < end; i++ {
		if !strings.HasPrefix(strings.TrimLeft(viet.Fold(strings.TrimSpace(p.lines[i])), "( "), "ban hanh kem theo") {
			continue
		}
		t, num, date, issuer := p.titleForm(i, end)
		if t == "" || num == "" || p.d.Type != "" && t != p.d.Type || p.d.Type == "" && !p.namesItself(t) {
			return
		}
		p.d.Number, p.titleNum = num, true
		if p.date < 0 && date != "" {
			p.d.Published, p.titleDate = date, true
		}
		p.d.Type = t
		if p.titleIssuer == "" {
			p.titleIssuer = issuer
		}
		return
	}
}

// namesItself reports a first document (up to p.end) naming itself as
// a text of type t: "Quyết định này", "Nghị quyết này". A text whose
// header gave no type takes an attached text's "kèm theo" line only
// then: a form attached "(Ban hành kèm theo Thông tư số …)" names the
// circular prescribing it, not the decision it is attached to.
func (p *docParser) namesItself(t string) bool {
	self := viet.Fold(t) + " nay"
	for _, l := range p.lines[:p.end] {
		if strings.Contains(viet.Fold(l), self) {
			return true
		}
	}
	return false
}

// titleForm reads a title form starting on line i (joined with the next
// two, up to end): the type, number, date and issuer it names, or a
// type "" when line i starts none.
func (p *docParser) titleForm(i, end int) (t, num, date, issuer string) {
	text := viet.NFC(strings.Join(p.lines[i:min(end, i+3)], " "))
	f := foldAligned(text)
	m := titleFormRe.FindStringSubmatchIndex(f)
	if m == nil {
		return "", "", "", ""
	}
	rs := []rune(text)
	at := func(g int) string {
		if m[2*g] < 0 {
			return ""
		}
		return string(rs[utf8.RuneCountInString(f[:m[2*g]]):utf8.RuneCountInString(f[:m[2*g+1]])])
	}
	name := strings.TrimSpace(at(1))
	t = typeLine([]string{strings.ToUpper(name)})
	if t == "" && viet.Fold(name) == strings.ToLower(name) {
		// typed without marks ("QUYET DINH SO …", "Quyet dinh so …"): read
		// folded, as a type line in capitals is (typeLineOf)
		t = foldedTypeLine(name)
	}
	if t == "" {
		return "", "", "", ""
	}
	issuer = strings.TrimSpace(at(2))
	if w, rest, _ := strings.Cut(issuer, " "); viet.Fold(w) == "cua" {
		issuer = strings.TrimSpace(rest) // "của", "CỦA", "cua"
	}
	if issuer == "" {
		// group 6 leaves out the word ending the name: "của Bộ Chính trị về …"
		issuer = titleIssuerName(at(6))
	}
	return t, normNumber(at(3)), parseDate(fillIns(at(4)), DayFirst), issuer
}

// titleFormRe reads a title form, its date in the one grammar (dateForm:
// "ngày 5 tháng 3 năm 2026", "ngày 5/3/2026", "ngày 5 tháng 3/2026", its
// figures' slots possibly blank, read by parseDate); its issuer after the number or the
// date (group 6; "\s*": the spaces before it may be taken by the number's
// end) ends at ")", the end, or the words opening the subject
// (cite.SubjectOpeners: "về", "ban hành", "triển khai" …, the list the
// issuer of a reference ends at too), whatever follows them: "của Chính
// phủ sửa đổi, bổ sung …" is "Chính phủ".
var titleFormRe = regexp.MustCompile(`^\(?\s*(?:ban hanh kem theo\s+)?([a-z ]{4,25}?)(\s+cua\s+[^,]{3,80}?)?\s+so\s*[:.]?\s*([^\s,;]{1,16}(?:\s?[/-]\s?[^\s,;]+){1,4})\s*,?\s*(` + dateForm(`\S{1,8}?`, `\S{1,8}?`, `\d{4}`) + `)?(\s*cua\s+([^)]{3,80}?)(?:\)|\s+(?:` +
	subjectOpenersRe() + `)\b|$))?`)

// titleIssuerName returns the issuer's name in s, what a title form reads
// after the number ("Chính phủ (trừ điểm b …", "Chính phủ, đã được sửa
// đổi …"): up to an unclosed "(", a ";", or a comma or "và" before a lowercase
// word ("Bộ Văn hóa, Thể thao và Du lịch" stays whole); "" when what is
// left is no name: a lowercase start, or a second reference in it ("Chính
// phủ và Nghị định số 120/2021/NĐ-CP … của Chính phủ").
func titleIssuerName(s string) string {
	s, _, _ = strings.Cut(s, "(")
	s, _, _ = strings.Cut(s, ";") // "Chính phủ; Theo đề nghị của …"
	ws := strings.Fields(s)
	for i := 1; i < len(ws); i++ {
		if startsUpper(ws[i]) {
			continue
		}
		if ws[i-1] == "và" {
			ws = ws[:i-1]
			break
		}
		if strings.HasSuffix(ws[i-1], ",") {
			ws = ws[:i]
			break
		}
	}
	s = strings.Trim(strings.Join(ws, " "), " ).,;")
	if s == "" || !startsUpper(s) {
		return ""
	}
	for _, w := range strings.Fields(viet.Fold(s)) {
		if w == "cua" || w == "so" {
			return "" // another reference: "… và Nghị định số N … của …"
		}
	}
	return s
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// subjectOpenersRe is cite.SubjectOpeners as alternatives of a regular
// expression over folded text.
func subjectOpenersRe() string {
	var alts []string
	for _, o := range cite.SubjectOpeners() {
		alts = append(alts, strings.ReplaceAll(regexp.QuoteMeta(o), " ", `\s+`))
	}
	return strings.Join(alts, "|")
}

// foldAligned folds s rune by rune, one rune out per rune in, so offsets
// in the result map back to s by counting runes.
func foldAligned(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		f := viet.Fold(string(r))
		if fr, size := utf8.DecodeRuneInString(f); size > 0 && utf8.RuneCountInString(f) == 1 {
			b.WriteRune(fr)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unfoldedSpan is the part of s whose foldAligned form f holds at
// f[i:j] (byte offsets in f): the runes before them counted in f and as
// many taken in s, whose bytes are returned as they are. An invalid byte
// of s stays itself, where a cut of []rune(s) made it U+FFFD — text not
// in s (FuzzDocName, i31-tests; adoptedBy's, where the name must be a
// part of the page).
func unfoldedSpan(s, f string, i, j int) string {
	return s[runeOffset(s, utf8.RuneCountInString(f[:i])):runeOffset(s, utf8.RuneCountInString(f[:j]))]
}

// runeOffset is the byte offset in s of its rune n (an invalid byte one
// rune, as utf8.RuneCountInString and foldAligned count it); len(s) past
// the end.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// headingNumber returns the number a type line's rest is made of alone
// ("31/2026/TT-BCT", "SỐ 08/2026/TT-BKHCN", "số: 88/QĐ-UBND"), or with
// the date after it ("SỐ 12/2026/TT-BTC NGÀY 5 THÁNG 3 NĂM 2026", "số
// 240/2026/NĐ-CP ngày 26/6/2026", wholeDate; read by titleForms): a page's or a
// file's heading naming the document, whose trích yếu is below.
func headingNumber(rest string) string {
	ws := strings.Fields(rest)
	if len(ws) > 0 && strings.TrimRight(viet.Fold(ws[0]), ":.") == "so" {
		ws = ws[1:]
	}
	for k := 1; k < len(ws); k++ {
		if viet.Fold(ws[k]) == "ngay" {
			if wholeDate(strings.Join(ws[k:], " ")) {
				ws = ws[:k]
			}
			break
		}
	}
	if len(ws) == 0 || len(ws) > 3 || !hasDigit(ws[0]) {
		return ""
	}
	num := normNumber(strings.Join(ws, " "))
	if num == "" || len(strings.Fields(num)) != 1 || strings.Join(strings.Fields(strings.Join(ws, "")), "") != strings.ReplaceAll(num, " ", "") {
		return ""
	}
	return num
}

// wholeDate reports s made of one date in the Vietnamese form and nothing
// else, a full stop after it aside ("NGÀY 5 THÁNG 3 NĂM 2026", "ngày
// 26/6/2026"): the date grammar's (vietDate), not a second one.
func wholeDate(s string) bool {
	s = strings.TrimRight(viet.NFC(strings.TrimSpace(s)), ".")
	loc := vietDate.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && loc[1] == len(s)
}

// ownerClause splits a trích yếu opening with "của <issuer>", the issuer
// the type line names ("NGHỊ ĐỊNH CỦA CHÍNH PHỦ" / "Về đăng ký kinh
// doanh", "quyết định của bộ trưởng bộ tài chính" / "về việc …", the
// Party's "NGHỊ QUYẾT" / "CỦA BỘ CHÍNH TRỊ" / "về …"): the issuer, up to
// its number and date when a title form restates them ("của Thủ tướng
// Chính phủ số 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004 về việc …"), and
// the trích yếu from the first subject opener on (cite.SubjectOpeners:
// "về", "V/v", "ban hành" …), "" when none follows. ok is false when s
// does not open with "của".
func ownerClause(s string) (issuer, rest string, ok bool) {
	ws := strings.Fields(s)
	if len(ws) < 2 || viet.Fold(ws[0]) != "cua" {
		return "", "", false
	}
	fs := make([]string, len(ws))
	for i, w := range ws {
		fs[i] = viet.Fold(w)
	}
	end, at := len(ws), len(ws)
	for k := 2; k < len(ws); k++ {
		if opensSubject(fs[k:]) {
			at = k
			break
		}
	}
	for k := 1; k < at; k++ {
		if fs[k] == "so" || fs[k] == "so:" || fs[k] == "ngay" || clauseEnds[viet.Lower(viet.NFC(ws[k]))] ||
			fs[k] == "ky" && k+1 < len(fs) && fs[k+1] == "hop" {
			end = k // "của Ban Chấp hành … khóa XVI tại Đại hội …": its term and occasion
			break
		}
		if strings.HasSuffix(ws[k], ",") && !partyBodyAt(fs[k+1:]) {
			end = k + 1
			break
		}
	}
	if end < len(ws) && end > 1 {
		ws[end-1] = strings.TrimRight(ws[end-1], ",")
	}
	return strings.Join(ws[1:min(end, at)], " "), strings.Join(ws[at:], " "), true
}

// partyBodyAt reports folded words opening with one of partyBodies: a
// second issuer after a comma ("của Bộ Chính trị, Ban Bí thư").
func partyBodyAt(fs []string) bool {
	j := strings.Join(fs, " ") + " "
	for _, b := range partyBodies {
		if strings.HasPrefix(j, b+" ") {
			return true
		}
	}
	return false
}

// clauseEnds end an issuer's name in a "của" clause, with their marks
// (folded, "tại" would be "tài" of "Bộ Tài chính"): its term, "khóa XVI"
// (either tone placement), and its occasion, "tại Đại hội …".
var clauseEnds = map[string]bool{"khóa": true, "khoá": true, "tại": true}

// opensSubject reports folded words opening with one of
// cite.SubjectOpeners.
func opensSubject(fs []string) bool {
	for _, o := range subjectOpenerWords {
		if len(fs) >= len(o) && slices.Equal(fs[:len(o)], o) {
			return true
		}
	}
	return false
}

// subjectOpenerWords are cite.SubjectOpeners split into words.
var subjectOpenerWords = func() [][]string {
	var out [][]string
	for _, o := range cite.SubjectOpeners() {
		out = append(out, strings.Fields(o))
	}
	return out
}()

// ownerIssuer returns the issuer a "của <issuer>" after the type names:
// on the type line ("NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ") or the line under it,
// for a header whose issuer lines name none. A head's title ("của bộ
// trưởng bộ tài chính") is no issuer's name: "", but the two heads that
// issue in their office's name are (Thủ tướng Chính phủ, Chủ tịch nước).
func (p *docParser) ownerIssuer() string {
	if p.typ < 0 {
		return ""
	}
	s := p.d.Title
	if s == "" && p.typ+1 < len(p.lines) {
		s = strings.TrimSpace(cells(p.lines[p.typ+1])[0])
	}
	name, _, ok := ownerClause(s)
	f := viet.Fold(name)
	if !ok || f == "" {
		return ""
	}
	for _, t := range signerTitles {
		if (f == t || strings.HasPrefix(f, t+" ")) && f != "thu tuong chinh phu" && f != "chu tich nuoc" {
			return ""
		}
	}
	if a, b, ok := strings.Cut(name, ", "); ok && partyBodyAt(strings.Fields(viet.Fold(b))) {
		return normalCase(a) + ", " + normalCase(b) // "Bộ Chính trị, Ban Bí thư"
	}
	return normalCase(name)
}
