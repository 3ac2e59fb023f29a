package cite

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestTitles: the title that follows a reference, as written by
// provincial plans and ministries' letters (lines written for this test,
// not from the linking sets).
func TestTitles(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"about, to the sentence end",
			"Triển khai Quyết định số 1234/QĐ-TTg ngày 05/3/2024 của Thủ tướng Chính phủ về phát triển ngành thủy sản bền vững. Sở Nông nghiệp chủ trì.",
			[]string{"về phát triển ngành thủy sản bền vững"}},
		{"a verb opener, to the semicolon",
			"Thực hiện Nghị định số 45/2023/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Dầu khí; báo cáo kết quả trước ngày 30/6.",
			[]string{"quy định chi tiết một số điều của Luật Dầu khí"}},
		{"after a Party issuer's term",
			"Quán triệt Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về nông nghiệp, nông dân, nông thôn đến năm 2030 (sau đây gọi là Nghị quyết 19)",
			[]string{"về nông nghiệp, nông dân, nông thôn đến năm 2030"}},
		{"two references, each its title",
			"theo Luật số 20/2023/QH15 về giao dịch điện tử và Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
			[]string{"về giao dịch điện tử và", "về bảo vệ dữ liệu cá nhân"}},
		{"no issuer, to a colon",
			"Các sở thực hiện Chỉ thị 05/CT-UBND về tăng cường kỷ cương hành chính: rà soát thủ tục.",
			[]string{"về tăng cường kỷ cương hành chính"}},
		{"a comma: the sentence goes on, no title",
			"Căn cứ Nghị định số 15/2020/NĐ-CP, các sở về làm việc với Ủy ban.",
			nil},
		{"the action after the reference is not a title",
			"Theo Kế hoạch số 88/KH-UBND ngày 02/02/2024 của UBND tỉnh, Sở Y tế tổ chức tiêm chủng.",
			nil},
		{"no reference", "Tổ chức hội nghị về phát triển du lịch.", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Titles(tt.in, ParseRefs(tt.in)) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Titles(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzTitles: the spans lie inside the text, in order, after their
// references and not over the next one, on rune boundaries.
//
//	go test ./corpus/cite -run '^$' -fuzz FuzzTitles -fuzztime 60s
func FuzzTitles(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	f.Add("Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học; và")
	f.Add("Nghị quyết số 5-NQ/TW của Ban Chấp hành Trung ương khóa XII về")
	f.Add("Luật số 1/2020/QH14 về A. Nghị định 2/2021/NĐ-CP quy định B khóa")
	f.Fuzz(func(t *testing.T, in string) {
		refs := ParseRefs(in)
		last := 0
		for _, sp := range Titles(in, refs) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(in) {
				t.Fatalf("Titles(%q): span [%d,%d) after %d", in, sp.Start, sp.End, last)
			}
			if !utf8.ValidString(in) {
				continue
			}
			if !utf8.RuneStart(in[sp.Start]) || (sp.End < len(in) && !utf8.RuneStart(in[sp.End])) {
				t.Fatalf("Titles(%q): span [%d,%d) splits a rune", in, sp.Start, sp.End)
			}
			for _, r := range refs {
				if sp.Start < r.End && r.Start < sp.End {
					t.Fatalf("Titles(%q): span [%d,%d) over reference %q", in, sp.Start, sp.End, r.Text)
				}
			}
			last = sp.End
		}
	})
}
