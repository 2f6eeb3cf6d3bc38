//go:build race

package main

// raceEnabled: under the race detector the study runs ten times slower and
// checks nothing the plain run does not (it is single-threaded).
const raceEnabled = true
