"""A runner takes the unit's deconfliction key in on the Packages page, with real
clicks and keys: the question answered, the passphrase typed; the tokens are
computed off the GUI thread and no identity is shown. Recording an identity
computes its tokens off the GUI thread too."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.crypto import blind_tokens
from app.domain.enums import PeerRole, Role
from app.models.packages import DeconflictionKeyRow, SourceToken
from app.services.exchange import deconfliction_key, package_receive
from app.services.records import identity
from app.services.views import IdentityFields
from app.ui.controller import AppController
from app.ui.dialogs.identity import RecordIdentityDialog
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.helpers.deconfliction import Unit, issue, new_key
from tests.packages.conftest import Party, introduce, open_party
from tests.ui.conftest import unlock
from tests.ui.test_packages_page import packages_page, show_tab


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Party, Party]]:
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    handler = open_party(tmp_path / "handler", "Havik", Role.HANDLER)
    introduce(handler, central, PeerRole.CENTRAL, "Central")
    introduce(central, handler, PeerRole.HANDLER, "Team handler")
    yield central, handler
    for party in (central, handler):
        if not party.vault.is_locked:
            party.vault.lock()


def _passphrase_dialog() -> QInputDialog:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QInputDialog)
        and w.objectName() == "deconflictionPassphrase"
        and w.isVisible()
    ]
    assert found
    return found[-1]


def test_a_runner_takes_the_key_in_and_tokens_are_computed(
    qtbot: QtBot,
    controller: AppController,
    team: tuple[Party, Party],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = unlock(qtbot, controller)
    me = Party(window.session.vault, window.session.scope, tmp_path)
    central, handler = team
    introduce(me, handler, PeerRole.HANDLER, "Team handler")
    introduce(handler, me, PeerRole.RUNNER, "Runner Valk")
    source = factory.source(me.vault, me.scope, "SLEUTEL")
    identity.record_identity(
        me.vault,
        me.scope,
        source,
        IdentityFields("Jan van der Berg", "1980-12-31", ("1234 AB 12",), ("06-12345678",)),
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    key = new_key()
    unit = Unit(central, handler, me, stick)
    package_receive.import_package(handler.vault, handler.scope, issue(unit, key))
    (sent,) = deconfliction_key.forward(handler.vault, handler.scope, to_dir=stick)

    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    receive = page.receive
    assert receive.take_key.isVisible()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(sent.path), ""),
    )
    qtbot.mouseClick(receive.take_key, Qt.MouseButton.LeftButton)
    question = confirm(qtbot, "importConfirm")
    assert "deconfliction key" in question
    qtbot.waitUntil(lambda: bool(_passphrase_dialog()), timeout=10_000)
    edit = _passphrase_dialog().findChild(QLineEdit)
    assert edit is not None
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(edit, factory.PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Took in deconfliction key" in receive.status.text(), timeout=30_000)
    assert key.key_id in receive.status.text()
    assert "Jan" not in receive.status.text()
    with me.vault.read() as session:
        kinds = set(
            session.execute(
                select(SourceToken.kind).where(SourceToken.source_id == source)
            ).scalars()
        )
    assert kinds == {"name_dob", "phone", "address"}


def test_recording_an_identity_computes_its_tokens_off_the_gui_thread(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    key = new_key()
    with vault.write() as session:  # as a key package leaves it (key_receive)
        session.add(
            DeconflictionKeyRow(
                key_id=key.key_id, secret=key.secret, memory_kib=key.params.memory_kib,
                iterations=key.params.iterations, lanes=key.params.lanes,
                created_at=key.created_at,
            )
        )  # fmt: skip
    threads: list[threading.Thread] = []
    real_token = blind_tokens.token

    def token(*args: Any) -> bytes:
        threads.append(threading.current_thread())
        return real_token(*args)

    monkeypatch.setattr(blind_tokens, "token", token)
    source = factory.source(vault, scope, "AANTEKENING")
    window.open_source(source)
    view = window.page(SourcesPage).file_view  # type: ignore[attr-defined]
    qtbot.mouseClick(view.record_identity_button, Qt.MouseButton.LeftButton)
    [dialog] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, RecordIdentityDialog) and w.isVisible()
    ]
    qtbot.keyClicks(dialog.name, "Jan van der Berg")
    qtbot.keyClicks(dialog.birth, "1980-12-31")
    qtbot.keyClicks(dialog.phones, "06-12345678")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(threads) == 2  # name with birth date, and the phone number
    assert threading.main_thread() not in threads
    assert threading.current_thread() is threading.main_thread()
    with vault.read() as session:
        kinds = set(
            session.execute(
                select(SourceToken.kind).where(SourceToken.source_id == source)
            ).scalars()
        )
    assert kinds == {"name_dob", "phone"}
    assert dialog.name.text() == ""  # the typed identity is gone from the form
