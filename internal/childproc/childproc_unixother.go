//go:build unix && !linux

package childproc

import "syscall"

// deathSignal does nothing: the system has no parent-death signal (the
// package says the fallback).
func deathSignal(*syscall.SysProcAttr) {}
