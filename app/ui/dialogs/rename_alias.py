"""Rename one of your own aliases (Vault menu, "Rename alias…"). A cover name from
before a rule of names is refused by every receiver of a package, and export says
so: this is where it gets a new one. Only such aliases are listed (any other name
is known to the handler, who would not learn the rename). The old name stays
known, so that sanitised reports still refuse it (``aliases.rename_alias``)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain import names
from app.domain.names import NameKind
from app.errors import InvalidName
from app.services.admin import aliases
from app.services.views import AliasView
from app.ui.dialog_keys import keyboard_dialog
from app.ui.errors import describe
from app.ui.session import AppSession


class RenameAliasDialog(QDialog):
    renamed = Signal(object)  # aliases.RenamedAlias

    def __init__(
        self,
        session: AppSession,
        choices: list[AliasView],
        parent: QWidget | None = None,
    ) -> None:
        """``choices``: the aliases that may be renamed (``list_renameable_aliases``)."""
        super().__init__(parent)
        self.setObjectName("renameAliasDialog")
        self.setWindowTitle(self.tr("Rename alias"))
        self.session = session
        self.alias = QComboBox()
        self.alias.setObjectName("renameAliasChoice")
        for alias in choices:
            # As it shows, with the id export names: the raw name may hold
            # direction-changing or control characters.
            shown = self.tr("{name} (alias {id})").format(
                name=names.visible(alias.name), id=alias.id
            )
            self.alias.addItem(shown, str(alias.id))  # Qt compares strings, not UUIDs
        self.alias.setCurrentIndex(max(0, self.alias.findData(str(session.scope.alias_id))))
        self.name = QLineEdit()
        self.name.setObjectName("renameAliasName")
        self.name.setMinimumWidth(280)
        note = QLabel(
            self.tr(
                "Only an alias whose name is from before a rule of names is listed. Your "
                "records name you by the new name from now on, also in the packages you "
                "send. The old name stays known, so that sanitised reports still refuse it."
            )
        )
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("renameAliasStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Rename"))
        ok.setObjectName("renameAliasOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Alias:"), self.alias)
        form.addRow(self.tr("New name:"), self.name)
        form.addRow(note)
        form.addRow(self.status)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        keyboard_dialog(self, submit_field=self.name)

    def _check(self) -> None:
        """What is wrong with the name typed so far, said as it is typed."""
        text = self.name.text()
        problem = ""
        if text.strip():
            try:
                names.clean(text, NameKind.ALIAS)
            except InvalidName as exc:
                problem = describe(exc)
        self.status.setText(problem)

    def submit(self) -> None:
        try:
            renamed = aliases.rename_alias(
                self.session.vault,
                uuid.UUID(self.alias.currentData()),
                self.name.text(),
                actor=self.session.scope.actor,
            )
        except Exception as exc:
            self.status.setText(describe(exc))
            return
        self.renamed.emit(renamed)
        self.accept()
