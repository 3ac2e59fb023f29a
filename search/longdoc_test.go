package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestLongDocumentFirstWords: the opening words of a long document find it
// among short documents that open with the same common words and whose
// titles hold them, as in issue 16 (a 98-page decree's first words). Only the
// long one holds the words in the query's order, and its length must not
// crush that: BM25 normalises by the field's mean length, which must be
// the mean of the documents' lengths (issue 22), not a figure that grows
// with the vocabulary instead (bleve's own estimate, the dictionary size
// over the document count, put the long document 7th here).
func TestLongDocumentFirstWords(t *testing.T) {
	const first = "Căn cứ Luật Giáo dục nghề nghiệp năm 2014; Căn cứ Luật Việc làm ngày 16 tháng 11 năm 2013"
	// A long body whose text repeats: many words, few distinct terms.
	article := "Cơ sở đào tạo phải công khai chương trình, giáo trình, đội ngũ nhà giáo và điều kiện bảo đảm chất lượng; người học được cấp chứng chỉ khi hoàn thành khóa học và đạt yêu cầu của kỳ kiểm tra cuối khóa. "
	var b strings.Builder
	b.WriteString(first + ";\nTheo đề nghị của Bộ trưởng Bộ Nội vụ;\n")
	for i := 1; i <= 100; i++ {
		fmt.Fprintf(&b, "Điều %d. Quy định về đào tạo thường xuyên\n%s\n", i, article)
	}
	docs := []*corpus.Document{{ID: "long", Title: "Nghị định quy định về đào tạo thường xuyên", Body: b.String()}}
	opens := []struct{ title, body string }{
		{"Thông tư hướng dẫn tổ chức tuyển sinh giáo dục nghề nghiệp năm 2014", "Căn cứ Luật Giáo dục nghề nghiệp ngày 27 tháng 11 năm 2014; Căn cứ Nghị định quy định chức năng của Bộ; Bộ trưởng ban hành Thông tư hướng dẫn tuyển sinh trình độ sơ cấp."},
		{"Quyết định về việc làm cho người lao động năm 2013", "Căn cứ Luật Việc làm; Căn cứ Luật Tổ chức chính quyền địa phương; Ủy ban nhân dân tỉnh quyết định hỗ trợ tạo việc làm."},
		{"Kế hoạch giáo dục nghề nghiệp cho lao động nông thôn", "Căn cứ Luật Giáo dục nghề nghiệp; Căn cứ Luật Việc làm; Ủy ban nhân dân huyện ban hành kế hoạch đào tạo nghề cho lao động nông thôn."},
		{"Nghị định quy định chi tiết Luật Việc làm về bảo hiểm thất nghiệp", "Căn cứ Luật Tổ chức Chính phủ; Căn cứ Luật Việc làm; Chính phủ ban hành Nghị định quy định chi tiết về bảo hiểm thất nghiệp."},
		{"Thông báo tuyển sinh năm 2014 của trường trung cấp", "Căn cứ Luật Giáo dục nghề nghiệp; trường trung cấp thông báo tuyển sinh năm 2014 các ngành kế toán, tin học và điện dân dụng."},
		{"Báo cáo công tác giáo dục nghề nghiệp và việc làm năm 2013", "Căn cứ kế hoạch năm 2013, Sở báo cáo kết quả giáo dục nghề nghiệp, giải quyết việc làm và giảm nghèo trên địa bàn tỉnh."},
		{"Quy chế tổ chức kỳ thi nghề nghiệp", "Căn cứ Luật Giáo dục; Căn cứ Luật Giáo dục nghề nghiệp; Bộ trưởng ban hành quy chế tổ chức kỳ thi cấp chứng chỉ nghề nghiệp."},
		{"Hướng dẫn thực hiện chính sách việc làm cho thanh niên", "Căn cứ Luật Việc làm; Căn cứ Luật Thanh niên; Sở hướng dẫn thực hiện chính sách hỗ trợ việc làm cho thanh niên."},
	}
	for i, o := range opens {
		// a quarter of the long one's length: the long one is about 3× the mean
		body := o.body + "\n" + strings.Repeat(o.title+": nội dung, thời hạn và trách nhiệm thực hiện của từng cơ quan, đơn vị. ", 40)
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("short-%d", i), Title: o.title, Body: body})
	}
	s := searcherOf(t, docs)
	for _, topOnly := range []bool{false, true} {
		res, err := s.Search(context.Background(), Request{Query: first, Size: 10, TopOnly: topOnly})
		if err != nil {
			t.Fatal(err)
		}
		rank := 0
		for i, h := range res.Hits {
			if h.ID == "long" {
				rank = i + 1
			}
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, fmt.Sprintf("%s %.3f", h.ID, h.Score))
		}
		t.Logf("top-k %v: rank %d: %v", topOnly, rank, got)
		if rank < 1 || rank > 3 {
			t.Errorf("top-k %v: the long document's first words find it at rank %d (0: not in the top 10), want the top 3: %v", topOnly, rank, got)
		}
	}
}
