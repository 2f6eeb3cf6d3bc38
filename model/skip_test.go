package model

import "testing"

func TestASkipNeverErasesAnAnswer(t *testing.T) {
	skip := Answer{Skipped: true}
	for _, c := range []struct {
		prev, next Answer
		keeps      bool
	}{
		{Answer{Value: 3}, skip, true},
		{Answer{NA: true}, skip, true},
		{Answer{}, skip, false},
		{skip, skip, false},
		{Answer{Value: 3}, Answer{Value: 1}, false},
		{Answer{Value: 3}, Answer{NA: true}, false},
	} {
		if got := c.prev.Keeps(c.next); got != c.keeps {
			t.Errorf("%+v then %+v: keeps %v, want %v", c.prev, c.next, got, c.keeps)
		}
	}
}
