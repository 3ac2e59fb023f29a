package tasktable

// Lists of agencies written as one: the ministries or departments after
// "các Bộ" ("Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo …", "Các Bộ
// Xây dựng và Công an: …") are read as one name and stored one agency
// each ("Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an"), so that a
// filter by "Bộ Công an" finds the task; and the group words a list of
// agencies goes on with after a comma ("Các sở, ban, ngành", "Các Bộ, cơ
// quan ngang Bộ, cơ quan thuộc Chính phủ").

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// memberHead reports a head ending with "các Bộ" or "các Sở" ("Bộ trưởng
// các Bộ", "Các Sở"): the names after it are its members.
func memberHead(head []string) bool {
	n := len(head)
	if n < 2 || viet.Lower(head[n-2]) != "các" {
		return false
	}
	switch viet.Lower(strings.TrimRight(head[n-1], ":")) {
	case "bộ", "sở":
		return true
	}
	return false
}

// memberList reports whether the words after "các Bộ:" open the list of
// its members: a capitalised word that is no head ("Quốc phòng", not "Ủy
// ban nhân dân") and not the clause ("các Bộ: Chỉ đạo …") — a stop word
// only when the first name already ends at a comma ("Xây dựng, Công
// Thương").
func memberList(rest []string) bool {
	if len(rest) < 2 || !viet.StartsUpper(rest[0]) || strings.TrimRight(rest[0], ",:;.") != rest[0] {
		return false
	}
	return !endsName("", rest) || strings.HasSuffix(rest[1], ",")
}

// groupLen is the number of words of a group of agencies rest starts with
// after a comma ("ngành", "ban, ngành", "địa phương", "đoàn thể", "đơn vị", "cơ quan
// ngang Bộ", "cơ quan thuộc Chính phủ", "cơ quan có liên quan"), or 0.
func groupLen(rest []string) int {
	if len(rest) == 0 || viet.StartsUpper(rest[0]) && rest[0] != strings.ToUpper(rest[0]) {
		return 0 // the common case, cheaply; in capitals ("CÁC SỞ, NGÀNH") a group word is read too
	}
	var buf [5]string
	lower := buf[:0]
	for _, w := range rest[:min(len(rest), 5)] {
		lower = append(lower, viet.Lower(strings.TrimRight(w, ",:;.")))
	}
	has := func(ws ...string) bool {
		if len(ws) > len(lower) {
			return false
		}
		for j, w := range ws {
			if lower[j] != w {
				return false
			}
		}
		return true
	}
	switch {
	case has("ngành"), has("ban") && (strings.HasSuffix(rest[0], ",") || has("ban", "ngành")):
		return 1
	case has("địa", "phương"), has("đoàn", "thể"), has("đơn", "vị"):
		return 2
	case has("cơ", "quan", "thuộc"):
		return 3
	case orgGroupLen(rest) > 0:
		return 2
	case has("cơ", "quan", "ngang", "bộ"), has("cơ", "quan", "liên", "quan"):
		return 4
	case has("cơ", "quan", "có", "liên", "quan"):
		return 5
	}
	return 0
}

// orgGroupLen is 2 when rest, after a comma in a list of agencies, starts
// with "tổ chức" as the group's word ("các cơ quan, tổ chức có trách
// nhiệm", "…, tổ chức, cá nhân", "…, tổ chức chính trị - xã hội"), or 0:
// the word, punctuated, ends the text or is followed by "có liên quan" /
// "có trách nhiệm", "liên quan", "chính trị", "thuộc" or "trực thuộc".
// Before anything else it is the verb ("Sở Y tế, tổ chức tập huấn …").
func orgGroupLen(rest []string) int {
	if len(rest) < 2 || viet.Lower(rest[0]) != "tổ" || viet.Lower(strings.TrimRight(rest[1], ",:;.")) != "chức" {
		return 0
	}
	if strings.TrimRight(rest[1], ",:;.") != rest[1] || len(rest) == 2 {
		return 2
	}
	next := viet.Lower(strings.TrimRight(rest[2], ",:;."))
	after := ""
	if len(rest) > 3 {
		after = viet.Lower(strings.TrimRight(rest[3], ",:;."))
	}
	switch {
	case next == "có" && (after == "liên" || after == "trách"), next == "liên" && after == "quan",
		next == "chính" && after == "trị", next == "thuộc", next == "trực" && after == "thuộc":
		return 2
	}
	return 0
}

// expandAgencies joins names as the task table stores them, each list of
// members one agency a member (expandMembers).
func expandAgencies(names []string) string {
	if len(names) == 1 && !hasMembers(names[0]) {
		return names[0] // the common case, cheaply
	}
	var out []string
	for _, n := range names {
		out = append(out, expandMembers(n)...)
	}
	return strings.Join(out, ", ")
}

// expandAgency is expandAgencies of one name as written elsewhere (a
// table's column, a heading): "Các Bộ Quốc phòng, Công an" → "Bộ Quốc
// phòng, Bộ Công an".
func expandAgency(name string) string {
	if !strings.Contains(name, " ") {
		return name
	}
	return strings.Join(expandMembers(name), ", ")
}

// expandMembers splits a name starting "[title] các Bộ[:] A, B và C" into
// "[title] Bộ A", "[title] Bộ B", "[title] Bộ C" (two members at least;
// "Các Sở Xây dựng nêu trên" stays one name).
func expandMembers(name string) []string {
	if !hasMembers(name) {
		return []string{name}
	}
	ws := strings.Fields(name)
	for j := 0; j+2 < len(ws) && j <= 2; j++ {
		if viet.Lower(ws[j]) != "các" {
			continue
		}
		unit := strings.TrimSuffix(ws[j+1], ":")
		if !memberHead(ws[j:j+1+1]) || strings.HasSuffix(unit, ",") || !viet.StartsUpper(ws[j+2]) {
			return []string{name}
		}
		members := memberNames(strings.Join(ws[j+2:], " "))
		if len(members) < 2 {
			return []string{name}
		}
		prefix := strings.Join(append(ws[:j:j], unit), " ")
		out := make([]string, len(members))
		for m, mem := range members {
			out[m] = prefix + " " + mem
		}
		return out
	}
	return []string{name}
}

// hasMembers reports whether name may hold a list of members ("các" or
// "Các" in it), before expandMembers splits it into words.
func hasMembers(name string) bool {
	return strings.Contains(name, "các ") || strings.Contains(name, "Các ")
}

// memberNames splits a list of members at its commas and at each "và"
// that joins two members rather than the halves of one name ("Xây dựng
// và Công an": two; "Nông nghiệp và Môi trường": one); "Văn hóa, Thể
// thao và Du lịch" is one.
func memberNames(list string) []string {
	var out []string
	parts := strings.Split(list, ", ")
	for p := 0; p < len(parts); p++ {
		part := parts[p]
		if viet.Fold(part) == "van hoa" && p+1 < len(parts) &&
			strings.HasPrefix(viet.Fold(parts[p+1]), "the thao va du lich") {
			part += ", " + parts[p+1] // "Văn hóa, Thể thao và Du lịch"
			p++
		}
		halves := strings.Split(part, " và ")
		cur := halves[0]
		for _, h := range halves[1:] {
			if nameHalves[viet.Fold(h)] || strings.HasPrefix(viet.Fold(cur), "van hoa, the thao") {
				cur += " và " + h
				continue
			}
			out = append(out, cur)
			cur = h
		}
		out = append(out, cur)
	}
	return out
}

// nameHalves are the names written after "và" inside the name of one
// ministry or department (folded): "Nông nghiệp và Môi trường", "Khoa học
// và Công nghệ", "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh
// và Xã hội", "Phát thanh và Truyền hình".
var nameHalves = map[string]bool{"moi truong": true, "cong nghe": true, "dao tao": true, "du lich": true,
	"ton giao": true, "dau tu": true, "truyen thong": true, "phat trien nong thon": true, "xa hoi": true,
	"truyen hinh": true, "the thao": true, "gia dinh": true, "doi ngoai": true}

// leadClauses open a sentence whose subject comes after a comma: "Đối với
// 355 nhiệm vụ … (…), các Bộ, cơ quan ngang Bộ khẩn trương rà soát …",
// "Trên cơ sở các Nghị định …, các Bộ … thực hiện rà soát".
// A purpose ("Để bảo đảm an toàn giao thông dịp Tết, Công an tỉnh …") and
// a summing-up ("Trên đây là …, Ban Chỉ đạo … đề nghị …") lead the same
// way.
var leadClauses = []string{"Đối với ", "Trên cơ sở ", "Căn cứ ", "Trong quá trình ", "Để ", "Trên đây "}

// leadAgency is the agency a sentence opening with a lead clause names
// after one of the clause's commas (outside parentheses), "yêu cầu" or
// "đề nghị" before it dropped ("…, yêu cầu các Bộ: Nông nghiệp và Môi
// trường; Xây dựng …"), in the first line's first 400 bytes; or "".
func leadAgency(text string) string {
	text = firstLine(text)
	lead := false
	for _, l := range leadClauses {
		lead = lead || strings.HasPrefix(text, l)
	}
	if !lead {
		return ""
	}
	depth := 0
	for i := 0; i < len(text) && i < 400; i++ {
		switch text[i] {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case '.', ';', ':':
			if depth == 0 {
				return "" // the sentence or clause ended: no subject after the lead
			}
		case ',':
			if depth > 0 || !strings.HasPrefix(text[i:], ", ") {
				continue
			}
			rest := text[i+2:]
			for _, p := range []string{"yêu cầu ", "đề nghị ", "giao "} {
				rest = strings.TrimPrefix(rest, p)
			}
			if name := askedAgency(rest); name != "" {
				return name
			}
		}
	}
	return ""
}

// askers are the words by which an agency asks another to act, and the
// forms of address before the one asked ("… đề nghị các đồng chí Giám
// đốc Sở …").
var (
	askers    = []string{" đề nghị ", " yêu cầu "}
	addresses = []string{"các đồng chí ", "đồng chí "}
)

// askedAgencyWords is how far into a sentence the asking verb may come
// after the asker's name ("Ban Chỉ đạo của Chính phủ về … đề nghị").
const askedAgencyWords = 16

// askedAgency is the agency text starts with (agencyText), or, when that
// agency asks another ("Sở Giáo dục và Đào tạo đề nghị Hiệu trưởng các
// trường … tổ chức …"), the one asked: the task is the addressee's. The
// request must come in the asker's clause (before a comma, ";", ":" or
// ".") and name an agency.
func askedAgency(text string) string {
	name := agencyText(text)
	if name == "" {
		return ""
	}
	clause := text
	if i := strings.IndexAny(clause, ",;:."); i >= 0 {
		clause = clause[:i]
	}
	for _, a := range askers {
		i := strings.Index(clause, a)
		if i < 0 || len(strings.Fields(clause[:i])) > askedAgencyWords {
			continue
		}
		rest := text[i+len(a):]
		for _, ad := range addresses {
			rest = strings.TrimPrefix(rest, ad)
		}
		if asked := agencyText(rest); asked != "" {
			return asked
		}
	}
	return name
}
