package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// A text may open with a short signed cover — a phiếu chuyển, an
// unnumbered "V/v ban hành …" note from the office — and then carry the
// document it transmits, whose own header (Quốc hiệu, "Số:", date, type
// line) follows the cover's signature. The cover is only a slip when it
// has no identity of its own: no "Số:" line (readable or not), no date
// line, no Quốc hiệu, no type but a slip's (slipTypes), no articles or preamble (a decision's text whose
// header was lost is a document, and what follows it an attachment), few
// lines, and it opens as a document does (slipHead): a text that starts
// in the middle of a body is a fragment of a document, not a slip. Then the document is the transmitted one: its number, type,
// issuer, date, trích yếu, body and signer. A cover with its own number,
// date line or Quốc hiệu is a document in its own right (a công văn
// transmitting a decision is filed under its own number): its header is
// read, and nothing below its signature.

// slipTypes are the types of a cover that only transmits: a cover whose
// type line names any other (a Tờ trình submitting a draft, a Báo cáo on
// a text it quotes after its signature) is a document of its own, though
// its number and date line were lost.
var slipTypes = []string{"Phiếu chuyển", "Phiếu gửi"}

// maxSlipLines bounds a slip: the lines before its signature ends it.
const maxSlipLines = 20

// maxInnerNumberLine is how far into the transmitted text its "Số:" line
// may lie: a header's, not a number in a body.
const maxInnerNumberLine = 8

// slipBodyRe opens an article, a chapter or a preamble line, folded: a
// text holding one is a document, not a slip.
var slipBodyRe = regexp.MustCompile(`^(dieu \d|chuong [ivxlc\d]|can cu\b)`)

// transmitted reads the document a cover slip transmits (see above): ok
// when the text opens with a slip, ended by its signature (firstEnd; not
// by a copy's mark: a copy's block transmits nothing), and the text after
// it opens with a header whose "Số:" line reads a number under a Quốc
// hiệu or a type line. Offsets are the whole text's.
func (p *docParser) transmitted() (Document, bool) {
	n := len(p.lines)
	if p.inner || p.end >= min(n, headerZone) || p.end > maxSlipLines || copyMark(p.lines[p.end]) {
		return Document{}, false
	}
	if p.num >= 0 || p.date >= 0 || p.motto {
		return Document{}, false
	}
	if !p.slipHead() || p.typ >= 0 && p.typ < p.end && !slices.Contains(slipTypes, p.d.Type) {
		return Document{}, false
	}
	for _, l := range p.lines[:p.end] {
		for _, c := range cells(l) {
			if slipBodyRe.MatchString(viet.Fold(c)) || IsMottoLine(c) || numberLabel(c) || IsDateLine(c) {
				return Document{}, false
			}
		}
	}
	q := docParser{lines: p.lines[p.end:], num: -1, date: -1, typ: -1, inner: true}
	d := q.parse()
	if d.Number == "" || q.num < 0 || q.num >= maxInnerNumberLine || q.titleNum || !q.motto && q.typ < 0 {
		return Document{}, false
	}
	if slices.ContainsFunc(q.lines[:q.num], appendixLine) {
		return Document{}, false // the cover's own appendix: a form's header in it is the form's
	}
	q.further(&d, p.lines[:p.end])
	d.BodyStart += p.end
	d.BodyEnd += p.end
	for i := range d.Sections {
		d.Sections[i].Start += p.end
		d.Sections[i].End += p.end
	}
	return d, true
}

// maxTransmitted bounds the documents one slip is read as transmitting:
// each is one more parse of the rest of the text.
const maxTransmitted = 8

// Identity is what a transmitted document after the first is filed
// under (Document.Transmitted).
type Identity struct {
	Number    string `json:"number"`
	Type      string `json:"type,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Published string `json:"published,omitempty"`
	Title     string `json:"title,omitempty"` // trích yếu
}

// further reads the documents a slip transmits after the first, d (q's
// reading of the text after the slip, slip the slip's lines): each opens,
// below the previous one's body, with a header as the first's does
// (nextHeader), and is read the same way; past an appendix or form
// heading ("PHỤ LỤC", "Mẫu số 01"), whose forms carry headers of their
// own, only a header whose number the slip names; a header "kèm theo" a
// document read (attachedTo) is that one's attachment, a section only.
// The Document stays the first's (its fields, body and signer); each
// further one is named in d.Transmitted and its whole text — header,
// body, signature — is a Section titled by its type, number and trích
// yếu, followed by its own appendices, so the file's text is all in the
// body and sections and each document's number, type, issuer and date
// are its own. The first's appendices end where the second begins. At
// most maxTransmitted documents, and as many headers looked at.
func (q *docParser) further(d *Document, slip []string) {
	named := viet.Fold(strings.Join(slip, "\n"))
	from := d.BodyEnd
	for tries := 0; tries < maxTransmitted && len(d.Transmitted) < maxTransmitted-1; tries++ {
		j, annex := q.nextHeader(from)
		if j < 0 {
			return
		}
		r := docParser{lines: q.lines[j:], num: -1, date: -1, typ: -1, inner: true}
		e := r.parse()
		if e.Number == "" || r.num < 0 || r.num >= maxInnerNumberLine || r.titleNum || !r.motto && r.typ < 0 ||
			annex && !namesNumber(named, viet.Fold(e.Number)) {
			from = j + max(r.num, 0) + 1
			continue
		}
		// A header whose "kèm theo" line names a document read so far
		// (a plan the decision approves, its own number above it) is
		// that document's attachment: a section, not transmitted.
		attached := attachedTo(r.lines[:min(e.BodyStart, len(r.lines), headerZone)], d.Number, d.Transmitted)
		kept := d.Sections[:0]
		for _, s := range d.Sections {
			if s.Start < j {
				s.End = min(s.End, j)
				kept = append(kept, s)
			}
		}
		d.Sections = kept
		if !attached {
			d.Transmitted = append(d.Transmitted, Identity{Number: e.Number, Type: e.Type, Issuer: e.Issuer, Published: e.Published, Title: e.Title})
		}
		end := len(q.lines)
		if len(e.Sections) > 0 {
			end = j + e.Sections[0].Start
		}
		d.Sections = append(d.Sections, Section{Title: docHeading(e), Start: j, End: end})
		for _, s := range e.Sections {
			d.Sections = append(d.Sections, Section{Title: s.Title, Start: j + s.Start, End: j + s.End})
		}
		from = j + max(e.BodyEnd, r.num+1)
		if attached {
			// An attachment has no signature of its own: its body ends
			// where the next header begins, not at the next signature.
			from = j + max(e.BodyStart, r.num+1)
		}
	}
}

// attachedTo reports a header block (lines) holding a "kèm theo" line
// that names the first document's number or a further one's: "(Kèm theo
// Quyết định số 215/QĐ-UBND ngày …)" under a plan's title.
func attachedTo(lines []string, first string, further []Identity) bool {
	for _, l := range lines {
		f := viet.Fold(l)
		if !strings.Contains(f, "kem theo") {
			continue
		}
		if first != "" && namesNumber(f, viet.Fold(first)) ||
			slices.ContainsFunc(further, func(t Identity) bool { return namesNumber(f, viet.Fold(t.Number)) }) {
			return true
		}
	}
	return false
}

// namesNumber reports folded text f holding the folded number num whole:
// "so 215/qd-ubnd" names 215/qd-ubnd, not 15/qd-ubnd.
func namesNumber(f, num string) bool {
	for i := 0; num != ""; {
		k := strings.Index(f[i:], num)
		if k < 0 {
			return false
		}
		k += i
		if k == 0 || !isDigitOrLetter(f[k-1]) {
			return true
		}
		i = k + 1
	}
	return false
}

func isDigitOrLetter(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' }

// nextHeader is the first line at or after from that opens another
// document's header: the issuer lines in capitals (issuerLine) above its
// Quốc hiệu or "Số:" line, or that line; annex when an appendix heading
// comes before it. -1 when a copy's mark comes first (a copy's block
// signs a copy) or no header follows.
func (q *docParser) nextHeader(from int) (j int, annex bool) {
	for j = from; j < len(q.lines); j++ {
		l := q.lines[j]
		if copyMark(l) {
			return -1, annex
		}
		annex = annex || appendixLine(l) || annexLabel(cells(l)[0]) // "PHỤ LỤC", "Mẫu số 01"
		if slices.ContainsFunc(cells(l), func(c string) bool { return IsMottoLine(c) || numberLabel(c) }) {
			k := j
			for k > from && k > j-nextDocOrgLines && issuerLine(q.lines[k-1]) {
				k--
			}
			return k, annex
		}
	}
	return -1, annex
}

// docHeading names a document as a portal lists it: "Quyết định số
// 216/QĐ-UBND Về việc …".
func docHeading(d Document) string {
	return strings.Join(strings.Fields(d.Type+" số "+d.Number+" "+d.Title), " ")
}

// slipHead reports a first document that opens with a header line: its
// first line with letters is a type line ("PHIẾU CHUYỂN"), a trích yếu
// ("V/v …"), "Kính gửi", or an organisation in capitals ("VĂN PHÒNG ỦY
// BAN NHÂN DÂN TỈNH …").
func (p *docParser) slipHead() bool {
	for i := 0; i < p.end; i++ {
		c := strings.TrimSpace(cells(p.lines[i])[0])
		if !hasLetter(c) {
			continue
		}
		f := viet.Fold(c)
		if t, _ := typeLineOf(c); t != "" {
			return true
		}
		return abstractRe.MatchString(f) || strings.HasPrefix(f, "kinh gui") || isUpper(c) && startsOrg(f)
	}
	return false
}

// issuerLine reports a header line of an organisation's name written
// column by column above the "Số:" line ("ỦY BAN NHÂN DÂN" / "TỈNH PHÚ
// AN"): a first cell in capitals of at most ten words, no signer's title.
func issuerLine(l string) bool {
	c := strings.TrimSpace(cells(l)[0])
	return hasLetter(c) && isUpper(c) && len(strings.Fields(c)) <= 10 && !IsSignerTitle(c) && !IsRecipientsLine(c)
}
