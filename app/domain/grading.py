"""Intelligence grading schemes.

3x5x2 (UK, the default), the older 5x5x5, and NATO's Admiralty code. Each item is
stored in its own scheme; codes are never converted between schemes, because the
schemes do not map one-to-one.

Admiralty has no handling code of its own; Veldboek records the 3x5x2 handling
code (P/C) beside it so that every item says whether it may be shared.

Handling code 5 of 5x5x5 (NIM) is "no further dissemination: refer to the
originator", with the special handling requirements of the officer who
authorised the collection recorded as its conditions. It is not shareable: such
an item never goes into a sanitised (dissemination) report. Only 1, 2 and 3 are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from app.domain.enums import GradingScheme


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass(frozen=True)
class Scheme:
    id: GradingScheme
    title: str
    source_evaluation: tuple[Code, ...]
    intelligence_assessment: tuple[Code, ...]
    handling: tuple[Code, ...]
    # Handling codes that allow dissemination (into a sanitised report).
    shareable: frozenset[str]
    # Handling codes that require recorded conditions.
    needs_conditions: frozenset[str]

    def codes(self, axis: str) -> tuple[str, ...]:
        return _codes(self.id, axis)

    def label(self, axis: str, code: str) -> str:
        for entry in getattr(self, axis):
            if entry.code == code:
                return str(entry.label)
        return code


@functools.cache
def _codes(scheme_id: GradingScheme, axis: str) -> tuple[str, ...]:
    # Export checks every item of every debrief against these (package_json).
    # Keyed by the scheme's id: hashing the Scheme itself walks all its codes.
    return tuple(c.code for c in getattr(SCHEMES[scheme_id], axis))


HANDLING_5X5X5_5 = (
    "No further dissemination: refer to the originator; special handling requirements "
    "imposed by the officer who authorised collection"
)

_HANDLING_3X5X2 = (
    Code("P", "Lawful sharing permitted"),
    Code("C", "Lawful sharing permitted with conditions"),
)

SCHEMES: dict[GradingScheme, Scheme] = {
    GradingScheme.UK_3X5X2: Scheme(
        GradingScheme.UK_3X5X2,
        "3x5x2",
        (Code("1", "Reliable"), Code("2", "Untested"), Code("3", "Not reliable")),
        (
            Code("A", "Known directly to the source"),
            Code("B", "Known indirectly to the source but corroborated"),
            Code("C", "Known indirectly to the source"),
            Code("D", "Not known"),
            Code("E", "Suspected to be false or malicious"),
        ),
        _HANDLING_3X5X2,
        frozenset({"P", "C"}),
        frozenset({"C"}),
    ),
    GradingScheme.UK_5X5X5: Scheme(
        GradingScheme.UK_5X5X5,
        "5x5x5",
        (
            Code("A", "Always reliable"),
            Code("B", "Mostly reliable"),
            Code("C", "Sometimes reliable"),
            Code("D", "Unreliable"),
            Code("E", "Untested source"),
        ),
        (
            Code("1", "Known to be true without reservation"),
            Code("2", "Known personally to the source but not to the officer"),
            Code("3", "Not personally known to the source but corroborated"),
            Code("4", "Cannot be judged"),
            Code("5", "Suspected to be false"),
        ),
        (
            Code("1", "May be disseminated to other law enforcement agencies"),
            Code("2", "May be disseminated to non-prosecuting parties"),
            Code("3", "May be disseminated to non-EU agencies"),
            Code("4", "Only within the originating agency"),
            Code("5", HANDLING_5X5X5_5),
        ),
        frozenset({"1", "2", "3"}),
        frozenset({"5"}),
    ),
    GradingScheme.ADMIRALTY: Scheme(
        GradingScheme.ADMIRALTY,
        "Admiralty",
        (
            Code("A", "Completely reliable"),
            Code("B", "Usually reliable"),
            Code("C", "Fairly reliable"),
            Code("D", "Not usually reliable"),
            Code("E", "Unreliable"),
            Code("F", "Reliability cannot be judged"),
        ),
        (
            Code("1", "Confirmed by other sources"),
            Code("2", "Probably true"),
            Code("3", "Possibly true"),
            Code("4", "Doubtful"),
            Code("5", "Improbable"),
            Code("6", "Truth cannot be judged"),
        ),
        _HANDLING_3X5X2,
        frozenset({"P", "C"}),
        frozenset({"C"}),
    ),
}

DEFAULT_SCHEME = GradingScheme.UK_3X5X2


def scheme(scheme_id: GradingScheme | str) -> Scheme:
    return SCHEMES[GradingScheme(scheme_id)]


@dataclass(frozen=True)
class Grading:
    scheme: GradingScheme
    source_evaluation: str
    intelligence_assessment: str
    handling_code: str
    handling_conditions: str = ""

    def problems(self) -> list[str]:
        """What is missing or invalid, in words a runner understands."""
        s = scheme(self.scheme)
        out = []
        if self.source_evaluation not in s.codes("source_evaluation"):
            out.append("source evaluation")
        if self.intelligence_assessment not in s.codes("intelligence_assessment"):
            out.append("intelligence assessment")
        if self.handling_code not in s.codes("handling"):
            out.append("handling code")
        elif self.handling_code in s.needs_conditions and not self.handling_conditions.strip():
            out.append("handling conditions")
        return out

    @property
    def shareable(self) -> bool:
        return self.handling_code in scheme(self.scheme).shareable

    def short(self) -> str:
        """Compact form such as ``2/B/P`` (3x5x2) or ``B/2/4`` (5x5x5)."""
        parts = [self.source_evaluation or "?", self.intelligence_assessment or "?"]
        if self.handling_code:
            parts.append(self.handling_code)
        return f"{scheme(self.scheme).title} " + "/".join(parts)


def codes_of(scheme: str, axis: str) -> tuple[str, ...]:
    """A scheme's codes on ``axis`` in its order, by the scheme's stored name;
    none for a name that is no scheme (a count keeps such codes as found)."""
    try:
        return SCHEMES[GradingScheme(scheme)].codes(axis)
    except ValueError:
        return ()
