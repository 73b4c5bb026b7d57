"""Vault text does not stay where other programs read it.

On X11 (a real X server, Xvfb, and ``xclip`` as the other program; skipped where
they are missing): selecting text puts it in the primary selection, which a
middle click pastes anywhere; the app clears it at once, so another program reads
nothing, while text another program put there is left alone; Ctrl+C leaves text
on the clipboard for the set seconds, and the lock clears it at once
(``tests/helpers/x11_selection.py``). The offscreen platform has no selection:
there the lock's clearing is tested with the clipboard, through the real lock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from tests.helpers.x11_selection import SECRET
from tests.ui.conftest import unlock

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("xclip")), reason="needs Xvfb and xclip"
)
def test_x11_primary_selection_never_keeps_vault_text() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.helpers.x11_selection"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["supports_selection"]
    # The widgets did put the text there (what a middle click would paste) ...
    assert found["selected"] == SECRET
    assert found["selected_by_mouse"]
    # ... and another program finds none of it.
    assert found["primary_after_select"] == ""
    assert found["primary_after_mouse"] == ""
    assert found["clipboard_after_copy"] == SECRET
    assert found["clipboard_after_timer"] == ""
    assert found["clipboard_after_lock"] == ""
    assert found["others_primary"] == "theirs"


def test_the_lock_clears_copied_text_at_once(qtbot: QtBot, controller: AppController) -> None:
    window = unlock(qtbot, controller)
    controller.clipboard.seconds = 300
    edit = window.debrief_page.addendum_edit
    edit.setText("copied secret words")
    edit.selectAll()
    edit.copy()
    assert QGuiApplication.clipboard().text() == "copied secret words"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not controller.lock.is_unlocked, timeout=5_000)
    assert QGuiApplication.clipboard().text() == ""
