package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/tasks"
)

// annexPlanSheet is a province's annex to its plan implementing Nghị
// quyết 57-NQ/TW (written for this test): a title, the plan it goes with,
// a header, and task rows each with its agency, co-agency and deadline;
// the first agency merged over two rows.
func annexPlanSheet() filetexttest.Sheet {
	return filetexttest.Sheet{
		Name: "Phụ lục",
		Rows: [][]string{
			{"PHỤ LỤC: DANH MỤC NHIỆM VỤ TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW"},
			{"(Kèm theo Kế hoạch số 150/KH-UBND ngày 10/3/2025 của Ủy ban nhân dân tỉnh Phú An thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia)"},
			{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"},
			{"1", "Cung cấp dịch vụ công trực tuyến toàn trình lấy người dân làm trung tâm; kết nối, chia sẻ dữ liệu giữa các cơ quan của tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Thông tin và Truyền thông", "Quý IV/2025"},
			{"2", "Bảo đảm an toàn, an ninh mạng cho chính quyền số, kết nối chia sẻ dữ liệu giữa các cơ quan hệ thống chính trị", "", "Công an tỉnh", "Năm 2025"},
			{"3", "Đẩy mạnh giáo dục STEM trong các trường phổ thông; đào tạo nhân lực về trí tuệ nhân tạo, dữ liệu lớn", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "31/12/2026"},
		},
		Merged: []string{"A1:E1", "A2:E2", "C4:C5"},
	}
}

// TestCrawlAnnexSheetTasks: a plan posted with its annex as an .xlsx —
// crawled from an httptest portal into an on-disk store holding the
// resolution it implements — has the annex fetched and read, and `vanban
// tasks --parent 57-NQ/TW` lists the annex's rows as tasks with their
// agency in charge (the merged cell's on both its rows) and deadline.
// Before i20-files the annex was listed and never fetched: no task.
func TestCrawlAnnexSheetTasks(t *testing.T) {
	t.Run("xlsx", func(t *testing.T) {
		crawlAnnexSheetTasks(t, "xlsx", filetexttest.XLSX(annexPlanSheet()), annexPlanTasks("Văn phòng Ủy ban nhân dân tỉnh"))
	})
	// i20-filesrev: the header under two title rows and an empty one, the
	// deadline column before the agencies', a "Ghi chú" column after them,
	// deadlines typed as dates (serials shown dd/mm/yyyy) beside text.
	t.Run("xlsx other layout", func(t *testing.T) {
		sh := annexPlanSheet()
		rows := [][]string{sh.Rows[0], sh.Rows[1], {}, {"STT", "Nhiệm vụ", "Thời gian hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú"}}
		for _, r := range sh.Rows[3:] {
			rows = append(rows, []string{r[0], r[1], r[4], r[2], r[3], "Báo cáo kết quả về Sở Khoa học và Công nghệ"})
		}
		rows[4][2], rows[6][2] = "46022", "46203" // 31/12/2025, 30/06/2026
		sh.Rows, sh.Merged, sh.Dates = rows, []string{"A1:F1", "A2:F2", "D5:D6"}, []string{"C5", "C7"}
		crawlAnnexSheetTasks(t, "xlsx", filetexttest.XLSX(sh), map[string]annexTask{
			"Cung cấp dịch vụ công trực tuyến toàn trình": {"Văn phòng Ủy ban nhân dân tỉnh", "Sở Thông tin và Truyền thông", "2025-12-31"},
			"Bảo đảm an toàn, an ninh mạng":               {"Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh", "2025-12-31"},
			"Đẩy mạnh giáo dục STEM":                      {"Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "2026-06-30"},
		})
	})
	// xls2csv does not report merged ranges; the workbook stream's are
	// read beside it (i21-files): the second task has the agency merged
	// with the first's, as in the XLSX (before, it was empty).
	t.Run("xls", func(t *testing.T) {
		filetexttest.RequireTools(t, "xls2csv")
		crawlAnnexSheetTasks(t, "xls", filetexttest.XLS(annexPlanSheet()), annexPlanTasks("Văn phòng Ủy ban nhân dân tỉnh"))
	})
	// i21-files: the annex saved by LibreOffice as .ods (before, listed
	// and never fetched).
	t.Run("ods", func(t *testing.T) {
		crawlAnnexSheetTasks(t, "ods", filetexttest.ODS(annexPlanSheet()), annexPlanTasks("Văn phòng Ủy ban nhân dân tỉnh"))
	})
}

// annexTask is a task row's agency, co-agencies and deadline date.
type annexTask struct{ agency, partners, date string }

// annexPlanTasks are annexPlanSheet's tasks; merged is the second task's
// agency (merged with the first's).
func annexPlanTasks(merged string) map[string]annexTask {
	return map[string]annexTask{
		"Cung cấp dịch vụ công trực tuyến toàn trình": {"Văn phòng Ủy ban nhân dân tỉnh", "Sở Thông tin và Truyền thông", "2025-12-31"},
		"Bảo đảm an toàn, an ninh mạng":               {merged, "Công an tỉnh", "2025-12-31"},
		"Đẩy mạnh giáo dục STEM":                      {"Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "2026-12-31"},
	}
}

func crawlAnnexSheetTasks(t *testing.T, ext string, sheet []byte, want map[string]annexTask) {
	data := demoData(t) // the resolution, 57-NQ/TW, with the demo's other documents
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/chi-dao-dieu-hanh/2025/03/1100-ke-hoach-150-kh-ubnd.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch thực hiện Nghị quyết số 57-NQ/TW</title></head><body>
<div class="content-detail"><h1>Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị</h1><p class="date">Ngày đăng: 12/03/2025</p>
<p>Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai với các nhiệm vụ cụ thể giao cho các sở, ngành tại phụ lục kèm theo.</p>
<div class="file-dinh-kem"><b>Tệp đính kèm:</b> <a href="/Uploads/2025/03/phu-luc-kh-150.`+ext+`">Phụ lục danh mục nhiệm vụ</a></div></div></body></html>`)
	})
	mux.HandleFunc("/Uploads/2025/03/phu-luc-kh-150."+ext, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(sheet)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	plan := srv.URL + "/tin-tuc/chi-dao-dieu-hanh/2025/03/1100-ke-hoach-150-kh-ubnd.html"
	cfg := writeSiteConfig(t, "phuan", plan, srv.URL, `/tin-tuc/[a-z0-9-]+/\d{4}/\d{2}/\d+-[a-z0-9-]+\.html$`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	out, _, err := call(t, data, RunTasks, TasksOptions{Filter: tasks.Filter{Parent: "57-NQ/TW", Limit: 500}, JSON: true})
	if err != nil {
		t.Fatalf("tasks: %v", err)
	}
	var res tasks.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	annex := srv.URL + "/Uploads/2025/03/phu-luc-kh-150." + ext
	found := 0
	for _, r := range res.Tasks {
		if r.Plan.URL != annex {
			continue
		}
		for text, w := range want {
			if !strings.Contains(r.Text, text) {
				continue
			}
			found++
			if r.Agency != w.agency || r.Partners != w.partners || r.Deadline.Date != w.date {
				t.Errorf("task %s %q: agency %q, partners %q, deadline %+v; want %q, %q, %s", r.ID, r.Text, r.Agency, r.Partners, r.Deadline, w.agency, w.partners, w.date)
			}
		}
	}
	if found != len(want) {
		var got []string
		for _, r := range res.Tasks {
			got = append(got, fmt.Sprintf("%s %s: %q [%s | %s | %+v]", r.Plan.URL, r.ID, r.Text, r.Agency, r.Partners, r.Deadline))
		}
		t.Errorf("%d of the annex's %d rows listed as tasks of 57-NQ/TW; the tasks:\n%s", found, len(want), strings.Join(got, "\n"))
	}
}

// TestIngestSpreadsheets: `vanban ingest FOLDER` reads a folder's .xlsx
// annex as a document of its own, found by the words of its rows (before
// i20-files ingest skipped it).
func TestIngestSpreadsheets(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Phụ lục KH 150.xlsx"), filetexttest.XLSX(annexPlanSheet()), 0o644); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	got, stderr, err := ingestFolder(t, data, IngestOptions{}, dir)
	if got != "1 1 0 0 0 0 0" || err != nil {
		t.Fatalf("ingest: %s, %v; want 1 file, 1 new:\n%s", got, err, stderr)
	}
	hits := searchHits(t, data, "giáo dục STEM trong các trường phổ thông", 3)
	if r := rankOf(hits, "/Ph%E1%BB%A5%20l%E1%BB%A5c%20KH%20150.xlsx"); r == 0 || hits[r-1].File != "xlsx" {
		t.Errorf("the annex's row: not in the top 3: %+v", hits)
	}
}
