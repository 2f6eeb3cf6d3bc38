package main

import (
	"strconv"
	"strings"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// listLean is a listed assessment's lean: a result kept from the first
// rules is labelled method 1 and the current method's reading follows it,
// scored from the stored answers (which stay as they are). Only such older
// results cost a read; a bank that cannot read them leaves the label alone.
func listLean(st *store.Store, b *model.Bank, s store.Summary) string {
	lean := model.ListLean(s.Lean)
	if b == nil || s.Status != model.StatusFinished || !strings.HasSuffix(lean, " · method 1") {
		return lean
	}
	a, _, err := st.Load(s.ID)
	if err != nil || a.CheckBank(b) != nil {
		return lean
	}
	return lean + "; method " + strconv.Itoa(model.Method) + ": " + model.Compute(b, a).Lean.Verdict
}
