package ui

import (
	"github.com/charmbracelet/x/ansi"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// observerBank is the built-in bank, a copy of its own, with observer
// wording on every item (until the bank has its own).
func observerBank(t testing.TB) *model.Bank {
	t.Helper()
	b, err := assets.LoadBank("", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b.Items {
		if b.Items[i].Observer == "" {
			b.Items[i].Observer = "How well does {name} do this: " + b.Items[i].Text
		}
	}
	return b
}

// observed gives a driven app a bank with observer wording.
func observed(d *driver) *driver {
	d.app.bank = observerBank(d.t)
	return d
}

// importing invites colleagues to the result on show, writes one
// response to resp.json in the working folder, and opens the import form
// with its path typed.
func importing(t *testing.T, d *driver) *driver {
	t.Helper()
	a := d.app.a
	rec, err := d.app.store.Invite(a.ID, "Sam", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	inv, err := model.NewInvitation(d.app.bank, a, rec.ID, rec.Name, rec.Created)
	if err != nil {
		t.Fatal(err)
	}
	r := model.Response{Format: model.ResponseFormat, Version: 1, Invitation: inv.ID, Bank: inv.Bank, Rater: model.NewToken(),
		Relationship: model.RelPeer, At: time.Now().UTC().Truncate(time.Second), Answers: map[string]int{}}
	for _, it := range inv.Items {
		r.Answers[it.ID] = 3
	}
	if err := os.WriteFile("resp.json", model.EncodePeerFile(r), 0o600); err != nil {
		t.Fatal(err)
	}
	d.keys("I", "r", "e", "s", "p", ".", "j", "s", "o", "n")
	return d
}

// writeResponses writes n responses to the invitation of the result on
// show into the working folder, and returns their names.
func writeResponses(t *testing.T, d *driver, n int, from int) []string {
	t.Helper()
	rec, ok, err := d.app.store.Invitation(d.app.a.ID)
	if err != nil || !ok {
		t.Fatalf("no invitation: %v", err)
	}
	inv, err := model.NewInvitation(d.app.bank, d.app.a, rec.ID, rec.Name, rec.Created)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := from; i < from+n; i++ {
		r := model.Response{Format: model.ResponseFormat, Version: 1, Invitation: inv.ID, Bank: inv.Bank, Rater: model.NewToken(),
			Relationship: model.RelPeer, At: time.Now().UTC().Truncate(time.Second), Answers: map[string]int{}}
		for _, it := range inv.Items {
			r.Answers[it.ID] = 1
		}
		name := "r" + string(rune('0'+i)) + ".json"
		if err := os.WriteFile(name, model.EncodePeerFile(r), 0o600); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

func typeText(d *driver, s string) {
	for _, r := range s {
		if r == ' ' {
			d.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		} else {
			d.keys(string(r))
		}
	}
}

// From the results: i writes the invitation and shows its path; I
// imports responses; the Peers panel shows nothing of them until three
// are in, then self against the others per area.
func TestResultsInviteImportAndPeersPanel(t *testing.T) {
	t.Chdir(t.TempDir())
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	s, id := f.finished()
	d := newDriver(t, s, Start{Theme: "dark", Action: "resume", ResumeID: id}, 100, 30)
	d.app.bank = observerBank(t)
	d.keys("5")
	if !strings.Contains(d.screen(), "No colleague has rated you yet") {
		t.Fatalf("peers panel before any invitation:\n%s", d.screen())
	}
	d.keys("i")
	typeText(d, "Sam Lee")
	d.keys("enter")
	want := "cxo-invitation-" + id + ".json"
	if d.app.state != stateResults || !strings.Contains(d.app.status, want) {
		t.Fatalf("after i: %s, status %q", stateNames[d.app.state], d.app.status)
	}
	if _, err := model.DecodeInvitation(mustReadFile(t, want)); err != nil {
		t.Fatal(err)
	}
	d.keys("I")
	typeText(d, strings.Join(writeResponses(t, d, 2, 0), " "))
	d.keys("enter")
	d.keys("5")
	if !strings.Contains(d.screen(), "1 more response is needed") || strings.Contains(d.screen(), "others ") {
		t.Fatalf("two responses:\n%s", d.screen())
	}
	d.keys("I")
	typeText(d, strings.Join(writeResponses(t, d, 1, 2), " "))
	d.keys("enter", "5")
	if sc := d.screen(); !strings.Contains(sc, "3 responses imported") || !strings.Contains(sc, "from 3") {
		t.Fatalf("three responses:\n%s\nstatus %q", sc, d.app.status)
	}
}

func TestPeersTextForTheLineMode(t *testing.T) {
	if peersText(nil) != "" {
		t.Errorf("text without responses")
	}
	if got := peersText(&model.PeerPanel{Responses: 2, Need: 1}); !strings.Contains(got, "1 more response is needed") {
		t.Errorf("two responses: %q", got)
	}
	p := &model.PeerPanel{Responses: 4, Areas: []model.PeerArea{
		{Name: "Operations", Self: 90, SelfLow: 70, SelfHi: 100, SelfN: 3, Raters: 4, Shown: true, Others: 20, Low: 5, High: 40, Reading: model.PeerBlindSpot},
		{Name: "Budgets", SelfN: 0, Raters: 2},
	}}
	got := peersText(p)
	for _, want := range []string{"Operations: you 90 (band 70-100); others 20 (band 5-40) from 4; blind spot", "Budgets: you not rated; others fewer than 3 rated it"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

// At 80 columns and below, the peers panel cuts neither an area's name nor
// its reading: a long name takes its own line and the figures wrap under it.
func TestPeersPanelKeepsNamesAndReadings(t *testing.T) {
	s := &session{theme: NewTheme(true)}
	long := "Technology strategy and vision for the whole organisation"
	s.res.Peers = &model.PeerPanel{Responses: 3, Areas: []model.PeerArea{
		{Name: long, Self: 100, SelfLow: 41, SelfHi: 100, SelfN: 3, Raters: 3, Shown: true, Others: 0, Low: 0, High: 40, Reading: model.PeerBlindSpot},
	}}
	var r resultsModel
	for _, w := range []int{58, 78, 120} {
		got := ansi.Strip(r.peers(s, w))
		flat := strings.Join(strings.Fields(got), " ")
		if !strings.Contains(flat, long) || !strings.Contains(flat, "blind spot") || strings.Contains(got, "…") {
			t.Errorf("width %d:\n%s", w, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line of %d: %q", w, ansi.StringWidth(l), l)
			}
		}
	}
}

// Overlapping bands read "within the bands" on the panel and in the line
// mode, as the export and compare say, and a result stored with the old
// "in line" reads the same.
func TestPeersWithinTheBandsEverywhere(t *testing.T) {
	for _, stored := range []string{model.PeerWithinBands, "in line"} {
		p := &model.PeerPanel{Responses: 3, Areas: []model.PeerArea{
			{Name: "Leadership", Self: 63, SelfLow: 6, SelfHi: 100, SelfN: 3, Raters: 3, Shown: true, Others: 21, Low: 0, High: 62, Reading: stored},
		}}
		s := &session{theme: NewTheme(true)}
		s.res.Peers = p
		var r resultsModel
		for _, w := range []int{58, 98} {
			if got := strings.Join(strings.Fields(ansi.Strip(r.peers(s, w))), " "); !strings.Contains(got, "others 21 (0-62) from 3 within the bands") {
				t.Errorf("stored %q, width %d: the panel does not say it:\n%s", stored, w, got)
			}
		}
		if got := peersText(p); !strings.Contains(got, "from 3; within the bands") {
			t.Errorf("stored %q: the line mode does not say it:\n%s", stored, got)
		}
	}
}
