package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// settingRecord is one stored setting (schema 2's settings bucket).
type settingRecord struct {
	V     int    `json:"v"`
	Value string `json:"value"`
}

const maxSettingKey = 256

// SaveSetting keeps an application setting (the last chosen length or
// target, say) under key, committed before it returns.
func (s *Store) SaveSetting(key, value string) error {
	if key == "" || len(key) > maxSettingKey {
		return fmt.Errorf("setting name %q must be 1 to %d bytes", key, maxSettingKey)
	}
	return s.update(func(tx *bolt.Tx) error {
		return codecOf(tx).put(tx.Bucket(bucketSettings), []byte(key), valueName("settings", key),
			must(json.Marshal(settingRecord{V: recordVersion, Value: value})))
	})
}

// Setting reads a setting; one never saved (or a file from before schema
// 2, or no file at all) reads as "". A stored value that cannot be read
// gives "" and an error holding a *RecordError, which callers may treat
// as unset.
func (s *Store) Setting(key string) (value string, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		if tx == nil || tx.Bucket(bucketSettings) == nil {
			return nil
		}
		name := valueName("settings", key)
		data, err := codecOf(tx).get(tx.Bucket(bucketSettings), []byte(key), name)
		if err != nil || data == nil {
			return err
		}
		value, err = decodeSetting(name, data)
		return err
	})
	return value, err
}

func decodeSetting(name string, data []byte) (string, error) {
	var r settingRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return "", &RecordError{Key: name, Reason: err.Error()}
	}
	if r.V < 1 || r.V > recordVersion {
		return "", &RecordError{Key: name, Reason: fmt.Sprintf("unknown record version %d", r.V)}
	}
	return r.Value, nil
}
