package corpus

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/childtest"
)

func openTestStore(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStorePutGetChanges(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	d1 := &Document{URL: "http://Portal.example/a#x", Title: "Kế hoạch số 45/KH-UBND", Body: "Triển khai Nghị quyết."}
	d2 := &Document{URL: "http://portal.example/b", Title: "Nghị quyết", Body: "Nội dung."}
	steps := []struct {
		doc  *Document
		want Change
	}{
		{d1, New},
		{d2, New},
		{&Document{URL: "http://portal.example/a", Title: d1.Title, Body: d1.Body}, Unchanged},
		{&Document{URL: "http://portal.example/a", Title: d1.Title, Body: "Nội dung mới."}, Changed},
	}
	for i, st := range steps {
		got, err := s.Put(st.doc)
		if err != nil {
			t.Fatal(err)
		}
		if got != st.want {
			t.Errorf("step %d: Put = %v, want %v", i, got, st.want)
		}
	}
	if d1.ID != IDForURL("http://portal.example/a") {
		t.Errorf("ID not canonical: %s", d1.ID)
	}
	if c, err := s.MarkGone(d2.ID); err != nil || c != Removed {
		t.Fatalf("MarkGone = %v, %v", c, err)
	}
	if c, _ := s.MarkGone(d2.ID); c != Unchanged {
		t.Errorf("second MarkGone = %v, want unchanged", c)
	}
	var seen []string
	err := s.Changes(context.Background(), 0, func(d *Document) error {
		seen = append(seen, fmt.Sprintf("%s:%v:%s", d.ID[:4], d.Gone, d.Body))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{d1.ID[:4] + ":false:Nội dung mới.", d2.ID[:4] + ":true:Nội dung."}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("Changes = %q, want %q", seen, want)
	}
	last, _ := s.LastSeq()
	n := 0
	s.Changes(context.Background(), last, func(*Document) error { n++; return nil })
	if n != 0 {
		t.Errorf("Changes after last seq gave %d docs", n)
	}
	if _, err := s.Get("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get unknown: %v", err)
	}
	live, gone, _ := s.Count()
	if live != 1 || gone != 1 {
		t.Errorf("Count = %d live %d gone, want 1 1", live, gone)
	}
}

func TestStoreReopenAndLock(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(&Document{URL: "http://x/1", Title: "Một"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutKV("crawl", "k", []byte("v")); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenStore(dir, false, 100*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("second open: %v, want ErrLocked", err)
	}
	s.Close()
	s = openTestStore(t, dir)
	d, err := s.Get(IDForURL("http://x/1"))
	if err != nil || d.Title != "Một" {
		t.Fatalf("after reopen: %v %v", d, err)
	}
	if v, _ := s.GetKV("crawl", "k"); string(v) != "v" {
		t.Errorf("GetKV = %q", v)
	}
}

func TestStoreForeignFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "store.db"), []byte("this is not a database at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := OpenStore(dir, false, time.Second)
	if err == nil || !strings.Contains(err.Error(), "store.db") {
		t.Fatalf("foreign file: err = %v, want an error naming store.db", err)
	}
}

// TestStoreKill9 puts documents from a child process that reports each
// stored ID on stdout, kills it with SIGKILL mid-way, and checks that every
// reported document is in the reopened store.
func TestStoreKill9(t *testing.T) {
	if childtest.In(t, "") {
		s, err := OpenStore(os.Getenv("VANBAN_KILL_CHILD"), false, 5*time.Second)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		for i := 0; ; i++ {
			d := &Document{URL: fmt.Sprintf("http://portal.example/%d", i), Title: "Tin", Body: strings.Repeat("nội dung ", 200)}
			if _, err := s.Put(d); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("stored", d.ID)
		}
	}
	if testing.Short() {
		t.Skip("skipping subprocess test in -short mode")
	}
	dir := t.TempDir()
	child := childtest.Start(t, "", "VANBAN_KILL_CHILD="+dir)
	var reported []string
	sc := bufio.NewScanner(child.Out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 && f[0] == "stored" {
			reported = append(reported, f[1])
		}
		if len(reported) == 50 {
			child.Kill()
			break
		}
	}
	for sc.Scan() { // drain what was printed before the kill
		if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "stored" {
			reported = append(reported, f[1])
		}
	}
	child.Wait()
	if len(reported) < 50 {
		t.Fatalf("child reported only %d documents", len(reported))
	}
	s := openTestStore(t, dir)
	for _, id := range reported {
		if _, err := s.Get(id); err != nil {
			t.Errorf("reported document lost after kill -9: %v", err)
		}
	}
}
