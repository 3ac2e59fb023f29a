package outline

// An item's continued text: one concatenation a line copied the whole
// item every line, quadratic in a long item (review i24-review7: 4,000
// hard-wrapped lines, 19 s and 14.9 GB). The item the lines go on to is
// held in a builder, as section text is held in secLines (flushText).

import "strings"

// itemBuf holds the text of the item lines were last added to: b's
// String() is that text while nothing else set it; lineAt is where its
// last line starts.
type itemBuf struct {
	b      strings.Builder
	text   string // b.String() as last handed out
	lineAt int
}

// itemText returns text with sep and line added. When text is the one the
// builder last handed out (the same item, not set since), the line is
// appended to the builder — amortised linear; otherwise the builder starts
// again from text. Strings handed out before stay valid: a builder never
// writes over the bytes it has.
func (p *outlineParser) itemText(text, sep, line string) string {
	ib := p.sync(text)
	if sep == "\n" {
		ib.lineAt = ib.b.Len() + 1
	}
	if k := strings.LastIndexByte(line, '\n'); k >= 0 {
		ib.lineAt = ib.b.Len() + len(sep) + k + 1
	}
	ib.b.WriteString(sep)
	ib.b.WriteString(line)
	ib.text = ib.b.String()
	return ib.text
}

// sync makes the builder hold text.
func (p *outlineParser) sync(text string) *itemBuf {
	if p.itemB == nil {
		p.itemB = &itemBuf{}
	}
	ib := p.itemB
	if len(ib.text) != len(text) || ib.text != text {
		ib.b = strings.Builder{}
		ib.b.Grow(2 * len(text))
		ib.b.WriteString(text)
		ib.text = ib.b.String()
		ib.lineAt = strings.LastIndexByte(text, '\n') + 1
	}
	return ib
}

// itemTail returns the end of text's last line that cite.NameRest reads:
// it reads only the last 12 words of a longer name, so a tail of more
// words than that, cut after an ASCII space (where strings.Fields cuts
// too, whatever bytes come before it), gives it the same words. The whole
// last line of a wrapped item is the whole item.
func (p *outlineParser) itemTail(text string) string {
	last := text[p.sync(text).lineAt:]
	words, inWord := 0, false
	for i := len(last) - 1; i >= 0; i-- {
		switch last[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			if inWord {
				if words++; words > maxTailWords {
					return last[i+1:]
				}
			}
			inWord = false
		default:
			inWord = true
		}
	}
	return last
}

// maxTailWords is more words than cite.NameRest reads of a name (12).
const maxTailWords = 16
