"""An internal report of a source leaves its drafts out (unfinished, perhaps
ungraded: `?/?`) unless asked for them, and says which it did; asked for, each
draft is marked DRAFT in it. The command line here, the app in
tests/ui/test_report_drafts_gui.py."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.cli import main
from app.reports.render import render
from app.reports.views import GradingLine, InternalDebrief, InternalReport
from app.services import reports
from app.services.admin import aliases
from app.services.reports import reading
from app.services.reports.choices import Selection
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_pdf import _small_internal
from tests.test_report_support import pages_text

SUBMITTED = "The van left the yard at ten."
DRAFT = "Half a note, still to be graded."


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Valk's source ONYX with a submitted debrief and a draft; KIEZEL with a draft only."""
    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        valk = aliases.resolve_scope(vault, "Valk")
        onyx = factory.source(vault, valk, "ONYX")
        factory.debrief(vault, valk, onyx, narrative=SUBMITTED, submit=True)
        factory.debrief(vault, valk, onyx, narrative=DRAFT)
        factory.debrief(vault, valk, factory.source(vault, valk, "KIEZEL"), narrative=DRAFT)
    return root


def report(root: Path, tmp_path: Path, *extra: str) -> list[str]:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    args = ["report", "--vault", str(root), "--passphrase-file", str(pp), "--alias", "Valk"]
    return [*args, "--kind", "internal", *extra]


def test_a_source_report_leaves_drafts_out_and_says_so(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "onyx.pdf"
    assert main(report(root, tmp_path, "--source", "ONYX", "--out", str(out))) == 0
    assert "1 draft left out (--include-drafts" in capsys.readouterr().err
    text = "\n".join(pages_text(out.read_bytes()))
    assert SUBMITTED in text
    assert DRAFT not in text
    assert "DRAFT" not in text
    assert "1 debrief ·" in text
    # The paper says so too, on its first page (stderr is only for who printed it).
    first = " ".join(pages_text(out.read_bytes())[0].split())
    assert "Not in this report: 1 draft of this choice (unfinished;" in first


def test_the_note_on_drafts_left_out_is_in_dutch_too(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "onyx.pdf"
    assert (
        main(report(root, tmp_path, "--source", "ONYX", "--language", "nl", "--out", str(out))) == 0
    )
    first = " ".join(pages_text(out.read_bytes())[0].split())
    assert "Niet in dit rapport: 1 concept van deze keuze (onafgemaakt;" in first


def test_asked_for_the_drafts_are_in_it_marked_draft(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "onyx.pdf"
    args = report(root, tmp_path, "--source", "ONYX", "--include-drafts", "--out", str(out))
    assert main(args) == 0
    assert "including 1 draft, marked DRAFT" in capsys.readouterr().err
    text = " ".join(" ".join(pages_text(out.read_bytes())).split())
    assert SUBMITTED in text
    assert DRAFT in text
    assert "2 debriefs · including 1 draft, marked DRAFT" in text
    assert "— ONYX — DRAFT" in text
    assert "Not in this report" not in text


def test_a_source_with_drafts_only_is_refused_saying_why(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kiezel.pdf"
    assert main(report(root, tmp_path, "--source", "KIEZEL", "--out", str(out))) != 0
    assert "Only drafts match that choice" in capsys.readouterr().err
    assert not out.exists()


def _two(first: InternalDebrief, second: InternalDebrief) -> InternalReport:
    base = _small_internal()
    body = dataclasses.replace(base.body, debriefs=(first, second))
    return dataclasses.replace(base, body=body)


@pytest.mark.parametrize(("language", "word"), [("en", "DRAFT"), ("nl", "CONCEPT")])
def test_every_page_a_draft_is_on_says_draft(language: str, word: str) -> None:
    done = _small_internal().body.debriefs[0]
    long = " ".join(f"Zin{n} over het pand." for n in range(1, 700))
    approved = dataclasses.replace(done, narrative="FINISHED " + long)
    draft = dataclasses.replace(done, status="draft", narrative="UNFINISHED " + long)
    report = _two(approved, draft)
    report = dataclasses.replace(report, stamp=dataclasses.replace(report.stamp, language=language))
    pages = [" ".join(p.split()) for p in pages_text(render(report).data)]
    start = next(n for n, p in enumerate(pages) if "UNFINISHED" in p)
    assert start >= 2  # the approved debrief fills a page of its own before it
    assert all(word not in p for p in pages[1 : start - 1])  # only the approved one there
    assert len(pages) - start >= 3  # the draft's narrative goes on over pages
    for number, page in enumerate(pages[start:-1], start=start + 1):
        assert word in page, f"page {number}"  # not only the page with its heading


@pytest.mark.parametrize(
    ("language", "short", "axis"),
    [
        ("en", "3x5x2 not graded yet", "Source evaluation: not graded yet"),
        ("nl", "3x5x2 nog niet gewaardeerd", "Bronwaardering: nog niet gewaardeerd"),
    ],
)
def test_an_ungraded_item_of_a_draft_says_it_is_not_graded_yet(
    language: str, short: str, axis: str
) -> None:
    base = _small_internal()
    ungraded = GradingLine("3x5x2", "3x5x2 ?/?", "", "", "", "", "", "", "")
    done = base.body.debriefs[0]
    item = dataclasses.replace(done.items[0], grading=ungraded, shareable=False)
    draft = dataclasses.replace(done, status="draft", items=(item,))
    report = InternalReport(
        dataclasses.replace(base.stamp, language=language),
        dataclasses.replace(base.body, debriefs=(draft,)),
    )
    text = " ".join(" ".join(pages_text(render(report).data)).split())
    assert short in text
    assert axis in text
    assert "?" not in text


def test_a_sanitised_report_refuses_include_drafts_in_one_line(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = report(root, tmp_path, "--source", "ONYX", "--include-drafts")
    args[args.index("internal")] = "sanitised"
    assert main(args) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "--include-drafts is for internal reports" in err[0]


def test_the_drafts_left_out_are_counted_however_many_a_report_could_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More drafts than a report covers are counted all the same (by the database),
    not cut off where a list of debriefs would be."""
    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        valk = aliases.resolve_scope(vault, "Valk")
        onyx = factory.source(vault, valk, "ONYX")
        for n in range(4):
            factory.debrief(vault, valk, onyx, narrative=f"{DRAFT} {n}")
        monkeypatch.setattr(reading, "MAX_DEBRIEFS", 2)
        assert reports.drafts_in(vault, valk, Selection(source_id=onyx)) == 4
