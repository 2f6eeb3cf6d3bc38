package model

// GroupName is how a facet group is headed on screen and in exports.
func GroupName(group string) string {
	switch group {
	case "orientation":
		return "Orientation"
	case "operational":
		return "Operational skills"
	case "area":
		return "The twelve CTO areas"
	case "cio":
		return "The CIO's own competences"
	case "foundation":
		return "Shared foundations"
	}
	return group
}
