package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// jsonlTrace reads in with opt (opt.Workers as given) and returns what fn
// and Warn were told, in order, and the error, as lines; fn fails at its
// failAt-th document when failAt > 0.
func jsonlTrace(t *testing.T, in io.Reader, opt JSONLOptions, failAt int) []string {
	t.Helper()
	var out []string
	opt.Warn = func(w JSONLWarning) { out = append(out, fmt.Sprintf("warn %d %s %q %s", w.Line, w.Kind, w.ID, w.Msg)) }
	n := 0
	err := ReadJSONLOptions(in, opt, func(d *Document, size int) error {
		n++
		if n == failAt {
			return errors.New("stop here")
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("doc %d %s", size, b))
		return nil
	})
	return append(out, fmt.Sprintf("err %v", err))
}

// failingReader returns its bytes, then err.
type failingReader struct {
	r   io.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

// jsonlInput is n lines of records of Vietnamese text, with what the
// reader warns about or refuses among them: dates in other forms and none,
// texts over a small MaxText, lines over a small MaxLine, blank lines, a
// byte order mark and no newline at the end.
func jsonlInput(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 21))
	words := strings.Fields("Nghị quyết số 154/NQ-CP về phát triển kinh tế - xã hội tỉnh Hoà Bình. Điều 1. Ban hành quy chế tiếp công dân;")
	var b strings.Builder
	b.WriteString("\xEF\xBB\xBF")
	for i := range n {
		if r.IntN(17) == 0 {
			b.WriteString("  \n")
		}
		var text strings.Builder
		for range r.IntN(r.IntN(400) + 1) {
			text.WriteString(words[r.IntN(len(words))] + " ")
		}
		rec := map[string]string{"_id": fmt.Sprintf("d%d", i), "title": words[r.IntN(len(words))] + " " + words[r.IntN(len(words))], "text": text.String()}
		switch r.IntN(6) {
		case 0:
			rec["published"] = "23/11/2022"
		case 1:
			rec["published"] = "không rõ"
		case 2:
			rec["url"] = fmt.Sprintf("https://vanban.example/%d", i)
		}
		line, _ := json.Marshal(rec)
		b.Write(line)
		if i < n-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestJSONLParallelSameAsSerial: decoded on several goroutines, the same
// input gives fn and Warn the same documents, sizes and warnings in the
// same order as on one, and the same error at the same point: a line that
// is not JSON or has no ID, fn's error, a read error; with groups cut by
// lines and by bytes.
func TestJSONLParallelSameAsSerial(t *testing.T) {
	many := jsonlInput(3000, 1)
	lines := strings.Split(many, "\n")
	bad := strings.Join(slicesWith(lines, 1700, `{"_id": "x", "text": `), "\n")
	noID := strings.Join(slicesWith(lines, 5, `{"title": "Không có mã"}`), "\n")
	big := strings.Repeat(`{"_id":"big","text":"`+strings.Repeat("Điều 1. Ban hành quy chế. ", 12000)+`"}`+"\n", 30)
	small := JSONLOptions{MaxText: 800, MaxLine: 4000, Date: func(s string) string {
		if s == "23/11/2022" {
			return "2022-11-23"
		}
		return ""
	}}
	for _, tc := range []struct {
		name   string
		in     func() io.Reader
		opt    JSONLOptions
		failAt int
	}{
		{"3000 lines, warnings and refusals", func() io.Reader { return strings.NewReader(many) }, small, 0},
		{"default limits", func() io.Reader { return strings.NewReader(many) }, JSONLOptions{}, 0},
		{"lines of 300 KB (groups cut by bytes)", func() io.Reader { return strings.NewReader(big) }, JSONLOptions{}, 0},
		{"not JSON at line 1700", func() io.Reader { return strings.NewReader(bad) }, small, 0},
		{"no ID at line 5", func() io.Reader { return strings.NewReader(noID) }, small, 0},
		{"fn fails at document 1000", func() io.Reader { return strings.NewReader(many) }, small, 1000},
		{"fn fails at the first document", func() io.Reader { return strings.NewReader(many) }, small, 1},
		{"read error", func() io.Reader {
			return &failingReader{r: strings.NewReader(many[:len(many)/2]), err: errors.New("disk gone")}
		}, small, 0},
		{"empty", func() io.Reader { return strings.NewReader("") }, small, 0},
		{"blank lines only", func() io.Reader { return strings.NewReader("\n \n\t\n") }, small, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opt.Workers = 1
			want := jsonlTrace(t, tc.in(), tc.opt, tc.failAt)
			if len(want) < 2 && tc.name[0] == '3' {
				t.Fatalf("nothing read: %v", want)
			}
			for _, w := range []int{2, 3, 8} {
				tc.opt.Workers = w
				got := jsonlTrace(t, tc.in(), tc.opt, tc.failAt)
				if len(got) != len(want) {
					t.Fatalf("%d workers: %d events, want %d; last %q, want %q", w, len(got), len(want), got[len(got)-1], want[len(want)-1])
				}
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("%d workers: event %d\n%.300s\nwant\n%.300s", w, i, got[i], want[i])
					}
				}
			}
		})
	}
}

// slicesWith is lines with line i (0-based) replaced by s.
func slicesWith(lines []string, i int, s string) []string {
	out := append([]string(nil), lines...)
	out[i] = s
	return out
}

// FuzzReadJSONLParallel: any input gives the same trace (documents,
// warnings, error) on three goroutines as on one.
func FuzzReadJSONLParallel(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBF" + `{"_id":"a","title":"Nghị quyết","text":"Điều 1. Ban hành.","published":"23/11/2022"}` + "\n\n{}"))
	f.Add([]byte(jsonlInput(40, 2)))
	f.Fuzz(func(t *testing.T, b []byte) {
		opt := JSONLOptions{MaxText: 64, MaxLine: 512, Workers: 1}
		want := jsonlTrace(t, strings.NewReader(string(b)), opt, 0)
		opt.Workers = 3
		got := jsonlTrace(t, strings.NewReader(string(b)), opt, 0)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("three workers:\n%q\none:\n%q", got, want)
		}
	})
}
