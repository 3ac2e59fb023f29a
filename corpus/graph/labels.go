package graph

// The Vietnamese labels of the effect states and changes (vbpl.vn's
// wording) and of the Lược đồ's relations.

import (
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/cite"
)

// StateLabels are the Vietnamese names of the states (vbpl.vn's words).
var stateLabels = map[State]string{
	StateInForce:   "Còn hiệu lực",
	StatePartly:    "Hết hiệu lực một phần",
	StateEnded:     "Hết hiệu lực toàn bộ",
	StateSuspended: "Ngưng hiệu lực",
	StateNotYet:    "Chưa có hiệu lực",
	StateUnknown:   "Không có thông tin về hiệu lực",
}

func stateLabel(s State) string { return stateLabels[s] }

// label writes the status as staff read it: "Đã bị thay thế bởi
// 1234/QĐ-UBND từ 01/7/2024".
func (e Effect) label() string {
	switch e.State {
	case StateEnded, StateSuspended:
		return changeText(e.Ended, false)
	case StateNotYet:
		return "Chưa có hiệu lực (có hiệu lực từ " + ViDate(e.Since) + ")"
	}
	return stateLabel(e.State)
}

// changeText writes a change that ends a document: "Đã bị thay thế bởi
// 1234/QĐ-UBND từ 01/7/2024", "Hết hiệu lực từ 31/12/2024", or, one to come,
// "sẽ bị thay thế bởi …".
func changeText(c *EffectChange, future bool) string {
	var b strings.Builder
	words := map[cite.Relation][2]string{
		cite.Replaces: {"Đã bị thay thế", "sẽ bị thay thế"},
		cite.Repeals:  {"Đã bị bãi bỏ", "sẽ bị bãi bỏ"},
		cite.Suspends: {"Bị đình chỉ", "sẽ bị đình chỉ"},
		cite.Expires:  {"Hết hiệu lực", "sẽ hết hiệu lực"},
	}[c.Kind]
	if future {
		b.WriteString(words[1])
	} else {
		b.WriteString(words[0])
	}
	if c.By != "" {
		if c.Kind == cite.Expires {
			b.WriteString(" theo ")
		} else {
			b.WriteString(" bởi ")
		}
		b.WriteString(c.By)
	}
	if c.Date != "" {
		b.WriteString(" từ ")
		b.WriteString(ViDate(c.Date))
	}
	return b.String()
}

// amendNames is how many amending documents a badge names.
const amendNames = 3

// amendText names the amendments of a document for its badge, after its
// state: "; được sửa đổi, bổ sung bởi 291/2026/NĐ-CP và 102/2021/NĐ-CP",
// those to come with their date ("; sẽ được sửa đổi, bổ sung bởi
// 12/2026/QĐ-TTg từ 01/7/2026"), at most amendNames of each and how many
// more ("và 4 văn bản khác"). Staff asking whether a document still
// applies need to know it was changed, and by what, before they apply it.
func amendText(cs []*EffectChange) string {
	var b strings.Builder
	for _, future := range []bool{false, true} {
		var names []string
		any := false
		seen := map[string]bool{}
		for _, c := range cs {
			if c.Pending != future {
				continue
			}
			any = true
			name := c.By
			if name == "" || seen[name] {
				continue
			}
			seen[name] = true
			if future && c.Date != "" {
				name += " từ " + ViDate(c.Date)
			}
			names = append(names, name)
		}
		if !any {
			continue
		}
		if future {
			b.WriteString("; sẽ được sửa đổi, bổ sung")
		} else {
			b.WriteString("; được sửa đổi, bổ sung")
		}
		if len(names) == 0 {
			continue
		}
		b.WriteString(" bởi ")
		shown := names[:min(len(names), amendNames)]
		switch more := len(names) - len(shown); {
		case more > 0:
			b.WriteString(strings.Join(shown, ", "))
			b.WriteString(" và " + strconv.Itoa(more) + " văn bản khác")
		case len(shown) > 1:
			b.WriteString(strings.Join(shown[:len(shown)-1], ", "))
			b.WriteString(" và " + shown[len(shown)-1])
		default:
			b.WriteString(shown[0])
		}
	}
	return b.String()
}

// ViDate writes YYYY-MM-DD as Vietnamese text does: "01/7/2024".
func ViDate(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format("02/1/2006")
}

// RelationLabel names a kind of relation as a Lược đồ (vbpl.vn's "VB liên
// quan") does, from the document's side: what it does (out) or what is done
// to it (in).
func RelationLabel(kind cite.Relation, in bool) string {
	l := relationLabels[kind]
	if in {
		return l[1]
	}
	return l[0]
}

var relationLabels = map[cite.Relation][2]string{
	cite.BasedOn:    {"Văn bản căn cứ", "Văn bản căn cứ vào văn bản này"},
	cite.Implements: {"Văn bản được thực hiện", "Văn bản thực hiện"},
	cite.Guides:     {"Văn bản được hướng dẫn", "Văn bản hướng dẫn"},
	cite.Amends:     {"Văn bản được sửa đổi, bổ sung", "Văn bản sửa đổi, bổ sung"},
	cite.Replaces:   {"Văn bản bị thay thế", "Văn bản thay thế"},
	cite.Repeals:    {"Văn bản bị bãi bỏ", "Văn bản bãi bỏ"},
	cite.Expires:    {"Văn bản hết hiệu lực", "Văn bản quy định hết hiệu lực"},
	cite.Suspends:   {"Văn bản bị đình chỉ", "Văn bản đình chỉ"},
	cite.Mentions:   {"Văn bản dẫn chiếu", "Văn bản dẫn chiếu văn bản này"},
}
