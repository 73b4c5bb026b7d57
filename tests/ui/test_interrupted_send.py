"""The Send tab after an export was killed between recording its package and
naming its file (a real child process, SIGKILLed at that moment): the tab names
the package, lets the user send although nothing is new, and writes it again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.controller import AppController
from tests.packages.test_interrupted_export import (
    kill_an_export,
    runner_vault,  # noqa: F401 (a fixture this module's demo_dir uses)
    submit,
)
from tests.ui.conftest import unlock
from tests.ui.test_packages_page import click_box_button, message_box, packages_page, show_tab


@pytest.fixture
def demo_dir(runner_vault: dict[str, Path]) -> Path:  # noqa: F811
    """The vault the app opens: a runner's, whose last export was killed."""
    submit(runner_vault["runner"], 2)
    kill_an_export(runner_vault)
    return runner_vault["runner"]


def _done_shown() -> bool:
    try:
        message_box("exportDone")
    except AssertionError:
        return False
    return True


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_send_tab_names_the_unwritten_package_and_writes_it_again(
    qtbot: QtBot,
    controller: AppController,
    runner_vault: dict[str, Path],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = runner_vault["usb"]
    (leftover,) = os.listdir(usb)
    window = unlock(qtbot, controller)
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 0)
    send = page.send
    qtbot.waitUntil(lambda: send.plan is not None, timeout=30_000)
    assert send.plan is not None
    assert send.plan.candidates == ()  # its debriefs count as sent
    assert send.unwritten.isVisible()
    assert "Package 1 was recorded but its file was never written" in send.unwritten.text()
    assert send.export_new.isEnabled()

    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(usb)
    )
    # The folder where the killed export left its temporary file.
    qtbot.mouseClick(send.export_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(_done_shown, timeout=30_000)
    box = message_box("exportDone")
    assert "written again" in box.informativeText()
    assert "nothing new to send" in box.text()
    click_box_button(qtbot, box, "OK")
    qtbot.waitUntil(lambda: not send.unwritten.isVisible(), timeout=30_000)
    assert "written again" in send.status.text()
    (written,) = os.listdir(usb)  # the hidden temporary file is gone
    assert written != leftover
    assert written.startswith("veldboek-")
