package memstat

import "testing"

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
