package app

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
)

// TestNumberDotAfterOtherCode (i27-numkey): a document numbered with a dot
// after a code no type has ("125/UBND.VX", "25/SXD.QLN": a unit's code run
// into the issuer's) and cited by another as "125/UBND", "25/SXD" is one
// document to the graph (`vanban refs`: its cited-by and the number's
// documents), to roles (the plan's parent), to its page's cited-by and to
// the search: the index read its number 125/ubnd while the graph read
// 125/ubnd-vx, so the page listed no citing plan and the plan no parent.
// The reverse too: "412/STC" cited as "412/STC.NS" (cite made no
// reference of it). Lines written for the test; numbers made up.
func TestNumberDotAfterOtherCode(t *testing.T) {
	tests := []struct {
		number, citedAs string // the document's own number, as the plan cites it
		cv, kh          *corpus.Document
	}{
		{"125/UBND.VX", "125/UBND",
			&corpus.Document{URL: "http://tinh.test/cv-125", Type: "Công văn", Number: "125/UBND.VX", Issuer: "Ủy ban nhân dân tỉnh", Published: "2030-03-05",
				Title: "Công văn số 125/UBND.VX về việc tăng cường phòng, chống dịch sốt xuất huyết",
				Body:  "Kính gửi: Sở Y tế; Ủy ban nhân dân các huyện, thành phố.\nTrước tình hình dịch sốt xuất huyết diễn biến phức tạp, Ủy ban nhân dân tỉnh yêu cầu:\n1. Sở Y tế chủ trì giám sát chặt chẽ các ổ dịch, tổ chức phun hóa chất diệt muỗi tại các xã có ca bệnh.\n2. Ủy ban nhân dân các huyện, thành phố huy động lực lượng tổng vệ sinh môi trường, diệt lăng quăng."},
			&corpus.Document{URL: "http://tinh.test/kh-30", Type: "Kế hoạch", Number: "30/KH-SYT", Issuer: "Sở Y tế", Published: "2030-03-12",
				Title: "Kế hoạch số 30/KH-SYT phòng, chống dịch sốt xuất huyết năm 2030",
				Body:  "Thực hiện Công văn số 125/UBND ngày 05/3/2030 của Ủy ban nhân dân tỉnh về việc tăng cường phòng, chống dịch sốt xuất huyết, Sở Y tế ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nKhống chế kịp thời các ổ dịch, không để dịch lan rộng.\nII. NHIỆM VỤ\n1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì giám sát các ổ dịch, phun hóa chất diệt muỗi tại các xã có ca bệnh, hoàn thành trong tháng 4/2030.\n2. Bệnh viện đa khoa tỉnh bảo đảm giường bệnh và thuốc điều trị cho người bệnh sốt xuất huyết."}},
		{"25/SXD.QLN", "25/SXD",
			&corpus.Document{URL: "http://sxd.test/cv-25", Type: "Công văn", Number: "25/SXD.QLN", Issuer: "Sở Xây dựng", Published: "2030-05-20",
				Title: "Công văn số 25/SXD.QLN về việc rà soát nhà chung cư cũ xuống cấp",
				Body:  "Kính gửi: Ủy ban nhân dân các quận, huyện.\nThực hiện chỉ đạo của Ủy ban nhân dân thành phố, Sở Xây dựng đề nghị:\n1. Ủy ban nhân dân các quận, huyện rà soát, thống kê các nhà chung cư cũ xuống cấp trên địa bàn, gửi về Sở trước ngày 30/6/2030.\n2. Lập danh mục nhà chung cư nguy hiểm cần di dời khẩn cấp."},
			&corpus.Document{URL: "http://quan.test/kh-88", Type: "Kế hoạch", Number: "88/KH-UBND", Issuer: "Ủy ban nhân dân quận Ba Đình", Published: "2030-06-01",
				Title: "Kế hoạch số 88/KH-UBND rà soát nhà chung cư cũ trên địa bàn quận",
				Body:  "Thực hiện Công văn số 25/SXD ngày 20/5/2030 của Sở Xây dựng về việc rà soát nhà chung cư cũ xuống cấp, Ủy ban nhân dân quận ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nNắm chắc hiện trạng các nhà chung cư cũ trên địa bàn quận.\nII. NHIỆM VỤ\n1. Phòng Quản lý đô thị chủ trì rà soát, thống kê các nhà chung cư cũ xuống cấp, hoàn thành trước ngày 25/6/2030.\n2. Ủy ban nhân dân các phường phối hợp lập danh mục nhà chung cư nguy hiểm cần di dời."}},
		// the reverse: the document's number has no dot, the plan's
		// reference has one
		{"412/STC", "412/STC.NS",
			&corpus.Document{URL: "http://stc.test/cv-412", Type: "Công văn", Number: "412/STC", Issuer: "Sở Tài chính", Published: "2030-07-10",
				Title: "Công văn số 412/STC về việc lập dự toán ngân sách năm 2031",
				Body:  "Kính gửi: Các sở, ban, ngành; Ủy ban nhân dân các huyện.\nĐể chuẩn bị xây dựng dự toán ngân sách năm 2031, Sở Tài chính đề nghị:\n1. Các đơn vị lập dự toán thu, chi ngân sách năm 2031 gửi về Sở Tài chính trước ngày 31/7/2030.\n2. Thuyết minh chi tiết các khoản chi đầu tư phát triển."},
			&corpus.Document{URL: "http://huyen.test/kh-150", Type: "Kế hoạch", Number: "150/KH-UBND", Issuer: "Ủy ban nhân dân huyện Đông Anh", Published: "2030-07-15",
				Title: "Kế hoạch số 150/KH-UBND lập dự toán ngân sách huyện năm 2031",
				Body:  "Thực hiện Công văn số 412/STC.NS ngày 10/7/2030 của Sở Tài chính về việc lập dự toán ngân sách năm 2031, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nDự toán sát thực tế, đúng thời hạn.\nII. NHIỆM VỤ\n1. Phòng Tài chính - Kế hoạch chủ trì tổng hợp dự toán thu, chi ngân sách huyện năm 2031, hoàn thành trước ngày 25/7/2030.\n2. Các xã, thị trấn lập dự toán ngân sách xã gửi Phòng Tài chính - Kế hoạch."}},
		// a dot after a later code (i28-refs): the plan 89/KH-UBND.VX had
		// no key at all, cited as 89/KH-UBND
		{"89/KH-UBND.VX", "89/KH-UBND",
			&corpus.Document{URL: "http://huyen.test/kh-88", Type: "Kế hoạch", Number: "89/KH-UBND.VX", Issuer: "Ủy ban nhân dân huyện Gia Lâm", Published: "2030-03-02",
				Title: "Kế hoạch số 89/KH-UBND.VX phòng, chống dịch bệnh truyền nhiễm năm 2030",
				Body:  "Nhằm chủ động phòng, chống dịch bệnh truyền nhiễm trên địa bàn huyện, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nPhát hiện sớm, khoanh vùng, xử lý kịp thời các ổ dịch.\nII. NHIỆM VỤ\n1. Trung tâm Y tế huyện chủ trì giám sát dịch bệnh tại các xã, thị trấn.\n2. Ủy ban nhân dân các xã, thị trấn tổ chức tổng vệ sinh môi trường hằng tháng."},
			&corpus.Document{URL: "http://xa.test/kh-12", Type: "Kế hoạch", Number: "12/KH-UBND", Issuer: "Ủy ban nhân dân xã Bát Tràng", Published: "2030-03-10",
				Title: "Kế hoạch số 12/KH-UBND phòng, chống dịch bệnh truyền nhiễm trên địa bàn xã",
				Body:  "Thực hiện Kế hoạch số 89/KH-UBND ngày 02/3/2030 của Ủy ban nhân dân huyện Gia Lâm về phòng, chống dịch bệnh truyền nhiễm năm 2030, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nKhông để dịch bệnh lây lan trong cộng đồng.\nII. NHIỆM VỤ\n1. Trạm Y tế xã chủ trì giám sát dịch bệnh, báo cáo ca bệnh về Trung tâm Y tế huyện.\n2. Các thôn tổ chức tổng vệ sinh môi trường vào ngày cuối tuần."}},
		// and the reverse: cited with the unit's code after a dot
		{"1234/UBND-KT", "1234/UBND-KT.TH",
			&corpus.Document{URL: "http://tinh.test/cv-1234", Type: "Công văn", Number: "1234/UBND-KT", Issuer: "Ủy ban nhân dân tỉnh", Published: "2030-04-07",
				Title: "Công văn số 1234/UBND-KT về việc báo cáo tình hình thực hiện đầu tư công",
				Body:  "Kính gửi: Các sở, ban, ngành; Ủy ban nhân dân các huyện.\nĐể đánh giá tình hình giải ngân vốn đầu tư công, Ủy ban nhân dân tỉnh yêu cầu:\n1. Các chủ đầu tư báo cáo tiến độ giải ngân từng dự án trước ngày 15/4/2030.\n2. Sở Kế hoạch và Đầu tư tổng hợp, đề xuất điều chuyển vốn."},
			&corpus.Document{URL: "http://huyen.test/kh-61", Type: "Kế hoạch", Number: "61/KH-UBND", Issuer: "Ủy ban nhân dân huyện Sóc Sơn", Published: "2030-04-10",
				Title: "Kế hoạch số 61/KH-UBND đẩy nhanh giải ngân vốn đầu tư công năm 2030",
				Body:  "Thực hiện Công văn số 1234/UBND-KT.TH ngày 07/4/2030 của Ủy ban nhân dân tỉnh về việc báo cáo tình hình thực hiện đầu tư công, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nGiải ngân hết vốn được giao.\nII. NHIỆM VỤ\n1. Ban Quản lý dự án huyện chủ trì đẩy nhanh tiến độ thi công, hoàn thành trước ngày 30/6/2030.\n2. Phòng Tài chính - Kế hoạch tổng hợp báo cáo giải ngân hằng tháng."}},
	}
	data := t.TempDir()
	s, err := corpus.OpenStore(data, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[*corpus.Document]string{}
	for _, tt := range tests {
		for _, d := range []*corpus.Document{tt.cv, tt.kh} {
			if _, err := s.Put(d); err != nil {
				t.Fatal(err)
			}
			ids[d] = d.ID // Put sets it
		}
	}
	for _, tt := range tests {
		cv, kh := ids[tt.cv], ids[tt.kh]
		for _, typed := range []string{tt.number, tt.citedAs} {
			if got, err := s.CitedBy(typed); err != nil || !contains(got, kh) {
				t.Errorf("graph: CitedBy(%q) = %v, %v; want the plan %s", typed, got, err, kh)
			}
			if got, err := s.ByNumber(typed); err != nil || !contains(got, cv) {
				t.Errorf("graph: ByNumber(%q) = %v, %v; want %s", typed, got, err, cv)
			}
		}
		r, err := s.Role(kh)
		if err != nil {
			t.Fatal(err)
		}
		if p := docNumbers(r.Parents); p != tt.number {
			t.Errorf("roles: the plan %s's parents %q, want %q", tt.kh.Number, p, tt.number)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v (%s)", err, stderr)
	}

	for _, tt := range tests {
		out, _, err := call(t, data, RunRefs, RefsOptions{Arg: ids[tt.cv]})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "cited by") || !strings.Contains(out, tt.kh.Number) {
			t.Errorf("vanban refs %s (%s): no cited-by naming %s:\n%s", ids[tt.cv], tt.number, tt.kh.Number, out)
		}
		out, _, err = call(t, data, RunRefs, RefsOptions{Arg: ids[tt.kh]})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "  → "+ids[tt.cv]+"\n") {
			t.Errorf("vanban refs %s: the reference %s resolves to no %s:\n%s", tt.kh.Number, tt.citedAs, ids[tt.cv], out)
		}
		for _, q := range []string{tt.number, tt.citedAs} {
			out, _, err := call(t, data, RunSearch, SearchOptions{Query: q, Limit: 5, JSON: true})
			if err != nil {
				t.Fatal(err)
			}
			var res struct {
				Hits []struct {
					ID string `json:"id"`
				} `json:"hits"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].ID != ids[tt.cv] {
				t.Errorf("search %q: hits %v, want %s first", q, res.Hits, ids[tt.cv])
			}
		}
	}

	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	srv := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, nil))
	defer srv.Close()
	for _, tt := range tests {
		if body := httpBody(t, srv.URL+"/doc/"+ids[tt.cv]); !strings.Contains(body, `href="/doc/`+ids[tt.kh]+`"`) {
			t.Errorf("GET /doc/%s (%s): no link to the citing plan %s", ids[tt.cv], tt.number, tt.kh.Number)
		}
		if body := httpBody(t, srv.URL+"/doc/"+ids[tt.kh]); !strings.Contains(body, `href="/doc/`+ids[tt.cv]+`"`) {
			t.Errorf("GET /doc/%s (%s): no link to the cited %s", ids[tt.kh], tt.kh.Number, tt.number)
		}
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func docNumbers(rs []link.DocRef) string {
	var ns []string
	for _, r := range rs {
		ns = append(ns, r.Number)
	}
	return strings.Join(ns, " ")
}
