package bench

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Machine describes where the figures were measured: CPU model, cores,
// memory, kernel and Go version.
func Machine() map[string]any {
	m := map[string]any{"nproc": runtime.NumCPU(), "go": runtime.Version(), "goos": runtime.GOOS + "/" + runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m["cpu"] = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.Command("free", "-g").Output(); err == nil {
		m["free_g"] = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("uname", "-r").Output(); err == nil {
		m["kernel"] = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil {
		m["git_head"] = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil {
		// Other people's uncommitted changes are compiled in: say so.
		m["uncommitted_files"] = len(strings.Fields(strings.TrimSpace(string(out)))) / 2
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		m["loadavg_at_start"] = strings.TrimSpace(string(data))
	}
	return m
}
