package model

// Label says a relationship from the rater's side, naming the person
// rated, so "manager" cannot be read both ways. The stored codes
// (manager, peer, report, other) never change; only these words do.
func (r Relationship) Label(name string) string {
	switch r {
	case RelManager:
		return "I am " + name + "'s manager"
	case RelPeer:
		return "I am " + name + "'s peer: we work side by side"
	case RelReport:
		return name + " is my manager: I report to them"
	case RelOther:
		return "Another working relationship"
	}
	return string(r)
}
