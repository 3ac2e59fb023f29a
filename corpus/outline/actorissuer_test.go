package outline

import (
	"slices"
	"testing"
)

// TestActorsIssuerSubject: a province's or district's document says what
// its own government gives its departments with that government for the
// subject ("Ủy ban nhân dân tỉnh giao Sở Y tế …", "Chủ tịch UBND huyện
// yêu cầu Công an huyện …"): the passage is addressed to whom it names
// after the verb, not to local government. Local governments as a whole
// ("UBND các xã giao …"), a ministry ("Bộ Công an chỉ đạo …") and a
// government doing the work itself keep their reading. Lines written for
// the test in the shapes of a provincial decision, a district directive
// and a national telegram.
func TestActorsIssuerSubject(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì, phối hợp các đơn vị tổ chức tiêm chủng mở rộng.", []string{"y te"}},
		{"Chủ tịch UBND huyện yêu cầu Công an huyện tăng cường tuần tra, kiểm soát trên các tuyến đường.", []string{"police"}},
		{"UBND thành phố đề nghị Ủy ban Mặt trận Tổ quốc thành phố vận động nhân dân tham gia.", []string{"mat tran"}},
		{"UBND tỉnh yêu cầu các sở, ban, ngành thực hiện tốt các nội dung sau:", nil},
		{"Ủy ban nhân dân các xã giao công chức địa chính rà soát hiện trạng sử dụng đất.", []string{"local"}},
		{"Ủy ban nhân dân tỉnh tổ chức sơ kết, đánh giá kết quả thực hiện.", []string{"local"}},
		{"Bộ Công an chỉ đạo công an các địa phương bảo đảm an ninh trật tự.", []string{"police"}},
		{"Sở Tài chính giao dự toán cho các đơn vị trước ngày 31 tháng 12.", []string{"tai chinh"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestActorsNamedKeyedHead: a head with a key of its own ("Bộ Chỉ huy",
// defence) may carry its name ("Quân sự tỉnh", "Bộ đội Biên phòng
// tỉnh"); the agencies listed after it are read too, as they are after
// "Công an tỉnh". Lines written for the test in a province's plan's shape.
func TestActorsNamedKeyedHead(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh bố trí lực lượng, phương tiện cứu hộ.", []string{"defence", "police"}},
		{"Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng, phương tiện cứu hộ.", []string{"police", "defence"}},
		{"Bộ Chỉ huy Bộ đội Biên phòng tỉnh và Sở Y tế phối hợp kiểm soát dịch bệnh qua biên giới.", []string{"defence", "y te"}},
		{"Bộ Chỉ huy Quân sự tỉnh chủ trì diễn tập phòng thủ khu vực.", []string{"defence"}},
		{"Công an tỉnh tăng cường tuần tra, kiểm soát.", []string{"police"}},
		{"Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức triển khai.", []string{"local"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestActorsMarkedDomain: the domain of a name is read on its words with
// their marks: "Bảo vệ thực vật" is no newspaper ("Báo", media) though
// the two fold alike; the press keeps its key. Lines written for the test.
func TestActorsMarkedDomain(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Cục Bảo vệ thực vật hướng dẫn phòng trừ rầy nâu hại lúa.", []string{"bao ve"}},
		{"Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh tổ chức khám định kỳ.", []string{"bao ve"}},
		{"Đài Truyền hình Việt Nam, Báo Nhân Dân đưa tin thường xuyên.", []string{"media"}},
		{"Đài Phát thanh và Truyền hình tỉnh mở chuyên mục phòng, chống thiên tai.", []string{"media"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestActorsAbbreviatedName: an abbreviated name ("NN&MT", "GD&ĐT") is a
// whole name: the verb after it is not part of it, so "Sở GD&ĐT chủ trì"
// and "Sở GD&ĐT phối hợp" are one agency. A one-letter capital starts a
// name that goes on ("Sở Y tế"). Lines written for the test in a
// district's plan's shape.
func TestActorsAbbreviatedName(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Sở NN&MT chủ trì hướng dẫn nông dân gieo cấy đúng lịch thời vụ.", []string{"nn&mt"}},
		{"Sở GD&ĐT chỉ đạo các trường học cho học sinh nghỉ khi rét đậm.", []string{"gd&dt"}},
		{"Sở GD&ĐT phối hợp kiểm tra an toàn thực phẩm bếp ăn bán trú.", []string{"gd&dt"}},
		{"Sở LĐ-TB&XH, Sở Y tế rà soát đối tượng bảo trợ xã hội.", []string{"ld-tb&xh", "y te"}},
		{"Sở Y tế chủ trì tổ chức tiêm chủng.", []string{"y te"}},
		{"Sở GD&ĐT tỉnh, Sở Y tế phối hợp kiểm tra y tế trường học.", []string{"gd&dt", "y te"}},
		{"Đài PTTH tỉnh, Báo Quảng Ninh đưa tin thường xuyên.", []string{"media"}},
		{"Sở Khoa học và Công nghệ chủ trì thẩm định công nghệ.", []string{"khoa hoc"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
