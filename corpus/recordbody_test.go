package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// bodyDocs are records of every shape a body takes: escapes encoding/json
// writes (quotes, backslashes, control characters, <>&, U+2028), a summary
// inside the body or not, nested fields after the body, an empty body.
var bodyDocs = []*Document{
	{ID: "a", Title: "Quyết định số 45/2023/QĐ-UBND", Body: "Điều 1. Phê duyệt \"Đề án\" chuyển đổi số.\nĐiều 2.\tHiệu lực\r\nC:\\dữ liệu <b>&amp;</b> \u2028 \u0001 end"},
	{ID: "b", Summary: "Về việc giao đất", Body: "Điều 1. Giao đất cho xã.",
		File: &FileInfo{Name: "qd.pdf", Kind: "pdf", Size: 1234, Pages: 3, PageStarts: []PageStart{{Page: 1}, {Page: 3, Offset: 12}}, OCRPages: []int{2}}, FetchedAt: time.Date(2025, 3, 1, 2, 3, 4, 5, time.UTC), Seq: 12, Truncated: 3},
	{ID: "c", Summary: "Giao đất", Body: "Điều 1. Giao đất cho xã."},
	{ID: "d", Title: "Trống"},
	{ID: "e", Body: "😀 chữ Hán 漢字 and a lone \\u escape written as text", Attachments: []string{"a.pdf", "b \"q\".docx"}, Gone: true},
}

func TestJSONBody(t *testing.T) {
	for _, d := range bodyDocs {
		raw, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := jsonBody(raw)
		if !ok || got != d.FullBody() {
			t.Errorf("%s: jsonBody = %q, %v; want %q", d.ID, got, ok, d.FullBody())
		}
	}
	// What it declines: the full decode reads (or refuses) these.
	for name, raw := range map[string]string{
		"key case":        `{"Body":"x"}`,
		"invalid UTF-8":   "{\"body\":\"a\xffb\"}",
		"number body":     `{"body":12}`,
		"null body":       `{"body":null}`,
		"escaped key":     `{"b\u006fdy":"x"}`,
		"control char":    "{\"body\":\"a\nb\"}",
		"trailing":        `{"body":"x"} x`,
		"bad escape":      `{"body":"\x"}`,
		"unclosed":        `{"body":"x"`,
		"bad number":      `{"seq":01,"body":"x"}`,
		"bad literal":     `{"gone":tru,"body":"x"}`,
		"missing colon":   `{"body" "x"}`,
		"not an object":   `["body","x"]`,
		"deep nesting":    `{"file":` + nest(100) + `,"body":"x"}`,
		"control skipped": "{\"title\":\"a\tb\",\"body\":\"x\"}",
	} {
		if got, ok := jsonBody([]byte(raw)); ok {
			t.Errorf("%s: read %q, want declined", name, got)
		}
	}
	// Surrogate escapes, paired or not, read as encoding/json reads them
	// (jsonscan.go; the body reader declined them before it shared the
	// scanner).
	for _, raw := range []string{
		`{"body":"\ud83d\ude00"}`, `{"body":"a\ud800b","summary":"\udc00\ud800"}`, `{"body":"\ud800\u0041 \ud800\ud800\udc00"}`,
	} {
		var d Document
		if err := json.Unmarshal([]byte(raw), &d); err != nil {
			t.Fatal(err)
		}
		if got, ok := jsonBody([]byte(raw)); !ok || got != d.FullBody() {
			t.Errorf("%s: jsonBody = %q, %v; want %q", raw, got, ok, d.FullBody())
		}
	}
	if got, ok := jsonBody([]byte(` { "x" : [ 1, -2.5e+3, true, false, null, {"y": [] } ] , "body" : "b" , "summary":"s" } `)); !ok || got != "s\nb" {
		t.Errorf("spaced record: %q, %v", got, ok)
	}
}

func nest(n int) string {
	s := "1"
	for range n {
		s = "[" + s + "]"
	}
	return s
}

// FuzzRecordBody: where jsonBody reads a record, json.Unmarshal reads the
// same FullBody from it.
func FuzzRecordBody(f *testing.F) {
	for _, d := range bodyDocs {
		raw, _ := json.Marshal(d)
		f.Add(raw)
	}
	f.Add([]byte(`{"body":"\u00e9\/\b\f","summary":"","x":{"a":[1,2,{"b":"\""}]}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok := jsonBody(raw)
		if !ok {
			return
		}
		var d Document
		err := json.Unmarshal(raw, &d)
		var syntax *json.SyntaxError
		switch {
		case errors.As(err, &syntax):
			t.Fatalf("jsonBody read %q where json.Unmarshal fails: %v", got, err)
		case err != nil:
			// well-formed JSON with a field of another type (no writer of
			// the store makes one): the body reads, the full decode fails
			return
		}
		if got != d.FullBody() {
			t.Fatalf("jsonBody %q, json.Unmarshal's FullBody %q", got, d.FullBody())
		}
	})
}

// TestBodiesFromStore: Bodies gives each document's FullBody, for records
// of either form, through the reused buffer and the full decode.
func TestBodiesFromStore(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	var ids []string
	for _, d := range bodyDocs {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	for range 2 { // the second call reuses the first's buffer
		got, err := s.Bodies(context.Background(), append(ids, "missing"))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(bodyDocs) {
			t.Errorf("%d bodies, want %d", len(got), len(bodyDocs))
		}
		for _, d := range bodyDocs {
			if got[d.ID] != d.FullBody() {
				t.Errorf("%s: %q, want %q", d.ID, got[d.ID], d.FullBody())
			}
		}
	}
}

// BenchmarkJSONBody: the body of one record's JSON (a 1 KB document with
// a summary, its lines as encoding/json escapes them) read by jsonBody and
// by json.Unmarshal.
func BenchmarkJSONBody(b *testing.B) {
	raw, err := json.Marshal(&Document{ID: "s0000001", URL: "https://vanban.example/s0000001", Title: "Quyết định về việc phê duyệt Kế hoạch thực hiện Nghị quyết số 154/NQ-CP",
		Summary: "Phê duyệt Kế hoạch thực hiện Nghị quyết.", Body: strings.Repeat("Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND triển khai thực hiện Nghị quyết.\n", 8),
		Hash: "0123456789abcdef", Seq: 123456, FetchedAt: time.Date(2025, 3, 1, 2, 3, 4, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		body func([]byte) (string, bool)
	}{
		{"parse", jsonBody},
		{"json", func(raw []byte) (string, bool) {
			var d Document
			err := json.Unmarshal(raw, &d)
			return d.FullBody(), err == nil
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, ok := tc.body(raw); !ok {
					b.Fatal("not read")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/doc")
		})
	}
}
