//go:build unix

package store

import (
	"fmt"
	"os"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

const envFinishAnswer = "CXO_STORE_FINISH_ANSWER" // item=value for the child to save

// The same race across two processes: a child cxo changes the lean
// answers after this process loaded the assessment.
func TestFinishScoresWhatAnotherProcessStored(t *testing.T) {
	if isChild() {
		s := New(os.Getenv(envDB), "child")
		var item string
		var v int
		fmt.Sscanf(os.Getenv(envFinishAnswer), "%s %d", &item, &v)
		if err := s.SaveAnswer(os.Getenv(envID), item, model.Answer{Value: v}, 0); err != nil {
			fmt.Println("err", item, err)
			return
		}
		fmt.Println("ack", item)
		return
	}
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "parent")
	stale := finishRace(t, bank, s, func(id string) {
		for _, item := range []string{"val-likert-1", "val-choice-1"} {
			c := startChild(t, "TestFinishScoresWhatAnotherProcessStored", envDB+"="+path, envID+"="+id, envFinishAnswer+"="+item+" 5")
			acks, errs, err := c.finish()
			if err != nil || len(errs) > 0 || len(acks) != 1 {
				t.Fatalf("child: %v %v %v %s", acks, errs, err, c.stderr.String())
			}
		}
	})
	checkScoredStored(t, bank, s, stale)
}
