package search

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// TestNumbersNamedDotAfterOtherCode: two stored spellings of one number,
// one with a dot after a code no type has ("25/SXD.QLN": the unit's code
// run into the issuer's) and one without ("25/SXD"), are one number to
// NumbersNamed as they are to the index and the graph (i27-numkey: it
// deduped by the grammar's key, 25/sxd-qln and 25/sxd, and "25" named two
// numbers). Lines written for the test.
func TestNumbersNamedDotAfterOtherCode(t *testing.T) {
	ctx := context.Background()
	docs := []*corpus.Document{
		{ID: "cv25a", Title: "Công văn số 25/SXD.QLN về việc rà soát nhà chung cư cũ", Number: "25/SXD.QLN", Type: "Công văn", Published: "2030-05-20",
			Body: "Sở Xây dựng đề nghị Ủy ban nhân dân các quận, huyện rà soát nhà chung cư cũ xuống cấp."},
		{ID: "cv25b", Title: "Công văn số 25/SXD về việc rà soát nhà chung cư cũ", Number: "25/SXD", Type: "Công văn", Published: "2030-05-20",
			Body: "Sở Xây dựng đề nghị Ủy ban nhân dân các quận, huyện rà soát nhà chung cư cũ xuống cấp (bản đăng lại)."},
		{ID: "kh25", Title: "Kế hoạch số 25/KH-UBND phòng, chống thiên tai", Number: "25/KH-UBND", Type: "Kế hoạch", Published: "2030-03-01",
			Body: "Ủy ban nhân dân quận ban hành kế hoạch phòng, chống thiên tai năm 2030."},
	}
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(ctx, docs); err != nil {
		t.Fatal(err)
	}
	stored := docTexts(docs)
	number := func(id string) (string, error) { return stored[id].Number, nil }
	sn, err := New(ix.Bleve()).Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer sn.Close()
	nums, err := NumbersNamed(ctx, sn, "25", number)
	if err != nil {
		t.Fatal(err)
	}
	// one of the two spellings stands for both, then the plan's number
	if len(nums) != 2 || !slices.Contains([]string{"25/SXD.QLN", "25/SXD"}, nums[1]) || nums[0] != "25/KH-UBND" {
		t.Errorf("NumbersNamed(25) = %q, want 25/KH-UBND and one of 25/SXD.QLN, 25/SXD", nums)
	}
}
