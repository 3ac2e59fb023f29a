// Package storetest damages store files on purpose, deterministically, for
// the tests of damage detection and salvage: write a valid store, then
// overwrite chosen bytes of chosen pages. It reads page headers only (bbolt
// file format 2, see corpus/boltfile.go) and is imported by tests alone.
package storetest

import (
	"bytes"
	"encoding/binary"
	"os"
	"slices"
	"testing"
)

// Page is one page of a store file as its header describes it.
type Page struct {
	ID    uint64
	Flags uint16 // 0x01 branch, 0x02 leaf, 0x04 meta, 0x10 freelist
	Count int
	Data  []byte // the page's bytes, its overflow pages included
}

// Flags of a page.
const (
	Branch = 0x01
	Leaf   = 0x02
)

// PageSize is the page size of the store file at path.
func PageSize(t testing.TB, path string) int {
	t.Helper()
	b := read(t, path)
	return int(binary.LittleEndian.Uint32(b[24:]))
}

// Pages returns the pages of the store file at path whose header names
// their own id, in file order (pages of old versions, freed, included).
func Pages(t testing.TB, path string) []Page {
	t.Helper()
	b := read(t, path)
	ps := PageSize(t, path)
	var out []Page
	for id := 0; (id+1)*ps <= len(b); id++ {
		p := b[id*ps : (id+1)*ps]
		if binary.LittleEndian.Uint64(p) != uint64(id) {
			continue
		}
		// a leaf of large records runs on over its overflow pages (the
		// header's uint32 at 12): its later keys and records are there
		end := (id + 1 + int(binary.LittleEndian.Uint32(p[12:]))) * ps
		if end > len(b) {
			end = len(b)
		}
		out = append(out, Page{ID: uint64(id), Flags: binary.LittleEndian.Uint16(p[8:]), Count: int(binary.LittleEndian.Uint16(p[10:])), Data: b[id*ps : end]})
	}
	return out
}

// LeavesWith returns the leaf pages holding s: for a document's key, its
// live page is among them (others may be freed copies of old versions).
func LeavesWith(t testing.TB, path, s string) []Page {
	t.Helper()
	var out []Page
	for _, p := range Pages(t, path) {
		if p.Flags == Leaf && bytes.Contains(p.Data, []byte(s)) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no leaf page of %s holds %q", path, s)
	}
	return out
}

// recordMark begins every live document record: the record tag 1 and the
// zstd frame magic (corpus/record.go).
const recordMark = "\x01\x28\xb5\x2f\xfd"

// DocLeaves returns the leaf pages holding live documents, in file order.
func DocLeaves(t testing.TB, path string) []Page {
	t.Helper()
	return LeavesWith(t, path, recordMark)
}

// DocLeavesOf returns the leaf pages holding a live record of document id:
// its live page is among them (others may be freed copies of old versions).
func DocLeavesOf(t testing.TB, path, id string) []Page {
	t.Helper()
	var out []Page
	for _, p := range DocLeaves(t, path) {
		if slices.Contains(p.Keys(), id) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no leaf page of %s holds document %s", path, id)
	}
	return out
}

// Keys returns the keys of a leaf page, in page order; none for a page of
// another kind or elements pointing outside the page.
func (p Page) Keys() []string {
	if p.Flags != Leaf {
		return nil
	}
	var keys []string
	for i := range p.Count {
		// leafPageElement: flags, pos, ksize, vsize (uint32 each), at 16+16i;
		// pos counts from the element.
		at := 16 + 16*i
		if at+16 > len(p.Data) {
			break
		}
		pos := at + int(binary.LittleEndian.Uint32(p.Data[at+4:]))
		n := int(binary.LittleEndian.Uint32(p.Data[at+8:]))
		if pos+n > len(p.Data) {
			break
		}
		keys = append(keys, string(p.Data[pos:pos+n]))
	}
	return keys
}

// Overwrite writes b at byte off of page id.
func Overwrite(t testing.TB, path string, id uint64, off int, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, int64(id)*int64(PageSize(t, path))+int64(off)); err != nil {
		t.Fatal(err)
	}
}

// MisnamePage makes page id identify as another page: bbolt panics
// "Page expected to be: id, but self identifies as …" on reaching it.
func MisnamePage(t testing.TB, path string, id uint64) {
	t.Helper()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], id+1000)
	Overwrite(t, path, id, 0, b[:])
}

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
