package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/assets"
)

// templateHeader opens the bank cxo bank template prints: a custom bank
// starts from the built-in one.
const templateHeader = `# A custom cxo question bank, started from cxo's built-in bank %s.
# Edit it, check it with: cxo bank check FILE, and use it with: cxo --bank FILE.
# - Keep the facet ids: the built-in plan and guides serve them.
# - Give your bank its own version; change the part before the last "-"
#   when your items measure something new (results compare only within it).
# - retired: keeps items earlier revisions asked, so older answers keep their
#   words; a new bank of your own can drop that section.
# The format and the review checklist: assets/README.md in cxo's source.
`

func bankTemplateCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "template",
		Short: "Print the built-in question bank as a starting point for a custom one",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := fmt.Fprintf(g.stdout, templateHeader, assets.BankVersion()); err != nil {
				return err
			}
			_, err := g.stdout.Write(assets.File("bank.yaml"))
			return err
		},
	}
}
