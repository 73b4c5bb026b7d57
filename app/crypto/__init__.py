"""Pure cryptographic functions: no Qt, no database, no file I/O."""
