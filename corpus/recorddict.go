package corpus

// recordDict is the zstd dictionary of the store's records (format 4 on):
// raw content that every record's frame may copy from, as if it preceded
// the record. A record is a short JSON document (the scale corpus's are
// about 1.2 KB), too short for zstd to learn much of it from itself; its
// field names and the words of Vietnamese administrative text recur in
// every record. This text was written for vanban (a list of common words
// and phrases of the genre, and the JSON skeleton of a Document), not
// taken from any collection. On the 20k scale corpus it takes the records
// from 61.2 % to 49.0 % of their JSON at zstd's fastest level (50.7 % at
// its default level; docs/log/i21-disk.md).
//
// It must never change: every record written with it names it by
// recordDictID and needs exactly these bytes to be read. A better
// dictionary is a new ID beside this one (TestRecordDictUnchanged pins
// it).
const recordDictID = 0x76616e31 // "van1": private range (≥ 32768, < 2³¹)

const recordDict = `Điều Khoản Chương Mục của và các được theo quy định tại này với cho không có trong về đối với những để từ khi thì phải đã là một người nhà nước cơ quan tổ chức, cá nhân hoặc trường hợp thực hiện quản lý sử dụng đơn vị có thẩm quyền quyết định ban hành văn bản quy phạm pháp luật Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương Hội đồng nhân dân cấp huyện, cấp xã Bộ trưởng Thủ tướng Chính phủ Nghị định Thông tư Quyết định Nghị quyết Luật Bộ luật hướng dẫn chi tiết thi hành kể từ ngày ký hiệu lực bãi bỏ sửa đổi, bổ sung một số điều trách nhiệm nghĩa vụ quyền lợi hợp pháp xử phạt vi phạm hành chính phạt tiền từ đồng đến đồng hành vi giấy phép đăng ký hồ sơ thủ tục cấp giấy chứng nhận tài sản đất đai ngân sách thuế phí lệ phí kinh phí đầu tư xây dựng dự án công trình kế hoạch báo cáo kiểm tra thanh tra giám sát tài chính kế toán doanh nghiệp lao động việc làm bảo hiểm xã hội y tế giáo dục đào tạo khoa học công nghệ thông tin truyền thông giao thông vận tải nông nghiệp phát triển nông thôn tài nguyên môi trường an ninh quốc phòng công an quân đội tư pháp tòa án viện kiểm sát nhân dân hình sự dân sự hôn nhân gia đình trẻ em thương mại hợp đồng mua bán tổ chức tín dụng ngân hàng Việt Nam Cộng hòa xã hội chủ nghĩa Độc lập - Tự do - Hạnh phúc Nơi nhận: Lưu: VT. TM. KT. Chủ tịch Phó Chủ tịch Giám đốc Sở Bộ Tổng cục Cục Chi cục Phòng Ban theo đề nghị của căn cứ Căn cứ Luật Tổ chức chính quyền địa phương ngày tháng năm số /NĐ-CP /TT-BTC /QĐ-UBND /NQ-HĐND không quá không được trừ trường hợp bao gồm sau đây: a) b) c) d) đ) e) 1. 2. 3. 4. 5. người nộp thuế cơ sở dữ liệu quốc gia tiêu chuẩn kỹ thuật chất lượng sản phẩm hàng hóa dịch vụ công nhân viên chức cán bộ công chức
{"id":"","url":"","title":"","body":"","hash":"","fetched_at":"2026-01-01T00:00:00Z","seq":}`
