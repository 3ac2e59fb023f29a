package link

import (
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// Two kinds of item that act on the carrying out, not on what is carried
// out; both are offered, never ranked, as an item whose object is its own
// document (carriesOutOwn):
//
//   - reporting or reviewing how a whole document is being carried out —
//     "rà soát, hoàn thiện các báo cáo: (i) Báo cáo tình hình triển khai
//     thực hiện Nghị quyết số …", "Định kỳ báo cáo … kết quả thực hiện Kế
//     hoạch hằng năm": its object is the progress of the document, none
//     of the document's passages (reportsOnWhole);
//   - the issuer assigning one of its own leaders to direct — "Giao Phó
//     Thủ tướng Chính phủ … chỉ đạo các Bộ, ngành, địa phương …": a new
//     assignment of the issuer's, even where the parent assigned a leader
//     too (assignsLeader).
//
// Measured in docs/log/i22-link4.md.

// foldWords is text folded (viet.Fold) and split into its words, letters
// and digits only.
func foldWords(text string) []string {
	return strings.FieldsFunc(viet.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// reportsOnWhole reports whether text says "(tình hình|kết quả) [triển
// khai] thực hiện [các] <Loại>": the progress of a document as a whole
// (any type doctype names, in any spelling), whatever follows its name,
// or of its tasks as a whole ("… thực hiện nhiệm vụ năm 2027", "… các
// nhiệm vụ được giao": wholeTasks);
// a name running text mostly uses as an ordinary phrase (doctype's
// Common: "dự án đầu tư", "hợp đồng", "quy định về …") only with a number
// after it, as doctype says of them.
func reportsOnWhole(text string) bool {
	if !strings.Contains(text, "hiện") && !strings.Contains(text, "HIỆN") {
		return false // most items, without folding them (the store's text is NFC)
	}
	f := viet.Fold(text)
	if !strings.Contains(f, "thuc hien ") || !strings.Contains(f, "tinh hinh") && !strings.Contains(f, "ket qua") {
		return false // most items
	}
	ws := foldWords(text)
	for i := 0; i+4 < len(ws); i++ {
		if !(ws[i] == "tinh" && ws[i+1] == "hinh" || ws[i] == "ket" && ws[i+1] == "qua") {
			continue
		}
		j := i + 2
		if ws[j] == "trien" && j+1 < len(ws) && ws[j+1] == "khai" {
			j += 2
		}
		if j+2 >= len(ws) || ws[j] != "thuc" || ws[j+1] != "hien" {
			continue
		}
		j += 2
		if wholeTasks(ws[j:]) {
			return true // the tasks as a whole (linkownplan.go)
		}
		if ws[j] == "cac" {
			j++
		}
		if t, n, ok := doctype.Match(ws[j:min(len(ws), j+doctype.MaxWords)]); ok && (!t.Common || numbered(ws[j+n:])) {
			return true
		}
	}
	return false
}

// numbered reports whether folded words open with a document's number:
// "số …" or a word that starts with a digit ("142-QĐ/TW" splits to 142…).
func numbered(ws []string) bool {
	return len(ws) > 0 && (ws[0] == "so" || ws[0][0] >= '0' && ws[0][0] <= '9')
}

// assignsLeader reports whether text opens by assigning a deputy leader
// (outline.DeputyLeader, the actor table's titles): "Giao [đồng chí|các]
// Phó Thủ tướng …", "Giao đồng chí Phó Chủ tịch Thường trực Ủy ban nhân
// dân tỉnh …", "Giao đồng chí Phó Bí thư Tỉnh ủy …" ("Giao" required:
// "Phó Thủ tướng … chủ trì" reports a meeting).
func assignsLeader(text string) bool {
	if len(text) < 5 || !strings.EqualFold(text[:5], "giao ") {
		return false // most items, without folding them
	}
	ws := strings.Fields(text)
	if len(ws) < 3 {
		return false
	}
	k := 1
	if w := viet.Lower(ws[k]); w == "đồng" && viet.Lower(ws[k+1]) == "chí" {
		k += 2
	} else if w == "các" {
		k++
	}
	return outline.DeputyLeader(ws[k:])
}
