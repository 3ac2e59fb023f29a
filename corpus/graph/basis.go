package graph

import (
	"cmp"
	"context"
	"strconv"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// Being the căn cứ of another text is no evidence that a document is in
// force now (i21-rel): a text is issued on grounds in force when it is
// signed, which says nothing of what happened to them since, and a store
// holds a part of what was issued — a repeal we do not hold would leave
// the document "Còn hiệu lực" on nothing. So it never makes a state. What
// it does say is a dated fact, and staff asking whether a document still
// applies are helped by it: a number of unknown effect says where it was
// last cited as căn cứ ("Không có thông tin về hiệu lực; được dẫn làm căn
// cứ tại 97/2026/TT-BTC ngày 15/5/2026 và 3 văn bản khác").

// EffectBasis is the latest stored text that cites a number as its căn cứ.
type EffectBasis struct {
	By     string `json:"by,omitempty"`     // the citing document's number as written ("" when none cited it has one)
	Source string `json:"source,omitempty"` // the stored document whose text cites it
	Date   string `json:"date,omitempty"`   // its date of signing (or of effect), when its text gives one
	Total  int    `json:"total"`            // the links of the group: how many texts cite it as căn cứ
}

// basisScan bounds the căn cứ links read to find the latest: a law is the
// căn cứ of thousands; the latest of the first basisScan (in key order)
// is named, the total counted. basisDates bounds the entries read for the
// dates of those of the latest year.
const (
	basisScan  = 256
	basisDates = 16
)

// basisOf reads the texts that cite end as căn cứ: of the first basisScan
// links, those whose number has the latest year or no year, and of the
// first basisDates of them the one its text dates last (none named when no
// link read has a number: only counted); nil when none does. It stops with
// ctx's error when ctx ends.
func basisOf(ctx context.Context, tx *bolt.Tx, c Codec, end string) (*EffectBasis, error) {
	links, total, err := groupLinks(ctx, tx, true, end, cite.BasedOn, 0, basisScan)
	if err != nil || len(links) == 0 {
		return nil, err
	}
	named := func(l Link) bool { return l.Key != "" && l.Key[0] != '#' && l.Source != "" } // a text without number is counted, not named
	year := -1
	for _, l := range links {
		if named(l) {
			year = max(year, keyYear(l.Key))
		}
	}
	best := &EffectBasis{}
	bestWhen := ""
	read := 0
	for _, l := range links {
		// A number without its year ("45/KH-UBND", as plans and letters
		// are numbered) may be the latest: its text's date tells.
		ky := keyYear(l.Key)
		if !named(l) || ky != year && ky != 0 || read == basisDates {
			continue
		}
		read++
		v, ok, err := Of(tx, c).Entry(l.Source)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		d := cmp.Or(v.Signed, v.Effective)
		when := d // ordered by date, else by the number's year ("2026" after "2025-12-31")
		if when == "" && ky > 0 {
			when = strconv.Itoa(ky)
		}
		if best.By == "" || when > bestWhen {
			best.By, best.Source, best.Date, bestWhen = l.Key, l.Source, d, when
		}
	}
	best.Total = max(total, len(links))
	return best, nil
}

// keyYear is the year segment of a number as written ("97/2026/TT-BTC" →
// 2026), 0 when it has none.
func keyYear(k string) int {
	for i := 0; i+5 <= len(k); i++ {
		if k[i] == '/' && (i+5 == len(k) || k[i+5] == '/' || k[i+5] == '-') {
			if y, err := strconv.Atoi(k[i+1 : i+5]); err == nil && y >= 1945 && y <= 2100 {
				return y
			}
		}
	}
	return 0
}

// basisText writes the basis after an unknown state's label: "; được dẫn
// làm căn cứ tại 97/2026/TT-BTC ngày 15/5/2026 và 3 văn bản khác".
func basisText(b *EffectBasis) string {
	if b.By == "" {
		return "; được dẫn làm căn cứ tại " + strconv.Itoa(b.Total) + " văn bản"
	}
	s := "; được dẫn làm căn cứ tại " + b.By
	if b.Date != "" {
		s += " ngày " + ViDate(b.Date)
	}
	if b.Total > 1 {
		s += " và " + strconv.Itoa(b.Total-1) + " văn bản khác"
	}
	return s
}
