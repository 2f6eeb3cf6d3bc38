package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/cxo-dev/cxo/model"
)

// ReadPeerFile reads an invitation or a response: a regular file of at
// most model.PeerFileLimit bytes (1 MiB), refused before it is opened when
// it is a pipe, a device or a folder, and refused when it grows past the
// limit while being read.
func ReadPeerFile(path, what string) ([]byte, error) {
	shown := model.Escaped(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, peerFileError(what, shown, err)
	}
	if !fi.Mode().IsRegular() {
		kind := "not a regular file"
		if fi.IsDir() {
			kind = "a folder"
		}
		return nil, fmt.Errorf("cannot read %s %s: it is %s", what, shown, kind)
	}
	if fi.Size() > model.PeerFileLimit {
		return nil, fmt.Errorf("%s %s is %s bytes; it may be at most 1 MiB", what, shown, model.Thousands(int(fi.Size())))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, peerFileError(what, shown, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, model.PeerFileLimit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s %s: %w", what, shown, err)
	}
	if len(data) > model.PeerFileLimit {
		return nil, fmt.Errorf("%s %s is larger than 1 MiB, the most it may be", what, shown)
	}
	return data, nil
}

// peerFileError says plainly why a peer file could not be opened: "no
// such file: PATH" when it is not there, else the reason once, without
// the path said twice and the system call's name ("stat PATH: ...").
func peerFileError(what, shown string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no such file: %s", shown)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot read %s %s: %w", what, shown, err)
}

// ReadResponse reads and decodes a colleague's response file, refused
// whole (see ReadPeerFile and model.DecodeResponse) when it is not one.
func ReadResponse(path string) (model.Response, error) {
	data, err := ReadPeerFile(path, "response")
	if err != nil {
		return model.Response{}, err
	}
	return model.DecodeResponse(data)
}
