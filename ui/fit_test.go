package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// Every option of every item stays on screen at the smallest supported size.
func TestEveryItemFitsTheSmallestWindow(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Action: "new", Length: model.LengthFull}, 60, 20)
	d.keys("enter")
	for i := range d.app.a.Order {
		d.app.question.open(&d.app.session, i)
		d.app.state = stateQuestion
		it := d.app.question.item(&d.app.session)
		s := d.screen()
		labels := optionLabels(it)
		last := strings.Fields(labels[len(labels)-1])
		if !strings.Contains(s, last[len(last)-1]) {
			t.Errorf("item %s: last option cut off at 60x20:\n%s", it.ID, s)
		}
	}
}
