package main

import (
	"fmt"
	"io"
	"os"

	"github.com/cxo-dev/cxo/model"
)

// bankLimit is the largest bank file cxo reads (1 MiB): cxo's own bank is
// about 30 KB, and a bigger file is a mistake or an attack, not a bank.
const bankLimit = 1 << 20

// readBankFile reads a custom bank: a regular file of at most bankLimit
// bytes. A named pipe or a device is refused before it is opened for
// reading (a pipe would wait for ever), and a file that grows past the
// limit while being read is refused too.
func readBankFile(path string) ([]byte, error) {
	shown := model.Escaped(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read bank: %w", err)
	}
	if !fi.Mode().IsRegular() {
		what := "not a regular file"
		if fi.IsDir() {
			what = "a folder"
		}
		return nil, fmt.Errorf("cannot read bank %s: it is %s; give the path of a bank file (.yaml)", shown, what)
	}
	if fi.Size() > bankLimit {
		return nil, fmt.Errorf("bank %s is %s bytes; a bank file may be at most 1 MiB", shown, model.Thousands(int(fi.Size())))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read bank: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, bankLimit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read bank %s: %w", shown, err)
	}
	if len(data) > bankLimit {
		return nil, fmt.Errorf("bank %s is larger than 1 MiB, the most a bank file may be", shown)
	}
	return data, nil
}
