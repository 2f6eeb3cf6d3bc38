package assets

import "testing"

func BenchmarkLoadBank(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadBank("", nil); err != nil {
			b.Fatal(err)
		}
	}
}
