package imagepdf

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/vanban/vanban/internal/childtest"
)

// TestReadPGMShortCost: a header promising a page of 32,768 × 32,768
// pixels with none behind it made ReadPGM allocate the whole image (1 GiB)
// before finding the pixels missing. The bytes allocated must stay near
// the input's size, whatever its header says.
func TestReadPGMShortCost(t *testing.T) {
	if !childtest.In(t, "") {
		// Alone in a process of its own: the bytes allocated that it
		// reads (runtime.MemStats, the whole process's) are ReadPGM's,
		// never another test's or a goroutine one left running.
		childtest.Pass(t)
		return
	}
	for _, in := range []string{
		"P5\n32768 32768\n255\n",
		"P5 32768 32768 255\n" + string(make([]byte, 4096)),
		"P5\n# trang 1\n20000 30000\n255\n\x00\x01",
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := ReadPGM([]byte(in))
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%.30q: read a page its bytes do not hold", in)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("%.30q (%d bytes): allocated %d bytes", in, len(in), alloc)
		}
	}
}

// FuzzReadPGM: any bytes give an error or an image whose pixels are the
// input's own, never more than it holds; an image written back as P5
// reads back equal.
func FuzzReadPGM(f *testing.F) {
	f.Add([]byte("P5\n3 2\n255\n\x00\x80\xff\x10\x20\x30"))
	f.Add([]byte("P5 1 1 255\n\x7f"))
	f.Add([]byte("P5\n32768 32768\n255\n"))
	f.Add([]byte("P2\n2 2\n255\n0 1 2 3"))
	f.Add([]byte("P5\n2 2\n65535\n\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := ReadPGM(data)
		if err != nil {
			return
		}
		b := img.Bounds()
		if len(img.Pix) != b.Dx()*b.Dy() || len(img.Pix) > len(data) {
			t.Fatalf("%d×%d image of %d pixels from %d bytes", b.Dx(), b.Dy(), len(img.Pix), len(data))
		}
		var out bytes.Buffer
		fmt.Fprintf(&out, "P5\n%d %d\n255\n", b.Dx(), b.Dy())
		out.Write(img.Pix)
		back, err := ReadPGM(out.Bytes())
		if err != nil || !bytes.Equal(back.Pix, img.Pix) || back.Bounds() != b {
			t.Fatalf("written back and read again: %v", err)
		}
	})
}
