"""Packages: what leaves and enters a vault, signed and sealed
(docs/package-format.md). Keys and their fingerprints, exporting (runner), verifying
and importing (handler), the package log and its channels, receipts and the purge
they allow, the sent copies kept until then, and the reader and writer of each
record kind."""
