"""Data access: every query that touches compartmentalised records goes through
the scope helpers here, so access control lives below the screens and the CLI."""
