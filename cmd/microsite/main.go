// Command microsite builds the microsite of 穗府函〔2018〕161號 from its
// sources. Run "microsite help" for its commands.
package main

import (
	"os"

	"github.com/gzgov/nansha-microsite/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
