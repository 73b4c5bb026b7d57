"""A debrief's attached files: add while it is a draft, look at images inside the
app (from memory, never via a file), save a copy only on an explicit choice."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import one_line
from app.services.records import attachments
from app.services.records.attachments import AttachmentView
from app.ui.confirm import ConfirmDialog, ask
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import show_error
from app.ui.record_table import RecordTable
from app.ui.save_file import choose_save_path, save_confirmed
from app.ui.session import AppSession
from app.ui.table_models import Column
from app.ui.widgets import file_size, local_time


class ImageViewer(QDialog):
    """Shows an attached image; the bytes stay in memory and go with the dialog."""

    def __init__(self, name: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        # A file's name may name a source: the title (taskbar, window switcher)
        # stays generic, the name is shown inside.
        self.setWindowTitle(self.tr("Attached image"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picture = QLabel()
        self.picture.setObjectName("imageViewerPicture")
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.picture.setText(self.tr("This image cannot be shown."))
        else:
            self.picture.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        shown_name = QLabel()
        shown_name.setObjectName("imageViewerName")
        shown_name.setTextFormat(Qt.TextFormat.PlainText)
        shown_name.setText(name)
        layout = QVBoxLayout(self)
        layout.addWidget(shown_name)
        layout.addWidget(scroll)
        self.resize(800, 600)
        keyboard_dialog(self)


class AttachmentsBox(QGroupBox):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Attached files"))
        self.setObjectName("attachmentsBox")
        self.session = session
        self.debrief_id: uuid.UUID | None = None
        self.viewers: list[ImageViewer] = []
        self.table: RecordTable[AttachmentView] = RecordTable(
            [
                Column(
                    self.tr("Added"),
                    lambda a: local_time(a.created_at),
                    key=lambda a: a.created_at,
                    newest_first=True,
                ),
                Column(self.tr("Kind"), lambda a: a.media_type),
                Column(
                    self.tr("Size"),
                    lambda a: file_size(a.size),
                    key=lambda a: a.size,
                    newest_first=True,
                ),
                Column(self.tr("Name"), lambda a: one_line.shown(a.name)),
            ],
            "attachmentsTable",
            empty=lambda: self.tr("No files attached.") if self.debrief_id else "",
        )
        self.table.view.setMaximumHeight(120)
        self.table.view.doubleClicked.connect(lambda _i: self.view_selected())
        self.add_button = self.table.add_button(self.tr("Attach a file…"), self.add, "attachFile")
        self.view_button = self.table.add_button(
            self.tr("View"), self.view_selected, "viewAttachment"
        )
        self.save_button = self.table.add_button(
            self.tr("Save a copy…"), self.save_copy, "saveAttachment"
        )
        self.remove_button = self.table.add_button(
            self.tr("Remove"), self.remove, "removeAttachment"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_for(self, debrief_id: uuid.UUID, *, editable: bool) -> None:
        self.debrief_id = debrief_id
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)
        self.table.set_rows(
            attachments.list_attachments(self.session.vault, self.session.scope, debrief_id)
        )

    def clear_vault_data(self) -> None:
        self.debrief_id = None
        self.table.clear()
        for viewer in self.viewers:
            viewer.close()
        self.viewers.clear()

    def _refresh(self) -> None:
        if self.debrief_id is not None:
            self.show_for(self.debrief_id, editable=self.add_button.isVisible())

    def add(self, path: Path | None = None) -> None:
        if self.debrief_id is None:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("A file to attach"))
            if not name:
                return
            path = Path(name)
        try:
            # Refused unread unless a regular file within the limit (``user_files``).
            attachments.add_attachment_file(
                self.session.vault, self.session.scope, self.debrief_id, path
            )
        except Exception as exc:
            show_error(self, exc)
        self._refresh()

    def view_selected(self) -> ImageViewer | None:
        chosen = self.table.selected()
        if chosen is None:
            return None
        if not chosen.viewable:
            box = QMessageBox(self)
            box.setObjectName("notViewable")
            box.setText(
                self.tr(
                    "Veldboek shows only images itself. Other files can be saved as a copy, "
                    "which leaves an unencrypted file on this computer."
                )
            )
            box.open()
            return None
        try:
            data = attachments.attachment_bytes(
                self.session.vault, self.session.scope, chosen.id, purpose="view"
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        viewer = ImageViewer(one_line.shown(chosen.name), data, self)
        self.viewers.append(viewer)
        viewer.finished.connect(
            lambda _r: self.viewers.remove(viewer) if viewer in self.viewers else None
        )
        viewer.open()
        return viewer

    def save_copy(self) -> None:
        chosen = self.table.selected()
        if chosen is None:
            return
        warning = QMessageBox.warning(
            self,
            self.tr("Save an unencrypted copy"),
            self.tr(
                "The copy is not encrypted: anyone with this computer or the stick can read "
                "it. Save it only where the file's classification allows, and destroy it "
                "when done. Saving is recorded in the audit log."
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,  # a stray Enter writes nothing unencrypted
        )
        if warning != QMessageBox.StandardButton.Save:
            return
        title = self.tr("Save a copy")
        # A name that came in a package before the reader checked its form may name
        # a folder (../, /etc/...): the dialog is offered its last part only.
        path = choose_save_path(self, title, attachments.clean_name(chosen.name))
        if path is None:
            return
        vault, scope = self.session.vault, self.session.scope
        try:
            save_confirmed(
                self,
                path,
                title,
                lambda force: attachments.save_copy(vault, scope, chosen.id, path, overwrite=force),
            )
        except Exception as exc:
            show_error(self, exc, title)

    def remove(self) -> ConfirmDialog | None:
        chosen = self.table.selected()
        if chosen is None:
            return None

        def remove() -> None:
            try:
                attachments.remove_attachment(self.session.vault, self.session.scope, chosen.id)
            except Exception as exc:
                show_error(self, exc)
            self._refresh()

        return ask(
            self,
            title=self.tr("Remove attached file"),
            text=self.tr(
                "Remove the attached file {name} ({size}) from this debrief? It is deleted "
                "from the vault; only the audit log keeps a note that it was there."
            ).format(name=one_line.shown(chosen.name), size=file_size(chosen.size)),
            confirm=self.tr("Remove file"),
            on_confirm=remove,
            name="removeAttachmentConfirm",
        )
