package graph

import (
	"fmt"
	"strings"
)

// The documents of the graph's tests: lines of a fictional province,
// written for the tests (the same as corpus's graph tests use, as tdocs).

// graphDocs are a resolution implementing a Party resolution, a plan
// implementing both, and a page citing the plan.
var graphDocs = []tdoc{
	{ID: "r1", Number: "154/NQ-CP", Title: "Nghị quyết số 154/NQ-CP của Chính phủ",
		Body: "Thực hiện Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị."},
	{ID: "p1", Number: "236/KH-UBND", Title: "Kế hoạch số 236/KH-UBND thực hiện Nghị quyết số 154/NQ-CP",
		Body: "Kế hoạch số 236/KH-UBND cụ thể hóa Nghị quyết 154/NQ-CP ngày 23/11/2022 và Nghị quyết số 24-NQ/TW."},
	{ID: "n1", Title: "Hội nghị triển khai Kế hoạch 236/KH-UBND", Body: "Quán triệt Kế hoạch số 236/KH-UBND."},
}

// refsCiting is a decision citing n documents, amending and repealing
// some: a long refs value (the compressed form).
func refsCiting(n int) tdoc {
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
	return tdoc{ID: "qd-long", Number: "45/2023/QĐ-UBND", Published: "2023-06-20",
		Title: "Quyết định số 45/2023/QĐ-UBND sửa đổi, bổ sung một số quy định", Body: b.String()}
}

// decisionA is in force from its signing; decisionB replaces it from
// 2025-07-01.
var (
	decisionA = tdoc{ID: "qd1579", Number: "1579/QĐ-UBND", Published: "2024-07-05",
		Title: "Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 phê duyệt Đề án hạ tầng dữ liệu",
		Body:  "Căn cứ Nghị định số 47/2020/NĐ-CP của Chính phủ;\nĐiều 1. Phê duyệt Đề án.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."}
	decisionB = tdoc{ID: "qd2150", Number: "2150/QĐ-UBND", Published: "2025-06-20",
		Title: "Quyết định số 2150/QĐ-UBND ngày 20 tháng 6 năm 2025 phê duyệt Đề án hạ tầng dữ liệu (thay thế)",
		Body:  "Điều 3. Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2025 và thay thế Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh."}
)

// stateDocs are decisions stating their own effect and changing each
// other's, a plan citing an amended law, a page without number.
var stateDocs = []tdoc{
	{ID: "a", Number: "10/2023/QĐ-UBND", Published: "2023-03-01", Title: "Quyết định số 10/2023/QĐ-UBND",
		Body: "Quyết định này có hiệu lực từ ngày 15/3/2023."},
	{ID: "b", Number: "11/2024/QĐ-UBND", Published: "2024-05-02", Title: "Quyết định số 11/2024/QĐ-UBND",
		Body: "Điều 1. Bãi bỏ Điều 5 Quyết định số 10/2023/QĐ-UBND.\nĐiều 2. Quyết định này có hiệu lực từ ngày 15/5/2024."},
	{ID: "c", Number: "20/2022/QĐ-UBND", Published: "2022-01-05", Title: "Quyết định số 20/2022/QĐ-UBND",
		Body: "Quyết định này có hiệu lực kể từ ngày 10/01/2022 đến hết ngày 31/12/2024."},
	{ID: "d", Number: "30/2026/QĐ-UBND", Published: "2026-01-05", Title: "Quyết định số 30/2026/QĐ-UBND",
		Body: "Quyết định này có hiệu lực kể từ ngày 01/3/2026. Sửa đổi khoản 2 Điều 3 Quyết định số 20/2022/QĐ-UBND."},
	{ID: "e", Number: "40/2025/QĐ-UBND", Published: "2025-04-01", Title: "Quyết định số 40/2025/QĐ-UBND",
		Body: "Đình chỉ việc thi hành Quyết định số 41/2025/QĐ-UBND kể từ ngày 05/4/2025."},
	{ID: "f", Title: "Tin tức: hội nghị", Published: "2025-02-02", Body: "Hội nghị quán triệt Quyết định số 41/2025/QĐ-UBND."},
	{ID: "g", Number: "41/2025/QĐ-UBND", Published: "2025-03-01", Title: "Quyết định số 41/2025/QĐ-UBND", Body: "Về việc giao đất."},
	{ID: "h", Number: "50/2025/KH-UBND", Published: "2025-02-10", Title: "Kế hoạch số 50/2025/KH-UBND",
		Body: "Căn cứ Luật số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;"},
}

// edgeDocs are documents stating relations of every shape the graph
// writes (with stateDocs): by number, by a document without number ("#"
// end), passive ("được sửa đổi bởi"), partial, dated by publication only
// (Approx).
var edgeDocs = append([]tdoc{decisionA, decisionB,
	{ID: "tin-tuc-7", Published: "2025-03-03", Title: "Thông báo về việc thay thế quy chế",
		Body: "Thay thế Quyết định số 12/2019/QĐ-UBND ngày 04/3/2019 của UBND tỉnh.\nSửa đổi khoản 1 Điều 2 Quyết định số 13/2019/QĐ-UBND."},
	{ID: "n", Published: "2025-01-02", Title: "Ghi chú",
		Body: "Điều 13 Nghị định số 152/2020/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/02/2021, có nội dung được sửa đổi bởi Điều 1 Nghị định số 70/2023/NĐ-CP có hiệu lực thi hành kể từ ngày 18/09/2023"},
	refsCiting(6)}, stateDocs...)

// groupDocs are 1579/QĐ-UBND (decisionA), n decisions based on it and
// one that repeals it.
func groupDocs(n int) []tdoc {
	docs := []tdoc{decisionA}
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 3000+i)
		docs = append(docs, tdoc{ID: fmt.Sprintf("cc%04d", i), Number: num, Published: "2024-09-01",
			Title: "Quyết định số " + num + " về hạ tầng dữ liệu huyện",
			Body:  "Căn cứ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh;\nĐiều 1. Giao nhiệm vụ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	}
	return append(docs, tdoc{ID: "bb", Number: "9999/QĐ-UBND", Published: "2026-01-05",
		Title: "Quyết định số 9999/QĐ-UBND bãi bỏ Quyết định số 1579/QĐ-UBND",
		Body:  "Điều 1. Bãi bỏ Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
}

// amendDocs are n decisions each amending a clause of 1579/QĐ-UBND.
func amendDocs(n int) []tdoc {
	var docs []tdoc
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 7000+i)
		docs = append(docs, tdoc{ID: fmt.Sprintf("sd%04d", i), Number: num, Published: "2025-03-01",
			Title: "Quyết định số " + num + " sửa đổi Quyết định số 1579/QĐ-UBND",
			Body:  fmt.Sprintf("Điều 1. Sửa đổi khoản %d Điều 2 Quyết định số 1579/QĐ-UBND ngày 05 tháng 7 năm 2024 của UBND tỉnh.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.", i+1)})
	}
	return docs
}
