"""Work that writes (a report issued and saved, a package sealed) still running when
the runner asks for another alias: the switch is not made, the band says what must
finish first, and the result shows on the screen of the alias that started it. Work
that fails frees the switch as well; a lock forgets it, as it forgets all work."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from app.domain.scope import Scope
from app.errors import InvalidInput
from app.services import reports
from app.services.reports import management_vault
from app.ui.controller import AppController
from app.ui.errors import describe
from app.ui.main_window import MainWindow
from app.ui.management_box import ManagementBox
from app.ui.pages.reports import ReportsPage
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.helpers.gui_keys import CTRL, active, choose_alias, switch_alias
from tests.ui.conftest import unlock
from tests.ui.test_alias_switch_late_results import WAIT, Held, settle

LEFT = Qt.MouseButton.LeftButton
HELD = "Finishing: {work} Switch alias once it is done."


def held_figures(monkeypatch: pytest.MonkeyPatch, held: Held, fail: bool = False) -> None:
    """The management report's counting waits for the test; ``fail``: then refuses."""
    real = management_vault.figures

    def slow(vault: Any, scope: Scope, **kwargs: Any) -> Any:
        held.hold(scope)
        if fail:
            raise InvalidInput("The period ends before it starts.")
        return real(vault, scope, **kwargs)

    monkeypatch.setattr("app.ui.management_box.management_vault.figures", slow)


def management_box(qtbot: QtBot, window: MainWindow) -> ManagementBox:
    """A handler's Reports page, its management box (figures are a handler's)."""
    window.session.switch_alias("Havik")
    active(qtbot, window)
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    return page.management


def make(box: ManagementBox, path: Path) -> None:
    today = date.today()
    box.make(today - timedelta(days=30), today, path)


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """The keyboard back on the window. On the offscreen platform the alias list,
    closed by the switch it refused, is made the active window later on, and holds
    the keyboard (a desktop gives it back to the window)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def assert_held(window: MainWindow, alias: str, work: str) -> None:
    """Still acting as ``alias``, and the band says why."""
    assert window.session.scope.alias_name == alias
    assert alias in window.band.label.text()
    assert window.band.switcher.currentText() == alias
    assert window.band.note.isVisible()
    assert window.band.note.text() == HELD.format(work=work)


@pytest.mark.usefixtures("english")
def test_a_management_report_being_made_holds_the_switch_until_it_is_saved(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    held = Held("Havik")
    held_figures(monkeypatch, held)
    box = management_box(qtbot, window)
    target = tmp_path / "management.pdf"
    make(box, target)
    assert held.started.wait(WAIT)
    assert box.status.text() == "Counting…"

    choose_alias(qtbot, window, "Valk")
    assert_held(window, "Havik", "Making the management report…")
    assert box.status.text() == "Counting…"  # the page was not cleared under it

    held.release.set()
    settle(qtbot)
    # The answer reached the handler who asked, on the screen it was asked on.
    assert target.exists()
    assert box.status.text().startswith("Saved management.pdf")
    assert box.save_button.isEnabled()
    assert window.session.scope.alias_name == "Havik"
    assert not window.band.note.isVisible()
    back_to(qtbot, window)
    switch_alias(qtbot, window, "Valk")  # free again, at the first ask


@pytest.mark.usefixtures("english")
def test_an_internal_report_finishing_before_its_progress_shows_is_not_lost(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, valk = window.session.vault, window.session.scope
    debrief_id = factory.debrief(vault, valk, factory.source(vault, valk, "SCHRIJVER"))
    held = Held(valk.alias_name)
    real = reports.issue_internal

    def slow(vault: Any, scope: Scope, *args: Any, **kwargs: Any) -> Any:
        held.hold(scope)
        return real(vault, scope, *args, **kwargs)

    monkeypatch.setattr("app.ui.pages.reports.reports.issue_internal", slow)
    # The moment before the progress shows (300 ms, when it would take the
    # keyboard), made long: a loaded machine must not close it before the switch.
    shown_late = ReportsPage._progress

    def progress_later(page: ReportsPage, *args: Any, **kwargs: Any) -> QProgressDialog:
        dialog = shown_late(page, *args, **kwargs)
        dialog.setMinimumDuration(60_000)
        return dialog

    monkeypatch.setattr(ReportsPage, "_progress", progress_later)
    window.open_debrief(debrief_id)
    qtbot.mouseClick(window.debrief_page.report_button, LEFT)
    page = window.stack.currentWidget()
    assert isinstance(page, ReportsPage)
    qtbot.mouseClick(page.make_button, LEFT)
    confirm(qtbot, "issueReportConfirm")
    assert held.started.wait(WAIT)

    # Before the progress shows.
    choose_alias(qtbot, window, "Reiger")
    assert_held(window, "Valk", "Laying out the report…")
    held.release.set()
    settle(qtbot)
    assert [d for d in window.findChildren(QProgressDialog) if d.isVisible()] == []
    # The issued report is shown to the runner who issued it, under that alias.
    assert len(page.previews) == 1
    assert page.status.text().startswith("Report ")
    assert "issued" in page.status.text()
    assert window.session.scope.alias_name == "Valk"
    assert not window.band.note.isVisible()

    page.previews[0].close()
    back_to(qtbot, window)
    switch_alias(qtbot, window, "Reiger")
    assert page.previews == []  # Valk's report is not left open under Reiger


@pytest.mark.usefixtures("english")
def test_work_that_fails_says_so_and_frees_the_switch(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    held = Held("Havik")
    held_figures(monkeypatch, held, fail=True)
    box = management_box(qtbot, window)
    target = tmp_path / "management.pdf"
    make(box, target)
    assert held.started.wait(WAIT)
    choose_alias(qtbot, window, "Valk")
    assert_held(window, "Havik", "Making the management report…")

    held.release.set()
    settle(qtbot)
    assert box.status.text() == describe(InvalidInput("The period ends before it starts."))
    assert not target.exists()
    assert not window.band.note.isVisible()
    back_to(qtbot, window)
    switch_alias(qtbot, window, "Valk")


@pytest.mark.usefixtures("english")
def test_a_lock_while_work_writes_forgets_it_and_holds_nothing_after(
    qtbot: QtBot,
    controller: AppController,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = unlock(qtbot, controller)
    held = Held("Havik")
    held_figures(monkeypatch, held)
    box = management_box(qtbot, window)
    target = tmp_path / "management.pdf"
    make(box, target)
    assert held.started.wait(WAIT)

    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)  # the lock never waits
    qtbot.waitUntil(lambda: controller.window is None)
    assert controller.runner.writing() == []
    held.release.set()
    settle(qtbot)
    assert not target.exists()  # its answer went nowhere: nothing saved after the lock
    assert controller.runner.pending() == 0

    window = unlock(qtbot, controller)
    active(qtbot, window)
    assert not window.band.note.isVisible()
    switch_alias(qtbot, window, "Valk")  # nothing left holding the switch
