"""Reports: make an internal report, request a sanitised one (a handler approves
it, then it can be issued), preview and print from memory, verify a report file."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from app.errors import ReportCancelled
from app.services import reports
from app.services.admin import local_config
from app.services.files import user_files
from app.services.records import sources
from app.services.reports import ApprovalView, IssuedPdf, Selection
from app.services.reports.sanitise import SanitisationRefused
from app.ui import i18n
from app.ui.confirm import ConfirmDialog, ask
from app.ui.errors import describe
from app.ui.management_box import ManagementBox
from app.ui.pages import report_approvals
from app.ui.pages.base import Page
from app.ui.record_table import RecordTable
from app.ui.report_preview import PreviewInfo, ReportPreviewDialog
from app.ui.session import AppSession
from app.ui.widgets import OptionalDate, find_data
from app.ui.workers import TaskRunner


class ReportsPage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self.debrief_id: uuid.UUID | None = None
        self.previews: list[ReportPreviewDialog] = []
        self._running: reports.Cancel | None = None  # the report being made, if any

        what = self._build_form()

        # Sanitised reports and their approvals (report_approvals builds and loads them).
        self.approvals_asked = 0  # which load the list shows (report_approvals.load)
        self.approvals_loaded = False
        self.approvals: RecordTable[ApprovalView]
        self.preview_button: QPushButton
        self.approve_button: QPushButton
        self.reject_button: QPushButton
        self.issue_button: QPushButton
        approvals_box = report_approvals.build(self)

        verify = QPushButton(self.tr("Verify a report file…"))
        verify.setObjectName("verifyReport")
        verify.clicked.connect(self.verify_file)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        verify_row = QHBoxLayout()
        verify_row.addWidget(verify)
        verify_row.addWidget(self.verify_result, 1)

        # A handler's team figures (shown to handlers only: reload).
        self.management = ManagementBox(
            session, runner, self.report_language, lambda: self.marking.currentText(), self
        )

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(approvals_box, 1)
        layout.addWidget(self.management)
        layout.addLayout(verify_row)
        self.set_debrief(None)

    def _build_form(self) -> QGroupBox:
        """What the report covers, its kind and marking, and the Make button."""
        self.one = QLabel()
        self.one.setObjectName("reportOneDebrief")
        self.source = QComboBox()
        self.source.setObjectName("reportSource")
        self.date_from = OptionalDate()
        self.date_to = OptionalDate()
        self.clear_debrief = QPushButton(self.tr("Choose by source and dates instead"))
        self.clear_debrief.setObjectName("reportClearDebrief")
        self.clear_debrief.clicked.connect(lambda: self.set_debrief(None))
        # A row of its own in the form, at the width of its words: not a bar across it.
        self.clear_debrief.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.internal = QRadioButton(self.tr("Internal (for the unit; names the source)"))
        self.internal.setObjectName("kindInternal")
        self.sanitised = QRadioButton(
            self.tr("Sanitised (for sharing; needs a handler's approval)")
        )
        self.sanitised.setObjectName("kindSanitised")
        self.internal.setChecked(True)
        # A source's or period's drafts: unfinished, perhaps ungraded; left out of an
        # internal report unless asked for (then marked DRAFT in it).
        self.include_drafts = QCheckBox(self.tr("Include drafts (marked DRAFT)"))
        self.include_drafts.setObjectName("reportIncludeDrafts")
        self.internal.toggled.connect(lambda _on: self._drafts_choice())
        kinds = QButtonGroup(self)
        kinds.addButton(self.internal)
        kinds.addButton(self.sanitised)
        self.marking = QComboBox()
        self.marking.setObjectName("reportMarking")
        for marking in reports.MARKINGS:
            self.marking.addItem(marking)
        self.marking.setCurrentText(reports.DEFAULT_MARKING)
        self.make_button = QPushButton(self.tr("Make report…"))
        self.make_button.setObjectName("makeReport")
        self.make_button.clicked.connect(self.make_report)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        what = QGroupBox(self.tr("New report"))
        form = QFormLayout(what)
        form.addRow(self.one)
        form.addRow(self.clear_debrief)
        source_row = QHBoxLayout()  # beside the source: a row more would not fit
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.include_drafts)
        form.addRow(self.tr("Source:"), source_row)
        form.addRow(self.tr("From (day met):"), self.date_from)
        form.addRow(self.tr("To:"), self.date_to)
        form.addRow(self.tr("Kind:"), self.internal)
        form.addRow("", self.sanitised)
        form.addRow(self.tr("Marking:"), self.marking)
        form.addRow(self.make_button, self.status)
        return what

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ReportsPage", "Reports")

    # -- selection --------------------------------------------------------------

    def set_debrief(self, debrief_id: uuid.UUID | None, label: str = "") -> None:
        self.debrief_id = debrief_id
        self.debrief_label = label
        chosen = debrief_id is not None
        self.one.setVisible(chosen)
        self.one.setText(self.tr("One debrief: {what}").format(what=label) if chosen else "")
        self.clear_debrief.setVisible(chosen)
        for widget in (self.source, self.date_from, self.date_to):
            widget.setEnabled(not chosen)
        self._drafts_choice()

    def _drafts_choice(self) -> None:
        """Drafts are a choice for an internal report of a source or a period (one
        debrief chosen is reported as it is; a sanitised report never has one)."""
        self.include_drafts.setEnabled(self.debrief_id is None and self.internal.isChecked())

    def selection(self) -> Selection:
        if self.debrief_id is not None:
            return Selection(debrief_id=self.debrief_id)
        return Selection(
            source_id=self.source.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            include_drafts=self.include_drafts.isEnabled() and self.include_drafts.isChecked(),
        ).validated()

    def reload(self) -> None:
        current = self.source.currentData()
        self.source.clear()
        self.source.addItem(self.tr("— all sources —"), None)
        for row in sources.list_sources(self.session.vault, self.session.scope):
            self.source.addItem(row.codename, row.id)
        index = find_data(self.source, current)
        self.source.setCurrentIndex(max(0, index))
        report_approvals.load(self)
        handler = self.session.scope.role is Role.HANDLER
        for button in (self.preview_button, self.approve_button, self.reject_button):
            button.setVisible(handler)
        self.management.setVisible(handler)

    # -- making reports ---------------------------------------------------------

    def report_language(self) -> str:
        """Reports are printed in the interface's language (Settings)."""
        return i18n.resolve_language(local_config.load().language)

    def _ask_passphrase(self, why: str) -> str | None:
        passphrase, ok = QInputDialog.getText(
            self, self.tr("Passphrase"), why, QLineEdit.EchoMode.Password
        )
        return passphrase if ok and passphrase else None

    def _progress(self, text: str, cancel: reports.Cancel | None = None) -> QProgressDialog:
        """A progress dialog for work in the pool; with ``cancel``, its Cancel
        button stops that work (between two debriefs)."""
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("reportProgress")
        if cancel is None:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(lambda: self._cancel(cancel))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        return dialog

    def _cancel(self, cancel: reports.Cancel) -> None:
        cancel.set()
        self.status.setText(self.tr("Cancelling…"))

    def make_report(self) -> None:
        try:
            selection = self.selection()
        except Exception as exc:
            self.status.setText(describe(exc))
            return
        vault, scope, marking = self.session.vault, self.session.scope, self.marking.currentText()
        language = self.report_language()
        if self.internal.isChecked():
            try:
                drafts = reports.drafts_in(vault, scope, selection)
            except Exception as exc:
                self.status.setText(describe(exc))
                return
            ask(
                self,
                title=self.tr("Issue internal report"),
                text=self.tr(
                    "Issue an internal report ({marking}) of {what}? It names the source, "
                    "gets a report number and is recorded in the audit log; it is printed "
                    "or saved only if you choose so in the preview."
                ).format(marking=marking, what=self._selection_text())
                + self._drafts_text(selection, drafts),
                confirm=self.tr("Issue report"),
                on_confirm=lambda: self._issue_internal(selection, marking, language),
                name="issueReportConfirm",
            )
            return
        cancel = self._running = reports.Cancel()
        passphrase = self._ask_passphrase(
            self.tr(
                "The sanitised text is checked against the sources' identities: "
                "give your passphrase."
            )
        )
        if passphrase is None:
            return
        progress = self._progress(self.tr("Checking the sanitised text…"), cancel)

        def request(report: Any) -> ApprovalView:
            return reports.request_sanitised(
                vault,
                scope,
                selection,
                passphrase=passphrase,
                marking=marking,
                progress=report,
                cancel=cancel,
            )

        def requested(approval: ApprovalView) -> None:
            progress.close()
            text = self.tr(
                "No identifying text found. The report now waits for a handler's "
                "approval; issue it here once approved."
            )
            if approval.withheld_items:
                # Shareable items without a sanitised wording are left out, never
                # replaced by what was reported: the requester must know.
                text += " " + self.tr(
                    "%n item(s) that may be shared have no sanitised wording and are left out.",
                    "",
                    approval.withheld_items,
                )
            self.status.setText(text)
            self.reload()

        self.runner.start(
            request,
            requested,
            lambda exc: self._failed(progress, exc),
            lambda d, t: self._step(progress, d, t),
            writes=progress.labelText(),
        )

    def _drafts_text(self, selection: Selection, drafts: int) -> str:
        """What the report does with the drafts of its choice, said before it is
        issued (the command line says the same)."""
        if not drafts:
            return ""
        if selection.debrief_id is not None or selection.include_drafts:
            return " " + self.tr("It includes %n draft(s), marked DRAFT.", "", drafts)
        return " " + self.tr(
            "%n draft(s) of this choice are left out (“Include drafts” adds them).", "", drafts
        )

    def _selection_text(self) -> str:
        """The debriefs a report covers, as a question names them."""
        if self.debrief_id is not None:
            return self.tr("the debrief {what}").format(what=self.debrief_label)
        source = self.source.currentText() if self.source.currentData() else ""
        start, end = self.date_from.value(), self.date_to.value()
        days = ""
        if start or end:
            days = self.tr("met {start} to {end}").format(
                start=start.isoformat() if start else "…", end=end.isoformat() if end else "…"
            )
        if source and days:
            return self.tr("the debriefs of {source}, {days}").format(source=source, days=days)
        if source:
            return self.tr("all debriefs of {source}").format(source=source)
        return self.tr("the debriefs of all sources, {days}").format(days=days)

    def _issue_internal(self, selection: Selection, marking: str, language: str) -> None:
        vault, scope = self.session.vault, self.session.scope
        cancel = self._running = reports.Cancel()
        progress = self._progress(self.tr("Laying out the report…"), cancel)

        def work(report: Any) -> IssuedPdf:
            return reports.issue_internal(
                vault,
                scope,
                selection,
                marking=marking,
                language=language,
                progress=report,
                cancel=cancel,
            )

        self.runner.start(
            work,
            lambda pdf: self._issued(progress, pdf),
            lambda exc: self._failed(progress, exc),
            lambda d, t: self._step(progress, d, t),
            writes=progress.labelText(),
        )

    def _step(self, progress: QProgressDialog, done: int, total: int) -> None:
        if progress.wasCanceled():
            return  # a late step would show the dialog again
        progress.setMaximum(total)
        progress.setValue(done)

    def _failed(self, progress: QProgressDialog, exc: BaseException) -> None:
        progress.close()
        if isinstance(exc, ReportCancelled):
            self.status.setText(self.tr("Cancelled: nothing was issued or requested."))
            return
        if isinstance(exc, SanitisationRefused):
            box = QMessageBox(self)
            box.setObjectName("sanitisationRefused")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Sanitised report refused"))
            box.setText(
                self.tr(
                    "The sanitised text would point to the source. Change these wordings "
                    "and try again:"
                )
            )
            box.setDetailedText("\n".join(hit.describe() for hit in exc.hits))
            box.setInformativeText("\n".join(hit.describe() for hit in exc.hits[:8]))
            box.open()
            self.status.setText(self.tr("Refused: %n identifying string(s).", "", len(exc.hits)))
            return
        self.status.setText(describe(exc))

    def _issued(self, progress: QProgressDialog | None, issued: object) -> None:
        if progress is not None:
            progress.close()
        assert isinstance(issued, IssuedPdf)
        self.status.setText(
            self.tr("Report {id} issued: %n page(s).", "", issued.page_count).format(
                id=str(issued.report_id)[:8]
            )
        )
        self.show_preview(issued)
        self.reload()

    def show_preview(self, issued: IssuedPdf) -> ReportPreviewDialog:
        vault, scope = self.session.vault, self.session.scope
        title = (
            self.tr("Internal debrief report")
            if issued.kind.value == "internal"
            else self.tr("Sanitised intelligence report")
        )
        dialog = ReportPreviewDialog(
            issued.pdf,
            PreviewInfo(title, str(issued.report_id), issued.marking, issued.suggested_name),
            on_printed=lambda pages, copies: reports.record_printed(
                vault, scope, issued.report_id, pages=pages, copies=copies
            ),
            on_save=lambda path, overwrite: reports.save_pdf(
                vault, scope, issued, Path(path), overwrite=overwrite
            ),
            parent=self,
        )
        self.previews.append(dialog)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: ReportPreviewDialog) -> None:
        if dialog in self.previews:
            self.previews.remove(dialog)

    # -- approvals (report_approvals) ---------------------------------------------

    def preview_approval(self) -> None:
        report_approvals.preview(self)

    def approve(self) -> ConfirmDialog | None:
        return report_approvals.approve(self)

    def reject(self) -> ConfirmDialog | None:
        return report_approvals.reject(self)

    def issue(self) -> ConfirmDialog | None:
        return report_approvals.issue(self)

    # -- verifying ----------------------------------------------------------------

    def verify_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verify a report"), "", self.tr("PDF files (*.pdf)")
        )
        if name:
            self.verify_path(Path(name))

    def verify_path(self, path: Path) -> None:
        try:
            # Refused unread unless a regular file within the limit (``user_files``).
            data = user_files.read_all(path, user_files.REPORT_PDF)
            result = reports.verify_pdf(self.session.vault, data, actor=self.session.scope.actor)
        except Exception as exc:
            self.verify_result.setText(describe(exc))
            return
        self.verify_result.setText(result.message())
        self.verify_result.setStyleSheet("color: #006400;" if result.ok else "color: #b00020;")

    def clear_vault_data(self) -> None:
        if self._running is not None:
            self._running.set()  # the vault is locking: stop making the report
        for dialog in list(self.previews):
            dialog.clear()
            dialog.close()
        self.previews.clear()
        report_approvals.forget(self)
        self.management.clear()
        self.source.clear()
        self.status.clear()
        self.verify_result.clear()
        self.set_debrief(None)
