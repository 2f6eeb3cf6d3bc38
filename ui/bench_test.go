package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// Keystroke benchmarks: one key through Update plus the View that follows,
// at 120×40, on the screens a user spends time on. Target: under 1 ms.

func benchDriver(b *testing.B, start Start) *driver {
	b.Helper()
	return newDriver(b, testStore(b), start, 120, 40)
}

func BenchmarkKeystrokeQuestion(b *testing.B) {
	d := benchDriver(b, Start{Theme: "dark", Action: "new", Length: model.LengthFull})
	d.keys("enter")
	keys := []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.app.Update(keys[i%2])
		_ = d.app.View()
	}
}

func BenchmarkKeystrokeResults(b *testing.B) {
	d := benchDriver(b, Start{Theme: "dark"})
	b.StopTimer()
	a, res := finishedAssessmentB(b)
	d.send(resultLoadedMsg{a: a, res: res})
	keys := []tea.KeyPressMsg{keyMsg("tab"), keyMsg("down"), keyMsg("down"), keyMsg("up")}
	b.StartTimer()
	for i := 0; i < b.N; i++ {
		d.app.Update(keys[i%len(keys)])
		_ = d.app.View()
	}
}

func BenchmarkKeystrokeReader(b *testing.B) {
	d := benchDriver(b, Start{Theme: "dark"})
	d.keys("g", "enter") // renders the guide once, in a command
	keys := []tea.KeyPressMsg{keyMsg("down"), keyMsg("down"), keyMsg("pgdown"), keyMsg("up")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.app.Update(keys[i%len(keys)])
		_ = d.app.View()
	}
}

// BenchmarkFirstFrame is New, Init's store read and the first View: what
// stands between program start and the home screen, beyond process start.
func BenchmarkFirstFrame(b *testing.B) {
	s := testStore(b)
	bank := testBank(b)
	for i := 0; i < b.N; i++ {
		app := New(s, bank, "bench", Start{Theme: "dark"})
		app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		app.Update(loadListCmd(s)())
		_ = app.View()
	}
}

func finishedAssessmentB(b *testing.B) (*model.Assessment, model.Result) {
	bank := testBank(b)
	a := model.NewAssessment(bank, "20261102-093000-abc", model.NewAssessment(bank, "x", zeroTime, model.LengthFull, "").Started, model.LengthFull, "")
	for i, id := range a.Order {
		it, _ := bank.Item(id)
		a.Answers[id] = model.Answer{Value: i%it.Levels() + 1}
	}
	a.Status = model.StatusFinished
	return a, model.Compute(bank, a)
}

var zeroTime = model.Assessment{}.Started
