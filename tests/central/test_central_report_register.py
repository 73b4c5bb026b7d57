"""Central's management report is issued and verifiable, as a vault's reports
are: a random id on every page and in the keywords, the integrity block last, a
row in the append-only register ``central.issued_reports`` (c0020) that staff
cannot read, and ``veldboek central report verify`` that tells a genuine file
from an altered one, another system's report, or no report at all."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.central import access, management, report_register
from app.central.place import Place
from app.central.schema import migrate
from app.central.store import Store
from app.domain.enums import Role
from app.reports import management_render, management_view, raster
from app.services.reports import management as reports_management
from tests.helpers import factory
from tests.helpers.central import run
from tests.helpers.management_store import SECRETS, Debrief, Team, fill
from tests.test_report_support import pages_text

FROM, TO = "2026-04-01", "2026-05-31"
G = ("3x5x2", "1", "A", "P")


@pytest.fixture
def filled(central_place: Place) -> Iterator[Store]:
    noord = Team("Noord", "KWARTSNOORD", "Runner Valkenier")
    noord.debriefs += [Debrief("approved", "2026-04-02", "2026-04-14", "2026-04-01", (G,))] * 7
    noord.sources = [("informant", "active")] * 6
    zuid = Team("Zuid", "ROBIJNZUID", "Runner Uiltje")
    zuid.debriefs += [Debrief("submitted", "2026-04-20", None, "2026-04-19")] * 3
    zuid.sources = [("informant", "active")] * 2
    store = Store(central_place)
    with store.begin() as conn:
        fill(conn, [noord, zuid])
        access.grant(conn, team="Noord", user="anna", by="test")
    yield store
    store.close()


def _db(place: Place) -> tuple[str, str]:
    assert place.url is not None
    return ("--db", place.url)


def _issue(capsys: pytest.CaptureFixture[str], place: Place, out: Path, *extra: str) -> Any:
    done = run(capsys, "central", "report", "management", *_db(place), "--from", FROM,
               "--to", TO, "--out", str(out), *extra)  # fmt: skip
    assert done.code == 0, done.err
    return done


def _verify(capsys: pytest.CaptureFixture[str], place: Place, pdf: Path, *extra: str) -> Any:
    return run(capsys, "central", "report", "verify", str(pdf), *_db(place), *extra)


def _rows(store: Store) -> list[Any]:
    with store.connect() as conn:
        return list(conn.execute(text("SELECT * FROM central.issued_reports")).mappings())


def test_an_issued_report_is_registered_and_verified_as_genuine(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "mi.pdf"
    done = _issue(capsys, central_place, out, "--team", "noord", "--user", "anna",
                  "--reason", "kwartaalcijfers", "--language", "nl")  # fmt: skip
    assert "UNENCRYPTED PDF (STG. CONFIDENTIEEL)" in done.err
    [row] = _rows(filled)
    data = out.read_bytes()
    report_id = str(row["id"])
    assert uuid.UUID(report_id).version == 4
    assert report_id in done.out
    assert (row["issued_by"], row["team"], row["teams"], row["reason"]) == (
        "anna", "Noord", ["Noord"], "kwartaalcijfers",
    )  # fmt: skip
    assert (row["period_from"], row["period_to"]) == (date(2026, 4, 1), date(2026, 5, 31))
    assert row["pdf_sha256"] == hashlib.sha256(data).hexdigest()
    # The id on every page and in the keywords; the integrity block on the last page.
    assert raster.metadata(data)["Keywords"] == f"veldboek-report-id:{report_id}"
    pages = pages_text(data)
    assert all(report_id in p and row["printer_reference"] in p for p in pages)
    last = " ".join(pages[-1].split())
    assert "Integriteit van het document" in last
    assert "veldboek central report verify FILE" in last
    assert report_register.printed_hash(data) == row["content_sha256"]
    for page in pages:  # the printer is a reference: the report still names nobody
        assert [s for s in (*SECRETS, "anna") if s.lower() in page.lower()] == []
    with filled.connect() as conn:
        logged = conn.execute(
            text("SELECT who, what, why, team FROM central.access_log WHERE id = :i"),
            {"i": row["access_log_id"]},
        ).one()
    assert tuple(logged) == (
        "anna",
        f"issue report {report_id} management {FROM}..{TO}: "
        f"content {row['content_sha256']} pdf {row['pdf_sha256']}",
        "kwartaalcijfers",
        "Noord",
    )

    checked = _verify(capsys, central_place, out)
    assert checked.code == 0, checked.out + checked.err
    assert checked.out.startswith(f"GENUINE: this central system issued this management "
                                  f"report {report_id} on ")  # fmt: skip
    assert "by anna" in checked.out
    assert f"for the period {FROM} to {TO}, team Noord" in checked.out
    shown = json.loads(_verify(capsys, central_place, out, "--json").out)
    assert (shown["ok"], shown["result"], shown["issued"]["by"]) == (True, "genuine", "anna")
    assert shown["issued"]["reason"] == "kwartaalcijfers"


def test_the_administrators_report_names_every_team_read_and_json_alone_issues_nothing(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    only_json = run(capsys, "central", "report", "management", *_db(central_place),
                    "--from", FROM, "--to", TO, "--json")  # fmt: skip
    assert only_json.code == 0, only_json.err
    assert _rows(filled) == []
    out = tmp_path / "mi.pdf"
    _issue(capsys, central_place, out, "--language", "en")
    [row] = _rows(filled)
    assert (row["issued_by"], row["team"], row["teams"]) == ("administrator", "", ["Noord", "Zuid"])
    checked = _verify(capsys, central_place, out)
    assert checked.code == 0, checked.out
    assert "by administrator" in checked.out
    assert "every team read (Noord, Zuid)" in checked.out


def test_an_altered_pdf_is_refused_as_altered(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "mi.pdf"
    _issue(capsys, central_place, out, "--language", "en")
    data = out.read_bytes()
    [row] = _rows(filled)
    # A byte of the pages' content changed; the printed hash left as it was.
    changed = bytearray(data)
    changed[changed.index(b"stream") + 100] ^= 1
    (tmp_path / "bytes.pdf").write_bytes(bytes(changed))
    # Other figures laid out under the same id and stamp: a new hash printed too.
    figures = management.figures(filled, first=date(2026, 4, 1), last=date(2026, 4, 30))
    stamp = management_view.ManagementStamp(
        str(row["id"]), row["marking"], row["printer_reference"], row["issued_at"], "en"
    )
    other = management_render.render_issued(management_view.view(figures), stamp, central=True)
    assert other.content_sha256 != row["content_sha256"]
    (tmp_path / "content.pdf").write_bytes(other.data)
    for name in ("bytes.pdf", "content.pdf"):
        checked = _verify(capsys, central_place, tmp_path / name)
        assert checked.code == 1, name
        assert checked.out.startswith(f"ALTERED: this central system issued report {row['id']}")
    shown = json.loads(_verify(capsys, central_place, tmp_path / "content.pdf", "--json").out)
    assert (shown["ok"], shown["result"]) == (False, "altered")
    assert shown["printed_content_sha256"] == other.content_sha256
    assert shown["issued"]["content_sha256"] == row["content_sha256"]


def test_a_register_row_the_access_log_does_not_vouch_for_is_not_genuine(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A row written into the register by hand (the file's own hashes, an entry of
    the log that is not the issue's) is not taken for an issue."""
    out = tmp_path / "mi.pdf"
    _issue(capsys, central_place, out, "--language", "en")
    [row] = _rows(filled)
    forged = dict(row, id=uuid.uuid4(), printer_reference="PR-AAAA-AAAA", pdf_sha256="0" * 64)
    forged["access_log_id"] = row["access_log_id"] - 1
    with filled.begin() as conn:
        columns = ", ".join(forged)
        conn.execute(
            text(f"INSERT INTO central.issued_reports ({columns}) VALUES "
                 f"({', '.join(':' + c for c in forged)})"),
            forged,
        )  # fmt: skip
    figures = management.figures(filled, first=date(2026, 4, 1), last=date(2026, 5, 31))
    stamp = management_view.ManagementStamp(
        str(forged["id"]), row["marking"], "PR-AAAA-AAAA", row["issued_at"], "en"
    )
    made = management_render.render_issued(management_view.view(figures), stamp, central=True)
    with filled.begin() as conn:  # its hashes put right by someone holding the database
        conn.execute(text("ALTER TABLE central.issued_reports DISABLE TRIGGER USER"))
        conn.execute(
            text("UPDATE central.issued_reports SET pdf_sha256 = :p, content_sha256 = :c "
                 "WHERE id = :i"),
            {"p": hashlib.sha256(made.data).hexdigest(), "c": made.content_sha256,
             "i": forged["id"]},
        )  # fmt: skip
        conn.execute(text("ALTER TABLE central.issued_reports ENABLE TRIGGER USER"))
    (tmp_path / "forged.pdf").write_bytes(made.data)
    checked = _verify(capsys, central_place, tmp_path / "forged.pdf")
    assert checked.code == 1
    assert checked.out.startswith("NOT VERIFIED:")
    assert "does not match the access log" in checked.out


def test_the_issued_file_under_a_row_changed_since_names_the_register_not_the_file(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The file's bytes are the ones issued; the row's content hash was changed
    since (by someone holding the database): the register is what differs from the
    access log, and is said to, not the file."""
    out = tmp_path / "mi.pdf"
    _issue(capsys, central_place, out, "--language", "en")
    [row] = _rows(filled)
    with filled.begin() as conn:
        conn.execute(text("ALTER TABLE central.issued_reports DISABLE TRIGGER USER"))
        conn.execute(
            text("UPDATE central.issued_reports SET content_sha256 = :c WHERE id = :i"),
            {"c": "0" * 64, "i": row["id"]},
        )
        conn.execute(text("ALTER TABLE central.issued_reports ENABLE TRIGGER USER"))
    checked = _verify(capsys, central_place, out)
    assert checked.code == 1
    assert checked.out.startswith(f"NOT VERIFIED: report {row['id']} is in the register")
    shown = json.loads(_verify(capsys, central_place, out, "--json").out)
    assert (shown["ok"], shown["log_consistent"]) == (False, False)
    assert shown["printed_content_sha256"] == row["content_sha256"]  # as issued


def test_a_vaults_report_is_an_unknown_id_and_a_plain_pdf_no_report(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    vault = factory.make_vault(tmp_path / "vault", alias="Havik", role=Role.HANDLER)
    passfile = tmp_path / "pass"
    passfile.write_text(factory.PASSPHRASE)
    from_vault = tmp_path / "vault-mi.pdf"
    made = run(capsys, "report", "management", "--vault", str(vault), "--passphrase-file",
               str(passfile), "--alias", "Havik", "--from", FROM, "--to", TO,
               "--out", str(from_vault))  # fmt: skip
    assert made.code == 0, made.err
    checked = _verify(capsys, central_place, from_vault)
    assert checked.code == 1
    assert checked.out.startswith("UNKNOWN ID: this central system did not issue report")
    figures = management.figures(filled, first=date(2026, 4, 1), last=date(2026, 5, 31))
    plain = tmp_path / "plain.pdf"  # figures laid out unissued: no report id
    plain.write_bytes(reports_management.pdf(figures, language="en"))
    text_file = tmp_path / "notes.pdf"
    text_file.write_text("not a PDF at all")
    for path in (plain, text_file):
        checked = _verify(capsys, central_place, path)
        assert checked.code == 1
        assert checked.out.startswith("NOT A VELDBOEK REPORT")
    with filled.connect() as conn:
        logged = conn.execute(
            text("SELECT what FROM central.access_log WHERE what LIKE 'verify report %'")
        ).scalars().all()  # fmt: skip
    assert len(logged) == 1  # the one look-up in the register
    assert logged[0].endswith(": unknown id")


def _count_as_anna(store: Store) -> int:
    with store.begin() as conn:
        access.become(conn, "anna")
        return int(conn.execute(text("SELECT count(*) FROM central.issued_reports")).scalar_one())


def test_staff_cannot_read_the_register(
    filled: Store, central_place: Place, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _issue(capsys, central_place, tmp_path / "mi.pdf", "--user", "anna", "--team", "Noord")
    assert len(_rows(filled)) == 1
    with pytest.raises(DBAPIError) as refused:
        _count_as_anna(filled)
    assert "permission denied" in str(refused.value)
    # Given the right by hand, row-level security (no policy) still shows nothing.
    with filled.begin() as conn:
        conn.execute(text("GRANT SELECT ON central.issued_reports TO anna"))
    assert _count_as_anna(filled) == 0


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE central.issued_reports SET issued_by = 'bert'",
        "DELETE FROM central.issued_reports",
        "TRUNCATE central.issued_reports",
    ],
)
def test_the_register_is_append_only(
    filled: Store,
    central_place: Place,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    statement: str,
) -> None:
    _issue(capsys, central_place, tmp_path / "mi.pdf")
    before = _rows(filled)
    with pytest.raises(DBAPIError) as refused, filled.begin() as conn:
        conn.execute(text(statement))
    assert "central.issued_reports is append-only" in str(refused.value)
    assert _rows(filled) == before


def test_c0020_walks_down_and_up(central_place: Place) -> None:
    store = Store(central_place)

    def has_register() -> bool:
        with store.connect() as conn:
            return bool(conn.execute(text(
                "SELECT to_regclass('central.issued_reports') IS NOT NULL"
            )).scalar_one())  # fmt: skip

    try:
        assert has_register()
        migrate.downgrade(store.engine, "c0019_tokens_withdrawn")
        assert not has_register()
        migrate.upgrade(store.engine)
        assert has_register()
        with store.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
            secured = conn.execute(text(
                "SELECT relrowsecurity FROM pg_class WHERE oid = 'central.issued_reports'::regclass"
            )).scalar_one()  # fmt: skip
            policies = conn.execute(text(
                "SELECT count(*) FROM pg_policies WHERE tablename = 'issued_reports'"
            )).scalar_one()  # fmt: skip
        assert (secured, policies) == (True, 0)
    finally:
        store.close()
