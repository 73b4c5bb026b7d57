"""Item models pass Qt's own model checks, and the lazy model stays lazy."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from app.dal.keyset import Sort
from app.domain.scope import Scope
from app.services.records import debriefs, reminders, tasking
from app.services.views import Reminder
from app.ui.main_window import MainWindow
from app.ui.pages.debriefs import DebriefsPage
from app.ui.table_models import Column, IdPage, LazyIdModel, RowsModel
from app.vault.vault import Vault
from tests.helpers import factory

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_rows_model_passes_the_model_tester(qtbot: QtBot, vault: Vault, runner: Scope) -> None:
    model: RowsModel[Reminder] = RowsModel(
        [Column("Due", lambda r: r.due_on.isoformat()), Column("Source", lambda r: r.codename)]
    )
    tester = QAbstractItemModelTester(model, FATAL)
    source = factory.source(vault, runner)

    for days in (3, 1, 2):
        tasking.add_tasking(
            vault,
            runner,
            source,
            f"task {days}",
            deadline=date.today() + timedelta(days=days),
        )
    model.set_rows(reminders.reminders(vault, runner, date.today()))
    assert model.rowCount() == 3
    model.clear()
    assert model.rowCount() == 0
    del tester


def test_lazy_model_pages_ids_and_loads_only_visible_blocks(qtbot: QtBot) -> None:
    ids = [uuid.UUID(int=i + 1) for i in range(5_000)]
    fetched_rows: list[int] = []

    def fetch_ids(sort: Sort, cursor: int | None, limit: int) -> IdPage:
        start = 0 if cursor is None else int(cursor)
        chunk = ids[start : start + limit]
        return IdPage(tuple(chunk), start + len(chunk), start + len(chunk) < len(ids))

    def fetch_rows(block: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        rows = list(block)
        fetched_rows.append(len(rows))
        return {i: f"row {i.int}" for i in rows}

    model: LazyIdModel[str] = LazyIdModel(
        [Column("Row", lambda r: r, sort="row")], fetch_ids, fetch_rows
    )
    model.ID_PAGE = 1000
    tester = QAbstractItemModelTester(model, FATAL)
    model.reset()
    assert model.rowCount() == 1000
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5000
    # Touch a few rows far apart: only their blocks are loaded, never all rows.
    # (Qt's tester has read a few blocks of its own while checking the inserts.)
    fetched_rows.clear()
    for row in (0, 2500, 4999):
        assert model.data(model.index(row, 0)) == f"row {row + 1}"
    assert sum(fetched_rows) <= 3 * model.BLOCK
    assert model.cached_rows <= model.CACHE_ROWS
    del tester


def test_debrief_list_on_the_demo_vault(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    tester = QAbstractItemModelTester(page.model, FATAL)
    total = debriefs.count_debriefs(window.session.vault, window.session.scope)
    assert page.model.rowCount() == min(total, page.model.ID_PAGE)
    created = [page.model.row_at(r).created_at for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert created == sorted(created, reverse=True)
    qtbot.waitUntil(lambda: str(total) in page.count.text())
    # Filter to drafts: the model resets and holds only drafts.
    page.status.setCurrentIndex(page.status.findText("Draft"))
    statuses = {page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())}
    assert statuses <= {"Draft"}
    if statuses:
        colour = page.model.data(page.model.index(0, 2), Qt.ItemDataRole.ForegroundRole)
        assert colour.color().name() == "#8a6d00"
    del tester
