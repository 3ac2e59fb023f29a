//go:build !windows

package app

import (
	"os/exec"
	"syscall"
)

// asNobody makes cmd run as the unprivileged user nobody (uid and gid
// 65534): a root test's child that must meet the permissions a user meets.
func asNobody(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
}
