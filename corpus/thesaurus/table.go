package thesaurus

// table is the one list of groups: one group a line, "domain | phrase;
// phrase; …". Phrases are written as government text writes them; they
// are folded when the table is read. A phrase may stand in several groups.
//
// Written from general knowledge of Vietnamese administrative writing,
// before measuring anything on the plans development set (see the package
// comment). Sources per domain, as the words are used there:
//
//   - inform, train, inspect, review, plan, regulate, organise: the wording
//     of Kế hoạch / Chương trình hành động sections "Nhiệm vụ, giải pháp"
//     and "Tổ chức thực hiện" common to ministries and provinces, and the
//     kinds of administrative document of Nghị định 30/2020/NĐ-CP (kế
//     hoạch, chương trình, phương án, đề án);
//   - finance: Luật Ngân sách nhà nước 2015 and Luật Đầu tư công 2019
//     (dự toán, bố trí, phân bổ, giải ngân, quyết toán), plan sections
//     "Kinh phí thực hiện" (xã hội hóa, nguồn hợp pháp khác);
//   - health, education: Luật Khám bệnh, chữa bệnh 2023, Luật Phòng, chống
//     bệnh truyền nhiễm 2007, Luật Giáo dục 2019;
//   - environment: Luật Bảo vệ môi trường 2020 (chất thải, quan trắc,
//     khí thải, xả thải);
//   - disaster prevention and relief: Luật Phòng, chống thiên tai 2013,
//     Nghị định 66/2021/NĐ-CP, the Thủ tướng's flood and storm công điện
//     (sơ tán, di dời, cứu hộ, cứu nạn, cứu trợ, tiếp tế, lương thực, thực
//     phẩm, nước uống, nhu yếu phẩm thiết yếu, khắc phục hậu quả);
//   - agriculture: Luật Trồng trọt 2018, Luật Chăn nuôi 2018, Luật Thủy sản
//     2017 (giống, vật tư, khôi phục sản xuất);
//   - security and order: Luật Công an nhân dân, Luật Phòng cháy, chữa cháy
//     và cứu nạn, cứu hộ 2024, Luật Giá 2023 (bình ổn giá, găm hàng);
//   - digital transformation: Luật Giao dịch điện tử 2023, Luật Dữ liệu
//     2024, the Chương trình Chuyển đổi số quốc gia (Quyết định 749/QĐ-TTg);
//   - construction and transport: Luật Xây dựng 2014 (thi công, công
//     trường, cấp phép), Luật Đê điều, Luật Thủy lợi;
//   - culture, sport, tourism: Luật Di sản văn hóa, Luật Du lịch 2017;
//   - social welfare and labour: Nghị định 20/2021/NĐ-CP (trợ giúp xã hội,
//     đối tượng bảo trợ), Luật Việc làm;
//   - organisation of the state: Luật Cán bộ, công chức, Luật Tổ chức chính
//     quyền địa phương 2025 (sắp xếp, đơn vị hành chính, cấp xã).
//
// Groups hold words that government text uses for one thing or one act,
// not words that merely go together: "lũ lụt" and "ngập lụt" are one
// group, "lũ lụt" and "sơ tán" are not.
const table = `
inform | tuyên truyền; truyền thông; phổ biến; thông tin tuyên truyền; nâng cao nhận thức; vận động
inform | cảnh báo; khuyến cáo; cảnh báo sớm; thông báo kịp thời
inform | báo chí; cơ quan báo chí; phương tiện thông tin đại chúng; đài phát thanh; truyền hình; cơ quan thông tấn
inform | mạng xã hội; không gian mạng; môi trường mạng
inform | công khai; minh bạch; công bố
inform | quảng bá; giới thiệu; xúc tiến
train | tập huấn; đào tạo; bồi dưỡng; huấn luyện; nâng cao năng lực; nâng cao trình độ
train | diễn tập; thực hành; tập dượt
train | hội nghị; hội thảo; tọa đàm; diễn đàn
inspect | thanh tra; kiểm tra; giám sát; hậu kiểm
inspect | xử lý vi phạm; xử phạt; xử lý nghiêm; chế tài; xử lý dứt điểm
inspect | theo dõi; đôn đốc; nắm tình hình; nắm chắc tình hình
review | rà soát; đánh giá; tổng kết; sơ kết; kiểm điểm; kiểm kê
review | thống kê; tổng hợp số liệu; điều tra
plan | kế hoạch; chương trình; phương án; đề án; kịch bản; chương trình hành động
plan | xây dựng kế hoạch; lập kế hoạch; ban hành kế hoạch; xây dựng phương án
plan | quy hoạch; định hướng; chiến lược
regulate | văn bản quy phạm pháp luật; thể chế; quy định; khung pháp lý; hành lang pháp lý
regulate | cơ chế; chính sách; cơ chế, chính sách
regulate | sửa đổi; bổ sung; điều chỉnh; hoàn thiện
regulate | hướng dẫn; chỉ dẫn; hướng dẫn thực hiện
regulate | thủ tục hành chính; cải cách hành chính; đơn giản hóa thủ tục
report | báo cáo; báo cáo kết quả; tổng hợp báo cáo; báo cáo định kỳ
organise | chỉ đạo; lãnh đạo; điều hành; chỉ huy
organise | phối hợp; phối hợp chặt chẽ; phối kết hợp
organise | tổ chức bộ máy; bộ máy; cơ cấu tổ chức
organise | sắp xếp; tinh gọn; hợp nhất; sáp nhập; kiện toàn
organise | đơn vị hành chính; địa giới hành chính
organise | cán bộ; công chức; viên chức; người lao động; đội ngũ
organise | chính quyền địa phương; chính quyền cơ sở; cấp xã; cấp cơ sở
organise | người đứng đầu; thủ trưởng; lãnh đạo
organise | khen thưởng; biểu dương; tuyên dương; động viên
organise | kỷ luật; xử lý trách nhiệm; kiểm điểm trách nhiệm
organise | trụ sở; cơ sở vật chất; tài sản công
finance | kinh phí; ngân sách; nguồn vốn; vốn; nguồn lực tài chính; dự toán; nguồn kinh phí
finance | bố trí kinh phí; cấp kinh phí; phân bổ kinh phí; bảo đảm kinh phí; bố trí vốn; phân bổ vốn
finance | xã hội hóa; huy động nguồn lực; nguồn hợp pháp khác; đóng góp
finance | quyết toán; thanh toán; giải ngân
finance | đầu tư công; vốn đầu tư; đầu tư
finance | khoanh nợ; giãn nợ; cơ cấu lại thời hạn trả nợ; miễn, giảm lãi
finance | tín dụng; cho vay; vay vốn
finance | dự phòng ngân sách; quỹ dự trữ; quỹ phòng, chống thiên tai
health | y tế; chăm sóc sức khỏe; khám chữa bệnh; khám bệnh, chữa bệnh; điều trị; cấp cứu
health | dịch bệnh; bệnh truyền nhiễm; dịch
health | phòng chống dịch; phòng, chống dịch bệnh; vệ sinh phòng dịch; khử khuẩn; khử trùng; tiêu độc
health | thuốc; thuốc men; vật tư y tế; trang thiết bị y tế; cơ số thuốc
health | an toàn thực phẩm; vệ sinh an toàn thực phẩm; an toàn vệ sinh thực phẩm
health | nước sạch; nước sinh hoạt; nước uống
health | cơ sở y tế; bệnh viện; trạm y tế; cơ sở khám bệnh, chữa bệnh
education | học sinh; sinh viên; người học; trẻ em
education | nhà trường; cơ sở giáo dục; trường học; trường
education | giáo viên; nhà giáo; giảng viên; cán bộ quản lý giáo dục
education | dạy học; giảng dạy; học tập
environment | ô nhiễm; ô nhiễm môi trường; suy thoái môi trường
environment | chất lượng không khí; môi trường không khí
environment | khí thải; phát thải; xả thải
environment | rác thải; chất thải; chất thải rắn; rác
environment | nước thải; xả nước thải
environment | quan trắc; giám sát môi trường; đo đạc
environment | bảo vệ môi trường; giữ gìn vệ sinh môi trường; vệ sinh môi trường
environment | thu gom; vận chuyển; xử lý chất thải
environment | cây xanh; trồng cây; mảng xanh; không gian xanh
disaster | thiên tai; mưa lũ; bão lũ; lũ lụt; ngập lụt; mưa bão
disaster | sạt lở; sạt lở đất; lũ quét; lũ ống
disaster | phòng, chống thiên tai; phòng chống thiên tai; ứng phó thiên tai; phòng ngừa, ứng phó
disaster | khắc phục hậu quả; khắc phục thiệt hại; phục hồi; tái thiết; ổn định đời sống; ổn định cuộc sống
disaster | cứu trợ; tiếp tế; hỗ trợ khẩn cấp; cứu đói; cứu tế
disaster | lương thực; thực phẩm; nhu yếu phẩm; hàng hóa thiết yếu; hàng thiết yếu; nhu yếu phẩm thiết yếu; hàng cứu trợ; hàng hóa cứu trợ
disaster | sơ tán; di dời; di tản; đưa đến nơi an toàn
disaster | cứu hộ; cứu nạn; tìm kiếm cứu nạn; cứu hộ, cứu nạn
disaster | thiệt hại; tổn thất; hư hỏng; hư hại
disaster | nhà ở; nhà cửa; chỗ ở; nơi ở
disaster | hồ chứa; hồ đập; đập; công trình thủy lợi
disaster | đê điều; đê; kè; bờ bao
disaster | vùng bị ảnh hưởng; vùng bị thiệt hại; vùng thiên tai; địa bàn bị ảnh hưởng
agriculture | sản xuất nông nghiệp; nông nghiệp; trồng trọt; canh tác
agriculture | giống cây trồng; giống; vật tư nông nghiệp; phân bón
agriculture | khôi phục sản xuất; phục hồi sản xuất; tái sản xuất; sớm ổn định sản xuất
agriculture | gia súc; gia cầm; vật nuôi; chăn nuôi
agriculture | thủy sản; nuôi trồng thủy sản; đánh bắt
agriculture | nông dân; người nông dân; hộ sản xuất
security | an ninh trật tự; an ninh; trật tự an toàn xã hội; trật tự xã hội; an ninh, trật tự
security | lực lượng vũ trang; quân đội; bộ đội; công an; dân quân
security | tội phạm; vi phạm pháp luật; hành vi vi phạm
security | phòng cháy chữa cháy; phòng cháy, chữa cháy; cứu hỏa
security | trục lợi; lợi dụng; gian lận; tiêu cực; tham nhũng
security | buôn lậu; gian lận thương mại; hàng giả
security | đầu cơ; găm hàng; tăng giá bất hợp lý
security | bình ổn giá; ổn định giá; bình ổn thị trường; ổn định thị trường
security | an toàn giao thông; trật tự an toàn giao thông
digital | chuyển đổi số; số hóa; ứng dụng công nghệ thông tin; chính phủ điện tử; chính phủ số
digital | dịch vụ công trực tuyến; dịch vụ công; cổng dịch vụ công
digital | cơ sở dữ liệu; dữ liệu; dữ liệu số
digital | hạ tầng số; hạ tầng viễn thông; hạ tầng công nghệ thông tin; mạng viễn thông
digital | an toàn thông tin; an ninh mạng; bảo mật
digital | nền tảng số; phần mềm; ứng dụng
construction | công trình; công trình xây dựng; dự án
construction | công trường; thi công; xây dựng
construction | cấp phép; giấy phép; cấp giấy phép
construction | hạ tầng; cơ sở hạ tầng; kết cấu hạ tầng
construction | sửa chữa; khôi phục; khắc phục; tu sửa
construction | giao thông; đường giao thông; tuyến đường; thông tuyến; bảo đảm giao thông
construction | phương tiện giao thông; xe cơ giới; phương tiện
culture | văn hóa; văn nghệ; nghệ thuật
culture | lễ hội; sự kiện; hoạt động văn hóa
culture | di tích; di sản; di sản văn hóa
culture | du lịch; khách du lịch; du khách
culture | thể dục thể thao; thể thao; thể dục
welfare | an sinh xã hội; bảo trợ xã hội; trợ giúp xã hội; phúc lợi xã hội
welfare | hộ nghèo; hộ cận nghèo; người nghèo; hộ khó khăn; hoàn cảnh khó khăn
welfare | đối tượng yếu thế; người yếu thế; nhóm dễ bị tổn thương; đối tượng chính sách
welfare | người cao tuổi; người già
welfare | người dân; nhân dân; cư dân; hộ dân; hộ gia đình
welfare | việc làm; sinh kế; thu nhập; đời sống
welfare | trợ cấp; chi trả; hỗ trợ tiền
`
