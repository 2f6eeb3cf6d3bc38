package model

import "encoding/json"

// JSON renders the report, indented, with a final newline.
func JSON(rep Report) []byte {
	data, _ := json.MarshalIndent(rep, "", "  ")
	return append(data, '\n')
}
