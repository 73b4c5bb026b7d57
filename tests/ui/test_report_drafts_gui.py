"""An internal report of a source, from the Reports page: its confirmation says
the drafts are left out (and how to add them), and the report leaves them out;
with "Include drafts" it says how many it includes, and they are in it marked
DRAFT. In English and Dutch, with the count's plural form."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from app.ui.widgets import find_data
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.test_report_support import pages_text
from tests.ui.conftest import unlock

LEFT = Qt.MouseButton.LeftButton
SUBMITTED = "The van left the yard at ten."
DRAFT = "Half a note, still to be graded."
SAID = {
    "en": ("1 draft of this choice is left out", "It includes 1 draft, marked DRAFT."),
    "nl": ("1 concept van deze keuze blijft buiten", "Er zit 1 concept in, gemarkeerd CONCEPT."),
}


def issue(qtbot: QtBot, page: ReportsPage) -> tuple[str, str]:
    """Make the report, confirm; the question asked and the report's text."""
    done = len(page.previews)
    qtbot.mouseClick(page.make_button, LEFT)
    question = confirm(qtbot, "issueReportConfirm")
    qtbot.waitUntil(lambda: len(page.previews) > done, timeout=20_000)
    pdf = page.previews[-1]._pdf
    assert pdf is not None
    return question, " ".join(" ".join(pages_text(pdf)).split())


def test_a_source_report_says_what_it_does_with_drafts(
    qtbot: QtBot, language: str, controller: AppController
) -> None:
    controller.show_unlock()  # in the language
    window: MainWindow = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "RAPPORTBRON")
    factory.debrief(vault, scope, source, narrative=SUBMITTED, submit=True)
    factory.debrief(vault, scope, source, narrative=DRAFT)
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    page.source.setCurrentIndex(find_data(page.source, source))
    assert page.include_drafts.isEnabled()
    assert not page.include_drafts.isChecked()
    left_out, included = SAID[language]

    question, text = issue(qtbot, page)
    assert left_out in question
    assert SUBMITTED in text
    assert DRAFT not in text

    box = page.include_drafts
    qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))
    assert page.include_drafts.isChecked()
    question, text = issue(qtbot, page)
    assert included in question
    assert DRAFT in text
    assert SUBMITTED in text
    assert "— RAPPORTBRON — DRAFT" in text  # the report's language: Settings' (English here)
