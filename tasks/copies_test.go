package tasks

import (
	"context"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestCopiesOneRow: the same document stored several times (a circular
// collected from three pages, its number and date the same, one copy
// without its date) lists each task once, from one copy; another
// province's plan that happens to carry the same number (another date, or
// another site) keeps its own rows; a copy asked for by its ID still
// answers. Documents written for the test.
func TestCopiesOneRow(t *testing.T) {
	circular := func(url, date, extra string) *corpus.Document {
		return &corpus.Document{URL: url, Site: "", Type: "Thông tư", Number: "41/2027/TT-BYT", Published: date,
			Title: "Thông tư số 41/2027/TT-BYT hướng dẫn tiêm chủng mở rộng",
			Body: "Căn cứ Nghị quyết số 15/NQ-HĐND;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn tổ chức tiêm chủng mở rộng.\n" +
				"Điều 8. Tổ chức thực hiện\n1. Sở Y tế các tỉnh chỉ đạo các trạm y tế xã tổ chức tiêm chủng theo kế hoạch.\n" +
				"2. Cục Y tế dự phòng hướng dẫn, kiểm tra việc thực hiện Thông tư này." + extra}
	}
	s := openStore(t)
	putDocs(t, s, resolution, provincePlan, districtPlan,
		circular("https://a.example.gov.vn/tt-41", "2027-04-02", ""),
		circular("https://b.example.gov.vn/van-ban/tt-41-2027", "2027-04-02", "\n"),
		circular("https://c.example.gov.vn/tt41.html", "", "\n\n"))
	other := *districtPlan // another district's plan numbered 21/KH-UBND, a year later
	other.URL, other.Site, other.Published = "https://huyen2.example.gov.vn/kh-21", "huyen2", "2025-06-20"
	putDocs(t, s, &other)
	syncStore(t, s)
	tb := New(s, Options{})
	res := queryTable(t, tb, Filter{Sort: SortPlan, Limit: 100})
	n := map[string]int{}
	for _, r := range res.Tasks {
		n[r.Plan.Number+" "+r.ID]++
	}
	for _, id := range []string{"41/2027/TT-BYT Đ8.1", "41/2027/TT-BYT Đ8.2"} {
		if n[id] != 1 {
			t.Errorf("%s listed %d times, want once; rows %v", id, n[id], ids(res))
		}
	}
	if n["21/KH-UBND I.1.•1"] != 2 {
		t.Errorf("the two districts' 21/KH-UBND: %d rows of I.1.•1, want 2", n["21/KH-UBND I.1.•1"])
	}
	if res.Total != len(res.Tasks) {
		t.Errorf("total %d, rows %d", res.Total, len(res.Tasks))
	}
	// by number: one copy; by a hidden copy's ID: that copy
	res = queryTable(t, tb, Filter{Plan: "41/2027/TT-BYT", Limit: 100})
	if len(res.Tasks) != 2 {
		t.Errorf("--plan 41/2027/TT-BYT: %v, want the two tasks once", ids(res))
	}
	var planIDs []string
	for _, p := range tb.order {
		if p.doc.Number == "41/2027/TT-BYT" {
			planIDs = append(planIDs, p.id)
		}
	}
	if len(planIDs) != 3 {
		t.Fatalf("copies stored: %v, want 3", planIDs)
	}
	for _, id := range planIDs {
		res = queryTable(t, tb, Filter{Plan: id, Limit: 100})
		if len(res.Tasks) != 2 || res.Tasks[0].Plan.ID != id {
			t.Errorf("--plan %s: %v, want its two tasks", id, ids(res))
		}
	}
	// the CSV export lists them once too
	var rows []string
	if err := tb.Each(context.Background(), Filter{Plan: "41/2027/TT-BYT"}, 100, func(r Row) error {
		rows = append(rows, r.Plan.Number+" "+r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(rows)
	if !slices.Equal(rows, []string{"41/2027/TT-BYT Đ8.1", "41/2027/TT-BYT Đ8.2"}) {
		t.Errorf("Each: %v", rows)
	}
}

// TestCopiesIssuer: a number such as "21/KH-UBND" is issued by every
// district each year, so a document stored without its date or site (an
// import, a page whose date was not read) is a copy of another only when
// their issuers agree too (spellings of one issuer agree: "UBND" for "Ủy
// ban nhân dân", case, marks). Documents written for the test.
func TestCopiesIssuer(t *testing.T) {
	for _, tc := range []struct {
		name           string
		issuer, other  string
		wantRowsOfItem int
	}{
		{"another district's plan", "Ủy ban nhân dân huyện Bảo Lâm", "Ủy ban nhân dân huyện Cát Tiên", 2},
		{"one issuer, two spellings", "ỦY BAN NHÂN DÂN HUYỆN BẢO LÂM", "UBND huyện Bảo Lâm", 1},
		{"one issuer unknown", "", "UBND huyện Bảo Lâm", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := *districtPlan // crawled, its date not read
			a.URL, a.Site, a.Published, a.Issuer = "https://huyen.example.gov.vn/kh-21-2025", "huyen", "", tc.issuer
			b := *districtPlan // imported: no site
			b.URL, b.Site, b.Issuer = "", "", tc.other
			s := openStore(t)
			putDocs(t, s, resolution, provincePlan, &a, &b)
			syncStore(t, s)
			res := queryTable(t, New(s, Options{}), Filter{Sort: SortPlan, Limit: 100})
			n := 0
			for _, r := range res.Tasks {
				if r.Plan.Number == "21/KH-UBND" && r.ID == "I.1.•1" {
					n++
				}
			}
			if n != tc.wantRowsOfItem {
				t.Errorf("21/KH-UBND I.1.•1 listed %d times, want %d; rows %v", n, tc.wantRowsOfItem, ids(res))
			}
		})
	}
}
