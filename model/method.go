package model

// The rules of inference live here, in one place: docs/method.md prints
// every number below from these constants (internal/methoddoc writes it,
// and its test fails when the page is stale), and the simulation in
// internal/sim measures what they do to simulated respondents.

// Method is the version of the scoring rules. A result stored before
// method 2 has Method 0 and reads as method 1.
const Method = 2

// Evidence before verdicts.
const (
	// MinTradeoffs is the least number of trade-off answers (preferences,
	// scenarios, older choices) before any verdict on the lean.
	MinTradeoffs = 8
	// MinPerFacet is the least number of trade-off answers on each lean
	// facet before any verdict on the lean.
	MinPerFacet = 2
	// MinAffinityItems is the least number of agree/disagree answers on an
	// affinity scale before it is more than indicative.
	MinAffinityItems = 4
)

// Confidence of the bands, two-sided, with Student t critical values for
// n-1 degrees of freedom. The lean's confidence depends on the length:
// the simulation (docs/validation.md) shows 99% meets the targets in full
// and 97.5% in quick, which has fewer items and so wider t values already.
const (
	LeanConfidenceFull  = 0.99
	LeanConfidenceQuick = 0.975
	AffinityConfidence  = 0.90
	ReadinessConfidence = 0.95
)

// Floors of the spread: a band is never narrower than one step of the
// answer scale allows, so identical answers still leave that much doubt.
const (
	LeanFloor     = 0.25 // one step of the five-point preference on -1..+1
	AffinityFloor = 0.25 // one agreement step on 0..1
	RatingFloor   = 0.25 // one readiness level on 0..1
)

// Profiles and the lean's size.
const (
	// ModerateFrom and StrongFrom size a lean by its score (-100..+100):
	// below ModerateFrom it is slight. The size comes from the score
	// alone; the band says how sure it is, in its own words.
	ModerateFrom = 35
	StrongFrom   = 70
	// BalancedWidth is the widest lean band (in points of -100..+100)
	// still called balanced; a wider band across the middle is unclear.
	BalancedWidth = 70
	// AffinityMiddle is the middle of the 0..100 affinity scales: hybrid
	// when both bands lie wholly above it, neither when both lie below.
	AffinityMiddle = 50
)

// Gaps, strengths and the plan.
const (
	// StrengthMargin is how far above the expected level a score must be
	// to be called a possible strength; a strength needs its whole band
	// above the level.
	StrengthMargin = 10
	// OperationalWeightCIO multiplies operational shortfalls measured
	// against the CIO's levels: the essay makes operational skill
	// essential for a CIO and optional for a CTO with an operational
	// partner, so against the CTO it weighs 1.
	OperationalWeightCIO = 1.5
	// Priorities is how many gaps the plan works on now; the rest are
	// listed as later.
	Priorities = 3
	// ActionsPerPriority is the most actions a priority lists.
	ActionsPerPriority = 3
	// PlanDays is the plan's horizon.
	PlanDays = 90
)

// Self-ratings that are implausibly high or uniform.
const (
	SelfRatingMin       = 6   // rated readiness items before the check applies
	SelfRatingHighShare = 0.8 // this share or more at level 4 or 5
	SelfRatingHighLevel = 4
	SelfRatingSpread    = 1.0 // interquartile range of the levels under this
)

// Profile is the one conclusion drawn about the lean, in precedence order.
type Profile string

const (
	ProfileUnclear  Profile = "unclear"
	ProfileLean     Profile = "lean"
	ProfileHybrid   Profile = "hybrid"
	ProfileNeither  Profile = "neither"
	ProfileBalanced Profile = "balanced"
)

// LeanConfidence is the lean band's confidence for a length.
func LeanConfidence(l Length) float64 {
	if l == LengthQuick {
		return LeanConfidenceQuick
	}
	return LeanConfidenceFull
}

// LeanSize words the size of a lean score.
func LeanSize(score int) string {
	switch s := abs(score); {
	case s >= StrongFrom:
		return "strong"
	case s >= ModerateFrom:
		return "moderate"
	}
	return "slight"
}
