package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestChainBelow: a resolution's page shows the chain below it two levels
// deep — the plan implementing it and the letter implementing the plan —
// as the letter's page shows the chain above it. It stopped at the plan
// (2530/QĐ-TTg's page named 6356/UBND-NNMT, not 5095/SGDĐT implementing
// it). Lines written for the test.
func TestChainBelow(t *testing.T) {
	letter := &corpus.Document{ID: "van-ban/cong-van/88-sgddt.md", Type: "Công văn", Number: "88/SGDĐT-VP", Published: "2025-05-10",
		Title: "Công văn số 88/SGDĐT-VP triển khai Kế hoạch số 45/KH-UBND về kinh tế số",
		Body: "Thực hiện Kế hoạch số 45/KH-UBND ngày 01/4/2025 của UBND tỉnh, Sở Giáo dục và Đào tạo đề nghị các đơn vị:\n" +
			"1. Các trường mở lớp đào tạo nhân lực số cho học sinh và người dân.\n2. Các trường phát triển hạ tầng số, trung tâm dữ liệu của trường."}
	h := textService(t, append(pathIDDocs(), letter))
	page := serve(t, h, "/doc/"+url.PathEscape("van-ban/nghi-quyet/12-2025-nq-hdnd.md"), 200)
	chain := section(page, "<h2>Chuỗi thực hiện</h2>", "</ol>\n")
	plan := strings.Index(chain, "45/KH-UBND")
	below := strings.Index(chain, "88/SGDĐT-VP")
	if plan < 0 || below < plan {
		t.Errorf("the resolution's chain does not show the letter under the plan:\n%s", chain)
	}
	// the letter's page shows the chain above it, as before
	if page := serve(t, h, "/doc/"+url.PathEscape(letter.ID), 200); !strings.Contains(section(page, "<h2>Chuỗi thực hiện</h2>", "</ol>\n"), "12/2025/NQ-HĐND") {
		t.Errorf("the letter's chain lacks the resolution above it")
	}
}
