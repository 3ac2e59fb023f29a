package cite

import "testing"

// plansRelations are real lines of the documents in data/plans (a plan
// linking set: decisions, official letters, a telegram and plans, see its
// PROVENANCE.md): every line of them that holds a document number and a
// relation word, but for two whose relation no reader could settle (a
// proposed decree "thay thế" an old one; localities "thực hiện" a law),
// labelled by hand before the parser was run on them. Requests and tasks
// ("Đề nghị … sửa đổi Nghị định …", "Khẩn trương hoàn thiện sửa đổi …") do
// not amend anything: they mention.
var plansRelations = []relCase{
	{"plans", `Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường;`,
		`35/2025/NĐ-CP;based_on`},
	{"plans", `Căn cứ Nghị định số 08/2022/NĐ-CP ngày 10 tháng 01 năm 2022 của Chính phủ quy định chi tiết một số điều của Luật Bảo vệ môi trường;`,
		`08/2022/NĐ-CP;based_on`},
	{"plans", `Căn cứ Nghị định số 05/2025/NĐ-CP ngày 06 tháng 01 năm 2025 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 08/2022/NĐ-CP ngày 10 tháng 01 năm 2022 của Chính phủ quy định chi tiết một số điều của Luật Bảo vệ môi trường;`,
		`05/2025/NĐ-CP;based_on | 08/2022/NĐ-CP;amends;<05/2025/NĐ-CP`},
	{"plans", `Căn cứ Nghị quyết số 01/NQ-CP ngày 08 tháng 01 năm 2025 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2025;`,
		`01/NQ-CP;based_on`},
	{"plans", `Căn cứ Quyết định số 611/QĐ-TTg ngày 08 tháng 7 năm 2024 của Thủ tướng Chính phủ phê duyệt Quy hoạch bảo vệ môi trường quốc gia thời kỳ 2021 - 2030, tầm nhìn đến năm 2050;`,
		`611/QĐ-TTg;based_on`},
	{"plans", `Căn cứ Quyết định số 450/QĐ-TTg ngày 13 tháng 4 năm 2022 của Thủ tướng Chính phủ phê duyệt Chiến lược bảo vệ môi trường quốc gia đến năm 2030, tầm nhìn đến năm 2050;`,
		`450/QĐ-TTg;based_on`},
	{"plans", `- Chủ động cập nhật kết quả thực hiện hàng tuần, báo cáo UBND Thành phố và gửi Bộ Nông nghiệp và Môi trường tổng hợp (theo chỉ đạo của Lãnh đạo Chính phủ tại Công văn số 10260/VPCP-NN ngày 23/10/2025 của Văn phòng Chính phủ).`,
		`10260/VPCP-NN;mentions`},
	{"plans", `Thực hiện Công văn số 6356/UBND-NNMT ngày 01/12/2025 của UBND Thành phố về việc tăng cường các biện pháp cấp bách về kiểm soát ô nhiễm môi trường không khí trên địa bàn Thành phố (Văn bản đính kèm);`,
		`6356/UBND-NNMT;implements`},
	{"plans", `Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;`,
		`39/2022/NĐ-CP;based_on`},
	{"plans", `2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ chức theo dõi sát tình hình, tập trung chỉ đạo khắc phục nhanh hậu quả các đợt bão, lũ vừa qua theo chỉ đạo tại Nghị quyết số 380/NQ-CP ngày 25/11/2025 của Chính phủ, đồng thời chủ động triển khai các biện pháp cần thiết cao nhất để phòng, tránh, ứng phó với bão số 15`,
		`380/NQ-CP;mentions`},
	{"plans", `16 | Huế | Đề nghị Bộ Khoa học và Công nghệ hướng dẫn triển khai các nền tảng số theo Quyết định số 2618/QĐ-BKHCN, đồng thời ban hành chỉ tiêu kỹ thuật, tiêu chuẩn và danh mục yêu cầu chuyên môn phù hợp với năng lực, điều kiện công nghệ thông tin của cấp xã`,
		`2618/QĐ-BKHCN;mentions`},
	{"plans", `30 | Hà Tĩnh | Đề nghị hướng dẫn việc có tiếp tục thực hiện hoặc kết thúc thực hiện Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 2024 của Chính phủ về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động và lực lượng vũ trang trong thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị sau ngày 31/8/2025 | Bộ Nội vụ`,
		`178/2024/NĐ-CP;mentions`},
	{"plans", `34 | Huế | Đề nghị Bộ Nội vụ tham mưu Chính phủ sửa đổi Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội, Quyết định số 30/2011/QĐ-TTg ngày 01/6/2011 của Thủ tướng Chính phủ về chế độ thù lao đối với người đã nghỉ hưu giữ chức danh lãnh đạo chuyên trách hội | Bộ Nội vụ`,
		`126/2024/NĐ-CP;mentions | 30/2011/QĐ-TTg;mentions`},
	{"plans", `35 | Hưng Yên | Đề nghị Bộ Nội vụ sớm có văn bản hướng dẫn về tiêu chuẩn, điều kiện bố trí thành viên Ban Chỉ huy quân sự thống nhất theo đề nghị của Bộ Quốc phòng tại Văn bản số 7138/BQP-TM ngày 08/11/2025. | Bộ Nội vụ`,
		`7138/BQP-TM;mentions`},
	{"plans", `Khẩn trương hoàn thiện sửa đổi, bổ sung Nghị định số 113/2013/NĐ-CP ngày 02/10/2013 của Chính phủ về hoạt động mỹ thuật để thực thi các phương án cắt giảm, đơn giản hóa TTHC đã được phê duyệt. Đảm bảo hoàn thành trong quý I/2026.`,
		`113/2013/NĐ-CP;mentions`},
	{"plans", `Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ quy định chi tiết một số điều của Luật Phòng thủ dân sự; Nghị định số 98/2021/NĐ-CP ngày 08/11/2021 của Chính phủ về quản lý, sử dụng nguồn hỗ trợ, đóng góp tự nguyện khắc phục khó khăn do thiên tai, dịch bệnh, sự cố;`,
		`200/2023/NĐ-CP;based_on | 98/2021/NĐ-CP;based_on`},
	{"plans", `Căn cứ Phương án 02600/PA-UBND ngày 18/8/2025 của UBND tỉnh Đắk Lắk về ứng phó thiên tai năm 2025 trên địa bàn tỉnh Đắk Lắk; Quyết định số 02110/QĐ-UBND ngày 20/11/2025 của UBND tỉnh Đắk Lắk về công bố tình huống khẩn cấp về thiên tai`,
		`02600/PA-UBND;based_on | 02110/QĐ-UBND;based_on`},
	{"plans", `Căn cứ Quy chế phối hợp số 49/QCPH-UBND-UBMT-HCTĐ ngày 24/01/2025 về thực hiện công tác vận động, tiếp nhận, phân phối và sử dụng các nguồn đóng góp tự nguyện từ thiện, nhân đạo`,
		`49/QCPH-UBND-UBMT-HCTĐ;based_on`},
	{"plans", `- Thực hiện vai trò cơ quan thường trực Ban Vận động cấp tỉnh theo Quy chế phối hợp 49/QCPH-UBND-UBMT-HCTĐ và quy định hiện hành; chủ trì vận động tổ chức, cá nhân trong và ngoài tỉnh ủng hộ nhu yếu phẩm, kinh phí hỗ trợ Nhân dân vùng thiên tai.`,
		`49/QCPH-UBND-UBMT-HCTĐ;mentions`},
	{"plans", `15. Tất cả lực lượng, phương tiện tham gia thực hiện Kế hoạch này phải tuân thủ nghiêm quy định an toàn trong Phương án 02600/PA-UBND; không để xảy ra tai nạn trong quá trình tiếp cận, vận chuyển, cấp phát hàng hóa.`,
		`02600/PA-UBND;mentions`},
}

// TestRelationsPlans scores the plan documents' lines apart, and with the
// other real lines against the thresholds of the issue.
func TestRelationsPlans(t *testing.T) {
	scoreRelations(t, plansRelations)
	all := append(append(append([]relCase{}, realRelations...), heldoutRelations...), plansRelations...)
	checkScore(t, "real lines with data/plans", scoreRelations(t, all))
}
