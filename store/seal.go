package store

import (
	"encoding/binary"
	"hash/crc32"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// From schema 3 on every value cxo stores under an assessment or a setting
// ends in a seal: a zero byte (JSON and the decimal counters never hold
// one) and the CRC-32C of the value's name and payload, big-endian. bbolt
// checksums only its meta pages, so a flipped bit inside a data page would
// otherwise read as a different answer; the name is in the sum so that a
// flip in a key (an answer moving to another item) is caught too.
// CRC-32C is computed in hardware on amd64 and arm64: a saved answer pays
// nanoseconds for it beside the fsync.
const (
	sealSchema = 3
	sealLen    = 5
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// valueName names a stored value for its seal and for the user:
// "<assessment id>/<key>", "<assessment id>/answers/<item>" or
// "settings/<key>".
func valueName(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			b = append(b, '/')
		}
		b = append(b, p...)
	}
	return string(b)
}

func sealSum(name string, payload []byte) uint32 {
	crc := crc32.Update(0, castagnoli, []byte(name))
	crc = crc32.Update(crc, castagnoli, []byte{0})
	return crc32.Update(crc, castagnoli, payload)
}

// seal returns payload with its seal appended.
func seal(name string, payload []byte) []byte {
	out := make([]byte, len(payload)+sealLen)
	copy(out, payload)
	out[len(payload)] = 0
	binary.BigEndian.PutUint32(out[len(payload)+1:], sealSum(name, payload))
	return out
}

// unseal checks a sealed value and returns its payload; what fails is
// reported as a damaged record naming the value.
func unseal(name string, data []byte) ([]byte, error) {
	n := len(data) - sealLen
	if n < 0 || data[n] != 0 {
		return nil, recordDamaged(name, "it has no checksum")
	}
	if binary.BigEndian.Uint32(data[n+1:]) != sealSum(name, data[:n]) {
		return nil, recordDamaged(name, "its checksum does not match")
	}
	return data[:n], nil
}

// codec reads and writes the values of one transaction: sealed when the
// file is at sealSchema or later, as they were before otherwise (a file
// is only read at an older schema; every write migrates it first).
type codec struct{ sealed bool }

func codecOf(tx *bolt.Tx) codec {
	if tx == nil || tx.Bucket(bucketMeta) == nil {
		return codec{sealed: true}
	}
	v, _ := strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
	return codec{sealed: v >= sealSchema}
}

// get reads the value key of b, named name: nil (and no error) when there
// is none.
func (c codec) get(b *bolt.Bucket, key []byte, name string) ([]byte, error) {
	data := b.Get(key)
	if data == nil || !c.sealed {
		return data, nil
	}
	return unseal(name, data)
}

func (c codec) put(b *bolt.Bucket, key []byte, name string, payload []byte) error {
	if c.sealed {
		payload = seal(name, payload)
	}
	return b.Put(key, payload)
}
