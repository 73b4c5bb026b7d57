"""Management information from the Reports page: a handler's team figures, made
in the worker pool and saved where the handler chooses; no codename or alias in
the file; a runner is not offered it."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.enums import ReportKind
from app.domain.scope import Actor
from app.models import Alias, Source
from app.models.reports import IssuedReport
from app.services import reports
from app.services.reports import management_vault
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from tests.helpers.pdf_text import pdf_text


def test_a_handler_saves_the_team_figures_made_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    assert not page.management.isVisible()  # the demo opens as a runner
    window.session.switch_alias("Havik")
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    box = page.management
    assert box.isVisible()
    box.date_from.setDate(QDate(date.today().year - 2, 1, 1))
    box.date_to.setDate(QDate(date.today().year, 12, 31))
    target = tmp_path / "mi.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    threads: list[threading.Thread] = []
    counted = management_vault.figures

    def recorded(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return counted(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("app.ui.management_box.management_vault.figures", recorded)
    warned: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_a: object) -> object:
        warned.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", warning)
    page.marking.setCurrentText("STG. GEHEIM")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.save_button.isEnabled(), timeout=20_000)
    assert "Saved mi.pdf" in box.status.text()
    assert threads
    assert threads[0] is not threading.main_thread()
    text = pdf_text(target.read_bytes())
    assert "Management information" in text
    with window.session.vault.read() as session:
        names = list(session.execute(select(Alias.name)).scalars())
        names += session.execute(select(Source.codename)).scalars()
    assert len(names) > 12  # the demo's runners, handler and sources' codenames
    assert [n for n in names if n.lower() in text.lower()] == []
    # Warned before the unencrypted file was chosen, issued as a report: the
    # page's marking, and the register confirms the saved file.
    assert len(warned) == 1
    assert "NOT be encrypted" in warned[0]
    assert "STG. GEHEIM" in warned[0]
    assert "STG. GEHEIM" in text
    assert "Document integrity" in text
    verified = reports.verify_pdf(window.session.vault, target.read_bytes(), actor=Actor("test"))
    assert verified.ok
    assert verified.kind is ReportKind.MANAGEMENT


def test_a_handler_who_does_not_confirm_the_warning_saves_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.session.switch_alias("Havik")
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    asked: list[bool] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Cancel)

    def choose(*_a: object, **_k: object) -> tuple[str, str]:
        asked.append(True)
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    qtbot.mouseClick(page.management.save_button, Qt.MouseButton.LeftButton)
    assert asked == []
    with window.session.vault.read() as session:
        assert session.execute(select(IssuedReport)).first() is None
