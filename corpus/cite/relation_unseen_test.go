package cite

import (
	"strings"
	"testing"
)

// Citations and relations no earlier table held (i31-cite): lines written
// for these tests in the shapes of government texts and Pháp điển notes.

// jointRelations: "cùng", "cùng với" and "kèm theo" join two references as
// "và" does ("Nghị định số A cùng Thông tư số B được thay thế bởi C": both
// are replaced). "kèm theo" joins only right after a reference: after a
// noun it attaches a document to the reference ("Quy chế ban hành kèm theo
// Quyết định số …").
var jointRelations = []relCase{
	{"cùng", `Nghị định số 10/2020/NĐ-CP cùng Thông tư số 05/2021/TT-BTC được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;replaces;<20/2024/NĐ-CP | 05/2021/TT-BTC;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>05/2021/TT-BTC`},
	{"cùng với", `Quyết định số 12/2019/QĐ-UBND ngày 04/3/2019 của UBND tỉnh Lào Cai cùng với Quyết định số 30/2020/QĐ-UBND ngày 15/9/2020 của UBND tỉnh Lào Cai được bãi bỏ bởi Quyết định số 07/2025/QĐ-UBND.`,
		`12/2019/QĐ-UBND;repeals;<07/2025/QĐ-UBND | 30/2020/QĐ-UBND;repeals;<07/2025/QĐ-UBND | 07/2025/QĐ-UBND;repeals;>30/2020/QĐ-UBND`},
	{"kèm theo", `Quyết định số 1234/QĐ-UBND kèm theo Kế hoạch số 56/KH-UBND được thay thế bởi Quyết định số 2001/QĐ-UBND.`,
		`1234/QĐ-UBND;replaces;<2001/QĐ-UBND | 56/KH-UBND;replaces;<2001/QĐ-UBND | 2001/QĐ-UBND;replaces;>56/KH-UBND`},
	{"three items", `Nghị định số 11/2016/NĐ-CP, Nghị định số 75/2018/NĐ-CP cùng với Thông tư số 18/2019/TT-BLĐTBXH hết hiệu lực kể từ ngày 01/7/2025.`,
		`11/2016/NĐ-CP;expires;;;2025-07-01 | 75/2018/NĐ-CP;expires;;;2025-07-01 | 18/2019/TT-BLĐTBXH;expires;;;2025-07-01`},
	{"active verb", `Bãi bỏ Quyết định số 15/2019/QĐ-UBND cùng Quyết định số 16/2019/QĐ-UBND của UBND tỉnh.`,
		`15/2019/QĐ-UBND;repeals | 16/2019/QĐ-UBND;repeals`},
	// not a joint: a document attached to the reference, not listed beside it
	{"attached", `Quy chế ban hành kèm theo Quyết định số 15/2019/QĐ-UBND được thay thế bởi Quyết định số 40/2024/QĐ-UBND.`,
		`15/2019/QĐ-UBND;replaces;<40/2024/QĐ-UBND | 40/2024/QĐ-UBND;replaces;>15/2019/QĐ-UBND`},
	{"attached", `Nghị định số 10/2020/NĐ-CP về phí và Biểu mức thu kèm theo Thông tư số 05/2021/TT-BTC được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;mentions | 05/2021/TT-BTC;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>05/2021/TT-BTC`},
}

// TestJointList wants every relation of the table right.
func TestJointList(t *testing.T) {
	s := scoreRelations(t, jointRelations)
	t.Logf("joints: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 || s.effOK != s.effs || s.effFalse > 0 {
		t.Errorf("joints: relation %d/%d, effective %d/%d (%d false), %d missed, %d extra; want all", s.relOK, s.refs, s.effOK, s.effs, s.effFalse, s.missed, s.extra)
	}
}

// TestJointAsVa: a line joined by "cùng", "cùng với" or "kèm theo" (right
// after a reference) reads as the same line joined by "và": subjects,
// grounds, objects and agents alike.
func TestJointAsVa(t *testing.T) {
	lines := []string{
		`Nghị định số 10/2020/NĐ-CP %s Thông tư số 05/2021/TT-BTC được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`Căn cứ Nghị định số 15/2018/NĐ-CP %s Nghị định số 77/2016/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 08/2019/NĐ-CP;`,
		`Nghị định số 43/2014/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 01/2017/NĐ-CP %s Nghị định số 148/2020/NĐ-CP.`,
		`Thay thế Quyết định số 11/2019/QĐ-UBND %s Quyết định số 12/2020/QĐ-UBND của UBND tỉnh Yên Bái.`,
		`Thực hiện Kế hoạch số 45/KH-UBND ngày 05/3/2026 của UBND tỉnh %s Kế hoạch số 12/KH-SYT của Sở Y tế, Trung tâm triển khai các nhiệm vụ sau:`,
		`Quyết định số 11/2019/QĐ-UBND %s Quyết định số 12/2020/QĐ-UBND hết hiệu lực kể từ ngày 01/9/2026.`,
	}
	for _, line := range lines {
		want := relLine(ParseRefs(strings.Replace(line, "%s", "và", 1)))
		for _, j := range []string{"cùng", "cùng với", "kèm theo", "CÙNG VỚI", "cung voi"} {
			in := strings.Replace(line, "%s", j, 1)
			if got := relLine(ParseRefs(in)); got != want {
				t.Errorf("%s\n\tgot  %s\n\twant %s (as with \"và\")", in, got, want)
			}
		}
	}
}

// relLine renders every reference's relation, direction and effect date.
func relLine(refs []Ref) string {
	var b strings.Builder
	for _, r := range refs {
		b.WriteString(gotString(r) + " | ")
	}
	return b.String()
}

// bracketRelations: a number in brackets right after its type word, or
// after a name or trích yếu that opens with its type word, is one
// reference with what it follows: "Căn cứ Nghị định [số 30/2020/NĐ-CP] …",
// "Căn cứ Nghị định (số 30/2020/NĐ-CP ngày …)", "Căn cứ Nghị định quy định
// chi tiết … (số 102/2024/NĐ-CP)" — what governs the type word governs the
// number.
var bracketRelations = []relCase{
	{"square", `Căn cứ Nghị định [số 30/2020/NĐ-CP] ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;`,
		`30/2020/NĐ-CP;based_on`},
	{"round", `Căn cứ Nghị định (số 30/2020/NĐ-CP ngày 05/3/2020) của Chính phủ về công tác văn thư;`,
		`30/2020/NĐ-CP;based_on`},
	{"round", `Căn cứ Thông tư (số 12/2022/TT-BTC) của Bộ Tài chính hướng dẫn về phí thẩm định;`,
		`12/2022/TT-BTC;based_on`},
	{"trích yếu", `Căn cứ Nghị định quy định chi tiết một số điều của Luật Đất đai (số 102/2024/NĐ-CP);`,
		`102/2024/NĐ-CP;based_on`},
	{"trích yếu", `Căn cứ Luật Đất đai số 31/2024/QH15; Nghị định quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất (số 88/2024/NĐ-CP);`,
		`31/2024/QH15;based_on | 88/2024/NĐ-CP;based_on`},
	{"own type", `Căn cứ Quyết định phê duyệt Quy hoạch tỉnh Hà Giang (Quyết định số 1339/QĐ-TTg);`,
		`1339/QĐ-TTg;based_on`},
	{"verb", `Bãi bỏ Quyết định (số 15/2019/QĐ-UBND) của UBND tỉnh về giá dịch vụ.`,
		`15/2019/QĐ-UBND;repeals`},
	{"passive", `Căn cứ Nghị định (số 15/2018/NĐ-CP) được sửa đổi, bổ sung bởi Nghị định số 77/2022/NĐ-CP;`,
		`15/2018/NĐ-CP;based_on | 77/2022/NĐ-CP;amends;>15/2018/NĐ-CP`},
	{"implements", `Thực hiện Chỉ thị (số 05/CT-TTg ngày 10/02/2026) của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:`,
		`05/CT-TTg;implements`},
	// not the name's number: another type, words before the number inside,
	// or a reference before the parentheses
	{"other type", `Căn cứ Kế hoạch thực hiện năm 2026 (số 45/2026/NĐ-CP);`,
		`45/2026/NĐ-CP;mentions`},
	{"described", `Căn cứ Đề án phát triển (theo Nghị định số 30/2020/NĐ-CP);`,
		`30/2020/NĐ-CP;mentions`},
	{"described", `Căn cứ Nghị định số 12/2021/NĐ-CP (thay thế Nghị định số 30/2020/NĐ-CP);`,
		`12/2021/NĐ-CP;based_on | 30/2020/NĐ-CP;replaces;<12/2021/NĐ-CP`},
}

// TestBracketNumber wants every relation of the table right.
func TestBracketNumber(t *testing.T) {
	s := scoreRelations(t, bracketRelations)
	t.Logf("bracketed numbers: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("bracketed numbers: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}

// TestSquareBracketRef: "Nghị định [số 30/2020/NĐ-CP] ngày … của …" is one
// reference with its type word, date and issuer, its text the brackets
// whole.
func TestSquareBracketRef(t *testing.T) {
	for _, c := range []struct{ in, text, typ, date string }{
		{`Căn cứ Nghị định [số 30/2020/NĐ-CP] ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;`,
			`Nghị định [số 30/2020/NĐ-CP] ngày 05 tháng 3 năm 2020 của Chính phủ`, "Nghị định", "2020-03-05"},
		{`Căn cứ Quyết định [số 15/2019/QĐ-UBND] của UBND tỉnh Lào Cai;`,
			`Quyết định [số 15/2019/QĐ-UBND] của UBND tỉnh Lào Cai`, "Quyết định", ""},
		{`Căn cứ Kế hoạch [số 45/KH-UBND];`, `Kế hoạch [số 45/KH-UBND]`, "Kế hoạch", ""},
		{`Căn cứ Nghị định [số 30/2020/NĐ-CP ngày 05/3/2020] của Chính phủ;`,
			`Nghị định [số 30/2020/NĐ-CP ngày 05/3/2020]`, "Nghị định", "2020-03-05"},
		// a Markdown link holds the whole reference: unchanged
		{`Căn cứ [Nghị định số 30/2020/NĐ-CP](https://vanban.chinhphu.vn/30-2020) ngày 05/3/2020;`,
			`Nghị định số 30/2020/NĐ-CP`, "Nghị định", ""},
	} {
		refs := ParseRefs(c.in)
		if len(refs) != 1 {
			t.Errorf("%s: %d refs %+v, want 1", c.in, len(refs), refs)
			continue
		}
		if r := refs[0]; r.Text != c.text || r.Type != c.typ || r.Date != c.date {
			t.Errorf("%s:\n\tgot  %q %q %q\n\twant %q %q %q", c.in, r.Text, r.Type, r.Date, c.text, c.typ, c.date)
		}
	}
}

// selfDateRelations: a passive whose agent is the text itself takes the
// date written after the agent ("được thay thế bởi Quyết định này kể từ
// ngày …"), and said in parentheses right after its reference it is the
// reference's predicate ("Nghị định số … (bị thay thế bởi Nghị định này
// kể từ …)") — or, when a verb before governs the reference already, the
// date of that change ("Quyết định này thay thế Quyết định số … (được thay
// thế bởi Quyết định này kể từ ngày …)").
var selfDateRelations = []relCase{
	{"date", `Quyết định số 13/2021/QĐ-UBND được thay thế bởi Quyết định này kể từ ngày 01/7/2026.`,
		`13/2021/QĐ-UBND;replaces;;;2026-07-01`},
	{"list", `Quyết định số 11/2019/QĐ-UBND và Quyết định số 13/2021/QĐ-UBND bị bãi bỏ bởi Quyết định này từ ngày 15/8/2026.`,
		`11/2019/QĐ-UBND;repeals;;;2026-08-15 | 13/2021/QĐ-UBND;repeals;;;2026-08-15`},
	{"list", `Thông tư số 05/2019/TT-BYT, Thông tư số 06/2020/TT-BYT và Thông tư số 07/2021/TT-BYT được thay thế bởi Thông tư này kể từ ngày 01 tháng 01 năm 2027.`,
		`05/2019/TT-BYT;replaces;;;2027-01-01 | 06/2020/TT-BYT;replaces;;;2027-01-01 | 07/2021/TT-BYT;replaces;;;2027-01-01`},
	{"comma", `Quyết định số 13/2021/QĐ-UBND được thay thế bởi Quyết định này, có hiệu lực từ ngày 01/7/2026.`,
		`13/2021/QĐ-UBND;replaces;;;2026-07-01`},
	{"parentheses", `Quyết định số 13/2021/QĐ-UBND (được thay thế bởi Quyết định này kể từ ngày 01/7/2026).`,
		`13/2021/QĐ-UBND;replaces;;;2026-07-01`},
	{"parentheses", `Nghị định 160/2024/NĐ-CP (bị thay thế bởi Nghị định này kể từ 01/7/2026) quy định về đào tạo lái xe.`,
		`160/2024/NĐ-CP;replaces;;;2026-07-01`},
	{"parentheses", `Quyết định số 13/2021/QĐ-UBND (được bãi bỏ bởi Quyết định này).`,
		`13/2021/QĐ-UBND;repeals`},
	{"verb and bracket", `Quyết định này thay thế Quyết định số 13/2021/QĐ-UBND (được thay thế bởi Quyết định này kể từ ngày 01/7/2026).`,
		`13/2021/QĐ-UBND;replaces;;;2026-07-01`},
	// the date of another clause or reference is not the agent's
	{"not its date", `Quyết định số 13/2021/QĐ-UBND được thay thế bởi Quyết định này; Quyết định số 14/2021/QĐ-UBND hết hiệu lực kể từ ngày 01/7/2026.`,
		`13/2021/QĐ-UBND;replaces | 14/2021/QĐ-UBND;expires;;;2026-07-01`},
	{"not its date", `Quyết định số 13/2021/QĐ-UBND (được thay thế bởi Quyết định này); Quyết định số 14/2021/QĐ-UBND hết hiệu lực kể từ ngày 01/7/2026.`,
		`13/2021/QĐ-UBND;replaces | 14/2021/QĐ-UBND;expires;;;2026-07-01`},
	// parentheses that hold more than the text as agent: read as before
	// (the reference after the text is the agent)
	{"not self", `Quyết định số 13/2021/QĐ-UBND (được thay thế bởi Quyết định này và Quyết định số 20/2026/QĐ-UBND).`,
		`13/2021/QĐ-UBND;replaces;<20/2026/QĐ-UBND | 20/2026/QĐ-UBND;replaces;>13/2021/QĐ-UBND`},
}

// TestSelfAgentDate wants every relation and date of the table right.
func TestSelfAgentDate(t *testing.T) {
	s := scoreRelations(t, selfDateRelations)
	t.Logf("self agents: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 || s.effOK != s.effs || s.effFalse > 0 {
		t.Errorf("self agents: relation %d/%d, effective %d/%d (%d false), %d missed, %d extra; want all", s.relOK, s.refs, s.effOK, s.effs, s.effFalse, s.missed, s.extra)
	}
}

// TestSelfInPassiveList: "A, B và Quyết định này được thay thế bởi D" says
// that D replaces A, B and the text itself. A and B name D as their other
// end; D's Other is empty, which for an agent (By) means the text's own
// document, as in "Điều 5 được sửa đổi bởi D" — so D replaces the text.
func TestSelfInPassiveList(t *testing.T) {
	in := `Quyết định số 13/2021/QĐ-UBND, Quyết định số 14/2021/QĐ-UBND và Quyết định này được thay thế bởi Quyết định số 50/2027/QĐ-UBND.`
	want := `13/2021/QĐ-UBND;replaces;<50/2027/QĐ-UBND;; | 14/2021/QĐ-UBND;replaces;<50/2027/QĐ-UBND;; | 50/2027/QĐ-UBND;replaces;>;; | `
	if got := relLine(ParseDoc(in, Self{Number: "22/2026/QĐ-UBND"}).Refs); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// an agent issued before the text cannot replace it (predate.go): a
	// mention; the decisions it can replace keep it as their other end
	in = strings.Replace(in, "50/2027", "50/2025", 1)
	want = `13/2021/QĐ-UBND;replaces;<50/2025/QĐ-UBND;; | 14/2021/QĐ-UBND;replaces;<50/2025/QĐ-UBND;; | 50/2025/QĐ-UBND;mentions;;; | `
	if got := relLine(ParseDoc(in, Self{Number: "22/2026/QĐ-UBND"}).Refs); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// typeRepeatRelations: a trích yếu that repeats the reference's type word
// before its verb ("Nghị định số A Nghị định sửa đổi, bổ sung … Nghị định số
// B", as Pháp điển's notes write 19 of the 47 lines that cite two numbers
// and a change or guidance word and read as mentions only) is A's, as
// without the repeated word. Lines written in that shape.
var typeRepeatRelations = []relCase{
	{"amends", `Điều 3 Thông tư số 21/2030/TT-BXD Thông tư sửa đổi, bổ sung một số điều của Thông tư số 06/2027/TT-BXD ngày 12 tháng 5 năm 2027 của Bộ trưởng Bộ Xây dựng quy định về định mức dự toán ngày 20/09/2030 của Bộ Xây dựng, có hiệu lực thi hành kể từ ngày 05/11/2030`,
		`21/2030/TT-BXD;mentions;;Điều 3;2030-11-05 | 06/2027/TT-BXD;amends;<21/2030/TT-BXD`},
	{"amends", `Điều 2 Nghị định số 94/2029/NĐ-CP Nghị định sửa đổi, bổ sung Điều 14 của Nghị định số 168/2027/NĐ-CP ngày 31 tháng 12 năm 2027 của Chính phủ quy định chi tiết một số điều của Luật Du lịch ngày 28/10/2029 của Chính phủ, có hiệu lực thi hành kể từ ngày 28/10/2029`,
		`94/2029/NĐ-CP;mentions;;Điều 2;2029-10-28 | 168/2027/NĐ-CP;amends;<94/2029/NĐ-CP;Điều 14`},
	{"guides", `Điều 1 Nghị định số 45/2029/NĐ-CP Nghị định quy định chi tiết thi hành Nghị quyết số 12/2029/QH16 của Quốc hội về giảm thuế giá trị gia tăng ngày 25/09/2029 của Chính phủ, có hiệu lực thi hành kể từ ngày 01/10/2029`,
		`45/2029/NĐ-CP;mentions;;Điều 1;2029-10-01 | 12/2029/QH16;guides;<45/2029/NĐ-CP`},
	{"joint circular", `Điều 1 Thông tư liên tịch số 03/2028/TTLT-BTC-BYT Thông tư hướng dẫn thực hiện Nghị định số 88/2027/NĐ-CP ngày 17 tháng 4 năm 2027 của Chính phủ về y tế học đường ngày 01/03/2028 của Bộ Tài chính và Bộ Y tế, có hiệu lực thi hành kể từ ngày 25/04/2028`,
		`03/2028/TTLT-BTC-BYT;mentions;;Điều 1;2028-04-25 | 88/2027/NĐ-CP;guides;<03/2028/TTLT-BTC-BYT`},
	{"resolution", `Điều 2 Nghị quyết số 30/2029/QH16 Nghị quyết sửa đổi, bổ sung một số điều của Nghị quyết số 55/2010/QH12 về miễn, giảm thuế sử dụng đất nông nghiệp ngày 11/11/2029 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2030`,
		`30/2029/QH16;mentions;;Điều 2;2030-01-01 | 55/2010/QH12;amends;<30/2029/QH16`},
	{"law", `Điều 10 Luật số 56/2029/QH16 Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán số 54/2019/QH14 ngày 29/11/2029 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2030`,
		`56/2029/QH16;mentions;;Điều 10;2030-01-01 | 54/2019/QH14;amends;<56/2029/QH16`},
	// another type's word after the number names another document
	{"other type", `Điều 1 Nghị định số 45/2029/NĐ-CP Thông tư hướng dẫn thực hiện Nghị định số 88/2027/NĐ-CP ngày 17 tháng 4 năm 2027 của Chính phủ, có hiệu lực thi hành kể từ ngày 01/10/2029`,
		`45/2029/NĐ-CP;mentions;;Điều 1;2029-10-01 | 88/2027/NĐ-CP;mentions`},
}

// TestTypeRepeat wants every relation of the table right.
func TestTypeRepeat(t *testing.T) {
	s := scoreRelations(t, typeRepeatRelations)
	t.Logf("repeated type words: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 || s.partOK != s.parts || s.partFalse > 0 {
		t.Errorf("repeated type words: relation %d/%d, part %d/%d (%d false), %d missed, %d extra; want all", s.relOK, s.refs, s.partOK, s.parts, s.partFalse, s.missed, s.extra)
	}
}

// TestTypeRepeatAsPlain: the trích yếu with its type word repeated reads as
// without it, whatever governs the reference.
func TestTypeRepeatAsPlain(t *testing.T) {
	for _, line := range []string{
		`Điều 2 Nghị định số 94/2029/NĐ-CP %ssửa đổi, bổ sung Điều 14 của Nghị định số 168/2027/NĐ-CP ngày 31 tháng 12 năm 2027 của Chính phủ, có hiệu lực thi hành kể từ ngày 28/10/2029`,
		`Căn cứ Nghị định số 94/2029/NĐ-CP %ssửa đổi, bổ sung một số điều của Nghị định số 168/2027/NĐ-CP ngày 31 tháng 12 năm 2027 của Chính phủ;`,
		`Thông tư này thay thế Thông tư số 21/2030/TT-BXD %shướng dẫn Nghị định số 88/2027/NĐ-CP về định mức.`,
		`Nghị định số 94/2029/NĐ-CP %ssửa đổi Nghị định số 168/2027/NĐ-CP được thay thế bởi Nghị định số 12/2031/NĐ-CP.`,
		`Điều 10 Luật số 56/2029/QH16 %ssửa đổi, bổ sung một số điều của Luật Chứng khoán số 54/2019/QH14 ngày 29/11/2029 của Quốc hội`,
	} {
		want := relLine(ParseRefs(strings.Replace(line, "%s", "", 1)))
		typ := "Nghị định "
		switch {
		case strings.Contains(line, "Thông tư số 21"):
			typ = "Thông tư "
		case strings.Contains(line, "Luật số 56"):
			typ = "Luật "
		}
		for _, w := range []string{typ, strings.ToUpper(typ)} {
			in := strings.Replace(line, "%s", w, 1)
			if got := relLine(ParseRefs(in)); got != want {
				t.Errorf("%s\n\tgot  %s\n\twant %s (as without %q)", in, got, want, w)
			}
		}
	}
}
