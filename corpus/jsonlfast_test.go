package corpus

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/shared"
)

// sameAsJSON fails t unless parseRecord decodes line as json.Unmarshal
// does whenever it accepts it, and reports whether it did.
func sameAsJSON(t *testing.T, line []byte) bool {
	t.Helper()
	var fast, want Record
	if !parseRecord(line, &fast) {
		return false
	}
	if err := json.Unmarshal(line, &want); err != nil {
		t.Fatalf("parseRecord accepts %q, which json.Unmarshal refuses: %v", line, err)
	}
	if fast != want {
		t.Fatalf("parseRecord(%q) = %+v, json.Unmarshal gives %+v", line, fast, want)
	}
	return true
}

// TestParseRecord: the lines parseRecord reads are read as encoding/json
// reads them, and the others go to encoding/json.
func TestParseRecord(t *testing.T) {
	for _, tc := range []struct {
		line string
		fast bool
	}{
		{`{"_id": "L01-1", "title": "Phạm vi điều chỉnh", "text": "Bộ luật này\nquy định", "metadata": {"law": "91/2015/QH13", "article": "1"}}` + "\n", true},
		{`{"_id":"a","title":"t","text":"x","url":"u","published":"2024-01-02","type":"Luật","number":"1/2024/QH15","issuer":"Quốc hội"}`, true},
		{` { } `, true},
		{`{"_id":"a","_id":"b"}`, true},
		{`{"metadata":{"law":"a"},"metadata":{"article":"b"}}`, true},
		{`{"text":"\"q\" \\ \/ \b\f\n\r\t \u1ec7 \u00e9\u0301 \ud83d\ude00 \ud800 \udc00\ud800 \ud800\u0041"}`, true},
		{`{"title":"Ti\u1EBFng Vi\u1EC7t"}`, true},
		{`{"Title":"case"}`, false},
		{`{"title":null}`, false},
		{`{"title":1}`, false},
		{`{"extra":"x"}`, false},
		{`{"metadata":{"law":"a","x":1}}`, false},
		{`{"t\u0069tle":"escaped key"}`, false},
		{"{\"text\":\"tab\there\"}", false},
		{"{\"text\":\"bad \xff byte\"}", false},
		{`{"text":"\x"}`, false},
		{`{"text":"\u12G4"}`, false},
		{`{"text":"open}`, false},
		{`{"text":"a"} x`, false},
		{`{"text":"a",}`, false},
		{`[]`, false},
		{`null`, false},
		{``, false},
	} {
		if got := sameAsJSON(t, []byte(tc.line)); got != tc.fast {
			t.Errorf("parseRecord(%q) read it: %v, want %v", tc.line, got, tc.fast)
		}
	}
}

// TestParseRecordReal: every line of the real corpora (and of the scale
// corpus named by VANBAN_BENCH_CORPUS) is read as encoding/json reads it.
func TestParseRecordReal(t *testing.T) {
	paths := []string{shared.Path(t, "eval", "alqac22", "corpus.jsonl"), shared.Path(t, "eval", "alqac23-train", "corpus.jsonl")}
	if p := os.Getenv("VANBAN_BENCH_CORPUS"); p != "" {
		paths = append(paths, p)
	}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		n, fast := 0, 0
		for sc.Scan() {
			n++
			if sameAsJSON(t, sc.Bytes()) {
				fast++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if fast < n {
			t.Errorf("%s: %d of %d lines read by parseRecord, want all", path, fast, n)
		}
	}
}

// FuzzParseRecord: parseRecord reads a line as encoding/json does or
// leaves it to encoding/json.
func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{
		`{"_id": "L01-1", "title": "Phạm vi", "text": "Bộ luật\nnày", "metadata": {"law": "91/2015/QH13", "article": "1"}}`,
		`{"text":"\"q\" \\ \/ \b\f\n\r\t \u1ec7 \ud83d\ude00 \ud800 \udc00\ud800 \ud800\u0041"}`,
		`{"url":"https://a.example/1","published":"23/11/2022","type":"Luật","number":"1/QH","issuer":"QH"}`,
		`{"Title":"x","title":null}`, ` {"_id":"a" , "_id" : "b"}` + "\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		sameAsJSON(t, line)
	})
}

// BenchmarkDecodeRecord: one corpus line decoded by parseRecord and by
// json.Unmarshal.
func BenchmarkDecodeRecord(b *testing.B) {
	line := []byte(`{"_id": "s0000001", "title": "Quyết định về việc phê duyệt Kế hoạch thực hiện Nghị quyết số 154/NQ-CP", "text": "` +
		strings.Repeat(`Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai thực hiện Nghị quyết.\n`, 8) + `"}` + "\n")
	for _, tc := range []struct {
		name   string
		decode func([]byte, *Record) bool
	}{
		{"parse", parseRecord},
		{"json", func(l []byte, r *Record) bool { return json.Unmarshal(l, r) == nil }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(line)))
			for b.Loop() {
				var r Record
				if !tc.decode(line, &r) {
					b.Fatal("not decoded")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/doc")
		})
	}
}

// sameDocAsJSON fails t unless parseDocument decodes raw into a copy of
// from as json.Unmarshal does whenever it accepts it, and reports whether
// it did.
func sameDocAsJSON(t *testing.T, raw []byte, from Document) bool {
	t.Helper()
	fast, want := from, from
	if !parseDocument(raw, &fast) {
		return false
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("parseDocument accepts %q, which json.Unmarshal refuses: %v", raw, err)
	}
	if !reflect.DeepEqual(fast, want) {
		t.Fatalf("parseDocument(%q) = %+v, json.Unmarshal gives %+v", raw, fast, want)
	}
	return true
}

// TestParseDocument: the records of documents as the store writes them
// (json.Marshal) are read as encoding/json reads them, into an empty
// document and into one already holding values; the others go to
// encoding/json.
func TestParseDocument(t *testing.T) {
	held := Document{ID: "old", Body: "old body", Seq: 9, Gone: true, Attachments: []string{"a"}}
	docs := []Document{
		{ID: "a", URL: "https://x.example/1", Title: "Nghị quyết <số> 1 & \u2028", Body: "Điều 1.\n\"Ban hành\"\t\\", Hash: "h", Seq: 42},
		{ID: "b", Site: "s", Published: "2024-01-02", Summary: "sapo", Category: "c", Type: "Luật", Number: "1/2024/QH15", Issuer: "QH",
			PartOf: "Luật X", Truncated: 123456, DateAmbiguous: true, Parent: "p", Gone: true, Seq: 1 << 40},
		{ID: "c", Body: "bad \xff byte"},
	}
	for _, d := range docs {
		raw, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if !sameDocAsJSON(t, raw, Document{}) || !sameDocAsJSON(t, raw, held) {
			t.Errorf("parseDocument did not read %s", raw)
		}
	}
	for _, raw := range []string{
		`{"id":"a","fetched_at":"2024-01-02T03:04:05Z"}`, `{"id":"a","attachments":["x"]}`, `{"id":"a","file":{}}`,
		`{"seq":1.5}`, `{"seq":-1}`, `{"seq":1e3}`, `{"seq":01}`, `{"seq":1234567890123456789}`, `{"gone":null}`, `{"ID":"a"}`,
		`{"gone":tru}`, `{"id":"a"}x`,
	} {
		if sameDocAsJSON(t, []byte(raw), held) {
			t.Errorf("parseDocument read %s, which encoding/json should", raw)
		}
	}
	// decode: a record parseDocument leaves to encoding/json decodes into the
	// document as it was, as before
	c := baseCodec()
	rec, err := c.encode(&Document{ID: "f", Body: "x", FetchedAt: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	got, want := held, held
	if err := c.decode(rec, &got); err != nil {
		t.Fatal(err)
	}
	raw, _ := c.json(rec)
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decode = %+v, want %+v", got, want)
	}
}

// FuzzParseDocument: parseDocument reads a record as encoding/json does
// or leaves it to encoding/json.
func FuzzParseDocument(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","url":"u","title":"Nghị quyết \u003c1\u003e","body":"Điều 1.\n","hash":"h","seq":42}`,
		`{"id":"b","gone":true,"seq":0,"truncated":5,"date_ambiguous":false,"part_of":"Luật"}`,
		`{"seq":01}`, `{"id":"a","fetched_at":"2024-01-02T03:04:05Z"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		sameDocAsJSON(t, raw, Document{})
		sameDocAsJSON(t, raw, Document{ID: "old", Seq: 3, Gone: true})
	})
}

// BenchmarkDecodeDocument: one record's JSON (a 1 KB document) decoded by
// parseDocument and by json.Unmarshal.
func BenchmarkDecodeDocument(b *testing.B) {
	raw, err := json.Marshal(&Document{ID: "s0000001", URL: "", Title: "Quyết định về việc phê duyệt Kế hoạch thực hiện Nghị quyết số 154/NQ-CP",
		Body: strings.Repeat("Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai thực hiện Nghị quyết.\n", 8), Hash: "0123456789abcdef", Seq: 123456})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		decode func([]byte, *Document) bool
	}{
		{"parse", parseDocument},
		{"json", func(raw []byte, d *Document) bool { return json.Unmarshal(raw, d) == nil }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				var d Document
				if !tc.decode(raw, &d) {
					b.Fatal("not decoded")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/doc")
		})
	}
}
