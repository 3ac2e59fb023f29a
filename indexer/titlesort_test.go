package indexer

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/collate"

	"github.com/vanban/vanban/internal/shared"
	"golang.org/x/text/language"
)

func TestSortDigitsAscend(t *testing.T) {
	if len(sortDigits) != 64 || !sort.StringsAreSorted(strings.Split(sortDigits, "")) {
		t.Fatalf("sortDigits %q: want 64 digits in increasing byte order", sortDigits)
	}
}

// TestTitleSortKeyOrder: the written keys sort exactly as the collation
// keys do (as their hex did, layout 11): titles that differ anywhere, in
// tones only, by a prefix, or not at all.
func TestTitleSortKeyOrder(t *testing.T) {
	titles := []string{"", "a", "A", "An", "An Giang", "Ăn", "Ân Thi", "Bình Dương", "Dương", "Đà Nẵng", "Hà Nội", "ha noi", "Hạ", "Hà",
		"Điều 1. Phạm vi", "Điều 1. Phạm vi điều chỉnh", "Điều 10", "Điều 2", "Quyết định 12/QĐ-UBND", "Quyết định 12/QĐ-UBND ", "quyết định",
		"Nghị định số 154/NĐ-CP", "Nghị quyết", "Thông tư", "Zalo", "Ưu đãi", "Ứng dụng", "Ô tô", "Ơ", "1", "10", "2", "a\u0301", "á"}
	// and random ones from a small alphabet, so that many share prefixes
	letters := []rune("aăâbdđeêioôơuưyAĐ àáảãạằẳấậềếịọộờụừỳ0-/ .")
	r := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		n := r.IntN(12)
		var b strings.Builder
		for range n {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		titles = append(titles, b.String())
	}
	c := collate.New(language.Vietnamese, collate.IgnoreCase)
	keys, raws := make([]string, len(titles)), make([][]byte, len(titles))
	for i, s := range titles {
		keys[i], raws[i] = titleSortKey(s), c.KeyFromString(&collate.Buffer{}, s)
		if len(keys[i]) > (4*len(raws[i])+2)/3 {
			t.Errorf("key of %q: %d characters for %d bytes (hex: %d)", s, len(keys[i]), len(raws[i]), 2*len(raws[i]))
		}
	}
	for i := range titles {
		for j := range titles {
			got := cmp.Compare(keys[i], keys[j])
			if want := bytes.Compare(raws[i], raws[j]); got != want {
				t.Errorf("%q vs %q: keys compare %d, collation keys %d", titles[i], titles[j], got, want)
			}
			if want := cmp.Compare(hex.EncodeToString(raws[i]), hex.EncodeToString(raws[j])); got != want {
				t.Errorf("%q vs %q: keys compare %d, hex keys (layout 11) %d", titles[i], titles[j], got, want)
			}
		}
	}
	order := []string{"An Giang", "Ăn", "Ân Thi", "Bình Dương", "Dương", "Đà Nẵng", "Hà Nội"}
	for i := 1; i < len(order); i++ {
		if titleSortKey(order[i]) <= titleSortKey(order[i-1]) {
			t.Errorf("%q does not sort after %q", order[i], order[i-1])
		}
	}
}

// TestTitleSortKeyPooled: a collator reused from title to title gives
// each title the key a new one gives.
func TestTitleSortKeyPooled(t *testing.T) {
	var pool scratchPool
	titles := []string{"Đà Nẵng", "An Giang", "", "Ăn", "Điều 5. Quyền và nghĩa vụ", "ÂN THI", "Luật Đất đai 2024", "hoà bình", "hòa bình"}
	if !testing.Short() {
		for _, d := range readBenchCorpus(t, shared.Path(t, "eval", "alqac22", "corpus.jsonl")) {
			titles = append(titles, d.Title)
		}
	}
	for range 2 {
		for _, s := range titles {
			if got, want := pool.titleSortKey(s), titleSortKey(s); got != want {
				t.Fatalf("pooled key of %q = %q, a new collator's %q", s, got, want)
			}
		}
	}
}
