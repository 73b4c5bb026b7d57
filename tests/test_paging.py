"""Keyset paging never drops or repeats a row (issue 15, point 4).

The keyset cursor used to be bound as SQLAlchemy's default rendering of a datetime
(``2026-03-04 10:00:00``) and compared with the stored UTCDateTime text
(``2026-03-04T10:00:00.000000Z``): ``T`` sorts after the space, so every page after
the first skipped the rest of its cursor's day (1,991 of 2,000 debriefs listed).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import literal, select, text, tuple_, update
from sqlalchemy.exc import StatementError

from app.cli import main as cli_main
from app.domain.scope import Scope
from app.models import Debrief, Source
from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.services.records import debriefs, search
from app.services.records.debriefs import DebriefContent
from app.ui.packages.log_tab import LogTab
from app.ui.pages import search as search_page
from app.ui.pages.audit import AuditPage
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.search import SearchPage
from app.ui.session import AppSession
from app.ui.workers import TaskRunner
from app.vault import audit_chain
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.paging import Expected, log_entry, scroll_to_end, times_bound_as_stored

DAY = datetime(2026, 3, 4, tzinfo=UTC)
MIDNIGHT = datetime(2026, 3, 5, tzinfo=UTC)
ZERO = uuid.UUID(int=0)


def _one_day_of_debriefs(vault: Vault, scope: Scope, n: int = 30) -> list[uuid.UUID]:
    """``n`` debriefs written on one day, newest first as the lists show them."""
    sid = factory.source(vault, scope)
    ids = [debriefs.create_draft(vault, scope, sid) for _ in range(n)]
    with vault.write() as session:
        for k, debrief_id in enumerate(ids):
            session.execute(
                update(Debrief)
                .where(Debrief.id == debrief_id)
                .values(created_at=DAY + timedelta(minutes=37 * k))
            )
    return ids[::-1]


def test_paging_one_day_of_debriefs_lists_every_one(vault: Vault, runner: Scope) -> None:
    newest_first = _one_day_of_debriefs(vault, runner)
    rows: list[uuid.UUID] = []
    ids: list[uuid.UUID] = []
    row_cursor = id_cursor = None
    for _ in range(len(newest_first)):
        page = debriefs.list_debriefs(vault, runner, after=row_cursor, limit=5)
        rows += [r.id for r in page.rows]
        row_cursor = page.cursor
        id_page = debriefs.debrief_id_page(vault, runner, after=id_cursor, limit=5)
        ids += id_page.ids
        id_cursor = id_page.cursor
        if not page.has_more and not id_page.has_more:
            break
    assert rows == newest_first
    assert ids == newest_first


def test_the_debrief_list_page_scrolls_through_one_day(
    qtbot: QtBot, vault: Vault, runner: Scope
) -> None:
    newest_first = _one_day_of_debriefs(vault, runner)
    page = DebriefsPage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    page.model.ID_PAGE = 5
    page.reload()
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert [page.model.id_at(r) for r in range(page.model.rowCount())] == newest_first


def test_cli_list_debriefs_pages_through_one_day(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        newest_first = _one_day_of_debriefs(vault, aliases.resolve_scope(vault, factory.RUNNER))
    monkeypatch.setattr(debriefs, "PAGE_SIZE", 5)  # the CLI asks for pages of this size
    pp = vault_dir.parent / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main(
            [
                *("list", "debriefs", "--vault", str(vault_dir), "--passphrase-file", str(pp)),
                *("--alias", factory.RUNNER, "--limit", "5000", "--json"),
            ]
        )
    assert code == 0
    assert [uuid.UUID(r["id"]) for r in json.loads(out.getvalue())] == newest_first


# -- the comparison cannot come back ------------------------------------------------


def test_the_engine_refuses_a_time_bound_without_its_column_type(
    vault: Vault, runner: Scope
) -> None:
    _one_day_of_debriefs(vault, runner, n=3)
    moment = DAY + timedelta(minutes=30)
    untyped = [
        select(Debrief.id).where(tuple_(Debrief.created_at, Debrief.id) < tuple_(moment, ZERO)),
        select(Debrief.id).where(Debrief.created_at < literal(moment)),
    ]
    with vault.read() as session:
        for query in untyped:
            with pytest.raises(StatementError, match="without its column's type"):
                session.execute(query).all()
        with pytest.raises(TypeError, match="without its column's type"):
            session.connection().exec_driver_sql(
                "SELECT id FROM debrief WHERE created_at < ?", (moment,)
            ).all()
        # Typed like the column, the same moment compares as the stored times do.
        typed = select(Debrief.id).where(
            Debrief.created_at < literal(moment, type_=Debrief.created_at.type)
        )
        assert len(session.execute(typed).all()) == 1  # of 00:00, 00:37 and 01:14


def test_the_watch_sees_a_time_bound_in_the_default_form(vault: Vault) -> None:
    """The property test's watch would catch a cursor bound as the old code did."""
    with times_bound_as_stored() as wrong, vault.read() as session:
        session.execute(
            text("SELECT id FROM debrief WHERE created_at < :t"), {"t": "2026-03-05 00:00:00"}
        ).all()
    assert len(wrong) == 1


APP = Path(__file__).resolve().parent.parent / "app"
KEYSET = APP / "dal" / "keyset.py"


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) == name or getattr(node.func, "attr", None) == name)
    ]


def test_keyset_comparisons_are_built_in_one_place() -> None:
    """Row-value comparisons only in app.dal.keyset; bound literals carry a type."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path != KEYSET:
            found += [f"{path.name}:{c.lineno} tuple_" for c in _calls(tree, "tuple_")]
        for name in ("literal", "bindparam"):
            found += [
                f"{path.name}:{c.lineno} {name} without type_"
                for c in _calls(tree, name)
                if not any(k.arg == "type_" for k in c.keywords)
            ]
    assert found == []


# -- the command line on a demo vault, against processes -----------------------------

DEMO_DEBRIEFS = 2000
LOG_ENTRIES = 620  # more than one page of the package log


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The issue's demo vault (2,000 debriefs), with ties added: 300 debriefs at the
    identical microsecond, 300 a microsecond apart across midnight, and a package
    log longer than a page with entries processed at the same moment."""
    tmp = tmp_path_factory.mktemp("paging-cli")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VELDBOEK_HOME", str(tmp / "home"))
        root = factory.make_vault(tmp / "vault")
        with Vault.open(root, factory.PASSPHRASE) as vault:
            demo.generate(vault, sources=40, debriefs=DEMO_DEBRIEFS, seed=15)
            with vault.write() as session:
                ids = session.execute(select(Debrief.id).order_by(Debrief.id)).scalars().all()
                for n, debrief_id in enumerate(ids[:600]):
                    when = MIDNIGHT if n < 300 else MIDNIGHT + timedelta(microseconds=n - 450)
                    session.execute(
                        update(Debrief).where(Debrief.id == debrief_id).values(created_at=when)
                    )
                for n in range(LOG_ENTRIES):
                    when = MIDNIGHT + timedelta(seconds=n // 7)  # seven at each moment
                    session.add(log_entry(n, when))
    (tmp / "pp").write_text(factory.PASSPHRASE + "\n")
    return root


def _cli(root: Path, *args: str) -> Any:
    vault = ("--vault", str(root), "--passphrase-file", str(root.parent / "pp"))
    done = subprocess.run(
        [sys.executable, "-m", "app", *args, *vault, "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _expected(root: Path, alias: str) -> tuple[Expected, dict[str, uuid.UUID]]:
    with Vault.open(root, factory.PASSPHRASE) as vault:
        want = Expected(vault, aliases.resolve_scope(vault, alias))
        with vault.read() as session:
            codenames = {c: i for c, i in session.execute(select(Source.codename, Source.id))}
    return want, codenames


@pytest.mark.parametrize(
    ("alias", "limit"),
    [("Havik", 5000), ("Havik", 201), ("Havik", 1999), ("Valk", 5000)],
)
def test_cli_lists_every_debrief_once_in_order(seeded: Path, alias: str, limit: int) -> None:
    want, _ = _expected(seeded, alias)
    if alias == "Havik":  # the demo handler sees every file
        assert len(want.debriefs) == DEMO_DEBRIEFS
    out = _cli(seeded, "list", "debriefs", "--alias", alias, "--limit", str(limit))
    assert [uuid.UUID(r["id"]) for r in out] == want.debriefs[:limit]


def test_cli_lists_one_sources_debriefs_and_the_sources(seeded: Path) -> None:
    want, codenames = _expected(seeded, "Valk")
    codename = max(want.codenames, key=lambda c: len(want.by_source[codenames[c]]))
    out = _cli(seeded, "list", "debriefs", "--alias", "Valk", "--source", codename)
    assert [uuid.UUID(r["id"]) for r in out] == want.by_source[codenames[codename]]
    out = _cli(seeded, "list", "sources", "--alias", "Valk")
    assert [s["codename"] for s in out] == want.codenames


def test_cli_package_log_shows_the_whole_log_once_in_order(seeded: Path) -> None:
    want, _ = _expected(seeded, "Havik")
    assert len(want.log) == LOG_ENTRIES
    out = _cli(seeded, "package", "log")
    assert [uuid.UUID(e["package_id"]) for e in out["entries"]] == want.log


def test_cli_search_shows_the_newest_hits_once(seeded: Path) -> None:
    with Vault.open(seeded, factory.PASSPHRASE) as vault:
        every = search.search(vault, aliases.resolve_scope(vault, "Havik"), "cash", limit=10_000)
    assert len(every) > 200
    ids = [str(h.ref_id) for h in every]
    assert len(set(ids)) == len(ids)
    for limit in (7, 10_000):
        out = _cli(seeded, "search", "cash", "--alias", "Havik", "--limit", str(limit))
        assert [h["ref_id"] for h in out] == ids[:limit]


# -- the screens show a whole long log ---------------------------------------------


def test_the_audit_and_package_logs_show_every_entry_after_scrolling(
    qtbot: QtBot, vault: Vault, runner: Scope
) -> None:
    """Both logs used to show their newest 500 entries and nothing older."""
    sid = factory.source(vault, runner)
    with vault.write() as session:
        comp = session.get(Source, sid).compartment_id  # type: ignore[union-attr]
        for n in range(560):
            audit_chain.append(session, runner.actor, "debrief.viewed", compartment_id=comp)
            if n < 530:
                session.add(log_entry(n, MIDNIGHT + timedelta(seconds=n // 3)))
    want = Expected(vault, runner)
    assert len(want.events) > 560
    assert len(want.log) == 530
    app_session = AppSession(vault, runner)
    audit_page = AuditPage(app_session, TaskRunner())
    log_tab = LogTab(app_session)
    for widget in (audit_page, log_tab):
        qtbot.addWidget(widget)
        widget.resize(600, 400)
        widget.show()
    audit_page.reload()
    scroll_to_end(audit_page.table)
    rows = audit_page.model.rowCount()
    assert [audit_page.model.row_at(r).seq for r in range(rows)] == want.events  # type: ignore[union-attr]
    log_tab.reload()
    scroll_to_end(log_tab.table.view)
    rows = log_tab.model.rowCount()
    assert [log_tab.model.row_at(r).package_id for r in range(rows)] == want.log  # type: ignore[union-attr]


def test_search_says_there_are_more_only_when_there_are(
    qtbot: QtBot, vault: Vault, runner: Scope, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_page, "RESULT_LIMIT", 3)
    sid = factory.source(vault, runner)
    page = SearchPage(AppSession(vault, runner), TaskRunner())
    qtbot.addWidget(page)
    for n in range(4):
        debrief_id = debriefs.create_draft(vault, runner, sid)
        debriefs.save_draft(vault, runner, debrief_id, DebriefContent(narrative=f"kraan {n}"))
        page.query.clear()
        qtbot.keyClicks(page.query, "kraan")
        qtbot.keyClick(page.query, Qt.Key.Key_Return)
        assert page.model.rowCount() == min(n + 1, 3)
        if n < 3:  # three results or fewer: all of them, and no word of more
            # No translator installed here: Qt's source text, its %n filled in.
            assert page.status.text() == f"{n + 1} result(s) in your files"
        else:
            assert page.status.text().startswith("The first 3 results in your files")
