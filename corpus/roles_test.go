package corpus

import (
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/cite"
)

func TestImplementsCited(t *testing.T) {
	tests := []struct {
		name string
		c    citedAs
		want bool
	}{
		{"scope details it", citedAs{Rel: cite.Guides}, true},
		{"a heading Thực hiện …", citedAs{Rel: cite.Implements, Tasks: true}, true},
		{"a law the text guides", citedAs{Rel: cite.Guides, Statute: true}, true},
		{"a law as ground, with tasks", citedAs{Rel: cite.BasedOn, Statute: true, Tasks: true}, false},
		{"a law named in an item", citedAs{Rel: cite.Mentions, Statute: true, ItemCites: true}, false},
		{"a resolution as ground, with tasks", citedAs{Rel: cite.BasedOn, Tasks: true}, true},
		{"a decree as ground only, no tasks", citedAs{Rel: cite.BasedOn}, false},
		{"a decree as ground, named in an item", citedAs{Rel: cite.BasedOn, ItemCites: true}, true},
		{"another circular's rates", citedAs{Rel: cite.Mentions, ItemCites: true}, true},
		{"repealed, no tasks", citedAs{Rel: cite.Repeals, ItemCites: true}, false},
		{"amended by a plan with tasks", citedAs{Rel: cite.Amends, Tasks: true}, true},
		{"replaced by a plan with tasks", citedAs{Rel: cite.Replaces, Tasks: true}, false},
		{"repealed by a text with tasks", citedAs{Rel: cite.Repeals, Tasks: true}, false},
		{"suspended by a text with tasks", citedAs{Rel: cite.Suspends, Tasks: true}, false},
		{"named only beside its own rule, with tasks", citedAs{Rel: cite.Mentions, Tasks: true, SetAside: true}, false},
		{"named only to leave its cases out, work left to the issuer", citedAs{Rel: cite.Mentions, Assigned: true, SetAside: true}, false},
		{"states it details it, an item sets it aside", citedAs{Rel: cite.Guides, SetAside: true}, true},
	}
	for _, tt := range tests {
		if got := implementsCited(tt.c); got != tt.want {
			t.Errorf("%s: implementsCited(%+v) = %v, want %v", tt.name, tt.c, got, tt.want)
		}
	}
}

func TestStatuteRef(t *testing.T) {
	tests := []struct {
		typ, key string
		want     bool
	}{
		{"Luật", "", true},
		{"Bộ luật", "45/2019/QH14", true},
		{"", "63/2025/QH15", true},
		{"Nghị quyết", "1210/2016/UBTVQH13", true},
		{"Pháp lệnh", "", true},
		{"Nghị định", "45/2030/NĐ-CP", false},
		{"Nghị quyết", "15/2030/NQ-HĐND", false},
		{"Thông tư", "12/2030/TT-BTC", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := statuteRef(tt.typ, tt.key); got != tt.want {
			t.Errorf("statuteRef(%q, %q) = %v, want %v", tt.typ, tt.key, got, tt.want)
		}
	}
}

// roleDocs are written for the test in the shapes of real texts: a law, a
// decree detailing it that leaves a rate to the ministry, a circular
// detailing the decree, a circular of rates taking the first circular's
// rates for one point, a circular that only repeals, a provincial
// council's resolution, the province's plan carrying it out and a
// decision applying its support rate. The law is every text's ground and
// no one's parent but the decree's, which details it.
var roleDocs = []*Document{
	{ID: "luat", Type: "Luật", Number: "10/2030/QH16", Title: "Luật Phí thẩm định số 10/2030/QH16",
		Body: "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về phí thẩm định hồ sơ đầu tư.\nĐiều 2. Mức thu\nMức thu phí thẩm định do cơ quan có thẩm quyền quy định theo chi phí thực tế."},
	{ID: "nd", Type: "Nghị định", Number: "45/2030/NĐ-CP", Title: "Nghị định số 45/2030/NĐ-CP quy định chi tiết một số điều của Luật Phí thẩm định số 10/2030/QH16",
		Body: "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Phí thẩm định số 10/2030/QH16;\nĐiều 7. Mức thu phí\n1. Phí thẩm định hồ sơ đầu tư thu theo từng hồ sơ.\n3. Bộ trưởng Bộ Tài chính quy định mức thu phí thẩm định đối với từng loại hồ sơ."},
	{ID: "tt-detail", Type: "Thông tư", Number: "12/2030/TT-BTC", Title: "Thông tư số 12/2030/TT-BTC quy định mức thu phí thẩm định hồ sơ đầu tư",
		Body: "Căn cứ Luật Phí thẩm định số 10/2030/QH16;\nCăn cứ Nghị định số 45/2030/NĐ-CP ngày 02 tháng 3 năm 2030 của Chính phủ quy định chi tiết một số điều của Luật Phí thẩm định;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết khoản 3 Điều 7 của Nghị định số 45/2030/NĐ-CP.\nĐiều 2. Mức thu\n1. Hồ sơ dự án nhóm A: 8.000.000 đồng/hồ sơ.\n2. Hồ sơ dự án nhóm B: 5.000.000 đồng/hồ sơ."},
	{ID: "tt-rates", Type: "Thông tư", Number: "20/2030/TT-BTC", Title: "Thông tư số 20/2030/TT-BTC quy định mức thu phí thẩm định hồ sơ cấp phép khai thác",
		Body: "Căn cứ Luật Phí thẩm định số 10/2030/QH16;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định mức thu phí thẩm định hồ sơ cấp phép khai thác.\nĐiều 2. Mức thu\n1. Hồ sơ cấp mới: 3.000.000 đồng/hồ sơ.\n2. Hồ sơ gia hạn: mức thu thực hiện theo quy định tại khoản 2 Điều 2 Thông tư số 12/2030/TT-BTC."},
	{ID: "tt-repeal", Type: "Thông tư", Number: "30/2030/TT-BTC", Title: "Thông tư số 30/2030/TT-BTC bãi bỏ Thông tư số 99/2020/TT-BTC",
		Body: "**Căn cứ:**\n- Luật Phí thẩm định số 10/2030/QH16; Nghị định số 45/2030/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Phí thẩm định;\nĐiều 1. Bãi bỏ văn bản\nBãi bỏ toàn bộ Thông tư số 99/2020/TT-BTC của Bộ trưởng Bộ Tài chính.\nĐiều 2. Hiệu lực thi hành\nThông tư này có hiệu lực thi hành kể từ ngày ký."},
	{ID: "tt-left", Type: "Thông tư", Number: "40/2030/TT-BTC", Title: "Thông tư số 40/2030/TT-BTC quy định mức thu phí thẩm định hồ sơ dự án nhóm C",
		Body: "Căn cứ Luật Phí thẩm định số 10/2030/QH16;\nCăn cứ Nghị định số 45/2030/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Phí thẩm định, được sửa đổi, bổ sung bởi Nghị định số 46/2031/NĐ-CP;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định mức thu phí thẩm định hồ sơ dự án nhóm C.\nĐiều 2. Mức thu\nHồ sơ dự án nhóm C: 2.000.000 đồng/hồ sơ."},
	{ID: "tt-replace", Type: "Thông tư", Number: "41/2030/TT-BTC", Title: "Thông tư số 41/2030/TT-BTC quy định mức thu phí thẩm định hồ sơ điều chỉnh dự án",
		Body: "Căn cứ Nghị định số 45/2030/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Phí thẩm định;\nĐiều 1. Mức thu\nHồ sơ điều chỉnh dự án: 1.000.000 đồng/hồ sơ.\nĐiều 2. Hiệu lực thi hành\nThông tư này có hiệu lực kể từ ngày 01 tháng 7 năm 2030 và thay thế Thông tư số 98/2020/TT-BTC."},
	{ID: "tt-other", Type: "Thông tư", Number: "51/2030/TT-BXD", Title: "Thông tư số 51/2030/TT-BXD hướng dẫn lập hồ sơ thiết kế",
		Body: "Căn cứ Nghị định số 45/2030/NĐ-CP của Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định thành phần hồ sơ thiết kế công trình.\nĐiều 2. Thành phần hồ sơ\nHồ sơ thiết kế gồm bản vẽ và thuyết minh."},
	{ID: "nq-hdnd", Type: "Nghị quyết", Number: "15/2030/NQ-HĐND", Title: "Nghị quyết số 15/2030/NQ-HĐND quy định mức hỗ trợ học nghề cho lao động nông thôn",
		Body: "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nCăn cứ Luật Phí thẩm định số 10/2030/QH16;\nQUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh\nNghị quyết này quy định mức hỗ trợ học nghề cho lao động nông thôn trên địa bàn tỉnh.\nĐiều 2. Mức hỗ trợ\n1. Hỗ trợ chi phí học nghề tối đa 4.000.000 đồng/người/khóa học.\n2. Hỗ trợ tiền ăn 50.000 đồng/người/ngày thực học.\nĐiều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.\n2. Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết."},
	{ID: "kh", Type: "Kế hoạch", Number: "60/KH-UBND", Title: "Kế hoạch số 60/KH-UBND hỗ trợ học nghề cho lao động nông thôn năm 2031",
		Body: "Căn cứ Luật Phí thẩm định số 10/2030/QH16;\nCăn cứ Nghị quyết số 15/2030/NQ-HĐND của Hội đồng nhân dân tỉnh;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm lao động nông thôn được hỗ trợ học nghề đúng đối tượng.\nII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì rà soát nhu cầu học nghề của lao động nông thôn, hoàn thành trong Quý I/2031.\n2. Sở Tài chính tham mưu bố trí kinh phí hỗ trợ chi phí học nghề và tiền ăn cho người học."},
	{ID: "qd", Type: "Quyết định", Number: "150/QĐ-UBND", Title: "Quyết định số 150/QĐ-UBND về mức hỗ trợ đào tạo nghề cho người khuyết tật",
		Body: "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nQUYẾT ĐỊNH:\nĐiều 1. Mức hỗ trợ\nNgười khuyết tật tham gia học nghề được hỗ trợ tiền ăn theo mức quy định tại khoản 2 Điều 2 Nghị quyết số 15/2030/NQ-HĐND.\nĐiều 2. Hiệu lực thi hành\nQuyết định này có hiệu lực kể từ ngày ký."},
}

// TestRolesByCitation: a text implements what it states it details, what
// an item of its articles names, and, when it assigns tasks, what it
// cites but a statute named as a ground; before and after the task table.
func TestRolesByCitation(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutBatch(roleDocs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, parents, implementers string
	}{
		{"luat", "", "45/2030/NĐ-CP"},                                          // the decree states it details it (its title); the other texts name it as a ground
		{"nd", "10/2030/QH16", "12/2030/TT-BTC 40/2030/TT-BTC 41/2030/TT-BTC"}, // details the law; the circulars detailing it or writing what it leaves to the ministry, not the repealing one nor another ministry's
		{"tt-detail", "45/2030/NĐ-CP", "20/2030/TT-BTC"},                       // its scope article; the rates circular takes its rate
		{"tt-rates", "12/2030/TT-BTC", ""},                                     // named in its rate for one point
		{"tt-left", "45/2030/NĐ-CP", ""},                                       // the decree leaves the rate to the Bộ Tài chính
		{"tt-replace", "45/2030/NĐ-CP", ""},                                    // writes the rate the decree leaves, replacing an older circular
		{"tt-other", "", ""},                                                   // the Bộ Xây dựng: a ground only
		{"tt-repeal", "", ""},                                                  // grounds only, and a repeal
		{"nq-hdnd", "", "150/QĐ-UBND 60/KH-UBND"},                              // tasks, but its grounds are statutes
		{"kh", "15/2030/NQ-HĐND", ""},                                          // tasks under a resolution's căn cứ
		{"qd", "15/2030/NQ-HĐND", ""},                                          // applies the resolution's rate
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
			if p, im := numbers(r.Parents), numbers(r.Implementers); p != tt.parents || im != tt.implementers {
				t.Errorf("Role(%s), synced %v = parents %q, implementers %q; want %q, %q", tt.id, synced, p, im, tt.parents, tt.implementers)
			}
		}
	}
}

func TestAssigns(t *testing.T) {
	tests := []struct {
		body, ministry string
		want           bool
	}{
		{"3. Bộ trưởng Bộ Tài chính quy định mức thu phí thẩm định.", "Bộ Tài chính", true},
		{"a) Bộ Xây dựng hướng dẫn phương pháp xác định chỉ số giá;", "Bộ Xây dựng", true},
		{"Định mức dự toán do Bộ Xây dựng\nban hành được áp dụng thống nhất.", "Bộ Xây dựng", true}, // wrapped
		{"Hồ sơ lập theo quy định của Bộ trưởng Bộ Tài chính.", "Bộ Tài chính", false},
		{"Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan theo dõi việc thi hành và hướng dẫn", "Bộ Tài chính", false},
		{"3. Bộ trưởng Bộ Tài chính quy định mức thu phí thẩm định.", "Bộ Y tế", false},
		{"Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.", "", false},
		// an older text's issuer, a report sent to the ministry (review6)
		{"Quyết toán theo Thông tư số 12/2029/TT-BTC của Bộ trưởng Bộ Tài chính quy định về quản lý kinh phí.", "Bộ Tài chính", false},
		{"Thông tư số 05/2028/TT-BXD của Bộ Xây dựng hướng dẫn xác định chi phí.", "Bộ Xây dựng", false},
		{"Các bộ gửi báo cáo về Bộ Tài chính theo quy định tại Điều 9.", "Bộ Tài chính", false},
		{"Giao Bộ Tài chính quy định chi tiết mẫu biểu.", "Bộ Tài chính", true},
		// difficulties sent up to the ministry, whose guidance is asked: no work left to it (i25-null)
		{"Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Bộ Tài chính để được hướng dẫn giải quyết.", "Bộ Tài chính", false},
		{"Vướng mắc gửi về Bộ Xây dựng\nđể hướng dẫn xử lý.", "Bộ Xây dựng", false}, // wrapped
		{"Có khó khăn thì báo cáo về Bộ trưởng Bộ Nội vụ để hướng dẫn.", "Bộ Nội vụ", false},
		{"Bộ Tài chính hướng dẫn việc quyết toán kinh phí; đề nghị phản ánh về Bộ Tài chính.", "Bộ Tài chính", true},
	}
	for _, tt := range tests {
		if got := assigns(tt.body, tt.ministry); got != tt.want {
			t.Errorf("assigns(%q, %q) = %v, want %v", tt.body, tt.ministry, got, tt.want)
		}
	}
}

func TestMinistryOf(t *testing.T) {
	tests := map[string]string{
		"38/2030/TT-BXD":       "Bộ Xây dựng",
		"12/2030/TT-BTC":       "Bộ Tài chính",
		"60/KH-UBND":           "",
		"45/2030/NĐ-CP":        "",
		"15/2030/NQ-HĐND":      "",
		"":                     "",
		"02/2030/TTLT-BTC-BYT": "",
	}
	for number, want := range tests {
		if got := ministryOf(number); got != want {
			t.Errorf("ministryOf(%q) = %q, want %q", number, got, want)
		}
	}
}

// TestExcepted: a reference named to exclude or compare, on lines written
// for the review; places and words that only look alike are not.
func TestExcepted(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"2. Thông tư này không áp dụng đối với việc định giá đất quy định tại ", true},
		{"Bản đồ lập theo tỷ lệ 1/1000, trừ trường hợp quy định tại Điều 2 ", true},
		{"Doanh nghiệp khởi nghiệp công nghệ cao ngoài được hưởng các chính sách\nquy định tại ", true},
		{"Mức chi tăng 10% so với mức quy định tại ", true},
		{"Hồ sơ gia hạn: mức thu thực hiện theo quy định tại khoản 2 Điều 2 ", false},
		{"Hỗ trợ nhà đầu tư nước ngoài theo quy định tại ", false},
		{"Kinh phí thuê trụ sở thực hiện theo ", false},
		{"Lương thực dự trữ quốc gia xuất cấp theo ", false},
		{"Không áp dụng mức cũ. Mức chi thực hiện theo ", false}, // another sentence
	}
	for _, tt := range tests {
		if got := excepted(tt.before); got != tt.want {
			t.Errorf("excepted(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}
