package corpus

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestCheckLockWait: CheckStore's last step, bbolt's own check, opens the
// file read-only and waited 1 s for a writer's lock whatever its ctx said,
// then reported the wait's "timeout" as damage — and marked the store
// damaged. The caller should keep writers out; when one holds the file
// anyway, the check fails naming the lock (ErrLocked) and marks nothing,
// and a ctx that ends while it waits stops it with ctx's error. A real
// on-disk store held open for writing.
func TestCheckLockWait(t *testing.T) {
	dir := t.TempDir()
	held, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := held.Put(&Document{URL: "https://so.example.vn/van-ban/1", Title: "Kế hoạch số 1/KH-UBND", Body: "Sở Nội vụ chủ trì."}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(400*time.Millisecond, cancel) // the walk of one record is done by then; the wait is 1 s
	if rep, err := CheckStore(ctx, dir); !errors.Is(err, context.Canceled) {
		t.Errorf("check cancelled while it waits for the writer's lock: %+v, %v; want context.Canceled", rep, err)
	}
	if rep, err := CheckStore(context.Background(), dir); !errors.Is(err, ErrLocked) {
		t.Errorf("check of a store a writer holds: %+v, %v; want ErrLocked", rep, err)
	}
	if d := readDamage(held.path); d != nil {
		t.Errorf("a lock wait marked the store damaged: %v", d)
	}
}
