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
            select(AuditEvent.detail).where(AuditEvent.action == "report.saved")
        ).scalar_one()
    assert str(out) not in saved  # the audit keeps the hash, not the path


def test_the_handler_report_is_issued_registered_and_verified(
    demo_vault: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issued as the debrief reports are: the unencrypted warning, an id and the
    printer reference on every page, the integrity block, the id in the
    metadata, a register entry that ``report verify`` confirms, an altered copy
    refused."""
    from app.models.reports import IssuedReport
    from app.reports import raster
    from tests.test_report_support import pages_text

    root, passfile, names = demo_vault
    out = tmp_path / "mi.pdf"
    done = run(capsys, *_args(root, passfile, "Havik"), "--language", "en",
               "--marking", "STG. GEHEIM", "--out", str(out))  # fmt: skip
    assert done.code == 0, done.err
    assert "UNENCRYPTED PDF (STG. GEHEIM)" in done.err
    assert " management " in done.out
    assert "debrief" not in done.out
    data = out.read_bytes()
    with Vault.open(root, factory.PASSPHRASE) as vault, vault.read() as session:
        row = session.execute(select(IssuedReport)).scalar_one()
        assert (row.kind.value, row.marking, row.printed_by) == (
            "management",
            "STG. GEHEIM",
            "Havik",
        )
        assert (row.period_from, row.period_to) == (date(YEAR - 2, 1, 1), date(YEAR, 12, 31))
    report_id = str(row.id)
    assert str(row.id) in done.out
    assert raster.metadata(data)["Keywords"] == f"veldboek-report-id:{report_id}"
    pages = pages_text(data)
    assert all(f"Report {report_id}" in p and "STG. GEHEIM" in p for p in pages)
    assert all("Printed on" in p and "(a handler of the unit;" in p for p in pages)
    last = " ".join(pages[-1].split())
    assert "Document integrity" in last
    assert row.content_sha256[:8] in last
    assert "veldboek report verify FILE" in last
    for page in pages:  # the printer is a reference: the report still names nobody
        assert [n for n in names if n.lower() in page.lower()] == []

    verify = [
        "report",
        "verify",
        str(out),
        "--vault",
        str(root),
        "--passphrase-file",
        str(passfile),
    ]
    done = run(capsys, *verify)
    assert done.code == 0, done.out
    assert done.out.startswith(f"VERIFIED: this vault issued this management report {report_id}")
    assert "printed by Havik (printer reference PR-" in done.out
    altered = tmp_path / "altered.pdf"
    changed = bytearray(data)
    changed[changed.index(b"stream") + 100] ^= 1
    altered.write_bytes(bytes(changed))
    verify[2] = str(altered)
    done = run(capsys, *verify)
    assert done.code == 1
    assert "NOT VERIFIED" in done.out
    assert report_id in done.out


def test_the_json_and_the_pdf_together_keep_standard_output_for_the_json(
    demo_vault: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, passfile, _names = demo_vault
    done = run(capsys, *_args(root, passfile, "Havik"), "--out", str(tmp_path / "mi.pdf"),
               "--json")  # fmt: skip
    assert done.code == 0, done.err
    assert json.loads(done.out)["origin"] == "vault"
    assert "UNENCRYPTED" in done.err
    assert " management " in done.err


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
