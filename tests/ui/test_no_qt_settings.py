"""Qt's file dialog writes its history and last folder into the user's settings
when it closes; Veldboek's start-up points Qt's settings where nothing can be
written (``app/ui/no_qt_settings.py``), so a folder name that names a source or
an operation never lands in ``~/.config/QtProject.conf``."""

from __future__ import annotations

import uuid
from pathlib import Path

import shiboken6
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.ui import no_qt_settings


def _qt_settings_file() -> Path:
    location = QStandardPaths.StandardLocation.GenericConfigLocation
    return Path(QStandardPaths.writableLocation(location)) / "QtProject.conf"


def _content(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def test_a_closed_file_dialog_leaves_nothing_in_qts_settings_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    conf = _qt_settings_file()
    before = _content(conf)
    no_qt_settings.keep_nothing()
    marker = f"operatie-{uuid.uuid4().hex[:12]}"  # a folder name no earlier run made
    folder = tmp_path / marker
    folder.mkdir()
    picker = QFileDialog(None, "", str(folder))
    picker.setOption(QFileDialog.Option.DontUseNativeDialog)
    picker.show()
    qtbot.waitExposed(picker)
    picker.reject()
    shiboken6.delete(picker)  # Qt writes its settings as the dialog goes
    after = _content(conf)
    assert after == before
    assert marker.encode() not in (after or b"")
    assert not Path(no_qt_settings.NOWHERE).exists()
