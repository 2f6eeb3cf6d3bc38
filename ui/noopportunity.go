package ui

import "github.com/cxo-dev/cxo/model"

// noOpportunityCount is the results' count of "no opportunity yet"
// answers, when there are any.
func noOpportunityCount(res model.Result) string {
	if res.NoOpportunity == 0 {
		return ""
	}
	return itoa(res.NoOpportunity) + " no opportunity yet · "
}
