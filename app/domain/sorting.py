"""How the user ordered a list: a sort key the list's service offers, and the
direction. Plain data, so screens can hold it; app.dal.keyset turns it into SQL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sort:
    """One of a list's sort keys (``"written"``, ``"source"``…), and the direction."""

    key: str
    descending: bool = True
