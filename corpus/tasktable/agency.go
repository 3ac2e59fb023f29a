package tasktable

// Agency names: the agency in charge a task's text starts with and the
// co-agencies it names after "phối hợp", read whole, as official names
// are written.

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// agencyText is the agencies text starts with, as written: each name
// runs from its head (outline.ActorHeadLen: "Sở", "Ủy ban nhân dân", "Bộ
// Chỉ huy") over its capitalised words, the syllable after each ("Y tế",
// "Quản lý", "Việc làm", unless outline.EndsName ends the name), the
// levels of government (levelLen: "tỉnh", "các huyện", "cấp xã", "trực
// thuộc trung ương") and the lower-case words official names are written with
// (nameTails: "Sở Giao thông vận tải", "Ban Quản lý dự án đầu tư xây dựng
// tỉnh"), and ends at any other word — the clause's verb or role word
// ("chủ trì", "phối hợp", "có trách nhiệm") — or at a colon, semicolon
// or full stop. A comma goes on when another head follows ("Sở Giao
// thông vận tải, Sở Tài chính": two agencies), a capitalised word inside
// a name ("Văn hóa, Thể thao và Du lịch") or a locality ("các huyện, thị
// xã, thành phố"); "và" goes on before a capital ("Sở Y tế và UBND các
// xã"). The agencies are ", "-joined, as written. Text that does not
// start with a head (outline.AgencyWords, which drops "Đề nghị", "Giao")
// names none.
//
// The agencies a task opens with are its clause's subject (subjectCut);
// agencyObject reads those named as an object (partners, addressees).
func agencyText(text string) string { return agencyCell(text, true) }

// agencyObject is agencyText of agencies named as an object ("phối hợp
// với …", an addressee), after which no verb need follow.
func agencyObject(text string) string { return agencyCell(text, false) }

func agencyCell(text string, subject bool) string {
	toks, named := outline.AgencyWords(strings.TrimPrefix(text, "Đồng chí ")) // "Đồng chí Bí thư Tỉnh ủy …"
	if named == 0 && !headListed(toks) {
		return ""
	}
	names := agencyNames(toks)
	if subject && len(names) > 0 {
		names[len(names)-1] = subjectCut(names[len(names)-1], names[:len(names)-1], toks)
	}
	return expandAgencies(names)
}

// subjectCut is name, the last agency a task's text opens with, ended at
// its last level of government when it is written in capitals and runs
// to the sentence's full stop: a subject has its verb, and one read up
// to the full stop ran over a clause whose verb no table holds ("BỘ CHỈ
// HUY BỘ ĐỘI BIÊN PHÒNG TỈNH TUẦN TRA BIÊN GIỚI."). Past a level
// ("TỈNH", "HUYỆN") capitals cannot tell a place's name from that verb;
// the level names the agency of the plan's own place. Sentence case
// needs no cut (the lower-case verb ends the name), nor a name without a
// level ("CỤC QUẢN LÝ XÂY DỰNG CÔNG TRÌNH.": outline.UpperHoldsVerb),
// nor a line without its full stop (a heading naming the agency), nor
// a list's last name whose words after its level are a place an earlier
// name of the list (before) ends with ("SỞ Y TẾ TỈNH QUẢNG NAM, SỞ TÀI
// CHÍNH TỈNH QUẢNG NAM.": the place, no verb).
//
// Words after the level no more than a place's name holds (placeWords)
// are that place: a sentence in capitals that is only a name ("CÔNG AN
// TỈNH QUẢNG NAM.", "UBND TỈNH LẠNG SƠN.") keeps it; a verb no table
// holds runs on with its object ("… TỈNH TUẦN TRA BIÊN GIỚI.").
func subjectCut(name string, before []string, toks []string) string {
	end := slices.IndexFunc(toks, func(w string) bool { return strings.HasSuffix(w, ".") })
	ws := strings.Fields(name)
	if end < 0 || end+1 < len(ws) || name != strings.ToUpper(name) ||
		strings.Join(toks[end+1-len(ws):end+1], " ") != name+"." {
		return name // not the whole sentence in capitals
	}
	cut := 0
	for j := 0; j < len(ws); j++ {
		if m := levelLen(ws[j:]); m > 0 {
			j += m - 1
			if j+1 < len(ws) {
				cut = j + 1
			}
		}
	}
	if cut == 0 || len(ws)-cut <= placeWords {
		return name // "CÔNG AN TỈNH QUẢNG NAM.": the sentence is the name and its place
	}
	place := " " + strings.Join(ws[cut:], " ")
	for _, b := range before {
		if strings.HasSuffix(b, place) {
			return name // the place the list named already
		}
	}
	return strings.Join(ws[:cut], " ")
}

// placeWords is the most words a place's name after a level holds in
// subjectCut: a province's or district's name is of two syllables ("Quảng
// Nam", "Kon Tum", "Lạng Sơn") but for a few of three ("Thừa Thiên Huế"),
// which are cut as before.
const placeWords = 2

// headListed reports a head that names a group and is listed with others
// ("Các Bộ, cơ quan ngang Bộ …", "Các sở, ban, ngành, UBND các huyện …"):
// its words carry the comma and a group word or another head follows.
// outline.AgencyWords names none there (no capitalised name after the
// head).
func headListed(toks []string) bool {
	n := outline.ActorHeadLen(toks)
	return n > 0 && n < len(toks) && strings.HasSuffix(toks[n-1], ",") &&
		(groupLen(toks[n:]) > 0 || outline.ActorHeadLen(toks[n:]) > 0)
}

// agencyNames reads the agencies toks start with (agencyText).
func agencyNames(toks []string) []string {
	var names []string
	for i := 0; i < len(toks); {
		n := outline.ActorHeadLen(toks[i:])
		if n == 0 {
			break
		}
		name, next, more := agencyName(toks, i, n)
		if name != "" {
			names = append(names, name)
		}
		if !more {
			break
		}
		i = next
	}
	return names
}

// agencyName reads the name whose head takes toks[i:i+n] and returns it,
// where the next name starts and whether one does.
func agencyName(toks []string, i, n int) (string, int, bool) {
	ws := make([]string, 0, 8)
	list := memberHead(toks[i : i+n]) // "Bộ trưởng các Bộ: Quốc phòng, Công an"
	level := 0                        // words of a level of government still to read ("cấp tỉnh")
	tail := 0                         // words of a nameTails entry still to read, in capitals
	for k := i; k < len(toks); k++ {
		w := toks[k]
		bare := strings.TrimRight(w, ",:;.")
		if bare == "-" && len(ws) > 0 {
			ws = append(ws, bare) // "Sở Lao động - Thương binh và Xã hội"
			continue
		}
		if bare == "" {
			break
		}
		lower := viet.Lower(bare)
		if level == 0 {
			level = levelLen(toks[k:])
		}
		inLevel := level > 0
		level = max(level-1, 0)
		if tail == 0 && k >= i+n {
			tail = tailLen(toks[k:]) // "… ĐẦU TƯ XÂY DỰNG": a tail's words are the name's in capitals too
		}
		inTail := tail > 0
		tail = max(tail-1, 0)
		prev := toks[max(k-1, 0)]
		if k-2 > i && isNumber(prev) {
			prev = toks[k-2] // "… QUÂN KHU 5 CHỦ TRÌ": the number goes on the run of capitals before it
		}
		switch {
		case (k > i+n || k == i+n && outline.HeadAlone(toks[i:k])) && !inLevel && !inTail && // not the head's first name word ("BỘ XÂY DỰNG") but after a head needing none ("TỈNH ĐOÀN CHỦ TRÌ")
			outline.UpperEndsName(prev, toks[k:]) && !outline.UpperHoldsVerb(ws, toks[k:]):
			return finishName(ws), k, false // "SỞ TÀI CHÍNH BỐ TRÍ …": a name in capitals ends as its lower-case form does
		case k == i+n && !inLevel && !inTail && outline.UpperEndsGroup(toks[i:k], toks[k:]):
			return finishName(ws), k, false // "CÁC CƠ QUAN BÁO CHÍ ĐƯA TIN …": a group takes no name
		case k < i+n, viet.StartsUpper(bare), inLevel:
		case isNumber(bare) && len(ws) > 0 && (bare != w || k+1 == len(toks) || viet.StartsUpper(toks[k+1]) ||
			endsName(bare, toks[k+1:])):
			// "Ban Quản lý Dự án 85 khẩn trương", not "Sở Y tế 3 năm liền"
		case lower == "và":
			if k+1 < len(toks) && viet.Lower(toks[k+1]) == "các" && outline.ActorHeadLen(toks[k+1:]) > 0 && !generalHead(toks[k+1:]) {
				return finishName(ws), k + 1, true // "…, Giáo dục và Đào tạo và các Bộ, ngành có liên quan; …"
			}
			if k+1 >= len(toks) || !viet.StartsUpper(toks[k+1]) {
				return finishName(ws), k, false // "Sở Y tế và các đơn vị …"
			}
		case (lower == "ủy" || lower == "uỷ") && len(ws) > 0 && cite.LevelWord(viet.Lower(ws[len(ws)-1])):
			// "Bí thư tỉnh ủy, thành ủy"
		case lower == "có" && len(ws) > 0 && groupEnds[viet.Lower(ws[len(ws)-1])] && tailLen(toks[k+1:]) == 2 &&
			viet.Lower(toks[k+1]) == "liên":
			// "các Bộ, cơ quan có liên quan"; not "Sở Y tế có liên quan"
		case lower == "chỉ" && len(ws) > 0 && viet.Lower(ws[len(ws)-1]) == "ban" && k+1 < len(toks) && viet.Lower(toks[k+1]) == "đạo":
			ws = append(ws, bare) // "Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"
			k++
			w = toks[k]
			bare = strings.TrimRight(w, ",:;.")
		default:
			m := tailLen(toks[k:])
			if m == 0 && k > 0 && strings.HasSuffix(toks[k-1], ",") {
				m = orgGroupLen(toks[k:]) // "các cơ quan, tổ chức"
			}
			if m == 0 && len(ws) > 0 && viet.StartsUpper(ws[len(ws)-1]) && secondSyllable(nameWordBefore(ws, n), ws[len(ws)-1], toks[k:]) &&
				!(lower == "quan" && k+1 < len(toks) && viet.Lower(toks[k+1]) == "tâm") { // "… Bộ quan tâm chỉ đạo": a verb
				break // "Y tế", "Quản lý"
			}
			if m == 0 { // "Cục Kết cấu hạ tầng xây dựng tham mưu …"
				if t := outline.NameTail(ws, toks[k:]); t > 0 {
					// the name and its tail whole: no word of them ends the
					// name early ("Cục Phát triển …", "… công trình"); an
					// agency listed after it goes on ("Cục Hợp tác quốc tế,
					// Vụ Pháp chế", "… và Vụ Pháp chế")
					name, next := strings.TrimRight(strings.Join(append(ws, toks[k:k+t]...), " "), ","), k+t
					if next+1 < len(toks) && viet.Lower(toks[next]) == "và" && outline.HeadFollows(toks[next+1:]) {
						return name, next + 1, true
					}
					// after a comma any head goes on, as after any name
					// of the cell ("Sở Y tế, các đơn vị liên quan");
					// listedTail ends a tail at a comma only before a
					// capitalised one (HeadFollows)
					return name, next, strings.HasSuffix(toks[next-1], ",") && outline.ActorHeadLen(toks[next:]) > 0
				}
			}
			if m == 0 {
				return finishName(ws), k, false // the verb
			}
			ws = append(ws, toks[k:k+m-1]...)
			k += m - 1
			w = toks[k]
			bare = strings.TrimRight(w, ",:;.")
		}
		ws = append(ws, bare)
		switch punct := w[len(bare):]; {
		case punct == "":
			continue
		case punct == ":" && (placeList(ws, toks[k+1:]) || list && len(ws) == n && memberList(toks[k+1:])):
			ws[len(ws)-1] += ":" // "Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa", "các Bộ: Quốc phòng"
			continue
		case punct == ";" && k+1 < len(toks) && outline.ActorHeadLen(toks[k+1:]) > 0:
			return finishName(ws), k + 1, true // "Bộ Nội vụ; Bộ Tài chính"
		case punct == ";" && list && len(ws) > n && k+1 < len(toks) && viet.StartsUpper(toks[k+1]):
			ws[len(ws)-1] += "," // "các Bộ: Nông nghiệp và Môi trường; Xây dựng"
			continue
		case punct != ",", k+1 >= len(toks):
			return finishName(ws), k + 1, false // ":", ";", "."
		}
		if outline.ActorHeadLen(toks[k+1:]) > 0 && !(list && viet.Lower(toks[k+1]) == "công") {
			return finishName(ws), k + 1, true // "Sở Giao thông vận tải, Sở Tài chính"; not "các Bộ: Quốc phòng, Công an"
		}
		nb := strings.TrimRight(toks[k+1], ",:;.")
		if !viet.StartsUpper(nb) && levelLen(toks[k+1:]) == 0 && groupLen(toks[k+1:]) == 0 {
			return finishName(ws), k + 1, false // "Sở Y tế, tổ chức …"
		}
		ws[len(ws)-1] += "," // "Văn hóa, Thể thao", "các huyện, thị xã", "Các Bộ, cơ quan ngang Bộ"
	}
	return finishName(ws), len(toks), false
}

// levelLen is the number of words of a level of government toks start
// with as the levels' owner reads a run of them (cite.LevelRunAt: "tỉnh",
// "thành phố", "cấp xã", "các cấp", "trung ương"; not the verb of "cấp
// giấy phép"), not past a word that carries punctuation, or 0.
func levelLen(toks []string) int {
	var buf [3]string // "cấp trung ương"
	lower := buf[:0]
	for _, w := range toks[:min(len(toks), len(buf))] {
		bare := strings.TrimRight(w, ",:;.")
		lower = append(lower, viet.Lower(bare))
		if bare != w {
			break
		}
	}
	return cite.LevelRunAt(lower)
}

// placeList reports whether a colon after ws opens the list of the
// places a name addresses ("Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk,
// Khánh Hòa, Gia Lai và Lâm Đồng"): ws ends with a level after "các" and
// rest starts with a place's name, two capitalised words and no head
// (not a clause: "các tỉnh: Chỉ đạo …").
func placeList(ws, rest []string) bool {
	if len(ws) < 2 || len(rest) < 2 || !cite.LevelWord(viet.Lower(ws[len(ws)-1])) {
		return false
	}
	plural := false
	for _, w := range ws {
		plural = plural || viet.Lower(w) == "các"
	}
	return plural && viet.StartsUpper(rest[0]) && viet.StartsUpper(rest[1]) && strings.TrimRight(rest[0], ",:;.") == rest[0] &&
		outline.ActorHeadLen(rest) == 0
}

// isNumber reports whether w is digits.
func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// secondSyllable reports whether the first of rest goes on the
// capitalised word prev ("Y tế", "Việc làm", "Bồi thường"), "Ủy ban" and
// "Phát triển" always; never a word that opens the clause by the actor
// table's rule (outline.EndsName: "Cục Thuế cần …", "Sở Công Thương xây
// dựng …"), nor one after a word written whole (wholeWord: "Sở Công
// Thương bình ổn giá …"). before is the name's word before prev, or "".
func secondSyllable(before, prev string, rest []string) bool {
	lower := viet.Lower(strings.TrimRight(rest[0], ",:;."))
	switch viet.Lower(prev) + " " + lower {
	case "ủy ban", "uỷ ban", "phát triển":
		return true
	}
	if prev == "-" || wholeWord(before, prev, rest) {
		return false
	}
	return !endsName(prev, rest)
}

// wholeWord reports that prev, a capitalised word of a name written in
// sentence case, is the second syllable of a word written with both
// capitalised, before the first ("Công Thương", "Việt Nam", "Thiên
// Huế"): a word so written is whole, a proper name's or one the name
// stresses, and the lower-case word after it opens the clause, a verb a
// table holds or not ("Sở Công Thương bình ổn giá …", "Cục Hàng không
// Việt Nam rút ngắn …"), when a lower-case word follows it in turn, no
// word of a name's (nameTails): a word of one syllable before a word of
// two is written so too ("Tổng Bí thư", "Bộ Tổng Tham mưu Quân đội",
// "Cổng Thông tin điện tử"), and that word ends there; so it does when
// a verb or a modal opens right after it (outline.OpensClause: "Bộ Tổng
// Tham mưu xem xét …", "Văn phòng Tổng Thư ký gửi …", as EndsName reads a
// verb after a verb) — unless the lower-case word opens a clause itself
// ("Sở Công Thương gửi trình …": a verb, no syllable). Not when prev and
// the lower-case word make a
// word official names are written with (nameTails: "Khu Kinh tế",
// "Ngân hàng Nhà nước" — a word of one syllable before a word of two),
// nor after a word in capitals (an abbreviation: "MTV Xổ số"; a run in
// capitals reads outline.UpperEndsName).
func wholeWord(before, prev string, rest []string) bool {
	if before == "" || len(rest) == 0 || !viet.StartsUpper(before) || viet.StartsUpper(rest[0]) ||
		strings.ContainsAny(before, ",;:.-") || before == strings.ToUpper(before) || prev == strings.ToUpper(prev) ||
		outline.ActorHeadLen([]string{prev}) > 0 {
		return false // prev a head taking a name of its own: "Trưởng Ban quản lý …"
	}
	if len(rest) < 2 || strings.ContainsAny(rest[0], ",;:.()") || viet.StartsUpper(rest[1]) || tailLen(rest[1:]) > 0 ||
		outline.OpensClause(rest[1:]) && !outline.OpensClause(rest) {
		return false // "Văn phòng Tổng Bí thư", "Bộ Tổng Tham mưu Quân đội", "Cổng Thông tin điện tử", "… Tham mưu xem xét", "… Tổng Thư ký gửi": the word ends there
	}
	if outline.HeadWordsLen([]string{prev, rest[0]}) == 2 || prefixWord(before) {
		return false // "Tổng Bí thư gửi", "Tổng Giám đốc gửi", "Khu Nông nghiệp ứng dụng …": prev a word of two's first syllable
	}
	return tailLen([]string{prev, rest[0]}) != 2
}

// prefixWord reports a word the names' tails write before a word of two
// (nameTails' "khu công nghiệp", "khu kinh tế"): after it a capitalised
// word is the first syllable of that word ("Khu Nông nghiệp", "Khu Du
// lịch"), not the second of one written whole.
func prefixWord(w string) bool {
	w = viet.Lower(w)
	for _, t := range nameTails {
		if len(t) == 3 && t[0] == w {
			return true
		}
	}
	return false
}

// nameWordBefore is the name's word before the last of ws, the words read
// so far of a name whose head takes n of them, or "" when that word is
// a head's ("Sở Ngoại vụ", "Ban Chỉ đạo", "Cục trưởng Cục Quản lý": a
// head's capital is no name's).
func nameWordBefore(ws []string, n int) string {
	if len(ws) < 2 || len(ws)-2 < n || outline.ActorHeadLen(ws[len(ws)-2:]) > 0 {
		return "" // "Cục trưởng Cục Quản lý", "Giám đốc Sở Y tế": another head's
	}
	return ws[len(ws)-2]
}

// endsName reports whether rest, after prev, a word of a name, opens the
// clause instead of going on the name: the actor table's rule
// (outline.EndsName), the one the task table's names end by.
func endsName(prev string, rest []string) bool {
	var buf [4]string
	words := buf[:0]
	for _, w := range rest[:min(len(rest), len(buf))] {
		words = append(words, viet.Lower(strings.TrimRight(w, ",:;")))
	}
	return outline.EndsName(prev, words)
}

// finishName is ws without the words a name never ends with ("và",
// "các", "thuộc" but in "trực thuộc": "các đơn vị thuộc các ban, bộ,
// ngành", a stop).
func finishName(ws []string) string {
	for len(ws) > 1 {
		last := strings.TrimRight(ws[len(ws)-1], ",")
		dangling := last == "thuộc" && (len(ws) < 2 || viet.Lower(ws[len(ws)-2]) != "trực") // "trực thuộc" stays
		if last != "-" && last != "và" && last != "các" && !dangling && (viet.StartsUpper(last) || !endsName(ws[len(ws)-2], ws[len(ws)-1:])) {
			break
		}
		ws = ws[:len(ws)-1]
	}
	return strings.TrimRight(strings.Join(ws, " "), ",")
}

// nameTails are the lower-case words official agency names are written
// with after their capitalised words ("Sở Giao thông vận tải", "Ban Quản
// lý các khu công nghiệp", "Ban Quản lý dự án đầu tư xây dựng", "Cục
// Quản lý và Phát triển thị trường", "Bảo hiểm xã hội", "cơ quan ngang
// bộ"), longest first where one starts another:
// words that are not verbs in a task's clause. "xây dựng" only after
// "đầu tư": after a name it is the task ("Sở Tài chính xây dựng …").
var nameTails = [][]string{
	{"đầu", "tư", "xây", "dựng"}, {"vận", "tải"}, {"nông", "thôn"}, {"dự", "án"}, {"đầu", "tư"},
	{"khu", "công", "nghiệp"}, {"khu", "kinh", "tế"}, {"khu", "chế", "xuất"}, {"công", "nghiệp"}, {"kinh", "tế"},
	{"hội"}, {"nhân", "dân"}, {"cơ", "quan"}, {"ngang", "bộ"}, {"đơn", "vị"}, {"trực", "thuộc"},
	{"nhà", "nước"}, {"quốc", "gia"}, {"viễn", "thông"}, {"thủy", "văn"}, {"thương", "mại"}, {"thị", "trường"}, {"trường"},
	{"khu", "vực"}, {"cửa", "khẩu"}, {"địa", "phương"}, {"điện", "tử"}, {"đại", "biểu"}, {"hợp", "tác"}, {"dân", "tộc"}, {"tôn", "giáo"}, {"biên", "phòng"}, {"quân", "sự"},
	{"phòng", "cháy", "chữa", "cháy"}, {"cứu", "nạn", "cứu", "hộ"}, {"giao", "thông"}, {"sở"}, {"ngành"},
	{"huyện"}, {"trấn"}, {"đoàn", "thể"}, {"chính", "trị"}, {"xã", "hội"}, {"tổ", "quốc"},
	{"phòng", "thủ", "dân", "sự"}, {"thuộc"}, {"liên", "quan"}, {"miền"},
}

// tailFirst holds the first words of nameTails.
var tailFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range nameTails {
		m[t[0]] = true
	}
	return m
}()

// tailLen is the number of words of a nameTails entry toks start with
// (the last may carry a comma or a full stop), or 0.
func tailLen(toks []string) int {
	var lower [4]string // the longest tail's words, in lower case
	if len(toks) == 0 {
		return 0
	}
	if lower[0] = viet.Lower(strings.TrimRight(toks[0], ",:;.")); !tailFirst[lower[0]] {
		return 0 // the common case, cheaply
	}
	n := 0
	for n < len(lower) && n < len(toks) {
		bare := strings.TrimRight(toks[n], ",:;.")
		lower[n] = viet.Lower(bare)
		n++
		if bare != toks[n-1] {
			break // punctuation ends the tail
		}
	}
	for _, t := range nameTails {
		if len(t) <= n && slices.Equal(lower[:len(t)], t) {
			return len(t)
		}
	}
	return 0
}

// groupEnds end the words naming a group of agencies ("cơ quan",
// "ngành", "đơn vị", "bộ", "tổ chức"), which "có liên quan" may follow.
var groupEnds = map[string]bool{"quan": true, "ngành": true, "vị": true, "bộ": true, "chức": true}

// partnersIn is the agencies a text names after "phối hợp với" ("Chủ trì,
// phối hợp với Sở Y tế, UBND các xã, phường triển khai …" → "Sở Y tế,
// UBND các xã, phường"), or "".
func partnersIn(text string) string {
	text = firstLine(text)
	at := -1
	for _, w := range []string{"phối hợp", "Phối hợp", "PHỐI HỢP"} { // "PHỐI HỢP VỚI": a task in capitals
		if i := strings.Index(text, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	rest := text[at+len("phối hợp"):]
	rest = strings.TrimLeft(rest, " ,")
	for _, p := range []string{"với ", "cùng ", "VỚI ", "CÙNG "} {
		rest = strings.TrimPrefix(rest, p)
	}
	return agencyObject(rest)
}

// generalHead reports toks opening with an addressee in general, "các đơn
// vị" or "các cơ quan" and no more of a head ("các cơ quan báo chí" is
// the press): after "và" they are whom the agency works with ("Sở Y tế và
// các đơn vị liên quan triển khai"), not agencies in charge.
func generalHead(toks []string) bool {
	if outline.ActorHeadLen(toks) != 3 {
		return false
	}
	h := viet.Lower(strings.TrimRight(toks[1], ",:;.") + " " + strings.TrimRight(toks[2], ",:;."))
	return h == "đơn vị" || h == "cơ quan"
}
