package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalIndexed: `vanban eval --indexed` ranks with the index of --data,
// and gives the figures of `vanban eval` (which indexes the corpus
// itself) whatever the layout `ingest` (a batch per document) or `index
// --rebuild --compact` (one segment) left; it refuses an index that lacks
// documents of the corpus.
func TestEvalIndexed(t *testing.T) {
	corpusFile := writeFile(t, "corpus.jsonl", `{"_id":"d1","title":"Điều 1. Phạm vi điều chỉnh","text":"Luật này quy định về hòa giải ở cơ sở, hòa giải viên và tổ hòa giải."}
{"_id":"d2","title":"Điều 2. Tiếp công dân","text":"Người đứng đầu cơ quan có trách nhiệm tiếp công dân định kỳ theo quy định."}
{"_id":"d3","title":"Điều 3. Khiếu nại","text":"Thời hiệu khiếu nại là 90 ngày, kể từ ngày nhận được quyết định hành chính."}
{"_id":"d4","title":"Điều 4. Tố cáo","text":"Người tố cáo có quyền gửi đơn tố cáo đến cơ quan có thẩm quyền giải quyết tố cáo."}
{"_id":"d5","title":"Điều 5. Hòa giải viên","text":"Hòa giải viên là người được công nhận để thực hiện hoạt động hòa giải ở cơ sở."}
`)
	queries := writeFile(t, "queries.jsonl", `{"_id":"q1","text":"hòa giải viên là ai"}
{"_id":"q2","text":"thời hiệu khiếu nại"}
{"_id":"q3","text":"gửi đơn tố cáo"}
`)
	qrels := writeFile(t, "qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td5\t1\nq2\td3\t1\nq3\td4\t1\n")
	figures := func(args ...string) string {
		t.Helper()
		code, out, stderr := runCmd(t, append([]string{"eval", "--corpus", corpusFile, "--queries", queries, "--qrels", qrels, "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("eval %v: exit %d\n%s", args, code, stderr)
		}
		var rep struct {
			NDCG10    float64 `json:"ndcg@10"`
			MRR10     float64 `json:"mrr@10"`
			Recall10  float64 `json:"recall@10"`
			Recall100 float64 `json:"recall@100"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("eval %v: %v\n%s", args, err, out)
		}
		if rep.NDCG10 == 0 {
			t.Fatalf("eval %v: no figures: %s", args, out)
		}
		return fmt.Sprintf("nDCG@10 %.4f MRR@10 %.4f R@10 %.4f R@100 %.4f", rep.NDCG10, rep.MRR10, rep.Recall10, rep.Recall100)
	}
	want := figures()
	data := filepath.Join(t.TempDir(), "data")
	if code, _, stderr := runCmd(t, "--data", data, "ingest", "--batch-mb", "0.0001", corpusFile); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if got := figures("--indexed", "--data", data); got != want {
		t.Errorf("eval --indexed after ingest: %s; eval: %s", got, want)
	}
	if code, _, stderr := runCmd(t, "--data", data, "index", "--rebuild", "--compact"); code != 0 {
		t.Fatalf("index --rebuild --compact: exit %d\n%s", code, stderr)
	}
	if got := figures("--indexed", "--data", data); got != want {
		t.Errorf("eval --indexed after index --rebuild --compact: %s; eval: %s", got, want)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	one := writeFile(t, "one.jsonl", `{"_id":"d1","title":"Điều 1","text":"Hòa giải ở cơ sở."}`+"\n")
	runCmd(t, "--data", empty, "ingest", one)
	code, _, stderr := runCmd(t, "eval", "--corpus", corpusFile, "--queries", queries, "--qrels", qrels, "--indexed", "--data", empty)
	if code == 0 || !strings.Contains(stderr, "ingest it first") {
		t.Errorf("eval --indexed on an index lacking documents: exit %d, %s", code, stderr)
	}
}
