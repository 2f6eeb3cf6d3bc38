package ui

import (
	"bufio"
	"errors"
)

// LineLimit is the longest input line the line mode takes (4 KiB). A
// longer one is refused whole and read past in pieces, so a 64 MB line
// costs no more memory than a short one.
const LineLimit = 4096

// readBounded reads one line of at most limit bytes (its line break not
// counted). A longer line is read to its end and dropped: tooLong is set
// and line is "". err is the reader's error at the end of input.
func readBounded(r *bufio.Reader, limit int) (line string, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > limit+2 { // room for "\r\n"
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			return "", true, err
		}
		s := string(buf)
		trimmed := len(s)
		if trimmed > 0 && s[trimmed-1] == '\n' {
			trimmed--
			if trimmed > 0 && s[trimmed-1] == '\r' {
				trimmed--
			}
		}
		if trimmed > limit {
			return "", true, err
		}
		return s, false, err
	}
}

// ReadLine reads one line of at most LineLimit bytes, for the command
// line's own prompts; a longer one is read past and reported as tooLong.
func ReadLine(r *bufio.Reader) (line string, tooLong bool, err error) {
	return readBounded(r, LineLimit)
}
