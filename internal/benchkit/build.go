//go:build unix

package benchkit

import (
	"fmt"
	"os/exec"
	"path/filepath"
)

// BuildMicrosite builds the microsite command of the module in repo (""
// for the current folder) into dir, and returns the binary's path: the
// commands time the binary, never go run, whose compiling would be timed
// too.
func BuildMicrosite(repo, dir string) (string, error) {
	bin, err := filepath.Abs(filepath.Join(dir, "microsite"))
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/microsite")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}
