"""The sanitised view, by its types: what it cannot hold, whatever a builder puts
in it. Walked from ``SanitisedReport`` through the type hints, so a field added
later is checked too."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, time

from app.reports import views
from app.reports.views import InternalReport, SanitisedBody, SanitisedReport
from app.services.reports.sanitise import texts_of

# Every text field of the sanitised view, and why it cannot carry what would
# identify a source. Adding a text field fails the test until it is listed here.
CLOSED = {
    ("SanitisedStamp", "report_id"): "a random UUID (version 4), made by the service",
    ("SanitisedStamp", "marking"): "one of a closed list of markings",
    ("SanitisedStamp", "printer_reference"): "a keyed per-report code, not the alias",
    ("SanitisedStamp", "printed_by_role"): "runner or handler",
    ("SanitisedStamp", "draft_notice"): "a fixed notice",
    ("SanitisedStamp", "language"): "en or nl",
    ("SanitisedDebrief", "reference"): "S1, S2… in date order",
    ("SanitisedItem", "corroboration"): "a closed vocabulary",
    ("GradingLine", "scheme"): "a scheme's name",
    ("GradingLine", "short"): "codes such as 3x5x2 2/B/P",
    ("GradingLine", "source_evaluation"): "a code",
    ("GradingLine", "intelligence_assessment"): "a code",
    ("GradingLine", "handling_code"): "a code",
    ("GradingLine", "source_evaluation_label"): "the scheme's label for the code",
    ("GradingLine", "intelligence_assessment_label"): "the scheme's label for the code",
    ("GradingLine", "handling_label"): "the scheme's label for the code",
}
GUARDED = {  # free text: the sanitisation guard reads every one of them
    ("SanitisedBody", "title"),
    ("SanitisedItem", "text"),
    ("GradingLine", "conditions"),
}
LEAVES = (str, int, bool, date)
IDENTIFYING_NAMES = ("codename", "alias", "identity", "author", "attendee", "location", "name")


def _leaf_types(hint: object) -> list[object]:
    """The concrete types inside a hint: tuple[X, ...], X | None and the like."""
    origin = typing.get_origin(hint)
    if origin in (tuple, typing.Union, types.UnionType):
        return [t for arg in typing.get_args(hint) if arg is not Ellipsis for t in _leaf_types(arg)]
    return [hint]


def _fields(root: type) -> dict[tuple[str, str], list[object]]:
    """(class, field) -> the types the field can hold, for every dataclass reachable
    from ``root``."""
    found: dict[tuple[str, str], list[object]] = {}
    todo, seen = [root], set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls, vars(views))
        for f in dataclasses.fields(cls):
            leaves = _leaf_types(hints[f.name])
            found[(cls.__name__, f.name)] = leaves
            todo += [t for t in leaves if isinstance(t, type) and dataclasses.is_dataclass(t)]
    return found


SANITISED = _fields(SanitisedReport)


def test_no_sanitised_field_can_hold_a_time_of_day() -> None:
    for (cls, name), leaves in SANITISED.items():
        for leaf in leaves:
            # datetime is a subclass of date: a "date" field must not be a datetime one.
            assert leaf not in (datetime, time), f"{cls}.{name} holds a time of day"
            assert (isinstance(leaf, type) and dataclasses.is_dataclass(leaf)) or leaf in LEAVES, (
                f"{cls}.{name}: {leaf}"
            )


def test_every_text_field_is_a_closed_vocabulary_or_read_by_the_guard() -> None:
    text_fields = {key for key, leaves in SANITISED.items() if str in leaves}
    assert text_fields == CLOSED.keys() | GUARDED
    names = {name for _cls, name in SANITISED}
    assert not [n for n in names if any(word in n for word in IDENTIFYING_NAMES)]
    assert not [n for n in names if n.endswith(("_at", "_id")) and n != "report_id"]


def test_the_sanitised_view_shares_no_type_with_the_internal_one_but_the_grading() -> None:
    internal = {cls for cls, _ in _fields(InternalReport)}
    assert {cls for cls, _ in SANITISED} & internal == {"GradingLine"}


def _sample(cls: type, n: list[int]) -> object:
    """An instance with a distinct marker string in every text field."""
    hints = typing.get_type_hints(cls, vars(views))
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        leaf = next(t for t in _leaf_types(hints[f.name]) if t is not type(None))
        n[0] += 1
        if leaf is str:
            values[f.name] = f"MARK{n[0]}:{cls.__name__}.{f.name}"
        elif isinstance(leaf, type) and dataclasses.is_dataclass(leaf):
            inner = _sample(leaf, n)
            wraps = typing.get_origin(hints[f.name]) is tuple
            values[f.name] = (inner,) if wraps else inner
        elif leaf is date:
            values[f.name] = date(2026, 1, 1)
        else:
            values[f.name] = leaf(1)  # type: ignore[operator]
    return cls(**values)


def test_the_guard_reads_every_free_text_field_of_the_body() -> None:
    body = _sample(SanitisedBody, [0])
    assert isinstance(body, SanitisedBody)
    read = " ".join(text for _where, text in texts_of(body))
    for cls, name in GUARDED:
        assert f":{cls}.{name}" in read, f"the guard does not read {cls}.{name}"
    assert list(texts_of(SanitisedBody("t", date.today(), date.today(), ()))) == [("title", "t")]
