"""The app open on the Reports page while a command on the same vault (a real
second process) approves a sanitised request: the page shows it approved after
Ctrl+4, Ctrl+5. Should the window's reading meet what looks like damage on the
way (a view out of step with the other process's writes: made to happen once
here), it says the view was out of date, not that the vault is damaged: the next
Ctrl+5 shows the approval, nothing is marked damaged, and the lock is recorded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import AuditEvent, CompartmentMember, Source
from app.models.reports import ApprovalStatus
from app.services import reports
from app.services.admin import aliases
from app.services.reports import Selection
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_second_process_view import fail_once
from tests.ui.conftest import unlock

CTRL = Qt.KeyboardModifier.ControlModifier
ROOT = Path(__file__).resolve().parents[2]


def requested(window: MainWindow) -> str:
    """A sanitised report requested by the runner, waiting for a handler."""
    vault, runner = window.session.vault, window.session.scope
    source = factory.source(vault, runner, "GESCHOOND")
    havik = aliases.resolve_scope(vault, "Havik")
    with vault.write() as session:
        comp = session.get(Source, source).compartment_id  # type: ignore[union-attr]
        session.add(CompartmentMember(compartment_id=comp, alias_id=havik.alias_id))
    item = factory.graded_item("The van.", sanitised_text="A van reportedly belongs to a man.")
    debrief = factory.debrief(vault, runner, source, items=(item,), submit=True)
    selection = Selection(debrief_id=debrief)
    view = reports.request_sanitised(vault, runner, selection, passphrase=factory.PASSPHRASE)
    return str(view.id)


def approve_elsewhere(root: Path, approval: str, tmp_path: Path) -> None:
    """``veldboek report approve`` as the handler, in a process of its own."""
    pp = tmp_path / "passphrase"
    pp.write_text(factory.PASSPHRASE + "\n")
    base = ["--vault", str(root), "--passphrase-file", str(pp), "--alias", "Havik"]

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "app", "report", *args, *base],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return done.stdout

    shown = run("approvals", "--show", approval)
    code = next(line.split(": ")[1] for line in shown.splitlines() if line.startswith("Code of"))
    run("approve", approval, "--seen", code)


def statuses(page: ReportsPage) -> list[ApprovalStatus]:
    rows = (page.approvals.model.row_at(r) for r in range(page.approvals.model.rowCount()))
    return [row.status for row in rows if row is not None]


def boxes() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_a_command_approves_while_the_app_is_open(
    qtbot: QtBot, controller: AppController, demo_dir: Path, tmp_path: Path
) -> None:
    window = unlock(qtbot, controller)
    approval = requested(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.page(ReportsPage)
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: statuses(page) == [ApprovalStatus.PENDING])  # loaded in the pool

    approve_elsewhere(demo_dir, approval, tmp_path)
    fail_once(window.session.vault, "database disk image is malformed")
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    (said,) = boxes()  # the reading that failed says so, once
    assert "damaged" not in said
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            assert "out of date" in box.text()
            box.close()
    assert not window.session.vault.damaged

    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    qtbot.waitUntil(lambda: statuses(page) == [ApprovalStatus.APPROVED])
    assert boxes() == []
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: not controller.lock.is_unlocked, timeout=5_000)
    with Vault.open(demo_dir, factory.PASSPHRASE, record_open=False) as vault, vault.read() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
        assert (last.action, last.detail) == ("vault.locked", '{"reason":"manual"}')
