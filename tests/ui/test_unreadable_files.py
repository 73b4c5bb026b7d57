"""Choosing something that is not a readable file of its kind in a dialog (a pipe,
/dev/zero, a folder, a file one byte over the limit): one clear message, the screen
never hangs, nothing is read and nothing changes. And a package is imported only
as it was checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Attachment, Debrief
from app.services.exchange import keys, packages
from app.services.files import user_files
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from tests.helpers import factory
from tests.helpers.boxes import confirm, confirmation
from tests.packages.conftest import Party
from tests.packages.test_file_limits import TARGETS
from tests.ui.conftest import unlock
from tests.ui.test_packages_page import (
    packages_page,
    runner_of,
    show_tab,
)

pytestmark = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")


def _targets(tmp_path: Path, kind: user_files.Kind) -> list[tuple[Path, str]]:
    out = []
    for n, make in enumerate(TARGETS.values()):
        folder = tmp_path / f"target-{n}"
        folder.mkdir(parents=True)
        out.append(make(folder, kind))
    return out


def _rows(window: MainWindow, model: type) -> int:
    with window.session.vault.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def _error_box() -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]
    assert len(boxes) == 1
    return boxes[0]


def _choose(monkeypatch: pytest.MonkeyPatch, where: str, path: Path) -> None:
    monkeypatch.setattr(f"{where}.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))


def test_the_import_and_receipt_dialogs_refuse_what_is_not_a_package_file(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    window.session.switch_alias("Havik")
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    receive = page.receive
    before = _rows(window, Debrief)
    for path, expected in _targets(tmp_path / "packages", user_files.PACKAGE):
        receive.status.clear()
        _choose(monkeypatch, "app.ui.packages.common", path)
        qtbot.mouseClick(receive.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Refused" in receive.status.text(), timeout=30_000)
        assert str(path) in receive.status.text()
        assert expected in receive.status.text()
        assert receive.confirm is None
    assert _rows(window, Debrief) == before

    window.session.switch_alias("Valk")  # a runner takes receipts in
    show_tab(qtbot, page, 0)
    show_tab(qtbot, page, 1)
    assert receive.take_receipt.isVisible()
    for path, expected in _targets(tmp_path / "receipts", user_files.RECEIPT):
        receive.status.clear()
        _choose(monkeypatch, "app.ui.packages.common", path)
        qtbot.mouseClick(receive.take_receipt, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Refused" in receive.status.text(), timeout=30_000)
        assert expected in receive.status.text()
    assert _rows(window, Debrief) == before


def test_the_key_attachment_and_report_dialogs_refuse_what_is_not_such_a_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, scope = window.session.vault, window.session.scope
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 3)
    for path, expected in _targets(tmp_path / "keys", user_files.KEY_BUNDLE):
        _choose(monkeypatch, "app.ui.packages.common", path)
        qtbot.mouseClick(page.keys.findChild(QPushButton, "addPeerKey"), Qt.MouseButton.LeftButton)
        box = _error_box()
        assert expected in box.text()
        box.close()
    assert keys.list_peers(vault) == []

    source = factory.source(vault, scope, "ONLEESBAAR")
    debrief_id = factory.debrief(vault, scope, source)
    window.open_debrief(debrief_id)
    files = window.debrief_page.files
    before = _rows(window, Attachment)
    for path, expected in _targets(tmp_path / "files", user_files.ATTACHMENT):
        _choose(monkeypatch, "app.ui.attachments_box", path)
        qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)
        box = _error_box()
        assert expected in box.text() or "larger than 25 MB" in box.text()
        box.close()
    assert _rows(window, Attachment) == before

    reports_page = window.page(ReportsPage)
    assert isinstance(reports_page, ReportsPage)
    for path, expected in _targets(tmp_path / "reports", user_files.REPORT_PDF):
        reports_page.verify_path(path)
        assert expected in reports_page.verify_result.text()


def test_a_package_swapped_after_its_check_is_not_imported(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    window.session.switch_alias("Havik")
    vault, scope = window.session.vault, window.session.scope
    runner = runner_of(Party(vault, scope, tmp_path), tmp_path)
    try:
        source = factory.source(runner.vault, runner.scope, "WISSEL")
        factory.debrief(runner.vault, runner.scope, source, narrative="Checked.", submit=True)
        stick = tmp_path / "stick"
        stick.mkdir()
        checked = packages.export_package(runner.vault, runner.scope, to_dir=stick, all_new=True)
        factory.debrief(runner.vault, runner.scope, source, narrative="Swapped.", submit=True)
        other = tmp_path / "other"
        other.mkdir()
        swapped = packages.export_package(runner.vault, runner.scope, to_dir=other, all_new=True)
    finally:
        runner.vault.lock()
    before = _rows(window, Debrief)
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    receive = page.receive
    _choose(monkeypatch, "app.ui.packages.common", checked.path)
    qtbot.mouseClick(receive.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: receive.confirm is not None, timeout=30_000)
    assert "Package 1" in confirmation("importConfirm").question.text()
    swapped.path.replace(checked.path)  # while the question is open
    confirm(qtbot, "importConfirm")
    qtbot.waitUntil(lambda: "Refused" in receive.status.text(), timeout=30_000)
    assert "not the one that was checked" in receive.status.text()
    assert _rows(window, Debrief) == before
