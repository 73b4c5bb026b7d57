"""The Send tab when only a source's deconfliction tokens changed (an identity
recorded after the source went out): it says so, lets the user send everything
new, and the package carries the source; the Keys tab counts what waits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models.packages import PackagePeer
from app.services.admin import aliases
from app.services.exchange import deconfliction_key, packages
from app.services.records import identity
from app.services.views import IdentityFields
from app.ui.controller import AppController
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.deconfliction import new_key
from tests.packages.test_interrupted_export import (
    runner_vault,  # noqa: F401 (a fixture this module's demo_dir uses)
)
from tests.ui.conftest import unlock
from tests.ui.test_packages_page import click_box_button, message_box, packages_page, show_tab

JAN = IdentityFields(
    full_name="Jan van der Berg", date_of_birth="31 december 1980", phone_numbers=("06-12345678",)
)


@pytest.fixture
def demo_dir(runner_vault: dict[str, Path]) -> Path:  # noqa: F811
    """A runner's vault holding a key, whose source went out before its identity
    was written down."""
    root, usb = runner_vault["runner"], runner_vault["usb"]
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        with vault.write() as session:
            handler = session.execute(select(PackagePeer)).scalars().first()
            assert handler is not None
            deconfliction_key.store_key(session, scope, new_key(), handler)
        source = factory.source(vault, scope, "MEREL")
        factory.debrief(vault, scope, source, submit=True)
        packages.export_package(vault, scope, to_dir=usb, all_new=True)
        identity.record_identity(vault, scope, source, JAN)
    return root


def _done_shown() -> bool:
    try:
        message_box("exportDone")
    except AssertionError:
        return False
    return True


@pytest.mark.usefixtures("english")
def test_the_send_tab_sends_a_source_whose_tokens_changed(
    qtbot: QtBot,
    controller: AppController,
    runner_vault: dict[str, Path],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = runner_vault["usb"]
    window = unlock(qtbot, controller)
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 0)
    send = page.send
    qtbot.waitUntil(lambda: send.plan is not None, timeout=30_000)
    assert send.plan is not None
    assert (send.plan.candidates, send.plan.token_sources) == ((), 1)
    assert send.status.text() == (
        "No new debrief; the deconfliction tokens of 1 source wait to be sent."
    )
    assert send.export_new.isEnabled()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(usb)
    )
    qtbot.mouseClick(send.export_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(_done_shown, timeout=30_000)
    click_box_button(qtbot, message_box("exportDone"), "OK")
    qtbot.waitUntil(lambda: send.plan is not None and send.plan.token_sources == 0, timeout=30_000)
    assert not send.export_new.isEnabled()
    assert "with 0 debriefs written to" in send.status.text()
    assert deconfliction_key.status(window.session.vault).sources_to_send == 0
