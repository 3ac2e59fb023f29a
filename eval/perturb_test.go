package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus/viet"
)

// Perturbations of a document's text for TestLinksRobust: changes of form
// that real held-out documents plausibly have (another converter, another
// typist, a PDF) and that must not change what a plan item implements.
// Each is deterministic and works on lines: it returns the new lines and,
// for each, the index of the original line it came from (-1 for a line it
// inserted: a blank, a page number). A line's text is kept in its own
// output lines in order, so a label's item or quote is found again in the
// same place (remap).

// perturbation is one change of form.
type perturbation struct {
	name, what string
	apply      func(lines []string) (out []string, origin []int)
}

// perLine is a perturbation that maps each line to one line.
func perLine(f func(string) string) func([]string) ([]string, []int) {
	return func(lines []string) ([]string, []int) {
		out, origin := make([]string, len(lines)), make([]int, len(lines))
		for i, l := range lines {
			out[i], origin[i] = f(l), i
		}
		return out, origin
	}
}

// perturbations is every perturbation the test runs, one at a time.
var perturbations = []perturbation{
	{"nfd", "Unicode NFD instead of NFC", perLine(norm.NFD.String)},
	{"tone-new", "new-style tone placement: hòa → hoà, thủy → thuỷ, quý → qúy", perLine(toneNew)},
	{"tone-old", "old-style tone placement: hoà → hòa, thuỷ → thủy (viet.Canon)", perLine(viet.Canon)},
	{"wrap-80", "hard wrap at 80 columns between words (pdftotext)", wrap(80, 0, "")},
	{"wrap-80-dash", "wrap-80 breaking before a spaced dash when the line is 3/5 full (\"kinh tế\" / \"- xã hội\")", wrapDash(80)},
	{"wrap-70", "hard wrap at 70 columns between words", wrap(70, 0, "")},
	{"wrap-80-pages", "wrap-80 with a page number line (\"2\") every 40 lines", wrap(80, 40, "%d")},
	{"wrap-80-trang", "wrap-80 with \"Trang 3/12\" every 40 lines", wrap(80, 40, "Trang %d/12")},
	{"pages", "a page number line every 40 lines, no wrap", wrap(0, 40, "%d")},
	{"bullet-plus", "line-start bullets \"-\" ↔ \"+\"", perLine(swapBullet(map[string]string{"-": "+", "+": "-"}))},
	{"bullet-endash", "line-start bullets \"-\", \"+\" → \"–\"", perLine(swapBullet(map[string]string{"-": "–", "+": "–"}))},
	{"bullet-dot", "line-start bullets \"-\", \"+\" → \"•\"", perLine(swapBullet(map[string]string{"-": "•", "+": "•"}))},
	{"num-paren", "item numbers \"1.\" → \"1)\"", perLine(numParen)},
	{"blank-add", "a blank line after every line", blankAdd},
	{"blank-del", "blank lines removed", blankDel},
	{"ws-double", "every space doubled", perLine(func(s string) string { return strings.ReplaceAll(s, " ", "  ") })},
	{"ws-trail", "two trailing spaces on every line", perLine(func(s string) string { return s + "  " })},
	{"ws-nbsp", "no-break spaces (U+00A0) after line-start markers and for every third space", perLine(nbsp)},
	{"ws-tab", "a leading tab on every line, a tab after line-start markers", perLine(tabs)},
	{"case-upper", "numbered headings (I., 1., Chương, Mục, Phần) in upper case", perLine(upperHeading)},
	{"case-article", "article headings (Điều 5.) in upper case", perLine(upperArticle)},
	{"case-sentence", "upper-case lines in sentence case", perLine(sentenceCase)},
	{"pdf-combo", "wrap-80-trang, then tone-new, nfd and ws-tab together (one converter's output)",
		then(wrap(80, 40, "Trang %d/12"), func(l string) string { return tabs(norm.NFD.String(toneNew(l))) })},
}

// then is apply followed by f on every line.
func then(apply func([]string) ([]string, []int), f func(string) string) func([]string) ([]string, []int) {
	return func(lines []string) ([]string, []int) {
		out, origin := apply(lines)
		for i := range out {
			out[i] = f(out[i])
		}
		return out, origin
	}
}

// toneMarks are the combining tone marks of decomposed Vietnamese.
const toneMarks = "\u0300\u0301\u0303\u0309\u0323"

// toneNew puts the tone of open syllables ending in oa, oe, uy on the last
// vowel ("new style": hòa → hoà, khỏe → khoẻ, thủy → thuỷ) and that of quý
// on the u (the common misplacement qúy). Other syllables are unchanged.
func toneNew(s string) string {
	var b strings.Builder
	word := func(w string) {
		tone := rune(0)
		var base []rune // letters without the tone, NFD
		for _, r := range norm.NFD.String(w) {
			if strings.ContainsRune(toneMarks, r) {
				tone = r
				continue
			}
			base = append(base, r)
		}
		if tone == 0 {
			b.WriteString(w)
			return
		}
		letters := []rune(norm.NFC.String(string(base)))
		low := strings.ToLower(string(letters))
		n := len(letters)
		var to int
		switch {
		case low == "quy":
			to = 1 // qúy
		case n >= 2 && (strings.HasSuffix(low, "oa") || strings.HasSuffix(low, "oe") || strings.HasSuffix(low, "uy")) &&
			!strings.HasSuffix(low, "quy"):
			to = n - 1
		default:
			b.WriteString(w)
			return
		}
		out := make([]rune, 0, n+1)
		for i, r := range letters {
			out = append(out, r)
			if i == to {
				out = append(out, tone)
			}
		}
		b.WriteString(norm.NFC.String(string(out)))
	}
	start := -1
	for i, r := range s {
		isLetter := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		switch {
		case isLetter && start < 0:
			start = i
		case !isLetter && start >= 0:
			word(s[start:i])
			start = -1
		}
		if !isLetter {
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		word(s[start:])
	}
	return b.String()
}

// wrap hard-wraps every line at width columns between words (width 0: no
// wrap) and, when every > 0, inserts a page line (format with the page
// number) after every every-th output line, as text from a PDF has.
func wrap(width, every int, page string) func([]string) ([]string, []int) {
	return func(lines []string) ([]string, []int) {
		var out []string
		var origin []int
		add := func(l string, o int) {
			out, origin = append(out, l), append(origin, o)
			if every > 0 && len(out)%(every+1) == every {
				out, origin = append(out, fmt.Sprintf(page, len(out)/every+1)), append(origin, -1)
			}
		}
		for i, l := range lines {
			if width == 0 || utf8.RuneCountInString(l) <= width || strings.Contains(l, " | ") {
				// A table row (the cells of our documents' tables) is
				// no paragraph to wrap.
				add(l, i)
				continue
			}
			var cur []string
			n := 0
			for _, w := range strings.Fields(l) {
				k := utf8.RuneCountInString(w)
				if len(cur) > 0 && n+1+k > width {
					add(strings.Join(cur, " "), i)
					cur, n = nil, 0
				}
				if len(cur) > 0 {
					n++
				}
				cur, n = append(cur, w), n+k
			}
			if len(cur) > 0 {
				add(strings.Join(cur, " "), i)
			}
		}
		return out, origin
	}
}

// wrapDash is wrap(width, 0, "") that also breaks before a dash between
// spaces once the line holds three fifths of the width, so that lines
// start "- xã hội", "- 2030" or "- Tự do" as a PDF's do when the break
// falls there.
func wrapDash(width int) func([]string) ([]string, []int) {
	return func(lines []string) ([]string, []int) {
		var out []string
		var origin []int
		for i, l := range lines {
			if utf8.RuneCountInString(l) <= width || strings.Contains(l, " | ") {
				out, origin = append(out, l), append(origin, i)
				continue
			}
			var cur []string
			n := 0
			for _, w := range strings.Fields(l) {
				k := utf8.RuneCountInString(w)
				if len(cur) > 0 && (n+1+k > width || w == "-" && n*5 >= width*3) {
					out, origin = append(out, strings.Join(cur, " ")), append(origin, i)
					cur, n = nil, 0
				}
				if len(cur) > 0 {
					n++
				}
				cur, n = append(cur, w), n+k
			}
			if len(cur) > 0 {
				out, origin = append(out, strings.Join(cur, " ")), append(origin, i)
			}
		}
		return out, origin
	}
}

// marker returns the length in bytes of the line-start marker of l
// ("-", "+", "1.", "a)", "I."), 0 when it has none.
func marker(l string) int {
	t := strings.TrimLeft(l, " \t")
	lead := len(l) - len(t)
	for _, m := range []string{"-", "+", "–", "•"} {
		if strings.HasPrefix(t, m+" ") {
			return lead + len(m)
		}
	}
	i := 0
	for i < len(t) && i < 5 && (t[i] >= '0' && t[i] <= '9' || t[i] == 'I' || t[i] == 'V' || t[i] == 'X' || t[i] >= 'a' && t[i] <= 'z') {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && i+1 < len(t) && t[i+1] == ' ' {
		return lead + i + 1
	}
	return 0
}

// swapBullet replaces a line-start bullet by its image in m.
func swapBullet(m map[string]string) func(string) string {
	return func(l string) string {
		t := strings.TrimLeft(l, " \t")
		lead := l[:len(l)-len(t)]
		for from, to := range m {
			if strings.HasPrefix(t, from+" ") {
				return lead + to + t[len(from):]
			}
		}
		return l
	}
}

// numParen writes an item number "1." as "1)".
func numParen(l string) string {
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(l[i:], ". ") {
		return l[:i] + ")" + l[i+1:]
	}
	return l
}

func blankAdd(lines []string) ([]string, []int) {
	var out []string
	var origin []int
	for i, l := range lines {
		out, origin = append(out, l, ""), append(origin, i, -1)
	}
	return out, origin
}

func blankDel(lines []string) ([]string, []int) {
	var out []string
	var origin []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			out, origin = append(out, l), append(origin, i)
		}
	}
	return out, origin
}

// nbsp writes the space after a line-start marker and every third other
// space as U+00A0.
func nbsp(l string) string {
	var b strings.Builder
	m, n := marker(l), 0
	for i, r := range l {
		if r == ' ' && (i == m || n%3 == 2) {
			b.WriteRune('\u00a0')
			n++
			continue
		}
		if r == ' ' {
			n++
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tabs indents every line with a tab and puts a tab after its marker.
func tabs(l string) string {
	if m := marker(l); m > 0 && m < len(l) && l[m] == ' ' {
		l = l[:m] + "\t" + l[m+1:]
	}
	return "\t" + l
}

// heading reports whether l is a numbered heading: a Roman numeral, a
// part, chapter or section ("Phần", "Chương", "Mục"), or a short line
// with an Arabic number that ends no sentence.
func heading(l string) bool {
	t := strings.TrimSpace(l)
	for _, p := range []string{"Chương ", "Mục ", "Phần "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	i := 0
	for i < len(t) && strings.IndexByte("IVX", t[i]) >= 0 {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == '-') {
		return true
	}
	i = 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	// An Arabic-numbered line is a heading when it is short and states
	// no sentence ("1. MỤC ĐÍCH, YÊU CẦU", "2. Sở Y tế:"), not a clause.
	end := strings.TrimRight(t, " ")
	return i > 0 && i < len(t) && t[i] == '.' && utf8.RuneCountInString(t) <= 100 &&
		!strings.HasSuffix(end, ".") && !strings.HasSuffix(end, ";")
}

func upperHeading(l string) string {
	if heading(l) {
		return strings.ToUpper(l)
	}
	return l
}

// upperArticle writes the heading of an article in upper case ("ĐIỀU 5.
// CHẾ ĐỘ BÁO CÁO"), as older and scanned legal texts do.
func upperArticle(l string) string {
	if strings.HasPrefix(strings.TrimSpace(l), "Điều ") {
		return strings.ToUpper(l)
	}
	return l
}

// sentenceCase writes a line without lower-case letters (and with at least
// four letters) in sentence case, as another typist would: its marker
// ("II.", "A.", "1.") and acronyms (words that are no Vietnamese syllable:
// UBND, HĐND) as they are, the first word capitalised, the rest in lower
// case.
func sentenceCase(l string) string {
	letters := 0
	for _, r := range l {
		if unicode.IsLower(r) {
			return l
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 4 {
		return l
	}
	m := marker(l)
	if m == 0 {
		if t := strings.TrimLeft(l, "IVX"); t != l && (strings.HasPrefix(t, ".") || strings.HasPrefix(t, "-")) {
			m = len(l) - len(t) + 1
		}
	}
	var b strings.Builder
	b.WriteString(l[:m])
	first := true
	for _, w := range strings.SplitAfter(l[m:], " ") {
		word := strings.TrimRight(w, " ")
		core := strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
		low := strings.ToLower(core)
		switch {
		case core == "":
			b.WriteString(w)
		case !viet.ValidSyllable(low):
			b.WriteString(w) // an acronym
			first = false
		case first:
			b.WriteString(w[:strings.Index(w, core)])
			r, n := utf8.DecodeRuneInString(core)
			b.WriteRune(r)
			b.WriteString(strings.ToLower(core[n:]))
			b.WriteString(w[strings.Index(w, core)+len(core):])
			first = false
		default:
			b.WriteString(strings.ToLower(w))
		}
	}
	return b.String()
}

// remap finds s (folded as the evaluator folds, linkNorm) in the original
// line orig and returns the same stretch of the line's perturbed output
// lines outs: the whole stretch (a quote), and the part on the output line
// where it starts with that line's index in outs (an item). ok is false
// when s is not in orig or the perturbation changed the line's folded
// length (the stretch cannot be carried over).
func remap(orig string, outs []string, s string) (whole, first string, at int, ok bool) {
	on, sn := []rune(linkNorm(orig)), []rune(linkNorm(s))
	i := strings.Index(string(on), string(sn))
	if i < 0 || len(sn) == 0 {
		return "", "", 0, false
	}
	a := utf8.RuneCountInString(string(on)[:i])
	var cat []rune
	var ends []int // rune end of each output line in cat
	for _, o := range outs {
		p := []rune(linkNorm(o))
		if len(p) > 0 && len(cat) > 0 {
			cat = append(cat, ' ')
		}
		cat = append(cat, p...)
		ends = append(ends, len(cat))
	}
	if len(cat) != len(on) {
		return "", "", 0, false
	}
	e := a + len(sn)
	whole = string(cat[a:e])
	for at = range ends {
		if a < ends[at] {
			break
		}
	}
	first = strings.TrimSpace(string(cat[a:min(e, ends[at])]))
	return whole, first, at, true
}
