"""A source's file as the reviewer met it: after a wrong passphrase the reveal
dialog takes the passphrase again; an antecedents check not done says so in
words, and a reliability evaluation has its meaning beside its number; in English
and Dutch."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.records import identity, welfare
from app.services.views import IdentityFields
from app.ui import i18n
from app.ui.dialogs.identity import RevealIdentityDialog
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from app.ui.source_file import SourceFileView
from tests.helpers import factory

ENTER = Qt.Key.Key_Return


@contextlib.contextmanager
def translated(language: str) -> Iterator[None]:
    """The interface in ``language`` (English needs nothing installed)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, language) if language == "nl" else []
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


def _file_view(window: MainWindow, source: uuid.UUID) -> SourceFileView:
    window.open_source(source)
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    return page.file_view


def _reveal_dialog(qtbot: QtBot, window: MainWindow, codename: str) -> RevealIdentityDialog:
    """The reveal dialog of a new source with a recorded identity, opened by a click."""
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, codename)
    identity.record_identity(vault, scope, source, IdentityFields(full_name="Piet Proef"))
    view = _file_view(window, source)
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, RevealIdentityDialog) and w.isVisible()
    )


def test_a_wrong_passphrase_puts_the_keyboard_back_in_the_emptied_passphrase(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _reveal_dialog(qtbot, window, "SLEUTELGAT")
    assert dialog.focusWidget() is dialog.passphrase  # the dialog opens in it
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, ENTER)  # Enter moves on to the reason
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "Checking a name for the prosecutor")
    qtbot.keyClick(dialog.reason, ENTER)  # Enter in the reason reveals
    qtbot.waitUntil(lambda: "Wrong passphrase" in dialog.status.text(), timeout=10_000)
    assert dialog.focusWidget() is dialog.passphrase  # not left in the reason
    assert dialog.passphrase.text() == ""
    assert dialog.reason.text() == "Checking a name for the prosecutor"  # kept

    # Typing goes straight into the passphrase; Enter, Enter reveals.
    focused = dialog.focusWidget()
    qtbot.keyClicks(focused, factory.PASSPHRASE)
    qtbot.keyClick(focused, ENTER)
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: dialog.showing, timeout=10_000)
    assert "Piet Proef" in dialog.fields.text()
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_antecedents_check_not_done_says_so_in_words(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    vault, scope = window.session.vault, window.session.scope
    new = factory.source(vault, scope, "NIEUWELING")
    checked = factory.source(
        vault,
        scope,
        "NAGEKEKEN",
        antecedents_checked_on=date(2026, 10, 1),
        antecedents_result="No relevant antecedents",
    )
    with translated(language):
        shown = {
            source: _file_view(window, source).fields["antecedents"].text()
            for source in (new, checked)
        }
    assert shown[new] == {"en": "Not done yet", "nl": "Nog niet gedaan"}[language]
    assert shown[checked] == "2026-10-01 — No relevant antecedents"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_reliability_evaluation_is_shown_with_its_meaning(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """The 3x5x2 source evaluation (docs: 1 reliable, 2 untested, 3 not reliable)
    beside its number, as the review dialog offers it."""
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "WEEGSCHAAL")
    for code in ("1", "2", "3"):
        welfare.review_reliability(vault, scope, source, code, f"Review {code}.")
    with translated(language):
        table = _file_view(window, source).reliability
        column = next(
            c
            for c in range(table.model.columnCount())
            if table.model.headerData(c, Qt.Orientation.Horizontal) in ("Evaluation", "Waardering")
        )
        shown = sorted(table.model.index(r, column).data() for r in range(table.model.rowCount()))
    assert (
        shown
        == {
            "en": ["1 — Reliable", "2 — Untested", "3 — Not reliable"],
            "nl": ["1 — Betrouwbaar", "2 — Niet getoetst", "3 — Niet betrouwbaar"],
        }[language]
    )


def test_a_missing_reason_keeps_the_passphrase_and_asks_for_the_reason(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _reveal_dialog(qtbot, window, "REDENLOOS")
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, ENTER)
    qtbot.keyClick(dialog.reason, ENTER)  # no reason given
    qtbot.waitUntil(lambda: "reason" in dialog.status.text(), timeout=10_000)
    assert dialog.focusWidget() is dialog.reason
    assert dialog.passphrase.text() == factory.PASSPHRASE  # not to be typed again
    qtbot.keyClicks(dialog.reason, "Checking a name for the prosecutor")
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: dialog.showing, timeout=10_000)
    assert "Piet Proef" in dialog.fields.text()
