"""Found by the runner's day (test_runner_day.py), with real keys and clicks:

- a source chosen in a combo box stays chosen when the list is read again (the
  Debriefs page's source filter, the Reports page's source), and "Report…" on a
  source's file (or Ctrl+P) makes the report on that source, not on all of them;
- Ctrl+E puts the keyboard on "Send everything new…" once the plan is in;
- switching alias leaves nothing of the last alias's files in the window: no
  codename in the source filter, no debrief in the (hidden) editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.services.records import debriefs
from app.ui.main_window import MainWindow
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.gui_keys import active, switch_alias

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_debriefs_list_filters_by_the_source_chosen(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "ZEEKOET")
    factory.debrief(vault, scope, source, narrative="One.")
    factory.debrief(vault, scope, source, narrative="Two.")
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, DebriefsPage)
    assert page.model.rowCount() > 2  # the demo's debriefs too
    qtbot.keyClicks(page.source, "ZEEKOET")  # typed on the combo: it picks the source
    assert page.source.currentData() == source
    page.model.fetchMore()
    shown = [page.model.id_at(r) for r in range(page.model.rowCount())]
    assert len(shown) == 2
    assert {debriefs.get_debrief(vault, scope, d).source_id for d in shown if d} == {source}
    # Opened and back: still filtered by that source.
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.debrief_page
    qtbot.mouseClick(window.findChild(QPushButton, "debriefBack"), LEFT)
    assert window.stack.currentWidget() is page
    assert page.source.currentData() == source
    assert page.model.rowCount() == 2


def test_a_report_from_a_source_file_covers_that_source(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "ZILVERREIGER")
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    qtbot.mouseClick(page.file_view.report_button, LEFT)
    reports = window.stack.currentWidget()
    assert isinstance(reports, ReportsPage)
    assert reports.source.currentData() == source
    assert reports.source.currentText() == "ZILVERREIGER"
    reports.reload()  # read again (a lock, another page and back): still that source
    assert reports.source.currentData() == source
    # Ctrl+P on the file does the same.
    window.open_source(source)
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert window.stack.currentWidget() is reports
    assert reports.source.currentData() == source


def test_ctrl_e_puts_the_keyboard_on_export_once_the_plan_is_in(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, PackagesPage)
    send = page.send
    qtbot.waitUntil(lambda: send.export_new.isEnabled(), timeout=30_000)
    qtbot.waitUntil(send.export_new.hasFocus)
    assert QApplication.focusWidget() is send.export_new


def test_switching_alias_leaves_nothing_of_the_last_one(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "GEHEIMEBRON")
    debrief_id = factory.debrief(vault, scope, source, narrative="Only Valk may read this.")
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, SourcesPage)
    qtbot.keyClicks(page.filter, "geheime")
    assert page.model.rowCount() == 1
    window.open_debrief(debrief_id)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # the editor is left, not emptied
    assert window.debrief_page.narrative.toPlainText() == "Only Valk may read this."
    switch_alias(qtbot, window, "Reiger")
    assert window.stack.currentWidget() is page
    assert page.filter.text() == ""
    assert page.model.rowCount() > 0  # Reiger's own sources, not an empty filtered list
    assert window.debrief_page.view is None
    assert window.debrief_page.narrative.toPlainText() == ""
    assert "GEHEIMEBRON" not in window.debrief_page.heading.text()
