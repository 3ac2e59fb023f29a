// Package graphdocs holds the test fixtures of the relation graph: the
// Vietnamese decision texts (and a resolution, a plan and a page) of a
// fictional province, written for the tests. corpus's store tests and
// corpus/graph's tests both read them, each as its own kind of document
// (corpus a *Document, graph a tdoc), so that an edit to a fixture is
// made once. Nothing outside corpus may import it (internal), and only
// test files do.
//
// Every function returns new values: a caller may change what it gets.
package graphdocs

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Doc is a fixture. The graph's tests key it by ID; corpus's tests store
// it with its URL and Type too, the pages of Group (after DecisionA) and
// of Amending as crawled ones, by URL alone.
type Doc struct {
	ID, URL, Type, Number, Published, Title, Body string
}

// DecisionA (1579/QĐ-UBND) is in force from its signing; DecisionB
// replaces it from 2025-07-01.
func DecisionA() Doc {
	return Doc{ID: "qd1579", URL: "https://phuan.example/1579", Type: "Quyết định", Number: "1579/QĐ-UBND", Published: "2024-07-05",
		Title: "Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 phê duyệt Đề án hạ tầng dữ liệu",
		Body:  "Căn cứ Nghị định số 47/2020/NĐ-CP của Chính phủ;\nĐiều 1. Phê duyệt Đề án.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."}
}

// DecisionB (2150/QĐ-UBND) replaces DecisionA from 2025-07-01.
func DecisionB() Doc {
	return Doc{ID: "qd2150", URL: "https://phuan.example/2150", Type: "Quyết định", Number: "2150/QĐ-UBND", Published: "2025-06-20",
		Title: "Quyết định số 2150/QĐ-UBND ngày 20 tháng 6 năm 2025 phê duyệt Đề án hạ tầng dữ liệu (thay thế)",
		Body:  "Điều 3. Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2025 và thay thế Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh."}
}

// Chain is a resolution implementing a Party resolution, a plan
// implementing both, and a page (without number) citing the plan.
func Chain() []Doc {
	return []Doc{
		{ID: "r1", Type: "Nghị quyết", Number: "154/NQ-CP", Title: "Nghị quyết số 154/NQ-CP của Chính phủ",
			Body: "Thực hiện Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị."},
		{ID: "p1", Type: "Kế hoạch", Number: "236/KH-UBND", Title: "Kế hoạch số 236/KH-UBND thực hiện Nghị quyết số 154/NQ-CP",
			Body: "Kế hoạch số 236/KH-UBND cụ thể hóa Nghị quyết 154/NQ-CP ngày 23/11/2022 và Nghị quyết số 24-NQ/TW."},
		{ID: "n1", Type: "Tin tức", Title: "Hội nghị triển khai Kế hoạch 236/KH-UBND", Body: "Quán triệt Kế hoạch số 236/KH-UBND."},
	}
}

// Citing is a decision citing n documents, amending and repealing some:
// a long refs value (the compressed form).
func Citing(n int) Doc {
	var b strings.Builder
	b.WriteString("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n")
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "Căn cứ Nghị định số %d/2020/NĐ-CP ngày 10/3/2020 của Chính phủ;\n", 9010+i)
		case 1:
			fmt.Fprintf(&b, "Sửa đổi khoản 2 Điều %d Quyết định số %d/2019/QĐ-UBND ngày 05/6/2019 của UBND tỉnh.\n", i, 9100+i)
		case 2:
			fmt.Fprintf(&b, "Bãi bỏ Quyết định số %d/QĐ-UBND ngày 12/01/2018 của Ủy ban nhân dân tỉnh.\n", 9200+i)
		default:
			fmt.Fprintf(&b, "Thực hiện Kế hoạch số %d/KH-UBND ngày 01/02/2021.\n", 9300+i)
		}
	}
	b.WriteString("Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2023.")
	return Doc{ID: "qd-long", Type: "Quyết định", Number: "45/2023/QĐ-UBND", Published: "2023-06-20",
		Title: "Quyết định số 45/2023/QĐ-UBND sửa đổi, bổ sung một số quy định", Body: b.String()}
}

// Group is 1579/QĐ-UBND (DecisionA), n decisions based on it and one
// that repeals it.
func Group(n int) []Doc {
	docs := []Doc{DecisionA()}
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 3000+i)
		docs = append(docs, Doc{ID: fmt.Sprintf("cc%04d", i), URL: fmt.Sprintf("https://phuan.example/cc/%d", i), Type: "Quyết định", Number: num, Published: "2024-09-01",
			Title: "Quyết định số " + num + " về hạ tầng dữ liệu huyện",
			Body:  "Căn cứ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh;\nĐiều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	}
	return append(docs, Doc{ID: "bb", URL: "https://phuan.example/bb", Type: "Quyết định", Number: "9999/QĐ-UBND", Published: "2026-01-05",
		Title: "Quyết định số 9999/QĐ-UBND bãi bỏ Quyết định số 1579/QĐ-UBND",
		Body:  "Điều 1. Bãi bỏ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
}

// Amending is n decisions each amending a clause of 1579/QĐ-UBND.
func Amending(n int) []Doc {
	var docs []Doc
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 7000+i)
		docs = append(docs, Doc{ID: fmt.Sprintf("sd%04d", i), URL: fmt.Sprintf("https://phuan.example/sd/%d", i), Type: "Quyết định", Number: num, Published: "2025-03-01",
			Title: "Quyết định số " + num + " sửa đổi Quyết định số 1579/QĐ-UBND",
			Body:  fmt.Sprintf("Điều 1. Sửa đổi khoản %d Điều 2 Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.", i+1)})
	}
	return docs
}

// RandomRel is one version of document i of a small pool, drawn with r: a
// few clauses, each a relation to one of a few numbers (some of them the
// pool's own), with or without a part, so that links are shared between
// documents and within one, and a version may state, drop or change them.
// The property tests of corpus (through the store, by URL) and of
// corpus/graph (by ID) draw their writes from it.
func RandomRel(r *rand.Rand, i int) Doc {
	targets := []string{"1579/QĐ-UBND", "154/NQ-CP", "9001/QĐ-UBND", "9002/QĐ-UBND", "9003/QĐ-UBND", "45/KH-UBND"}
	own := ""
	switch i % 4 {
	case 0, 1: // two documents of one number: a page and its attached file
		own = fmt.Sprintf("900%d/QĐ-UBND", 1+i/4%3)
	case 2:
		own = fmt.Sprintf("%d/KH-UBND", 500+i)
	}
	var b strings.Builder
	for range r.IntN(5) {
		tg := targets[r.IntN(len(targets))]
		if tg == own {
			continue
		}
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "Căn cứ Quyết định số %s ngày 05 tháng 7 năm 2024 của UBND tỉnh;\n", tg)
		case 1:
			fmt.Fprintf(&b, "Thực hiện Nghị quyết số %s của Chính phủ, UBND tỉnh ban hành Kế hoạch.\n", tg)
		case 2:
			fmt.Fprintf(&b, "Điều %d. Sửa đổi khoản %d Điều %d Quyết định số %s ngày 05 tháng 7 năm 2024 của UBND tỉnh.\n", 1+r.IntN(3), 1+r.IntN(2), 1+r.IntN(3), tg)
		case 3:
			fmt.Fprintf(&b, "Điều 2. Bãi bỏ Quyết định số %s ngày 05 tháng 7 năm 2024 của UBND tỉnh.\n", tg)
		case 4:
			fmt.Fprintf(&b, "Điều 3. Quyết định này thay thế Quyết định số %s.\n", tg)
		default:
			fmt.Fprintf(&b, "Theo Quyết định số %s, các sở báo cáo.\n", tg)
		}
	}
	b.WriteString("Điều 4. Quyết định này có hiệu lực kể từ ngày ký.")
	title := "Quyết định về hạ tầng dữ liệu"
	if own != "" {
		title = "Quyết định số " + own + " về hạ tầng dữ liệu"
	}
	return Doc{ID: fmt.Sprintf("r%02d", i), URL: fmt.Sprintf("https://phuan.example/r/%d", i), Type: "Quyết định", Number: own,
		Published: "2025-01-0" + fmt.Sprint(1+r.IntN(9)), Title: title, Body: b.String()}
}
