package filetext

import (
	"cmp"
	"encoding/xml"
	"strconv"
	"strings"
)

// numbering renders list labels from word/numbering.xml: w:num (numId →
// abstractNumId) and w:abstractNum levels (start, numFmt, lvlText such as
// "%1." or "%1.%2."). Counters are kept per numId and level; a level's
// counter resets when a shallower level advances.
type numbering struct {
	nums     map[string]string // numId → abstractNumId
	abstract map[string]map[int]numLevel
	counters map[string][]int // numId → counter per level
}

type numLevel struct {
	start int
	fmt   string // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
	text  string // "%1.", "%1)", "-"
}

func parseNumbering(b []byte) *numbering {
	var doc struct {
		Abstract []struct {
			ID   string `xml:"abstractNumId,attr"`
			Lvls []struct {
				Ilvl  int `xml:"ilvl,attr"`
				Start struct {
					Val string `xml:"val,attr"`
				} `xml:"start"`
				NumFmt struct {
					Val string `xml:"val,attr"`
				} `xml:"numFmt"`
				LvlText struct {
					Val string `xml:"val,attr"`
				} `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string `xml:"numId,attr"`
			Abstract struct {
				Val string `xml:"val,attr"`
			} `xml:"abstractNumId"`
		} `xml:"num"`
	}
	n := &numbering{nums: map[string]string{}, abstract: map[string]map[int]numLevel{}, counters: map[string][]int{}}
	if xml.Unmarshal(b, &doc) != nil {
		return n
	}
	for _, a := range doc.Abstract {
		lv := map[int]numLevel{}
		for _, l := range a.Lvls {
			start, err := strconv.Atoi(l.Start.Val)
			if err != nil || start < 0 || start > 1<<20 {
				start = 1
			}
			lv[l.Ilvl] = numLevel{start: start, fmt: l.NumFmt.Val, text: l.LvlText.Val}
		}
		n.abstract[a.ID] = lv
	}
	for _, m := range doc.Nums {
		n.nums[m.ID] = m.Abstract.Val
	}
	return n
}

// label advances the counter of numID at level ilvl and returns the label
// ("2.", "b)", "-"), or "" for none.
func (n *numbering) label(numID string, ilvl int) string {
	if n == nil || numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	levels := n.abstract[n.nums[numID]]
	if levels == nil {
		return ""
	}
	lv, ok := levels[ilvl]
	if !ok {
		return ""
	}
	switch lv.fmt {
	case "none":
		return ""
	case "bullet":
		return "-"
	}
	c := n.counters[numID]
	if c == nil {
		c = make([]int, 9)
		n.counters[numID] = c
	}
	if c[ilvl] == 0 {
		c[ilvl] = lv.start
	} else {
		c[ilvl]++
	}
	for d := ilvl + 1; d < len(c); d++ {
		c[d] = 0
	}
	out := lv.text
	for d := 0; d <= ilvl; d++ {
		v := c[d]
		if v == 0 {
			v = levels[d].start
		}
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(d+1), formatNumber(v, levels[d].fmt))
	}
	return strings.TrimSpace(out)
}

func formatNumber(v int, format string) string {
	switch format {
	case "lowerLetter":
		return letters(v, 'a')
	case "upperLetter":
		return letters(v, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperRoman":
		return roman(v)
	}
	return strconv.Itoa(v)
}

func letters(v int, base byte) string {
	if v < 1 || v > 26*8 {
		return strconv.Itoa(v)
	}
	// Word repeats the letter after z: aa, bb…
	return strings.Repeat(string(rune(base+byte((v-1)%26))), (v-1)/26+1)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

// styleInfo is what a style contributes: its font and its numbering.
type styleInfo struct {
	font  string
	numID string
	ilvl  int
}

// parseStyles reads word/styles.xml: each style's font and numbering, and
// the document default font under the key "".
func parseStyles(b []byte) map[string]styleInfo {
	var doc struct {
		Defaults struct {
			Fonts struct {
				ASCII string `xml:"ascii,attr"`
				HAnsi string `xml:"hAnsi,attr"`
			} `xml:"rPrDefault>rPr>rFonts"`
		} `xml:"docDefaults"`
		Styles []struct {
			ID    string `xml:"styleId,attr"`
			Fonts struct {
				ASCII string `xml:"ascii,attr"`
				HAnsi string `xml:"hAnsi,attr"`
			} `xml:"rPr>rFonts"`
			Num struct {
				ID struct {
					Val string `xml:"val,attr"`
				} `xml:"numId"`
				Ilvl struct {
					Val string `xml:"val,attr"`
				} `xml:"ilvl"`
			} `xml:"pPr>numPr"`
		} `xml:"style"`
	}
	out := map[string]styleInfo{}
	if xml.Unmarshal(b, &doc) != nil {
		return out
	}
	out[""] = styleInfo{font: cmp.Or(doc.Defaults.Fonts.ASCII, doc.Defaults.Fonts.HAnsi)}
	for _, s := range doc.Styles {
		ilvl, _ := strconv.Atoi(s.Num.Ilvl.Val)
		out[s.ID] = styleInfo{font: cmp.Or(s.Fonts.ASCII, s.Fonts.HAnsi), numID: s.Num.ID.Val, ilvl: ilvl}
	}
	return out
}
