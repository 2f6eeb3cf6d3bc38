package model

import (
	"encoding/json"
	"errors"
)

// otherPeerFile says plainly when a file is the other kind of cxo peer
// file: an invitation given to cxo import, or a response given to cxo
// rate. Each kind is refused by the other's strict reading with a JSON
// detail ("unknown field") that does not tell the user what to do.
func otherPeerFile(data []byte, want string) error {
	if len(data) > PeerFileLimit {
		return nil // the strict reading says it is too large
	}
	var head struct {
		Format string `json:"format"`
	}
	if json.Unmarshal(data, &head) != nil {
		return nil
	}
	switch {
	case want == ResponseFormat && head.Format == InvitationFormat:
		return errors.New("this file is a cxo invitation, not a response: it is what a colleague rates you from (they run cxo rate on it and send back a response file); import the response files you get back")
	case want == InvitationFormat && head.Format == ResponseFormat:
		return errors.New("this file is a cxo response (a colleague's answers), not an invitation: the person who invited them brings it in with cxo import; to rate someone, run cxo rate on the invitation file they sent you")
	}
	return nil
}
