// Command cxo is a private, local terminal coach for technologists weighing
// the CTO and CIO roles. main only builds the command tree, runs it and
// maps errors to exit codes (0 success, 1 failure, 2 usage error).
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
