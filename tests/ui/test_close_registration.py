"""Closing a registration from the source file (issue 17, point 5): a question that
names the source and asks why, Cancel by default; once closed, the file shows why,
when and who decided, stays open to read, and offers no second closing. The edit
form does not close a registration by its status. Real widgets, real clicks."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.domain.enums import SourceStatus
from app.services.records import reminders, sources
from app.ui.dialogs.source_form import SourceDialog
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from app.ui.source_file import SourceFileView
from tests.helpers import factory
from tests.helpers.boxes import confirm, confirmation

LEFT = Qt.MouseButton.LeftButton
REASON = "Source moved abroad."


def _open(qtbot: QtBot, window: MainWindow, codename: str) -> tuple[SourceFileView, uuid.UUID]:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, codename, status=SourceStatus.ACTIVE)
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    view = page.file_view
    qtbot.waitUntil(lambda: view.file is not None and view.file.overview.id == source)
    return view, source


def test_closing_asks_why_then_shows_the_closed_file(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    view, source = _open(qtbot, window, "SLUITEN")
    button = view.findChild(QPushButton, "closeRegistration")
    assert button is not None
    assert button.isEnabled()

    qtbot.mouseClick(button, LEFT)
    question = confirmation("closeRegistrationConfirm", qtbot)
    assert "SLUITEN" in question.question.text()
    assert scope.alias_name in question.question.text()  # who decides
    assert not question.confirm_button.isEnabled()  # no reason yet
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    assert sources.source_file(vault, scope, source).overview.status is SourceStatus.ACTIVE

    qtbot.mouseClick(button, LEFT)
    confirm(qtbot, "closeRegistrationConfirm", comment=REASON)
    qtbot.waitUntil(lambda: view.file is not None and view.file.overview.closed_at is not None)
    o = sources.source_file(vault, scope, source).overview
    assert (o.status, o.close_reason, o.closed_by) == (
        SourceStatus.CLOSED,
        REASON,
        scope.alias_name,
    )
    shown = view.fields["closed"].text()
    assert REASON in shown
    assert scope.alias_name in shown
    assert o.closed_on is not None
    assert o.closed_on.isoformat() in shown
    assert not button.isEnabled()
    assert all(r.source_id != source for r in reminders.reminders(vault, scope, o.closed_on))


def test_the_edit_form_does_not_close_a_registration(qtbot: QtBot, window: MainWindow) -> None:
    view, _ = _open(qtbot, window, "BEWERKEN")
    assert view.file is not None
    form = SourceDialog(window.session, view.file.overview, view)
    qtbot.addWidget(form)
    offered = [form.status.itemText(i) for i in range(form.status.count())]
    assert "Closed" not in offered
    assert "Active" in offered
