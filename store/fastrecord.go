package store

import (
	"strconv"
	"time"
)

// fastRecord decodes a record the way putRecord's json.Marshal wrote it
// (the payload, once unseal has checked and cut off its checksum): one
// flat object of plain strings (no escapes) and integers. Listing
// thousands of assessments spends most of its time in encoding/json, so
// the common case takes this path; anything it does not recognise (an
// escape, a nested value, an unknown key) returns ok=false and the caller
// falls back to encoding/json, which has the final word.
func fastRecord(data []byte) (r record, ok bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return r, false
	}
	i++
	for first := true; ; first = false {
		i = skipSpace(data, i)
		if first && i < len(data) && data[i] == '}' {
			return r, skipSpace(data, i+1) == len(data) // {}
		}
		key, j, ok := plainString(data, i)
		if !ok {
			return r, false
		}
		i = skipSpace(data, j)
		if i >= len(data) || data[i] != ':' {
			return r, false
		}
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return r, false
		}
		if data[i] == '"' {
			val, j, ok := plainString(data, i)
			if !ok {
				return r, false
			}
			i = j
			switch key {
			case "id":
				r.ID = val
			case "length":
				r.Length = val
			case "target":
				r.Target = val
			case "bank_version":
				r.BankVersion = val
			case "status":
				r.Status = val
			case "lean":
				r.Lean = val
			case "started", "finished":
				var t time.Time // the same strict parse encoding/json uses
				if err := t.UnmarshalJSON([]byte(`"` + val + `"`)); err != nil {
					return r, false
				}
				if key == "started" {
					r.Started = t
				} else {
					r.Finished = t
				}
			default:
				return r, false
			}
		} else {
			j := i
			if j < len(data) && data[j] == '-' {
				j++
			}
			digits := j
			for j < len(data) && data[j] >= '0' && data[j] <= '9' {
				j++
			}
			// JSON integers: no leading zeros, at least one digit.
			if j == digits || (data[digits] == '0' && j-digits > 1) {
				return r, false
			}
			n, err := strconv.Atoi(string(data[i:j]))
			if err != nil {
				return r, false
			}
			i = j
			switch key {
			case "v":
				r.V = n
			case "total":
				r.Total = n
			default:
				return r, false
			}
		}
		i = skipSpace(data, i)
		if i < len(data) && data[i] == ',' {
			i++
			continue
		}
		if i < len(data) && data[i] == '}' {
			return r, skipSpace(data, i+1) == len(data)
		}
		return r, false
	}
}

// plainString reads a JSON string without escapes or control characters.
func plainString(data []byte, i int) (string, int, bool) {
	if i >= len(data) || data[i] != '"' {
		return "", i, false
	}
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return string(data[i+1 : j]), j + 1, true
		case c == '\\' || c < 0x20 || c >= 0x80:
			return "", i, false // escapes and non-ASCII: leave to encoding/json
		}
	}
	return "", i, false
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}
