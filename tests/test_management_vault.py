"""``veldboek report management``: a handler's own team's figures from its vault,
the same model and renderer as the central system's; nothing that names a
source or an alias in the PDF or the JSON (issue 20, points 4 and 6)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Alias, AuditEvent, Source
from app.services.demo_data import generator as demo
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.central import run
from tests.helpers.pdf_text import pdf_text

YEAR = date.today().year


@pytest.fixture
def demo_vault(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A demo vault (runners Valk, Reiger, Uil; handler Havik), its passphrase
    file, and every alias and codename in it."""
    root = factory.make_vault(tmp_path / "demo")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        demo.generate(vault, sources=8, debriefs=80, today=None)
        with vault.read() as session:
            names = list(session.execute(select(Alias.name)).scalars())
            names += session.execute(select(Source.codename)).scalars()
    passfile = tmp_path / "pass"
    passfile.write_text(factory.PASSPHRASE)
    return root, passfile, names


def _args(root: Path, passfile: Path, alias: str) -> list[str]:
    return ["report", "management", "--vault", str(root), "--passphrase-file", str(passfile),
            "--alias", alias, "--from", f"{YEAR - 2}-01-01", "--to", f"{YEAR}-12-31"]  # fmt: skip


def test_the_handler_report_names_nobody(
    demo_vault: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, passfile, names = demo_vault
    assert len(names) > 12
    out = tmp_path / "mi.pdf"
    done = run(capsys, *_args(root, passfile, "Havik"), "--language", "nl", "--out", str(out),
               "--json")  # fmt: skip
    assert done.code == 0, done.err
    report = json.loads(done.out)
    assert report["origin"] == "vault"
    assert report["rows"] == ["this vault"]
    assert report["deconfliction_matches"] is None
    # The demo's grading: 3x5x2 items, counted and (where small) hidden.
    assert "3x5x2" in report["grading"]
    text = pdf_text(out.read_bytes())
    assert "Managementinformatie" in text
    assert "Deze kluis" in text
    # What a vault holds of matches: central's notices, not counted here.
    flat = " ".join(text.split())
    assert "Een kluis bewaart alleen de meldingen" in flat
    assert "heeft ze niet" not in flat
    for blob in (done.out.lower(), text.lower()):
        assert [n for n in names if n.lower() in blob] == []
    with Vault.open(root, factory.PASSPHRASE) as vault, vault.read() as session:
        saved = session.execute(
            select(AuditEvent.detail).where(AuditEvent.action == "report.management_saved")
        ).scalar_one()
    assert str(out) not in saved  # the audit keeps the period and hash, not the path


def test_a_runner_is_not_given_team_figures(
    demo_vault: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, passfile, _names = demo_vault
    done = run(capsys, *_args(root, passfile, "Valk"), "--json")
    assert done.code != 0
    assert done.out == ""
    assert "handler" in done.err
    assert len(done.err.strip().splitlines()) == 1


def test_the_pdf_never_goes_into_the_vault_folder(
    demo_vault: tuple[Path, Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, passfile, _names = demo_vault
    done = run(capsys, *_args(root, passfile, "Havik"), "--out", str(root / "mi.pdf"))
    assert done.code != 0
    assert not (root / "mi.pdf").exists()
