package memstat

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPeakHeap(t *testing.T) {
	stop := PeakHeap()
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	peak := stop()
	if peak < 64<<20 {
		t.Errorf("peak %d bytes while 64 MB were live", peak)
	}
	if again := stop(); again != peak {
		t.Errorf("second stop %d, first %d", again, peak)
	}
	_ = buf[len(buf)-1]
}

// TestPeakRSS: after a reset the peak follows what the process touches
// next: 96 MB written raise it by about that much.
func TestPeakRSS(t *testing.T) {
	if !ResetPeakRSS() || PeakRSS() == 0 {
		t.Skip("no /proc/self/clear_refs or VmHWM on this platform")
	}
	before := PeakRSS()
	buf := make([]byte, 96<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	after := PeakRSS()
	if after < before+80<<20 {
		t.Errorf("peak %d MB after writing 96 MB, %d MB before", after>>20, before>>20)
	}
	_ = buf[len(buf)-1]
	buf = nil
	runtime.GC()
	debug.FreeOSMemory()
	if !ResetPeakRSS() {
		t.Fatal("second reset failed")
	}
	if again := PeakRSS(); again >= after {
		t.Errorf("peak %d MB after the memory was freed and the peak reset, %d MB before", again>>20, after>>20)
	}
}

// TestAllocated: 8 MB made inside fn are counted, nothing made outside it.
func TestAllocated(t *testing.T) {
	var keep []byte
	got := Allocated(func() { keep = make([]byte, 8<<20) })
	if got < 8<<20 {
		t.Errorf("Allocated counted %d bytes for an 8 MB slice", got)
	}
	outside := make([]byte, 64<<20)
	if again := Allocated(func() {}); again >= 64<<20 {
		t.Errorf("Allocated counted %d bytes for an empty fn", again)
	}
	_, _ = keep[len(keep)-1], outside[len(outside)-1]
}
