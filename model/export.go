package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// ExportSchema is the version of the JSON export layout.
const ExportSchema = 1

// Report is the machine-readable export (cxo export --format json).
type Report struct {
	Schema      int              `json:"schema"`
	ID          string           `json:"id"`
	BankVersion string           `json:"bank_version"`
	Status      string           `json:"status"`
	Started     time.Time        `json:"started"`
	Finished    *time.Time       `json:"finished,omitempty"`
	Length      string           `json:"length"`
	Target      string           `json:"target"`
	TargetFrom  string           `json:"target_from"`
	Lean        ReportLean       `json:"lean"`
	Facets      []ReportScore    `json:"facets"`
	Readiness   []ReportScore    `json:"readiness"`
	Foundations []ReportScore    `json:"foundations"`
	Strengths   []ReportFinding  `json:"strengths"`
	Gaps        []ReportFinding  `json:"gaps"`
	Plan        []ReportPlanStep `json:"plan"`
	Flags       []ReportFlag     `json:"flags"`
	Counts      ReportCounts     `json:"counts"`
	Note        string           `json:"note"`
	Answers     []ReportAnswer   `json:"answers"`
}

type ReportLean struct {
	Score   int    `json:"score"`
	Low     int    `json:"low"`
	High    int    `json:"high"`
	Verdict string `json:"verdict"`
}

type ReportScore struct {
	ID     string        `json:"id"`
	Name   string        `json:"name"`
	Group  string        `json:"group"`
	Score  *int          `json:"score"` // null when nothing was rated (N == 0)
	Low    *int          `json:"low"`
	High   *int          `json:"high"`
	N      int           `json:"answers"`
	Movers []ReportMover `json:"moved_most"`
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
}

type ReportPlanStep struct {
	Facet   string   `json:"facet"`
	Name    string   `json:"name"`
	Actions []string `json:"actions"`
	Guide   string   `json:"guide"`
}

type ReportFlag struct {
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Items   []string `json:"items"`
}

type ReportCounts struct {
	Total    int `json:"total"`
	Answered int `json:"answered"`
	Skipped  int `json:"skipped"`
	NA       int `json:"not_applicable"`
	Unscored int `json:"unscored"`
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

// BuildReport gathers everything an export holds.
func BuildReport(b *Bank, a *Assessment, r Result) Report {
	rep := Report{
		Schema: ExportSchema, ID: a.ID, BankVersion: a.BankVersion, Status: string(a.Status),
		Started: a.Started.UTC(), Length: string(a.Length), Target: string(r.Target), TargetFrom: r.TargetFrom,
		Lean:        ReportLean{Score: r.Lean.Score, Low: r.Lean.Low, High: r.Lean.High, Verdict: r.Lean.Verdict},
		Facets:      reportScores(r.Facets),
		Readiness:   reportScores(r.Readiness),
		Foundations: reportScores(r.Foundations),
		Strengths:   reportFindings(r.Strengths),
		Gaps:        reportFindings(r.Gaps),
		Plan:        []ReportPlanStep{},
		Flags:       []ReportFlag{},
		Counts:      ReportCounts{Total: r.Total, Answered: r.Answered, Skipped: r.Skipped, NA: r.NA, Unscored: r.Unscored},
		Note:        HonestSentence,
		Answers:     []ReportAnswer{},
	}
	if !a.Finished.IsZero() {
		f := a.Finished.UTC()
		rep.Finished = &f
	}
	for _, p := range r.Plan {
		rep.Plan = append(rep.Plan, ReportPlanStep{Facet: p.FacetID, Name: p.Name, Actions: p.Actions, Guide: p.Guide})
	}
	for _, f := range r.Flags {
		rep.Flags = append(rep.Flags, ReportFlag{Code: f.Code, Message: f.Message, Items: f.Items})
	}
	for _, id := range a.Order {
		it, ok := b.Item(id)
		ans := a.Answers[id]
		ra := ReportAnswer{ID: id, Answer: AnswerText(it, ans), Note: Clean(ans.Note), TookMS: ans.Took.Milliseconds()}
		if ok {
			f, _ := b.Facet(it.Facet)
			ra.Section, ra.Facet, ra.Text = string(f.Layer), it.Facet, it.Text
		} else {
			ra.Text = "(this item is no longer in the question bank)"
		}
		if ans.Given() && !ans.NA {
			ra.Value = ans.Value
		}
		rep.Answers = append(rep.Answers, ra)
	}
	return rep
}

func anyRated(ss []ReportScore) bool {
	for _, s := range ss {
		if s.N > 0 {
			return true
		}
	}
	return false
}

func reportScores(ss []Score) []ReportScore {
	out := []ReportScore{}
	for _, s := range ss {
		rs := ReportScore{ID: s.ID, Name: s.Name, Group: s.Group, N: s.N, Movers: []ReportMover{}}
		if s.N > 0 {
			rs.Score, rs.Low, rs.High = &s.Score, &s.Low, &s.High
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
		out = append(out, ReportFinding{Facet: f.FacetID, Name: f.Name, Score: f.Score, Expect: f.Expect, Why: f.Why, Guide: f.Guide})
	}
	return out
}

// JSON renders the report, indented, with a final newline.
func JSON(rep Report) []byte {
	data, _ := json.MarshalIndent(rep, "", "  ")
	return append(data, '\n')
}

// md escapes text for a Markdown paragraph or table cell.
func md(s string) string { return mdEscaper.Replace(Clean(s)) }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`)

// Markdown renders the report as a document that passes markdownlint's
// default rules (line length aside) and reads well in glow and on GitHub.
func Markdown(b *Bank, rep Report) string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("# cxo results %s\n\n", rep.ID)
	date := rep.Started.Format("2 January 2006")
	if rep.Finished != nil {
		date = rep.Finished.Format("2 January 2006")
	}
	p("- Date: %s (%s)\n", date, rep.Status)
	p("- Length: %s, %d items: %d answered, %d skipped or left open, %d not applicable\n", rep.Length, rep.Counts.Total, rep.Counts.Answered, rep.Counts.Skipped, rep.Counts.NA)
	target := "none chosen; measured against the lean"
	switch {
	case rep.TargetFrom == "chosen":
		target = strings.ToUpper(rep.Target) + " (chosen)"
	case rep.Target != "":
		target = strings.ToUpper(rep.Target) + " (from the lean)"
	case rep.TargetFrom == "both":
		target = "both roles (the lean is balanced)"
	}
	p("- Target: %s\n", target)
	p("- Question bank: %s\n\n", md(rep.BankVersion))
	p("> %s\n\n", HonestSentence)

	p("## Lean\n\n")
	p("**%s**: %s on a scale from -100 (CIO) to +100 (CTO). The band, from the spread of your own answers, runs from %s to %s.\n\n",
		Capitalise(rep.Lean.Verdict), Signed(rep.Lean.Score), Signed(rep.Lean.Low), Signed(rep.Lean.High))
	p("| Facet | CIO side | Position (0 CIO, 100 CTO) | Band | CTO side |\n| --- | --- | --- | --- | --- |\n")
	for _, s := range rep.Facets {
		f, _ := b.Facet(s.ID)
		pos, band := "not rated", "-"
		if s.N > 0 {
			pos, band = fmt.Sprint(*s.Score), fmt.Sprintf("%d-%d", *s.Low, *s.High)
		}
		p("| %s | %s | %s | %s | %s |\n", md(s.Name), md(f.CIO), pos, band, md(f.CTO))
	}
	p("\n")
	scoreTable := func(title string, ss []ReportScore) {
		p("## %s\n\n", title)
		p("| Area | Score (0-100) | Band | Answers |\n| --- | --- | --- | --- |\n")
		for _, s := range ss {
			score, band := "not rated", "-"
			if s.N > 0 {
				score, band = fmt.Sprint(*s.Score), fmt.Sprintf("%d-%d", *s.Low, *s.High)
			}
			p("| %s | %s | %s | %d |\n", md(s.Name), score, band, s.N)
		}
		p("\n")
	}
	scoreTable("Readiness", rep.Readiness)
	scoreTable("Shared foundations", rep.Foundations)

	findings := func(title, none string, fs []ReportFinding) {
		p("## %s\n\n", title)
		if len(fs) == 0 {
			p("%s\n\n", none)
			return
		}
		for _, f := range fs {
			p("- **%s**: %s\n", md(f.Name), md(f.Why))
		}
		p("\n")
	}
	findings("Strengths", "No area stands clearly above what the target role calls for yet.", rep.Strengths)
	noGaps := "No gaps against the target role: every rated area meets what it calls for."
	if !anyRated(rep.Readiness) && !anyRated(rep.Foundations) {
		noGaps = "Nothing was rated yet, so there is nothing to measure against the target role."
	}
	findings("Gaps", noGaps, rep.Gaps)

	p("## Development plan\n\n")
	if len(rep.Plan) == 0 {
		p("No gaps, so no plan: keep your strengths in use and take the assessment again in a few months.\n\n")
	}
	for i, step := range rep.Plan {
		p("### %d. %s\n\n", i+1, md(step.Name))
		for _, a := range step.Actions {
			p("- %s\n", md(a))
		}
		p("\n%s\n\n", readLine(b, step.Guide))
	}

	p("## Answer quality\n\n")
	if len(rep.Flags) == 0 {
		p("No answer-quality flags were raised.\n\n")
	}
	for _, f := range rep.Flags {
		p("- **%s**: %s\n", f.Code, md(f.Message))
	}
	if len(rep.Flags) > 0 {
		p("\n")
	}

	p("## Appendix: every question and answer\n\n")
	p("| # | Item | Question | Answer | Evidence |\n| --- | --- | --- | --- | --- |\n")
	for i, a := range rep.Answers {
		p("| %d | %s | %s | %s | %s |\n", i+1, md(a.ID), md(a.Text), md(a.Answer), md(a.Note))
	}
	return w.String()
}

// readLine points to the guide section a plan step draws on.
func readLine(b *Bank, ref string) string {
	name, slug := SplitRef(ref)
	g, ok := b.Guide(name)
	if !ok {
		return "Read more with `cxo guide`."
	}
	title := g.Title
	if s, ok := g.Section(slug); ok {
		return fmt.Sprintf("Read: %s, section \"%s\" (`cxo guide %s`).", md(title), md(s.Title), name)
	}
	return fmt.Sprintf("Read: %s (`cxo guide %s`).", md(title), name)
}
