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
	d.BodyStart += p.end
	d.BodyEnd += p.end
	for i := range d.Sections {
		d.Sections[i].Start += p.end
		d.Sections[i].End += p.end
	}
	return d, true
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
