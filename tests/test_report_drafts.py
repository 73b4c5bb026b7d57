"""An internal report of a source leaves its drafts out (unfinished, perhaps
ungraded: `?/?`) unless asked for them, and says which it did; asked for, each
draft is marked DRAFT in it. The command line here, the app in
tests/ui/test_report_drafts_gui.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.services.admin import aliases
from app.vault.vault import Vault
from tests.helpers import factory
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


def test_a_source_with_drafts_only_is_refused_saying_why(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kiezel.pdf"
    assert main(report(root, tmp_path, "--source", "KIEZEL", "--out", str(out))) != 0
    assert "Only drafts match that choice" in capsys.readouterr().err
    assert not out.exists()
