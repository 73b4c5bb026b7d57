"""A manifest's numbers and times are refused outside what the format allows
(docs/package-format.md, section 6), and the numbers of a channel that have not
arrived come as ranges (app/export/gaps.py): a sender's number far above the last
held is named at once, never listed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.export import gaps
from app.export.errors import MalformedPackage
from app.export.manifest import NUMBER_MAX, Manifest
from app.services.exchange import package_log

REF = {"type": "debrief", "id": str(uuid.uuid4()), "version": 1, "sha256": "f" * 64}


@pytest.fixture
def manifest_doc() -> dict[str, Any]:
    return Manifest(
        kind="debriefs",
        package_id=uuid.uuid4(),
        created_at="2026-12-06T10:00:00.000000Z",
        schema="0016",
        sender="a" * 64,
        recipients=("b" * 64,),
        sequence=1,
        previous="",
        header_sha256="c" * 64,
    ).to_dict() | {"body_sha256": "d" * 64, "body_length": 2, "records": [REF], "audit_events": 0}


def test_missing_numbers_come_as_ranges() -> None:
    assert gaps.missing([], 1) == []
    assert gaps.missing([1, 2, 3], 4) == []
    assert gaps.missing([2, 5], 9) == [(1, 1), (3, 4), (6, 8)]
    assert gaps.missing([7, 3, 3], 5) == [(1, 2), (4, 4)]  # unsorted, repeated, above
    assert gaps.missing([1], NUMBER_MAX) == [(2, NUMBER_MAX - 1)]


def test_the_text_names_ranges_and_counts_past_the_shown_ones() -> None:
    assert gaps.text([(3, 3), (5, 9)]) == "3, 5–9"
    many = [(n, n) for n in range(1, 2 * gaps.SHOWN + 1, 2)] + [(100, 199)]
    shown = gaps.text(many)
    assert shown.startswith("1, 3, 5")
    assert shown.endswith(", … (+100)")  # the one range past the shown ones: 100 numbers


@pytest.mark.parametrize(
    ("field", "value"),
    [("sequence", NUMBER_MAX + 1), ("sequence", 0), ("version", NUMBER_MAX + 1)],
)
def test_numbers_out_of_the_formats_range_are_refused(
    field: str, value: int, manifest_doc: dict[str, Any]
) -> None:
    assert Manifest.from_dict(manifest_doc).sequence == 1  # as made, it holds
    doc = dict(manifest_doc)
    if field == "sequence":
        doc["sequence"] = value
        doc["previous"] = "0" * 64
    else:
        records = [dict(r) for r in doc["records"]]
        records[0]["version"] = value
        doc["records"] = records
    with pytest.raises(MalformedPackage):
        Manifest.from_dict(doc)


@pytest.mark.parametrize(
    "moment",
    ["2026-02-30T20:00:00.000000Z", "2026-13-01T20:00:00.000000Z", "2026-12-06T25:00:00.000000Z"],
)
def test_a_created_at_that_is_no_real_moment_is_refused(
    moment: str, manifest_doc: dict[str, Any]
) -> None:
    with pytest.raises(MalformedPackage, match="manifest is malformed"):
        Manifest.from_dict(manifest_doc | {"created_at": moment})


def test_the_chain_is_checked_on_both_sides_of_a_late_package() -> None:
    held, links = {5: "five", 7: "seven"}, {5: "four", 7: "not six"}
    said = [n.params for n in package_log.links_broken(held, links, 6, "six", "five")]
    assert said == [{"n": 7, "before": 6}]  # 6 follows 5; 7 does not follow 6
    said = [n.params for n in package_log.links_broken(held, links, 6, "six", "other")]
    assert said == [{"n": 6, "before": 5}, {"n": 7, "before": 6}]
    assert package_log.links_broken(held, {7: "six"}, 6, "six", "five") == []
