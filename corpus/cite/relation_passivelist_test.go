package cite

import "testing"

// passiveListRelations (i30-cite): a passive after a list of references
// that opens its clause is said of every item of the list ("A, B và C được
// thay thế bởi D": all three are replaced), as an intransitive predicate
// is ("A, B và C hết hiệu lực"). Not across ";" (the next clause of a list
// of grounds), not to a list after a head or a preposition ("Căn cứ A, B
// và C được sửa đổi bởi D", "theo quy định tại A, B và C được sửa đổi bởi
// D": the passive is said of C, the item it follows), not into a trích yếu
// (an active verb crossed), and not to a statute the agent cannot change
// (force.go). A passive whose agent is the text itself ("được thay thế
// bởi Quyết định này") is the text's act. Lines written for this test, and
// two from govdocs (marked).
var passiveListRelations = []relCase{
	// the brief's line: every item replaced
	{"list", `Nghị định số 10/2020/NĐ-CP, Nghị định số 11/2021/NĐ-CP và Thông tư số 5/2022/TT-BTC được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;replaces;<20/2024/NĐ-CP | 11/2021/NĐ-CP;replaces;<20/2024/NĐ-CP | 5/2022/TT-BTC;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>5/2022/TT-BTC`},
	{"list", `Quyết định số 12/2019/QĐ-UBND ngày 04/3/2019 của UBND tỉnh Nghệ An và Quyết định số 30/2020/QĐ-UBND ngày 15/9/2020 của UBND tỉnh Nghệ An được sửa đổi, bổ sung bởi Quyết định số 07/2025/QĐ-UBND.`,
		`12/2019/QĐ-UBND;amends;<07/2025/QĐ-UBND | 30/2020/QĐ-UBND;amends;<07/2025/QĐ-UBND | 07/2025/QĐ-UBND;amends;>30/2020/QĐ-UBND`},
	{"list", `Thông tư số 01/2021/TT-BYT, Thông tư số 02/2022/TT-BYT hoặc Thông tư số 03/2023/TT-BYT đã được thay thế bởi Thông tư số 15/2025/TT-BYT.`,
		`01/2021/TT-BYT;replaces;<15/2025/TT-BYT | 02/2022/TT-BYT;replaces;<15/2025/TT-BYT | 03/2023/TT-BYT;replaces;<15/2025/TT-BYT | 15/2025/TT-BYT;replaces;>03/2023/TT-BYT`},
	// a short trích yếu of each item ("về …", no verb) keeps the list
	{"list", `Nghị định số 10/2020/NĐ-CP về phí bảo vệ môi trường, Nghị định số 11/2021/NĐ-CP về lệ phí trước bạ và Thông tư số 5/2022/TT-BTC được thay thế bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;replaces;<20/2024/NĐ-CP | 11/2021/NĐ-CP;replaces;<20/2024/NĐ-CP | 5/2022/TT-BTC;replaces;<20/2024/NĐ-CP | 20/2024/NĐ-CP;replaces;>5/2022/TT-BTC`},
	// a passive without agent ending its clause
	{"list", `Quyết định số 10/2020/QĐ-UBND, Quyết định số 11/2021/QĐ-UBND bị bãi bỏ.`,
		`10/2020/QĐ-UBND;repeals | 11/2021/QĐ-UBND;repeals`},
	// a list before parentheses (i29-cite's Left)
	{"list", `Quyết định số 15/QĐ-TTg, Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP) được thay thế bởi Quyết định số 20/QĐ-TTg.`,
		`15/QĐ-TTg;replaces;<20/QĐ-TTg | 16/QĐ-TTg;replaces;<20/QĐ-TTg | 73/2029/NĐ-CP;mentions | 20/QĐ-TTg;replaces;>16/QĐ-TTg`},
	// the text itself the agent ("bởi Quyết định này"): the text acts, as
	// "Quyết định này thay thế …" does, on one item or a list
	{"self agent", `Quyết định số 11/2019/QĐ-UBND, Quyết định số 12/2020/QĐ-UBND và Quyết định số 13/2021/QĐ-UBND về lò mổ gia súc được thay thế bởi Quyết định này.`,
		`11/2019/QĐ-UBND;replaces | 12/2020/QĐ-UBND;replaces | 13/2021/QĐ-UBND;replaces`},
	{"self agent", `Điều 27 Nghị định số 58/2029/NĐ-CP được sửa đổi, bổ sung bởi Nghị định này như sau:`,
		`58/2029/NĐ-CP;amends;;Điều 27`},
	{"self agent", `Quyết định số 13/2021/QĐ-UBND bị bãi bỏ bởi Quyết định này.`,
		`13/2021/QĐ-UBND;repeals`},
	// a statute the agent cannot change stays a mention; a law changes both
	{"statute", `Luật Đất đai số 45/2013/QH13 và Nghị định số 43/2014/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 01/2017/NĐ-CP.`,
		`45/2013/QH13;mentions | 43/2014/NĐ-CP;amends;<01/2017/NĐ-CP | 01/2017/NĐ-CP;amends;>43/2014/NĐ-CP`},
	{"statute", `Nghị định số 43/2014/NĐ-CP và Luật Đất đai số 45/2013/QH13 được sửa đổi, bổ sung bởi Luật số 35/2018/QH14.`,
		`43/2014/NĐ-CP;amends;<35/2018/QH14 | 45/2013/QH13;amends;<35/2018/QH14 | 35/2018/QH14;amends;>45/2013/QH13`},

	// not across ";" nor under a head: separate clauses of a list of grounds
	{"grounds", `Căn cứ Nghị định số 10/2020/NĐ-CP; Nghị định số 11/2021/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 20/2024/NĐ-CP;`,
		`10/2020/NĐ-CP;based_on | 11/2021/NĐ-CP;based_on | 20/2024/NĐ-CP;amends;>11/2021/NĐ-CP`},
	{"grounds", `Căn cứ Nghị định số 15/2018/NĐ-CP, Nghị định số 77/2016/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 08/2019/NĐ-CP;`,
		`15/2018/NĐ-CP;based_on | 77/2016/NĐ-CP;based_on | 08/2019/NĐ-CP;amends;>77/2016/NĐ-CP`},
	// govdocs (a decree's transitional article): the list follows "theo quy
	// định tại"; only the decree before the passive was amended by it
	{"govdocs", `Các hồ sơ đề nghị chuyển đổi nhà trẻ, trường mẫu giáo, trường mầm non đã nộp cho cơ quan có thẩm quyền theo quy định tại Nghị định số 142/2025/NĐ-CP, Nghị định số 143/2025/NĐ-CP và Nghị định số 15/2019/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 24/2022/NĐ-CP trước ngày Nghị định này có hiệu lực thi hành thì tiếp tục thực hiện.`,
		`142/2025/NĐ-CP;mentions | 143/2025/NĐ-CP;mentions | 15/2019/NĐ-CP;amends;<24/2022/NĐ-CP | 24/2022/NĐ-CP;amends;>15/2019/NĐ-CP`},
	// govdocs (a decree's căn cứ): the laws listed are grounds, the passive
	// after the last is the last law's
	{"govdocs", `Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13, Luật Công đoàn số 50/2024/QH15, Luật Thanh niên số 57/2020/QH14 và Luật Thực hiện dân chủ cơ sở số 10/2022/QH15 đã được sửa đổi, bổ sung một số điều theo Luật số 47/2024/QH15 đã được sửa đổi, bổ sung một số điều bởi Luật số 97/2025/QH15;`,
		`75/2015/QH13;based_on | 50/2024/QH15;based_on | 57/2020/QH14;based_on | 10/2022/QH15;based_on | 47/2024/QH15;amends;>10/2022/QH15 | 97/2025/QH15;amends;>47/2024/QH15`},
	// a trích yếu: "và" joins its verb's objects (the list rule of
	// walklist.go), the passive is the nearer reference's only
	{"trích yếu", `Nghị định số 10/2020/NĐ-CP quy định chi tiết Luật Phí và lệ phí và Nghị định số 11/2021/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 20/2024/NĐ-CP.`,
		`10/2020/NĐ-CP;mentions | 11/2021/NĐ-CP;guides;<10/2020/NĐ-CP | 20/2024/NĐ-CP;amends;>11/2021/NĐ-CP`},
}

// TestPassiveList wants every relation of the table right.
func TestPassiveList(t *testing.T) {
	s := scoreRelations(t, passiveListRelations)
	t.Logf("passive lists: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("passive lists: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}
