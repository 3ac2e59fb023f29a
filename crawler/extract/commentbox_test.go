package extract

import (
	"strings"
	"testing"
)

// Lines written for the test in the shapes of provincial portals', news
// sites' and blog themes' comment boxes.
func TestCommentHeading(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Ý kiến bạn đọc", true},
		{"Ý KIẾN BẠN ĐỌC", true},
		{"Gửi ý kiến", true},
		{"Gửi ý kiến của bạn:", true},
		{"Danh sách bình luận", true},
		{"Bình luận (4)", true},
		{"12 bình luận", true},
		{"Viết bình luận", true},
		{"Góp ý của bạn", true},
		{"Leave a Reply", true},
		{"Post a comment", true},
		{"3 Comments", true},
		{"Join the discussion", true},
		{"Deixe um comentário", true},
		{"Ý kiến của Bộ Tư pháp về dự thảo nghị định", false},
		{"Bình luận viên thể thao", false},
		{"Lấy ý kiến nhân dân về dự thảo sửa đổi Hiến pháp", false},
		{"Comments on the draft law are due by 30 June.", false},
		{"Nội dung", false},
	}
	for _, tt := range tests {
		if got := commentHeading(tt.line); got != tt.want {
			t.Errorf("commentHeading(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestFormLabel(t *testing.T) {
	for _, l := range []string{"Họ và tên (*)", "Họ tên:", "Email *", "Địa chỉ email", "Nội dung:", "Mã xác nhận",
		"Nhập mã bảo vệ", "Gửi", "Nhập lại", "Your email", "Website", "Post Comment"} {
		if !formLabel(l) {
			t.Errorf("formLabel(%q) = false, want true", l)
		}
	}
	for _, l := range []string{"Nội dung chính của kế hoạch", "Gửi các sở, ngành", "Tên đề án: Chuyển đổi số", "Email us at hello@example.com"} {
		if formLabel(l) {
			t.Errorf("formLabel(%q) = true, want false", l)
		}
	}
}

// TestCommentBoxLines: a comment box's heading is dropped anywhere; a
// form's labels only under it — "Nội dung" heading a section of the text
// stays.
func TestCommentBoxLines(t *testing.T) {
	para := "Ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác dân vận năm 2024, biểu dương 12 tập thể và 20 cá nhân."
	in := strings.Join([]string{para, "Nội dung", para, para, "Ý kiến bạn đọc", "Họ và tên (*)", "Email (*)", "Nội dung:", "Mã xác nhận", "Gửi"}, "\n")
	want := strings.Join([]string{para, "Nội dung", para, para}, "\n")
	if got, _ := dropBoilerLines(in); got != want {
		t.Errorf("dropBoilerLines:\ngot  %q\nwant %q", got, want)
	}
}
