package outline

// The outline checker: it parses real documents the parser was not tuned
// on and counts what looks structurally wrong in their outlines. It runs
// only when asked:
//
//	VANBAN_OUTLINE_CHECK=1 go test ./corpus/outline -run TestOutlineCheck -v
//	VANBAN_OUTLINE_CHECK=govdocs,html VANBAN_OUTLINE_CHECK_OUT=/tmp/x go test ./corpus/outline -run TestOutlineCheck
//
// The value is "1" (every folder) or a comma-separated list of the
// folders of ../shared/data: plans (the development set, what the parser
// was built on), govdocs, html, attachments, nd30_2020. With
// VANBAN_OUTLINE_CHECK_OUT=DIR, every anomaly is written to
// DIR/<folder>.txt with its document and line, and every passage's ID and
// line to DIR/<folder>.ids (diff two runs to see which IDs a change
// moves). Scanned attachments are
// read by OCR only with VANBAN_OUTLINE_OCR=1 (minutes of CPU).
//
// docs/log/i17-struct.md has the counts.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext"
	"github.com/vanban/vanban/internal/shared"
)

// Anomaly classes of the checker.
const (
	anomIDCollision = "id-collision"    // two items or two passages share an ID
	anomIDUnstable  = "id-unstable"     // an item's ID or line changes when the body is cut after it
	anomClosing     = "closing-in-item" // Nơi nhận, a signature or a distribution line inside an item or passage
	anomLong        = "long-item"       // an item of more than longItemLines lines or longItemWords words
	anomEmpty       = "empty-item"      // an item without a letter
	anomDeep        = "deep-item"       // an item nested deeper than deepLevel (an ID growing with the text)
	anomHeading     = "heading-as-text" // a line shaped like a heading left inside an item or section text
	anomRowsLost    = "table-rows-lost" // a row of a task table that became no item
	anomEmptySec    = "empty-section"   // a section with neither items nor text
	anomOrder       = "numbered-out-of-order"
)

var anomClasses = []string{anomIDCollision, anomIDUnstable, anomClosing, anomLong, anomEmpty, anomDeep, anomHeading,
	anomRowsLost, anomEmptySec, anomOrder}

const (
	longItemLines = 40
	longItemWords = 1000
	// deepLevel is the deepest an item can sit in a real outline: a
	// number of four parts, a letter, "(1)", "-", "+" and a paragraph.
	deepLevel = 9
)

// anomaly is one finding: its class, the line of the body and what was seen.
type anomaly struct {
	class string
	line  int
	what  string
}

// headingShape recognizes the lines that head a part of a document in the
// layouts of ND 30/2020 and of Party documents: "II.", "II-", "Phần I",
// "PHẦN THỨ HAI", "Mục 2", "Mục 2a", "Chương III", "Điều 5.", "Phụ lục".
var headingShape = regexp.MustCompile(`^(?:[IVXL]{1,6}\s*[.\-–—:]\s*\p{Lu}|(?:Phần|PHẦN)\s+(?:thứ|THỨ|[IVXL\d]+\b)|(?:Mục|MỤC)\s+(?:[IVXL]+|\d+[a-zA-Z]?)\b|(?:Chương|CHƯƠNG)\s+[IVXL\d]+\b|(?:Phụ lục|PHỤ LỤC)\b)`)

// romanRange recognizes a range of classes written with roman numerals
// ("IV - V", "I-V", "IX - X"): a table cell or a legend, not a heading.
var romanRange = regexp.MustCompile(`^[IVXL]+\s*[-–—]\s*[IVXL]+\.?$`)

// headingLine reports a line shaped like a heading (headingShape) that is
// not a range of roman classes.
func headingLine(l string) bool {
	return headingShape.MatchString(l) && !romanRange.MatchString(l)
}

// citeEnd matches the end of a line that breaks a reference before the
// part it names: "… quy định tại", "… theo", "… khoản 3", "… điểm d
// khoản 2", "… theo mẫu số 01-6/GTGT", "… mục 3", "… Điều 15". What
// follows the part's name is its number or letter (OCR: "khoản I",
// "khoản ]"), not a word: "Điều này", "các mục tiêu", "khoản thu" name
// no part on the next line.
var citeEnd = regexp.MustCompile(`(?:\s|^)(?:tại|theo|và|của|hoặc|(?:khoản|điểm|mục|Điều|[Mm]ẫu số)\s+(?:[^\s\p{Ll}]\S*|\p{Ll}[^\s\p{L}]*))$`)

// citesOn reports a line after which a heading-shaped line goes on with a
// reference of the sentence ("Điều 155 Luật Đất đai. Riêng…", "Phụ lục
// III ban hành kèm theo Thông tư này cho…", "Chương VI Nghị định này…"):
// no heading, but the part of a document the sentence names. A line
// ending its sentence ("… khoản 2 Điều này.", "… khoản 4 Điều 11.")
// breaks off nothing.
func citesOn(prev string) bool {
	prev = strings.TrimSpace(prev)
	return !endsSentence(prev) && citeEnd.MatchString(prev)
}

// closingShape recognizes the lines of a closing block.
func closingShape(line string) bool {
	f := viet.Fold(line)
	f = strings.TrimLeft(f, "-–+•* ")
	switch {
	case strings.HasPrefix(f, "noi nhan"), isSignature(strings.TrimSpace(line)):
		return true
	case strings.HasPrefix(f, "luu:") || strings.HasPrefix(f, "luu vt") || strings.HasPrefix(f, "luu: vt"):
		return true
	case strings.HasPrefix(f, "nhu tren") && len(f) < 20:
		return true
	case strings.HasPrefix(f, "vptw") || strings.HasPrefix(f, "vpcp") && strings.Contains(f, ","):
		return true
	}
	return false
}

// checkOutline returns the anomalies of the outline of body.
func checkOutline(body string) []anomaly {
	o := Parse(body)
	var out []anomaly
	add := func(class string, line int, what string) {
		if r := []rune(what); len(r) > 160 {
			what = string(r[:160]) + "…"
		}
		out = append(out, anomaly{class, line, what})
	}
	seen := map[string]int{}
	for _, it := range o.Items {
		if l, dup := seen[it.ID]; dup {
			add(anomIDCollision, it.Line, fmt.Sprintf("item %s also at line %d", it.ID, l))
		}
		seen[it.ID] = it.Line
	}
	pseen := map[string]bool{}
	for _, p := range o.Passages() {
		if pseen[p.ID] {
			add(anomIDCollision, p.Line, "passage "+p.ID)
		}
		pseen[p.ID] = true
	}
	for _, it := range o.Items {
		for k, l := range strings.Split(it.Text, "\n") {
			// "i) Nơi nhận." in a list of a document's parts is an item.
			if closingShape(l) && (k > 0 || it.kind == labelDash || it.kind == labelPara) {
				add(anomClosing, it.Line+k, it.ID+": "+l)
			}
		}
	}
	out = append(out, unstableIDs(body, o)...)
	// The lines a quoted provision starts on (Item.Quoted): the quote's
	// text stays its announcing item's too (planquote.go), so a heading
	// there that became a quoted item ("Điều 100b. …", the second article
	// of one quote) is read, not left as text.
	bodyLines := strings.Split(body, "\n")
	quotedHead := map[string]bool{}
	for _, it := range o.Items {
		if it.Quoted && it.Line >= 1 && it.Line <= len(bodyLines) {
			l, _ := clean(foldSpaces(bodyLines[it.Line-1]))
			quotedHead[l] = true
		}
	}
	for _, it := range o.Items {
		lines := strings.Split(it.Text, "\n")
		if len(lines) > longItemLines || viet.WordCount(it.Text) > longItemWords {
			add(anomLong, it.Line, fmt.Sprintf("%s: %d lines, %d words: %s", it.ID, len(lines), viet.WordCount(it.Text), lines[0]))
		}
		if it.Level > deepLevel {
			add(anomDeep, it.Line, fmt.Sprintf("level %d: %s", it.Level, it.ID))
		}
		if !strings.ContainsFunc(it.Text, unicode.IsLetter) {
			add(anomEmpty, it.Line, it.ID+": "+it.Label+" "+it.Text)
		}
		for k, l := range lines {
			if k > 0 && citesOn(lines[k-1]) {
				continue // "… quy định tại khoản 3" / "Điều 155 Luật Đất đai…"
			}
			if k > 0 && quotedHead[l] {
				continue
			}
			if k > 0 && strings.HasPrefix(l, "Điều ") {
				if _, _, ok := ArticleHeading(l); ok {
					add(anomHeading, it.Line, it.ID+": "+l)
					continue
				}
			}
			if k > 0 && headingLine(l) && !(strings.HasPrefix(viet.Fold(l), "phu luc") && endsSentence(l)) {
				// A sentence wrapped before "Phụ lục II ban hành kèm theo
				// Thông tư này." is no heading.
				add(anomHeading, it.Line, it.ID+": "+l)
			}
		}
	}
	for i, s := range o.Sections {
		text := strings.Split(s.Text, "\n")
		for k, l := range text {
			if k > 0 && citesOn(text[k-1]) {
				continue
			}
			if _, _, ok := ArticleHeading(l); ok || headingLine(l) {
				add(anomHeading, s.textLine, "section "+itoa(i)+" text: "+l)
			}
		}
	}
	out = append(out, emptySections(o, strings.Split(body, "\n"))...)
	out = append(out, lostRows(body, o)...)
	out = append(out, outOfOrder(o)...)
	return out
}

// unstableIDs cuts the body after half and three quarters of its lines
// and reports the items before the cut whose ID or line changed.
func unstableIDs(body string, full *Outline) []anomaly {
	lines := strings.Split(body, "\n")
	var out []anomaly
	for _, frac := range []int{2, 4} {
		cut := len(lines) - len(lines)/frac
		if cut <= 0 || cut >= len(lines) {
			continue
		}
		part := Parse(strings.Join(lines[:cut], "\n"))
		for i, it := range part.Items {
			if i+1 >= len(part.Items) || part.Items[i+1].Line > cut-2 {
				break // the last items may be cut themselves
			}
			if i >= len(full.Items) || full.Items[i].ID != it.ID || full.Items[i].Line != it.Line {
				got := "none"
				if i < len(full.Items) {
					got = fmt.Sprintf("%s at line %d", full.Items[i].ID, full.Items[i].Line)
				}
				out = append(out, anomaly{anomIDUnstable, it.Line, fmt.Sprintf("%s at line %d cut after line %d, %s whole", it.ID, it.Line, cut, got)})
				break
			}
		}
	}
	return out
}

// emptySections reports the sections after the preamble with neither
// items nor text, other than a title over the sections right under it
// ("Chương I", "QUY ĐỊNH CHUNG", then "Điều 1."): only upper-case lines
// between its heading and the next.
func emptySections(o *Outline, lines []string) []anomaly {
	has := make([]bool, len(o.Sections))
	for _, it := range o.Items {
		has[it.Section] = true
	}
	var out []anomaly
	for i, s := range o.Sections {
		if i == 0 || has[i] || s.Text != "" {
			continue
		}
		if i+1 < len(o.Sections) {
			titleOnly := true
			for k := s.Line; k < o.Sections[i+1].Line-1 && k < len(lines); k++ {
				if l, _ := clean(lines[k]); l != "" && !isUpperLine(l) {
					titleOnly = false
					break
				}
			}
			if titleOnly {
				continue
			}
		}
		out = append(out, anomaly{anomEmptySec, s.Line, s.ID + " " + s.Title})
	}
	return out
}

// lostRows finds the task tables of the body (a header row headerRoles
// accepts, then rows with at most two lines without cells between them)
// and reports each row with a task cell of text that no item starts at.
func lostRows(body string, o *Outline) []anomaly {
	starts := map[int]bool{}
	for _, it := range o.Items {
		starts[it.Line] = true
	}
	lines := strings.Split(body, "\n")
	var out []anomaly
	var roles []colRole
	gap := 0
	for i, raw := range lines {
		line, _ := clean(raw)
		cells := tableCells(line)
		if cells == nil {
			if line != "" {
				gap++
			}
			_, _, article := ArticleHeading(line)
			_, _, part := partHeading(line)
			if gap > 2 || isClosing(line) || isSignature(line) || article || part {
				roles = nil
			}
			continue
		}
		gap = 0
		if roles == nil {
			if r, ok := headerRoles(cells); ok {
				roles = r
			}
			continue
		}
		if isGroupRow(cells, len(roles)) || starts[i+1] {
			continue
		}
		full := alignRow(cells, roles, nil)
		for c, v := range full {
			if roles[c] == colTask && textCell(v) && viet.WordCount(v) >= 3 {
				out = append(out, anomaly{anomRowsLost, i + 1, line})
				break
			}
		}
	}
	return out
}

// outOfOrder reports numbered or lettered items that do not follow their
// previous sibling: "3." after "1.", "b)" twice.
func outOfOrder(o *Outline) []anomaly {
	type key struct {
		parent, section int
		kind            labelKind
		depth           int
	}
	last := map[key]string{}
	var out []anomaly
	for _, it := range o.Items {
		if it.kind != labelNumber && it.kind != labelLetter && it.kind != labelRoman || it.Label == "" || it.Quoted {
			continue // a group row has no label; a quote numbers as the amended text does, skipping what it leaves
		}
		k := key{it.Parent, it.Section, it.kind, it.depth}
		num := strings.TrimRight(it.Label, ".)-,:;") // "2:", "5;": a label ocrNumber read (ocrlabel.go)
		if i := strings.LastIndexByte(num, '.'); i >= 0 {
			num = num[i+1:]
		}
		prev, ok := last[k]
		last[k] = num
		if ok && !labelFollows(prev, num) {
			out = append(out, anomaly{anomOrder, it.Line, fmt.Sprintf("%s after %s: %s", it.Label, prev, firstLine(it.Text))})
		}
	}
	return out
}

// checkDoc is one document of a folder.
type checkDoc struct {
	name, body string
}

// markdownLine turns a line of the govdocs Markdown into a body line the
// way the development set was converted (../shared/data/plans
// PROVENANCE.md): emphasis and escapes gone, a table's rule row and a
// line of dashes dropped, cells joined by " | ".
func markdownLine(line string) (string, bool) {
	line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), ">"))
	if b, ok := strings.CutPrefix(line, "* "); ok {
		line = "- " + b // a Markdown bullet
	}
	line = strings.NewReplacer("*", "", "\\", "").Replace(line)
	for strings.HasPrefix(line, "#") {
		line = strings.TrimPrefix(line, "#")
	}
	line = strings.Join(strings.Fields(line), " ")
	if strings.Trim(line, "-|:* ") == "" {
		return "", false
	}
	if cells := tableCells(line); cells != nil && strings.HasPrefix(line, "|") {
		line = strings.Join(cells, " | ")
	}
	return line, true
}

func readGovdocs(t testing.TB, dir string) []checkDoc {
	files, _ := filepath.Glob(filepath.Join(dir, "govdocs_part*.jsonl"))
	var docs []checkDoc
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r struct {
				Path string `json:"source_path"`
				Body string `json:"body_markdown"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			var b []string
			for _, l := range strings.Split(r.Body, "\n") {
				if l, ok := markdownLine(l); ok {
					b = append(b, l)
				}
			}
			docs = append(docs, checkDoc{filepath.Base(r.Path), viet.Clean(strings.Join(b, "\n"))})
		}
		fh.Close()
	}
	return docs
}

func readPlans(t testing.TB, dir string) []checkDoc {
	fh, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var docs []checkDoc
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r struct {
			ID   string `json:"_id"`
			Text string `json:"text"`
		} // a line of docs.jsonl (corpus.Record), what the check reads of it
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, checkDoc{r.ID, r.Text})
	}
	return docs
}

func readHTML(t testing.TB, dir string) []checkDoc {
	var docs []checkDoc
	err := filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		a, err := extract.Extract(b, "text/html", nil, extract.Options{})
		if err != nil || viet.WordCount(a.Body) < 200 {
			return nil // a listing or a properties page: no document body
		}
		docs = append(docs, checkDoc{filepath.Base(path), a.Body})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// readAttachments reads each file the way the crawler stores it
// (crawler/filedoc.go): the body, then the appendices' text.
func readAttachments(t testing.TB, dir string) []checkDoc {
	r := filetext.NewReader(filetext.Options{NoOCR: os.Getenv("VANBAN_OUTLINE_OCR") != "1"})
	files, _ := filepath.Glob(filepath.Join(dir, "files", "*"))
	var docs []checkDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Read(context.Background(), f, b)
		if err != nil {
			t.Logf("%s: %v", filepath.Base(f), err)
			continue
		}
		parts := []string{res.Body}
		for _, s := range res.Sections {
			parts = append(parts, s.Text)
		}
		if body := strings.TrimSpace(strings.Join(parts, "\n")); body != "" {
			docs = append(docs, checkDoc{filepath.Base(f), body})
		}
	}
	return docs
}

func readND30(t testing.TB, dir string) []checkDoc {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []checkDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, checkDoc{filepath.Base(f), viet.Clean(string(b))})
	}
	return docs
}

// TestOutlineCheck runs the checker over the folders VANBAN_OUTLINE_CHECK
// names and prints its counts per folder and class.
func TestOutlineCheck(t *testing.T) {
	which := os.Getenv("VANBAN_OUTLINE_CHECK")
	if which == "" {
		t.Skip("VANBAN_OUTLINE_CHECK=1 (or folders: plans,govdocs,html,attachments,nd30_2020) runs the outline checker")
	}
	readers := map[string]func(testing.TB, string) []checkDoc{
		"plans": readPlans, "govdocs": readGovdocs, "html": readHTML, "attachments": readAttachments, "nd30_2020": readND30,
	}
	folders := []string{"plans", "govdocs", "html", "attachments", "nd30_2020"}
	if which != "1" {
		folders = strings.Split(which, ",")
	}
	out := os.Getenv("VANBAN_OUTLINE_CHECK_OUT")
	var report strings.Builder
	for _, folder := range folders {
		read, ok := readers[folder]
		if !ok {
			t.Fatalf("no folder %q", folder)
		}
		docs := read(t, shared.Path(t, "data", folder))
		counts, docsWith := map[string]int{}, map[string]int{}
		items, passages := 0, 0
		var detail, ids strings.Builder
		for _, d := range docs {
			o := Parse(d.body)
			items += len(o.Items)
			ps := o.Passages()
			passages += len(ps)
			for _, p := range ps {
				fmt.Fprintf(&ids, "%s\t%s\t%d\n", d.name, p.ID, p.Line)
			}
			as := checkOutline(d.body)
			sort.SliceStable(as, func(i, j int) bool { return as[i].class < as[j].class })
			in := map[string]bool{}
			for _, a := range as {
				counts[a.class]++
				if !in[a.class] {
					in[a.class] = true
					docsWith[a.class]++
				}
				fmt.Fprintf(&detail, "%s\t%s:%d\t%s\n", a.class, d.name, a.line, a.what)
			}
		}
		fmt.Fprintf(&report, "%s: %d documents, %d items, %d passages\n", folder, len(docs), items, passages)
		for _, c := range anomClasses {
			fmt.Fprintf(&report, "  %-22s %5d in %3d documents\n", c, counts[c], docsWith[c])
		}
		if out != "" {
			if err := os.WriteFile(filepath.Join(out, folder+".txt"), []byte(detail.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, folder+".ids"), []byte(ids.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Log("\n" + report.String())
}

// TestCheckOutlineFinds checks that each test of the checker reports what
// it is for, on bodies and outlines made to hold one anomaly each.
func TestCheckOutlineFinds(t *testing.T) {
	count := func(as []anomaly, class string) int {
		n := 0
		for _, a := range as {
			if a.class == class {
				n++
			}
		}
		return n
	}
	long := "1. Rà soát toàn bộ hồ sơ" + strings.Repeat("\nvà các tài liệu kèm theo", longItemLines)
	bodies := []struct {
		body, class string
		want        int
	}{
		{"1. Tổ chức tập huấn cho cán bộ cấp xã.\n3. Báo cáo kết quả về Sở Nội vụ.", anomOrder, 1},
		{"a) Lập danh sách hộ nghèo.\nc) Hỗ trợ vốn vay ưu đãi.", anomOrder, 1},
		{long, anomLong, 1},
		{"1. Sở Y tế bảo đảm thuốc thiết yếu.\n2. Sở Xây dựng sửa chữa trường học.", anomOrder, 0},
		{"Điều 3. Nguyên tắc\n1. Bảo đảm công khai.\n3: Phát huy quyền tự chủ.\n3. Người làm việc theo hợp đồng.", anomOrder, 0}, // "2:" read by ocrNumber
		// Added by i17-structrev: the classes the table above did not reach.
		{"1. Chỉ tiêu đến năm:\n2. 2030", anomEmpty, 1},
		{"1. Sửa đổi khoản 2 như sau:\n“2. Hồ sơ gồm:\nĐiều 5. Trách nhiệm thi hành\nb) Bản sao.”.", anomHeading, 1},
		// i18-parse4: the second article of a quote that opens with an
		// article is a quoted item of its own (planquote.go,
		// quotedArticles): read, though its line stays in the announcing
		// item's text.
		{"1. Bổ sung Điều 4a và Điều 4b như sau:\n“Điều 4a. Hồ sơ\n1. Đơn đề nghị.\nĐiều 4b. Trách nhiệm thi hành\n1. Bản sao.”.", anomHeading, 0},
		{"II. NHIỆM VỤ\n1. Về y tế\n1.1. Y tế cơ sở\n1.1.1. Trạm y tế\n1.1.1.1. Trang thiết bị\na) Sở Y tế:\n(1) Máy siêu âm:\n- Tuyến xã:\n" +
			"+ Vùng núi:\nHuyện Mường Tè:\nXã Pa Ủ:\nMua sắm hai máy siêu âm cho trạm y tế xã.", anomDeep, 1},
		// Added by i17-set3brev: an amendment quotes the clauses it
		// changes, numbered as the amended text numbers them (Quoted
		// items, planquote.go): "5." after the amending text's "2." is
		// in order; the amending text's own "4." after "2." is not.
		{"Điều 1. Sửa đổi Điều 8\n1. Sửa đổi khoản 2 như sau:\n“2. Trụ sở doanh nghiệp.\n5. Trụ sở người khai hải quan.\n9. Địa điểm kiểm tra.”\n2. Bãi bỏ khoản 3.", anomOrder, 0},
		{"Điều 1. Sửa đổi Điều 8\n1. Sửa đổi khoản 2 như sau:\n“2. Trụ sở doanh nghiệp.”\n2. Bãi bỏ khoản 3.\n4. Bãi bỏ khoản 4.", anomOrder, 1},
	}
	for _, b := range bodies {
		if got := count(checkOutline(b.body), b.class); got != b.want {
			t.Errorf("%q: %d %s, want %d", b.body, got, b.class, b.want)
		}
	}
	// A task table none of whose rows became an item.
	table := "STT | Nội dung | Cơ quan chủ trì\n1 | Xây dựng cơ sở dữ liệu dân cư | Công an tỉnh\n2 | Số hóa hồ sơ đất đai | Sở Nông nghiệp và Môi trường"
	if got := len(lostRows(table, &Outline{})); got != 2 {
		t.Errorf("lostRows: %d rows, want 2", got)
	}
	if got := len(lostRows(table, Parse(table))); got != 0 {
		t.Errorf("lostRows of the parsed table: %d rows, want 0", got)
	}
	// A section with a body line and nothing in it; a title over a section.
	o := &Outline{Sections: []Section{{}, {ID: "I", Title: "NHIỆM VỤ", Line: 1}, {ID: "ChI", Title: "QUY ĐỊNH CHUNG", Line: 3}, {ID: "Đ1", Line: 4, Text: "x"}}}
	if got := emptySections(o, []string{"I. NHIỆM VỤ", "Các sở thực hiện", "Chương I", "Điều 1. Phạm vi"}); len(got) != 1 || got[0].line != 1 {
		t.Errorf("emptySections = %v, want section I only", got)
	}
	for _, l := range []string{"- Như trên;", "Nơi nhận:", "- Lưu: VT, KGVX.", "KT. CHỦ TỊCH"} {
		if !closingShape(l) {
			t.Errorf("closingShape(%q) = false", l)
		}
	}
	for _, l := range []string{"II- NHIỆM VỤ", "Chương III", "Mục 2", "Mục 2a", "PHẦN THỨ HAI", "Phụ lục I"} {
		if !headingShape.MatchString(l) {
			t.Errorf("headingShape misses %q", l)
		}
	}
	if headingShape.MatchString("Mục tiêu đến năm 2030") {
		t.Error("headingShape takes a sentence")
	}
}
