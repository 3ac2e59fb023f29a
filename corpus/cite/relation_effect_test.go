package cite

import "testing"

// effectRelations are sentences written for these tests (the demo's "tỉnh
// Phú An" and made-up numbers, in the phrasing of decrees, decisions and
// resolutions), labelled from the rules before the parser was run: what a
// staff member asks of them is whether the cited document still applies.
//
//   - "bổ sung" (and "điều chỉnh") amend only when the object is the text or
//     a provision of it; funds, capital, lists, tasks and targets added "tại"
//     a document leave it as it was (additionOnly);
//   - a change has its object right after its verb: "bổ sung tại Nghị quyết
//     số …" names where something was given, not what is amended;
//   - "thay thế" of a phrase, a word, a point, an article or an appendix is an
//     amendment of a part: only the whole text, or the regulation a decision
//     issued, is replaced (partReplaced).
var effectRelations = []struct {
	name    string
	in      string
	key     string
	rel     Relation
	by      bool
	partial bool
}{
	// "bổ sung": a provision or the text
	{"amend some articles", `Sửa đổi, bổ sung một số điều của Nghị định số 41/2023/NĐ-CP ngày 12 tháng 5 năm 2023 của Chính phủ quy định về quản lý chợ.`,
		"41/2023/NĐ-CP", Amends, false, true},
	{"add an article", `Bổ sung Điều 5a vào sau Điều 5 của Nghị định số 41/2023/NĐ-CP như sau:`,
		"41/2023/NĐ-CP", Amends, false, true},
	{"add a clause", `Bổ sung khoản 3 vào Điều 7 Quyết định số 18/2024/QĐ-UBND ngày 03/4/2024 của UBND tỉnh Phú An.`,
		"18/2024/QĐ-UBND", Amends, false, true},
	{"add to an attached regulation", `Bổ sung điểm d vào khoản 2 Điều 4 Quy định ban hành kèm theo Quyết định số 18/2024/QĐ-UBND.`,
		"18/2024/QĐ-UBND", Amends, false, true},
	{"adjust some content", `Điều chỉnh một số nội dung của Quyết định số 2209/QĐ-UBND ngày 14/8/2025 của UBND tỉnh Phú An.`,
		"2209/QĐ-UBND", Amends, false, true},
	{"amend with an object", `Sửa đổi tên gọi của Quyết định số 2209/QĐ-UBND ngày 14/8/2025 của UBND tỉnh Phú An.`,
		"2209/QĐ-UBND", Amends, false, false},
	{"add content to a clause", `Bổ sung nội dung sau vào cuối khoản 2 Điều 5 của Nghị định số 41/2023/NĐ-CP:`,
		"41/2023/NĐ-CP", Amends, false, true},
	{"add a task to a section", `Bổ sung nhiệm vụ tại mục II Kế hoạch số 45/KH-UBND ngày 02/3/2025 của UBND tỉnh Phú An như sau:`,
		"45/KH-UBND", Amends, false, true},
	{"passive amended at", `Quy định ban hành kèm theo Quyết định số 36/2021/QĐ-UBND đã được sửa đổi, bổ sung tại Quyết định số 12/2023/QĐ-UBND.`,
		"12/2023/QĐ-UBND", Amends, true, false},

	// "bổ sung": funds, capital, lists, tasks
	{"funds given at", `Ngân hàng sử dụng nguồn vốn được giao bổ sung tại Nghị quyết số 512/NQ-CP ngày 04 tháng 9 năm 2025 của Chính phủ để cho vay hộ nghèo.`,
		"512/NQ-CP", Mentions, false, false},
	{"funds added at", `Bổ sung kinh phí 20 tỷ đồng cho huyện Tân Phú tại Quyết định số 731/QĐ-UBND ngày 02/10/2025 của UBND tỉnh.`,
		"731/QĐ-UBND", Mentions, false, false},
	{"capital plan at", `Bộ Tài chính bổ sung kế hoạch vốn đầu tư công năm 2025 cho các địa phương tại Nghị quyết số 512/NQ-CP.`,
		"512/NQ-CP", Mentions, false, false},
	{"beneficiaries at", `Bổ sung danh sách đối tượng được hỗ trợ tại Quyết định số 731/QĐ-UBND ngày 02/10/2025 của UBND tỉnh.`,
		"731/QĐ-UBND", Mentions, false, false},
	{"adjust capital at", `Điều chỉnh kế hoạch vốn năm 2025 của các dự án tại Quyết định số 731/QĐ-UBND ngày 02/10/2025 của UBND tỉnh.`,
		"731/QĐ-UBND", Mentions, false, false},
	{"amended at, active", `Các khoản phí thực hiện theo biểu phí (đã sửa đổi tại Nghị định số 77/2025/NĐ-CP).`,
		"77/2025/NĐ-CP", Mentions, false, false},
	{"implements at", "a) Chi công tác phí: Thực hiện theo quy định tại Thông tư số 61/2019/TT-BTC.",
		"61/2019/TT-BTC", Implements, false, false},

	// a passive without "được": the reference right before it, its
	// subject ("A (sửa đổi, bổ sung tại B)"), is amended by B
	{"bare passive in brackets", `Căn cứ Nghị định số 41/2023/NĐ-CP (sửa đổi, bổ sung tại Nghị định số 15/2025/NĐ-CP) của Chính phủ;`,
		"15/2025/NĐ-CP", Amends, true, false},
	{"bare passive, no comma", `Nghị định số 41/2023/NĐ-CP (sửa đổi bổ sung tại Nghị định số 15/2025/NĐ-CP)`,
		"15/2025/NĐ-CP", Amends, true, false},
	{"bare passive after comma", `Định mức lớp học thực hiện theo quy định tại Thông tư số 12/2021/TT-BYT ngày 02/6/2021, sửa đổi bổ sung tại Thông tư số 08/2024/TT-BYT.`,
		"08/2024/TT-BYT", Amends, true, false},
	{"bare passive, some articles by", `Luật Đất đai số 31/2024/QH15 (sửa đổi, bổ sung một số điều theo Luật số 43/2024/QH15);`,
		"43/2024/QH15", Amends, true, true},
	{"bare passive with đã", `Các khoản chi thực hiện theo Thông tư số 40/2017/TT-BTC (đã sửa đổi tại Thông tư số 12/2025/TT-BTC).`,
		"12/2025/TT-BTC", Amends, true, false},
	{"bare passive, subject amended", `Các khoản chi thực hiện theo Thông tư số 40/2017/TT-BTC (đã sửa đổi tại Thông tư số 12/2025/TT-BTC).`,
		"40/2017/TT-BTC", Amends, false, false},
	{"bare addition after comma: funds", `Kinh phí thực hiện theo Quyết định số 731/QĐ-UBND ngày 02/10/2025, bổ sung tại Quyết định số 802/QĐ-UBND ngày 11/11/2025.`,
		"802/QĐ-UBND", Mentions, false, false},
	{"bare passive of a list's second verb", `Thông tư số 05/2019/TT-BKHCN sửa đổi, bổ sung một số điều của Thông tư số 11/2014/TT-BKHCN và sửa đổi, bổ sung tại Điều 1 Thông tư số 02/2023/TT-BKHCN`,
		"02/2023/TT-BKHCN", Mentions, false, false},

	// an adjustment of a plan's time or schedule amends it (partly); a
	// verb inside the object ("thời gian thực hiện") is not the relation
	{"adjust implementation time at", `Điều chỉnh thời gian thực hiện tại Kế hoạch số 45/KH-UBND ngày 02/3/2025 của UBND tỉnh Phú An.`,
		"45/KH-UBND", Amends, false, true},
	{"adjust deadline at", `Điều chỉnh thời hạn hoàn thành nhiệm vụ tại Kế hoạch số 112/KH-UBND ngày 20/5/2025 của UBND huyện Tân Phú.`,
		"112/KH-UBND", Amends, false, true},
	{"adjust progress of", `Điều chỉnh tiến độ thực hiện các dự án tại Quyết định số 2209/QĐ-UBND ngày 14/8/2025 của UBND tỉnh Phú An.`,
		"2209/QĐ-UBND", Amends, false, true},
	{"funds to implement at", `Bổ sung kinh phí thực hiện tại Quyết định số 731/QĐ-UBND ngày 02/10/2025 của UBND tỉnh.`,
		"731/QĐ-UBND", Mentions, false, false},

	{"to consider amending", `Đề nghị Bộ Giáo dục và Đào tạo xem xét, sửa đổi quy định về số lớp tối đa tại Thông tư số 31/2021/TT-BGDĐT.`,
		"31/2021/TT-BGDĐT", Mentions, false, false},
	{"to consider, own line", `2) Xem xét sửa đổi định mức tại Thông tư số 31/2021/TT-BGDĐT cho phù hợp với thực tế.`,
		"31/2021/TT-BGDĐT", Mentions, false, false},

	// "thay thế": the whole text, or a part of it
	{"replace whole", `Nghị định này thay thế Nghị định số 64/2019/NĐ-CP ngày 16 tháng 7 năm 2019 của Chính phủ.`,
		"64/2019/NĐ-CP", Replaces, false, false},
	{"replace whole in effect article", `Quyết định này có hiệu lực kể từ ngày 01/01/2026 và thay thế Quyết định số 48/2020/QĐ-UBND ngày 11/11/2020 của UBND tỉnh Phú An.`,
		"48/2020/QĐ-UBND", Replaces, false, false},
	{"replace attached regulation", `Quyết định này thay thế Quy chế phối hợp ban hành kèm theo Quyết định số 48/2020/QĐ-UBND ngày 11/11/2020 của UBND tỉnh.`,
		"48/2020/QĐ-UBND", Replaces, false, true},
	{"replace a phrase", `Thay thế cụm từ “Sở Kế hoạch và Đầu tư” bằng cụm từ “Sở Tài chính” tại điểm b khoản 2 Điều 5 Nghị định số 64/2019/NĐ-CP.`,
		"64/2019/NĐ-CP", Amends, false, true},
	{"replace a word", `Thay thế từ “huyện” bằng từ “xã” tại Điều 3 Quyết định số 48/2020/QĐ-UBND.`,
		"48/2020/QĐ-UBND", Amends, false, true},
	{"replace in part", `Nghị định này thay thế một phần các quy định tại Nghị định số 64/2019/NĐ-CP.`,
		"64/2019/NĐ-CP", Amends, false, true},
	{"replace an appendix", `Thay thế Phụ lục III ban hành kèm theo Thông tư số 27/2022/TT-BYT bằng Phụ lục I ban hành kèm theo Thông tư này.`,
		"27/2022/TT-BYT", Amends, false, true},
	{"replace a form", `Thay thế Mẫu số 04 kèm theo Thông tư số 27/2022/TT-BYT bằng Mẫu số 04 kèm theo Thông tư này.`,
		"27/2022/TT-BYT", Amends, false, true},
	{"article replaced by, passive", `Điều 9 Nghị định số 64/2019/NĐ-CP được thay thế bởi Điều 2 Nghị định số 15/2025/NĐ-CP.`,
		"15/2025/NĐ-CP", Amends, true, true},
	{"replaced by, passive", `Nghị định số 64/2019/NĐ-CP đã được thay thế bởi Nghị định số 15/2025/NĐ-CP.`,
		"15/2025/NĐ-CP", Replaces, true, false},

	// repeal and expiry keep their reading
	{"partial repeal", `Bãi bỏ khoản 2 Điều 3 Quyết định số 48/2020/QĐ-UBND ngày 11/11/2020 của UBND tỉnh Phú An.`,
		"48/2020/QĐ-UBND", Repeals, false, true},
	{"expires", `Quyết định số 48/2020/QĐ-UBND ngày 11/11/2020 của UBND tỉnh Phú An hết hiệu lực kể từ ngày 01 tháng 3 năm 2026.`,
		"48/2020/QĐ-UBND", Expires, false, false},
}

// TestRelationEffect wants every sentence's relation, direction and
// partiality right.
func TestRelationEffect(t *testing.T) {
	for _, c := range effectRelations {
		t.Run(c.name, func(t *testing.T) {
			var got *Ref
			refs := ParseRefs(c.in)
			for i := range refs {
				if refs[i].Key == c.key {
					got = &refs[i]
				}
			}
			if got == nil {
				t.Fatalf("%s: no reference %s in %+v", c.in, c.key, refs)
			}
			if got.Relation != c.rel || got.By != c.by || got.Partial != c.partial {
				t.Errorf("%s\n got %s by=%v partial=%v (part %q)\nwant %s by=%v partial=%v", c.in, got.Relation, got.By, got.Partial, got.Part, c.rel, c.by, c.partial)
			}
		})
	}
}
