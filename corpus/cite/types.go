package cite

import "strings"

// Types: the type word before a number and the type a symbol names, both
// from the corpus/doctype vocabulary.

// Type words. typeWords maps the folded type word (loại văn bản) to its
// canonical name; "" marks a generic word ("văn bản") that lets the symbol
// decide.
var typeWords = map[string]string{
	"nghi quyet":             "Nghị quyết",
	"nghi quyet lien tich":   "Nghị quyết liên tịch",
	"quyet dinh":             "Quyết định",
	"chi thi":                "Chỉ thị",
	"ke hoach":               "Kế hoạch",
	"chuong trinh":           "Chương trình",
	"chuong trinh hanh dong": "Chương trình",
	"ket luan":               "Kết luận",
	"thong bao":              "Thông báo",
	"thong bao ket luan":     "Thông báo",
	"luat":                   "Luật",
	"bo luat":                "Bộ luật",
	"nghi dinh":              "Nghị định",
	"thong tu":               "Thông tư",
	"thong tu lien tich":     "Thông tư liên tịch",
	"phap lenh":              "Pháp lệnh",
	"van ban hop nhat":       "Văn bản hợp nhất",
	"cong van":               "Công văn",
	"de an":                  "Đề án",
	"du an":                  "Dự án",
	"huong dan":              "Hướng dẫn",
	"quy dinh":               "Quy định",
	"quy che":                "Quy chế",
	"bao cao":                "Báo cáo",
	"bao cao tham tra":       "Báo cáo",
	"to trinh":               "Tờ trình",
	"an le":                  "Án lệ",
	"hien phap":              "Hiến pháp",
	"thong cao":              "Thông cáo",
	"cong dien":              "Công điện",
	"phuong an":              "Phương án",
	"bien ban":               "Biên bản",
	"lenh":                   "Lệnh",
	"sac lenh":               "Sắc lệnh",
	"hop dong":               "Hợp đồng",
	"giay moi":               "Giấy mời",
	"van ban":                "",
}

// typeWordBefore finds a type word ending right before pos, separated
// from it by spaces only; it tries the longest (four words) first.
func typeWordBefore(s string, pos int) (typ string, start int, ok bool) {
	var ws [4]word
	n := 0
	for n < 4 {
		w, ok := prevWord(s, pos, "")
		if !ok || (n == 0 && w.end != skipSpaceBack(s, pos)) {
			break
		}
		ws[n] = w
		n++
		pos = w.start
	}
	for m := n; m >= 1; m-- {
		parts := make([]string, m)
		for i := 0; i < m; i++ {
			parts[m-1-i] = ws[i].fold
		}
		if t, ok := typeWords[strings.Join(parts, " ")]; ok {
			return t, ws[m-1].start, true
		}
	}
	return "", 0, false
}

// namedTypeBefore finds "Luật An ninh mạng số …": a law, code or
// ordinance type word followed by its name, up to eight words before pos
// with nothing but spaces and letters between.
func namedTypeBefore(s string, pos int) (typ string, start int, ok bool) {
	for n := 0; n < 9; n++ {
		w, ok := prevWord(s, pos, "")
		if !ok || w.end != skipSpaceBack(s, pos) || w.hasDigit {
			return "", 0, false
		}
		switch w.fold {
		case "luat":
			if w2, ok := prevWord(s, w.start, ""); ok && w2.fold == "bo" && w2.end == skipSpaceBack(s, w.start) {
				return "Bộ luật", w2.start, true
			}
			return "Luật", w.start, true
		case "lenh":
			if w2, ok := prevWord(s, w.start, ""); ok && w2.fold == "phap" && w2.end == skipSpaceBack(s, w.start) {
				return "Pháp lệnh", w2.start, true
			}
		}
		pos = w.start
	}
	return "", 0, false
}

// codeTypes maps a type abbreviation to its document type: the ND
// 30/2020 Phụ lục III table (administrative documents and copies) plus the
// legal-document and Party codes met in real numbers.
var codeTypes = map[string]string{
	// ND 30/2020, Phụ lục III §I
	"NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế",
	"QyĐ": "Quy định", "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn",
	"CTr": "Chương trình", "KH": "Kế hoạch", "PA": "Phương án", "ĐA": "Đề án",
	"DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình",
	"HĐ": "Hợp đồng", "CĐ": "Công điện", "BGN": "Bản ghi nhớ",
	"BTT": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền", "GM": "Giấy mời",
	"GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi",
	"PC": "Phiếu chuyển", "PB": "Phiếu báo",
	// ND 30/2020, Phụ lục III §II (copies)
	"SY": "Bản sao y", "TrS": "Bản trích sao", "SL": "Bản sao lục",
	// legal documents, Party documents
	"NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch",
	"NQLT": "Nghị quyết liên tịch", "VBHN": "Văn bản hợp nhất", "AL": "Án lệ",
	"PL": "Pháp lệnh", "L": "Lệnh", "KL": "Kết luận",
}
