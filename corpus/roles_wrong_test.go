package corpus

import (
	"testing"
	"time"
)

// wrongParentDocs are written for the review (docs/log/i24-review6.md) in
// shapes outside TestRolesByCitation's: texts naming a document to exclude
// it, to compare with it, in a title of another's text, or as the law a
// plan's step follows, none of which details or carries the document out.
var wrongParentDocs = []*Document{
	{ID: "luat-dd", Type: "Luật", Number: "20/2031/QH16", Title: "Luật Đất đai số 20/2031/QH16",
		Body: "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về chế độ sở hữu đất đai.\nĐiều 2. Giá đất\nGiá đất do Ủy ban nhân dân cấp tỉnh quyết định theo bảng giá đất."},
	{ID: "nd-gia", Type: "Nghị định", Number: "71/2031/NĐ-CP", Title: "Nghị định số 71/2031/NĐ-CP quy định về giá đất",
		Body: "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về phương pháp định giá đất.\nĐiều 5. Chi phí định giá\n1. Chi phí định giá đất được bố trí từ ngân sách nhà nước.\n2. Việc quyết toán chi phí thực hiện theo Thông tư số 12/2029/TT-BTC của Bộ trưởng Bộ Tài chính quy định về quản lý kinh phí.\n3. Các bộ, ngành gửi báo cáo về Bộ Tài chính theo quy định tại Điều 9 Nghị định này."},
	{ID: "nd-khac", Type: "Nghị định", Number: "72/2031/NĐ-CP", Title: "Nghị định số 72/2031/NĐ-CP quy định về bồi thường khi Nhà nước thu hồi đất",
		Body: "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về bồi thường, hỗ trợ khi Nhà nước thu hồi đất.\nĐiều 2. Mức bồi thường\nMức bồi thường về đất được tính theo giá đất cụ thể."},
	// the ministry's circular: grounds name the decree, the scope the law
	{ID: "tt-huongdan", Type: "Thông tư", Number: "05/2032/TT-BTNMT", Title: "Thông tư số 05/2032/TT-BTNMT hướng dẫn thực hiện Luật Đất đai",
		Body: "Căn cứ Luật Đất đai số 20/2031/QH16;\nCăn cứ Nghị định số 71/2031/NĐ-CP của Chính phủ quy định về giá đất;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện Luật Đất đai số 20/2031/QH16 về hồ sơ địa chính.\nĐiều 2. Hồ sơ địa chính\nHồ sơ địa chính gồm sổ địa chính và bản đồ địa chính."},
	// a Bộ Tài chính circular: grounds name the decree, whose only words on
	// the ministry are a title of an older circular and reports sent to it
	{ID: "tt-btc", Type: "Thông tư", Number: "08/2032/TT-BTC", Title: "Thông tư số 08/2032/TT-BTC quy định mức thu lệ phí trước bạ",
		Body: "Căn cứ Nghị định số 71/2031/NĐ-CP của Chính phủ quy định về giá đất;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định mức thu lệ phí trước bạ đối với nhà ở.\nĐiều 2. Mức thu\nMức thu lệ phí trước bạ đối với nhà ở là 0,5%."},
	// an item names the decree only to exclude it
	{ID: "tt-loai", Type: "Thông tư", Number: "09/2032/TT-BTNMT", Title: "Thông tư số 09/2032/TT-BTNMT quy định kỹ thuật đo đạc địa chính",
		Body: "Căn cứ Nghị định số 71/2031/NĐ-CP của Chính phủ quy định về giá đất;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định kỹ thuật đo đạc địa chính.\nĐiều 2. Đối tượng áp dụng\n1. Thông tư này áp dụng đối với cơ quan quản lý đất đai.\n2. Thông tư này không áp dụng đối với việc định giá đất quy định tại Nghị định số 71/2031/NĐ-CP.\nĐiều 3. Đo đạc\nViệc đo đạc thực hiện bằng máy toàn đạc."},
	{ID: "tt-tru", Type: "Thông tư", Number: "10/2032/TT-BTNMT", Title: "Thông tư số 10/2032/TT-BTNMT quy định lập bản đồ địa chính",
		Body: "Căn cứ Nghị định số 72/2031/NĐ-CP của Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định lập bản đồ địa chính.\nĐiều 2. Bản đồ\nBản đồ địa chính lập theo tỷ lệ 1/1000, trừ trường hợp quy định tại Điều 2 Nghị định số 72/2031/NĐ-CP."},
	// a provincial plan whose step follows the law: the law no parent
	{ID: "kh-dd", Type: "Kế hoạch", Number: "88/KH-UBND", Title: "Kế hoạch số 88/KH-UBND đo đạc lập bản đồ địa chính năm 2032",
		Body: "I. MỤC ĐÍCH, YÊU CẦU\nHoàn thành đo đạc bản đồ địa chính trên địa bàn tỉnh.\nII. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chủ trì đo đạc, lập bản đồ địa chính, hoàn thành trong Quý IV/2032.\n2. Ủy ban nhân dân cấp huyện tổ chức công khai giá đất, thực hiện theo quy định tại Luật Đất đai số 20/2031/QH16."},
	// a plan replacing an older plan of the province: no implementer of it
	{ID: "kh-cu", Type: "Kế hoạch", Number: "50/KH-UBND", Title: "Kế hoạch số 50/KH-UBND chuyển đổi số năm 2031",
		Body: "I. MỤC ĐÍCH, YÊU CẦU\nĐẩy mạnh chuyển đổi số.\nII. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong Quý IV/2031.\n2. Sở Nội vụ số hóa hồ sơ cán bộ, công chức."},
	{ID: "kh-moi", Type: "Kế hoạch", Number: "90/KH-UBND", Title: "Kế hoạch số 90/KH-UBND chuyển đổi số năm 2032",
		Body: "I. MỤC ĐÍCH, YÊU CẦU\nTiếp tục đẩy mạnh chuyển đổi số.\nII. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì vận hành nền tảng chia sẻ dữ liệu, hoàn thành trong Quý IV/2032.\n2. Sở Y tế triển khai hồ sơ sức khỏe điện tử.\nIII. TỔ CHỨC THỰC HIỆN\nKế hoạch này thay thế Kế hoạch số 50/KH-UBND ngày 10 tháng 01 năm 2031 của Ủy ban nhân dân tỉnh."},
}

// TestRolesWrongParents: a text is no implementer of a document its
// grounds name while its scope details another, of one an item names to
// exclude it, of a decree whose only words on the text's ministry are an
// older circular's title or a report sent to it, nor a plan of a law its
// step follows.
func TestRolesWrongParents(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutBatch(wrongParentDocs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, parents string
	}{
		{"tt-huongdan", "20/2031/QH16"}, // states it guides the law; the decree a ground
		{"tt-btc", ""},                  // the decree leaves the Bộ Tài chính nothing
		{"tt-loai", ""},                 // excluded
		{"tt-tru", ""},                  // an exception
		{"kh-dd", ""},                   // follows the law
		{"kh-moi", ""},                  // replaces the older plan
	}
	for _, synced := range []bool{false, true} {
		if synced {
			if _, err := s.SyncTasks(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range tests {
			r, err := s.Role(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if p := numbers(r.Parents); p != tt.parents {
				t.Errorf("Role(%s), synced %v: parents %q, want %q", tt.id, synced, p, tt.parents)
			}
		}
		// and none is listed among the implementers of the documents it
		// does not implement
		for _, id := range []string{"nd-gia", "nd-khac", "kh-cu", "luat-dd"} {
			r, err := s.Role(id)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"luat-dd": "05/2032/TT-BTNMT"}[id]
			if im := numbers(r.Implementers); im != want {
				t.Errorf("Role(%s), synced %v: implementers %q, want %q", id, synced, im, want)
			}
		}
	}
}

// TestRolesNoPassages: a plan with tasks citing a letter with no passages
// neither implements it nor is listed as its implementer, before the task
// table is computed as after (its task header names only parents with
// passages). Lines written for the review.
func TestRolesNoPassages(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	docs := []*Document{
		{ID: "cv", Type: "Công văn", Number: "812/UBND-KT", Title: "Công văn số 812/UBND-KT về việc báo cáo tình hình thu phí",
			Body: "Kính gửi: Các sở, ban, ngành.\nỦy ban nhân dân tỉnh đề nghị các đơn vị báo cáo tình hình thu phí trước ngày 15 hằng tháng."},
		{ID: "kh", Type: "Kế hoạch", Number: "61/KH-UBND", Title: "Kế hoạch số 61/KH-UBND kiểm tra thu phí năm 2031",
			Body: "Căn cứ Công văn số 812/UBND-KT của Ủy ban nhân dân tỉnh;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm thu phí đúng quy định.\nII. NHIỆM VỤ\n1. Sở Tài chính chủ trì kiểm tra việc thu phí, hoàn thành trong Quý II/2031.\n2. Thanh tra tỉnh phối hợp kiểm tra các đơn vị thu phí."},
	}
	if _, err := s.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	for _, synced := range []bool{false, true} {
		if synced {
			if _, err := s.SyncTasks(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range []string{"cv", "kh"} {
			r, err := s.Role(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Parents)+len(r.Implementers) > 0 {
				t.Errorf("Role(%s), synced %v = parents %q, implementers %q; want none", id, synced, numbers(r.Parents), numbers(r.Implementers))
			}
		}
	}
}
