"""Add or edit one intelligence item: wording, sanitised wording, grading in the
chosen scheme, handling code and conditions, subjects, exculpatory flag.

While the dialog is open, what is typed is autosaved into the draft debrief every
few seconds (as the debrief text is), so a crash loses at most that much; Cancel
takes the autosaved changes back out."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Corroboration, GradingScheme, SubjectKind
from app.domain.grading import DEFAULT_SCHEME, scheme
from app.errors import InvalidInput, VeldboekError
from app.services.records import debriefs
from app.services.records.debriefs import ItemDraft
from app.services.views import ItemView
from app.ui.dialog_keys import keep_enter
from app.ui.dialogs.base import FormDialog
from app.ui.errors import describe, show_error
from app.ui.labels import grading_label, label
from app.ui.session import AppSession
from app.ui.widgets import EnumCombo, text_box


class SubjectsEditor(QWidget):
    """People, places, vehicles and organisations an item mentions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("subjectList")
        self.list.setMaximumHeight(90)
        self.kind: EnumCombo[SubjectKind] = EnumCombo(SubjectKind)
        self.kind.setObjectName("subjectKind")
        self.name = QLineEdit()
        self.name.setObjectName("subjectName")
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.setToolTip(self.tr("Name of the person, place, vehicle or organisation"))
        self.name.setMinimumWidth(220)  # room for the placeholder and a full name
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addSubject")
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeSubject")
        add.clicked.connect(self.add_current)
        self.name.returnPressed.connect(self.add_current)
        keep_enter(self.name)  # Enter adds the name and stays for the next one
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.name, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def add(self, kind: SubjectKind, name: str) -> None:
        clean = " ".join(name.split())
        if not clean:
            return
        item = QListWidgetItem(f"{label(kind)}: {clean}")
        item.setData(Qt.ItemDataRole.UserRole, (kind, clean))
        self.list.addItem(item)

    def add_current(self) -> None:
        self.add(self.kind.value(), self.name.text())
        self.name.clear()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def subjects(self) -> tuple[tuple[SubjectKind, str], ...]:
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
        )


class ItemDialog(FormDialog):
    def __init__(
        self,
        session: AppSession,
        debrief_id: uuid.UUID,
        existing: ItemView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit intelligence item") if existing else self.tr("New intelligence item"),
            parent,
        )
        self.setObjectName("itemDialog")
        self.resize(700, 640)
        self.session = session
        self.debrief_id = debrief_id
        self.existing = existing
        self.text = text_box(self.tr("What the source reported, in their words"), 70)
        self.text.setObjectName("itemText")
        self.sanitised = text_box(
            self.tr("The same information worded so that it cannot point to the source"), 60
        )
        self.sanitised.setObjectName("itemSanitised")
        self.scheme: EnumCombo[GradingScheme] = EnumCombo(GradingScheme)
        self.scheme.setObjectName("schemeCombo")
        self.evaluation = QComboBox()
        self.evaluation.setObjectName("evaluationCombo")
        self.assessment = QComboBox()
        self.assessment.setObjectName("assessmentCombo")
        self.handling = QComboBox()
        self.handling.setObjectName("handlingCombo")
        self.conditions = QLineEdit()
        self.conditions.setObjectName("handlingConditions")
        self.conditions.setPlaceholderText(self.tr("Conditions for sharing (required for C)"))
        self.corroboration: EnumCombo[Corroboration] = EnumCombo(Corroboration)
        self.corroboration.setObjectName("corroborationCombo")
        self.exculpatory = QCheckBox(self.tr("Exculpatory: this could clear a suspect"))
        self.exculpatory.setObjectName("exculpatoryCheck")
        self.subjects = SubjectsEditor()
        self.grading_hint = QLabel()
        self.grading_hint.setWordWrap(True)
        self.grading_hint.setObjectName("gradingHint")
        f = self.form
        f.addRow(self.tr("Reported:"), self.text)
        f.addRow(self.tr("Sanitised wording:"), self.sanitised)
        f.addRow(self.tr("Grading scheme:"), self.scheme)
        f.addRow(self.tr("Source evaluation:"), self.evaluation)
        f.addRow(self.tr("Intelligence assessment:"), self.assessment)
        f.addRow(self.tr("Handling code:"), self.handling)
        f.addRow(self.tr("Conditions:"), self.conditions)
        f.addRow("", self.grading_hint)
        f.addRow(self.tr("Checked against other information:"), self.corroboration)
        f.addRow("", self.exculpatory)
        f.addRow(self.tr("Subjects:"), self.subjects)
        self.scheme.currentIndexChanged.connect(lambda _i: self._fill_codes())
        for combo in (self.evaluation, self.assessment, self.handling):
            combo.currentIndexChanged.connect(lambda _i: self._hint())
        self.scheme.set_value(existing.grading.scheme if existing else DEFAULT_SCHEME)
        self._fill_codes()
        if existing is not None:
            self._fill(existing)
        self.on_submit = self._save
        self.autosave_status = QLabel()
        self.autosave_status.setObjectName("itemAutosave")
        f.addRow("", self.autosave_status)
        self.saved_id: uuid.UUID | None = existing.id if existing else None
        self._original = _draft_of(existing) if existing else None
        self._last_saved = self._original
        self._autosaved = False
        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.autosave_item)
        self.autosave.start(session.settings.autosave_seconds * 1000)

    def _fill_codes(self) -> None:
        s = scheme(self.scheme.value())
        for combo, axis in (
            (self.evaluation, "source_evaluation"),
            (self.assessment, "intelligence_assessment"),
            (self.handling, "handling"),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— choose —"), "")
            for code in getattr(s, axis):
                combo.addItem(f"{code.code} — {grading_label(code.label)}", code.code)
            combo.blockSignals(False)
        self._hint()

    def _hint(self) -> None:
        s = scheme(self.scheme.value())
        code = str(self.handling.currentData() or "")
        if code and code not in s.shareable:
            self.grading_hint.setText(
                self.tr("This handling code keeps the item out of sanitised reports.")
            )
        elif code in s.needs_conditions:
            self.grading_hint.setText(
                self.tr("Record the conditions under which it may be shared.")
            )
        else:
            self.grading_hint.clear()

    def _fill(self, item: ItemView) -> None:
        self.text.setPlainText(item.text)
        self.sanitised.setPlainText(item.sanitised_text)
        for combo, code in (
            (self.evaluation, item.grading.source_evaluation),
            (self.assessment, item.grading.intelligence_assessment),
            (self.handling, item.grading.handling_code),
        ):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        self.conditions.setText(item.grading.handling_conditions)
        self.corroboration.set_value(item.corroboration)
        self.exculpatory.setChecked(item.exculpatory)
        for subject in item.subjects:
            self.subjects.add(subject.kind, subject.name)

    def draft(self) -> ItemDraft:
        if self.subjects.name.text().strip():  # typed but not yet added: keep it
            self.subjects.add_current()
        return self._snapshot()

    def _snapshot(self) -> ItemDraft:
        """What the form holds now, without touching it (for autosave)."""
        subjects = self.subjects.subjects()
        typed = " ".join(self.subjects.name.text().split())
        if typed:
            subjects += ((self.subjects.kind.value(), typed),)
        return ItemDraft(
            text=self.text.toPlainText().strip(),
            sanitised_text=self.sanitised.toPlainText().strip(),
            scheme=self.scheme.value(),
            source_evaluation=str(self.evaluation.currentData() or ""),
            intelligence_assessment=str(self.assessment.currentData() or ""),
            handling_code=str(self.handling.currentData() or ""),
            handling_conditions=self.conditions.text().strip(),
            corroboration=self.corroboration.value(),
            exculpatory=self.exculpatory.isChecked(),
            subjects=subjects,
        )

    def _store(self, draft: ItemDraft) -> uuid.UUID:
        vault, scope = self.session.vault, self.session.scope
        if self.saved_id is None:
            self.saved_id = debriefs.add_item(vault, scope, self.debrief_id, draft)
        else:
            debriefs.update_item(vault, scope, self.saved_id, draft)
        self._last_saved = draft
        return self.saved_id

    def unsaved_item(self) -> tuple[uuid.UUID, uuid.UUID | None, ItemDraft] | None:
        """(debrief, item if stored before, what the form holds) if its last autosave
        failed: what a lock holds until the next unlock (``held_at_lock``)."""
        draft = self._snapshot()
        if not draft.text or draft == self._last_saved:
            return None
        return self.debrief_id, self.saved_id, draft

    def autosave_item(self) -> None:
        """Timer tick (and before a lock): store the item if it has text and changed."""
        draft = self._snapshot()
        if not draft.text or draft == self._last_saved:
            return
        try:
            self._store(draft)
        except VeldboekError as exc:
            self.error.setText(describe(exc))
            return
        self._autosaved = True
        self.autosave_status.setText(
            self.tr("Saved {time}").format(time=QTime.currentTime().toString("HH:mm:ss"))
        )

    def _save(self) -> uuid.UUID:
        draft = self.draft()
        if not draft.text:
            raise InvalidInput(self.tr("Write down what the source reported."))
        return self._store(draft)

    def keep_for_lock(self) -> None:
        """The vault is about to lock: store what is typed (the lock then closes
        the dialog, and the item stays as autosaved)."""
        self.autosave_item()

    def done(self, result: int) -> None:
        self.autosave.stop()
        locking = self.session.closing  # closed by a lock: keep what autosave stored
        if result != QDialog.DialogCode.Accepted and self._autosaved and not locking:
            self._take_back()
        super().done(result)

    def _take_back(self) -> None:
        """Cancel: undo what autosave stored (the new item, or the edits)."""
        vault, scope = self.session.vault, self.session.scope
        try:
            if self._original is None and self.saved_id is not None:
                debriefs.remove_item(vault, scope, self.saved_id)
            elif self._original is not None and self.existing is not None:
                debriefs.update_item(vault, scope, self.existing.id, self._original)
        except VeldboekError as exc:
            show_error(self.parentWidget(), exc)


def _draft_of(item: ItemView) -> ItemDraft:
    g = item.grading
    return ItemDraft(
        text=item.text,
        sanitised_text=item.sanitised_text,
        scheme=g.scheme,
        source_evaluation=g.source_evaluation,
        intelligence_assessment=g.intelligence_assessment,
        handling_code=g.handling_code,
        handling_conditions=g.handling_conditions,
        corroboration=item.corroboration,
        exculpatory=item.exculpatory,
        subjects=tuple((s.kind, s.name) for s in item.subjects),
    )
