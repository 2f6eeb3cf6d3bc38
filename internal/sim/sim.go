// Command sim simulates respondents answering cxo's embedded bank and
// writes docs/validation.md: the share of each profile that cxo's rules
// (model.Compute) give each kind of respondent, in quick and full
// assessments. It is a simulation, not field data.
//
//	go run ./internal/sim -seed 1 > docs/validation.md
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// Seed and Runs are what docs/validation.md was written with.
const (
	Seed = 1
	Runs = 1000
)

func main() {
	seed := flag.Uint64("seed", Seed, "random seed")
	runs := flag.Int("runs", Runs, "simulated assessments per respondent type and length")
	flag.Parse()
	b, err := assets.DefaultBank()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sim:", err)
		os.Exit(1)
	}
	fmt.Print(Markdown(Study(b, *seed, *runs), *seed, *runs))
}

// Respondent is a kind of simulated person.
type Respondent struct {
	Name  string
	About string
	// Answer gives the answer to one item (a zero Answer with Skipped for
	// a skip); state is drawn once per assessment by Start.
	Start  func(r *rand.Rand) any
	Answer func(r *rand.Rand, state any, b *model.Bank, it model.Item) model.Answer
}

// Tally is the profiles one respondent type got in one length.
type Tally struct {
	Type      string
	Length    model.Length
	Runs      int
	Unclear   int
	Held      int
	Short     int // too few trade-off answers
	LeanCTO   int
	LeanCIO   int
	Strong    int
	Hybrid    int
	Neither   int
	Balanced  int
	StrongCTO int
	StrongCIO int
	// ShortLean counts leans given with fewer trade-off answers than the
	// minimum: it must stay 0.
	ShortLean int
	Short8    int // runs with fewer trade-off answers than the minimum
	// At counts, per confidence of Confidences, the runs that would get a
	// lean (right or wrong way) if the lean's band had that confidence.
	AtCTO, AtCIO []int
}

// Confidences are the lean confidences the study compares.
var Confidences = []float64{0.95, 0.975, 0.99}

// Share is a count as a share of the runs.
func (t Tally) Share(n int) float64 { return float64(n) / float64(t.Runs) }

// Study runs every respondent type in both lengths.
func Study(b *model.Bank, seed uint64, runs int) []Tally {
	var out []Tally
	for ti, rt := range Types() {
		for li, length := range []model.Length{model.LengthQuick, model.LengthFull} {
			r := rand.New(rand.NewPCG(seed, uint64(ti*2+li+1)))
			t := Tally{Type: rt.Name, Length: length, Runs: runs, AtCTO: make([]int, len(Confidences)), AtCIO: make([]int, len(Confidences))}
			for i := 0; i < runs; i++ {
				res, a := simulate(b, r, rt, length, i)
				t.add(res)
				if res.Held || !res.Lean.Enough {
					continue
				}
				vals := model.TradeoffValues(b, a)
				for k, c := range Confidences {
					switch l := model.LeanAt(vals, c); {
					case l.Low > 0:
						t.AtCTO[k]++
					case l.High < 0:
						t.AtCIO[k]++
					}
				}
			}
			out = append(out, t)
		}
	}
	return out
}

func (t *Tally) add(res model.Result) {
	if res.Lean.N < model.MinTradeoffs {
		t.Short8++
		if res.Profile == model.ProfileLean {
			t.ShortLean++
		}
	}
	switch res.Profile {
	case model.ProfileUnclear:
		t.Unclear++
		if res.Held {
			t.Held++
		} else if !res.Lean.Enough {
			t.Short++
		}
	case model.ProfileLean:
		strong := res.Lean.Size == "strong"
		if res.Lean.Direction == model.RoleCTO {
			t.LeanCTO++
			if strong {
				t.StrongCTO++
			}
		} else {
			t.LeanCIO++
			if strong {
				t.StrongCIO++
			}
		}
		if strong {
			t.Strong++
		}
	case model.ProfileHybrid:
		t.Hybrid++
	case model.ProfileNeither:
		t.Neither++
	case model.ProfileBalanced:
		t.Balanced++
	}
}

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func simulate(b *model.Bank, r *rand.Rand, rt Respondent, length model.Length, i int) (model.Result, *model.Assessment) {
	id := fmt.Sprintf("sim-%s-%d", rt.Name, i)
	a := model.NewAssessment(b, id, epoch, length, "")
	state := rt.Start(r)
	for _, itemID := range a.Order {
		it, _ := b.Item(itemID)
		a.Answers[itemID] = rt.Answer(r, state, b, it)
	}
	a.Status = model.StatusFinished
	return model.Compute(b, a), a
}

// nearest is the answer whose value on the item's scale is nearest x.
func nearest(it model.Item, x float64) model.Answer {
	best, bestD := 1, math.Inf(1)
	for i, v := range model.LevelValues(it) {
		if d := math.Abs(v - x); d < bestD {
			best, bestD = i+1, d
		}
	}
	return model.Answer{Value: best}
}

// latent answers every item from a person's position: theta on the
// trade-offs (-1..+1), cto and cio on the affinity scales (-1..+1 of
// agreement), noise added to each answer before it is rounded to the
// nearest option; readiness levels vary around the middle.
type latent struct {
	theta, cto, cio   float64
	noise, agreeNoise float64
	answerShare       float64 // share of items answered; the rest skipped
}

func (p latent) answer(r *rand.Rand, b *model.Bank, it model.Item) model.Answer {
	if p.answerShare < 1 && r.Float64() >= p.answerShare {
		return model.Answer{Skipped: true}
	}
	f, _ := b.Facet(it.Facet)
	switch {
	case f.Layer != model.LayerLean && it.Format == model.FormatLikert:
		// Foundations asked as statements: mild agreement with the
		// capable side, the same noise as the lean's statements.
		a := 0.3
		if it.Reverse {
			a = -a
		}
		x := a + max(p.agreeNoise, 0.3)*r.NormFloat64()
		return nearest(it, (x*sign(it)+1)/2)
	case f.Layer != model.LayerLean:
		// Readiness: a level around the middle, differing by area.
		return model.Answer{Value: min(max(int(math.Round(3+r.NormFloat64())), 1), 5)}
	case it.Format == model.FormatLikert:
		a := p.cto
		if it.Scale == model.RoleCIO {
			a = p.cio
		}
		if it.Reverse {
			a = -a
		}
		// The item's value is 0..1 of the scale; agreement -1..+1 maps to it.
		x := a + p.agreeNoise*r.NormFloat64()
		v := nearest(it, (x*sign(it)+1)/2)
		return v
	}
	return nearest(it, p.theta+p.noise*r.NormFloat64())
}

// sign undoes the item's reverse keying: LevelValues already reverse a
// reversed item, and the latent agreement above is with the statement.
func sign(it model.Item) float64 {
	if it.Reverse {
		return -1
	}
	return 1
}

// Types are the simulated respondents, in the order of the table.
func Types() []Respondent {
	lat := func(name, about string, p latent) Respondent {
		return Respondent{Name: name, About: about,
			Start: func(*rand.Rand) any { return p },
			Answer: func(r *rand.Rand, s any, b *model.Bank, it model.Item) model.Answer {
				return s.(latent).answer(r, b, it)
			}}
	}
	types := []Respondent{
		{Name: "random", About: "every answer drawn uniformly from the item's options",
			Start: func(*rand.Rand) any { return nil },
			Answer: func(r *rand.Rand, _ any, _ *model.Bank, it model.Item) model.Answer {
				return model.Answer{Value: 1 + r.IntN(it.Levels())}
			}},
		{Name: "all-same", About: "the same answer number (1 to 5, drawn once) to every item",
			Start: func(r *rand.Rand) any { return 1 + r.IntN(5) },
			Answer: func(_ *rand.Rand, s any, _ *model.Bank, it model.Item) model.Answer {
				return model.Answer{Value: min(s.(int), it.Levels())}
			}},
	}
	for _, th := range []float64{-0.8, -0.4, 0, 0.4, 0.8} {
		types = append(types, lat(fmt.Sprintf("theta %+.1f", th), fmt.Sprintf("lean θ = %+.1f, noise 0.6; affinities CTO %+.1f and CIO %+.1f", th, th, -th+0),
			latent{theta: th, cto: th, cio: -th, noise: 0.6, agreeNoise: 0.6, answerShare: 1}))
	}
	types = append(types,
		lat("balanced", "lean θ = 0, noise 0.3 everywhere; affinities 0", latent{noise: 0.3, agreeNoise: 0.3, answerShare: 1}),
		lat("hybrid", "affinities CTO +0.8 and CIO +0.8, noise 0.6; trade-offs θ = 0, noise 0.6", latent{cto: 0.8, cio: 0.8, noise: 0.6, agreeNoise: 0.6, answerShare: 1}),
		lat("extreme CTO", "the CTO end of every trade-off, full agreement with CTO statements", latent{theta: 1, cto: 1, cio: -1, answerShare: 1}),
		lat("extreme CIO", "the CIO end of every trade-off, full agreement with CIO statements", latent{theta: -1, cto: -1, cio: 1, answerShare: 1}),
		lat("sparse", "θ = +0.8, noise 0.6, but only 30% of items answered", latent{theta: 0.8, cto: 0.8, cio: -0.8, noise: 0.6, agreeNoise: 0.6, answerShare: 0.3}),
	)
	return types
}

// Markdown is docs/validation.md.
func Markdown(ts []Tally, seed uint64, runs int) string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("# Validation: a simulation study\n\n")
	p("This page is written by `go run ./internal/sim -seed %d > docs/validation.md`; `go test ./internal/sim` fails when it is stale.\n\n", seed)
	p("**This is a simulation, not field data.** Simulated people answer the embedded question bank by simple rules, and cxo scores them with its real rules (`model.Compute`). It shows what the rules do to answers of known kinds - how often noise is mistaken for a lean, how often a real lean is found - not how real people answer. The rules are in [method.md](method.md).\n\n")
	p("%d assessments per respondent type and length, seed %d. Shares are of all assessments of that row. \"Held\" and \"too few\" are the parts of \"unclear\" held back by the answer-quality checks and lacking the minimum of trade-off answers.\n\n", runs, seed)
	p("## Respondents\n\n")
	for _, rt := range Types() {
		p("- **%s**: %s.\n", rt.Name, rt.About)
	}
	p("\nEach latent answer is the option nearest the person's position plus normal noise, on the item's own scale (-1..+1 for trade-offs and agreement). Readiness ratings are the level nearest 3 plus normal noise of one level; statements about the shared foundations get mild agreement (+0.3) with the person's noise (at least 0.3).\n\n")
	p("## Profiles\n\n")
	p("| Respondent | Length | Unclear | (held) | (too few) | Lean CTO | Lean CIO | Strong | Hybrid | Neither | Balanced |\n")
	p("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, t := range ts {
		pc := func(n int) string { return fmt.Sprintf("%.1f%%", 100*t.Share(n)) }
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", t.Type, t.Length, pc(t.Unclear), pc(t.Held), pc(t.Short), pc(t.LeanCTO), pc(t.LeanCIO), pc(t.Strong), pc(t.Hybrid), pc(t.Neither), pc(t.Balanced))
	}
	p("\n## How the lean's confidence was chosen\n\n")
	p("The share of assessments that would get a lean (answers not held back, enough trade-offs) if the lean's band had each confidence. Random answers should rarely get one; a real lean of 0.8 nearly always, and never the wrong way. cxo uses %s in full and %s in quick.\n\n", pct(model.LeanConfidenceFull), pct(model.LeanConfidenceQuick))
	p("| Respondent | Length |")
	for _, c := range Confidences {
		p(" Lean at %s |", pct(c))
	}
	p("\n| --- | --- |%s\n", strings.Repeat(" --- |", len(Confidences)))
	for _, t := range ts {
		if t.Type != "random" && t.Type != "theta +0.8" && t.Type != "theta -0.8" && t.Type != "theta +0.4" && t.Type != "balanced" {
			continue
		}
		p("| %s | %s |", t.Type, t.Length)
		for k := range Confidences {
			p(" %.1f%% (%.1f%% CTO, %.1f%% CIO) |", 100*t.Share(t.AtCTO[k]+t.AtCIO[k]), 100*t.Share(t.AtCTO[k]), 100*t.Share(t.AtCIO[k]))
		}
		p("\n")
	}
	p("\n## Targets\n\n")
	for _, c := range Checks(ts) {
		mark := "met"
		if !c.OK {
			mark = "**not met**"
		}
		p("- %s: %s (%s).\n", c.Target, c.Got, mark)
	}
	return w.String()
}

// Check is one target of issue 13 against the study.
type Check struct {
	Target string
	Got    string
	OK     bool
	// Margin is how far the figure may drift in a re-run with another seed
	// before the test calls it failed.
	Value, Limit float64
	AtLeast      bool
}

func find(ts []Tally, typ string, l model.Length) Tally {
	for _, t := range ts {
		if t.Type == typ && t.Length == l {
			return t
		}
	}
	return Tally{Runs: 1}
}

// Checks evaluates the targets.
func Checks(ts []Tally) []Check {
	var out []Check
	add := func(target string, v, limit float64, atLeast bool) {
		ok := v <= limit
		if atLeast {
			ok = v >= limit
		}
		out = append(out, Check{Target: target, Got: fmt.Sprintf("%.1f%%", 100*v), OK: ok, Value: v, Limit: limit, AtLeast: atLeast})
	}
	q, f := model.LengthQuick, model.LengthFull
	rq, rf := find(ts, "random", q), find(ts, "random", f)
	add("random answers get a lean in at most 5% of quick assessments", rq.Share(rq.LeanCTO+rq.LeanCIO), 0.05, false)
	add("random answers get a lean in at most 2% of full assessments", rf.Share(rf.LeanCTO+rf.LeanCIO), 0.02, false)
	add("random answers get a strong lean in at most 0.5% (quick)", rq.Share(rq.Strong), 0.005, false)
	add("random answers get a strong lean in at most 0.5% (full)", rf.Share(rf.Strong), 0.005, false)
	add("random answers are unclear in at least 90% (quick)", rq.Share(rq.Unclear), 0.90, true)
	add("random answers are unclear in at least 90% (full)", rf.Share(rf.Unclear), 0.90, true)
	short, shortLean := 0, 0
	for _, t := range ts {
		short += t.Short8
		shortLean += t.ShortLean
	}
	out = append(out, Check{Target: "fewer trade-off answers than the minimum never give a lean", Got: fmt.Sprintf("%d leans in %d such assessments", shortLean, short), OK: shortLean == 0 && short > 0, Value: float64(shortLean), Limit: 0})
	p8, m8 := find(ts, "theta +0.8", f), find(ts, "theta -0.8", f)
	add("θ = +0.8 gets the CTO direction in at least 90% of full", p8.Share(p8.LeanCTO), 0.90, true)
	add("θ = +0.8 gets the wrong direction in under 1% of full", p8.Share(p8.LeanCIO), 0.01, false)
	add("θ = -0.8 gets the CIO direction in at least 90% of full", m8.Share(m8.LeanCIO), 0.90, true)
	add("θ = -0.8 gets the wrong direction in under 1% of full", m8.Share(m8.LeanCTO), 0.01, false)
	bal := find(ts, "balanced", f)
	add("θ = 0 with noise 0.3 is balanced in at least 70% of full", bal.Share(bal.Balanced), 0.70, true)
	hy := find(ts, "hybrid", f)
	add("a hybrid is hybrid in at least 70% of full", hy.Share(hy.Hybrid), 0.70, true)
	for _, l := range []model.Length{q, f} {
		as := find(ts, "all-same", l)
		add("all-same answers are held back in every "+string(l)+" run", as.Share(as.Held), 1.0, true)
		ec, ei := find(ts, "extreme CTO", l), find(ts, "extreme CIO", l)
		add("a consistent extreme CTO responder is a strong CTO lean in every "+string(l)+" run", ec.Share(ec.StrongCTO), 1.0, true)
		add("a consistent extreme CIO responder is a strong CIO lean in every "+string(l)+" run", ei.Share(ei.StrongCIO), 1.0, true)
	}
	return out
}

func pct(c float64) string {
	s := strconv.FormatFloat(100*c, 'f', -1, 64)
	return s + "%"
}
