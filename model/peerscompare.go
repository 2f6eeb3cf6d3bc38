package model

// peerChanges sets the colleagues' view of two results side by side, for
// the areas the anonymity rule shows in both; the one band rule decides
// what is called a change.
func peerChanges(a, b *PeerPanel) []Change {
	if a == nil || b == nil {
		return nil
	}
	var before, after []Score
	for _, p := range []struct {
		panel *PeerPanel
		out   *[]Score
	}{{a, &before}, {b, &after}} {
		for _, ar := range p.panel.Areas {
			if ar.Shown {
				*p.out = append(*p.out, Score{ID: ar.ID, Name: ar.Name, Score: ar.Others, Low: ar.Low, High: ar.High, N: ar.Raters})
			}
		}
	}
	return changes(before, after)
}
