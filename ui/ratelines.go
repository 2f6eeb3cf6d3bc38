package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// RateNotice is what the rate screens say about the response file before
// the first question: plainly, who can read it.
const RateNotice = "Whoever receives your response file can read it: it holds your answers, which of the four ways you work with them you chose, a random token and no name. Send it only to the person who invited you."

// RateStopped says, when a rating stops before its response is written,
// what running cxo rate again will do: go on with the open items, write a
// corrected response (changes made while answering again clear its date),
// or ask again whether to answer again.
func RateStopped(s *store.Store, inv model.Invitation) string {
	r, err := s.Rating(inv.ID)
	switch {
	case err != nil || !rateComplete(inv, r):
		return "your answers so far are saved; run the same cxo rate again to go on"
	case r.Done.IsZero():
		return "your corrections are saved; run the same cxo rate again to write the corrected response"
	}
	return "nothing was changed; run the same cxo rate again to answer again or send the same response"
}

// Rate runs a colleague's rating of an invitation in the line mode:
// answers are saved as they go (resumable by running it again), and at the
// end write receives the response and says where it went.
func (l *Line) Rate(inv model.Invitation, write func(model.Response) (string, error)) error {
	err := l.rate(inv, write)
	if errors.Is(err, errEOF) || errors.Is(err, errStop) {
		l.printf("%s.\n", model.Capitalise(RateStopped(l.Store, inv)))
		err = nil
	}
	if err == nil {
		err = l.outErr
	}
	return err
}

func (l *Line) rate(inv model.Invitation, write func(model.Response) (string, error)) error {
	r, err := l.Store.Rating(inv.ID)
	if err != nil {
		return err
	}
	l.printf("Rating %s: %d behaviours, %s.\n%s\n", inv.Name, len(inv.Items), minutes(time.Duration(len(inv.Items))*8*time.Second), RateNotice)
	revise := false
	if !r.Done.IsZero() && rateComplete(inv, r) {
		l.printf("You rated %s on %s.\n", inv.Name, r.Done.Format("2 January 2006"))
		a, err := l.readLine("Answer again to correct your response? (y/N) ")
		if err != nil {
			return err
		}
		a = strings.TrimSpace(a)
		if strings.EqualFold(a, "y") || strings.EqualFold(a, "yes") {
			// Every earlier answer stays, marked as the current one,
			// and an empty line keeps it: the walk goes through every
			// step and the response is written, newly dated, at the end.
			revise = true
			l.printf("Each question shows your answer with ▸; press enter to keep it.\n")
		}
	}
	for revise || r.Relationship == "" {
		l.printf("How do you know %s?\n", inv.Name)
		for i, rel := range model.Relationships {
			l.printf("%s%d. %s\n", mark(r.Relationship == rel), i+1, rel.Label(inv.Name))
		}
		a, err := l.readLine("> ")
		if err != nil {
			return err
		}
		a = strings.TrimSpace(a)
		if n := digit(a); n >= 1 && n <= len(model.Relationships) {
			if r.Relationship != model.Relationships[n-1] {
				r.Done = time.Time{} // a changed rating is a new response, dated when written
			}
			r.Relationship = model.Relationships[n-1]
			if err := l.Store.SaveRating(inv.ID, r); err != nil {
				return err
			}
			break
		} else if a == "q" {
			return errStop
		} else if a == "" && r.Relationship != "" {
			break // kept
		} else if r.Relationship != "" {
			l.printf("Type 1 to %d, enter to keep your answer, or q to stop (your answers are kept).\n", len(model.Relationships))
		} else {
			l.printf("Type 1 to %d, or q to stop (your answers are kept).\n", len(model.Relationships))
		}
	}
	for i, it := range inv.Items {
		cur, done := r.Answers[it.ID]
		if done && !revise {
			continue
		}
		l.printf("\n%d/%d  %s\n%s\n", i+1, len(inv.Items), it.Area, it.Text)
		for v, label := range it.Choices(inv.Scale) {
			l.printf("%s%d %s\n", mark(done && cur == v+1), v+1, label)
		}
		l.printf("%so %s\n", mark(done && cur == 0), model.NoOpportunity)
		for {
			a, err := l.readLine("> ")
			if err != nil {
				return err
			}
			a = strings.ToLower(strings.TrimSpace(a))
			v := -1
			switch n := digit(a); {
			case a == "q":
				return errStop
			case a == "" && done:
				v = cur
			case a == "o":
				v = 0
			case n >= 1 && n <= len(inv.Scale):
				v = n
			}
			if v < 0 {
				keep := ""
				if done {
					keep = ", enter to keep your answer"
				}
				l.printf("Type 1 to %d, o for %s%s, or q to stop (your answers are kept).\n", len(inv.Scale), model.NoOpportunity, keep)
				continue
			}
			if done && v == cur {
				break // unchanged: nothing to save
			}
			r.Answers[it.ID] = v
			r.Done = time.Time{} // a changed rating is a new response, dated when written
			if err := l.Store.SaveRating(inv.ID, r); err != nil {
				return err
			}
			break
		}
	}
	if revise {
		r.Done = time.Time{} // the corrected response is dated now
	}
	if r.Done.IsZero() {
		r.Done = time.Now().UTC().Truncate(time.Second)
		if err := l.Store.SaveRating(inv.ID, r); err != nil {
			return err
		}
	}
	resp := r.Response(inv, r.Done)
	if _, err := model.DecodeResponse(model.EncodePeerFile(resp)); err != nil {
		return fmt.Errorf("no response written: %w", err)
	}
	where, err := write(resp)
	if err != nil {
		return err
	}
	l.printf("\nThank you. Your response is in %s: send that file to %s.\n%s\n", where, inv.Name, RateNotice)
	return nil
}

// mark is the line mode's sign of the current answer.
func mark(current bool) string {
	if current {
		return "▸ "
	}
	return "  "
}

// rateComplete reports whether every item of inv has an answer.
func rateComplete(inv model.Invitation, r store.Rating) bool {
	for _, it := range inv.Items {
		if _, ok := r.Answers[it.ID]; !ok {
			return false
		}
	}
	return r.Relationship != ""
}

// digit is a one-digit answer, or -1.
func digit(s string) int {
	s = strings.TrimSpace(s)
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		return int(s[0] - '0')
	}
	return -1
}
