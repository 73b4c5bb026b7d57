"""The sanitised view and its guard.

Building: ``sanitised_body`` copies, from debrief views, only what may be shared:
items whose handling code allows sharing in their scheme
(``Grading.shareable``), in their sanitised wording, with grading and conditions,
dated to the day. Items without a sanitised wording are withheld, never replaced
by the reported text. Only submitted or approved debriefs (frozen) are used.

The guard: before a sanitised report is requested or issued, search
its text for anything that identifies the source, and refuse with what was found.

What counts as identifying (``compartment_identifiers``):

* each source's codename and former codenames (``Alias`` rows of kind codename),
  and its id;
* every other source's codename, current and former: a sanitised report names no
  source at all;
* every cover name the vault holds: runners, handlers, members, attendees, the
  witnesses and approvers of payments, colleagues known from packages, and the
  former names of renamed aliases (``aliases.rename_alias`` keeps them); a name
  from before the rule of names also as it shows (``names.visible``: without
  control characters and escape sequences);
* the location codewords of the sources' contacts;
* each source's true-identity fields (``identity_needles``: name and name parts,
  addresses and street names, phone numbers, date of birth), which needs the
  passphrase again;
* anything that looks like a phone number or an e-mail address, whoever's;
* the time of each meeting in the report (``meeting_times``), written in words.

Matching (``matching.fold``) drops what prints as nothing (format characters:
zero-width spaces and joiners, soft hyphens), reads Cyrillic and Greek look-alikes
as the Latin letters they print as, and ignores case and diacritics (``Özdemir``
finds ``ozdemir``, ``КWARTS`` finds ``KWARTS``). Names are found as whole words,
spelled out, glued to digits, in capitals glued to small letters, and with a
genitive ``s``, a last letter doubled or, when long, one letter appended, and a
name of two parts glued, inside other words (``guard_shapes``: ``P E L I K A A N``,
``PELIKAAN1``, ``xPELIKAAN``, ``Pelikaans``, ``DeVriess``, ``xdevries``; the
codename ``ELS`` does not hit ``else``). The source's phone numbers are compared by
their significant digits, whatever stands between them and in any country's
spelling (``phone_numbers``: ``+31 6 1234 5678`` is ``06 -  12 34 56 78``, ``+32
470 12 34 56`` is ``0470 12 34 56``: up to eight characters that are not letters
or digits between two digits); anyone's number more narrowly, with dates blanked
out first; ids (the
sources', the debriefs') by any run of 8 of their hex digits. An identity's date
of birth is also found month first and written out with a Dutch or English month
name, its name by every run of its parts glued (``SMITDEVRIES``), its street
names also abbreviated (``Kerkstr.``), and its postcodes with or without the
space. Any Dutch postcode (``3511 AB``) and any time of day in figures (``23:30``,
``figure_times``) is flagged, whoever's; an hour in figures that only may be one
(``Het was 21.00``, ``Zaterdag 21 uur``) and a time in words (``half past nine``,
``kwart over negen``) only within a quarter of an hour of a meeting's time, on a
12-hour clock (24-hour when a part of the day is said), in UTC or local time
(``worded_times``): in a debrief's text, its own meeting's time and its
neighbours' in the report (S1's and S3's for S2), not one two debriefs away or
more; elsewhere (the title), any meeting's.

The hit list is vault content: it is given to the user (``SanitisationRefused.hits``)
and never put in the exception message, a log or the audit log.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.dal.scope import visible
from app.domain import names
from app.domain.enums import AliasKind, DebriefStatus
from app.domain.grading import Grading, scheme
from app.domain.meeting import met_at, met_on
from app.domain.scope import Scope
from app.errors import ReportError
from app.models import Alias, Contact, Source
from app.reports.views import GradingLine, SanitisedBody, SanitisedDebrief, SanitisedItem
from app.services.reports.figure_times import held_times, times_of_day
from app.services.reports.guard_shapes import IdRuns, NamePatterns, name_patterns
from app.services.reports.matching import Identifier, fold, plain, shape
from app.services.reports.phone_numbers import PhoneNumbers
from app.services.reports.worded_times import day_minutes, near, times_text, worded_times
from app.services.views import DebriefView

MIN_NEEDLE = 2
OTHER_CODENAME = "another source's codename"
MEETING_TIME = "meeting time"  # "S1 HH:MM" (plain "HH:MM": of any text), for times in words
ID_KINDS = frozenset({"source id", "debrief id"})  # found by runs of their hex digits
# Made-up words, found inside other words too when long (``guard_shapes``).
MADE_UP = frozenset({"codename", "former codename", OTHER_CODENAME, "location codeword"})
# A match starts only where a run of address characters does: unanchored, the
# engine retried every position of a long run (a digit run of 100 KB took 96 s).
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Dutch postcodes: four digits (no leading 0), two capitals (never SA, SD or SS).
_POSTCODE = re.compile(r"(?<!\w)[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?!\w)")


@dataclass(frozen=True)
class GuardHit:
    kind: str  # what kind of identifier was found
    found: str  # the identifying string (or the phone-like / e-mail text)
    where: str  # where in the report, e.g. "S1.2 wording"

    def describe(self) -> str:
        return f"{self.kind} {self.found!r} in {self.where}"


class SanitisationRefused(ReportError):
    """The sanitised text names or points to the source. ``hits`` says what and
    where, for the user only; the message itself carries no vault content."""

    def __init__(self, hits: Iterable[GuardHit]) -> None:
        self.hits = tuple(hits)
        if len(self.hits) == 1:
            super().__init__(
                "The sanitised report was refused: its text contains {n} identifying "
                "string. Change the sanitised wording and try again.",
                n=1,
            )
        else:
            super().__init__(
                "The sanitised report was refused: its text contains {n} identifying "
                "strings. Change the sanitised wording and try again.",
                n=len(self.hits),
            )


class Guard:
    """Compiled identifiers of one report, ready to scan its text."""

    def __init__(self, identifiers: Iterable[Identifier]) -> None:
        self._words: list[tuple[Identifier, NamePatterns]] = []
        self._phones = PhoneNumbers()
        self._id_runs = IdRuns()
        self._ids: list[Identifier] = []
        # Minutes on the 24-hour clock, by the reference of the debrief they are
        # of ("S1"; "": of any text).
        self._meetings: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        for ident in identifiers:
            key = (ident.kind, fold(ident.text))
            if key in seen:
                continue
            seen.add(key)
            if ident.kind == "phone":
                self._phones.add(ident)
                continue
            if ident.kind == MEETING_TIME:
                reference, _, at = ident.text.rpartition(" ")
                minutes = day_minutes(time.fromisoformat(at))
                self._meetings.setdefault(reference, []).append(minutes)
                continue
            if ident.kind in ID_KINDS:
                self._id_runs.add(uuid.UUID(ident.text).hex)
                self._ids.append(ident)
                continue
            patterns = (
                NamePatterns(
                    re.compile(ident.pattern),
                    re.compile(ident.capitals) if ident.capitals else None,
                )
                if ident.pattern
                else name_patterns(ident.text, MIN_NEEDLE, inside=ident.kind in MADE_UP)
            )
            # Spellings that match alike ("5-1-1990", "5/1/1990") give one hit.
            if patterns is not None and (ident.kind, patterns.folded.pattern) not in seen:
                seen.add((ident.kind, patterns.folded.pattern))
                self._words.append((ident, patterns))

    def scan(self, where: str, text: str) -> Iterator[GuardHit]:
        cased = shape(text)
        folded = cased.casefold()
        for ident, patterns in self._words:
            if patterns.folded.search(folded) or (
                patterns.capitals is not None and patterns.capitals.search(cased)
            ):
                yield GuardHit(ident.kind, ident.text, where)
        for index in self._id_runs.found(folded):
            yield GuardHit(self._ids[index].kind, self._ids[index].text, where)
        # Where a time was found: held figures there are not found again ("9 uur"
        # in "'s avonds 9 uur").
        spans: list[tuple[int, int]] = []
        for found, span in times_of_day(folded):
            spans.append(span)
            yield GuardHit("time of day", found, where)
        recorded = self._meetings_for(where)
        for found, minutes, whole_day, span in worded_times(times_text(text)):
            if near(minutes, whole_day, recorded):
                spans.append(span)
                yield GuardHit("time of day", found, where)
        for found, minutes, whole_day in held_times(folded, spans):
            if near(minutes, whole_day, recorded):
                yield GuardHit("time of day", found, where)
        # Digits, e-mail addresses and postcodes without what prints as nothing.
        yield from self._scan_plain(where, plain(text))

    def _meetings_for(self, where: str) -> list[int]:
        """The meeting times a worded time in the text at ``where`` is held to: a
        debrief's text ("S2.1 wording") to its own meeting's and its neighbours'
        in the report (S1's, S3's), other text (the title) to every meeting's.
        A meeting two debriefs away or more is not, a limit: its time in words
        passes there. Share of the 12-hour clock near a meeting held to (random
        meeting times, UTC and local an hour apart), for 1 / 10 / 25 / 30
        meetings: 9 / 22 / 23 / 23% so; held to every meeting 9 / 59 / 90 / 93%."""
        reference = where.split(".")[0].split(" ")[0]
        if reference not in self._meetings or not reference.startswith("S"):
            return [m for times in self._meetings.values() for m in times]
        n = int(reference[1:])
        held = (f"S{n - 1}", reference, f"S{n + 1}", "")
        return [m for ref in held for m in self._meetings.get(ref, [])]

    def _scan_plain(self, where: str, text: str) -> Iterator[GuardHit]:
        for kind, found in self._phones.found(text):
            yield GuardHit(kind, found, where)
        for match in _EMAIL.finditer(text):
            yield GuardHit("e-mail address", match.group(), where)
        for match in _POSTCODE.finditer(text):
            yield GuardHit("postcode-like text", match.group(), where)

    def check(self, body: SanitisedBody) -> list[GuardHit]:
        hits: list[GuardHit] = []
        for where, text in texts_of(body):
            for hit in self.scan(where, text):
                if hit not in hits:
                    hits.append(hit)
        return hits


def _strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if value.strip():
            yield where, value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _strings(getattr(value, f.name), f"{where} {f.name}".strip())
    elif isinstance(value, tuple | list):
        for n, v in enumerate(value, start=1):
            yield from _strings(v, f"{where} {n}".strip())


def texts_of(body: SanitisedBody) -> Iterator[tuple[str, str]]:
    """Every string in a sanitised body, with a place a user can find it by:
    walked generically, so a field added later cannot escape the guard."""
    yield from _strings(body.title, "title")
    for d in body.debriefs:
        for item in d.items:
            label = f"{d.reference}.{item.number}"
            yield from _strings(item.text, f"{label} wording")
            yield from _strings(item.grading, f"{label} grading")
            yield from _strings(item.corroboration, f"{label} corroboration")
        yield from _strings(d.reference, f"{d.reference} reference")


def meeting_times(
    views: Iterable[DebriefView], debrief_ids: Iterable[uuid.UUID]
) -> list[Identifier]:
    """When each debrief's meeting was (``met_at``), in UTC as reports print it
    and in the local time the app shows, with the reference the sanitised report
    gives the debrief (``debrief_ids`` in report order: S1, S2...): a time in words
    near it is refused in that debrief's text and its neighbours', and in text of
    no debrief."""
    by_id = {v.id: v for v in views}
    chosen = [by_id[i] for i in debrief_ids if i in by_id]
    return [
        Identifier(MEETING_TIME, f"S{n} {shown:%H:%M}")
        for n, view in enumerate(chosen, start=1)
        for shown in (met_at(view).astimezone(UTC), met_at(view).astimezone())
    ]


def compartment_identifiers(
    session: Session, scope: Scope, source_ids: Iterable[uuid.UUID]
) -> list[Identifier]:
    """Everything the vault knows that names or places these sources, except their
    sealed identities (see ``identity_identifiers``); and every other source's
    codename ``scope`` may see and every alias the vault holds, since a sanitised
    report names no source and no alias at all. Sources outside the scope are left
    out: a refusal naming one would tell the user that it exists (and its codename
    is not theirs to know, nor to write)."""
    ids = list(dict.fromkeys(source_ids))
    if not ids:
        return []
    out: list[Identifier] = []
    sources = session.execute(
        select(Source.id, Source.codename).where(visible(Source.compartment_id, scope))
    ).all()
    seen = {row.id for row in sources}
    for row in sources:
        if row.id not in ids:
            continue
        # Its codename, and its id: lists, notices and the internal report print it
        # (whole, or the end of it that sets two namesakes apart); any run of 8 of
        # its hex digits points to it.
        out += [*_named("codename", row.codename), Identifier("source id", str(row.id))]
    for row in sources:
        if row.id not in ids:
            out += _named(OTHER_CODENAME, row.codename)
    # Every alias: former codenames (of these sources or of others), and every
    # cover name (runners, handlers, members, attendees, payment witnesses and
    # approvers, colleagues known from packages).
    for name, kind, source_id in session.execute(select(Alias.name, Alias.kind, Alias.source_id)):
        if kind is not AliasKind.CODENAME:
            out += _named("cover name", name)
        elif source_id in seen:
            out += _named("former codename" if source_id in ids else OTHER_CODENAME, name)
    for word in session.execute(
        select(Contact.location_codeword)
        .where(Contact.source_id.in_(ids), Contact.location_codeword != "")
        .distinct()
    ).scalars():
        out += _named("location codeword", word)
    return out


def _named(kind: str, name: str) -> list[Identifier]:
    """A name, and also as it shows and people type it where it is from before the
    rule of names ("Valk" for "Valk" with an escape sequence or a bell): the guard
    never meets the raw one in a report's text."""
    shown = names.visible(name)
    if shown in ("", name):
        return [Identifier(kind, name)]
    return [Identifier(kind, name), Identifier(kind, shown)]


# -- building the sanitised body ---------------------------------------------------------

SANITISED_TITLE = "Sanitised intelligence report"
RELEASABLE = frozenset({DebriefStatus.SUBMITTED, DebriefStatus.APPROVED})


def grading_line(g: Grading) -> GradingLine:
    s = scheme(g.scheme)
    return GradingLine(
        scheme=s.title,
        short=g.short(),
        source_evaluation=g.source_evaluation,
        source_evaluation_label=s.label("source_evaluation", g.source_evaluation),
        intelligence_assessment=g.intelligence_assessment,
        intelligence_assessment_label=s.label("intelligence_assessment", g.intelligence_assessment),
        handling_code=g.handling_code,
        handling_label=s.label("handling", g.handling_code),
        conditions=g.handling_conditions.strip(),
    )


@dataclass(frozen=True)
class SanitisedSelection:
    body: SanitisedBody
    debrief_ids: tuple[uuid.UUID, ...]  # the debriefs that contributed items, in order
    withheld_items: int  # shareable but without a sanitised wording
    skipped_debriefs: int  # not submitted/approved, or nothing shareable


def sanitised_body(
    views: Iterable[DebriefView], period: tuple[date, date] | None = None
) -> SanitisedSelection:
    """Copy only the allowed fields of ``views`` into a sanitised body."""
    ordered = sorted(views, key=lambda v: (met_on(v), v.created_at, v.id))
    debriefs: list[SanitisedDebrief] = []
    ids: list[uuid.UUID] = []
    withheld = skipped = 0
    for view in ordered:
        if view.status not in RELEASABLE:
            skipped += 1
            continue
        items: list[SanitisedItem] = []
        for item in view.items:
            if not item.grading.shareable:
                continue
            if not item.sanitised_text.strip():
                withheld += 1
                continue
            items.append(
                SanitisedItem(
                    number=len(items) + 1,
                    text=item.sanitised_text.strip(),
                    grading=grading_line(item.grading),
                    corroboration=item.corroboration.value,
                    exculpatory=item.exculpatory,
                )
            )
        if not items:
            skipped += 1
            continue
        debriefs.append(SanitisedDebrief(f"S{len(debriefs) + 1}", met_on(view), tuple(items)))
        ids.append(view.id)
    if period is None:
        days = [d.obtained_on for d in debriefs] or [utc_now().date()]
        period = (min(days), max(days))
    body = SanitisedBody(SANITISED_TITLE, period[0], period[1], tuple(debriefs))
    return SanitisedSelection(body, tuple(ids), withheld, skipped)
