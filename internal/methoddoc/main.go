// Command methoddoc writes docs/method.md, the plain account of how cxo
// turns answers into a result. Every number on the page is printed from
// the constants in model/method.go and the embedded bank, so the page
// cannot drift from the code: its test fails when the committed page is
// not what this command writes.
//
//	go run ./internal/methoddoc > docs/method.md
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

func main() {
	b, err := assets.DefaultBank()
	if err != nil {
		fmt.Fprintln(os.Stderr, "methoddoc:", err)
		os.Exit(1)
	}
	fmt.Print(Page(b))
}

func pct(c float64) string {
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", 100*c), "0"), ".") + "%"
}

// Page is docs/method.md.
func Page(b *model.Bank) string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	quickTrade, fullTrade := 0, 0
	for _, it := range b.Items {
		f, _ := b.Facet(it.Facet)
		if f.Layer == model.LayerLean && it.Format != model.FormatLikert {
			fullTrade++
			if it.Quick {
				quickTrade++
			}
		}
	}
	readinessAreas := 0
	for _, f := range b.Facets {
		if f.Layer == model.LayerReadiness {
			readinessAreas++
		}
	}
	p("# How cxo reads your answers (method %d)\n\n", model.Method)
	p("This page is written by `go run ./internal/methoddoc > docs/method.md` from the constants in `model/method.go` and the embedded bank (%s); `go test ./internal/methoddoc` fails when it is stale. What the rules do to simulated respondents is in [validation.md](validation.md).\n\n", b.Version)
	p("> %s\n\n", model.HonestSentence)

	p("## What is measured\n\n")
	p("- **The lean** between the CTO and the CIO role, from trade-off items only: five-point preferences between a CTO-leaning and a CIO-leaning statement, and short scenarios whose responses include a balanced one. The full assessment asks %d of them, the quick one %d.\n", fullTrade, quickTrade)
	p("- **Two affinities**, CTO affinity and CIO affinity, each 0 to 100, from agree/disagree statements. Each scale has statements worded the other way round (true opposites on the same scale), so a person drawn to both roles (hybrid) or to neither is told apart from a balanced one.\n")
	p("- **Readiness**: operational skills, the twelve areas of the CTO role and the CIO's own competences (%d areas), each 0 to 100 from ratings of what the person did in the last year, on five anchored levels.\n", readinessAreas)
	p("- **Shared foundations** both roles need, reported on their own and not part of the lean; asked in the full assessment.\n\n")

	p("## From answers to numbers\n\n")
	p("- A preference runs from -1 (much more the CIO statement) through 0 (both equally) to +1 (much more the CTO statement), in steps of 0.5; which statement comes first varies, and the scoring follows the statement, not its place.\n")
	p("- A scenario response scores from -1 (clearly CIO) to +1 (clearly CTO); every scenario has a balanced response at 0.\n")
	p("- An agreement runs 0 to 1 on its scale (strongly disagree 0, strongly agree 1), turned round for statements worded the other way.\n")
	p("- A rating of level 1 to 5 is 0 to 1.\n")
	p("- Skips and \"not applicable\" are missing, never a middle answer.\n")
	p("- \"No opportunity yet\" on a readiness rating is missing too, never a low score: the plan lists it under \"later\" as a chance to seek.\n")
	p("- Answers to the two-option choices of bank 2026.11-1 keep their meaning: each choice became a preference between the same two statements under a new id, and an old answer reads as the extreme on the side it chose. Stored answers are never rewritten.\n")
	p("- An item a later revision rewrote is retired with its words, options and scores (%d retired items in this bank): an answer to it is scored and shown as it was given, and never against words it was not given to.\n\n", len(b.Retired))

	p("## Evidence before verdicts\n\n")
	p("No verdict on the lean is given from fewer than **%d** trade-off answers, or fewer than **%d** on any one lean facet; below that the result says how many more are needed, and the exported lean score and band are null. A readiness score from one answer is shown as indicative, never as a gap or a strength. An affinity from fewer than %d answers, or from a quick assessment, is indicative: shown, never concluded on.\n\n", model.MinTradeoffs, model.MinPerFacet, model.MinAffinityItems)

	p("## Bands\n\n")
	p("Every score carries a band from the spread of the person's own answers: mean ± t × spread / √n, where t is the two-sided Student t critical value for n-1 degrees of freedom. A spread is never taken as smaller than one step of the answer scale (%.2f on the lean's -1..+1, %.2f on the 0..1 scales), so identical answers still leave some doubt.\n\n", model.LeanFloor, model.AffinityFloor)
	p("| Band | Confidence |\n| --- | --- |\n")
	p("| Lean, full assessment | %s |\n| Lean, quick assessment | %s |\n| Affinities | %s |\n| Readiness and foundations | %s |\n\n",
		pct(model.LeanConfidenceFull), pct(model.LeanConfidenceQuick), pct(model.AffinityConfidence), pct(model.ReadinessConfidence))
	p("The lean's confidences are the ones the simulation shows meet the targets: with %d trade-off items in full, %s keeps random answers from a lean in all but a few in a hundred while a real lean of 0.8 is found nearly always; quick has %d items, and %s with its larger t values does the same there.\n\n", fullTrade, pct(model.LeanConfidenceFull), quickTrade, pct(model.LeanConfidenceQuick))
	p("Critical values used (from gonum's Student t quantile):\n\n| n answers | lean, full | lean, quick | affinity | readiness (n-1+2 df) |\n| --- | --- | --- | --- | --- |\n")
	for _, n := range []int{2, 4, 7, 8, 14, 16} {
		p("| %d | %.3f | %.3f | %.3f | %.3f |\n", n, model.TCritical(model.LeanConfidenceFull, n-1), model.TCritical(model.LeanConfidenceQuick, n-1), model.TCritical(model.AffinityConfidence, n-1), model.TCritical(model.ReadinessConfidence, n+1))
	}
	p("\nA readiness area or lean facet has few answers, so its spread borrows from the spread of all the person's answers in its layer, as if it had 2 more answers at that pooled spread; its t uses those 2 degrees of freedom too.\n\n")

	p("## The lean in three words\n\n")
	p("- **Direction**: CTO or CIO, the side of the middle the score is on.\n")
	p("- **Size**, from the score alone (-100 to +100): slight below %d, moderate from %d, strong from %d. A wide band never renames a large lean slight.\n", model.ModerateFrom, model.ModerateFrom, model.StrongFrom)
	p("- **Certainty**, from the band: clear when the whole band lies on one side of the middle, open when it crosses it.\n\n")

	p("## Profiles\n\n")
	p("One profile is given, the first that applies:\n\n")
	p("1. **Unclear** when the answer-quality checks hold the answers back, or there are fewer trade-off answers than the minimum.\n")
	p("2. **Lean** (slight, moderate or strong) when the lean's band lies wholly on one side of the middle.\n")
	p("3. **Hybrid** when both affinity bands lie wholly above the scales' middle (%d), in a full assessment: the person could hold both roles, as often in smaller companies.\n", model.AffinityMiddle)
	p("4. **Neither** when both affinity bands lie wholly below it, in a full assessment.\n")
	p("5. **Balanced** when the lean's band is at most %d points wide: a steady middle.\n", model.BalancedWidth)
	p("6. Otherwise **unclear**: the trade-off answers pull too many ways to tell.\n\n")
	p("Hybrid and neither are tested before the band's width because a person drawn to both roles is expected to answer trade-offs both ways; their affinities, not the width of their trade-off band, say what they are. Random answers do not reach hybrid: their affinity bands sit across the middle.\n\n")
	p("Without a chosen target, the plan is measured against the role a lean points to; for any other profile, against both roles.\n\n")

	p("## Answer quality comes first\n\n")
	p("The flags are shown before the results, on screen and at the top of the export.\n\n")
	p("- **longstring**: the same answer %d or more times in a row (never flagged below %d; with fewer answers, half of them). A run of lean items that all point to the same role is a decided person, not autopilot, and is not counted: the bank words its lean items both ways, so one number to everything points both ways.\n", model.LongstringMax, model.LongstringMin)
	p("- **contradiction**: agreeing (or disagreeing) with both statements of a true opposite pair, in at least %d pairs and at least half of those answered. Only pairs on one scale count: enjoying product architecture and enjoying running the company's systems can both be true.\n", model.ContradictionMin)
	p("- **neutral**: at least %d agree/disagree answers at \"neither\", and at least %s of them. A rating's level 3, a preference's \"both equally\" and a balanced scenario response are real answers and not counted.\n", model.NeutralMin, pct(model.NeutralShare))
	p("- **fast**: at least %d answers, and at least %s of the timed ones, faster than the item can be read at %.0f words a second plus %v.\n", model.FastMin, pct(model.FastShare), model.WordsPerSecond, model.MinReadingTime)
	p("- **selfrating**: at least %d readiness ratings, and either %s or more of them at level %d or 5, or the middle half of them on one level (interquartile range under %.0f). While it stands, strengths read \"possible\"; the remedy is to review the ratings against the level descriptions or ask colleagues.\n\n", model.SelfRatingMin, pct(model.SelfRatingHighShare), model.SelfRatingHighLevel, model.SelfRatingSpread)
	p("A longstring or contradiction among the lean's items holds the verdict back (\"review these answers first\"); a key on the results screen shows it anyway, and the export writes it with the flags above it. The other flags inform without holding anything back.\n\n")

	p("## Gaps and strengths\n\n")
	p("Each readiness area and foundation is judged against both roles' expected levels, side by side, with the band:\n\n")
	p("- **gap**: the whole band is below the level;\n- **possible gap**: the score is below the level and the band reaches it;\n")
	p("- **strength**: the score is at least %d above the level and the whole band is above it;\n- **possible strength**: the score is at least %d above and the band reaches the level;\n- otherwise it meets the level. One answer is indicative and never either.\n\n", model.StrengthMargin, model.StrengthMargin)
	p("When the plan measures against one role, a lean facet is a gap only when its whole band lies on the side away from that role, from at least %d answers on it that the checks do not hold back. A band that crosses the middle says nothing either way: such a facet is never named a gap, not even a possible one.\n\n", model.MinPerFacet)
	p("Comparing two results uses the same rule: a difference is a change only when the two bands clear each other. Where either side's verdict was held back by the answer-quality checks, the lean row says so and calls nothing a change: that number is provisional.\n\n")
	p("Expected levels are **cxo's judgement**, not the sources' numbers; each has a one-line reason in the bank:\n\n| Area | CTO | CIO | Why |\n| --- | --- | --- | --- |\n")
	for _, f := range b.Facets {
		if f.Layer == model.LayerLean {
			continue
		}
		p("| %s | %d | %d | %s |\n", f.Name, f.Expect[model.RoleCTO], f.Expect[model.RoleCIO], f.Reason)
	}
	p("\n")

	p("## The plan\n\n")
	p("At most **%d priorities** for the next %d days, each with 2 to %d concrete actions and the guide section to read; the other gaps are listed in one line each as \"later\". One ranking rule: certain gaps before possible ones; within each, gaps your colleagues confirm (see below) before those only your own ratings show; then shortfall × weight. A gap your own band puts wholly below the level never waits behind one your band leaves open, whatever the colleagues say. The weight is 1, except operational skills measured against the CIO's levels, which weigh %.1f: the essay makes operational skill essential for a CIO and optional for a CTO backed by an operational partner, so against the CTO's levels it weighs 1. Gathering evidence (answers to review, items to answer, colleagues to ask) takes a slot only when no gap is certain.\n\n", model.Priorities, model.PlanDays, model.ActionsPerPriority, model.OperationalWeightCIO)

	p("## Colleagues' ratings\n\n")
	p("Colleagues rate the readiness and foundation items in their observer wording from an invitation file, each answer %d to %d like a rating (0 to 1), or \"no opportunity to observe\", which is left out. Each colleague's ratings of an area are averaged into one value, so a colleague counts once however many items they rated. The others' score is the mean of these values; its band is a Student t interval at %s over the colleagues (n-1 degrees of freedom plus %d borrowed from the pooled spread of all their ratings, as your own bands borrow), never narrower than one level.\n\n", 1, len(model.ObserverScale), pct(model.ReadinessConfidence), model.BorrowedDF)
	p("- Nothing of the others is shown until **%d responses** are in, and an area fewer than %d colleagues rated shows no figure of theirs.\n", model.MinRaters, model.MinRaters)
	p("- A relationship group (manager, peer, report, other) is shown only when it has at least %d, and the colleagues outside the groups shown number none or at least %d; otherwise the smallest group joins the rest. So no single colleague's answers can be had by subtracting a group from the whole. Figures seen before and after one import can still be compared: that difference is one colleague's.\n", model.MinRaters, model.MinRaters)
	p("- **Blind spot**: your band lies wholly above the others' band. **Hidden strength**: wholly below. Otherwise the reading is \"%s\": the bands overlap, so no difference is established, which is not to say the two agree (an export made before December 2026 wrote \"in line\" for it).\n", model.PeerWithinBands)
	p("- A gap is **confirmed** when the others' band for the area, shown under the rule above, lies wholly below the same level too (a mean below it whose band reaches it is \"within the bands\" and confirms nothing); confirmed gaps rank first among gaps equally certain.\n\n")

	p("## Quick assessments\n\n")
	p("Quick results are provisional and say so on screen and in exports; their affinities are indicative, so they never conclude hybrid or neither.\n\n")

	p("## Results from earlier rules\n\n")
	p("A result is stored when an assessment is finished. One finished under the first rules keeps its stored result, labelled method 1; history and exports show method %d's reading beside it. Comparing two results reads both with one method and says which: when their methods differ, both are scored afresh with method %d.\n", model.Method, model.Method)
	return w.String()
}
