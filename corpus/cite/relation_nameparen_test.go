package cite

import "testing"

// nameParenRelations (i30-cite): a law, code or ordinance named with its
// number in parentheses ("Luật Đất đai (số 45/2013/QH13)", "(Luật số …)")
// is one reference, related as the name written with its number ("Luật Đất
// đai số 45/2013/QH13") is: governed by what governs the name, the subject
// of a passive after ")", the other end of its agent (its number, not the
// name). Lines written for this test, two from govdocs (marked); each is
// checked against its plain form in TestNameParenAsPlain.
var nameParenRelations = []relCase{
	{"passive", `Luật Đất đai (số 45/2013/QH13) được sửa đổi bởi Luật số 35/2018/QH14.`,
		`45/2013/QH13;amends;<35/2018/QH14 | 35/2018/QH14;amends;>45/2013/QH13`},
	{"passive", `Luật Đất đai (Luật số 45/2013/QH13) được sửa đổi, bổ sung bởi Luật số 35/2018/QH14.`,
		`45/2013/QH13;amends;<35/2018/QH14 | 35/2018/QH14;amends;>45/2013/QH13`},
	{"passive", `Bộ luật Lao động (số 45/2019/QH14) được hướng dẫn bởi Nghị định số 145/2020/NĐ-CP.`,
		`45/2019/QH14;guides;<145/2020/NĐ-CP | 145/2020/NĐ-CP;guides;>45/2019/QH14`},
	{"passive", `Luật Đất đai (số 45/2013/QH13) được thay thế bởi Luật Đất đai số 31/2024/QH15.`,
		`45/2013/QH13;replaces;<31/2024/QH15 | 31/2024/QH15;replaces;>45/2013/QH13`},
	{"basis", `Căn cứ Luật Đất đai (số 45/2013/QH13) được sửa đổi, bổ sung bởi Luật số 35/2018/QH14;`,
		`45/2013/QH13;based_on | 35/2018/QH14;amends;>45/2013/QH13`},
	{"basis", `Căn cứ Luật Tổ chức Chính phủ (số 63/2025/QH15);`,
		`63/2025/QH15;based_on`},
	{"basis", `Căn cứ Luật Ban hành văn bản quy phạm pháp luật (Luật số 64/2025/QH15);`,
		`64/2025/QH15;based_on`},
	{"basis", `Căn cứ Pháp lệnh Chi phí tố tụng (số 02/2020/UBTVQH14);`,
		`02/2020/UBTVQH14;based_on`},
	{"verb", `Nghị định này quy định chi tiết Luật Đất đai (số 45/2013/QH13).`,
		`45/2013/QH13;guides`},
	{"intransitive", `Luật Đất đai (số 45/2013/QH13) hết hiệu lực kể từ ngày 01/8/2024.`,
		`45/2013/QH13;expires;;;2024-08-01`},
	// govdocs (a summary page's list of grounds under a heading): a mention
	// either way
	{"govdocs", `- Luật Bảo hiểm xã hội 2024 (số 41/2024/QH15) — khoản 3 Điều 127`,
		`41/2024/QH15;mentions`},
	// govdocs (a summary's grounds): numbers without "số" in parentheses,
	// each its law's; the amending laws' other end is the number
	{"govdocs", "- **Căn cứ pháp lý:** Luật Tổ chức Chính phủ 2025 (63/2025/QH15); Luật Xử lý vi phạm hành chính 2012 (15/2012/QH13) sửa đổi bởi Luật 67/2020/QH14 và Luật 88/2025/QH15; Luật Phí và lệ phí 2015 (97/2015/QH13); Luật Quản lý thuế 2019 (38/2019/QH14); Luật 56/2024/QH15",
		`63/2025/QH15;based_on | 15/2012/QH13;based_on | 67/2020/QH14;amends;>15/2012/QH13 | 88/2025/QH15;amends;>15/2012/QH13 | 97/2015/QH13;based_on | 38/2019/QH14;based_on | 56/2024/QH15;based_on`},
	// not a name's number: a trích yếu in parentheses after a reference
	// (parenDescribes) is untouched
	{"trích yếu", `Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.`,
		`16/QĐ-TTg;replaces;<20/QĐ-TTg | 73/2029/NĐ-CP;mentions | 20/QĐ-TTg;replaces;>16/QĐ-TTg`},
	// i29-rev-cite's Left: an alias's number in parentheses is the agent's
	// other end
	{"alias", `Nghị định quy định chi tiết một số điều của Luật Dược (sau đây gọi là Nghị định số 15/2020/NĐ-CP) được sửa đổi, bổ sung bởi Nghị định số 14/2022/NĐ-CP.`,
		`15/2020/NĐ-CP;amends;<14/2022/NĐ-CP | 14/2022/NĐ-CP;amends;>15/2020/NĐ-CP`},
	// a decree's number in parentheses after a name is no statute's, but
	// the number of what the parentheses follow all the same
	{"not a statute", `Nghị định về quản lý phí (số 10/2020/NĐ-CP) được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>10/2020/NĐ-CP`},
}

// TestNameParen wants every relation of the table right.
func TestNameParen(t *testing.T) {
	s := scoreRelations(t, nameParenRelations)
	t.Logf("name (number): %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 || s.effOK != s.effs {
		t.Errorf("name (number): relation %d/%d, effective %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.effOK, s.effs, s.missed, s.extra)
	}
}

// TestNameParenAsPlain wants "Luật X (số N)" and "Luật X (Luật số N)" to
// give the relations "Luật X số N" gives.
func TestNameParenAsPlain(t *testing.T) {
	for _, c := range []struct{ paren, plain string }{
		{`Luật Đất đai (số 45/2013/QH13) được sửa đổi bởi Luật số 35/2018/QH14.`, `Luật Đất đai số 45/2013/QH13 được sửa đổi bởi Luật số 35/2018/QH14.`},
		{`Luật Đất đai (Luật số 45/2013/QH13) được sửa đổi bởi Luật số 35/2018/QH14.`, `Luật Đất đai số 45/2013/QH13 được sửa đổi bởi Luật số 35/2018/QH14.`},
		{`Căn cứ Luật Tổ chức Chính phủ (số 63/2025/QH15);`, `Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;`},
		{`Nghị định này quy định chi tiết Luật Đất đai (số 45/2013/QH13).`, `Nghị định này quy định chi tiết Luật Đất đai số 45/2013/QH13.`},
		{`Thông tư số 10/2029/TT-BTC (hướng dẫn Luật Quản lý thuế (Luật số 38/2019/QH14)) được thay thế bởi Thông tư số 80/2030/TT-BTC.`,
			`Thông tư số 10/2029/TT-BTC (hướng dẫn Luật Quản lý thuế số 38/2019/QH14) được thay thế bởi Thông tư số 80/2030/TT-BTC.`},
		{`Căn cứ Pháp lệnh Chi phí tố tụng (số 02/2020/UBTVQH14);`, `Căn cứ Pháp lệnh Chi phí tố tụng số 02/2020/UBTVQH14;`},
	} {
		a, b := ParseRefs(c.paren), ParseRefs(c.plain)
		if len(a) != len(b) {
			t.Errorf("%s: %d references, the plain form %d", c.paren, len(a), len(b))
			continue
		}
		for i := range a {
			if ga, gb := gotString(a[i])+" "+a[i].Other, gotString(b[i])+" "+b[i].Other; ga != gb {
				t.Errorf("%s:\n\tgot   %s\n\tplain %s", c.paren, ga, gb)
			}
		}
	}
}
