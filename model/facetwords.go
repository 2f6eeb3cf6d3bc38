package model

// FacetWords is a lean facet's reading in one line of words, for the line
// mode and anything else that describes a facet in prose. As with the lean
// (LeanWords), a side is given as a finding only when the whole band lies
// on it: a band that reaches or crosses the middle (50) says where the
// answers sit and that the side is not established.
func FacetWords(f Facet, s Score) string {
	if s.N == 0 {
		return s.Name + ": not rated"
	}
	poles := " (100 is the CTO side, " + f.CTO + "; 0 the CIO side, " + f.CIO + ")"
	band := "band " + itoa(s.Low) + "-" + itoa(s.High)
	head := s.Name + ": " + itoa(s.Score) + ", "
	switch {
	case s.Low > 50:
		return head + "on the CTO side" + poles + ", " + band + ", wholly above the middle"
	case s.High < 50:
		return head + "on the CIO side" + poles + ", " + band + ", wholly below the middle"
	case s.Score == 50:
		return head + "at the middle" + poles + ", " + band + ": no side is established"
	}
	side := "CTO"
	if s.Score < 50 {
		side = "CIO"
	}
	return head + "side not established: the answers sit on the " + side + " side, but the " + band + " crosses the middle (50)" + poles
}
