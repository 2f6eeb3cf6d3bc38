package model

// profile draws the one conclusion, in this precedence:
//
//  1. unclear: the quality checks hold the answers back, or there are
//     fewer trade-off answers than the minimum;
//  2. lean: the lean's band lies wholly on one side of zero;
//  3. hybrid: both affinities' bands lie wholly above the middle (full
//     length only);
//  4. neither: both lie wholly below it (full length only);
//  5. balanced: the lean's band is at most BalancedWidth wide (it crosses
//     zero, or it would be a lean);
//  6. otherwise unclear: the band is too wide to tell.
//
// Hybrid and neither come before the width test because a person drawn to
// both roles is expected to answer trade-offs both ways: their affinities,
// not the width of their trade-off band, say what they are.
func profile(r Result) Profile {
	l := r.Lean
	switch {
	case r.Held || !l.Enough:
		return ProfileUnclear
	case l.Low > 0 || l.High < 0:
		return ProfileLean
	}
	cto, cio := r.affinity(RoleCTO), r.affinity(RoleCIO)
	if !cto.Indicative && !cio.Indicative {
		switch {
		case cto.Low > AffinityMiddle && cio.Low > AffinityMiddle:
			return ProfileHybrid
		case cto.High < AffinityMiddle && cio.High < AffinityMiddle:
			return ProfileNeither
		}
	}
	if l.High-l.Low <= BalancedWidth {
		return ProfileBalanced
	}
	return ProfileUnclear
}

func (r Result) affinity(role Role) Affinity {
	for _, af := range r.Affinities {
		if af.Role == role {
			return af
		}
	}
	return Affinity{Role: role, Indicative: true, High: 100}
}

// Affinity returns the result's affinity for a role.
func (r Result) Affinity(role Role) Affinity { return r.affinity(role) }

// verdict is the profile in a few words, the headline of the result.
func verdict(r Result) string {
	l := r.Lean
	var s string
	switch r.Profile {
	case ProfileUnclear:
		switch {
		case r.Held:
			s = "unclear - review these answers first"
		case !l.Enough:
			s = "unclear - answer " + itoa(l.Need) + " more trade-off " + plural(l.Need, "item", "items") + " for a verdict"
		default:
			s = "unclear - your trade-off answers pull too many ways to tell"
		}
	case ProfileLean:
		s = l.Size + " " + l.Direction.Upper() + " lean"
	case ProfileHybrid:
		s = "hybrid - drawn to both roles"
	case ProfileNeither:
		s = "neither - drawn to neither role"
	case ProfileBalanced:
		s = "balanced - a steady middle between the roles"
	}
	if r.Provisional {
		s += " (provisional: quick assessment)"
	}
	return s
}

// HeldMessage is what a held verdict says instead, with the key or command
// that shows it anyway.
func HeldMessage(show string) string {
	return "The answer-quality checks above suggest some answers may not say what you meant, so the verdict is held back until you review them. " + show + " shows it anyway."
}

// LeanWords describes the lean with direction, size and certainty kept
// apart, e.g. "Direction: CTO. Size: strong (+72). Certainty: clear - the
// 99% band, +45 to +100, lies wholly on the CTO side."
func LeanWords(l Lean) string {
	if !l.Enough && l.N >= 0 && l.Certainty == "too few answers" {
		return "Not enough trade-off answers for a verdict on the lean: " + itoa(l.N) + " given, at least " + itoa(MinTradeoffs) + " (and " + itoa(MinPerFacet) + " on each facet) needed; answer " + itoa(l.Need) + " more."
	}
	pct := percent(l.Confidence)
	band := "the " + pct + " band runs " + Signed(l.Low) + " to " + Signed(l.High)
	dir := "none (the score is at the middle)"
	if l.Direction != "" {
		dir = l.Direction.Upper()
	}
	size := l.Size + " (" + Signed(l.Score) + ")"
	if l.Direction == "" {
		size = "none (" + Signed(l.Score) + ")" // no direction, so no size either
	}
	if l.Certainty == "clear" {
		return "Direction: " + dir + ". Size: " + size + ". Certainty: clear - " + band + ", wholly on the " + dir + " side."
	}
	if l.Direction == "" {
		return "Direction: " + dir + ". Size: " + size + ". Certainty: open - " + band + ", across the middle."
	}
	// The band crosses the middle: the side the score is on is not a
	// finding, so it is not given as the direction, and the size is only
	// what it would be.
	return "Direction: not established - the answers sit on the " + dir + " side (" + Signed(l.Score) + "), but " + band +
		", across the middle. Size: " + l.Size + ", if that side holds. Certainty: open."
}

// AffinityWords describes one affinity with its band.
func AffinityWords(af Affinity) string {
	s := af.Role.Upper() + " affinity: "
	if af.N == 0 {
		return s + "no answers"
	}
	s += itoa(af.Score) + " of 100 (" + percent(AffinityConfidence) + " band " + itoa(af.Low) + "-" + itoa(af.High) + ", " + itoa(af.N) + " " + plural(af.N, "answer", "answers") + ")"
	if af.Indicative {
		s += ", indicative only"
	}
	return s
}

func percent(c float64) string {
	p := c * 100
	if p == float64(int(p)) {
		return itoa(int(p)) + "%"
	}
	return itoa(int(p)) + "." + itoa(int(p*10)%10) + "%"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
