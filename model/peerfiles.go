package model

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Peer ratings travel as two small JSON files, versioned and documented in
// the README: an invitation (what the person sends colleagues) and a
// response (what each colleague sends back). Neither holds the person's
// own answers or scores; a response holds no rater's name.
const (
	InvitationFormat = "cxo-invitation"
	ResponseFormat   = "cxo-response"
	// PeerFileVersion is the layout version of both files; a reader refuses
	// a later one (made by a newer cxo) rather than guess at it.
	PeerFileVersion = 1
	// PeerFileLimit is the largest invitation or response cxo reads
	// (1 MiB): a real one is a few KB.
	PeerFileLimit = 1 << 20
	// NameLimit is the most characters of the name an invitation shows.
	NameLimit = 60
	// peerItemsLimit bounds the items a file may carry.
	peerItemsLimit = 1000
)

// Relationship is how a rater knows the person.
type Relationship string

const (
	RelManager Relationship = "manager"
	RelPeer    Relationship = "peer"
	RelReport  Relationship = "report"
	RelOther   Relationship = "other"
)

// Relationships in the order they are offered and shown.
var Relationships = []Relationship{RelManager, RelPeer, RelReport, RelOther}

// ObserverScale is the five answers a rater gives, 1 to 5; 0 in a
// response is "no opportunity to observe".
var ObserverScale = []string{"rarely or never", "sometimes", "about half the time", "usually", "almost always"}

// NoOpportunity is the answer a rater gives for an item they have not seen.
const NoOpportunity = "no opportunity to observe"

// Invitation asks colleagues to rate the readiness and foundation items in
// their observer wording. It holds nothing of the person's answers.
type Invitation struct {
	Format  string           `json:"format"`
	Version int              `json:"version"`
	ID      string           `json:"invitation"`
	Name    string           `json:"name"`
	Bank    string           `json:"bank_version"`
	Created time.Time        `json:"created"`
	Scale   []string         `json:"scale"`
	Items   []InvitationItem `json:"items"`
}

// InvitationItem is one behaviour to rate, in the observer wording with
// the person's chosen name in place.
type InvitationItem struct {
	ID   string `json:"id"`
	Area string `json:"area"`
	Text string `json:"text"`
	// Anchors are the item's own five answers, level 1 to 5, when the bank
	// anchors every level: the observer wording asks what the person did,
	// so the rater picks the behaviour that comes closest, as the person
	// did. Without them the rater answers on the invitation's scale.
	Anchors []string `json:"anchors,omitempty"`
}

// Choices is the five answers a rater picks from for the item: its own
// anchors, or else the invitation's scale.
func (it InvitationItem) Choices(scale []string) []string {
	if len(it.Anchors) == len(ObserverScale) {
		return it.Anchors
	}
	return scale
}

// Response is one colleague's ratings. Answers maps item ids to 1..5, or
// 0 for "no opportunity to observe". Rater is a random token: it tells a
// corrected response from a new one and names nobody.
type Response struct {
	Format       string         `json:"format"`
	Version      int            `json:"version"`
	Invitation   string         `json:"invitation"`
	Bank         string         `json:"bank_version"`
	Rater        string         `json:"rater"`
	Relationship Relationship   `json:"relationship"`
	At           time.Time      `json:"answered_at"`
	Answers      map[string]int `json:"answers"`
}

// NewToken is 128 random bits in hex: an invitation id or a rater token.
func NewToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand since Go 1.24)
	return hex.EncodeToString(b[:])
}

// CheckName refuses a name to show that is empty, too long or holds
// control characters; it returns the name trimmed.
func CheckName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", errors.New("the name to show is empty: give the name colleagues know you by")
	case utf8.RuneCountInString(name) > NameLimit:
		return "", fmt.Errorf("the name to show is %d characters; it may be at most %d", utf8.RuneCountInString(name), NameLimit)
	}
	if c, bad := HasControl(name); bad {
		return "", fmt.Errorf("the name to show holds the control character %s; type it plainly", c)
	}
	return name, nil
}

// PeerItems are the items colleagues rate for an assessment: its readiness
// and foundation items, in the bank's order.
func PeerItems(b *Bank, a *Assessment) []Item {
	in := map[string]bool{}
	for _, id := range a.Order {
		in[id] = true
	}
	var out []Item
	for _, it := range b.Items {
		if f, _ := b.Facet(it.Facet); (f.Layer == LayerReadiness || f.Layer == LayerFoundation) && in[it.ID] {
			out = append(out, it)
		}
	}
	return out
}

// NewInvitation makes the invitation for an assessment. It refuses when
// the bank has no observer wording for an item colleagues would rate.
func NewInvitation(b *Bank, a *Assessment, id, name string, now time.Time) (Invitation, error) {
	name, err := CheckName(name)
	if err != nil {
		return Invitation{}, err
	}
	if err := a.CheckBank(b); err != nil {
		return Invitation{}, err
	}
	inv := Invitation{Format: InvitationFormat, Version: PeerFileVersion, ID: id, Name: name, Bank: b.Version,
		Created: now.UTC().Truncate(time.Second), Scale: append([]string(nil), ObserverScale...)}
	for _, it := range PeerItems(b, a) {
		if strings.TrimSpace(it.Observer) == "" {
			return Invitation{}, fmt.Errorf("question bank %s has no observer wording for item %s, so colleagues cannot rate it; use a bank whose readiness and foundation items all have `observer:`", b.Version, it.ID)
		}
		f, _ := b.Facet(it.Facet)
		item := InvitationItem{ID: it.ID, Area: f.Name, Text: strings.ReplaceAll(it.Observer, "{name}", name)}
		if len(it.Anchors) == len(ObserverScale) {
			for level := 1; level <= len(ObserverScale); level++ {
				item.Anchors = append(item.Anchors, strings.ReplaceAll(it.Anchors[level], "{name}", name))
			}
		}
		inv.Items = append(inv.Items, item)
	}
	if len(inv.Items) == 0 {
		return Invitation{}, fmt.Errorf("assessment %s has no readiness or foundation items for colleagues to rate", a.ID)
	}
	return inv, nil
}

// EncodePeerFile writes an invitation or a response as indented JSON.
func EncodePeerFile(v any) []byte {
	data, _ := json.MarshalIndent(v, "", "  ")
	return append(data, '\n')
}

// decodeStrict decodes exactly one JSON object with only known fields.
func decodeStrict(data []byte, v any, what string) error {
	if len(data) > PeerFileLimit {
		return fmt.Errorf("the file is %s bytes; %s may be at most 1 MiB", Thousands(len(data)), what)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("the file is not UTF-8 text; it is not %s", what)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return fmt.Errorf("the file is empty or cut short; it is not a whole %s", what)
		case errors.As(err, &syn):
			return fmt.Errorf("the file is not %s: malformed JSON at byte %d", what, syn.Offset)
		}
		return fmt.Errorf("the file is not %s: %s", what, Clean(err.Error()))
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("the file is not %s: something follows its end", what)
	}
	return nil
}

func isToken(s string) bool {
	if len(s) != 32 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// isItemID accepts the ids banks use: letters, digits, - _ . up to 64.
func isItemID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// controlIn names the first string holding a control character.
func controlIn(fields map[string]string) error {
	for what, s := range fields {
		if c, bad := HasControl(s); bad {
			return fmt.Errorf("its %s holds the control character %s", what, c)
		}
	}
	return nil
}

func checkHeader(format string, version int, want, what string) error {
	switch {
	case format != want:
		return fmt.Errorf("the file is not %s (its format is %q)", what, Clean(format))
	case version < 1:
		return fmt.Errorf("%s has no valid version", what)
	case version > PeerFileVersion:
		return fmt.Errorf("%s of version %d was made by a newer cxo; this one reads version %d", what, version, PeerFileVersion)
	}
	return nil
}

// DecodeInvitation reads an invitation defensively: exactly one object of
// the documented fields, no control characters, sane sizes.
func DecodeInvitation(data []byte) (Invitation, error) {
	const what = "a cxo invitation"
	var inv Invitation
	if err := otherPeerFile(data, InvitationFormat); err != nil {
		return Invitation{}, err
	}
	if err := decodeStrict(data, &inv, what); err != nil {
		return Invitation{}, err
	}
	if err := checkHeader(inv.Format, inv.Version, InvitationFormat, what); err != nil {
		return Invitation{}, err
	}
	fields := map[string]string{"invitation id": inv.ID, "name": inv.Name, "bank version": inv.Bank}
	for i, it := range inv.Items {
		fields[fmt.Sprintf("item %d", i+1)] = it.ID + it.Area + it.Text + strings.Join(it.Anchors, "")
	}
	for i, s := range inv.Scale {
		fields[fmt.Sprintf("scale answer %d", i+1)] = s
	}
	if err := controlIn(fields); err != nil {
		return Invitation{}, fmt.Errorf("the invitation is refused: %w", err)
	}
	if !isToken(inv.ID) {
		return Invitation{}, errors.New("the invitation has no valid invitation id")
	}
	if _, err := CheckName(inv.Name); err != nil {
		return Invitation{}, fmt.Errorf("the invitation is refused: %w", err)
	}
	if inv.Bank == "" || len(inv.Bank) > 64 {
		return Invitation{}, errors.New("the invitation names no valid question bank")
	}
	if len(inv.Scale) != len(ObserverScale) {
		return Invitation{}, fmt.Errorf("the invitation's scale has %d answers; it must have %d", len(inv.Scale), len(ObserverScale))
	}
	if len(inv.Items) == 0 || len(inv.Items) > peerItemsLimit {
		return Invitation{}, fmt.Errorf("the invitation has %d items; it must have 1 to %d", len(inv.Items), peerItemsLimit)
	}
	seen := map[string]bool{}
	for _, it := range inv.Items {
		switch {
		case !isItemID(it.ID):
			return Invitation{}, fmt.Errorf("the invitation has an item with an invalid id %q", Clean(it.ID))
		case seen[it.ID]:
			return Invitation{}, fmt.Errorf("the invitation has item %s twice", it.ID)
		case strings.TrimSpace(it.Text) == "" || utf8.RuneCountInString(it.Text) > 1000 || utf8.RuneCountInString(it.Area) > 200:
			return Invitation{}, fmt.Errorf("the invitation's item %s has no text or too much", it.ID)
		case len(it.Anchors) != 0 && len(it.Anchors) != len(ObserverScale):
			return Invitation{}, fmt.Errorf("the invitation's item %s has %d answers; it must have %d or none", it.ID, len(it.Anchors), len(ObserverScale))
		}
		for _, a := range it.Anchors {
			if strings.TrimSpace(a) == "" || utf8.RuneCountInString(a) > 500 {
				return Invitation{}, fmt.Errorf("the invitation's item %s has an answer with no text or too much", it.ID)
			}
		}
		seen[it.ID] = true
	}
	return inv, nil
}

// DecodeResponse reads a response defensively: exactly one object of the
// documented fields, no control characters, every answer 0..5.
func DecodeResponse(data []byte) (Response, error) {
	const what = "a cxo response"
	var r Response
	if err := otherPeerFile(data, ResponseFormat); err != nil {
		return Response{}, err
	}
	if err := decodeStrict(data, &r, what); err != nil {
		return Response{}, err
	}
	if err := checkHeader(r.Format, r.Version, ResponseFormat, what); err != nil {
		return Response{}, err
	}
	fields := map[string]string{"invitation id": r.Invitation, "bank version": r.Bank, "rater token": r.Rater, "relationship": string(r.Relationship)}
	for id := range r.Answers {
		fields["item id "+Escaped(id)] = id
	}
	if err := controlIn(fields); err != nil {
		return Response{}, fmt.Errorf("the response is refused: %w", err)
	}
	switch {
	case !isToken(r.Invitation):
		return Response{}, errors.New("the response has no valid invitation id")
	case !isToken(r.Rater):
		return Response{}, errors.New("the response has no valid rater token")
	case r.Bank == "" || len(r.Bank) > 64:
		return Response{}, errors.New("the response names no valid question bank")
	case r.At.IsZero():
		return Response{}, errors.New("the response has no time it was answered")
	case len(r.Answers) == 0 || len(r.Answers) > peerItemsLimit:
		return Response{}, fmt.Errorf("the response has %d answers; it must have 1 to %d", len(r.Answers), peerItemsLimit)
	}
	if !validRelationship(r.Relationship) {
		return Response{}, fmt.Errorf("the response's relationship %q is none of manager, peer, report, other", Clean(string(r.Relationship)))
	}
	rated := 0
	for id, v := range r.Answers {
		if !isItemID(id) {
			return Response{}, fmt.Errorf("the response has an answer to an invalid item id %q", Clean(id))
		}
		if v < 0 || v > len(ObserverScale) {
			return Response{}, fmt.Errorf("the response's answer to %s is %d; answers run 1 to %d, or 0 for no opportunity to observe", id, v, len(ObserverScale))
		}
		if v > 0 {
			rated++
		}
	}
	if rated == 0 {
		return Response{}, errors.New("the response rates nothing: every answer is \"no opportunity to observe\"")
	}
	return r, nil
}

func validRelationship(r Relationship) bool {
	for _, x := range Relationships {
		if r == x {
			return true
		}
	}
	return false
}

// SameAnswers reports whether two responses give the same answers.
func (r Response) SameAnswers(o Response) bool {
	if len(r.Answers) != len(o.Answers) || r.Relationship != o.Relationship {
		return false
	}
	for id, v := range r.Answers {
		if w, ok := o.Answers[id]; !ok || w != v {
			return false
		}
	}
	return true
}

// CheckResponse says whether a response belongs to an assessment whose
// invitation is inv: the same invitation, a bank of the same family, and
// answers only to items the bank asks colleagues about.
func CheckResponse(b *Bank, a *Assessment, invitation string, r Response) error {
	if r.Invitation != invitation {
		return errors.New("it answers another invitation than this assessment's")
	}
	if !Compatible(r.Bank, a.BankVersion) {
		return fmt.Errorf("it was answered with question bank %s, and assessment %s was taken with %s, which asks other questions", r.Bank, a.ID, a.BankVersion)
	}
	asked := map[string]bool{}
	for _, it := range PeerItems(b, a) {
		asked[it.ID] = true
	}
	for id := range r.Answers {
		if !asked[id] {
			return fmt.Errorf("it answers item %s, which the invitation did not ask", id)
		}
	}
	return nil
}
