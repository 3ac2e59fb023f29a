package graph

import "github.com/vanban/vanban/corpus/internal/graphdocs"

// The documents of the graph's tests: lines of a fictional province,
// written for the tests. Those corpus's store tests write too are
// graphdocs's, read here as tdocs; stateDocs and edgeDocs are the graph's
// own.

// tdocOf is the fixture f as the graph's tests write it.
func tdocOf(f graphdocs.Doc) tdoc {
	return tdoc{ID: f.ID, Number: f.Number, Published: f.Published, Title: f.Title, Body: f.Body}
}

func tdocsOf(fs []graphdocs.Doc) []tdoc {
	var docs []tdoc
	for _, f := range fs {
		docs = append(docs, tdocOf(f))
	}
	return docs
}

// graphDocs are graphdocs.Chain: a resolution implementing a Party
// resolution, a plan implementing both, and a page citing the plan.
var graphDocs = tdocsOf(graphdocs.Chain())

// refsCiting is graphdocs.Citing: a decision citing n documents, amending
// and repealing some (a long refs value, the compressed form).
func refsCiting(n int) tdoc { return tdocOf(graphdocs.Citing(n)) }

// decisionA (1579/QĐ-UBND) is in force from its signing; decisionB
// replaces it from 2025-07-01.
var decisionA, decisionB = tdocOf(graphdocs.DecisionA()), tdocOf(graphdocs.DecisionB())

// groupDocs are graphdocs.Group: 1579/QĐ-UBND (decisionA), n decisions
// based on it and one that repeals it.
func groupDocs(n int) []tdoc { return tdocsOf(graphdocs.Group(n)) }

// amendDocs are graphdocs.Amending: n decisions each amending a clause of
// 1579/QĐ-UBND.
func amendDocs(n int) []tdoc { return tdocsOf(graphdocs.Amending(n)) }

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
