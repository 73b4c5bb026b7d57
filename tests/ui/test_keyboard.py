"""Keyboard-first (issue 16, point 3), with real clicks and keys: lists sort by a
click on a column header (and come back sorted so after a lock), filter and
search boxes lead into their list, and every action of the registry is in the
menu bar and the command palette with its shortcut."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from app.dal.keyset import Sort
from app.paths import config_dir
from app.services.records import debriefs
from app.services.views import AuditRow, ContactView, DebriefRow, SearchHit, SourceRow
from app.ui import style
from app.ui.actions import shortcut_text
from app.ui.command_palette import CommandPalette
from app.ui.controller import AppController
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.main_window import BUTTON_ACTIONS, MainWindow
from app.ui.pages.audit import AuditPage
from app.ui.pages.debriefs import CONTACT_ORDER, STATUS_ORDER, DebriefsPage
from app.ui.pages.search import SearchPage
from app.ui.pages.sources import SourcesPage
from app.ui.table_models import ROW_ROLE
from tests.helpers import factory
from tests.ui.conftest import unlock

LEFT = Qt.MouseButton.LeftButton
SORT_KEYS = ["written", "source", "status", "contact", "items"]  # the debrief columns
CTRL = Qt.KeyboardModifier.ControlModifier
DESC = Qt.SortOrder.DescendingOrder
ASC = Qt.SortOrder.AscendingOrder
T = TypeVar("T")


def click_header(qtbot: QtBot, view: QTableView, section: int) -> None:
    QApplication.processEvents()
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
    QApplication.processEvents()


def rows(view: QTableView, kind: type[T]) -> list[T]:
    """The records behind the view's rows, in the order shown, each one a `kind`."""
    model = view.model()
    index = model.index
    shown = [model.data(index(r, 0), ROW_ROLE) for r in range(model.rowCount())]
    typed = [row for row in shown if isinstance(row, kind)]
    assert len(typed) == len(shown)
    return typed


def as_handler(window: MainWindow) -> None:
    """Havik, the demo's handler, sees every file."""
    window.band.switcher.setCurrentText("Havik")
    window.band.switcher.activated.emit(window.band.switcher.currentIndex())
    assert window.session.scope.alias_name == "Havik"


def active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


# -- sorting -------------------------------------------------------------------------


def test_debrief_list_sorts_by_each_header_in_the_query_and_keeps_it(
    qtbot: QtBot, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    as_handler(window)
    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    page.model.ID_PAGE = 7  # many pages: the order must come from the query, page by page
    page.reload()
    vault, scope = window.session.vault, window.session.scope
    keys: dict[int, Callable[[DebriefRow], Any]] = {
        0: lambda d: d.created_at,
        1: lambda d: d.codename,
        2: lambda d: STATUS_ORDER[d.status],
        3: lambda d: CONTACT_ORDER.get(d.contact_kind, 0) if d.contact_kind else 0,
        4: lambda d: d.item_count,
    }
    header = page.table.horizontalHeader()
    for section, key in keys.items():
        for _click in range(2):
            click_header(qtbot, page.table, section)
            order = header.sortIndicatorOrder()
            assert header.sortIndicatorSection() == section
            while page.model.canFetchMore():
                page.model.fetchMore()
            at = [page.model.row_at(r) for r in range(page.model.rowCount())]
            shown = [d for d in at if d is not None]
            assert len(shown) == len(at)
            values = [key(d) for d in shown]
            assert values == sorted(values, reverse=order == DESC), (section, order)
            sort = Sort(SORT_KEYS[section], order == DESC)
            want = debriefs.debrief_id_page(vault, scope, sort=sort, limit=10_000).ids
            assert tuple(d.id for d in shown) == want
            assert len(set(want)) == debriefs.count_debriefs(vault, scope)
    # The last choice (Items, one way or the other) is kept: after a lock and an
    # unlock, the new window's list opens sorted so.
    last = (header.sortIndicatorSection(), header.sortIndicatorOrder())
    saved = json.loads((config_dir() / "list-sorts.json").read_text())
    assert saved["debriefsTable"] == [last[0], last[1] == DESC]
    controller.lock.lock("test")
    window = unlock(qtbot, controller)
    page = window.show_page(DebriefsPage)
    assert isinstance(page, DebriefsPage)
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == last
    counts = [page.model.row_at(r).item_count for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert counts == sorted(counts, reverse=last[1] == DESC)


def test_sources_sort_in_memory_and_the_first_click_on_a_time_is_newest_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    as_handler(window)
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    click_header(qtbot, page.table, 3)  # Last contact
    shown = [s.last_contact_at for s in rows(page.table, SourceRow)]
    dated = [t for t in shown if t is not None]
    assert dated == sorted(dated, reverse=True)
    assert shown[: len(dated)] == dated  # never contacted: last
    click_header(qtbot, page.table, 0)  # Codename
    names = [s.codename for s in rows(page.table, SourceRow)]
    assert names == sorted(names)
    click_header(qtbot, page.table, 0)
    assert [s.codename for s in rows(page.table, SourceRow)] == sorted(names, reverse=True)


def test_a_column_that_cannot_sort_leaves_the_order_alone(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page(AuditPage)
    assert isinstance(page, AuditPage)
    header = page.table.horizontalHeader()
    click_header(qtbot, page.table, 2)  # Who
    who = [e.actor for e in rows(page.table, AuditRow)]
    assert who == sorted(who)
    before = [e.seq for e in rows(page.table, AuditRow)]
    click_header(qtbot, page.table, 5)  # Details: free fields
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (2, ASC)
    assert [e.seq for e in rows(page.table, AuditRow)] == before


def test_numbers_in_a_source_file_sort_as_numbers(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "TELLER")
    start = datetime(2026, 11, 2, 20, 0, tzinfo=UTC)
    for n, minutes in enumerate((45, 5, 120)):
        factory.contact(
            vault, scope, source, duration_minutes=minutes, occurred_at=start + timedelta(days=n)
        )
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    contacts = page.file_view.contacts
    page.file_view.tabs.setCurrentWidget(contacts)
    # newest first
    assert [c.duration_minutes for c in rows(contacts.view, ContactView)] == [120, 5, 45]
    click_header(qtbot, contacts.view, 3)  # Minutes
    assert [c.duration_minutes for c in rows(contacts.view, ContactView)] == [5, 45, 120]


def test_search_results_show_the_date_and_sort_by_it(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "DATUM")
    for words in ("kraanvogel kraanvogel kraanvogel", "kraanvogel", "kraanvogel bij de brug"):
        factory.debrief(vault, scope, source, narrative=words)
    page = window.show_page(SearchPage)
    assert isinstance(page, SearchPage)
    qtbot.keyClicks(page.query, "kraanvogel")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.model.rowCount() == 3
    written = [page.model.data(page.model.index(r, 0)) for r in range(3)]
    assert all(w and w[:4].isdigit() for w in written)  # 2026-…: the day written
    hits = rows(page.table, SearchHit)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    click_header(qtbot, page.table, 0)  # Written: newest first
    dates = written_at(page)
    assert dates == sorted(dates, reverse=True)
    click_header(qtbot, page.table, 0)
    assert written_at(page) == sorted(dates)


def written_at(page: SearchPage) -> list[datetime]:
    """When each hit shown was written (every debrief here has that time)."""
    shown = [h.written_at for h in rows(page.table, SearchHit)]
    dates = [d for d in shown if d is not None]
    assert dates == shown
    return dates


# -- filter and search boxes -----------------------------------------------------------


def test_down_in_the_source_filter_moves_into_the_list_and_enter_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    as_handler(window)
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    page.filter.setFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.table.hasFocus() or QApplication.focusWidget() is page.table
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(page.table, Qt.Key.Key_Up)  # from the first row, back to the box
    assert QApplication.focusWidget() in (page.filter, None) or page.filter.hasFocus()
    # Several matches and none chosen: Enter opens nothing.
    page.table.clearSelection()
    first = page.model.row_at(0)
    assert first is not None
    prefix = first.codename[:1]
    page.filter.setText(prefix)
    if page.model.rowCount() > 1:
        qtbot.keyClick(page.filter, Qt.Key.Key_Return)
        assert page.stack.currentIndex() == 0
    # The only match: Enter opens it.
    page.filter.setText(first.codename)
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.file is not None
    assert page.file_view.file.overview.codename == first.codename


def test_in_the_search_box_enter_searches_down_chooses_enter_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "ZOEKWEG")
    factory.debrief(vault, scope, source, narrative="De ijsvogel zat op de paal.")
    second = factory.debrief(vault, scope, source, narrative="Een ijsvogel ijsvogel vloog weg.")
    page = window.show_page(SearchPage)
    assert isinstance(page, SearchPage)
    qtbot.keyClicks(page.query, "ijsvogel")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)  # searches; two results, none opened
    assert page.model.rowCount() == 2
    assert window.stack.currentWidget() is page
    qtbot.keyClick(page.query, Qt.Key.Key_Down)
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [0]
    assert rows(page.table, SearchHit)[0].debrief_id == second
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)  # opens the chosen one
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.view is not None
    assert window.debrief_page.view.id == second


# -- menu bar, palette, shortcuts ---------------------------------------------------------


def test_every_action_is_in_the_menu_and_the_palette_with_its_shortcut(
    qtbot: QtBot, window: MainWindow
) -> None:
    registry = window.registry
    keys = [
        "meeting",
        "newDebrief",
        "newContact",
        "newSource",
        "search",
        "export",
        "lock",
        "panic",
        "palette",
    ]
    assert set(keys) <= {s.key for s in registry.specs}
    in_menus = {a for menu in window.menus.values() for a in menu.actions()}
    taken: dict[str, str] = {}
    for spec in registry.specs:
        action = registry.actions[spec.key]
        assert action in in_menus, spec.key
        assert action in window.menus[spec.menu].actions()
        assert [k.toString() for k in action.shortcuts()] == list(spec.shortcuts)
        assert spec.shortcuts, f"{spec.key} has no shortcut"
        for keys_text in spec.shortcuts:
            shown = shortcut_text(keys_text)
            assert shown in action.toolTip()
            assert shown not in taken, f"{spec.key} and {taken.get(shown)} share {shown}"
            taken[shown] = spec.key
    assert set(taken) >= {"F12", "Ctrl+Shift+Space", "Ctrl+L", "Ctrl+K", "Ctrl+M"}
    palette = window.open_palette()
    listed = {
        palette.model.row_at(r).key: palette.model.data(palette.model.index(r, 1))  # type: ignore[union-attr]
        for r in range(palette.model.rowCount())
    }
    for spec in registry.specs:
        if spec.key != "palette":
            assert listed[spec.key] == ", ".join(shortcut_text(k) for k in spec.shortcuts)
    palette.close()
    # Buttons that do what an action does name its shortcut: on every page, also
    # those the window builds only when first shown (each page by a click on the
    # navigation, the debrief page by Ctrl+N on a source's file).
    active(qtbot, window)
    for row in range(window.nav.count()):
        item_rect = window.nav.visualRect(window.nav.model().index(row, 0))
        qtbot.mouseClick(window.nav.viewport(), LEFT, pos=item_rect.center())
        assert window.nav.currentRow() == row
    window.open_source(factory.source(window.session.vault, window.session.scope, "KNOPPEN"))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.stack.currentWidget() is window.debrief_page
    checked = set()
    for button in window.findChildren(QPushButton):
        key = BUTTON_ACTIONS.get(button.objectName())
        if key is not None:
            shown = shortcut_text(registry.spec(key).shortcuts[0])
            assert shown in button.toolTip(), button.objectName()
            checked.add(button.objectName())
    assert checked == set(BUTTON_ACTIONS)
    assert window.findChild(QPushButton, "lockButton").toolTip() == "Lock (Ctrl+L)"  # type: ignore[union-attr]
    assert window.nav.item(1).toolTip() == "Sources (Ctrl+2)"


def test_ctrl_k_finds_an_action_by_typing_and_enter_runs_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    palette = window.palette_dialog
    assert isinstance(palette, CommandPalette)
    qtbot.waitExposed(palette)
    assert palette.focusWidget() is palette.filter
    qtbot.keyClicks(palette.filter, "go sources")
    assert palette.model.rowCount() == 1
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), SourcesPage))
    sources_page = window.stack.currentWidget()
    assert isinstance(sources_page, SourcesPage)
    qtbot.waitUntil(lambda: window.focusWidget() is sources_page.filter)
    # Several matches: Down chooses, Enter runs the chosen one.
    palette = window.open_palette()
    qtbot.keyClicks(palette.filter, "go")
    assert palette.model.rowCount() > 1
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)  # none chosen: nothing runs
    assert palette.isVisible()
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)  # onto the first
    qtbot.keyClick(palette.list, Qt.Key.Key_Down)
    qtbot.keyClick(palette.list, Qt.Key.Key_Down)
    chosen = palette.model.row_at(2)
    assert chosen is not None
    assert chosen.key == "goDebriefsPage"
    qtbot.keyClick(palette.list, Qt.Key.Key_Return)
    assert palette.chosen == chosen.key
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), DebriefsPage))


def test_shortcuts_open_a_page_a_new_debrief_and_a_new_contact(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "SNELTOETS")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # no source on screen: it says so
    assert "Open a source's file" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, SourcesPage)
    assert QApplication.focusWidget() is page.filter
    window.open_source(source)
    before = debriefs.count_debriefs(vault, scope, source_id=source)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.stack.currentWidget() is window.debrief_page
    assert window.debrief_page.view is not None
    assert window.debrief_page.view.source_id == source
    assert debriefs.count_debriefs(vault, scope, source_id=source) == before + 1
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible()
    )
    # The dialog is for that source: named inside it, never in its window title.
    assert "SNELTOETS" not in dialog.windowTitle()
    named = dialog.findChild(QLabel, "contactSource")
    assert named is not None
    assert named.text() == "SNELTOETS"
    dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    assert window.stack.currentWidget() is window.page(SourcesPage)


def test_tabbing_out_of_a_debrief_into_the_sidebar_keeps_the_debrief(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The sidebar has no row current on the debrief page; tabbing into it made
    Qt pick the first row, and Home replaced the debrief being written."""
    active(qtbot, window)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "TABVOLG")
    window.open_debrief(debriefs.create_draft(vault, scope, source))
    page = window.debrief_page
    assert QApplication.focusWidget() is page.narrative
    qtbot.keyClicks(page.narrative, "Source met at the quay.")
    for _ in range(2):  # past the Back button, into the sidebar
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.nav
    assert window.stack.currentWidget() is page  # still the debrief
    assert window.nav.currentRow() == -1
    qtbot.keyClick(window.nav, Qt.Key.Key_Tab)  # and on, back into it
    assert window.debrief_on_screen() is page
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # an arrow key does choose a page
    assert window.stack.currentWidget() is not page
    assert page.view is not None
    saved = debriefs.get_debrief(vault, scope, page.view.id).narrative
    assert saved == "Source met at the quay."


def test_meeting_mode_leaves_only_lock_panic_and_quit(qtbot: QtBot, window: MainWindow) -> None:
    active(qtbot, window)
    vault, scope = window.session.vault, window.session.scope
    window.open_source(factory.source(vault, scope, "STILTE"))
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    assert window.meeting is not None
    assert not window.menuBar().isVisible()
    enabled = {s.key for s in window.registry.specs if window.registry.actions[s.key].isEnabled()}
    assert enabled == {"lock", "panic", "quit", "palette"}
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # Debriefs: not now
    assert window.central.currentWidget() is window.meeting
    palette = window.open_palette()
    assert {palette.model.row_at(r).key for r in range(palette.model.rowCount())} == {  # type: ignore[union-attr]
        "lock",
        "panic",
        "quit",
    }
    palette.close()


def test_sorts_file_holds_list_names_and_columns_only(tmp_path: Path) -> None:
    from app.services.admin import list_sorts

    list_sorts.remember("debriefsTable", 2, True)
    text = (config_dir() / "list-sorts.json").read_text()
    assert json.loads(text) == {"debriefsTable": [2, True]}
    (config_dir() / "list-sorts.json").write_text('{"x": "y", "ok": [1, false], "../a": [1, true]}')
    list_sorts._session.clear()
    assert list_sorts.get("ok") == (1, False)
    assert list_sorts.get("x") is None
    assert list_sorts.get("../a") is None


def test_the_sidebar_shows_it_has_the_keyboard_with_no_page_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    """On the debrief page no sidebar row is chosen, so tabbing into the sidebar
    showed nothing at all: the keyboard was somewhere no one could see."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply(app)
    try:
        active(qtbot, window)
        vault, scope = window.session.vault, window.session.scope
        window.open_debrief(
            debriefs.create_draft(vault, scope, factory.source(vault, scope, "ZIEN"))
        )
        assert window.nav.currentRow() == -1
        page = window.debrief_page
        page.narrative.setFocus()
        before = window.nav.grab().toImage()
        for _ in range(2):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is window.nav
        assert window.nav.grab().toImage() != before
    finally:
        style.remove(app)
