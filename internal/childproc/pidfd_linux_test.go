package childproc

import (
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

// TestGroupByID: which answers of pidfd_send_signal(PIDFD_SIGNAL_PROCESS_GROUP)
// leave the group to be killed by its ID (killGroup's fallback, after the
// check that the child is not reaped). Only a signal sent (nil) or a group
// already gone (ESRCH) do not: a kernel before 6.9 (EINVAL), one without
// pidfds (ENOSYS) and a container's seccomp filter refusing the call
// (EPERM: Docker's and Podman's profiles answer so for calls they do not
// know) must not leave a tool's grandchildren running.
func TestGroupByID(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{unix.ESRCH, false},
		{unix.EINVAL, true},
		{unix.ENOSYS, true},
		{unix.EPERM, true},
		{unix.EACCES, true},
		{fmt.Errorf("pidfd_send_signal: %w", unix.EPERM), true},
	} {
		if got := groupByID(c.err); got != c.want {
			t.Errorf("groupByID(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
