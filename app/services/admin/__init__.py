"""The vault itself: creating and unlocking it, aliases and their scopes, settings
(in the vault and the few kept before unlock), the audit log, `check` and the
self-test."""
