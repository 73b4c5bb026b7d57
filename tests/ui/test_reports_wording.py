"""The Reports page in one word and at a normal width: the form's field for a
report's marking and the approvals' column say the same word (the one the reports
print, docs/reports.md), in English and in Dutch; the way back from one debrief to
source and dates is a button as wide as its words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from app.ui.pages.reports import ReportsPage
from tests.helpers import factory
from tests.ui.conftest import unlock

MARKING = {"en": "Marking", "nl": "Rubricering"}


def test_the_form_and_the_approvals_say_marking_alike(
    qtbot: QtBot, language: str, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    box = page.marking.parentWidget()
    assert box is not None
    form = box.layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(page.marking)
    assert isinstance(label, QLabel)
    assert label.text() == MARKING[language] + ":"
    model = page.approvals.model
    headings = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert MARKING[language] in headings
    assert "Classification" not in label.text() + " ".join(headings)


def test_choosing_by_source_again_is_a_button_of_its_own_width(
    qtbot: QtBot, controller: AppController
) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    debrief_id = factory.debrief(vault, scope, factory.source(vault, scope, "BREEDTE"))
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    page.set_debrief(debrief_id, "BREEDTE")
    qtbot.waitUntil(page.clear_debrief.isVisible)
    button, form = page.clear_debrief, page.clear_debrief.parentWidget()
    assert form is not None
    assert button.width() == button.sizeHint().width()
    assert button.width() < form.width() // 2  # not a bar across the form
