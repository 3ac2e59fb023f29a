package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// The parts of a Document after the number and date: issuer, trích yếu,
// body bounds, signer and appendices (see document.go for the layout).

// orgHeads open the name of an organisation in a header ("ỦY BAN NHÂN
// DÂN", "BỘ TÀI CHÍNH", "CỤC THUẾ"), folded; a header line starting with
// none of them continues the name above it ("TỈNH LÀO CAI").
var orgHeads = func() []string {
	h := []string{"uy ban", "ubnd", "hdnd", "chinh phu", "thu tuong", "quoc hoi", "chu tich", "uy ban thuong vu",
		"hoi dong", "toa an", "vien kiem sat", "kiem toan", "thanh tra", "tong cuc", "bo ", "so ", "cuc ",
		"tinh uy", "thanh uy", "huyen uy", "dang uy", "ban chap hanh", "mat tran", "cong an", "bo chi huy", "bao hiem", "kho bac"}
	for _, a := range agencyHeads {
		h = append(h, viet.Fold(a)+" ")
	}
	return h
}()

func startsOrg(f string) bool {
	f += " "
	for _, h := range orgHeads {
		if strings.HasPrefix(f, h) {
			return true
		}
	}
	return false
}

// issuer reads the cơ quan ban hành: the organisation lines just above
// "Số:" (in capitals; lines of a lost-case legacy header are accepted when
// nothing else is), or, lacking a header, the top lines or the issuer a
// title form names. A parent body on its own line (cơ quan chủ quản) is
// kept with the issuer: "Sở Tư pháp thành phố Hồ Chí Minh" (under the
// city's People's Committee), "Cục Thuế (Bộ Tài chính)".
func (p *docParser) issuer() string {
	end := p.num
	if end < 0 || p.titleNum {
		end = p.firstOf(IsMottoLine, 8)
	}
	if end < 0 && p.typ >= 0 {
		end = p.typ
	}
	if end < 0 {
		return normalCase(p.titleIssuer)
	}
	var window []string
	drafter, signed := "", false
	for i := max(0, end-6); i < end; i++ {
		c := strings.TrimSpace(cells(p.lines[i])[0])
		if org := orgBeforeMotto(c); org != "" {
			c = org // "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (docmeta.go)
		}
		if m := signerPrefix.FindString(c); m != "" && strings.ContainsAny(m, "./") && IsSignerTitle(c) {
			// "TM. ỦY BAN NHÂN DÂN": a signature, the end of the text
			// above; its titles and name are no issuer's lines.
			window, drafter, signed = window[:0], "", true
			continue
		}
		if signed && IsSignerTitle(c) {
			continue // "CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN"
		}
		if d := bracketOrg(c); d != "" && len(window) > 0 {
			drafter = d // "CHÍNH PHỦ" / "(Bộ Kế hoạch và Đầu tư)" (docmeta.go)
			continue
		}
		if !hasLetter(c) || IsMottoLine(c) || partyMotto(c) || IsStampText(c, false) || IsDateLine(c) ||
			len(strings.Fields(c)) == 1 && hasDigit(c) || i > 0 && mottoRest(p.lines[i-1], c) {
			continue // rules, "-0-", stray codes ("XV80"), a motto's wrapped end
		}
		window = append(window, c)
	}
	name := orgName(window, true)
	if name == "" {
		name = orgName(window, false)
	}
	if name == "" && p.translated() {
		name = englishIssuer(window) // "MINISTRY OF FINANCE" under "No. …"
	}
	if name == "" {
		return normalCase(p.titleIssuer)
	}
	if drafter != "" {
		name += " (" + drafter + ")"
	}
	if viet.Fold(name) == centralCommittee && p.titleIssuer != "" {
		// "BAN CHẤP HÀNH TRUNG ƯƠNG" over "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ":
		// the Politburo or the Secretariat issues under the Central
		// Committee's name; the "của" clause names which.
		return normalCase(p.titleIssuer)
	}
	return name
}

// centralCommittee is the Party's Central Committee, folded: the header
// of the documents its Politburo and Secretariat issue.
const centralCommittee = "ban chap hanh trung uong"

// partyBodies issue under the Central Committee's header, folded; joined
// by a comma in a "của" clause they issue together ("CỦA BỘ CHÍNH TRỊ,
// BAN BÍ THƯ").
var partyBodies = []string{"bo chinh tri", "ban bi thu", centralCommittee}

// partyMotto reports the Party's name alone on its line, a rule after it
// aside ("ĐẢNG CỘNG SẢN VIỆT NAM ---------------"): on the right of a
// Party header, where the Quốc hiệu stands in the State's, never part of
// the issuer's name.
func partyMotto(l string) bool {
	return strings.Trim(viet.Fold(l), " -_=*.–—") == "dang cong san viet nam"
}

// translated reports an English translation's header: its number read
// from "No." or its type from an English type line ("DECREE").
func (p *docParser) translated() bool {
	return p.english || p.typ >= 0 && englishTypeLine(p.lines[p.typ], p.d.Type)
}

// englishIssuer reads a translated header's issuer: the window's last
// lines, three, two or one joined (a name wrapped: "PEOPLE'S COMMITTEE" /
// "OF BINH DUONG PROVINCE"), the longest that names one, in Vietnamese by
// cite.IssuerByEnglish. A name is refused when the line above it is part
// of a name the table does not know (englishNameAbove): "OFFICE OF THE" /
// "GOVERNMENT" is not the Government, "VIETNAM FATHERLAND FRONT" /
// "CENTRAL COMMITTEE" not the Party's. A department the table does not
// know under its ministry gives "", never the ministry.
func englishIssuer(window []string) string {
	for k := min(3, len(window)); k >= 1; k-- {
		name := cite.IssuerByEnglish(strings.Join(window[len(window)-k:], " "))
		if name == "" {
			continue
		}
		if i := len(window) - k - 1; i >= 0 && englishNameAbove(window[i]) {
			return ""
		}
		return name
	}
	return ""
}

// englishNameAbove reports a header line above an English issuer's name
// that makes the name part of another: a line in capitals, without
// digits, that is no issuer the table knows and not the Party's name
// (which heads its Central Committee's documents): the start of a
// wrapped name ("STANDING COMMITTEE OF THE" / "NATIONAL ASSEMBLY") or an
// organisation the name belongs to ("HO CHI MINH COMMUNIST YOUTH UNION" /
// "CENTRAL COMMITTEE").
func englishNameAbove(l string) bool {
	if !hasLetter(l) || hasDigit(l) || strings.ToUpper(l) != l || cite.IssuerByEnglish(l) != "" {
		return false
	}
	return strings.Join(strings.Fields(strings.ToUpper(l)), " ") != "COMMUNIST PARTY OF VIETNAM"
}

// firstOf returns the first of the header's first n lines (up to p.end)
// with a cell matching f, or -1.
func (p *docParser) firstOf(f func(string) bool, n int) int {
	for i := 0; i < min(n, p.end); i++ {
		for _, c := range cells(p.lines[i]) {
			if f(c) {
				return i
			}
		}
	}
	return -1
}

// orgName groups the longest run of organisation lines ending the window
// into names and renders them. upperOnly=false accepts lines in any case
// (TCVN3 headers typed in .VnTimeH decode lower case) and upper-cases them.
func orgName(window []string, upperOnly bool) string {
	start := len(window)
	for i := len(window) - 1; i >= 0; i-- {
		l := window[i]
		if upperOnly && !isUpper(l) || len(strings.Fields(l)) > 10 || hasDigit(l) {
			break
		}
		start = i
	}
	// The run must start with an organisation's head.
	for start < len(window) && !startsOrg(viet.Fold(window[start])) {
		start++
	}
	var names [][]string
	for _, l := range window[start:] {
		if !upperOnly {
			l = strings.ToUpper(l)
		}
		if startsOrg(viet.Fold(l)) || len(names) == 0 {
			if n := len(names); n > 0 && strings.Join(names[n-1], " ") == l {
				continue // Công báo repeats the issuer above the header
			}
			names = append(names, []string{l})
			continue
		}
		names[len(names)-1] = append(names[len(names)-1], l)
	}
	if len(names) == 0 {
		return ""
	}
	agency := normalCase(strings.Join(names[len(names)-1], " "))
	if len(names) == 1 {
		return agency
	}
	parent := normalCase(strings.Join(names[len(names)-2], " "))
	pf := viet.Fold(parent)
	if pf == centralCommittee && partyBodyAt(strings.Fields(viet.Fold(agency))) {
		// "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN BÍ THƯ": the Secretariat. Its
		// departments keep the Committee: "Ban Tuyên giáo", "Văn phòng"
		// alone name no body.
		return agency
	}
	for _, g := range []string{"uy ban nhan dan ", "ubnd "} {
		if strings.HasPrefix(pf, g) {
			// A department of a People's Committee: its place.
			return agency + " " + string([]rune(parent)[len([]rune(g)):])
		}
	}
	return agency + " (" + parent + ")"
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// isAuthority reports the line naming the authority that enacts the text,
// under the trích yếu: the issuer's name ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
// "Thủ tướng Chính phủ") or a head's title ("BỘ TRƯỞNG BỘ TÀI CHÍNH").
func (p *docParser) isAuthority(l string) bool {
	f := expandAbbrev(strings.Trim(viet.Fold(l), " :."))
	if len(strings.Fields(f)) > 14 || f == "" {
		return false
	}
	for _, name := range []string{p.d.Issuer, p.titleIssuer} {
		if fi := expandAbbrev(viet.Fold(name)); fi != "" && (f == fi || strings.HasSuffix(f, " "+fi) || strings.HasPrefix(f, fi+" ")) {
			return true
		}
	}
	for _, t := range signerTitles {
		if strings.HasPrefix(f, t+" ") && len(strings.Fields(f)) <= 10 {
			return true
		}
	}
	return false
}

// authorityIssuer reads the issuer from the authority line under the
// trích yếu, for a header that names none (a portal printing the text
// without its left column, the authority line below the title:
// "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"): the line in capitals right under
// the trích yếu, within the first document, the preamble right under it
// ("Căn cứ …", bodyOpener). A head's title before an organisation's
// name is the head's, not the issuer's: "BỘ TRƯỞNG BỘ TÀI CHÍNH" is Bộ
// Tài chính, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" the province's committee;
// "THỦ TƯỚNG CHÍNH PHỦ" and a title alone ("CHỦ TỊCH NƯỚC") issue in
// their own name, as a header writes them.
func (p *docParser) authorityIssuer() string {
	if p.d.Title == "" || p.typ < 0 {
		return ""
	}
	next := func(i int) int {
		for ; i < min(len(p.lines), p.end); i++ {
			if l := strings.TrimSpace(p.lines[i]); l != "" && !ruleText(l) {
				return i
			}
		}
		return -1
	}
	i := next(p.titleEnd)
	if i < 0 {
		return ""
	}
	l := strings.TrimSpace(p.lines[i])
	f := viet.Fold(l)
	if strings.Contains(l, " | ") || !isUpper(l) || !p.isAuthority(l) && !startsOrg(f) {
		return ""
	}
	if j := next(i + 1); j < 0 || !p.bodyOpener(j) {
		return ""
	}
	for _, t := range signerTitles {
		if t == "thu tuong" || !strings.HasPrefix(f, t+" ") {
			continue
		}
		ws := strings.Fields(l)
		if name := orgName([]string{strings.Join(ws[len(strings.Fields(t)):], " ")}, true); name != "" {
			return name
		}
	}
	return orgName([]string{l}, true)
}

// expandAbbrev spells out UBND and HĐND in folded text.
func expandAbbrev(f string) string {
	f = strings.ReplaceAll(" "+f+" ", " ubnd ", " uy ban nhan dan ")
	f = strings.ReplaceAll(f, " hdnd ", " hoi dong nhan dan ")
	return strings.TrimSpace(f)
}

func ruleText(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// title reads the trích yếu: the "V/v …" lines of a letter, or the lines
// under the type line up to the authority line, "Kính gửi" or the body.
func (p *docParser) title() {
	p.titleEnd = max(p.num, p.date, p.typ) + 1
	start := -1
	var parts []string
	if p.d.Title != "" {
		parts = append(parts, p.d.Title)
	}
	if p.typ >= 0 {
		start = p.typ + 1
	} else if i := p.firstOf(func(c string) bool { return abstractRe.MatchString(viet.Fold(c)) }, p.headerEnd()); i >= 0 {
		// The trích yếu may sit in a cell beside stamp debris.
		cs := cells(p.lines[i])
		for k, c := range cs {
			if abstractRe.MatchString(viet.Fold(c)) {
				parts = append(parts, strings.Join(cs[k:], " "))
				break
			}
		}
		start = i + 1
	}
	if start < 0 {
		return
	}
	upperTitle, inParen, underNum := false, false, false
	i := start
	for ; i < min(len(p.lines), start+8); i++ {
		l := trimRule(strings.TrimSpace(cells(p.lines[i])[0]))
		f := viet.Fold(l)
		if l == "" || ruleText(l) {
			if len(parts) > 0 && isRule(l) {
				break // the rule under a trích yếu ("-----"), over the body
			}
			continue
		}
		if inParen {
			// "(Ban hành kèm theo Quyết định số …," continues to its ")".
			parts = append(parts, l)
			inParen = !strings.Contains(l, ")")
			continue
		}
		if name, rest, ok := ownerClause(l); ok && rest == "" && !titleForm(name, l) && len(parts) == 0 && p.typ >= 0 && i == start {
			// "CỦA BỘ CHÍNH TRỊ" under "NGHỊ QUYẾT": the issuer (read by
			// ownerIssuer), over a trích yếu in capitals or not, which is
			// read as the first line under the type line. A clause
			// going on past its name ("của Thủ tướng Chính phủ số …",
			// a title form) is the trích yếu's start.
			start = i + 1
			continue
		}
		if i == start && i == p.num && i != p.date && len(parts) == 0 && p.typ >= 0 && !p.titleNum && len(cells(p.lines[i])) == 1 {
			// "QUYẾT ĐỊNH" / "Số: 12/QĐ-UBND" / "Về việc …": the number
			// line between the type line and the trích yếu.
			start, underNum = i+1, true
			continue
		}
		if underNum && i == start && propertyLine(l) {
			break // "Ngày ban hành: …": a site's property list, no trích yếu
		}
		first := len(parts) == 0 && p.typ >= 0 && i == start
		if p.bodyOpener(i) && !(first && !strongOpener.MatchString(f)) || strings.HasPrefix(f, "kinh gui") || IsMottoLine(l) && !namesState(l) || i == p.date && !p.titleDate || numberLabel(l) ||
			IsStampText(l, false) || StartsItem(l) && !strings.HasPrefix(f, "-") || p.isAuthority(l) {
			break
		}
		if siteHeading(l) {
			p.siteStop = i + 1 // the site's block: no trích yếu, no body
			break
		}
		up := isUpper(l)
		if len(parts) == 0 {
			upperTitle = up
		} else if up && !upperTitle || up && startsOrg(f) && !strings.HasPrefix(f, "quy dinh") {
			break // the authority line ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI")
		}
		if !up && upperTitle && !strings.HasPrefix(l, "(") {
			break
		}
		parts = append(parts, l)
		inParen = strings.HasPrefix(l, "(") && !strings.Contains(l, ")")
	}
	if len(parts) > 0 {
		p.d.Title = strings.Join(parts, " ")
		if name, rest, ok := ownerClause(p.d.Title); ok && p.namesIssuer(name) {
			p.d.Title = rest // "CỦA CHÍNH PHỦ Về đăng ký kinh doanh"
		}
		p.titleEnd = max(p.titleEnd, i)
	}
}

// propertyLine reports a "label: value" line, its label of at most four
// words ("Ngày ban hành: 10 tháng 7 năm 2026", "Cơ quan ban hành: …"),
// other than a trích yếu's "V/v:" or "Về việc:".
func propertyLine(l string) bool {
	label, _, ok := strings.Cut(l, ":")
	return ok && len(strings.Fields(label)) <= 4 && !abstractRe.MatchString(viet.Fold(l))
}

// isRule reports a line drawn with three dashes or more ("-----",
// "___", "=====").
func isRule(l string) bool {
	return ruleText(l) && strings.Count(l, "-")+strings.Count(l, "_")+strings.Count(l, "=")+strings.Count(l, "–")+strings.Count(l, "—") >= 3
}

// trimRule drops a rule ending a line after a space: the trích yếu
// "… ĐỊA PHƯƠNG 2 CẤP -----" of a text whose rule lost its line.
func trimRule(l string) string {
	if i := strings.LastIndexByte(l, ' '); i > 0 && isRule(l[i+1:]) {
		return strings.TrimSpace(l[:i])
	}
	return l
}

// titleForm reports a "của" line l going on past its issuer's name with
// the number or the date ("của Thủ tướng Chính phủ số 115/2004/QĐ-TTg"):
// a title form's start, not the issuer alone on its line.
func titleForm(name, l string) bool {
	w := strings.Fields(l)
	if n := len(strings.Fields(name)) + 1; n < len(w) {
		f := strings.TrimRight(viet.Fold(w[n]), ":")
		return f == "so" || f == "ngay"
	}
	return false
}

// namesIssuer reports a "của <name>" clause naming the document's issuer
// ("của bộ trưởng bộ tài chính" under Bộ Tài chính's header, "CỦA CHÍNH
// PHỦ"), or any when no issuer was read: the clause is then the header's
// only issuer. A trích yếu opening "Của ngành giáo dục thực hiện …" under
// a province's header names none and is kept whole.
func (p *docParser) namesIssuer(name string) bool {
	is := viet.Fold(p.d.Issuer)
	return is == "" || strings.Contains(viet.Fold(name), is)
}

// vvRe opens a letter's trích yếu: "V/v", as OCR reads it too ("W⁄v");
// abstractRe opens any trích yếu, also "Về việc …" (a decision whose type
// line OCR could not read).
var (
	vvRe       = regexp.MustCompile(`^[vw]\s?[/⁄|]\s?v\b`)
	abstractRe = regexp.MustCompile(`^([vw]\s?[/⁄|]\s?v|ve viec)\b`)
)

// headerEnd is the first line that cannot be in the header: "Kính gửi"
// or a body opener, at most headerZone lines down.
func (p *docParser) headerEnd() int {
	for i := 0; i < p.end; i++ {
		if strings.HasPrefix(viet.Fold(strings.TrimSpace(p.lines[i])), "kinh gui") || p.bodyOpener(i) {
			return i
		}
	}
	return p.end
}

// strongOpener starts a body even right under the type line; a trích yếu
// may itself begin "Thực hiện …" ("KẾ HOẠCH / Thực hiện Nghị quyết …").
// namesState reports a line naming the state after a noun ("NƯỚC CỘNG
// HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" under "HIẾN PHÁP"): a name, not the
// Quốc hiệu, which opens its line and is not under the type line.
func namesState(l string) bool {
	f := viet.Fold(strings.TrimSpace(l))
	return strings.HasPrefix(f, "nuoc cong hoa xa hoi chu nghia")
}

var strongOpener = regexp.MustCompile(`^(can cu|dieu 1\b|chuong [ivxlc\d]|phan thu)`)

// isLetter reports a công văn: a "V/v" trích yếu or a "Kính gửi" line in
// the header.
func (p *docParser) isLetter() bool {
	return p.firstOf(func(c string) bool {
		f := viet.Fold(strings.TrimSpace(c))
		return vvRe.MatchString(f) || strings.HasPrefix(f, "kinh gui")
	}, headerZone) >= 0
}

// bodyStart is the first line of the body: after the header, the trích
// yếu, the authority lines in capitals and the "Kính gửi" list.
func (p *docParser) bodyStart() int {
	i := p.titleEnd
	if p.num < 0 && p.typ < 0 && p.date < 0 && p.d.Title == "" {
		i = 0 // a trích yếu read without them ("V/v …") is no part of the body
	}
	inRecipients := false
	for ; i < len(p.lines); i++ {
		l := strings.TrimSpace(p.lines[i])
		c := strings.TrimSpace(cells(l)[0])
		f := viet.Fold(c)
		switch {
		case c == "" || ruleText(c) || IsStampText(l, false) || IsMottoLine(c) || IsDateLine(c) || numberLabel(c) || i+1 == p.siteStop:
			continue
		case strings.HasPrefix(f, "kinh gui"):
			inRecipients = true
			continue
		case inRecipients && (strings.HasPrefix(f, "-") || strings.HasPrefix(f, "+") || len(strings.Fields(c)) < 10 && !p.bodyOpener(i)):
			continue
		case p.bodyOpener(i):
			return i
		case isUpper(c) && !StartsItem(c) || p.isAuthority(c) || strings.Contains(l, " | "):
			// Capitals: authority, session and title lines; cells: what
			// is left of the header's columns and of stamps. The body
			// starts with a paragraph.
			continue
		case strings.HasPrefix(c, "(") && strings.Contains(f, "kem theo"):
			continue
		}
		return i
	}
	return len(p.lines)
}

// bodyEnd is the line after the body's last: the first "Nơi nhận" or
// signer line after the body starts, else the last line ending "./."
// before an appendix, else the end.
func (p *docParser) bodyEnd(start int) int {
	lastStop := -1
	for i := start; i < len(p.lines); i++ {
		l := p.lines[i]
		for _, c := range cells(l) {
			if IsRecipientsLine(c) || IsSignerTitle(c) && i > start && !p.memberRow(i) {
				return p.trimEnd(start, i)
			}
		}
		if appendixLine(l) && i > start {
			break
		}
		if t := strings.TrimSpace(l); strings.HasSuffix(t, "./.") || strings.HasSuffix(t, "/.") {
			lastStop = i
		}
	}
	if lastStop >= 0 {
		return p.trimEnd(start, lastStop+1)
	}
	return p.trimEnd(start, len(p.lines))
}

// trimEnd drops stamps and empty lines at the body's end, and what
// follows a letter's closing "Trân trọng." ("Đính kèm: …", the list of
// enclosures).
func (p *docParser) trimEnd(start, end int) int {
	for i := end - 1; i >= max(start, end-6); i-- {
		if strings.HasPrefix(viet.Fold(strings.TrimSpace(p.lines[i])), "tran trong") && i > start {
			end = i + 1
			break
		}
	}
	for end > start {
		l := strings.TrimSpace(p.lines[end-1])
		if l != "" && !ruleText(l) && !IsStampText(l, false) {
			break
		}
		end--
	}
	return end
}

// appendixLine reports an appendix heading ("PHỤ LỤC I", "Phụ lục 02").
func appendixLine(l string) bool {
	c := strings.TrimSpace(cells(l)[0])
	f := viet.Fold(c)
	return strings.HasPrefix(f, "phu luc") && len(c) < 200 && (isUpper(c) || len(strings.Fields(c)) <= 4)
}

// signer reads the signer block after the body (signerBlock).
func (p *docParser) signer() {
	to := min(len(p.lines), p.d.BodyEnd+40)
	if p.end > p.d.BodyEnd && p.end < min(len(p.lines), headerZone) && !p.recipients(p.end) {
		// The next document's lines are not this signature's; the "Nơi
		// nhận" list is, its column beside the signer's name.
		to = min(to, p.end)
	}
	parts, named := p.signerBlock(p.d.BodyEnd, to)
	p.d.Signer = strings.Join(parts, " / ")
	p.named = max(named, 0)
}

// signerBlock reads a signer block from line from up to line to: title
// lines (TM./KT./TL. … and titles in capitals) and the name under them,
// up to an appendix or a copy's mark (copyMark); named is the name's
// line, -1 when no name was read.
func (p *docParser) signerBlock(from, to int) (parts []string, named int) {
	named = -1
	for i := from; i < to && named < 0; i++ {
		if copyMark(p.lines[i]) {
			break // a copy's block signs the copy, not this document
		}
		for _, c := range cells(p.lines[i]) {
			c = strings.TrimSpace(c)
			switch {
			case c == "" || strings.HasPrefix(c, "-") || strings.HasPrefix(c, "–"):
			case IsSignerTitle(c) || len(parts) > 0 && isUpper(c) && len(strings.Fields(c)) <= 6 && !IsRecipientsLine(c):
				parts = append(parts, c)
			case len(parts) > 0 && personName(c):
				parts = append(parts, c)
				named = i
			}
			if named >= 0 {
				break
			}
		}
		if appendixLine(p.lines[i]) && len(parts) > 0 {
			break
		}
	}
	return parts, named
}

// firstEnd is the line where the first document of the text ends, when
// a second follows it before limit: the line after its signer's name
// (signerBlock) or a copy's mark, once a line of its body was read (a
// body opener, a sentence ending "/.", a letter's "Trân trọng"). What
// follows — a copy's "SAO Y" block, an attached form, a quoted letter —
// has its own "Số:", date and issuer, none of them this document's.
// Without "Nơi nhận" (recipients) nothing else ends the header's zone
// there. limit when the text holds no such end.
func (p *docParser) firstEnd(limit int) int {
	body := false
	for i := 0; i < limit; i++ {
		if body && copyMark(p.lines[i]) {
			return i
		}
		if body && slices.ContainsFunc(cells(p.lines[i]), IsSignerTitle) && !p.memberRow(i) {
			if k := p.unnamedEnd(i, limit); k >= 0 {
				return k
			}
			if _, named := p.signerBlock(i, limit); named >= 0 {
				return named + 1
			}
		}
		t := strings.TrimSpace(p.lines[i])
		body = body || p.bodyOpener(i) || strings.HasSuffix(t, "/.") || strings.HasPrefix(viet.Fold(t), "tran trong")
	}
	return limit
}

// memberRow reports line i as a row of a list of members in a body, not
// a signature: one signer's title cell, with no mark of authority
// ("KT.", "TM."), beside a person's name ("CHỦ TỊCH | Nguyễn Văn An"), in
// a table of such rows (the line above or below it is a cell beside a
// name, nameRow) or under a line leading into a list ("… có tên sau:").
// A signature puts the name under its titles, or beside them after a
// mark or a second title ("KT. CHỦ TỊCH | PHÓ CHỦ TỊCH | Nguyễn Văn B"),
// or alone under the last article. Three lines looked at: a long table
// costs one pass.
func (p *docParser) memberRow(i int) bool {
	cs := cells(p.lines[i])
	t := slices.IndexFunc(cs, IsSignerTitle)
	if t < 0 || slices.ContainsFunc(cs[t+1:], IsSignerTitle) || signerMark(cs[t]) ||
		!slices.ContainsFunc(cs[t+1:], func(c string) bool { return personName(strings.TrimSpace(c)) }) {
		return false
	}
	if i > 0 {
		above := strings.TrimSpace(p.lines[i-1])
		if nameRow(above) || strings.HasSuffix(above, ":") && !IsRecipientsLine(above) {
			return true
		}
	}
	return i+1 < len(p.lines) && nameRow(p.lines[i+1])
}

// signerMark reports a signer's title under a mark of authority: "KT.
// CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN".
func signerMark(c string) bool {
	m := signerPrefix.FindString(strings.TrimSpace(c))
	return m != "" && strings.ContainsAny(m, "./")
}

// nameRow reports a table row of a cell beside a person's name in mixed
// case ("ỦY VIÊN | Lê Văn Cường"), not a recipient's item beside one.
func nameRow(l string) bool {
	cs := cells(l)
	if len(cs) < 2 {
		return false
	}
	first, name := strings.TrimSpace(cs[0]), strings.TrimSpace(cs[1])
	return hasLetter(first) && strings.IndexAny(first, "-+–") != 0 && personName(name) && !isUpper(name)
}

// maxNameGap is how many lines may stand in a signature where the
// signer's name should be: a blank, OCR debris of a signature image,
// "(Đã ký)".
const maxNameGap = 3

// unnamedEnd is where the first document ends when its signature has no
// readable name: from the signer's title lines at i (TM./KT. …, PHÓ CHỦ
// TỊCH), past at most maxNameGap lines of debris (nameDebris), the first
// line that opens what follows a document (nextDocument): "Nơi nhận",
// another document's Quốc hiệu, issuer over its number, "Số:" or type
// line, a copy's mark, an appendix. -1 when anything else comes first (a
// name: signerBlock reads it; a sentence: the title was the body's).
func (p *docParser) unnamedEnd(i, limit int) int {
	j := i
	for j < limit && slices.ContainsFunc(cells(p.lines[j]), IsSignerTitle) {
		j++
	}
	for gap := 0; j < limit; j, gap = j+1, gap+1 {
		if p.nextDocument(j, limit) {
			return j
		}
		if gap == maxNameGap || !nameDebris(p.lines[j]) {
			return -1
		}
	}
	return -1
}

// nameDebris reports a line standing where a signer's name should be
// that is no name and no text: every cell blank, rules, a short note in
// brackets ("(Đã ký)", "(Ký tên, đóng dấu)"), or no person's name and
// either one or two words or mostly no Vietnamese syllables (OCR of a
// signature or a seal: "ƒ~ $ỹ#").
func nameDebris(l string) bool {
	for _, c := range cells(l) {
		c = strings.TrimSpace(c)
		words := strings.Fields(c)
		switch {
		case c == "" || ruleText(c):
		case strings.HasPrefix(c, "(") && strings.HasSuffix(c, ")") && len(words) <= 6:
		case personName(c):
			return false
		case len(words) <= 2:
		default:
			valid := 0
			for _, w := range words {
				if viet.ValidSyllable(strings.Trim(w, ".,;:")) {
					valid++
				}
			}
			if 2*valid >= len(words) {
				return false
			}
		}
	}
	return true
}

// nextDocOrgLines is how far below another document's issuer line its
// Quốc hiệu or "Số:" line is looked for (a header written column by
// column: "SỞ CÔNG THƯƠNG" / "TỈNH PHÚ AN" / "Số: 45/GP-SCT").
const nextDocOrgLines = 3

// nextDocument reports line j opening what follows a document's
// signature: "Nơi nhận", a copy's mark, an appendix, another document's
// Quốc hiệu, "Số:" line, type line in capitals ("QUY ĐỊNH", "GIẤY
// PHÉP"), or its issuer in capitals over its Quốc hiệu or "Số:" line.
func (p *docParser) nextDocument(j, limit int) bool {
	l := p.lines[j]
	if copyMark(l) || appendixLine(l) {
		return true
	}
	for _, c := range cells(l) {
		if IsRecipientsLine(c) || IsMottoLine(c) || numberLabel(c) {
			return true
		}
	}
	c := strings.TrimSpace(cells(l)[0])
	if !isUpper(c) {
		return false
	}
	if t, _ := typeLineOf(l); t != "" {
		return true
	}
	if !startsOrg(viet.Fold(c)) || len(strings.Fields(c)) > 10 {
		return false
	}
	for k := j + 1; k < min(limit, j+1+nextDocOrgLines); k++ {
		for _, c := range cells(p.lines[k]) {
			if IsMottoLine(c) || numberLabel(c) {
				return true
			}
		}
	}
	return false
}

// copyMarkRe is a copy's mark heading its block under the original's
// signature (ND 30 Phụ lục I: "SAO Y", "SAO LỤC", "TRÍCH SAO"; older
// copies "SAO Y BẢN CHÍNH"), folded.
var copyMarkRe = regexp.MustCompile(`^(sao y( ban chinh)?|sao luc|trich sao)$`)

// copyMark reports a line whose first cell is a copy's mark.
func copyMark(l string) bool {
	return copyMarkRe.MatchString(strings.Trim(viet.Fold(strings.TrimSpace(cells(l)[0])), " .:"))
}

// personName reports a line shaped like a signer's name, with an optional
// rank: "Phùng Tô Long", "Thượng tướng Tô Lâm".
func personName(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 7 || hasDigit(s) || strings.ContainsAny(s, ":;,()/") {
		return false
	}
	for _, x := range w[len(w)-2:] {
		r := []rune(x)[0]
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// sections lists the appendices after the body: headings "PHỤ LỤC …" with
// the line in capitals under them as the title.
func (p *docParser) sections() {
	for i := p.d.BodyEnd; i < len(p.lines); i++ {
		if !appendixLine(p.lines[i]) {
			continue
		}
		title := strings.TrimSpace(cells(p.lines[i])[0])
		if i+1 < len(p.lines) && isUpper(p.lines[i+1]) && !appendixLine(p.lines[i+1]) {
			title += " " + strings.TrimSpace(p.lines[i+1])
		}
		if n := len(p.d.Sections); n > 0 {
			p.d.Sections[n-1].End = i
		}
		p.d.Sections = append(p.d.Sections, Section{Title: title, Start: i, End: len(p.lines)})
	}
}

// foldedTypeLine matches a type line without its marks, for OCR text
// that misreads one ("CHÍ THỊ" for "CHỈ THỊ"): the vocabulary's lookup
// by name folds both sides.
func foldedTypeLine(s string) string {
	if t, ok := doctype.ByName(strings.TrimSpace(s)); ok {
		return t.Name
	}
	return ""
}

// mottos are the Quốc hiệu and the Tiêu ngữ as words, folded.
var mottos = [][]string{strings.Fields("cong hoa xa hoi chu nghia viet nam"), strings.Fields("doc lap tu do hanh phuc")}

// mottoRest reports a line l that ends the motto begun on the line before
// it, prev: OCR of a two-column header wraps the right column's "CỘNG HÒA
// XÃ HỘI CHỦ NGHĨA VIỆT NAM" as "… CHỦ NGHĨA VIỆT" and "NAM", and the "NAM"
// would join the issuer above it ("Ủy ban nhân dân tỉnh Phú An Nam").
// prev must end with the motto's words before l's (two of them at least,
// or all there are).
func mottoRest(prev, l string) bool {
	pw, lw := letterWords(prev), letterWords(l)
	if len(lw) == 0 {
		return false
	}
	for _, m := range mottos {
		k := len(m) - len(lw)
		if k <= 0 || !slices.Equal(m[k:], lw) {
			continue
		}
		if n := min(k, 2); len(pw) >= n && slices.Equal(pw[len(pw)-n:], m[k-n:k]) {
			return true
		}
	}
	return false
}

// letterWords returns the folded words of s, without punctuation.
func letterWords(s string) []string {
	return strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
