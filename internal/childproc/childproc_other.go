//go:build !unix

package childproc

import "os/exec"

// bind does nothing without process groups: exec.CommandContext kills
// the child alone when the context ends.
func bind(*exec.Cmd) {}

func killGroup(cmd *exec.Cmd) error { return cmd.Process.Kill() }

func wait(cmd *exec.Cmd) error { return cmd.Wait() }
