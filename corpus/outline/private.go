package outline

// Two rules of what the tasks view lists (roles.go) that read more than a
// title: a duty of a private party, and an appendix repeating the body.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// privateHeads open the name of a private party, folded: "Trách nhiệm của
// người sử dụng lao động / doanh nghiệp … / tổ chức, cá nhân sử dụng dịch
// vụ / chủ đầu tư" state duties of the rule, no work of the state.
// "người" opens one unless an official follows (officialAfterNguoi); "tổ
// chức" only when a private kind follows (privateAfterToChuc): "tổ chức
// chính trị - xã hội" is no private party.
var (
	privateHeads = []string{"doanh nghiep", "ca nhan", "ho gia dinh", "chu dau tu", "chu so huu", "chu ho",
		"chu phuong tien", "chu tau", "chu xe", "chu rung", "chu du an", "chu co so", "chu hang", "nha dau tu",
		"nha thau", "nha cung cap", "nha san xuat", "nha nhap khau", "nha xuat khau", "thuong nhan",
		"hang hang khong", "khach hang", "hanh khach", "cong dan", "nguoi dan", "thue bao", "dai ly",
		"co so san xuat", "co so kinh doanh", "ben ", "hop tac xa", "luat su"}
	officialAfterNguoi = []string{"dung dau", "co tham quyen", "duoc giao", "phu trach", "ra quyet dinh",
		"thi hanh cong vu", "dai dien co quan", "lam cong tac", "dai dien cua co quan"}
	privateAfterToChuc = []string{",", "va ca nhan", "su dung", "tin dung", "kinh doanh", "hanh nghe",
		"cung cap dich vu", "cung ung", "khai thac", "nuoc ngoai", "de nghi", "dang ky"}
)

// privateDuty reports a title or heading "Trách nhiệm của <a private
// party> …" (see privateHeads); the first party named decides ("… của các
// cơ quan, tổ chức, cá nhân có liên quan" names an agency first).
func privateDuty(title string) bool {
	f := strings.TrimLeft(viet.Fold(firstLine(title)), " *#_")
	i := strings.Index(f, "trach nhiem cua ")
	if i < 0 || i > 12 { // the title's own words, after a label at most ("2. Trách nhiệm của …")
		return false
	}
	return privateName(strings.TrimPrefix(f[i+len("trach nhiem cua "):], " "))
}

// privateName reports a folded name that opens with a private party's
// (privateHeads).
func privateName(f string) bool {
	for _, det := range []string{"cac ", "nhung ", "moi "} {
		f = strings.TrimPrefix(f, det)
	}
	if rest, ok := strings.CutPrefix(f, "nguoi "); ok {
		return firstAt(rest, officialAfterNguoi) != 0
	}
	if rest, ok := strings.CutPrefix(f, "to chuc"); ok {
		rest = strings.TrimPrefix(rest, " ")
		for _, w := range privateAfterToChuc {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
		return false
	}
	for _, h := range privateHeads {
		if strings.HasPrefix(f, h) {
			return true
		}
	}
	return false
}

// underPrivateDuty reports item i or a heading above it titled with a
// private party's duty ("2. Trách nhiệm của thương nhân tổ chức hội chợ:").
func (o *Outline) underPrivateDuty(i int) bool {
	for p := i; p >= 0; p = o.Items[p].Parent {
		if privateDuty(o.Items[p].Text) {
			return true
		}
	}
	return false
}

// stateActor reports text that opens with an agency of the state, the
// subject of its clause: inside a private party's duty, "Cục Hàng không
// Việt Nam chủ trì xác định, công bố danh mục …" is work assigned to the
// Cục still.
func stateActor(text string) bool {
	_, _, named := ActorWords(text)
	return named > 0 && !privateName(viet.Fold(strings.TrimLeft(text, " *#_"))) && !businessSubject(text)
}

// minCopyWords is the fewest words an appendix item repeats of the body
// to be taken for its copy ("Tổ chức thực hiện." under two headings is no
// copy).
const minCopyWords = 5

// markRepeats sets Repeats on the items of an appendix whose text is a
// body item's, word for word: a converted file holding the decree twice,
// or an annex restating a clause, lists the task once.
func (o *Outline) markRepeats() {
	body := map[string]string{}
	for i := range o.Items {
		it := &o.Items[i]
		if o.Sections[it.Section].Appendix || viet.WordCount(it.Text) < minCopyWords {
			continue
		}
		if k := repeatKey(it.Text); body[k] == "" {
			body[k] = it.ID
		}
	}
	if len(body) == 0 {
		return
	}
	for i := range o.Items {
		if it := &o.Items[i]; o.Sections[it.Section].Appendix {
			it.Repeats = body[repeatKey(it.Text)]
		}
	}
}

// repeatKey is text compared as words, in lower case.
func repeatKey(text string) string {
	return viet.Lower(strings.Join(strings.Fields(text), " "))
}
