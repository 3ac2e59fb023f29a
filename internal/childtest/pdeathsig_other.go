//go:build !linux

package childtest

import "os/exec"

// dieWithParent does nothing where the system has no parent-death
// signal: the child is bounded by its -test.timeout and the parent's
// kill (Bound) only.
func dieWithParent(*exec.Cmd) {}
