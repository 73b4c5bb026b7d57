"""Package format: age-sealed, Ed25519-signed containers (see docs/package-format.md).
Pure functions over bytes and plain data: no database, no Qt."""
