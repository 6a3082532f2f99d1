"""CLI command groups; each module registers its sub-commands (see app.cli)."""
