"""Typed text a lock could not write into the vault (its disk full): held in
memory, sealed to the vault's key (``app.services.records.held_text``), and put
back at the next unlock, with a line saying what became of it."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.records import held_text
from app.ui.session import AppSession

if TYPE_CHECKING:
    from app.ui.meeting_mode import MeetingView
    from app.ui.pages.debrief_editor import DebriefPage

log = logging.getLogger(__name__)


def hold_unsaved(
    session: AppSession, editor: DebriefPage | None, meeting: MeetingView | None
) -> None:
    """After the lock's last saves (``MainWindow._before_lock``): hold the debrief's
    text and the meeting's note that could still not be written."""
    if editor is not None and (typed := editor.unsaved()) is not None:
        debrief_id, fields = typed
        _hold(session, debrief_id, fields)
    if editor is not None and editor.item_dialog is not None:
        item = editor.item_dialog.unsaved_item()
        if item is not None:
            try:
                held_text.hold_item(session.vault, session.scope, *item)
            except Exception as exc:  # the lock goes on whatever happens
                log.warning("could not hold the typed item (%s)", type(exc).__name__)
    if meeting is not None and (note := meeting.unsaved_note()) is not None:
        _hold(session, meeting.record.debrief_id, {"narrative": note})


def _hold(session: AppSession, debrief_id: uuid.UUID, fields: dict[str, str]) -> None:
    try:
        held_text.hold(session.vault, session.scope, held_text.DEBRIEF, debrief_id, fields)
    except Exception as exc:  # the lock goes on whatever happens
        log.warning("could not hold the typed text (%s)", type(exc).__name__)


def say_put_back(parent: QWidget, back: held_text.PutBack) -> QMessageBox:
    """After the unlock: what became of the text held at the lock (shown without
    a nested event loop: the lock and the panic key keep working)."""
    lines = []
    if back.stored and (back.still_held or back.dropped):
        # Saying all of it was saved would contradict the lines that follow.
        lines.append(
            QCoreApplication.translate(
                "HeldText",
                "Part of what you typed before the vault locked, which the vault could not "
                "take then (was the disk full?), is saved now.",
            )
        )
    elif back.stored:
        lines.append(
            QCoreApplication.translate(
                "HeldText",
                "What you typed before the vault locked, which the vault could not take "
                "then (was the disk full?), is saved now.",
            )
        )
    if back.still_held:
        lines.append(
            QCoreApplication.translate(
                "HeldText",
                "%n piece(s) of typed text could still not be saved (is the disk full?). "
                "They are held in memory until the next unlock; quitting Veldboek loses them.",
                "",
                back.still_held,
            )
        )
    if back.dropped:
        lines.append(
            QCoreApplication.translate(
                "HeldText",
                "%n piece(s) of typed text held from the lock could not be put back: their "
                "record was changed meanwhile (a debrief submitted from elsewhere?).",
                "",
                back.dropped,
            )
        )
    box = QMessageBox(parent)
    box.setObjectName("heldTextNotice")
    box.setIcon(QMessageBox.Icon.Information if not back.still_held else QMessageBox.Icon.Warning)
    # Each text a literal translate() call: lupdate reads no wrapper.
    box.setWindowTitle(QCoreApplication.translate("HeldText", "Typed text"))
    box.setText("\n\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
