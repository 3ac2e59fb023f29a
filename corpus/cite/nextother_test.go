package cite

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// scanNext is hotUntil's walk as it was before freeze: every later
// reference looked at until one stops it (quadratic in the references of
// one key). The differential tests compare freeze's table with it.
func scanNext(p *relPass, i int) int {
	for j := i + 1; j < len(p.refs); j++ {
		if p.stops(i, j) {
			return j
		}
	}
	return len(p.refs)
}

// checkNext relates the references of text as run does and then checks,
// for every reference, that freeze's next equals the old walk.
func checkNext(t *testing.T, text string) {
	t.Helper()
	refs := parseRefs(text)
	if len(refs) == 0 {
		return
	}
	p := newRelPass(text, refs, &docFacts{s: text, refs: refs})
	for i := range p.refs {
		p.relate(i)
	}
	for i := range p.out {
		if !p.out[i].done {
			t.Fatalf("%q: reference %d not related after relate (freeze reads every reference as related)", text, i)
		}
	}
	p.predated()
	want := make([]int, len(p.refs))
	for i := range want {
		want[i] = scanNext(p, i)
	}
	p.freeze()
	for i := range want {
		if got := p.nextOther(i); got != want[i] {
			t.Fatalf("%q: reference %d (%s) stops at %d, the walk at %d", text, i, p.refs[i].Key, got, want[i])
		}
	}
}

// TestFreezeSameAsWalk: the table freeze builds gives every reference the
// stop the old walk found, on lines with repeated keys, trích yếu with
// references embedded, lists and generated mixtures of them.
func TestFreezeSameAsWalk(t *testing.T) {
	lines := []string{
		"Thực hiện Công văn số 125/UBND-VX ngày 3/4/2030 của UBND tỉnh, Công văn số 125/UBND-VX ngày 5/4/2030 và Công văn số 126/UBND-VX.",
		"Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND của UBND tỉnh Bình Dương hết hiệu lực kể từ ngày 01/7/2030.",
		"Căn cứ Thông tư số 50/2030/TT-BTC hướng dẫn Nghị định số 73/2029/NĐ-CP ngày 01 tháng 7 năm 2029 của Chính phủ; Nghị định số 73/2029/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 45/2030/NĐ-CP;",
		"Kế hoạch số 88/KH-UBND ngày 2/3/2030 triển khai Quyết định số 15/QĐ-TTg; Kế hoạch số 88/KH-UBND có hiệu lực từ ngày ký; Quyết định số 15/QĐ-TTg.",
		"Công văn số 25/SXD.QLN ngày 20/5/2030; Công văn số 25/SXD.QLN ngày 21/5/2030; Công văn số 25/SXD ngày 22/5/2030.",
	}
	for _, l := range lines {
		checkNext(t, l)
	}
	pieces := []string{
		"Công văn số 125/UBND-VX ngày %d/4/2030",
		"Công văn số 126/UBND-VX",
		"Quyết định số 15/QĐ-TTg ngày %d/1/2030 về việc phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP",
		"Nghị định số 73/2029/NĐ-CP",
		"Nghị định số 45/2030/NĐ-CP có hiệu lực từ ngày %d/7/2030",
		"Thông tư số 50/2030/TT-BTC hướng dẫn Luật số 31/2030/QH16",
		"được sửa đổi bởi Nghị định số 45/2030/NĐ-CP",
	}
	seps := []string{", ", "; ", " và ", ".\n", " (", ") ", " hết hiệu lực; "}
	r := rand.New(rand.NewPCG(28, 1))
	for range 300 {
		var sb strings.Builder
		for k := r.IntN(40) + 1; k > 0; k-- {
			p := pieces[r.IntN(len(pieces))]
			if strings.Contains(p, "%d") {
				p = fmt.Sprintf(p, r.IntN(28)+1)
			}
			sb.WriteString(p)
			sb.WriteString(seps[r.IntN(len(seps))])
		}
		checkNext(t, sb.String())
	}
}

// FuzzFreeze runs the same comparison on fuzzed text.
//
//	go test ./corpus/cite -run '^$' -fuzz FuzzFreeze -fuzztime 30s
func FuzzFreeze(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	f.Add(manyRefsText(20, "125/UBND-VX"))
	f.Add(manyRefsText(20, "25/SXD.QLN"))
	f.Fuzz(func(t *testing.T, in string) {
		checkNext(t, in)
	})
}
