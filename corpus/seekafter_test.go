package corpus

import (
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestSeekAfter: the one resume of a pass in batches (seekAfter, which
// graphStep, touchStep's walk by ID, remarkStep and the URL moves' walks
// call) goes on at the first key after the one its progress record
// names — that key skipped, whether it is still there or gone, nothing
// after the last key, the first key when none is named — and passes a
// nested bucket's key (nil value) like the cursor's Next. Walked a key a
// transaction, it reads every key once, in order.
func TestSeekAfter(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "seek.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// "4b1c": a record's ID; "4b1c0a": one sorting right after it; "7f": a
	// nested bucket's key
	err = db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucket([]byte("rỗng")); err != nil {
			return err
		}
		b, err := tx.CreateBucket([]byte("docs"))
		if err != nil {
			return err
		}
		for _, k := range []string{"0e9a", "4b1c", "4b1c0a", "c3d2"} {
			if err := b.Put([]byte(k), []byte("văn bản "+k)); err != nil {
				return err
			}
		}
		_, err = b.CreateBucket([]byte("7f"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, bucket, after string
		want                string // "": none left
		nested              bool   // want a nested bucket's key (nil value)
	}{
		{"empty bucket, from the start", "rỗng", "", "", false},
		{"empty bucket, after a key", "rỗng", "4b1c", "", false},
		{"from the start", "docs", "", "0e9a", false},
		{"after a stored key", "docs", "0e9a", "4b1c", false},
		{"after a key that is a prefix of the next", "docs", "4b1c", "4b1c0a", false},
		{"after a key gone since", "docs", "4b1b", "4b1c", false},
		{"after a gone key past the last", "docs", "ffff", "", false},
		{"after the last key", "docs", "c3d2", "", false},
		{"before a nested bucket", "docs", "4b1c0a", "7f", true},
		{"after a nested bucket", "docs", "7f", "c3d2", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := db.View(func(tx *bolt.Tx) error {
				k, v := seekAfter(tx.Bucket([]byte(tc.bucket)).Cursor(), tc.after)
				if string(k) != tc.want {
					t.Errorf("after %q: key %q, want %q", tc.after, k, tc.want)
				}
				switch {
				case k == nil && v != nil:
					t.Errorf("after %q: no key but a value %q", tc.after, v)
				case k != nil && tc.nested && v != nil:
					t.Errorf("after %q: nested bucket %q with value %q, want nil", tc.after, k, v)
				case k != nil && !tc.nested && string(v) != "văn bản "+string(k):
					t.Errorf("after %q: key %q with value %q, want its own", tc.after, k, v)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
	// a walk a key a transaction, as a pass resumed after every batch
	var walked []string
	for after := ""; ; {
		var k []byte
		if err := db.View(func(tx *bolt.Tx) error {
			k, _ = seekAfter(tx.Bucket([]byte("docs")).Cursor(), after)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if k == nil {
			break
		}
		if after = string(k); len(walked) > 10 {
			t.Fatalf("the walk does not end: %q", walked)
		}
		walked = append(walked, after)
	}
	if want := []string{"0e9a", "4b1c", "4b1c0a", "7f", "c3d2"}; !slices.Equal(walked, want) {
		t.Errorf("walked %q, want %q", walked, want)
	}
}
