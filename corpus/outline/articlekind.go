package outline

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// sectionKindAt classifies a section by what it is in the document's
// structure first and by its title words second (sectionKind).
//
// The title kinds were learnt from plans: a Kế hoạch's "MỤC ĐÍCH, YÊU
// CẦU" states aims and its "KINH PHÍ THỰC HIỆN" says who pays, so nothing
// under them is a task to link. An article ("Điều 2. Đối tượng áp dụng",
// "Điều 5. Kinh phí thực hiện") of a legal normative text — a Nghị định, a
// Thông tư, a Quy chế — is a provision whose title names the matter it
// rules: who is covered, where the money comes from. Its clauses are what
// an implementing circular restates clause by clause, so an article is a
// task section whatever its title, save that "Tổ chức thực hiện" stays the
// organisation section it is everywhere and an article that states aims
// ("Mục tiêu", "Quan điểm chỉ đạo", as a resolution's articles may) stays
// a goal section.
func sectionKindAt(id, title string) SectionKind {
	k := sectionKind(title)
	if !articleID(id) || k == SectionTasks || k == SectionOrganisation {
		return k
	}
	if k == SectionGoals && aimTitle(title) {
		return SectionGoals
	}
	return SectionTasks
}

// articleID reports a section ID that is an article's: "Đ5", "Đ5~2" (a
// repeated number), "PLI.Đ3" (an article of a regulation in an appendix).
// A plan's letter heading "Đ. KINH PHÍ THỰC HIỆN" (after A, B, C, D) has
// the ID "Đ" and is no article: an article's has its number.
func articleID(id string) bool {
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		id = id[i+1:]
	}
	n, ok := strings.CutPrefix(id, "Đ")
	return ok && n != "" && n[0] >= '0' && n[0] <= '9'
}

// aimTitle reports a title that states aims rather than a provision's
// matter: "Mục tiêu", "Mục đích, yêu cầu", "Quan điểm chỉ đạo", "Tầm nhìn,
// định hướng".
func aimTitle(title string) bool {
	f := viet.Fold(title)
	for _, w := range []string{"muc dich", "muc tieu", "quan diem", "tam nhin", "dinh huong"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}
