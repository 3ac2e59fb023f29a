package cite

import "testing"

// passiveListReview (i30-rev-cite): shapes TestPassiveList misses — the
// intransitive's clause ending at ";", lists over line breaks and joined by
// "cùng", capitals, no tones, one type word before several numbers, a list
// whose last item is the agent itself. Lines written for this test.
var passiveListReview = []relCase{
	// the intransitive is A's clause: B, after ";", is replaced, not expired
	{"semicolon", `Nghị định số 10/2020/NĐ-CP đã hết hiệu lực; Nghị định số 11/2021/NĐ-CP được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;expires | 11/2021/NĐ-CP;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>11/2021/NĐ-CP`},
	{"semicolon", `Quyết định số 05/2019/QĐ-UBND hết hiệu lực thi hành; Quyết định số 06/2020/QĐ-UBND bị bãi bỏ bởi Quyết định số 09/2025/QĐ-UBND.`,
		`05/2019/QĐ-UBND;expires | 06/2020/QĐ-UBND;repeals;<09/2025/QĐ-UBND | 09/2025/QĐ-UBND;repeals;>06/2020/QĐ-UBND`},
	// a list with its intransitive, then a clause of its own
	{"semicolon", `Nghị định số 10/2020/NĐ-CP, Nghị định số 11/2021/NĐ-CP hết hiệu lực; Nghị định số 12/2022/NĐ-CP được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;expires | 11/2021/NĐ-CP;expires | 12/2022/NĐ-CP;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>12/2022/NĐ-CP`},
	{"semicolon", `Quyết định số 05/2019/QĐ-UBND và Quyết định số 07/2019/QĐ-UBND hết hiệu lực kể từ ngày 01/7/2024; Quyết định số 06/2020/QĐ-UBND hết hiệu lực kể từ ngày 01/01/2025.`,
		`05/2019/QĐ-UBND;expires;;;2024-07-01 | 07/2019/QĐ-UBND;expires;;;2024-07-01 | 06/2020/QĐ-UBND;expires;;;2025-01-01`},
	// each clause its own date
	{"semicolon", `Nghị định số 10/2020/NĐ-CP hết hiệu lực kể từ ngày 01/7/2024; Nghị định số 11/2021/NĐ-CP hết hiệu lực kể từ ngày 01/01/2025.`,
		`10/2020/NĐ-CP;expires;;;2024-07-01 | 11/2021/NĐ-CP;expires;;;2025-01-01`},
	// the intransitive after the list still reaches across ";" (kept)
	{"semicolon", `Nghị định số 10/2020/NĐ-CP; Nghị định số 11/2021/NĐ-CP hết hiệu lực kể từ ngày 01/7/2024.`,
		`10/2020/NĐ-CP;expires;;;2024-07-01 | 11/2021/NĐ-CP;expires;;;2024-07-01`},
	// a list continuing a transitive verb across ";" (kept)
	{"semicolon", `Nghị định này thay thế Nghị định số 10/2020/NĐ-CP; Nghị định số 11/2021/NĐ-CP.`,
		`10/2020/NĐ-CP;replaces | 11/2021/NĐ-CP;replaces`},
}

// TestPassiveListReview wants every relation of the table right.
func TestPassiveListReview(t *testing.T) {
	s := scoreRelations(t, passiveListReview)
	t.Logf("passive lists (review): %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("passive lists (review): relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}

// nameParenReview (i30-rev-cite): a code ("Bộ luật", the capital on "Bộ")
// named before its number in parentheses is governed as the name is, as a
// law and an ordinance are; capitals and no tones read alike. Lines
// written for this test.
var nameParenReview = []relCase{
	{"code", `Căn cứ Bộ luật Lao động (số 45/2019/QH14);`,
		`45/2019/QH14;based_on`},
	{"code", `Căn cứ Bộ luật Dân sự (số 91/2015/QH13) và Bộ luật Tố tụng dân sự (số 92/2015/QH13);`,
		`91/2015/QH13;based_on | 92/2015/QH13;based_on`},
	{"code", `Nghị định này quy định chi tiết một số điều của Bộ luật Lao động (số 45/2019/QH14) về điều kiện lao động.`,
		`45/2019/QH14;guides`},
	{"ordinance", `Căn cứ Pháp lệnh Phí và lệ phí (số 38/2001/PL-UBTVQH10);`,
		`38/2001/PL-UBTVQH10;based_on`},
	{"capitals", `CĂN CỨ LUẬT ĐẤT ĐAI (SỐ 31/2024/QH15);`,
		`31/2024/QH15;based_on`},
	{"no tones", `Can cu Luat Dat dai (so 31/2024/QH15);`,
		`31/2024/QH15;based_on`},
}

// TestNameParenReview wants every relation of the table right.
func TestNameParenReview(t *testing.T) {
	s := scoreRelations(t, nameParenReview)
	t.Logf("name (number), review: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("name (number), review: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}
