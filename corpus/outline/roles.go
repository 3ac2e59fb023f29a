package outline

// Tasks and provisions: what of a document the tasks view lists.
//
// A document written in articles ("Điều 1. …") is a legal text. Most of
// its articles state rules — who is covered, definitions, conditions,
// procedures, norms, penalties, its effect — and its appendices hold
// forms, tables of norms and lists. Those are provisions: a parent's
// passages that an implementing text carries out, and what a guiding
// circular restates clause by clause (the linker still links them), but
// no one's task. Its tasks are in the articles that assign work ("Tổ
// chức thực hiện", "Trách nhiệm của Ủy ban nhân dân cấp tỉnh", "Giao …",
// "Phân công …", an untitled article that opens with an agency and what
// it does). A text whose first article adopts a plan or a programme
// ("Điều 1. Phê duyệt Kế hoạch …", "Ban hành kèm theo Quyết định này
// Chương trình …", a council's "Điều 1. Thông qua Đề án …") carries that
// plan: all its items are read as a plan's, as are a "Danh mục nhiệm vụ"
// it issues and the appendix of an article that gives work "tại Phụ lục
// kèm theo" (assignsAnnex). A text without articles — a plan, a
// programme, a telegram, a letter, a directive's numbered points — is
// read as before: its task and organisation items are its tasks.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// Task reports an item the tasks view lists: offered for linking, no
// heading, no provision of a legal text, no letter's closing line, no
// appendix's copy of a body item (Repeats) and no entry of a list of names
// (NameEntry).
func (it *Item) Task() bool {
	return it.Linkable() && !it.Heading && !it.Provision && it.Repeats == "" && !it.NameEntry
}

// markProvisions sets Provision on the items of a text written in
// articles that do not assign work (see above).
func (o *Outline) markProvisions() {
	if !o.articled() {
		return
	}
	if o.approvesPlan() {
		// Every item of a text approving a plan is read as a task but its
		// closing provisions (entry into force, its own adoption: "Nghị
		// quyết này đã được Hội đồng nhân dân tỉnh … thông qua …").
		for i := range o.Items {
			o.Items[i].Provision = closingClause(o.Items[i].Text)
		}
		return
	}
	// A legal text assigns work in articles. Its appendix without
	// articles holds what they refer to ("theo Mẫu số 01 tại Phụ lục
	// IV"): forms, criteria, templates, lists, filled in or met by
	// others. Such a part assigns work only when an article gives the
	// work listed there ("… thực hiện các nhiệm vụ tại Phụ lục kèm
	// theo"), never by its own headings: a form's field "Yêu cầu bảo đảm
	// tổ chức thực hiện" is no assignment of the text's. An article in an
	// appendix (a regulation issued with the text, or articles after a
	// line the parser took for an appendix's) is read as any article.
	assigns := make([]bool, len(o.Sections))
	business := make([]bool, len(o.Sections)) // once per article, not per item: articleHead scans the items
	annex := false                            // a body article assigns the work its appendix lists
	for k := range o.Sections {
		business[k] = o.businessArticle(k)
		if s := &o.Sections[k]; s.Appendix && !articleID(s.ID) {
			continue
		}
		assigns[k] = o.assigningSection(k)
		annex = annex || assigns[k] && !o.Sections[k].Appendix && assignsAnnex(o.articleHead(k))
	}
	for k := range o.Sections {
		assigns[k] = assigns[k] || annex && o.Sections[k].Appendix
	}
	for i := range o.Items {
		// "Điều 7. Tổ chức thực hiện và hiệu lực thi hành": its statement
		// of effect is a provision still (closingClause). A private
		// party's duty, an article or under a heading ("2. Trách nhiệm
		// của thương nhân …:"), is a rule too (privateDuty), but for a
		// clause whose subject is a state agency (stateActor).
		it := &o.Items[i]
		private := o.underPrivateDuty(i)
		task := assigns[it.Section] && !private ||
			(private || privateDuty(o.Sections[it.Section].Title) || business[it.Section]) && stateActor(it.Text) ||
			articleID(o.Sections[it.Section].ID) && leadsWork(it.Text)
		it.Provision = !task || closingClause(it.Text)
	}
}

// leadsWork reports a clause whose subject, an agency of the state
// (stateActor), is put in charge with others: the agency then "(có trách
// nhiệm) chủ trì, phối hợp …" ("Bộ Xây dựng chủ trì, phối hợp với Bộ Quốc
// phòng xây dựng quy chế …"), read after its whole name as the task table
// reads it (AgencyWords: "Cục Thi hành án dân sự tỉnh chủ trì, phối hợp
// …", "Ban Tiếp công dân chủ trì, phối hợp …"). Wherever an article
// states it, among rules of a procedure too, it assigns work.
func leadsWork(text string) bool {
	if !strings.Contains(text[:min(len(text), 400)], "chủ trì") || !stateActor(text) { // cheaply first: the words it needs
		return false
	}
	toks, named := AgencyWords(text) // the whole name: "Cục Thi hành án dân sự tỉnh chủ trì, phối hợp …"
	rest := viet.Lower(strings.Join(toks[named:min(len(toks), named+8)], " "))
	rest = strings.TrimPrefix(rest, "có trách nhiệm ")
	return strings.HasPrefix(rest, "chủ trì, phối hợp") || strings.HasPrefix(rest, "chủ trì phối hợp")
}

// assignsAnnex reports an article head that gives work and points to the
// appendix for it: "Giao nhiệm vụ cho các sở … thực hiện các nhiệm vụ tại
// Phụ lục kèm theo Quyết định này". A duty to report on a form of the
// appendix ("Báo cáo … theo Mẫu số 01 tại Phụ lục") is no such head.
func assignsAnnex(head string) bool {
	return giveTask(head) && strings.Contains(viet.Fold(head), "phu luc")
}

// articled reports an outline whose body (not an appendix) holds an
// article or a chapter ("Chương I", ID "ChI": a text whose articles the
// parser did not read under its chapters is a legal text still).
func (o *Outline) articled() bool {
	for k := range o.Sections {
		if s := &o.Sections[k]; !s.Appendix && (articleID(s.ID) || partKind(s.ID) == "Ch") {
			return true
		}
	}
	return false
}

// planWords name what a decision approves or issues when it carries a
// plan; ruleWords what it issues when it carries rules. Whichever comes
// first after the verb decides ("Ban hành kèm theo Quyết định này Quy chế
// phối hợp thực hiện Kế hoạch …" issues rules). Folded.
var (
	planWords = []string{"ke hoach", "chuong trinh", "de an", "phuong an", "danh muc nhiem vu", "danh muc cac nhiem vu",
		"quy hoach"}
	ruleWords = []string{"quy che", "quy dinh", "dinh muc", "tieu chuan", "quy chuan", "quy trinh", "danh muc",
		"bo tieu chi", "huong dan", "thu tuc", "bieu mau", "mau "}
)

// adoptVerbs open a first article that adopts what it names, folded:
// "Phê duyệt Kế hoạch …", "Ban hành kèm theo Quyết định này Chương trình
// …", a council's "Thông qua Đề án …".
var adoptVerbs = []string{"phe duyet", "ban hanh", "thong qua"}

// approvesPlan reports a text whose first body article adopts a plan or
// programme: its title, or its first line when untitled, opens with a
// verb of adopting (adoptVerbs) and names a plan before any rules. A decision carrying a plan does so in its operative first
// article ("Điều 1. Phê duyệt Kế hoạch …", "Điều 1. Ban hành kèm theo …
// Chương trình …"); an article further on headed so is a rule on how
// plans are approved ("Điều 17. Phê duyệt tổ chức thực hiện chương trình
// đào tạo thuộc thẩm quyền của Bộ trưởng", "Điều 37. Phê duyệt kế hoạch
// lựa chọn nhà thầu"), and the text is a legal text still.
func (o *Outline) approvesPlan() bool {
	for k := range o.Sections {
		s := &o.Sections[k]
		if s.Appendix || !articleID(s.ID) {
			continue
		}
		f := strings.TrimLeft(viet.Fold(o.articleHead(k)), " *#")
		if firstAt(f, adoptVerbs) != 0 {
			return false // the first article adopts nothing
		}
		plan, rule := firstAt(f, planWords), firstAt(f, ruleWords)
		return plan >= 0 && (rule < 0 || plan <= rule) // "danh mục nhiệm vụ" is a plan's list, "danh mục" alone a rule's
	}
	return false
}

// firstAt is the first index in f of any of ws, -1 if none.
func firstAt(f string, ws []string) int {
	at := -1
	for _, w := range ws {
		if i := strings.Index(f, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// articleHead is the title of section k, or when it has none the first
// line under it (its text or its first item): "Điều 2." then "Giao Bộ Tài
// chính chủ trì …" on the next line.
func (o *Outline) articleHead(k int) string {
	s := &o.Sections[k]
	if t := strings.TrimSpace(s.Title); t != "" {
		return t
	}
	if t := strings.TrimSpace(firstLine(s.Text)); t != "" {
		return t
	}
	for i := range o.Items {
		if o.Items[i].Section == k {
			return firstLine(o.Items[i].Text)
		}
	}
	return ""
}

// assignTitles are the titles, folded, of the articles (and chapters) of
// a legal text that assign work. remitTitles name rights beside duties
// ("Quyền và trách nhiệm của cơ sở giáo dục", "Nhiệm vụ, quyền hạn,
// trách nhiệm của Ban Chỉ đạo"): a body's standing remit, a rule.
var (
	assignTitles = []string{"phan cong", "trach nhiem thuc hien", "trach nhiem thi hanh",
		"trach nhiem cua", "trach nhiem to chuc", "nhiem vu, giai phap", "nhiem vu va giai phap"}
	remitTitles = []string{"quyen han", "quyen va ", "quyen, "}
)

// assigningSection reports a section of a legal text that assigns work:
// its title names the assignment (assignTitles, not a remit), or opens
// with "Giao" and an agency or "nhiệm vụ" ("Giao nhiệm vụ cho các bộ";
// "Giao tài sản để thi hành án" is a procedure), or, untitled, its first
// line gives an agency a task ("Giao Bộ Tài chính chủ trì …", "Ủy ban
// nhân dân cấp tỉnh có trách nhiệm …"). Executing the text ("…, Giám
// đốc các sở chịu trách nhiệm thi hành Quyết định này") assigns nothing.
func (o *Outline) assigningSection(k int) bool {
	s := &o.Sections[k]
	t := strings.TrimSpace(s.Title)
	if head := strings.TrimSpace(strings.Trim(strings.TrimSpace(s.Text), "*_")); t == "" && articleID(s.ID) &&
		head != "" && !strings.Contains(head, "\n") && !endsSentence(head) && viet.WordCount(head) <= headingWords {
		t = head // "Điều 2." then "**Hiệu lực và trách nhiệm thi hành**" on its own line
	}
	if t != "" {
		if executionClause(t) {
			return false
		}
		f := strings.TrimLeft(viet.Fold(t), " *#")
		if strings.HasPrefix(f, "quyen") || firstAt(f, remitTitles) >= 0 || privateDuty(t) {
			return false // a remit, or a private party's duty (private.go)
		}
		if giveTask(t) {
			return true
		}
		return firstAt(f, assignTitles) >= 0 || implementTitle(t)
	}
	if !articleID(s.ID) {
		return false
	}
	head := o.articleHead(k)
	if executionClause(head) {
		return false
	}
	return giveTask(head) || statesTask(head) && !businessSubject(head)
}

// implementTitle reports a title naming the implementation of the text or
// of a plan: "Tổ chức thực hiện" alone, joined by "và" ("Tổ chức thực
// hiện và hiệu lực thi hành", "Hiệu lực thi hành và tổ chức thực hiện"),
// before a chapter's article range ("(Điều 30 - Điều 32)"), before a
// capitalised word — a named plan or the body run onto the title's line
// ("Xây dựng và tổ chức thực hiện Chương trình quốc gia …", "Tổ chức thực
// hiện Các Bộ trưởng, …") but in a penalty's title ("Vi phạm quy định về
// tổ chức thực hiện Ngày …") — or in a title of responsibility
// ("Trách nhiệm triển khai Kế hoạch tổ chức thực hiện …"). With a common
// noun after it, it names an activity the article rules on ("Phê duyệt
// tổ chức thực hiện chương trình đào tạo", "Tổ chức thực hiện các hình
// thức tốt nghiệp khác", "Mục đích kiểm tra việc chấp hành, tổ chức thực
// hiện quy định …"): no assignment.
func implementTitle(title string) bool {
	t := strings.TrimLeft(strings.TrimSpace(title), " *#_")
	f := viet.Fold(t)
	i := strings.Index(f, "to chuc thuc hien")
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(f[i+len("to chuc thuc hien"):], " *_.:;")
	if rest == "" || strings.HasPrefix(rest, "va ") || strings.HasPrefix(rest, ", ") || strings.HasPrefix(rest, "(") ||
		strings.HasPrefix(f, "trach nhiem") {
		return true
	}
	if strings.HasPrefix(f, "vi pham") || strings.HasPrefix(f, "hanh vi") {
		return false // a penalty's article
	}
	words, at := strings.Fields(t), len(strings.Fields(f[:i]))+4 // the word after "tổ chức thực hiện"
	return at < len(words) && viet.StartsUpper(words[at])
}

// businessSubject reports a line whose subjects the actor scanner reads
// as businesses or institutions it regulates ("Cơ sở đào tạo có trách
// nhiệm …", "Doanh nghiệp thực hiện …", "Cơ sở vật chất … đáp ứng yêu cầu
// tổ chức thực hiện …": actorKeys' "business"), no agency of the state
// beside them (stateBeside): the untitled article it opens states the
// text's rule for them.
func businessSubject(line string) bool {
	keys, toks, named := ActorWords(line)
	return named > 0 && onlyBusiness(keys) && !stateBeside(toks[named:])
}

// onlyBusiness reports actor keys that are all "business" (and some).
func onlyBusiness(keys []string) bool {
	for _, k := range keys {
		if k != "business" {
			return false
		}
	}
	return len(keys) > 0
}

// stateBeside reports, in the words after a business's name, an agency of
// the state (stateActor) given work beside it: joined by "và" before the
// clause's verb ("Cơ sở giáo dục và Sở Giáo dục và Đào tạo phối hợp …"),
// or the subject of a clause after ";" ("…; Sở Giáo dục và Đào tạo có
// trách nhiệm kiểm tra …"). One named after the verb is its object
// ("… báo cáo Sở Y tế và Bộ Y tế"), one after a capitalised word in the
// business's own words ("cơ sở đào tạo thuộc Bộ Công an và Bộ Quốc
// phòng") its owner.
func stateBeside(rest []string) bool {
	subject := true // before the clause's verb
	for j, w := range rest {
		if subject && (verbAt(lowerWords(rest[j:])) > 0 || viet.StartsUpper(w)) {
			subject = false // a name in the business's own words: "cơ sở đào tạo thuộc Bộ Công an và Bộ Quốc phòng"
		}
		if (subject && viet.Lower(w) == "và" || strings.HasSuffix(w, ";")) && j+1 < len(rest) {
			c := strings.Join(rest[j+1:], " ")
			if keys, _, n := ActorWords(c); n > 0 && !onlyBusiness(keys) && !privateName(viet.Fold(c)) {
				return true // not stateActor: no recursion over the line's clauses
			}
			subject = subject || strings.HasSuffix(w, ";")
		}
	}
	return false
}

// businessArticle reports an untitled article of the body whose first
// line has a business for its subject (businessSubject): a rule for those
// it regulates, where a clause whose subject is an agency of the state
// is work assigned to it still ("Bộ … thực hiện giám sát …"), as under a
// private party's duty.
func (o *Outline) businessArticle(k int) bool {
	s := &o.Sections[k]
	return articleID(s.ID) && !s.Appendix && strings.TrimSpace(s.Title) == "" && businessSubject(o.articleHead(k))
}

// giveTask reports text that opens with "Giao" then "nhiệm vụ" or an
// agency the actor scanner reads: "Giao Sở Tài chính chủ trì …".
func giveTask(text string) bool {
	words := strings.Fields(strings.TrimLeft(text, " *#"))
	if len(words) < 2 || viet.Fold(words[0]) != "giao" {
		return false
	}
	rest := strings.Join(words[1:], " ")
	if strings.HasPrefix(viet.Fold(rest), "nhiem vu") {
		return true
	}
	_, _, named := ActorWords(rest)
	return named > 0
}

// contactOpeners open a letter's contact line, folded: "Chi tiết liên hệ
// phòng …, điện thoại: …", "Mọi chi tiết xin liên hệ …", "Đầu mối liên
// hệ: …".
var contactOpeners = []string{"chi tiet lien he", "chi tiet xin lien he", "moi chi tiet", "thong tin chi tiet", "thong tin lien he",
	"lien he", "dau moi lien he", "nguoi lien he", "can bo lien he", "moi thong tin"}

// closers end a letter's closing request, folded, with what may follow
// them (closerObjects): "… đề nghị Thủ trưởng các đơn vị nghiêm túc thực
// hiện./.", "Đề nghị các đơn vị khẩn trương triển khai thực hiện các nội
// dung trên./.".
var (
	closers = []string{"nghiem tuc thuc hien", "khan truong thuc hien", "trien khai thuc hien", "to chuc thuc hien",
		"thuc hien nghiem tuc", "biet va thuc hien", "quan tam thuc hien", "phoi hop thuc hien", "thuc hien nghiem"}
	closerObjects = []string{"", " cac noi dung tren", " cac noi dung neu tren", " noi dung tren", " noi dung cong van nay",
		" cong van nay", " van ban nay", " theo dung quy dinh"}
)

// letterClosing reports a letter's closing line, no task: the Party's
// line on its own dissemination (disseminatedSelf), its contact line
// (a contact opener, or "liên hệ" with a telephone number) or its closing
// request to carry the letter out, which names no work of its own (a
// request that names work — "Đề nghị các đơn vị báo cáo kết quả trước
// ngày 15/12./." — is a task).
func letterClosing(text string) bool {
	if disseminatedSelf(firstLine(text)) {
		return true // the Party's "Kế hoạch này phổ biến đến chi bộ."
	}
	f := strings.TrimLeft(viet.Fold(firstLine(text)), " -+*•")
	for _, w := range contactOpeners {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	if strings.Contains(f, "lien he") && strings.Contains(f, "dien thoai") && digits(f) >= 8 {
		return true
	}
	if !strings.Contains(f, "de nghi") && !strings.Contains(f, "yeu cau") || len(strings.Fields(f)) > 30 {
		return false
	}
	f = strings.Join(strings.Fields(strings.NewReplacer(".", " ", "/", " ", ",", " ", "!", " ").Replace(f)), " ")
	for _, c := range closers {
		for _, obj := range closerObjects {
			if strings.HasSuffix(f, c+obj) {
				return true
			}
		}
	}
	return false
}

// digits counts the ASCII digits of s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
