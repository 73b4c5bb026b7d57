"""The package log: what went out and came in, by number; a sent package not yet
confirmed can be written again, byte for byte. Newest first; a header click sorts
by the query (the log pages in as the view scrolls)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.sorting import Sort
from app.services.exchange import package_log, packages
from app.services.exchange.package_log import LogEntry
from app.services.views import Page
from app.ui.errors import describe
from app.ui.packages.common import choose_folder, note_label
from app.ui.record_table import RecordTable
from app.ui.save_file import refused_place, save_confirmed
from app.ui.session import AppSession
from app.ui.table_models import Column, PagedRowsModel
from app.ui.widgets import local_time


class LogTab(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        columns = [
            Column(
                self.tr("When"),
                lambda e: local_time(e.processed_at),
                sort="when",
                newest_first=True,
            ),
            Column(self.tr("Way"), self._way, sort="way"),
            Column(self.tr("Number"), lambda e: str(e.sequence), sort="number", newest_first=True),
            Column(self.tr("Records"), lambda e: str(e.records), sort="records", newest_first=True),
            Column(self.tr("With"), lambda e: e.counterpart, sort="with"),
            Column(self.tr("State"), self._state, sort="state"),
        ]
        # The whole log, a page at a time as the view scrolls.
        self.model: PagedRowsModel[LogEntry] = PagedRowsModel(columns, self._fetch_page, self)
        self.table: RecordTable[LogEntry] = RecordTable(
            columns,
            "packageLog",
            model=self.model,
            empty=lambda: self.tr("No packages sent or received yet.") if self.model.loaded else "",
        )
        self.write_button = self.table.add_button(
            self.tr("Write again…"), lambda: self.write_again(), "writeAgain"
        )
        self.status = note_label("logStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def _way(self, e: LogEntry) -> str:
        sent = e.direction == package_log.OUT
        if e.kind == "receipt":
            return self.tr("receipt sent") if sent else self.tr("receipt received")
        return self.tr("package sent") if sent else self.tr("package received")

    def _state(self, e: LogEntry) -> str:
        if e.confirmed_at is not None:
            return self.tr("confirmed {when}").format(when=local_time(e.confirmed_at, False))
        if e.direction == package_log.OUT and e.kind == "debriefs":
            return self.tr("awaiting receipt")
        return ""

    def _fetch_page(self, sort: Sort, cursor: Any, limit: int) -> Page[LogEntry]:
        return package_log.log_page(
            self.session.vault, self.session.scope, sort=sort, after=cursor, limit=limit
        )

    def reload(self) -> None:
        self.model.reset()
        self.table.fit_columns()

    def clear_vault_data(self) -> None:
        self.table.clear()
        self.status.clear()

    def write_again(self, folder: Path | None = None) -> None:
        entry = self.table.selected()
        if entry is None or not entry.can_write_again:
            self.status.setText(
                self.tr("Select a sent package that is still awaiting its receipt.")
            )
            return
        folder = folder or choose_folder(self, self.tr("Folder to write the package to"))
        if folder is None:
            return
        vault, scope = self.session.vault, self.session.scope
        target = folder / packages.package_file_name(entry.package_id)
        try:
            path = save_confirmed(
                self,
                target,
                self.tr("Write again"),
                lambda force: packages.write_again(
                    vault, scope, entry.package_id, folder, overwrite=force
                ),
            )
        except Exception as exc:
            refused_place(self, exc, self.tr("Write again"))
            self.status.setText(describe(exc))
            return
        if path is not None:
            self.status.setText(self.tr("Written again: {path}").format(path=path))
