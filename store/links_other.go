//go:build !unix

package store

import "io/fs"

// otherNames is 0 where the link count is not at hand.
func otherNames(fs.FileInfo) int { return 0 }
