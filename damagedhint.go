package main

import "github.com/cxo-dev/cxo/store"

// damagedHint is what to do about a damaged database: repair it when what
// is sound can be copied to a fresh file, else set it aside.
func damagedHint(cxo string, d *store.DamagedError) string {
	if d.Repair {
		return cxo + " check --repair copies what is sound to a fresh file and keeps this one aside"
	}
	return cxo + " check --move-aside sets it aside and starts fresh"
}
