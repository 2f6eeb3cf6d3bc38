package model

// PrioritySlot places the plan's priority i (from 0) among n: every
// priority, gathering evidence too, says "of n" and the horizon alike.
func PrioritySlot(i, n int) string {
	return "priority " + itoa(i+1) + " of " + itoa(n) + " for the next " + itoa(PlanDays) + " days"
}
