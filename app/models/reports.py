"""Tables for issued debrief reports and their approvals."""

from __future__ import annotations
