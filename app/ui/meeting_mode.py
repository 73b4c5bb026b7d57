"""Meeting mode: during a covert meeting the window shows only the source's
codename, the open tasking and a quick-note field. The contact and its draft
debrief are recorded as the meeting starts and the note is autosaved into the
draft every few seconds; leaving needs the passphrase. A lock (idle, Ctrl+L, panic)
saves the note and leaves the meeting open: after the unlock the runner returns to
it (``MeetingView.resume``); only quitting ends it.

A meeting started by mistake is discarded in its first minutes
(``meetings.DISCARD_MINUTES``): after a question that names what goes (and the
note, if it holds text), and the passphrase. Discarding also leaves meeting mode
and shows the whole file book again, so it is held to the same passphrase as
ending: a source at the table must not get out of meeting mode with one click."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import utc_now
from app.services.records import debriefs, meetings, tasking
from app.ui.alias_band import text_colour
from app.ui.confirm import ConfirmDialog, ask
from app.ui.errors import describe, show_error
from app.ui.session import AppSession
from app.ui.widgets import text_box
from app.ui.window_size import title_width
from app.ui.workers import TaskRunner


class MeetingView(QWidget):
    finished = Signal(object)  # MeetingRecord | None

    def __init__(
        self,
        session: AppSession,
        runner: TaskRunner,
        source_id: uuid.UUID,
        codename: str,
        parent: QWidget | None = None,
        *,
        record: meetings.MeetingRecord | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingView")
        self.session = session
        self.runner = runner
        self.source_id = source_id
        # Recorded now, so that the note has somewhere to be autosaved.
        self.record = record or meetings.start_meeting(session.vault, session.scope, source_id)
        self._saved_note = note
        self._vault_has_note = bool(note.strip())  # the draft in the vault holds note text
        self.discarded = False
        self._closed = False
        self.codename_text = codename
        self.codename = QLabel(codename)
        self.codename.setObjectName("meetingCodename")
        self.codename.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.taskings = QListWidget()
        self.taskings.setObjectName("meetingTaskings")
        for t in tasking.open_taskings(session.vault, session.scope, source_id):
            due = f" ({t.deadline.isoformat()})" if t.deadline else ""
            self.taskings.addItem(t.description + due)
        self.note = text_box(self.tr("Quick notes; they become a contact and a draft debrief"), 200)
        self.note.setObjectName("meetingNote")
        self.note.setPlainText(note)
        self.status = QLabel()
        self.status.setObjectName("meetingStatus")
        self.end_button = QPushButton(self.tr("End meeting…"))
        self.end_button.setObjectName("endMeeting")
        self.end_button.clicked.connect(self.ask_to_end)
        self.discard_button = QPushButton(self.tr("Discard meeting…"))
        self.discard_button.setObjectName("discardMeeting")
        self.discard_button.setToolTip(
            self.tr(
                "Started by mistake? In its first {m} minutes a meeting can be discarded."
            ).format(m=meetings.DISCARD_MINUTES)
        )
        self.discard_button.clicked.connect(self.ask_to_discard)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.end_button)
        # The acting alias stays visible, as everywhere: the band in its colour, as
        # tall as the main window's (the strongest signal on screen, here too).
        self.band = QLabel(session.scope.alias_name)
        self.band.setObjectName("meetingAliasBand")
        self.band.setFixedHeight(40)
        self.band.setStyleSheet(
            f"background: {session.scope.colour}; color: {text_colour(session.scope.colour)};"
            " padding: 0 12px; font-weight: bold;"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.band)
        layout.addWidget(self.codename)
        layout.addWidget(QLabel(self.tr("Open tasking:")))
        layout.addWidget(self.taskings, 1)
        layout.addWidget(QLabel(self.tr("Notes:")))
        layout.addWidget(self.note, 2)
        layout.addLayout(bottom)
        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.autosave_note)
        self.autosave.start(session.settings.autosave_seconds * 1000)
        # The discard button goes once the meeting is past its first minutes.
        self.discard_window = QTimer(self)
        self.discard_window.timeout.connect(self._discard_still_possible)
        self.discard_window.start(10_000)

    @classmethod
    def resume(
        cls, session: AppSession, runner: TaskRunner, record: meetings.MeetingRecord
    ) -> MeetingView:
        """The meeting a lock interrupted, with its note as last saved."""
        draft = debriefs.get_debrief(session.vault, session.scope, record.debrief_id)
        return cls(
            session, runner, draft.source_id, draft.codename, record=record, note=draft.narrative
        )

    @property
    def is_open(self) -> bool:
        return not self._closed

    def keep_for_lock(self, reason: str) -> None:
        """Before a lock: the note into the vault. Quitting ends the meeting (its
        length is recorded); any other lock leaves it open to return to."""
        if reason == "quit":
            self.save_note()
        else:
            self.autosave.stop()
            self.autosave_note()

    def _ask_passphrase(self, title: str, name: str, then: Callable[[str], None]) -> QInputDialog:
        # Not modal-blocking (no nested event loop): the idle lock and the panic
        # key keep working while the dialog is up.
        dialog = QInputDialog(self)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Passphrase:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        # The dialog sizes itself to its contents (a label and a field), narrower
        # than its title: the field is made as wide as the title needs.
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setMinimumWidth(title_width(dialog))
        dialog.textValueSelected.connect(then)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def ask_to_end(self) -> None:
        self._ask_passphrase(self.tr("End meeting"), "endMeetingDialog", self.end_with)

    def _check_passphrase(self, passphrase: str, then: Callable[[], None]) -> None:
        """Check the passphrase off the GUI thread; ``then`` only if it is right."""
        vault = self.session.vault
        buttons = (self.end_button, self.discard_button)
        for button in buttons:
            button.setEnabled(False)
        self.status.setText(self.tr("Checking…"))

        def work(_progress: Any) -> bool:
            return vault.verify_passphrase(passphrase)

        def done(ok: object) -> None:
            self.end_button.setEnabled(True)
            self._discard_still_possible()
            if not ok:
                self.status.setText(self.tr("Wrong passphrase; still in meeting mode."))
                return
            self.status.clear()
            then()

        def failed(exc: BaseException) -> None:
            self.end_button.setEnabled(True)
            self._discard_still_possible()
            self.status.setText(describe(exc))

        self.runner.start(work, done, failed, writes=None)

    def end_with(self, passphrase: str) -> None:
        self._check_passphrase(passphrase, lambda: self.finished.emit(self.save_note()))

    # -- discarding a meeting started by mistake ----------------------------------

    def minutes_in(self) -> float:
        return (utc_now() - self.record.started_at).total_seconds() / 60

    def _discard_still_possible(self) -> None:
        self.discard_button.setEnabled(
            not self._closed and self.minutes_in() < meetings.DISCARD_MINUTES
        )

    def note_would_be_lost(self) -> bool:
        return bool(self.note.toPlainText().strip()) or self._vault_has_note

    def ask_to_discard(self) -> ConfirmDialog | None:
        self._discard_still_possible()
        if not self.discard_button.isEnabled():
            return None
        started = self.record.started_at.astimezone().strftime("%H:%M")
        words = len(self.note.toPlainText().split())
        details = ""
        if self.note_would_be_lost():
            details = (
                self.tr("The note you typed (%n word(s)) is lost with it.", "", words)
                if words
                else self.tr("The note saved earlier is lost with it.")
            )
        lose_note = self.note_would_be_lost()
        return ask(
            self,
            title=self.tr("Discard meeting"),
            text=self.tr(
                "Discard this meeting with {codename}, started at {time}? Its contact and "
                "its draft debrief are removed; the audit log records that it was "
                "discarded. Then give your passphrase."
            ).format(codename=self.codename_text, time=started),
            details=details,
            confirm=self.tr("Discard meeting…"),
            on_confirm=lambda: self._ask_passphrase(
                self.tr("Discard meeting"),
                "discardMeetingDialog",
                lambda passphrase: self.discard_with(passphrase, lose_note=lose_note),
            ),
            name="discardMeetingConfirm",
        )

    def discard_with(self, passphrase: str, *, lose_note: bool) -> None:
        self._check_passphrase(passphrase, lambda: self._discard(lose_note))

    def _discard(self, lose_note: bool) -> None:
        if self._closed:
            return
        self.autosave.stop()
        try:
            meetings.discard_meeting(
                self.session.vault, self.session.scope, self.record, lose_note=lose_note
            )
        except Exception as exc:
            self.status.setText(describe(exc))
            self.autosave.start()
            self._discard_still_possible()
            return
        self._closed = True
        self.discard_window.stop()
        self.note.clear()
        self.discarded = True
        self.finished.emit(None)

    def autosave_note(self) -> None:
        """Timer tick: write the note into the draft debrief if it changed."""
        note = self.note.toPlainText()
        if self._closed or note == self._saved_note:
            return
        try:
            saved = meetings.save_note(self.session.vault, self.session.scope, self.record, note)
        except Exception as exc:
            self.status.setText(describe(exc))
            return
        self._saved_note = note
        if saved.kept:
            # Emptied on screen (perhaps because someone looked): the vault keeps it.
            self.status.setText(
                self.tr("The note is empty here; the vault keeps the note saved before.")
            )
            return
        self._vault_has_note = bool(note.strip())
        self.status.setText(
            self.tr("Note saved {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )

    def unsaved_note(self) -> str | None:
        """The note, if its last autosave failed (``autosave_note``)."""
        note = self.note.toPlainText()
        return None if self._closed or note == self._saved_note else note

    def save_note(self) -> meetings.MeetingRecord | None:
        """End of the meeting (also when the vault locks during it): keep the last
        of the note and record the meeting's length."""
        if self._closed:
            return self.record
        self.autosave.stop()
        self.discard_window.stop()
        try:
            meetings.close_meeting(
                self.session.vault, self.session.scope, self.record, self.note.toPlainText()
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        self._closed = True
        self.note.clear()
        return self.record

    def clear_vault_data(self) -> None:
        self.autosave.stop()
        self.discard_window.stop()
        self.note.clear()
        self.taskings.clear()
        self.codename.clear()
