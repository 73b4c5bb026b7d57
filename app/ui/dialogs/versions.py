"""Every version of a debrief a handler received, each as it arrived: the live
record shows the newest, and none of the others was silently replaced."""

from __future__ import annotations

import uuid
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DebriefStatus, GradingScheme
from app.domain.grading import Grading
from app.services.records import record_versions
from app.services.records.record_versions import VersionInfo
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import describe
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner


class VersionsDialog(QDialog):
    def __init__(
        self,
        session: AppSession,
        runner: TaskRunner,
        debrief_id: uuid.UUID,
        versions: list[VersionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Versions received"))
        self.setObjectName("versionsDialog")
        self.session, self.runner, self.debrief_id = session, runner, debrief_id
        self.shown: int | None = None  # the version whose text is on screen
        self.list = QListWidget()
        self.list.setObjectName("versionList")
        for v in versions:
            item = QListWidgetItem(
                self.tr("Version {n}\nPackage {package}\nReceived {at}").format(
                    n=v.version, package=str(v.package_id)[:8], at=local_time(v.imported_at)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, v.version)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(lambda item, _old: self._load(item))
        self.text = QTextBrowser()
        self.text.setObjectName("versionText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        self.list.setMinimumWidth(280)
        row.addWidget(self.list, 1)
        row.addWidget(self.text, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(900, 560)
        keyboard_dialog(self)

    def _load(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        version = int(item.data(Qt.ItemDataRole.UserRole))
        vault, scope, debrief_id = self.session.vault, self.session.scope, self.debrief_id
        self.shown = None
        self.text.setPlainText(self.tr("Reading version {n}…").format(n=version))
        # Off the GUI thread: a version is read out of its package's kept container.
        self.runner.start(
            lambda _report: record_versions.version_data(vault, scope, debrief_id, version),
            lambda data: self._show(version, data),
            lambda exc: self._failed(version, exc),
            writes=None,
        )

    def _chosen(self, version: int) -> bool:
        """Is ``version`` still the one chosen (a slow read may finish late)?"""
        current = self.list.currentItem()
        return current is not None and int(current.data(Qt.ItemDataRole.UserRole)) == version

    def _failed(self, version: int, exc: BaseException) -> None:
        if self._chosen(version):
            self.text.setPlainText(describe(exc))

    def _show(self, version: int, data: dict[str, Any]) -> None:
        if not self._chosen(version):
            return  # another version was chosen meanwhile
        status = self.tr("Status: {status} · by {author}").format(
            status=label(DebriefStatus(data["status"])), author=data["author"] or "?"
        )
        title = self.tr("Version {n}").format(n=version)
        items_title, addenda_title = self.tr("Intelligence items"), self.tr("Addenda")
        parts = [f"<h3>{escape(title)}</h3>", f"<p>{escape(status)}</p>"]
        # The record's text fields, in the order the debrief page shows them.
        texts = (
            ("narrative", self.tr("Narrative")),
            ("welfare_observations", self.tr("Welfare")),
            ("security_observations", self.tr("Security")),
            ("runner_assessment", self.tr("Runner's assessment")),
            ("critical_reflection", self.tr("Critical reflection")),
        )
        for key, heading in texts:
            if data[key]:
                parts.append(f"<h4>{escape(heading)}</h4><p>{_lines(data[key])}</p>")
        if data["items"]:
            parts.append(f"<h4>{escape(items_title)}</h4><ol>")
            for item in data["items"]:
                grading = Grading(
                    GradingScheme(item["scheme"]),
                    item["source_evaluation"],
                    item["intelligence_assessment"],
                    item["handling_code"],
                    item["handling_conditions"],
                ).short()  # as the debrief page shows it
                parts.append(f"<li>{_lines(item['text'])} <i>({escape(grading)})</i></li>")
            parts.append("</ol>")
        if data["addenda"]:
            parts.append(f"<h4>{escape(addenda_title)}</h4>")
            parts += [f"<p>{_lines(a['text'])}</p>" for a in data["addenda"]]
        self.text.setHtml("".join(parts))
        self.shown = version


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")
