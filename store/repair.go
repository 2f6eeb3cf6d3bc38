package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/cxo-dev/cxo/model"
)

// RepairPlan is what a repair would do, worked out read-only before it
// starts, so that what it cannot bring back is named first.
type RepairPlan struct {
	Path string
	// Found says what is wrong, in words; "" when nothing is.
	Found string
	// Lost names what the repair leaves out because it cannot be read: a
	// whole assessment whose header or order is damaged, or single answers
	// and settings. Damaged results, resume positions and counts are not
	// lost: they are worked out again from what is intact.
	Lost []string
	// Assessments is how many assessments come across whole or in part.
	Assessments int

	damaged map[string]bool // names of the values left out
	txid    uint64          // the state planned from
}

// PlanRepair looks at a damaged file read-only, from the sound header page
// if one is bad, and says what Repair would do. It fails with the
// *DamagedError of Check when the damage is where no repair can reach (the
// tree of pages itself), and returns a plan with Found "" when the file
// is sound.
func (s *Store) PlanRepair() (*RepairPlan, error) {
	plan := &RepairPlan{Path: s.Path, damaged: map[string]bool{}}
	err := s.viewChecked(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		err := s.consistent(tx)
		var d *DamagedError
		switch {
		case err == nil:
			return nil
		case !errors.As(err, &d) || !d.Repair:
			return err
		}
		plan.Found = d.Reason
		f, ferr := os.Open(s.Path)
		if ferr != nil {
			return ferr
		}
		defer f.Close()
		fi, ferr := f.Stat()
		if ferr != nil {
			return ferr
		}
		metas, ferr := readMetas(f, fi.Size())
		if ferr != nil {
			return &DamagedError{Path: s.Path, Reason: "header pages: " + ferr.Error()}
		}
		plan.txid = metas.cur.txid
		if len(d.Records) == 0 {
			d.Records = checkValues(tx)
		}
		// An assessment whose header or order is damaged cannot come across
		// at all: it is named once, with its answers.
		lostWhole := map[string]bool{}
		for _, r := range d.Records {
			plan.damaged[r.Key] = true
			if id := r.Assessment(); id != "" && (r.Key == valueName(id, "record") || r.Key == valueName(id, "order")) && !lostWhole[id] {
				lostWhole[id] = true
				plan.Lost = append(plan.Lost, "assessment "+id+" with all its answers (its "+strings.TrimPrefix(r.Key, id+"/")+" is damaged)")
			}
		}
		for _, r := range d.Records {
			if id := r.Assessment(); !lostWhole[id] && (r.Item() != "" || id == "") {
				plan.Lost = append(plan.Lost, r.What())
			}
		}
		if root := tx.Bucket(bucketAssessments); root != nil {
			_ = root.ForEachBucket(func(k []byte) error {
				if !lostWhole[string(k)] {
					plan.Assessments++
				}
				return nil
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return plan, nil
}

// Repair carries out plan: it copies everything sound, as the sound header
// page describes it, into a fresh file (new pages, a new free-page list,
// both header pages written afresh), leaving out what plan.Lost names and
// working out again any damaged result (dropped: it is scored afresh from
// the answers when read), resume position or answer count. The old file is
// kept aside as <path>.corrupt-<time> (keepAside), its bytes unchanged, and
// the fresh one takes its name with no moment when there is none. It
// returns where the old file was kept. Nothing is changed if the file was
// written to since the plan was made.
func (s *Store) Repair(plan *RepairPlan, now time.Time) (aside string, err error) {
	if plan == nil || plan.Found == "" {
		return "", errors.New("nothing to repair")
	}
	removeStale(s.Path, now)
	dir := filepath.Dir(s.Path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(s.Path)+".repair.tmp-*")
	if err != nil {
		return "", s.repairFailed(err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName) // fails harmlessly once renamed
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return "", s.repairFailed(err)
	}
	// The old file is held with the writers' lock while it is copied, so no
	// other cxo writes to it meanwhile; nothing is written to it.
	old, err := s.openForRepair()
	if err != nil {
		return "", err
	}
	copyErr := s.copySound(old, tmpName, plan)
	if err := old.Close(); copyErr == nil && err != nil {
		copyErr = err
	}
	if copyErr != nil {
		return "", s.repairFailed(copyErr)
	}
	if err := New(tmpName, s.Writer).Check(); err != nil {
		return "", fmt.Errorf("repairing %s: the fresh copy failed the check (%v); the old file was left as it was", s.Path, err)
	}
	aside, linked, err := keepAside(s.Path, now)
	if err != nil {
		return "", s.repairFailed(err)
	}
	if txid, err := currentTxid(aside); err != nil || txid != plan.txid {
		// Another cxo wrote between the plan and now: leave it be.
		if linked {
			os.Remove(aside)
		} else if rerr := os.Rename(aside, s.Path); rerr != nil {
			return "", fmt.Errorf("repairing %s: it changed while being repaired and could not be put back from %s: %w", s.Path, aside, rerr)
		}
		return "", fmt.Errorf("database %s changed while it was being repaired (another cxo is running?); nothing was changed: run the repair again", s.Path)
	}
	if err := os.Rename(tmpName, s.Path); err != nil {
		if linked {
			os.Remove(aside)
		} else {
			os.Rename(aside, s.Path)
		}
		return "", s.repairFailed(err)
	}
	syncDir(dir)
	s.remember(verifiedState{})
	return aside, nil
}

// keepAside gives the old file a second name, of the form MoveAside uses,
// as a hard link: the fresh file is then renamed over the old name, so
// there is no moment without a database there (a crash leaves the old file
// in place, or the new one). Where the file system has no hard links the
// old file is moved aside instead.
func keepAside(path string, now time.Time) (aside string, linked bool, err error) {
	for _, dst := range asideNames(path, now) {
		err := os.Link(path, dst)
		if err == nil {
			return dst, true, nil
		}
		if !errors.Is(err, os.ErrExist) {
			break
		}
	}
	aside, err = MoveAside(path, now)
	return aside, false, err
}

func (s *Store) repairFailed(err error) error {
	if w := asWriteError(s.Path, err); w != nil {
		w.What = "the repaired copy of"
		return w
	}
	return fmt.Errorf("repairing %s failed (%s); the old file was left as it was", s.Path, model.OneLine(errText(err)))
}

// openForRepair opens the damaged file with the writers' lock but writes
// nothing: bbolt opens from the sound header page, and a bbolt panic on
// what the walk missed is turned into an error.
func (s *Store) openForRepair() (*bolt.DB, error) {
	if err := precheck(s.Path); err != nil {
		return nil, err
	}
	var db *bolt.DB
	var err error
	for attempt := 0; attempt < max(1, s.Attempts); attempt++ {
		db, err = openRecovered(s.Path, &bolt.Options{Timeout: s.LockWait})
		if !errors.Is(err, berrors.ErrTimeout) {
			break
		}
	}
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, &BusyError{Path: s.Path}
	}
	if err != nil {
		return nil, s.repairFailed(err)
	}
	return db, nil
}

// copySound copies the buckets of old into a new bbolt file at dst,
// leaving out the values plan names.
func (s *Store) copySound(old *bolt.DB, dst string, plan *RepairPlan) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("a damaged page: %v", r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	fresh, err := bolt.Open(dst, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = old.View(func(otx *bolt.Tx) error {
		if txid := uint64(otx.ID()); txid != plan.txid {
			return fmt.Errorf("it changed since the plan (transaction %d, planned from %d); run the repair again", txid, plan.txid)
		}
		c := codecOf(otx)
		return fresh.Update(func(ntx *bolt.Tx) error {
			return otx.ForEach(func(name []byte, ob *bolt.Bucket) error {
				nb, err := ntx.CreateBucket(name)
				if err != nil {
					return err
				}
				if string(name) != string(bucketAssessments) {
					return copyBucket(ob, nb, string(name), plan.damaged)
				}
				return ob.ForEachBucket(func(id []byte) error {
					return copyAssessment(c, ob.Bucket(id), nb, string(id), plan.damaged)
				})
			})
		})
	})
	if cerr := fresh.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyBucket copies every key and nested bucket of from into to, but the
// values whose names (prefix/key) are in skip.
func copyBucket(from, to *bolt.Bucket, prefix string, skip map[string]bool) error {
	to.FillPercent = 0.9
	return from.ForEach(func(k, v []byte) error {
		name := valueName(prefix, string(k))
		if v == nil {
			nb, err := to.CreateBucket(k)
			if err != nil {
				return err
			}
			return copyBucket(from.Bucket(k), nb, name, skip)
		}
		if skip[name] {
			return nil
		}
		return to.Put(k, v)
	})
}

// copyAssessment copies one assessment unless its header or order is
// damaged, then works its answer count out again when anything of it was
// left out.
func copyAssessment(c codec, from *bolt.Bucket, root *bolt.Bucket, id string, skip map[string]bool) error {
	if skip[valueName(id, "record")] || skip[valueName(id, "order")] {
		return nil
	}
	to, err := root.CreateBucket([]byte(id))
	if err != nil {
		return err
	}
	if err := copyBucket(from, to, id, skip); err != nil {
		return err
	}
	for name := range skip {
		if strings.HasPrefix(name, id+"/") {
			return putCount(c, to, id, keyAnswered, recount(c, to, id))
		}
	}
	return nil
}

// currentTxid is the txid of the header page bbolt would open path from.
func currentTxid(path string) (uint64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	m, err := readMetas(f, fi.Size())
	return m.cur.txid, err
}
