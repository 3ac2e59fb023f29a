package outline

// Where an agency's name ends: the actor table's rule for the lower-case
// words after a name's capitalised ones. A name holds its own syllables
// ("Nông nghiệp", "Y tế", "Xây dựng") and, for a Cục, Vụ, Sở or Ban, a
// tail of lower-case words up to its verb ("Cục Kết cấu hạ tầng xây dựng
// tham mưu …", "Cục Hợp tác quốc tế đề xuất …"); it never holds a modal or a verb opening its clause ("Cục Thuế
// cần …", "Sở Công Thương xây dựng …"). The task table reads all of it
// (AgencyWords, NameTail, EndsName: its names end by this rule alone, no
// list of first syllables, so "Cục Việc làm", "Cục Bồi thường nhà nước"
// stay whole); linking's ActorWords reads neither the tail nor EndsName.

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// tailHeads are the heads of units whose names go on in lower case after
// their capitalised words ("Cục Quản lý đê điều và phòng chống thiên tai",
// "Vụ Kế hoạch tài chính", "Ban Tiếp công dân tỉnh"), and whether that
// tail holds a verb of the unit's work (nameVerbs): a Cục's or Vụ's, a
// unit named by its work ("Cục Quản lý xây dựng công trình"); not a
// Sở's, named by its sector, nor a Ban's, whose work-words the task
// table reads ("dự án đầu tư xây dựng"): after them the verb opens the
// clause ("Sở Tài nguyên và Môi trường kiểm soát … đề xuất …").
var tailHeads = map[string]bool{"cục": true, "vụ": true, "sở": false, "ban": false}

// tailStop are words that end a name's lower-case tail beside those no
// name holds (nameNever): function words and adverbs ("Sở Y tế kịp thời
// chủ trì", "Cục Hải quan các tỉnh"), which a name's capitalised word may
// still go on with ("Thường trực", "Việc làm").
var tailStop = map[string]bool{"các": true, "những": true, "bị": true, "có": true, "kịp": true, "thường": true,
	"của": true, "để": true, "cho": true, "về": true, "ở": true, "khi": true, "này": true, "đó": true, "sớm": true,
	"trực": true, "nghiêm": true, "tích": true, "cực": true, "chủ": true, "tiếp": true, "làm": true,
	"thành": true}

// nameNever reports a word no agency's name holds, in any place: the
// modals and auxiliaries (modals), the copula and the prepositions that
// join a name to its clause (joiners): "Cục Thuế cần hướng dẫn …", "Sở
// Tài chính sẽ bố trí …", "Sở Công Thương cùng các sở …". "bị" (Thiết
// bị), "có" (Người có công), "làm" (Việc làm) are not among them: names
// hold them.
func nameNever(w string) bool { return modals[w] || joiners[w] }

// modals are the words of nameNever that open a verb phrase: a verb
// follows them, never an agency's head, so one before a head is a name's
// syllable ("Cục Hậu cần Bộ Quốc phòng", "CỤC HẬU CẦN BỘ ĐỘI BIÊN
// PHÒNG"; EndsName). The one list of the modals (OpensClause reads it).
var modals = map[string]bool{"cần": true, "phải": true, "sẽ": true, "đã": true, "đang": true, "nên": true,
	"cũng": true, "vẫn": true, "hãy": true, "chưa": true}

// modalCompounds are the words of two syllables one of which is a modal:
// second ("hậu cần", logistics: "Cục Hậu cần", "Tổng cục Hậu cần") or
// first (the places "Cần Thơ", "Cần Giờ", "Cần Giuộc", "Cần Đước", read in
// lower case when written in capitals: "CÔNG AN THÀNH PHỐ CẦN THƠ CHỦ TRÌ
// …"). The modal is then the name's, whatever follows ("Cục Hậu cần chủ
// trì …", "CỤC HẬU CẦN QUÂN KHU 5 …"; EndsName). A modal after the
// compound ends the name as after any word ("Tổng cục Hậu cần cần …").
var modalCompounds = map[string]bool{"hậu cần": true, "cần thơ": true, "cần giờ": true,
	"cần giuộc": true, "cần đước": true}

// joiners are the words of nameNever that are no modal: the copula and
// the prepositions ("với Bộ Tài chính" opens the clause), and "được",
// whose agent a head may be ("được Bộ Y tế giao").
var joiners = map[string]bool{"được": true, "là": true, "cùng": true, "với": true,
	"tại": true, "trong": true, "theo": true, "để": true, "về": true, "khi": true, "sớm": true}

// clauseVerbs are verbs an agency's clause opens with beside the task
// verbs (taskVerbs, which the item classes read too): a name's
// capitalised word does not go on with their first word when the rest
// of them follows ("Sở Công Thương xây dựng kế hoạch …"). In a name they
// are written capitalised ("Sở Xây dựng") or after a noun in lower case
// ("Cục Kết cấu hạ tầng xây dựng"), never as a capitalised word's second
// syllable.
var clauseVerbs = []string{"xây dựng", "nghiên cứu", "đề xuất", "đề nghị", "tham gia", "tổng hợp", "giám sát",
	"thẩm định", "tiến hành", "nâng cao", "tuyên truyền", "chuẩn bị", "hoàn thiện", "hoàn thành", "duy trì",
	"cập nhật", "tập huấn", "tập trung", "đẩy mạnh", "phổ biến", "xúc tiến", "cung cấp", "phân công", "phân bổ",
	"thường xuyên", "làm đầu mối", "quản lý", "kiểm soát", "công bố", "sử dụng", "tiếp nhận", "phát động",
	"quy định", "yêu cầu", "căn cứ", "thống nhất", "lựa chọn", "đánh giá", "thu thập", "chấn chỉnh",
	"mở rộng", "phân loại", "bình ổn", "xem xét", "có quyền", "có thẩm quyền", "phân cấp", "thành lập", "nắm bắt", "khảo sát", "làm việc", "làm rõ", "tiếp thu", "đi đầu"}

// clauseWords are verbs of one word an agency's clause opens with, and
// whether they do only before the head of another agency's name ("Sở
// Công Thương trình Ủy ban nhân dân tỉnh …", "… gửi Bộ Tài chính": to
// whom; "Công trình" is a name's word).
var clauseWords = map[string]bool{"lập": false, "đi": false, "trình": true, "gửi": true}

// EndsName reports whether lower[0] (viet.Lower, trailing ",:;"
// off), a lower-case word right after prev, a capitalised word of an
// agency's name, opens the clause rather than going on that word ("Nông
// nghiệp", "Y tế"): a word no name holds (nameNever: "Cục Thuế cần …"),
// but a modal before an agency's head (modals: "Cục Hậu cần Bộ đội Biên
// phòng") or as a compound's second syllable (modalCompounds), a verb of one word (clauseWords: "Sở Y tế lập …", "… trình Ủy ban"),
// or the first word of a verb whose words all follow (taskVerbs,
// clauseVerbs: "Cục Thuế chỉ đạo …", "Sở Công Thương xây dựng …") unless
// another verb opens right after it, the word then the capitalised
// word's second syllable ("Cục Viễn thông báo cáo …": "thông báo" and
// "báo cáo"). "Sở Xây dựng chủ trì": "dựng" opens no verb. A Ban is
// named by its work: "Ban chỉ đạo", "Ban quản lý" are names. The task
// table reads it (AgencyWords, and its names in corpus/tasktable);
// linking's ActorWords does not: read there it left eval links identical
// on the four sets (docs/log/i23-tasks.md), no gain, so not kept.
func EndsName(prev string, lower []string) bool {
	if len(lower) == 0 {
		return true
	}
	w := strings.TrimRight(lower[0], ".")
	if modals[w] && (modalCompounds[viet.Lower(strings.TrimRight(prev, ",:;."))+" "+w] ||
		len(lower) > 1 && modalCompounds[w+" "+strings.TrimRight(lower[1], ",:;.")]) {
		return false // "Cục Hậu cần chủ trì", "… PHỐ CẦN THƠ": the compound's syllable
	}
	if modals[w] && len(lower) > 1 {
		if _, n := actorHead(lower[1:], true); n > 0 {
			return false // "Cục Hậu cần Bộ đội Biên phòng": no head follows a modal, "cần" is the name's
		}
	}
	if nameNever(w) {
		return true
	}
	if toHead, ok := clauseWords[w]; ok && !toHead {
		return true
	} else if _, n := actorHead(lower[1:], true); ok && n > 0 {
		return true
	}
	if viet.Lower(strings.TrimRight(prev, ",:;.")) == "ban" {
		return false
	}
	return verbAt(lower) > 0 && (len(lower) < 2 || verbAt(lower[1:]) == 0)
}

// UpperEndsName is EndsName for a name written in capitals ("SỞ NỘI VỤ
// CHỦ TRÌ …", a heading, a telegram's lead), where a word's first letter
// tells a name's word from the clause's no more: toks[0], a word as
// written right after prev, a word of an agency's name, ends the name
// when the two run in capitals (upperRun) and the lower-case form of toks
// ends it (EndsName: "CHỦ TRÌ", "BỐ TRÍ", "VỚI"), but after "CÁC" or
// "NHỮNG", which a noun follows ("CÁC TỔ CHỨC"). False when they do not:
// a capitalised word goes on a name written in sentence case. The actor
// scanner (actorName) and the task table's names read it.
func UpperEndsName(prev string, toks []string) bool {
	if len(toks) == 0 || !upperRun(prev, toks[0]) {
		return false
	}
	p := viet.Lower(prev)
	lower := lowerWords(toks)
	if strings.ContainsAny(toks[0], ",;:.") {
		lower = lower[:1] // "… CÔNG TRÌNH, VỤ …": no verb's object after the comma ("trình Vụ …")
	}
	return !pluralWords[p] && EndsName(p, lower)
}

// UpperHoldsVerb reports that toks, words in capitals right after name
// (a head and the words read so far, as written), open a verb a Cục's or
// Vụ's name holds as its work (nameVerbs, those it holds anywhere: "CỤC
// QUẢN LÝ XÂY DỰNG CÔNG TRÌNH"), its object no document ("CỤC HỢP TÁC
// QUỐC TẾ XÂY DỰNG KẾ HOẠCH …" ends the name): in capitals every word
// reads as capitalised, and such a verb right after a name's capitalised
// words is the name's (nameTail). The exception to UpperEndsName the task
// table's names read; a Sở's or Ban's verb ends its name ("SỞ CÔNG
// THƯƠNG XÂY DỰNG KẾ HOẠCH", "SỞ TÀI CHÍNH QUẢN LÝ NGUỒN VỐN").
func UpperHoldsVerb(name, toks []string) bool {
	if len(name) < 2 || len(toks) == 0 || !tailHeads[viet.Lower(name[0])] || !upperRun(name[len(name)-1], toks[0]) {
		return false
	}
	lower := make([]string, 0, maxNameTail+3)
	for _, w := range toks[:min(len(toks), cap(lower))] {
		lower = append(lower, viet.Lower(strings.TrimRight(w, ",:;.")))
	}
	v := verbAt(lower)
	if v == 0 {
		return false
	}
	lastOnly, holds := nameVerbs[strings.Join(lower[:v], " ")]
	if !holds || lastOnly || makesDocument(lower[v:]) {
		return false
	}
	// read as its lower-case form is (nameTail: up to the clause's verb
	// after the tail, "… XÂY DỰNG CÔNG TRÌNH ĐỀ XUẤT …"; listedTail: up
	// to another agency listed), or a heading:
	// the words run to their end within a tail's length, no full stop
	// after them (a sentence's clause follows its name), none of them
	// one a name never holds ("CỤC QUẢN LÝ XÂY DỰNG CÔNG TRÌNH"; not
	// "CỤC THUẾ QUẢN LÝ THU THUẾ ĐỐI VỚI …")
	run := toks[:plainRun(toks)]
	low := make([]string, len(run))
	mixed := make([]string, len(run), len(toks)) // the run in lower case, punctuation kept; what follows as written
	for i, w := range run {
		low[i] = viet.Lower(strings.TrimRight(w, ",:;."))
		mixed[i] = viet.Lower(w)
	}
	mixed = append(mixed, toks[len(run):]...)
	if nameTail(low, low, true) > 0 || listedTail(low, mixed, true) > 0 { // "… CÔNG TRÌNH, VỤ KẾ HOẠCH …"
		return true
	}
	if len(run) < len(toks) || len(run) > maxNameTail || strings.HasSuffix(toks[len(toks)-1], ".") {
		return false // a sentence: its words after the name are its clause ("CỤC HỢP TÁC XÂY DỰNG MẠNG LƯỚI ….")
	}
	for _, w := range low {
		if nameNever(w) || tailStop[w] {
			return false
		}
	}
	return true
}

// HeadAlone reports that head, an agency's head as written (ActorHeadLen's
// words), names the agency by itself, as actorWords reads it: keyed by its
// own words (actorKeys: "Tỉnh đoàn", "UBND", "Các cơ quan báo chí"; "Công
// an"), no name after it. In capitals the word right after such a head
// then ends the name as its lower-case form would ("TỈNH ĐOÀN CHỦ TRÌ …"),
// where a head that takes a name keeps its first word ("BỘ XÂY DỰNG");
// "Bộ Chỉ huy", keyed by the name it takes ("Quân sự"), is no such head.
// The task table's names read it.
func HeadAlone(head []string) bool {
	lower := make([]string, 0, 6)
	for _, w := range head[:min(len(head), cap(lower))] { // every word of it: "các cơ quan báo chí" has five
		lower = append(lower, viet.Lower(strings.TrimRight(w, ",:;.")))
	}
	h, n := actorHead(lower, true)
	if n != len(head) || h == "quan su" {
		return false
	}
	_, keyed := actorKeys[viet.Fold(h)]
	return keyed || h == "công an"
}

// UpperEndsGroup reports that toks[0], a word in capitals right after
// head (as written), ends the name because head names a group by itself:
// a plural head keyed by its own words (HeadAlone: "CÁC CƠ QUAN BÁO
// CHÍ", "CÁC DOANH NGHIỆP") takes no proper name, so a word after it
// that is no level or lower-case name word (the caller reads those:
// "CÁC CƠ QUAN BÁO CHÍ TỈNH", "CÁC DOANH NGHIỆP NHÀ NƯỚC") opens the
// clause, a verb a table holds or not ("CÁC CƠ QUAN BÁO CHÍ ĐƯA TIN …";
// in sentence case the lower-case verb ends it). A head taking one
// ("CÁC SỞ Y TẾ, TÀI CHÍNH") or singular ("BÁO NHÂN DÂN") is not one.
// The task table's names read it.
func UpperEndsGroup(head, toks []string) bool {
	return len(head) > 1 && len(toks) > 0 && pluralWords[viet.Lower(head[0])] && upperRun(head[len(head)-1], toks[0]) &&
		HeadAlone(head)
}

// pluralWords are the determiners a noun follows, never a verb ("… VÀ CÁC
// TỔ CHỨC THÀNH VIÊN": "tổ chức" the noun).
var pluralWords = map[string]bool{"các": true, "những": true}

// upperRun reports that w, as written, follows prev inside a run of
// words in capitals: each holds a letter and no small one, and no
// punctuation comes between them (a comma there ends a name or lists
// another: "SỞ NỘI VỤ, SỞ TÀI CHÍNH").
func upperRun(prev, w string) bool {
	return !strings.ContainsAny(prev, ",;:.") && inCapitals(prev) && inCapitals(strings.TrimRight(w, ",;:."))
}

// inCapitals reports a word holding a letter and no small letter.
func inCapitals(w string) bool {
	letter := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// verbAt is the number of words of a task or clause verb (taskVerbs,
// clauseVerbs: of two words or more, a name's syllable never one alone)
// opening lower, or 0.
func verbAt(lower []string) int {
	for _, vs := range [][]string{taskVerbs, clauseVerbs} {
		for _, v := range vs {
			ws := strings.Fields(v)
			if len(ws) > len(lower) {
				continue
			}
			ok := true
			for j, w := range ws {
				if strings.TrimRight(lower[j], ".") != w {
					ok = false
					break
				}
			}
			if ok {
				return len(ws)
			}
		}
	}
	return 0
}

// OpensClause reports that words (as written) open a clause: a task or
// clause verb (verbAt), a verb of one word (clauseWords, whatever follows
// it) or a modal (modals). The task table's names read it after a
// lower-case word (tasktable wholeWord: "… Tổng Tham mưu xem xét …",
// "… Tổng Thư ký gửi …": a verb right after a lower-case word shows the
// word a syllable of the one before).
func OpensClause(words []string) bool {
	lower := lowerWords(words)
	if len(lower) == 0 {
		return false
	}
	_, one := clauseWords[strings.TrimRight(lower[0], ".")]
	return one || modals[lower[0]] || verbAt(lower) > 0
}

// maxNameTail bounds the lower-case words a name goes on with. No tail
// is read when the name's last word opens a task verb ("Cục Hàng không
// Việt Nam có trách nhiệm": the scanner took "có").
const maxNameTail = 8

// nameVerbs are verbs of the clause (taskVerbs, clauseVerbs) that a
// unit's name also holds as its work in its lower-case tail ("Cục Quản lý
// xây dựng công trình", "Cục Kết cấu hạ tầng xây dựng", "Cục Cảnh sát
// quản lý hành chính …"); true for the task verbs among them, which a
// tail holds only as its last words, right before the clause's verb
// ("Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì …"; "Cục Quản lý thị
// trường kiểm tra việc … thực hiện …" names "Cục Quản lý thị trường").
var nameVerbs = map[string]bool{"xây dựng": false, "quản lý": false, "giám sát": false, "kiểm soát": false,
	"bảo đảm": true, "kiểm tra": true, "xử lý": true, "hỗ trợ": true}

// nameTail returns how many of the words of lower (viet.Lower, punctuation
// off; toks the same words as written) go on the name before them. The
// tail runs over plain words (no stop word, no punctuation, no head of
// another agency but a ministry's: "… trình Ủy ban nhân dân") up to a
// verb written in lower case opening the clause within maxNameTail words
// (clauseOpens: a task or clause verb). When verbs is set (a Cục's or
// Vụ's name: tailHeads) it reads through a verb a name holds (nameVerbs:
// "Cục Quản lý xây dựng công trình đề xuất …"): right after the name's
// capitalised words with the domain it works on as its object, after
// lower-case words only as the tail's last words ("Cục Kết cấu hạ tầng
// xây dựng tham mưu …"; "Cục Hợp tác quốc tế xây dựng mạng lưới đối tác hỗ
// trợ …": the name was whole, the verb and its object open the clause,
// when a verb of the clause follows them);
// never one whose object is a document, which opens the clause (makesDocument: "Cục Hợp tác quốc tế
// xây dựng kế hoạch triển khai …" names "Cục Hợp tác quốc tế"); through
// a task verb among them only after a lower-case word and right before
// the clause's verb ("Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì …";
// not "Sở Y tế hỗ trợ …", "Cục Quản lý thị trường kiểm tra việc … thực
// hiện"). A locality ("tỉnh", "huyện", "thành phố" and the place's
// capitalised name) ends it when the clause's verb or the run's end
// follows ("Cục Thi hành án dân sự tỉnh Quảng Ngãi đề xuất …"), but not
// after a verb read through ("Cục Đường bộ quản lý vận hành đường tỉnh
// hướng dẫn …": the verb's object, no tail). 0 when no
// verb of the clause follows so ("Sở Xây dựng hạ tầng giao thông nông
// thôn." names "Sở Xây dựng": what follows may be its object; "Cục Viễn
// thông chia sẻ …": a verb no table holds), or when "và" joins the words
// to the verb ("Sở Tài chính tổng hợp và báo cáo": two verbs of the
// clause; a name never ends in "và").
func nameTail(lower, toks []string, verbs bool) int {
	held := false // a verb a name holds read through: a locality after it is its object's ("… bảo trì đường tỉnh")
	cut := 0      // where such a verb opened the clause, if a verb of the clause follows
	for n := 0; n <= maxNameTail && n < len(lower) && n < len(toks); n++ {
		if m := localityEnd(lower, toks, n); m > 0 {
			if !held && (m == len(lower) || clauseOpens(lower[m:]) || !verbs && verbAt(lower[m:]) > 0) {
				return m
			}
			return 0
		}
		if upper := viet.StartsUpper(toks[n]); upper {
			if head, h := actorHead(lower[n:], true); h > 0 && head != "bộ" {
				return 0 // another agency: "… trình Ủy ban nhân dân"
			}
			continue // a name's word: "… nội địa Việt Nam", its ministry: "… hình sự Bộ Quốc phòng"
		}
		if v := verbAt(lower[n:]); v > 0 {
			lastOnly, holds := nameVerbs[strings.Join(lower[n:n+v], " ")]
			last := n+v < len(lower) && clauseOpens(lower[n+v:]) // the clause's verb right after it
			if holds && verbs && (!lastOnly || n > 0 && last) && !makesDocument(lower[n+v:]) {
				if n > 0 && !last && cut == 0 {
					cut = n // after the name's lower-case words, with an object of its own
				}
				n += v - 1
				held = true
				continue
			}
			if holds && !verbs && n > 0 {
				return 0 // "Sở Xây dựng cấp giấy phép xây dựng …": the verb opened the clause before
			}
			if n > 0 && lower[n-1] == "và" {
				return 0
			}
			if cut > 0 {
				return cut // "Cục Hợp tác quốc tế xây dựng mạng lưới đối tác hỗ trợ …": the name was whole
			}
			return n
		}
		if w := lower[n]; tailStop[w] || nameNever(w) || w == "" || w == "và" && n == 0 {
			return 0
		}
	}
	return 0
}

// clauseOpens reports a verb opening the clause at the start of lower: a
// task or clause verb (verbAt) the name does not hold (nameVerbs), or a
// verb of one word (clauseWords).
func clauseOpens(lower []string) bool {
	if len(lower) == 0 {
		return false
	}
	if toHead, ok := clauseWords[lower[0]]; ok && !toHead {
		return true
	}
	v := verbAt(lower)
	if v == 0 {
		return false
	}
	_, holds := nameVerbs[strings.Join(lower[:v], " ")]
	return !holds || taskVerbAt(lower) || makesDocument(lower[v:])
}

// makesDocument reports whether lower (viet.Lower) opens with a type of
// document (doctype.Match; not one running text mostly uses as an
// ordinary phrase, doctype's Common: "dự án", "quy định"): after a verb a
// name holds, what a task makes ("Cục Hợp tác quốc tế xây dựng kế hoạch
// triển khai …", "… quản lý chương trình …"), never the domain a unit is
// named for ("Cục Quản lý xây dựng công trình"), so the verb opens the
// clause. A type that is also a task verb ("hướng dẫn", "báo cáo") is
// the verb when it addresses someone (addressed: "Cục Kinh tế xây dựng
// hướng dẫn các địa phương …", "… báo cáo Bộ trưởng …"): the held verb
// before it then ends the unit's name; a document takes no addressee
// ("Cục Trồng trọt xây dựng hướng dẫn kỹ thuật …").
func makesDocument(lower []string) bool {
	var buf [doctype.MaxWords]string
	folded := buf[:0]
	for _, w := range lower[:min(len(lower), len(buf))] {
		folded = append(folded, viet.Fold(w))
	}
	t, n, ok := doctype.Match(folded)
	return ok && !t.Common && !(taskVerbAt(lower) && addressed(lower[n:]))
}

// addressWords open the object of a verb that addresses someone: the
// many it addresses ("các địa phương"), to whom ("cho các chủ đầu tư"),
// the matter ("việc áp dụng …"); never the words after a document's type.
var addressWords = map[string]bool{"các": true, "cho": true, "việc": true}

// addressed reports that lower (viet.Lower, punctuation off) opens with
// whom a verb addresses: another agency's head or title ("Bộ trưởng",
// "Sở Xây dựng") or an addressWords word.
func addressed(lower []string) bool {
	if len(lower) == 0 {
		return false
	}
	if addressWords[lower[0]] {
		return true
	}
	_, n := actorHead(lower, true)
	return n > 0
}

// localityEnd is, when lower[n:] opens with a level of government
// (cite.LevelAt: "tỉnh", "thị xã"; not "xã hội") and the place's name
// capitalised after it in toks ("tỉnh Bình Dương"), the index after
// them; else 0.
func localityEnd(lower, toks []string, n int) int {
	m := n + cite.LevelAt(lower[n:])
	if m == n {
		return 0
	}
	for m < len(lower) && m < len(toks) && viet.StartsUpper(toks[m]) {
		m++
	}
	return m
}

// NameTail is the number of words of rest (as written) that go on in
// lower case the name of a Cục, Vụ, Sở or Ban (tailHeads) written as
// name, its head and capitalised words ("Cục Kết cấu" of "Cục Kết cấu hạ
// tầng xây dựng tham mưu …": 3), by the rule the actor scanner reads
// (nameTail), or 0: the task table's names read it.
func NameTail(name, rest []string) int {
	if len(name) < 2 || strings.ContainsAny(name[len(name)-1], ",;:.") {
		return 0
	}
	verbs, ok := tailHeads[viet.Lower(name[0])]
	if !ok {
		return 0
	}
	lower := make([]string, 0, maxNameTail+3)
	for _, w := range rest[:min(len(rest), maxNameTail+3)] { // the tail, then the longest verb
		lower = append(lower, strings.TrimRight(viet.Lower(w), ",:;"))
	}
	if taskVerbAt([]string{viet.Lower(name[len(name)-1])}) {
		return 0
	}
	n := plainRun(rest[:len(lower)])
	if t := nameTail(lower[:n], rest[:n], verbs); t > 0 {
		return t
	}
	return listedTail(lower[:n], rest, verbs)
}

// listedTail is the tail of a name listed before another agency's: the
// lower-case words (lower, viet.Lower, punctuation off, up to the first
// punctuation: plainRun) up to a comma or "và" after which another
// agency's capitalised head follows in toks, the same words as written
// and what follows them ("Cục Hợp tác quốc tế, Vụ Pháp chế …", "Vụ Giáo
// dục thường xuyên và Cục Quản lý chất lượng …"): the next name shows
// where this one ends, and no verb of the clause follows it. The words
// hold no word no name holds (nameNever), no stop word (tailStop) and no
// verb opening a clause but one the name holds (nameVerbs, a Cục's or
// Vụ's: verbs) and "thường xuyên", an adverb only before a verb ("Sở Y
// tế thường xuyên kiểm tra …" names "Sở Y tế"; "Vụ Giáo dục thường
// xuyên chủ trì …" is read so too: before a verb nothing tells them
// apart). 0 when none, and for a Sở or a Ban (verbs unset): named by its
// sector or its work in words the task table's nameTails hold ("Sở Giao
// thông vận tải", "Ban Quản lý dự án đầu tư xây dựng"), it takes no other
// lower-case words, and those before the comma are its task whatever the
// verb ("Sở Y tế điều tra dịch tễ, Sở Tài chính bố trí …": no verb table
// needs "điều tra"); a Cục's or Vụ's name is its work, which the words
// may go on ("Cục Hợp tác quốc tế, Vụ Pháp chế"). A verb the name holds
// after its lower-case words with an object of its own ends it there, as
// in nameTail ("Cục Hợp tác quốc tế xây dựng mạng lưới đối tác, Vụ Pháp
// chế …" names "Cục Hợp tác quốc tế").
func listedTail(lower, toks []string, verbs bool) int {
	if !verbs {
		return 0 // a Sở's or Ban's: its clause ("Sở Y tế điều tra dịch tễ, Sở Tài chính …")
	}
	cut := 0 // where a verb the name holds opened the clause (after the name's lower-case words, its object after it)
	for n := 0; n < len(lower) && n < len(toks) && n <= maxNameTail; n++ {
		w := lower[n]
		if w == "và" && (n == 0 || HeadFollows(toks[n+1:])) {
			if cut > 0 {
				return cut
			}
			return n // another agency after "và"; a name never opens with it
		}
		switch v := verbAt(lower[n:]); {
		case viet.StartsUpper(toks[n]) || nameNever(w):
			return 0
		case v == 2 && w == "thường" && lower[n+1] == "xuyên":
			n++
		case v > 0:
			if _, holds := nameVerbs[strings.Join(lower[n:n+v], " ")]; !holds || !verbs {
				return 0
			}
			if n > 0 && cut == 0 && !listedNext(lower, toks, n+v-1) {
				cut = n // "Cục Hợp tác quốc tế xây dựng mạng lưới đối tác, Vụ …": its object follows, the name ended
			}
			n += v - 1
		case tailStop[w]:
			return 0
		}
		if strings.HasSuffix(toks[n], ",") && HeadFollows(toks[n+1:]) {
			if cut > 0 {
				return cut
			}
			return n + 1
		}
	}
	return 0
}

// listedNext reports that the name's word toks[n] (lower its lower-case
// form) is followed by another agency: a comma on it, or "và" after it,
// and a capitalised head (HeadFollows).
func listedNext(lower, toks []string, n int) bool {
	if n >= len(toks) {
		return false
	}
	if strings.HasSuffix(toks[n], ",") {
		return HeadFollows(toks[n+1:])
	}
	return n+1 < len(lower) && lower[n+1] == "và" && n+2 <= len(toks) && HeadFollows(toks[n+2:])
}

// HeadFollows reports that toks open with another agency's head written
// capitalised ("Vụ Pháp chế", "Ủy ban nhân dân tỉnh"): after a name's
// lower-case tail and "và" or a comma, the next agency, where the tail
// ends (listedTail). The one rule of it: the task table's names read it
// after a tail too (tasktable agencyName).
func HeadFollows(toks []string) bool {
	if len(toks) == 0 || !viet.StartsUpper(toks[0]) {
		return false
	}
	lower := make([]string, 0, 8)
	for _, w := range toks[:min(len(toks), 8)] {
		lower = append(lower, strings.TrimRight(viet.Lower(w), ",:;."))
	}
	_, n := actorHead(lower, true)
	return n > 0
}

// plainRun is the number of words of toks up to the first that carries
// punctuation, that one included: a name's tail does not go on past a
// comma ("Sở Kế hoạch và Đầu tư tổng hợp, báo cáo …") but one that joins
// two nouns of the name's work, no verb (verbAt) opening the words before
// it (from the tail's start or the comma before) or those after it ("Cục
// Quản lý khám, chữa bệnh chủ trì …"; not "thu thập thông tin, chủ trì").
func plainRun(toks []string) int {
	from := 0
	for i, w := range toks {
		if !strings.ContainsAny(w, ",;:.") {
			continue
		}
		if bare, ok := strings.CutSuffix(w, ","); !ok || strings.ContainsAny(bare, ",;:.") || i+1 >= len(toks) ||
			verbAt(lowerWords(toks[from:i+1])) > 0 || verbAt(lowerWords(toks[i+1:])) > 0 {
			return i + 1
		}
		from = i + 1
	}
	return len(toks)
}

// taskVerbAt reports a task verb (taskVerbs) opening lower.
func taskVerbAt(lower []string) bool {
	for _, v := range taskVerbs {
		vs := strings.Fields(v)
		if len(vs) <= len(lower) && slices.Equal(lower[:len(vs)], vs) {
			return true
		}
	}
	return false
}

// lowerWords is the first words of toks (as many as the longest verb
// has), in lower case with trailing punctuation off, for verbAt.
func lowerWords(toks []string) []string {
	out := make([]string, 0, 4)
	for _, w := range toks[:min(len(toks), 4)] {
		out = append(out, viet.Lower(strings.TrimRight(w, ",:;.")))
	}
	return out
}
