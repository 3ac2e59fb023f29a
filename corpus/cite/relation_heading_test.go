package cite

import (
	"strings"
	"testing"
)

// TestCanCuHeading: a heading that names the grounds — "## CĂN CỨ PHÁP
// LUẬT", "**Căn cứ pháp lý**", "CĂN CỨ BAN HÀNH", "1. Căn cứ pháp lý" —
// written as a line of its own, without a colon, heads the list under it
// as "Căn cứ:" does, up to the next heading. A heading that names other
// grounds ("Căn cứ thực tiễn", "Căn cứ xét đề nghị") or a sentence is no
// such head. Lines written for the test, numbers made up.
func TestCanCuHeading(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string // key:relation, in order
	}{
		{"markdown heading, dash items",
			"## CĂN CỨ PHÁP LUẬT\n\n- Luật Tổ chức Chính phủ số 63/2028/QH15;\n- Luật Thủy lợi số 08/2027/QH14;\n- Theo đề nghị của Bộ trưởng Bộ Nông nghiệp.\n\n## NỘI DUNG\n\n- Quyết định số 12/2029/QĐ-TTg được nêu tại đây.",
			"63/2028/QH15:based_on 08/2027/QH14:based_on 12/2029/QĐ-TTg:mentions"},
		{"bold heading, numbered items",
			"**Căn cứ pháp lý**\n\n1. Nghị định số 41/2029/NĐ-CP ngày 3/5/2029 của Chính phủ;\n2. Thông tư số 07/2028/TT-BTC ngày 1/2/2028 của Bộ Tài chính.",
			"41/2029/NĐ-CP:based_on 07/2028/TT-BTC:based_on"},
		{"all-caps heading, paragraphs",
			"CĂN CỨ BAN HÀNH\n\nNghị quyết số 88/2029/NQ-HĐND ngày 10/7/2029 của Hội đồng nhân dân tỉnh;\n\nQuyết định số 230/QĐ-UBND ngày 2/3/2029 của Ủy ban nhân dân tỉnh.",
			"88/2029/NQ-HĐND:based_on 230/QĐ-UBND:based_on"},
		{"numbered heading, dash items, then the next heading",
			"1. Căn cứ pháp lý\n- Luật Đầu tư công số 58/2029/QH15;\n- Nghị định số 40/2029/NĐ-CP ngày 6/4/2029 của Chính phủ.\n2. Căn cứ thực tiễn\n- Báo cáo số 145/BC-UBND ngày 1/9/2029 của Ủy ban nhân dân huyện.",
			"58/2029/QH15:based_on 40/2029/NĐ-CP:based_on 145/BC-UBND:mentions"},
		{"heading with a note in brackets",
			"### Căn cứ pháp lý (các văn bản được dẫn)\n\n- Luật Giá số 16/2028/QH15;",
			"16/2028/QH15:based_on"},
		// guards
		{"other grounds: a heading of facts",
			"## CĂN CỨ XÉT ĐỀ NGHỊ\n\n- Tờ trình số 51/TTr-SNV ngày 2/4/2029 của Sở Nội vụ;",
			"51/TTr-SNV:mentions"},
		{"a list under another heading",
			"## VĂN BẢN LIÊN QUAN\n\n- Luật Giá số 16/2028/QH15;\n- Nghị định số 85/2029/NĐ-CP.",
			"16/2028/QH15:mentions 85/2029/NĐ-CP:mentions"},
		{"a sentence naming căn cứ pháp lý, then a list",
			"Đơn vị rà soát căn cứ pháp lý\n\n- Nghị định số 85/2029/NĐ-CP;",
			"85/2029/NĐ-CP:mentions"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range ParseRefs(c.in) {
				got = append(got, r.Key+":"+string(r.Relation))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("%q\n got %s\nwant %s", c.in, g, c.want)
			}
		})
	}
}

// TestTypeAbbrevBefore: a document type written short before the number
// ("QĐ 142/2028/QĐ-TTg", "NĐ 16/2029/NĐ-CP", as table cells list grounds)
// is the reference's own type word, not words of a part: the reference is
// whole (not Partial). Lines written for the test, numbers made up.
func TestTypeAbbrevBefore(t *testing.T) {
	cases := []struct {
		in      string
		key     string
		partial bool
	}{
		{"Căn cứ Nghị định 01/2029/NĐ-CP; QĐ 142/2028/QĐ-TTg; NĐ 16/2029/NĐ-CP.", "142/2028/QĐ-TTg", false},
		{"Căn cứ Nghị định 01/2029/NĐ-CP; QĐ 142/2028/QĐ-TTg; NĐ 16/2029/NĐ-CP.", "16/2029/NĐ-CP", false},
		{"| Căn cứ pháp lý | Luật Giá 16/2028/QH15; TT 07/2029/TT-BTC |", "07/2029/TT-BTC", false},
	}
	for _, c := range cases {
		var got *Ref
		refs := ParseRefs(c.in)
		for i := range refs {
			if refs[i].Key == c.key {
				got = &refs[i]
			}
		}
		if got == nil {
			t.Fatalf("%q: no %s in %+v", c.in, c.key, refs)
		}
		if got.Relation != BasedOn || got.Partial != c.partial {
			t.Errorf("%q: %s %s partial=%v, want based_on partial=%v", c.in, c.key, got.Relation, got.Partial, c.partial)
		}
	}
}
