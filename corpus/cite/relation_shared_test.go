package cite

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/internal/shared"
)

// Relations on every Pháp điển note of the shared folder (the 4,000-note
// sample of all forms and the 3,183 full-form notes), labelled by the
// regular expressions below, which read the notes' fixed format apart from
// the parser's grammar:
//
//	PART TYPE số KEY [trích yếu …], có hiệu lực thi hành kể từ ngày D
//	  [, (có nội dung) được|bị VERB {, (có nội dung) được|bị VERB} bởi|theo quy định tại PART TYPE số KEY có hiệu lực … ngày D {; PART TYPE số KEY …}]
//
// The note's subject (its first reference) takes the first verb's relation
// with the first agent as the other end, or "mentions"; every agent takes
// the relation as actor. Parts and effect dates are the ones written before
// and after each reference. References inside a full-form note's trích yếu
// are not labelled and not scored.

var (
	noteSubjectRe = regexp.MustCompile(`^((?:(?:Điểm|điểm|Khoản|khoản|Điều) [0-9a-zđ]+[a-z]? ?)+)`)
	noteEffRe     = regexp.MustCompile(`có hiệu lực(?: thi hành)? kể từ ngày (\d{1,2})/(\d{1,2})/(\d{4})`)
	notePassiveRe = regexp.MustCompile(`, (?:có nội dung )?(?:được|bị) ([^,]+?)(?:, (?:(?:có nội dung )?(?:được|bị) )?[^,]+?)* (?:bởi|theo quy định tại) `)
	noteAgentRe   = regexp.MustCompile(`((?:(?:Điểm|điểm|Khoản|khoản|Điều) [0-9a-zđ]+[a-z]?(?:, | )?)+)(?:của )?(?:Luật|Bộ luật|Nghị định|Nghị quyết(?: liên tịch)?|Thông tư(?: liên tịch)?|Quyết định|Pháp lệnh|Lệnh) (?:số )?([0-9][^ ,;]*(?: ?- ?[A-ZĐ][^ ,;]*)*)`)
)

var noteVerbs = []struct {
	prefix string
	rel    Relation
}{
	{"sửa đổi", Amends}, {"bổ sung", Amends}, {"bãi bỏ", Repeals}, {"ngưng hiệu lực", Suspends},
	{"thay thế", Replaces}, {"đình chỉ", Suspends},
}

// labelNote returns the expected references of a note (subject first, then
// agents), or nil when the note's format is not the regular one.
func labelNote(note string) []relWant {
	note = viet.NFC(note)
	var subj relWant
	if m := noteSubjectRe.FindStringSubmatch(note); m != nil {
		subj.part = strings.TrimSpace(m[1])
	} else {
		return nil
	}
	if m := noteEffRe.FindStringSubmatch(note); m != nil {
		d, _ := parseDate(m[1] + "/" + m[2] + "/" + m[3])
		subj.eff = d
	}
	subj.rel = string(Mentions)
	out := []relWant{subj}
	loc := notePassiveRe.FindStringSubmatchIndex(note)
	if loc == nil {
		return out
	}
	verb := note[loc[2]:loc[3]]
	rel := Relation("")
	for _, v := range noteVerbs {
		if strings.HasPrefix(verb, v.prefix) {
			rel = v.rel
			break
		}
	}
	if rel == "" {
		return nil
	}
	rest := note[loc[1]:]
	for _, seg := range strings.Split(rest, "; ") {
		m := noteAgentRe.FindStringSubmatch(seg)
		if m == nil || !strings.HasPrefix(seg, m[0]) {
			break
		}
		a := relWant{rel: string(rel), part: strings.TrimSuffix(strings.TrimSpace(m[1]), ","), key: m[2]}
		if e := noteEffRe.FindStringSubmatch(seg); e != nil {
			d, _ := parseDate(e[1] + "/" + e[2] + "/" + e[3])
			a.eff = d
		}
		out = append(out, a)
	}
	if len(out) > 1 {
		out[0].rel = string(rel)
	}
	return out
}

// scoreNote compares the parser's references of a note with its labels:
// the subject is the first reference, the agents those after the passive.
func scoreNote(s *relScore, note string, want []relWant) (ok bool) {
	got := ParseRefs(note)
	if len(got) == 0 {
		s.refs += len(want)
		s.missed += len(want)
		return false
	}
	ok = true
	check := func(w relWant, r Ref, dir string) {
		s.refs++
		if string(r.Relation) == w.rel && direction(r) == dir {
			s.relOK++
		} else {
			ok = false
		}
		if w.part != "" {
			s.parts++
			if r.Part == w.part {
				s.partOK++
			} else {
				ok = false
			}
		}
		if w.eff != "" {
			s.effs++
			if r.Effective == w.eff {
				s.effOK++
			} else {
				ok = false
			}
		}
	}
	subj := got[0]
	agents := want[1:]
	// each agent is the next reference with its key after the subject and
	// the agent before it (trích yếu references may stand between)
	found := make([]Ref, 0, len(agents))
	j := 1
	for _, a := range agents {
		for j < len(got) && got[j].LookupKey() != doctype.NumberKey(a.key) {
			j++
		}
		if j == len(got) {
			break
		}
		found = append(found, got[j])
		j++
	}
	subjDir := ""
	if len(found) > 0 {
		subjDir = "<" + found[0].Key
	}
	check(want[0], subj, subjDir)
	for i, a := range agents {
		if i >= len(found) {
			s.refs++
			s.missed++
			ok = false
			continue
		}
		check(a, found[i], ">"+subj.Key)
	}
	return ok
}

// TestRelationsPhapdien scores every regular note of the two Pháp điển
// files and requires 0.95 on relations, parts and dates.
func TestRelationsPhapdien(t *testing.T) {
	var notes []string
	sample := shared.Path(t, "data", "citations", "phapdien_source_notes_sample_all_forms.txt")
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	notes = append(notes, strings.Split(strings.TrimSpace(string(data)), "\n")...)
	f, err := os.Open(shared.Path(t, "data", "citations", "phapdien_source_notes_full_form.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var n phapdienNote
		if err := json.Unmarshal(sc.Bytes(), &n); err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n.Note)
	}
	s := relScore{byRel: map[string][2]int{}}
	skipped, withAgents := 0, 0
	for _, note := range notes {
		want := labelNote(note)
		if want == nil {
			skipped++
			continue
		}
		if len(want) > 1 {
			withAgents++
		}
		s.cases++
		if !scoreNote(&s, note, want) && logMisses() {
			t.Logf("miss: %s\n\twant %v\n\tgot  %v", note, want, gotStrings(ParseRefs(note)))
		}
	}
	t.Logf("Pháp điển notes: %d scored (%d with a passive and its agents), %d not in the regular format", s.cases, withAgents, skipped)
	checkScore(t, "Pháp điển notes", s)
}

func gotStrings(refs []Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, gotString(r))
	}
	return out
}

// TestParseDocND30 reads the closing article of Nghị định 30/2020/NĐ-CP in
// its full text: it takes effect on signing (the header's "Hà Nội, ngày 05
// tháng 3 năm 2020"), and the two decrees it ends expire that day.
func TestParseDocND30(t *testing.T) {
	data, err := os.ReadFile(shared.Path(t, "data", "nd30_2020", "nd30_2020_main.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := ParseDoc(string(data), Self{Number: "30/2020/NĐ-CP"})
	if d.Signed != "2020-03-05" || d.Effective != "2020-03-05" {
		t.Errorf("signed %q, effective %q; want 2020-03-05 both", d.Signed, d.Effective)
	}
	want := []string{
		"30/2020/NĐ-CP;mentions;;;",
		"110/2004/NĐ-CP;expires;;;2020-03-05",
		"09/2010/NĐ-CP;expires;;;2020-03-05",
		"110/2004/NĐ-CP;amends;<09/2010/NĐ-CP;;",
	}
	got := gotStrings(d.Refs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("refs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
