package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// rescoredMsg carries the current method's verdict for each finished
// assessment whose kept result is method 1's, by id.
type rescoredMsg struct{ byID map[string]string }

// rescoreCmd reads the current method's verdict beside each result kept
// from the first rules: the history shows both. Only such older results
// cost a read, in a command, never in Update.
func rescoreCmd(s *store.Store, b *model.Bank, list []store.Summary) tea.Cmd {
	if s == nil || b == nil {
		return nil
	}
	var ids []string
	for _, sum := range list {
		if sum.Status == model.StatusFinished && strings.HasSuffix(model.ListLean(sum.Lean), " · method 1") {
			ids = append(ids, sum.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return func() tea.Msg {
		out := map[string]string{}
		for _, id := range ids {
			a, _, err := s.Load(id)
			if err != nil || a.CheckBank(b) != nil {
				continue
			}
			out[id] = model.Compute(b, a).Lean.Verdict
		}
		return rescoredMsg{byID: out}
	}
}

// historyLean is a row's lean: the kept one, labelled with its method, and
// the current method's beside a method 1 result once it has been read.
func historyLean(s store.Summary, rescored map[string]string) string {
	lean := model.ListLean(s.Lean)
	if v, ok := rescored[s.ID]; ok {
		lean += "; method " + itoa(model.Method) + ": " + v
	}
	return lean
}
