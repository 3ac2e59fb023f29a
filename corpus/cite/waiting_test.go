package cite

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestPassiveAgentWaiting pins the references a passive's agent names
// after the walk through them (relPass.agent's loop over pendingAt, and
// waiting): a reference whose passive predicate ("được sửa đổi bởi") was
// read before its agent waits for it, and the agent gives it its other end.
// No other test of the package reached that path — with pendingAt never
// filled every test passed (i28-rev-refs) — though round 22's pendingAt
// replaced the old walk over every earlier reference there. Lines written
// for the test: a decree restated inside the parenthesised title of a
// decision that cites it, and a statute named with its number in
// parentheses (the reference waits, the name is the agent's other end).
func TestPassiveAgentWaiting(t *testing.T) {
	for _, tc := range []struct {
		in    string
		other []string // Other of each reference, in order
	}{
		{
			// the decree restated inside the decision's trích yếu is not
			// the passive's subject: the parentheses describe the decision
			// (parenDescribes; i28-rev-refs pinned "45/2030/NĐ-CP" there)
			"Nghị định số 73/2029/NĐ-CP (Quyết định số 15/QĐ-TTg ngày 7/1/2030 về việc phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được sửa đổi bởi Nghị định số 45/2030/NĐ-CP.",
			[]string{"45/2030/NĐ-CP", "", "", "73/2029/NĐ-CP"},
		},
		{
			"NGHỊ ĐỊNH SỐ 73/2029/NĐ-CP (QUYẾT ĐỊNH SỐ 15/QĐ-TTG NGÀY 7/1/2030 VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN THEO NGHỊ ĐỊNH SỐ 73/2029/NĐ-CP) ĐƯỢC SỬA ĐỔI BỞI NGHỊ ĐỊNH SỐ 45/2030/NĐ-CP.",
			[]string{"45/2030/NĐ-CP", "", "", "73/2029/NĐ-CP"},
		},
		{
			// the passive said of a list: every item of the subject list
			// (i30-cite; i29-cite had its last item only). The decree
			// named in the parentheses after it is what Quyết định 16
			// approves under, not replaced by 20/QĐ-TTg (i28-rev-refs
			// pinned "20/QĐ-TTg" there, the old walk's answer)
			"Quyết định số 15/QĐ-TTg, Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"20/QĐ-TTg", "20/QĐ-TTg", "", "16/QĐ-TTg"},
		},
		{
			// a statute's number in parentheses after its name waits for
			// the agent, whose other end is the number: name and number
			// are one reference (i30-cite; the name "Luật Đất đai" before)
			"Luật Đất đai (Luật số 45/2013/QH13) được sửa đổi, bổ sung bởi Luật số 35/2018/QH14.",
			[]string{"35/2018/QH14", "45/2013/QH13"},
		},
	} {
		var got []string
		for _, r := range ParseRefs(tc.in) {
			got = append(got, r.Other)
		}
		if !slices.Equal(got, tc.other) {
			t.Errorf("%s\nOther %q, want %q", tc.in, got, tc.other)
		}
	}
}

// TestParenDescribesNoPredicate: a reference inside parentheses that
// describe another reference (its trích yếu, restated or summed up) is not
// the subject of a predicate after ")" — passive or intransitive — which is
// said of what the parentheses describe. A reference opening parentheses
// after a name is that name's number, and the predicate is said of it.
// An unclosed "(" reads as no parenthesis at all (what the walk did before)
// and leaves the next sentence alone. Lines written for the test.
func TestParenDescribesNoPredicate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		rels []string // Relation and Other of each reference, in order
	}{
		{ // "theo" inside the parentheses
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // with the decree's date and issuer
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP ngày 1/9/2029 của Chính phủ) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // "tại"
			"Quyết định số 1500/QĐ-UBND (phê duyệt danh mục dự án của tỉnh tại Nghị quyết số 12/NQ-HĐND ngày 9/12/2029 của Hội đồng nhân dân tỉnh) được bãi bỏ bởi Quyết định số 2100/QĐ-UBND.",
			[]string{"repeals 2100/QĐ-UBND", "mentions ", "repeals 1500/QĐ-UBND"},
		},
		{ // "của" before the reference
			"Quyết định số 16/QĐ-TTg (về Chương trình hành động của Chính phủ về Nghị quyết số 19-NQ/TW) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // "của" after it
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị quyết số 81/2023/QH15 của Quốc hội) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // "của" and "theo"
			"Quyết định số 16/QĐ-TTg (về Quy chế phối hợp của Ủy ban nhân dân tỉnh theo Nghị định số 73/2029/NĐ-CP) được bãi bỏ bởi Quyết định số 20/QĐ-TTg.",
			[]string{"repeals 20/QĐ-TTg", "mentions ", "repeals 16/QĐ-TTg"},
		},
		{ // parentheses after a trích yếu's noun, the reference before them in the clause
			"Quyết định số 16/QĐ-TTg về việc phê duyệt Đề án phát triển giáo dục nghề nghiệp (theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // nested parentheses
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án (theo Nghị định số 73/2029/NĐ-CP) về giáo dục nghề nghiệp) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // a name and its number nested in a trích yếu in parentheses:
			// not replaced; the trích yếu's object, as "Luật Quản lý thuế
			// số 38/2019/QH14" is (i30-cite; a mention before)
			"Thông tư số 10/2029/TT-BTC (hướng dẫn Luật Quản lý thuế (Luật số 38/2019/QH14)) được thay thế bởi Thông tư số 80/2030/TT-BTC.",
			[]string{"replaces 80/2030/TT-BTC", "guides 10/2029/TT-BTC", "replaces 10/2029/TT-BTC"},
		},
		{ // square brackets inside the parentheses
			"Quyết định số 16/QĐ-TTg (ban hành Quy chế [theo Nghị định số 73/2029/NĐ-CP]) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // an intransitive predicate after ")"
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) hết hiệu lực kể từ ngày 1/7/2030.",
			[]string{"expires ", "mentions "},
		},
		{ // a name's number: the predicate is said of it
			"Luật Đất đai (Luật số 45/2013/QH13) hết hiệu lực kể từ ngày 1/8/2024.",
			[]string{"expires "},
		},
		{
			"Bộ luật Lao động (Bộ luật số 45/2019/QH14) được hướng dẫn bởi Nghị định số 145/2020/NĐ-CP.",
			[]string{"guides 145/2020/NĐ-CP", "guides 45/2019/QH14"},
		},
		{ // a predicate inside the parentheses is the reference's own
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP (đã hết hiệu lực)) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "expires ", "replaces 16/QĐ-TTg"},
		},
		// shapes i29-rev-cite added (they passed): two references in one
		// pair, a short name right after the reference, ")" on the next
		// line, a trích yếu in the pair ending in its own passive, no
		// tones, NFD
		{
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP và Nghị định số 45/2030/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{
			"Nghị định số 15/2020/NĐ-CP (sau đây gọi là Nghị định 15) được sửa đổi, bổ sung bởi Nghị định số 14/2022/NĐ-CP.",
			[]string{"amends 14/2022/NĐ-CP", "amends 15/2020/NĐ-CP"},
		},
		{
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP\n) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP đã được sửa đổi, bổ sung) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"replaces 20/QĐ-TTg", "amends ", "replaces 16/QĐ-TTg"},
		},
		{
			"Quyet dinh so 16/QD-TTg (phe duyet De an theo Nghi dinh so 73/2029/ND-CP) duoc thay the boi Quyet dinh so 20/QD-TTg.",
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{
			norm.NFD.String("Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg."),
			[]string{"replaces 20/QĐ-TTg", "mentions ", "replaces 16/QĐ-TTg"},
		},
		{ // unclosed: read as if there were no "(", the next sentence untouched
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP được thay thế bởi Quyết định số 20/QĐ-TTg. Nghị định số 45/2030/NĐ-CP được sửa đổi bởi Nghị định số 50/2030/NĐ-CP.",
			[]string{"mentions ", "replaces 20/QĐ-TTg", "replaces 73/2029/NĐ-CP", "amends 50/2030/NĐ-CP", "amends 45/2030/NĐ-CP"},
		},
		{ // unclosed, a closed pair after it in the sentence
			"Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP; Quyết định số 17/QĐ-TTg (sửa đổi Quyết định số 16/QĐ-TTg) được thay thế bởi Quyết định số 20/QĐ-TTg.",
			[]string{"mentions ", "mentions ", "replaces 20/QĐ-TTg", "amends 17/QĐ-TTg", "replaces 17/QĐ-TTg"},
		},
	} {
		var got []string
		for _, r := range ParseRefs(tc.in) {
			got = append(got, string(r.Relation)+" "+r.Other)
		}
		if !slices.Equal(got, tc.rels) {
			t.Errorf("%s\n got %q\nwant %q", tc.in, got, tc.rels)
		}
	}
}

// TestParenNamesNumber: parentheses after a name that give its number
// behind "số" or "sau đây gọi [tắt] là" name what stands before them, as
// "(Luật số …)" does: the predicate after ")" is said of the reference in
// them (i29-rev-cite; i29-cite's parenDescribes read the words before the
// reference as a trích yếu and left it a mention). Capitals, no tones and
// NFD alike. Lines written for the test; want is the Relation and Other
// of the reference in the parentheses (the first).
func TestParenNamesNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Luật Đất đai (số 45/2013/QH13) được sửa đổi, bổ sung bởi Luật số 35/2018/QH14.", "amends 35/2018/QH14"},
		{"LUẬT ĐẤT ĐAI (SỐ 45/2013/QH13) ĐƯỢC SỬA ĐỔI, BỔ SUNG BỞI LUẬT SỐ 35/2018/QH14.", "amends 35/2018/QH14"},
		{"Luật Đất đai (số 45/2013/QH13) hết hiệu lực kể từ ngày 01/8/2024.", "expires "},
		{"Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính (sau đây gọi là Nghị định số 15/2020/NĐ-CP) được sửa đổi, bổ sung bởi Nghị định số 14/2022/NĐ-CP.", "amends 14/2022/NĐ-CP"},
		{"Quy chế phối hợp quản lý cụm công nghiệp (sau đây gọi tắt là Quyết định số 16/2029/QĐ-UBND) được bãi bỏ bởi Quyết định số 20/2030/QĐ-UBND.", "repeals 20/2030/QĐ-UBND"},
		{"Quy che phoi hop quan ly cum cong nghiep (sau day goi tat la Quyet dinh so 16/2029/QD-UBND) duoc bai bo boi Quyet dinh so 20/2030/QD-UBND.", "repeals 20/2030/QĐ-UBND"},
		{norm.NFD.String("Quy chế phối hợp quản lý cụm công nghiệp (sau đây gọi tắt là Quyết định số 16/2029/QĐ-UBND) được bãi bỏ bởi Quyết định số 20/2030/QĐ-UBND."), "repeals 20/2030/QĐ-UBND"},
	} {
		refs := ParseRefs(tc.in)
		if len(refs) == 0 {
			t.Errorf("%s: %d references", tc.in, len(refs))
			continue
		}
		if got := string(refs[0].Relation) + " " + refs[0].Other; got != tc.want {
			t.Errorf("%s\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
