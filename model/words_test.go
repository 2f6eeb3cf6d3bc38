package model

import "testing"

func TestWords(t *testing.T) {
	if Signed(12)+Signed(-3)+Signed(0) != "+12-30" {
		t.Error("Signed")
	}
	if Capitalise("leans CTO") != "Leans CTO" || Capitalise("") != "" {
		t.Error("Capitalise")
	}
	if OneLine(" a\n\tb  c \n") != "a b c" {
		t.Error("OneLine")
	}
}
