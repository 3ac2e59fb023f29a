package cite

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// annexRelations: a numbered document issued with another one ("Kế hoạch
// số A [ban hành] kèm theo Quyết định số B") is what its place in the
// sentence governs; the decision after "kèm theo" only says where it was
// issued, a mention — not a second item of a list (i31-rev-cite: i31-cite
// read "kèm theo" right after any reference as "và", so the decision was
// replaced, repealed or expired with its plan). Lines written for the test.
var annexRelations = []relCase{
	{"passive", `Kế hoạch số 56/KH-UBND kèm theo Quyết định số 1234/QĐ-UBND được thay thế bởi Kế hoạch số 80/KH-UBND.`,
		`56/KH-UBND;replaces;<80/KH-UBND | 1234/QĐ-UBND;mentions | 80/KH-UBND;replaces;>56/KH-UBND`},
	{"ban hành", `Kế hoạch số 56/KH-UBND ban hành kèm theo Quyết định số 1234/QĐ-UBND được thay thế bởi Kế hoạch số 80/KH-UBND.`,
		`56/KH-UBND;replaces;<80/KH-UBND | 1234/QĐ-UBND;mentions | 80/KH-UBND;replaces;>56/KH-UBND`},
	{"agent", `Chương trình số 05/CTr-UBND kèm theo Quyết định số 99/QĐ-UBND được bãi bỏ bởi Quyết định số 200/QĐ-UBND.`,
		`05/CTr-UBND;repeals;<200/QĐ-UBND | 99/QĐ-UBND;mentions | 200/QĐ-UBND;repeals;>05/CTr-UBND`},
	{"intransitive", `Quy chế số 03/QC-UBND kèm theo Quyết định số 15/2019/QĐ-UBND hết hiệu lực kể từ ngày 01/7/2026.`,
		`03/QC-UBND;expires;;;2026-07-01 | 15/2019/QĐ-UBND;mentions`},
	{"list", `Kế hoạch số 56/KH-UBND, Kế hoạch số 57/KH-UBND kèm theo Quyết định số 1234/QĐ-UBND được thay thế bởi Kế hoạch số 80/KH-UBND.`,
		`56/KH-UBND;replaces;<80/KH-UBND | 57/KH-UBND;replaces;<80/KH-UBND | 1234/QĐ-UBND;mentions | 80/KH-UBND;replaces;>57/KH-UBND`},
	{"active", `Bãi bỏ Kế hoạch số 56/KH-UBND ban hành kèm theo Quyết định số 1234/QĐ-UBND của UBND tỉnh.`,
		`56/KH-UBND;repeals | 1234/QĐ-UBND;mentions`},
	{"active", `Bãi bỏ Đề án số 12/ĐA-UBND kèm theo Quyết định số 345/QĐ-UBND ngày 10/5/2021 của UBND tỉnh Lạng Sơn.`,
		`12/ĐA-UBND;repeals | 345/QĐ-UBND;mentions`},
	{"head", `Thực hiện Kế hoạch số 56/KH-UBND kèm theo Quyết định số 1234/QĐ-UBND của UBND tỉnh, Sở Y tế triển khai như sau:`,
		`56/KH-UBND;implements | 1234/QĐ-UBND;mentions`},
	{"ground", `Căn cứ Quy chế số 03/QC-UBND ban hành kèm theo Quyết định số 15/2019/QĐ-UBND của UBND tỉnh;`,
		`03/QC-UBND;based_on | 15/2019/QĐ-UBND;mentions`},
	{"capitals", `KẾ HOẠCH SỐ 56/KH-UBND KÈM THEO QUYẾT ĐỊNH SỐ 1234/QĐ-UBND ĐƯỢC THAY THẾ BỞI KẾ HOẠCH SỐ 80/KH-UBND.`,
		`56/KH-UBND;replaces;<80/KH-UBND | 1234/QĐ-UBND;mentions | 80/KH-UBND;replaces;>56/KH-UBND`},
	// a decision with its plan attached, two plans, or no number on the
	// attached document: as i31-cite reads them
	{"decision first", `Quyết định số 1234/QĐ-UBND kèm theo Kế hoạch số 56/KH-UBND được thay thế bởi Quyết định số 2001/QĐ-UBND.`,
		`1234/QĐ-UBND;replaces;<2001/QĐ-UBND | 56/KH-UBND;replaces;<2001/QĐ-UBND | 2001/QĐ-UBND;replaces;>56/KH-UBND`},
	{"unnumbered", `Quy chế ban hành kèm theo Quyết định số 15/2019/QĐ-UBND được thay thế bởi Quyết định số 40/2024/QĐ-UBND.`,
		`15/2019/QĐ-UBND;replaces;<40/2024/QĐ-UBND | 40/2024/QĐ-UBND;replaces;>15/2019/QĐ-UBND`},
}

// TestAnnexNotJoint wants every relation of the table right.
func TestAnnexNotJoint(t *testing.T) {
	s := scoreRelations(t, annexRelations)
	t.Logf("annexes: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 || s.effOK != s.effs || s.effFalse > 0 {
		t.Errorf("annexes: relation %d/%d, effective %d/%d (%d false), %d missed, %d extra; want all", s.relOK, s.refs, s.effOK, s.effs, s.effFalse, s.missed, s.extra)
	}
}

// bracketOwnRelations: a number in brackets after a lower-case word of its
// own type ("kế hoạch chi tiết (số …)") is that generic noun's, the
// document the clause makes or names, not the capitalized type word
// further back across a comma ("Thực hiện Kế hoạch của UBND tỉnh, …"):
// as on i31-cite's base, a mention (i31-rev-cite: typeNameBack skipped
// lower-case words). Lines written for the test.
var bracketOwnRelations = []relCase{
	{"plan", `Thực hiện Kế hoạch của UBND tỉnh, Sở Y tế xây dựng kế hoạch chi tiết (số 12/KH-SYT) như sau:`,
		`12/KH-SYT;mentions`},
	{"decision", `Căn cứ Quyết định của UBND tỉnh về giao chỉ tiêu, Sở Tài chính ban hành quyết định (số 45/QĐ-STC) về phân bổ;`,
		`45/QĐ-STC;mentions`},
	{"NFD", norm.NFD.String(`Thực hiện Chỉ thị của Thủ tướng Chính phủ, UBND huyện Bảo Lâm ban hành chỉ thị (số 03/CT-UBND) về phòng, chống thiên tai;`),
		`03/CT-UBND;mentions`},
	// the capitalized word right before, or opening the trích yếu: as
	// i31-cite reads them
	{"capitalized", `Thực hiện Kế hoạch (số 45/KH-UBND) của UBND tỉnh, Sở Y tế triển khai như sau:`,
		`45/KH-UBND;implements`},
	{"trích yếu", `Căn cứ Nghị định quy định chi tiết một số điều của Luật Đất đai (số 102/2024/NĐ-CP);`,
		`102/2024/NĐ-CP;based_on`},
}

// TestBracketOwnNoun wants every relation of the table right.
func TestBracketOwnNoun(t *testing.T) {
	s := scoreRelations(t, bracketOwnRelations)
	t.Logf("bracketed numbers after a generic noun: %s", s)
	if s.relOK != s.refs || s.missed+s.extra > 0 {
		t.Errorf("bracketed numbers after a generic noun: relation %d/%d, %d missed, %d extra; want all", s.relOK, s.refs, s.missed, s.extra)
	}
}
