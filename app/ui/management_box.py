"""Management information on the Reports page (a handler's vault): the team's
figures for a period, without identities and with every count below 5 hidden,
issued in the worker pool as the debrief reports are (registered, verifiable)
and saved as PDF where the handler chooses, after the unencrypted-file warning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from app.services import reports
from app.services.reports import management_vault
from app.ui import unencrypted_save
from app.ui.errors import describe
from app.ui.session import AppSession
from app.ui.widgets import date_edit, qdate_value
from app.ui.workers import TaskRunner


class ManagementBox(QGroupBox):
    def __init__(
        self,
        session: AppSession,
        runner: TaskRunner,
        language: Callable[[], str],
        marking: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Management information"), parent)
        self.setObjectName("managementBox")
        self.session = session
        self.runner = runner
        self.language = language  # () -> the report language
        self.marking = marking  # () -> the marking chosen on the page
        today = date.today()
        self.date_from = date_edit(date(today.year, 1, 1))
        self.date_from.setObjectName("managementFrom")
        self.date_to = date_edit(today)
        self.date_to.setObjectName("managementTo")
        self.save_button = QPushButton(self.tr("Save management report…"))
        self.save_button.setObjectName("saveManagementReport")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self._intro())
        self.status.setObjectName("managementStatus")
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("From:"), self.date_from)
        form.addRow(self.tr("To:"), self.date_to)
        form.addRow(self.save_button, self.status)

    def _intro(self) -> str:
        return self.tr("Figures of your team, without names; every count below 5 shows as “< 5”.")

    def clear(self) -> None:
        """Not busy, nothing said: a report still being made when the vault locked
        hands its result to no one (``TaskRunner.forget_pending``); another alias
        waits for it (it is started as work that writes)."""
        self.save_button.setEnabled(True)
        self.status.setText(self._intro())

    def save(self) -> None:
        first, last = qdate_value(self.date_from), qdate_value(self.date_to)
        if last < first:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        path = unencrypted_save.chosen_path(
            self,
            self.marking(),
            self.tr("Save management report"),
            f"management-{first.isoformat()}-{last.isoformat()}.pdf",
        )
        if path is None:
            return
        self.make(first, last, path)

    def make(self, first: date, last: date, path: Path) -> None:
        """Count, lay out and register in the pool; save here (a question if the
        file exists)."""
        vault, scope = self.session.vault, self.session.scope
        language, marking = self.language(), self.marking()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Counting…"))

        def work(_progress: Any) -> reports.IssuedPdf:
            figures = management_vault.figures(vault, scope, first=first, last=last)
            return reports.issue_management(
                vault, scope, figures, language=language, marking=marking
            )

        def done(issued: object) -> None:
            self.save_button.setEnabled(True)
            assert isinstance(issued, reports.IssuedPdf)

            def save(to: Path, overwrite: bool) -> None:
                reports.save_pdf(vault, scope, issued, to, overwrite=overwrite)

            try:
                written = unencrypted_save.write(
                    self, path, self.tr("Save management report"), save
                )
            except Exception as exc:
                self.status.setText(describe(exc))
                return
            if not written:
                self.status.setText(self.tr("Not saved: the existing file was kept."))
                return
            self.status.setText(
                self.tr(
                    "Saved {name} (an unencrypted PDF; keep it as its marking requires)."
                ).format(name=path.name)
            )

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(describe(exc))

        self.runner.start(work, done, failed, writes=self.tr("Making the management report…"))
