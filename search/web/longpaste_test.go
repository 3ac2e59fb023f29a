package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// quyChe is a regulation's text, written for the test: six articles of a
// working regulation, some 500 words.
var quyChe = strings.Join([]string{
	"Điều 1. Phạm vi điều chỉnh. Quy chế này quy định về nguyên tắc, chế độ trách nhiệm, lề lối làm việc, quan hệ công tác và trình tự giải quyết công việc của Ủy ban nhân dân tỉnh.",
	"Điều 2. Nguyên tắc làm việc. Ủy ban nhân dân tỉnh làm việc theo chế độ tập thể kết hợp với trách nhiệm của Chủ tịch và cá nhân các thành viên; mỗi việc chỉ giao cho một cơ quan, đơn vị, một người chủ trì và chịu trách nhiệm chính.",
	"Bảo đảm sự lãnh đạo của Tỉnh ủy, sự giám sát của Hội đồng nhân dân tỉnh; tuân thủ trình tự, thủ tục và thời hạn giải quyết công việc theo đúng quy định của pháp luật, chương trình, kế hoạch và quy chế làm việc.",
	"Điều 3. Trách nhiệm của Chủ tịch Ủy ban nhân dân tỉnh. Lãnh đạo, điều hành công việc của Ủy ban nhân dân tỉnh, các thành viên Ủy ban nhân dân tỉnh; chỉ đạo việc chuẩn bị các đề án, dự thảo văn bản trình Hội đồng nhân dân tỉnh.",
	"Phân công nhiệm vụ cho các Phó Chủ tịch; ủy quyền cho một Phó Chủ tịch điều hành công việc của Ủy ban khi Chủ tịch vắng mặt; tạm đình chỉ việc thi hành văn bản trái pháp luật của cơ quan chuyên môn.",
	"Điều 4. Trách nhiệm của Phó Chủ tịch. Giúp Chủ tịch chỉ đạo, điều hành một số lĩnh vực công tác được phân công; chịu trách nhiệm trước Chủ tịch và trước Ủy ban nhân dân tỉnh về các quyết định chỉ đạo, điều hành của mình.",
	"Chủ động xử lý công việc được phân công; nếu có vấn đề liên quan đến lĩnh vực do Phó Chủ tịch khác phụ trách thì trực tiếp phối hợp giải quyết; trường hợp còn ý kiến khác nhau thì báo cáo Chủ tịch quyết định.",
	"Điều 5. Trách nhiệm của Giám đốc sở. Tham mưu cho Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh ban hành các quyết định, chỉ thị, kế hoạch, chương trình phát triển ngành, lĩnh vực được giao quản lý trên địa bàn.",
	"Tổ chức thực hiện và kiểm tra việc thực hiện các văn bản quy phạm pháp luật, quy hoạch, kế hoạch sau khi được phê duyệt; thông tin, tuyên truyền, hướng dẫn, phổ biến, giáo dục pháp luật về lĩnh vực được giao.",
	"Điều 6. Chế độ họp. Ủy ban nhân dân tỉnh họp thường kỳ mỗi tháng một lần; họp chuyên đề hoặc họp để giải quyết công việc phát sinh đột xuất theo quyết định của Chủ tịch hoặc theo yêu cầu của ít nhất một phần ba tổng số thành viên.",
	"Tài liệu phục vụ phiên họp được gửi đến các thành viên chậm nhất ba ngày làm việc trước ngày họp; thành viên vắng mặt phải báo cáo và được Chủ tịch đồng ý, có ý kiến bằng văn bản về các nội dung của phiên họp.",
}, "\n")

// TestLongPaste: staff paste a paragraph of a text to find the text — here
// 400 words, some 2,400 bytes. A query over 1000 bytes was refused (400,
// "longer than 1000 bytes"); it is now searched by its words up to the
// 1000th byte, cut between words, and the answer says so (q_cut; the
// page: a note). One word longer than 1000 bytes is still refused.
func TestLongPaste(t *testing.T) {
	docs := append(numberDocs(), &corpus.Document{ID: "quy-che", Type: "Quyết định", Number: "25/2025/QĐ-UBND", Published: "2025-06-01",
		Title: "Quyết định số 25/2025/QĐ-UBND ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh", Body: quyChe})
	h := textService(t, docs)
	words := strings.Fields(quyChe)
	for len(words) < 400 {
		words = append(words, strings.Fields(quyChe)...)
	}
	paste := strings.Join(words[20:420], " ")
	if len(paste) < 2000 {
		t.Fatalf("paste of %d bytes", len(paste))
	}
	body := serve(t, h, "/api/search?q="+url.QueryEscape(paste), 200)
	var res struct {
		search.Result
		Cut bool `json:"q_cut"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "quy-che" || !res.Cut {
		t.Errorf("a pasted paragraph: cut %v, %d hits, first %+v; want quy-che, cut", res.Cut, len(res.Hits), res.Hits)
	}
	page := serve(t, h, "/?q="+url.QueryEscape(paste), 200)
	if !strings.Contains(page, "25/2025/QĐ-UBND") || !strings.Contains(page, "1000 byte") {
		t.Errorf("the page of a pasted paragraph lacks the hit or the note of the cut")
	}
	serve(t, h, "/api/search?q="+strings.Repeat("x", 10000), 400)
	short := serve(t, h, "/api/search?q="+url.QueryEscape("quy chế làm việc"), 200)
	if strings.Contains(short, "q_cut") {
		t.Errorf("a short query says it was cut: %.200s", short)
	}
}

// TestCutQuery: the cut keeps whole words (never a rune split, never
// past 1000 bytes) and refuses a text without a space to cut at.
func TestCutQuery(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"quy chế", "quy chế", true},
		{strings.Repeat("ủy ", 400), strings.TrimSpace(strings.Repeat("ủy ", 200)), true},
		{strings.Repeat("a", 999) + " bcd", strings.Repeat("a", 999), true},
		{strings.Repeat("a", 1000) + " bcd", strings.Repeat("a", 1000), true},
		{strings.Repeat("a", 1001) + " bcd", "", false},
		{strings.Repeat("đ", 600), "", false},
		// not inside a number typed with spaces (i31-rev-search): the cut
		// backs off to the space before it
		{pad(993) + "nd 30 /2020/NĐ-CP về văn thư", pad(993) + "nd", true},
		{pad(992) + "số 30/ 2020/NĐ-CP về văn thư", pad(992) + "số", true},
		{pad(990) + "vốn 30 000 tỷ đồng", pad(990) + "vốn", true},
		{pad(992) + "57-NQ /TW ngày 22", strings.TrimSpace(pad(992)), true},
		{pad(990) + "lớp 10 năm học", pad(990) + "lớp 10", true},                                           // a number before a word: cut after it
		{strings.TrimSpace(strings.Repeat("1 ", 600)), strings.TrimSpace(strings.Repeat("1 ", 500)), true}, // digits alone: cut all the same
	} {
		got, ok := cutQuery(tt.in)
		if got != tt.want || ok != tt.ok || len(got) > 1000 {
			t.Errorf("cutQuery(%.20q… %d bytes) = %.20q… (%d bytes), %v; want %d bytes, %v", tt.in, len(tt.in), got, len(got), ok, len(tt.want), tt.ok)
		}
	}
}

// pad is n bytes of words ending with a space: "ủy ban ủy ban …" then
// "a " to the byte.
func pad(n int) string {
	var b strings.Builder
	for b.Len()+len("ủy ban ") <= n {
		b.WriteString("ủy ban ")
	}
	for b.Len() < n-1 {
		b.WriteString("a ")
	}
	if b.Len() < n {
		b.WriteString(" ")
	}
	return b.String()
}
