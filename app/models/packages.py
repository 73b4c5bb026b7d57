"""Tables for signed, sealed packages (keys, peers, package log, receipts)."""

from __future__ import annotations
