package memstat

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
)

// ResetPeakRSS starts a new peak of the process's resident set, so that
// PeakRSS measures the work that follows alone (Linux: writing 5 to
// /proc/self/clear_refs). It reports whether the platform could.
func ResetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// PeakRSS returns the largest resident set of the process, in bytes, since
// it started or since ResetPeakRSS (Linux: VmHWM of /proc/self/status);
// 0 where the platform does not say. Child processes are not included.
func PeakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if v, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmHWM:")); ok {
			f := bytes.Fields(v) // "1234", "kB"
			if len(f) == 2 {
				if n, err := strconv.ParseUint(string(f[0]), 10, 64); err == nil {
					return n << 10
				}
			}
		}
	}
	return 0
}
