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


def _paid_vault(tmp_path: Path) -> Path:
    """Valk's sources, shared with handler Havik. November: 5 sources paid €100
    each in euros and one of them €1,234,567.89 more; December: 5 sources €100
    each; November, other currencies: 7 sources, one payment each, each in its
    own currency."""
    from app.domain.enums import PaymentKind, Role
    from app.services.admin import aliases
    from app.services.records import sources, tasking

    root = factory.make_vault(tmp_path / "paid")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        aliases.add_alias(vault, "Havik", role=Role.HANDLER, can_act=True)
        valk, havik = aliases.resolve_scope(vault, "Valk"), aliases.resolve_scope(vault, "Havik")
        kraai = aliases.add_alias(vault, "Kraai", role=None, can_act=False)  # the witness

        def pay(n: int, cents: int, day: date, currency: str = "EUR") -> None:
            tasking.record_payment(
                vault, valk, ids[n], kind=PaymentKind.REWARD, amount_cents=cents,
                reason="Reward", occurred_on=day, witness_alias_id=kraai, currency=currency,
            )  # fmt: skip

        ids = [
            sources.create_source(
                vault, valk, sources.SourceDraft(codename=f"BRON{n}"), share_with=(havik.alias_id,)
            )
            for n in range(7)
        ]
        for n in range(5):
            pay(n, 10_000, date(YEAR, 11, 3))
            pay(n, 10_000, date(YEAR, 12, 3))
        pay(0, 123_456_789, date(YEAR, 11, 20))
        for n, currency in enumerate(("USD", "GBP", "CHF", "SEK", "NOK", "DKK", "JPY")):
            pay(n, 5_000, date(YEAR, 11, 4), currency)
    return root


def test_a_sum_one_source_dominates_is_withheld_never_printed_as_small(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _paid_vault(tmp_path)
    passfile = tmp_path / "pass"
    passfile.write_text(factory.PASSPHRASE)
    args = ["report", "management", "--vault", str(root), "--passphrase-file", str(passfile),
            "--alias", "Havik", "--from", f"{YEAR}-10-01", "--to", f"{YEAR}-12-31"]  # fmt: skip
    done = run(capsys, *args, "--json")
    assert done.code == 0, done.err
    payments = json.loads(done.out)["payments"]
    eur = payments["EUR"]["amount_cents"]["rows"][0]
    # October: nothing paid, a sum withheld ("×"), not "< 5" (read as "under €5").
    # November: 6 payments to 5 sources, but 99.9% of it to one: withheld, count too.
    # December: 5 × €100 to 5 sources: shown.
    assert eur["cells"] == {
        f"{YEAR}-10": "withheld",
        f"{YEAR}-11": "withheld",
        f"{YEAR}-12": 50_000,
    }
    assert eur["total"] == "withheld"  # also dominated by that one payment
    counts = payments["EUR"]["payments"]["rows"][0]["cells"]
    assert counts == {f"{YEAR}-10": "< 5", f"{YEAR}-11": "withheld", f"{YEAR}-12": 5}
    # Seven payments to seven sources in seven currencies, November alone (a
    # month beside it with none would be a "< 5" its total gives away): 7
    # sources, counted once over the currencies, not "fewer than 5" in each.
    november = [*args[:-4], "--from", f"{YEAR}-11-01", "--to", f"{YEAR}-11-30", "--json"]
    done = run(capsys, *november)
    other = json.loads(done.out)["payments"]["other"]
    assert other["payments"]["rows"][0]["cells"] == {f"{YEAR}-11": 7}
    assert other["amount_cents"]["rows"][0]["cells"] == {f"{YEAR}-11": "withheld"}

    out = tmp_path / "mi.pdf"
    assert run(capsys, *args, "--language", "en", "--out", str(out)).code == 0
    text = " ".join(pdf_text(out.read_bytes()).split())
    amounts = text[text.index("Amount paid Team") : text.index("Payments per month (other")]
    assert "×" in amounts
    assert "< 5" not in amounts  # neither in the table nor on the chart's bars
