// Package abbrev is vanban's one vocabulary of abbreviations: the
// built-in table (the administrative and legal short forms, and the
// document-type codes of Nghị định 30/2020/NĐ-CP, Phụ lục III, from
// corpus/doctype), the miner that reads the definitions legal texts give
// of their own ("biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT)",
// "Ủy ban nhân dân (UBND)"), and the dictionary a query is expanded with
// (Dict.Expand: "UBND" → "Ủy ban nhân dân" and back).
//
// The indexer stores the definitions each document gives (indexer,
// FieldAbbrev); search builds a Dict of the built-in table and the
// definitions of the snapshot it runs on. The package imports only
// corpus/doctype, corpus/viet and the standard library.
package abbrev

import (
	"strings"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
)

// builtinText is the table of abbreviations of administrative and legal
// text, abbreviation = full form, one a line. Both ways: "UBND tỉnh"
// searches "Ủy ban nhân dân" too, and "Ủy ban nhân dân" "UBND". An
// abbreviation of two letters only counts when typed in capitals ("KH",
// not "kh"), since short lowercase words are syllables.
const builtinText = `
UBND = Ủy ban nhân dân
HĐND = Hội đồng nhân dân
UBMTTQ = Ủy ban Mặt trận Tổ quốc
MTTQ = Mặt trận Tổ quốc
TAND = Tòa án nhân dân
VKSND = Viện kiểm sát nhân dân
UBTVQH = Ủy ban Thường vụ Quốc hội
BLDS = Bộ luật Dân sự
BLHS = Bộ luật Hình sự
BLLĐ = Bộ luật Lao động
BLTTDS = Bộ luật Tố tụng dân sự
BLTTHS = Bộ luật Tố tụng hình sự
KT-XH = kinh tế - xã hội
CĐS = chuyển đổi số
TTĐT = thông tin điện tử
CNTT = công nghệ thông tin
KHCN = khoa học và công nghệ
ATGT = an toàn giao thông
BHXH = bảo hiểm xã hội
BHYT = bảo hiểm y tế
GD-ĐT = giáo dục và đào tạo
NSNN = ngân sách nhà nước
CBCCVC = cán bộ, công chức, viên chức
TNHH = trách nhiệm hữu hạn
QLNN = quản lý nhà nước
TTHC = thủ tục hành chính
CCHC = cải cách hành chính
CQNN = cơ quan nhà nước
ĐVHC = đơn vị hành chính
ĐVSNCL = đơn vị sự nghiệp công lập
CBCC = cán bộ, công chức
BHTN = bảo hiểm thất nghiệp
HĐLĐ = hợp đồng lao động
NLĐ = người lao động
NSDLĐ = người sử dụng lao động
QSDĐ = quyền sử dụng đất
GCN = giấy chứng nhận
HTX = hợp tác xã
PCCC = phòng cháy và chữa cháy
VPHC = vi phạm hành chính
ATTP = an toàn thực phẩm
BVMT = bảo vệ môi trường
BCĐ = Ban Chỉ đạo
TN&MT = tài nguyên và môi trường
TT&TT = thông tin và truyền thông
KH&ĐT = kế hoạch và đầu tư
NN&PTNT = nông nghiệp và phát triển nông thôn
LĐ-TB&XH = lao động - thương binh và xã hội
VH-TT&DL = văn hóa, thể thao và du lịch
`

// issuerText lists issuer codes. Like the document-type codes of
// corpus/doctype (typeText), they are expanded but not abbreviated back:
// in text they occur inside document numbers, which have their own fields.
const issuerText = `
QH = Quốc hội
CP = Chính phủ
TTg = Thủ tướng Chính phủ
`

// Builtin returns the built-in entries: the table above, the
// document-type codes of corpus/doctype (Nghị định 30/2020, Phụ lục III,
// and the legal and Party codes) and the issuer codes, in that order.
// One-letter type codes (L, Lệnh) are left out: a lone capital in a query
// is an initial or a list label.
func Builtin() []Entry {
	var types strings.Builder
	for _, t := range doctype.All {
		if utf8.RuneCountInString(t.Code) >= 2 {
			types.WriteString(t.Code + " = " + t.Name + "\n")
		}
	}
	var out []Entry
	out = append(out, parseTable(builtinText, false)...)
	out = append(out, parseTable(types.String(), true)...)
	return append(out, parseTable(issuerText, true)...)
}

func parseTable(text string, oneWay bool) []Entry {
	var out []Entry
	for _, line := range strings.Split(text, "\n") {
		if e, ok := ParseEntry(line); ok {
			e.OneWay = oneWay
			out = append(out, e)
		}
	}
	return out
}

// ParseEntry reads "short = long" (the table's lines, and the terms the
// index stores the definitions under, Entry.String).
func ParseEntry(s string) (Entry, bool) {
	short, long, ok := strings.Cut(s, "=")
	short, long = strings.TrimSpace(short), strings.TrimSpace(long)
	if !ok || short == "" || long == "" {
		return Entry{}, false
	}
	return Entry{Short: short, Long: long}, true
}
