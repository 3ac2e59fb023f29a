package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	corpusgraph "github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/search"
)

// TestEffectChainConsistent (i30-cite): a small chain written for the test
// — Nghị định A replaced by Nghị định B from a date; Thông tư C amended in
// one article by Thông tư D and partly repealed by it; a plan saying three
// decisions, listed before one passive, are replaced by Quyết định E (two
// of them stored) — and each
// document's effect status read four ways: the badge on its page, the
// badge on its search hit, its JSON (/api/documents and the hit of
// /api/search) and the "còn hiệu lực" filter (in_force=1, the index's
// effect span). Every way must give the same state, and the state the
// chain states. Dates are past ones, so the answer does not move with the
// clock.
func TestEffectChainConsistent(t *testing.T) {
	docs := []*corpus.Document{
		{URL: "http://t.test/nd-10", Title: "Nghị định quy định về quản lý lò mổ gia súc", Number: "10/2021/NĐ-CP", Type: "Nghị định",
			Published: "2021-02-01", Body: "Điều 1. Phạm vi điều chỉnh: quản lý lò mổ gia súc.\nĐiều 9. Nghị định này có hiệu lực từ ngày 15/3/2021."},
		{URL: "http://t.test/nd-20", Title: "Nghị định quy định về quản lý lò mổ gia súc, gia cầm", Number: "20/2024/NĐ-CP", Type: "Nghị định",
			Published: "2024-05-10", Body: "Điều 1. Phạm vi điều chỉnh: quản lý lò mổ gia súc, gia cầm.\nĐiều 12. Nghị định này có hiệu lực thi hành từ ngày 01/7/2024 và thay thế Nghị định số 10/2021/NĐ-CP."},
		{URL: "http://t.test/tt-05", Title: "Thông tư hướng dẫn kiểm tra vệ sinh lò mổ gia súc", Number: "05/2022/TT-BNNPTNT", Type: "Thông tư",
			Published: "2022-03-01", Body: "Điều 3. Hồ sơ kiểm tra.\nĐiều 4. Tần suất kiểm tra.\nĐiều 8. Thông tư này có hiệu lực từ ngày 15/4/2022."},
		{URL: "http://t.test/tt-12", Title: "Thông tư sửa đổi, bổ sung Thông tư số 05/2022/TT-BNNPTNT về kiểm tra vệ sinh lò mổ gia súc", Number: "12/2024/TT-BNNPTNT",
			Type: "Thông tư", Published: "2024-08-01", Body: "Điều 1. Sửa đổi, bổ sung Điều 3 Thông tư số 05/2022/TT-BNNPTNT như sau: hồ sơ kiểm tra gồm biên bản.\n" +
				"Điều 2. Bãi bỏ Điều 4 Thông tư số 05/2022/TT-BNNPTNT.\nĐiều 3. Thông tư này có hiệu lực từ ngày 01/9/2024."},
		{URL: "http://t.test/qd-40", Title: "Quyết định về lò mổ gia súc tập trung trên địa bàn tỉnh", Number: "40/2024/QĐ-UBND", Type: "Quyết định",
			Published: "2024-09-01", Body: "Điều 1. Quy định về lò mổ gia súc tập trung.\nĐiều 2. Quyết định này có hiệu lực từ ngày 15/9/2024."},
		{URL: "http://t.test/kh-55", Title: "Kế hoạch rà soát văn bản về lò mổ gia súc", Number: "55/KH-UBND", Type: "Kế hoạch",
			Published: "2024-10-01", Body: "I. MỤC ĐÍCH\n1. Rà soát văn bản về lò mổ gia súc.\nII. NỘI DUNG\n" +
				"Quyết định số 11/2019/QĐ-UBND, Quyết định số 12/2020/QĐ-UBND và Quyết định số 13/2021/QĐ-UBND về lò mổ gia súc được thay thế bởi Quyết định số 40/2024/QĐ-UBND ngày 01/9/2024 của UBND tỉnh."},
		{URL: "http://t.test/qd-11", Title: "Quyết định về lò mổ gia súc nhỏ lẻ", Number: "11/2019/QĐ-UBND", Type: "Quyết định",
			Published: "2019-04-01", Body: "Điều 1. Lò mổ gia súc nhỏ lẻ.\nĐiều 2. Quyết định này có hiệu lực từ ngày 10/4/2019."},
		{URL: "http://t.test/qd-12", Title: "Quyết định về vận chuyển gia súc đến lò mổ", Number: "12/2020/QĐ-UBND", Type: "Quyết định",
			Published: "2020-04-01", Body: "Điều 1. Vận chuyển gia súc đến lò mổ.\nĐiều 2. Quyết định này có hiệu lực từ ngày 10/4/2020."},
	}
	want := map[string]corpusgraph.State{
		"10/2021/NĐ-CP":      corpusgraph.StateEnded, // replaced by 20/2024/NĐ-CP from 01/7/2024
		"20/2024/NĐ-CP":      corpusgraph.StateInForce,
		"05/2022/TT-BNNPTNT": corpusgraph.StatePartly, // Điều 3 amended, Điều 4 repealed
		"12/2024/TT-BNNPTNT": corpusgraph.StateInForce,
		"40/2024/QĐ-UBND":    corpusgraph.StateInForce,
		"55/KH-UBND":         corpusgraph.StateUnknown, // nothing says
		"11/2019/QĐ-UBND":    corpusgraph.StateEnded,   // the first item of the list replaced by 40/2024/QĐ-UBND
		"12/2020/QĐ-UBND":    corpusgraph.StateEnded,   // the second
	}
	srv, _ := demoServer(t, docs...)
	id := map[string]string{}
	for _, d := range docs {
		id[d.Number] = corpus.IDForURL(d.URL)
	}

	// the JSON of /api/search, with and without the filter
	hits := func(inForce bool) map[string]*corpusgraph.Effect {
		t.Helper()
		u := srv.URL + "/api/search?limit=50&q=" + url.QueryEscape("lò mổ gia súc")
		if inForce {
			u += "&in_force=1"
		}
		body, _ := get(t, u, 200)
		var res search.Result
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		m := map[string]*corpusgraph.Effect{}
		for _, h := range res.Hits {
			m[h.Number] = h.Effect
		}
		return m
	}
	all, filtered := hits(false), hits(true)
	page, _ := get(t, srv.URL+"/?q="+url.QueryEscape("lò mổ gia súc"), 200)

	for num, st := range want {
		// the document's own JSON
		body, _ := get(t, srv.URL+"/api/documents/"+id[num], 200)
		var doc struct {
			Effect *corpusgraph.Effect `json:"effect"`
		}
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Effect == nil || doc.Effect.State != st {
			t.Errorf("%s: /api/documents effect %+v, want %s", num, doc.Effect, st)
			continue
		}
		label := doc.Effect.Label
		// the hit's JSON
		if e, ok := all[num]; !ok || e == nil || e.State != st || e.Label != label {
			t.Errorf("%s: /api/search hit effect %+v, want %s %q", num, e, st, label)
		}
		// the filter: in force at least in part iff the state says so
		if _, in := filtered[num]; in != st.InForce() {
			t.Errorf("%s (%s): in the còn hiệu lực filter %v, want %v", num, st, in, st.InForce())
		}
		// the badge on the page and on the search hit
		// (none for a document nothing is said of: the "effect" template)
		badge := `<div class="badge ` + string(st) + `" title="Tình trạng hiệu lực">` + label
		docPage, _ := get(t, srv.URL+"/doc/"+id[num], 200)
		if shown := st != corpusgraph.StateUnknown || len(doc.Effect.Changes) > 0 || doc.Effect.Basis != nil; shown != strings.Contains(docPage, badge) {
			t.Errorf("%s: the page shows badge %q: %v, want %v", num, badge, !shown, shown)
		}
		if shown := st != corpusgraph.StateUnknown; shown && !strings.Contains(page, badge) {
			t.Errorf("%s: the search page has no badge %q", num, badge)
		}
	}
	if e := all["10/2021/NĐ-CP"]; e != nil && (e.Ended == nil || e.Ended.By != "20/2024/NĐ-CP" || e.Until != "2024-07-01") {
		t.Errorf("10/2021/NĐ-CP ended by %+v until %q, want 20/2024/NĐ-CP from 2024-07-01", e.Ended, e.Until)
	}
}
