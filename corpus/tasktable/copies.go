package tasktable

// Copies: the one rule of when two implementing documents are the same
// document stored twice — collected from several pages or portals,
// converted twice, or an article and the file it wraps — so that the
// tasks view lists its tasks once and a parent's page names it once
// (tasks.Table, corpus.Store.Role).

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// SameDocument reports two implementing documents of one number
// (doctype.NumberKey) that are one document, given their task IDs:
//
//   - two documents neither of which is a file are one when their
//     publication dates, sites and issuers agree where both are known
//     (another district's "21/KH-UBND" of another year, of another
//     portal, or by another issuer is another plan: an import has no
//     site, a page may have no date read);
//   - with a file among them, they must also list mostly the same tasks
//     (sameTasks: at least half of the shorter list's IDs in the other,
//     or of its texts, TextSum): an annex file may carry its article's
//     number and tasks of its own ("I.1", "II.2" of a plan beside the
//     decision's "Đ1", "Đ2"), while a file whose headings the parser reads
//     otherwise than the page's (a PDF that lost a section's numeral:
//     "1.2" for "II.2") lists the same tasks under other IDs; two with
//     no tasks at all (a circular implementing a decree, stored as its
//     page and its file) have none to tell apart and are one. A file and
//     the article that links it (Parent) need no agreement of dates or
//     sites: the file's header and the page may date it apart.
func SameDocument(a, b *TaskDoc, aTasks, bTasks []TaskKey) bool {
	ka := doctype.NumberKey(a.Number)
	if ka == "" || ka != doctype.NumberKey(b.Number) {
		return false
	}
	agree := (a.Published == "" || b.Published == "" || a.Published == b.Published) &&
		(a.Site == "" || b.Site == "" || a.Site == b.Site) &&
		(a.Issuer == "" || b.Issuer == "" || issuerKey(a.Issuer) == issuerKey(b.Issuer))
	if a.File == "" && b.File == "" {
		return agree
	}
	wraps := a.File != "" && a.Parent == b.ID || b.File != "" && b.Parent == a.ID
	none := len(aTasks) == 0 && len(bTasks) == 0 // no task to tell them apart: a circular without tasks and its file
	return (agree || wraps) && (none || sameTasks(aTasks, bTasks))
}

// sameTasks reports two task lists of which at least half of the shorter
// is in the other, by ID or by text (TaskKey.Sum; none: false).
func sameTasks(a, b []TaskKey) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	ids := make(map[string]bool, len(b))
	sums := make(map[uint32]bool, len(b))
	for _, k := range b {
		ids[k.ID] = true
		if k.Sum != 0 {
			sums[k.Sum] = true
		}
	}
	byID, byText := 0, 0
	for _, k := range a {
		if ids[k.ID] {
			byID++
		}
		if k.Sum != 0 && sums[k.Sum] {
			byText++
		}
	}
	return 2*byID >= len(a) || 2*byText >= len(a)
}

// sumWords is how many words of a task's text TextSum reads: enough to
// tell tasks apart, few enough that what a conversion appends to an item
// (a page's footer, the next heading run in) does not tell copies apart.
const sumWords = 40

// TextSum is a task text's fingerprint for the copy rule: FNV-1a of its
// first sumWords words folded (marks, case, "đ") with the punctuation
// off, so that a page's and a file's conversion of one item agree
// (quotes, dashes, line breaks, spacing apart). Empty text: 0.
func TextSum(text string) uint32 {
	h := fnv.New32a()
	n := 0
	for w := range strings.FieldsFuncSeq(viet.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if n == sumWords {
			break
		}
		if n > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
		n++
	}
	if n == 0 {
		return 0
	}
	return h.Sum32() | 1 // never 0: 0 is no text
}

// Copies returns, for each of n implementing documents (doc(i), its task
// keys tasks(i) — ID and Sum —, read only for documents sharing a number), the index of
// the copy that lists its tasks in its place, or -1 when it lists them
// itself. Of the copies of one document the one kept has the most tasks
// (the fullest conversion), then is no file (the article a reader opens
// before the file it wraps), has a known date, a known type, then the
// least ID (the same choice on every refresh).
func Copies(n int, doc func(i int) *TaskDoc, tasks func(i int) []TaskKey) []int {
	out := make([]int, n)
	groups := map[string][]int{}
	for i := range n {
		out[i] = -1
		if k := doctype.NumberKey(doc(i).Number); k != "" {
			groups[k] = append(groups[k], i)
		}
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		ids := make(map[int][]TaskKey, len(g))
		for _, i := range g {
			ids[i] = tasks(i)
		}
		slices.SortFunc(g, func(a, b int) int { return preferCopy(doc(a), doc(b), len(ids[a]), len(ids[b])) })
		var kept []int
		for _, i := range g {
			for _, k := range kept {
				if SameDocument(doc(i), doc(k), ids[i], ids[k]) {
					if out[i] < 0 || doc(i).Parent == doc(k).ID {
						out[i] = k // the first kept it copies, the article a file wraps before all
					}
				}
			}
			if out[i] < 0 {
				kept = append(kept, i)
			}
		}
	}
	return out
}

// preferCopy orders the copies of one document, the one kept first
// (Copies).
func preferCopy(a, b *TaskDoc, na, nb int) int {
	if c := cmp.Compare(nb, na); c != 0 {
		return c
	}
	if c := cmp.Compare(known(a.File), known(b.File)); c != 0 {
		return c // no file first
	}
	if c := cmp.Compare(known(b.Published), known(a.Published)); c != 0 {
		return c
	}
	if c := cmp.Compare(known(b.Type), known(a.Type)); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// known is 1 for a field given, 0 for an empty one.
func known(s string) int {
	if s == "" {
		return 0
	}
	return 1
}

// issuerAbbrev are the abbreviations of issuers' heads, folded.
var issuerAbbrev = map[string]string{"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}

// issuerKey is an issuer's name as its spellings share it: folded (case,
// marks, "Ủy"/"Uỷ"), "UBND"/"HĐND" written out, white space collapsed.
func issuerKey(s string) string {
	ws := strings.Fields(viet.Fold(s))
	for i, w := range ws {
		if full, ok := issuerAbbrev[w]; ok {
			ws[i] = full
		}
	}
	return strings.Join(ws, " ")
}
