package filetext

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/shared"
)

// TestAttachments reads every file of ../shared/data/attachments (real PDF
// text/scanned/TCVN3 files, DOCX, DOC with TCVN3/VNI) and checks the
// document header and body against truth.jsonl:
//
//   - number, type, issuer and date are right on ≥ 0.95 of the files that
//     state them. A field the truth notes as handwritten, stamped over or
//     not printed may be left empty (that is the required output: never
//     guessed); a wrong value is always an error.
//   - the body's first and last words are found on ≥ 0.95 of the files:
//     for text files the body must start with the first words and end
//     with the last ones; for OCR'd files ≥ 70 % of the word pairs of each
//     must be among the body's first (last) words.
//
// With -short, scanned pages are not OCR'd and their files are left out
// (OCR of the 25 scanned pages takes about a minute and a half on 2 cores).
//
//	go test -run TestAttachments -v ./crawler/filetext
func TestAttachments(t *testing.T) {
	dir := shared.Path(t, "data", "attachments")
	requireTools(t, "pdftotext", "pdfinfo", "pdftoppm", "antiword")
	if !testing.Short() {
		filetexttest.RequireOCR(t) // tesseract and its Vietnamese model
	}
	truths := readTruth(t, filepath.Join(dir, "truth.jsonl"))
	psm, _ := strconv.Atoi(os.Getenv("VANBAN_PSM"))
	// The OCR cache .ci/run shares with internal/app's
	// TestIngestSharedAttachments (the same pages, the same Tesseract
	// arguments): whichever runs second reads Tesseract's output of each
	// page from it.
	r := NewReader(Options{OCRWorkers: runtime.GOMAXPROCS(0), NoOCR: testing.Short(), PSM: psm, OCRCache: filetexttest.OCRCache(t)})

	var fields [4]tally // number, type, issuer, date
	var words tally
	skipped := 0
	start := time.Now()
	t.Logf("%-48s %5s %4s  %-6s %-6s %-6s %-6s  %s", "file", "pages", "ocr", "number", "type", "issuer", "date", "first/last words")
	for _, tr := range truths {
		t0 := time.Now()
		res, err := r.ReadFile(context.Background(), filepath.Join(dir, tr.File))
		if err != nil {
			t.Errorf("%s: %v", tr.File, err)
			for i := range fields {
				fields[i].wrong++
			}
			words.wrong++
			continue
		}
		if len(res.OCRSkipped) > 0 {
			t.Logf("%-48s skipped: pages %v need OCR (-short)", tr.File, res.OCRSkipped)
			skipped++
			continue
		}
		marks := [4]string{
			fields[0].add(tr.Number, res.Number, sameNumber, tr.unreadable("number")),
			fields[1].add(tr.Type, res.Type, sameFolded, false),
			fields[2].add(tr.Issuer, res.Issuer, sameIssuer, false),
			fields[3].add(tr.Date, res.Published, func(a, b string) bool { return a == b }, tr.unreadable("date")),
		}
		ocr := len(res.OCRPages) > 0
		ok, detail := bodyWords(res.Body, tr.First, tr.Last, ocr)
		if ok {
			words.right++
		} else {
			words.wrong++
		}
		t.Logf("%-48s %5d %4d  %-6s %-6s %-6s %-6s  %s (%v)", tr.File, res.Pages, len(res.OCRPages), marks[0], marks[1], marks[2], marks[3], detail, time.Since(t0).Round(time.Millisecond))
		for i, name := range []string{"number", "type", "issuer", "date"} {
			if marks[i] == "WRONG" {
				got := []string{res.Number, res.Type, res.Issuer, res.Published}[i]
				want := []*string{tr.Number, &tr.Type, &tr.Issuer, &tr.Date}[i]
				t.Logf("    %s: got %q, want %q", name, got, deref(want))
			}
		}
		if !ok {
			t.Logf("    body starts %q", head(res.Body, 160))
			t.Logf("    body ends   %q", tail(res.Body, 160))
		}
	}
	t.Logf("total time %v (GOMAXPROCS %d); Tesseract ran %d times, the OCR cache answered %d", time.Since(start).Round(time.Millisecond), runtime.GOMAXPROCS(0), r.ocrRuns.Load(), r.ocrHits.Load())
	// The thresholds are over the whole set; -short leaves the scanned
	// files out, so it only reports.
	enforce := func(format string, args ...any) {
		if skipped == 0 {
			t.Errorf(format, args...)
		} else {
			t.Logf("(not enforced with %d files skipped) "+format, append([]any{skipped}, args...)...)
		}
	}
	for i, name := range []string{"number", "type", "issuer", "date"} {
		f := fields[i]
		t.Logf("%-7s right %d, left empty as unreadable %d, wrong or missing %d: %.3f (strict %.3f)", name, f.right, f.abstain, f.wrong, f.score(), f.strict())
		if f.score() < 0.95 {
			enforce("%s right on %.3f of the files that state it, want ≥ 0.95", name, f.score())
		}
	}
	t.Logf("body words found on %d of %d files: %.3f", words.right, words.right+words.wrong, words.score())
	if words.score() < 0.95 {
		enforce("first/last words found on %.3f of the files, want ≥ 0.95", words.score())
	}
}

type truth struct {
	File   string  `json:"file"`
	Pages  int     `json:"pages"`
	Number *string `json:"number"`
	Type   string  `json:"type"`
	Issuer string  `json:"issuer"`
	Date   string  `json:"date"`
	First  string  `json:"first_words"`
	Last   string  `json:"last_words"`
	Notes  string  `json:"notes"`
}

var unreadableNote = regexp.MustCompile(`(?i)handwritten|stamped over|not printed|no number/date printed`)

// unreadable reports a field the truth's notes say is handwritten, stamped
// over or not printed: OCR and text layers cannot give it, and empty is
// the right answer.
func (t truth) unreadable(field string) bool {
	return unreadableNote.MatchString(t.Notes) && (strings.Contains(strings.ToLower(t.Notes), field) ||
		strings.Contains(strings.ToLower(t.Notes), "day") || strings.Contains(t.Notes, "Handwritten \""))
}

func readTruth(t testing.TB, path string) []truth {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truth
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var tr truth
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatalf("truth.jsonl: %v", err)
		}
		out = append(out, tr)
	}
	return out
}

// tally counts one field over the files.
type tally struct{ right, abstain, wrong int }

func (t *tally) add(want any, got string, same func(a, b string) bool, unreadable bool) string {
	var w string
	switch v := want.(type) {
	case *string:
		if v == nil {
			return "-"
		}
		w = *v
	case string:
		w = v
	}
	if w == "" {
		return "-"
	}
	switch {
	case got != "" && same(got, w):
		t.right++
		return "ok"
	case got == "" && unreadable:
		t.abstain++
		return "empty"
	}
	t.wrong++
	return "WRONG"
}

func (t tally) score() float64 {
	if n := t.right + t.abstain + t.wrong; n > 0 {
		return float64(t.right+t.abstain) / float64(n)
	}
	return 1
}

func (t tally) strict() float64 {
	if n := t.right + t.abstain + t.wrong; n > 0 {
		return float64(t.right) / float64(n)
	}
	return 1
}

// sameNumber compares numbers as keys: folded, no spaces, "/" and "-"
// alike (the truth normalises "144/2002/QĐ/BTC" to "QĐ-BTC").
func sameNumber(a, b string) bool { return numberKey(a) == numberKey(b) }

func numberKey(s string) string {
	s = strings.Join(strings.Fields(viet.Fold(s)), "")
	return strings.NewReplacer("-", "/", "–", "/").Replace(strings.TrimLeft(s, "0"))
}

func sameFolded(a, b string) bool { return viet.Fold(a) == viet.Fold(b) }

// sameIssuer compares names as sets of folded words with UBND/HĐND
// spelled out: every word of the truth's name (outside its parentheses)
// is in the answer, and the answer has no word the truth lacks.
func sameIssuer(got, want string) bool {
	main := want
	if i := strings.Index(want, "("); i >= 0 {
		main = want[:i]
	}
	g, all, m := issuerWords(got), issuerWords(want), issuerWords(main)
	for w := range m {
		if !g[w] {
			return false
		}
	}
	for w := range g {
		if !all[w] {
			return false
		}
	}
	return true
}

func issuerWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "ubnd":
			out["uy"], out["ban"], out["nhan"], out["dan"] = true, true, true, true
		case "hdnd":
			out["hoi"], out["dong"], out["nhan"], out["dan"] = true, true, true, true
		default:
			out[w] = true
		}
	}
	return out
}

// bodyWords checks the body's first and last words.
func bodyWords(body, first, last string, ocr bool) (bool, string) {
	b := wordsOf(body)
	f, l := wordsOf(first), wordsOf(last)
	if !ocr {
		okF := len(b) >= len(f) && strings.Join(b[:len(f)], " ") == strings.Join(f, " ")
		okL := len(b) >= len(l) && strings.Join(b[len(b)-len(l):], " ") == strings.Join(l, " ")
		return okF && okL, fmt.Sprintf("first %v last %v", mark(okF), mark(okL))
	}
	pf := pairShare(f, b[:min(len(b), len(f)+15)])
	pl := pairShare(l, b[max(0, len(b)-len(l)-15):])
	return pf >= 0.7 && pl >= 0.7, fmt.Sprintf("OCR word pairs first %.2f last %.2f", pf, pl)
}

func mark(ok bool) string {
	if ok {
		return "ok"
	}
	return "MISSED"
}

// wordsOf splits text into comparable words: NFC, lower case, canonical
// tone placement.
func wordsOf(s string) []string {
	return strings.Fields(viet.Canon(viet.Lower(viet.Clean(s))))
}

// pairShare is the share of want's adjacent word pairs found among got's,
// punctuation stripped.
func pairShare(want, got []string) float64 {
	strip := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			if w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	want, got = strip(want), strip(got)
	have := map[string]int{}
	for i := 1; i < len(got); i++ {
		have[got[i-1]+" "+got[i]]++
	}
	if len(want) < 2 {
		return 0
	}
	found := 0
	for i := 1; i < len(want); i++ {
		if k := want[i-1] + " " + want[i]; have[k] > 0 {
			have[k]--
			found++
		}
	}
	return float64(found) / float64(len(want)-1)
}

func head(s string, n int) string {
	r := []rune(s)
	return string(r[:min(len(r), n)])
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// requireTools skips (fails under CI=true) when a program is missing.
func requireTools(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			missingTool(t, n+" ("+toolPackages[n]+")")
		}
	}
}

func missingTool(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required under CI=true", what)
	}
	t.Skipf("%s is not installed; skipping", what)
}
