"""Seeded draws for the demo generator: one random stream, weighted choices,
time-ordered ids, and the stored UTC timestamp form."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.clock import iso_utc
from app.models.base import uuid7_hex
from app.services.demo_data import vocabulary as vocab


def ts(moment: datetime) -> str:
    # The generator's times are all UTC: the stored form straight from isoformat
    # (the demo writes several hundred thousand of them).
    if moment.tzinfo is UTC:
        return moment.isoformat(timespec="microseconds")[:-6] + "Z"
    return iso_utc(moment)


class Weighted:
    """``rng.choices(options, weights)[0]`` with the weights summed once: the same
    draw from the same stream, without the set-up on every call (the demo draws
    millions)."""

    def __init__(self, options: Sequence[Any], weights: Sequence[float]) -> None:
        self.options = tuple(options)
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1] + 0.0
        self.hi = len(self.cum) - 1

    def __call__(self, rng: random.Random) -> Any:
        return self.options[bisect.bisect(self.cum, rng.random() * self.total, 0, self.hi)]


class Gen:
    """Seeded helpers; every random choice goes through ``self.rng``."""

    def __init__(self, seed: int, epoch: datetime) -> None:
        self.rng = random.Random(seed)
        self.epoch = epoch

    def uid(self, at: datetime | None = None) -> str:
        """A deterministic time-ordered id (see ``uuid7``), dated ``at`` if given."""
        ms = int((at or self.epoch).timestamp() * 1000)
        return uuid7_hex(ms, self.rng.getrandbits(74))

    def pick(self, seq: Sequence[str]) -> str:
        return seq[int(self.rng.random() * len(seq))]

    def person(self) -> str:
        return f"{self.pick(vocab.FIRST_NAMES)} {self.pick(vocab.SURNAMES)}"

    def fill(self, template: str, people: Sequence[str]) -> str:
        return template.format(
            person=self.pick(people),
            place=self.pick(vocab.PLACES),
            vehicle=self.pick(vocab.VEHICLES),
            org=self.pick(vocab.ORGANISATIONS),
            topic=self.pick(vocab.TOPICS),
        )
