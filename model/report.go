package model

import (
	"slices"
	"sort"
	"time"
)

// ExportSchema is the version of the JSON export layout. Version 2 adds
// (never renames) the profile, the lean's size and certainty, the
// affinities, both roles' expected levels per area, the method, and the
// plan's "later" list; lean score, low and high are null when there are
// too few trade-off answers for a verdict.
const ExportSchema = 2

// Report is the machine-readable export (cxo export --format json).
type Report struct {
	Schema int `json:"schema"`
	// Scales names the scale each kind of number is on.
	Scales      map[string]string `json:"scales"`
	ID          string            `json:"id"`
	BankVersion string            `json:"bank_version"`
	Status      string            `json:"status"`
	Started     time.Time         `json:"started"`
	Finished    *time.Time        `json:"finished,omitempty"`
	Length      string            `json:"length"`
	Provisional bool              `json:"provisional"`
	Method      int               `json:"method"`
	Profile     string            `json:"profile"`
	Held        bool              `json:"held"`
	Unheld      string            `json:"unheld_verdict,omitempty"`
	Target      string            `json:"target"`
	TargetFrom  string            `json:"target_from"`
	Lean        ReportLean        `json:"lean"`
	Affinities  []ReportAffinity  `json:"affinities"`
	Facets      []ReportScore     `json:"facets"`
	Readiness   []ReportScore     `json:"readiness"`
	Foundations []ReportScore     `json:"foundations"`
	Strengths   []ReportFinding   `json:"strengths"`
	Gaps        []ReportFinding   `json:"gaps"`
	Plan        []ReportPlanStep  `json:"plan"`
	Later       []ReportPlanStep  `json:"later"`
	Flags       []ReportFlag      `json:"flags"`
	Counts      ReportCounts      `json:"counts"`
	// Rescored is the current method's reading of a result stored under an
	// earlier method, shown beside it; nil when the result is current.
	Rescored *ReportRescore `json:"rescored,omitempty"`
	Note     string         `json:"note"`
	Answers  []ReportAnswer `json:"answers"`
	// Peers is the colleagues' view; absent when none responded.
	Peers *ReportPeers `json:"peers"` // null until a colleague responds
}

type ReportLean struct {
	Score      *int    `json:"score"` // null when too few trade-off answers
	Low        *int    `json:"low"`
	High       *int    `json:"high"`
	Verdict    string  `json:"verdict"`
	Direction  string  `json:"direction"`
	Size       string  `json:"size"`
	Certainty  string  `json:"certainty"`
	Confidence float64 `json:"confidence"`
	N          int     `json:"answers"`
	Needed     int     `json:"needed"`
}

type ReportAffinity struct {
	Role       string `json:"role"`
	Score      *int   `json:"score"`
	Low        *int   `json:"low"`
	High       *int   `json:"high"`
	N          int    `json:"answers"`
	Indicative bool   `json:"indicative"`
}

type ReportScore struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	Score *int   `json:"score"` // null when nothing was rated (N == 0)
	Low   *int   `json:"low"`
	High  *int   `json:"high"`
	N     int    `json:"answers"`
	// NoOpportunity counts items answered "no opportunity yet".
	NoOpportunity int           `json:"no_opportunity,omitempty"`
	Movers        []ReportMover `json:"moved_most"`
	// Readiness and foundations: both roles' levels, cxo's judgement.
	Expect *ReportExpect `json:"expect,omitempty"`
}

type ReportExpect struct {
	CTO    int    `json:"cto"`
	CIO    int    `json:"cio"`
	VsCTO  string `json:"vs_cto"`
	VsCIO  string `json:"vs_cio"`
	Basis  string `json:"basis"`
	Reason string `json:"reason"`
}

type ReportMover struct {
	ID     string `json:"id"`
	Answer string `json:"answer"`
	Effect int    `json:"effect"`
}

type ReportFinding struct {
	Facet  string `json:"facet"`
	Name   string `json:"name"`
	Score  int    `json:"score"`
	Expect int    `json:"expect,omitempty"`
	Why    string `json:"why"`
	Guide  string `json:"guide"`
	Band   string `json:"band,omitempty"`
	Role   string `json:"role,omitempty"`
	// Confirmed: colleagues' ratings confirm the gap.
	Confirmed bool `json:"confirmed,omitempty"`
}

type ReportPlanStep struct {
	Facet   string   `json:"facet"`
	Name    string   `json:"name"`
	Actions []string `json:"actions"`
	Guide   string   `json:"guide"`
	Why     string   `json:"why,omitempty"`
	Band    string   `json:"band,omitempty"`
	// Confirmed: colleagues' ratings confirm the gap.
	Confirmed bool `json:"confirmed,omitempty"`
}

type ReportFlag struct {
	Code    string   `json:"code"`
	Title   string   `json:"title"`
	Message string   `json:"message"`
	Items   []string `json:"items"`
}

type ReportCounts struct {
	Total    int `json:"total"`
	Answered int `json:"answered"`
	Skipped  int `json:"skipped"`
	NA       int `json:"not_applicable"`
	// NoOpportunity counts "no opportunity yet" answers (schema 2 adds it).
	NoOpportunity int `json:"no_opportunity"`
	Unscored      int `json:"unscored"`
}

type ReportAnswer struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Facet   string `json:"facet"`
	Text    string `json:"text"`
	Answer  string `json:"answer"`
	Value   int    `json:"value,omitempty"`
	Note    string `json:"note,omitempty"`
	TookMS  int64  `json:"took_ms,omitempty"`
}

// ReportRescore is the current method's headline for an older result.
type ReportRescore struct {
	Method     int              `json:"method"`
	Profile    string           `json:"profile"`
	Lean       ReportLean       `json:"lean"`
	Affinities []ReportAffinity `json:"affinities"`
}

// BuildReport gathers everything an export holds. A result stored under an
// earlier method is exported as it was, with the current method's reading
// beside it.
func BuildReport(b *Bank, a *Assessment, r Result) Report {
	rep := Report{
		Schema: ExportSchema, Scales: Scales, ID: a.ID, BankVersion: a.BankVersion, Status: string(a.Status),
		Started: a.Started.UTC(), Length: string(a.Length), Provisional: a.Length == LengthQuick,
		Method: r.MethodOf(), Profile: string(r.Profile), Held: r.Held, Unheld: r.Unheld,
		Target: string(r.Target), TargetFrom: r.TargetFrom,
		Lean:        reportLean(r),
		Affinities:  reportAffinities(r.Affinities),
		Facets:      reportScores(b, r.Facets),
		Readiness:   reportScores(b, r.Readiness),
		Foundations: reportScores(b, r.Foundations),
		Strengths:   reportFindings(r.Strengths),
		Gaps:        reportFindings(r.Gaps),
		Plan:        reportSteps(r.Plan),
		Later:       reportSteps(r.Later),
		Flags:       []ReportFlag{},
		Counts:      ReportCounts{Total: r.Total, Answered: r.Answered, Skipped: r.Skipped, NA: r.NA, NoOpportunity: r.NoOpportunity, Unscored: r.Unscored},
		Note:        HonestSentence,
		Answers:     []ReportAnswer{},
		Peers:       reportPeers(r.Peers),
	}
	if rep.Profile == "" {
		rep.Profile = "not recorded (method 1)"
	}
	if r.MethodOf() < Method {
		cur := Compute(b, a)
		rep.Rescored = &ReportRescore{Method: Method, Profile: string(cur.Profile), Lean: reportLean(cur), Affinities: reportAffinities(cur.Affinities)}
	}
	if !a.Finished.IsZero() {
		f := a.Finished.UTC()
		rep.Finished = &f
	}
	for _, f := range r.Flags {
		rep.Flags = append(rep.Flags, ReportFlag{Code: f.Code, Title: FlagTitle(f.Code), Message: f.Message, Items: f.Items})
	}
	shown := map[string]bool{}
	for _, id := range a.Order {
		rep.Answers = append(rep.Answers, reportAnswer(b, a, id, shown))
	}
	// Answers the order no longer holds (an item a bank removed, or one
	// Reconcile dropped) stay visible, after the others, by id.
	var rest []string
	for id, ans := range a.Answers {
		if !slices.Contains(a.Order, id) && (ans.Given() || ans.Note != "") {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	for _, id := range rest {
		if it, _, ok := b.Resolve(id, a.Answers); ok && shown[it.ID] {
			continue // already shown through the item that took it over
		}
		rep.Answers = append(rep.Answers, reportAnswer(b, a, id, shown))
	}
	return rep
}

// reportAnswer is one row of the appendix: the answer with the words it
// was given to, or a note that the bank no longer has the item.
func reportAnswer(b *Bank, a *Assessment, id string, shown map[string]bool) ReportAnswer {
	it, ans, ok := b.Resolve(id, a.Answers)
	own := a.Answers[id]
	ra := ReportAnswer{ID: id, Answer: AnswerText(it, ans), Note: Clean(own.Note), TookMS: own.Took.Milliseconds()}
	if ok {
		shown[it.ID] = true
		f, _ := b.Facet(it.Facet)
		ra.Section, ra.Facet, ra.Text = string(f.Layer), it.Facet, it.Text
	} else {
		ra.Text = "(this item is no longer in the question bank)"
		ra.Answer = AnswerText(Item{}, own)
		if own.Scored() {
			ra.Answer = "answer " + itoa(own.Value)
		}
	}
	if own.Scored() {
		ra.Value = own.Value
	}
	return ra
}

func reportLean(r Result) ReportLean {
	l := r.Lean
	rl := ReportLean{Verdict: l.Verdict, Direction: string(l.Direction), Size: l.Size, Certainty: l.Certainty, Confidence: l.Confidence, N: l.N, Needed: l.Need}
	if r.MethodOf() < 2 || l.Enough {
		s, lo, hi := l.Score, l.Low, l.High
		rl.Score, rl.Low, rl.High = &s, &lo, &hi
	} else {
		// Too few answers: no number, and no direction or size either.
		rl.Direction, rl.Size, rl.Certainty = "", "", ""
	}
	return rl
}

func reportAffinities(as []Affinity) []ReportAffinity {
	out := []ReportAffinity{}
	for _, af := range as {
		ra := ReportAffinity{Role: string(af.Role), N: af.N, Indicative: af.Indicative}
		if af.N > 0 {
			s, lo, hi := af.Score, af.Low, af.High
			ra.Score, ra.Low, ra.High = &s, &lo, &hi
		}
		out = append(out, ra)
	}
	return out
}

func anyRated(ss []ReportScore) bool {
	for _, s := range ss {
		if s.N > 0 {
			return true
		}
	}
	return false
}

func reportScores(b *Bank, ss []Score) []ReportScore {
	out := []ReportScore{}
	for _, s := range ss {
		rs := ReportScore{ID: s.ID, Name: s.Name, Group: s.Group, N: s.N, NoOpportunity: s.NoOpportunity, Movers: []ReportMover{}}
		if s.N > 0 {
			rs.Score, rs.Low, rs.High = &s.Score, &s.Low, &s.High
		}
		if f, ok := b.Facet(s.ID); ok && f.Layer != LayerLean {
			rs.Expect = &ReportExpect{CTO: f.Expect[RoleCTO], CIO: f.Expect[RoleCIO], VsCTO: string(s.VsCTO), VsCIO: string(s.VsCIO),
				Basis: "cxo's judgement", Reason: f.Reason}
		}
		for _, mv := range s.Movers {
			rs.Movers = append(rs.Movers, ReportMover{ID: mv.ItemID, Answer: mv.Answer, Effect: mv.Effect})
		}
		out = append(out, rs)
	}
	return out
}

func reportFindings(fs []Finding) []ReportFinding {
	out := []ReportFinding{}
	for _, f := range fs {
		out = append(out, ReportFinding{Facet: f.FacetID, Name: f.Name, Score: f.Score, Expect: f.Expect, Why: f.Why, Guide: f.Guide, Band: string(f.Band), Role: string(f.Role), Confirmed: f.Confirmed})
	}
	return out
}

func reportSteps(ps []PlanStep) []ReportPlanStep {
	out := []ReportPlanStep{}
	for _, p := range ps {
		acts := p.Actions
		if acts == nil {
			acts = []string{}
		}
		out = append(out, ReportPlanStep{Facet: p.FacetID, Name: p.Name, Actions: acts, Guide: p.Guide, Why: p.Why, Band: string(p.Band), Confirmed: p.Confirmed})
	}
	return out
}
