"""A new user's trial: after "Report…" on Valk's debrief, switching to Reiger left
Valk's debrief (with its codename) and status line on the Reports page. Every page
showing something of the last alias must let go of it on a switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractListModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QTextEdit
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.pages.debriefs import DebriefsPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.search import SearchPage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.gui_keys import active, switch_alias

LEFT = Qt.MouseButton.LeftButton
CODENAME = "GEHEIMEBRON"


def texts_in(window: MainWindow) -> list[str]:
    """Everything the window's widgets hold as text, shown or not."""
    found: list[str] = []
    for label in window.findChildren(QLabel):
        found.append(label.text())
    for edit in window.findChildren(QLineEdit):
        found.append(edit.text())
    for box in window.findChildren(QTextEdit):
        found.append(box.toPlainText())
    for combo in window.findChildren(QComboBox):
        found.extend(combo.itemText(i) for i in range(combo.count()))
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for row in range(model.rowCount()):
            for column in range(columns):
                found.append(str(model.data(model.index(row, column)) or ""))
    return found


@pytest.mark.usefixtures("english")
def test_no_page_keeps_the_last_alias_s_files_after_a_switch(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, CODENAME)
    # One shareable item worded, one not: the request's status says so.
    worded = factory.graded_item()
    item = factory.graded_item("Seen at the harbour.", sanitised_text="")
    debrief_id = factory.debrief(
        vault, scope, source, narrative="Zeekoet at the quay.", items=(worded, item), submit=True
    )
    monkeypatch.setattr(
        "app.ui.pages.reports.QInputDialog.getText", lambda *a, **k: (factory.PASSPHRASE, True)
    )
    active(qtbot, window)
    # Search: Valk's debrief found (its row names the source).
    search = window.show_page(SearchPage)
    assert isinstance(search, SearchPage)
    qtbot.keyClicks(search.query, "zeekoet")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.model.rowCount() > 0)
    # Debriefs: filtered by Valk's source.
    debriefs_page = window.show_page(DebriefsPage)
    assert isinstance(debriefs_page, DebriefsPage)
    qtbot.keyClicks(debriefs_page.source, CODENAME)
    assert debriefs_page.source.currentData() == source
    # Sources: Valk's source file open.
    window.open_source(source)
    # Reports: "Report…" on the debrief, and a sanitised request's status.
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.report_button, LEFT)
    reports = window.stack.currentWidget()
    assert isinstance(reports, ReportsPage)
    assert CODENAME in reports.one.text()
    radio = reports.sanitised
    qtbot.mouseClick(radio, LEFT, pos=QPoint(6, radio.height() // 2))
    qtbot.mouseClick(reports.make_button, LEFT)
    qtbot.waitUntil(lambda: "left out" in reports.status.text(), timeout=20_000)
    assert any(CODENAME in text for text in texts_in(window))

    switch_alias(qtbot, window, "Reiger")
    assert window.stack.currentWidget() is reports
    assert not reports.one.isVisible()
    assert not reports.clear_debrief.isVisible()
    assert reports.debrief_id is None
    assert reports.source.currentText() == "— all sources —"
    assert reports.source.isEnabled()
    assert reports.status.text() == ""
    assert [text for text in texts_in(window) if CODENAME in text] == []
    # Every other page, shown again, shows Reiger's files only.
    for page_class in (SearchPage, DebriefsPage, SourcesPage):
        window.show_page(page_class)
        assert [text for text in texts_in(window) if CODENAME in text] == []
