"""The audit log in words: every action the code can write has a name in English
and Dutch, every detail field a translated name, every coded value words; the
audit page never shows JSON or codes.

The code is read (not run) for every audit call: ``audit_chain.append``,
``build_event``, ``<vault>.audit`` and a module's own wrappers around them (such
as ``debriefs._audit``). An action or detail field added anywhere in app/ without
words in app/ui/audit_labels.py fails here."""

from __future__ import annotations

import ast
import functools
import itertools
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import errors
from app.domain.enums import (
    ContactKind,
    DebriefStatus,
    PaymentKind,
    PeerRole,
    ReportKind,
    RiskLevel,
    Role,
    TaskingStatus,
)
from app.domain.scope import Actor
from app.export import errors as package_errors
from app.services.admin import audit
from app.services.admin.settings import VaultSettings
from app.services.exchange import purge
from app.services.records import meetings
from app.services.records.debriefs import DebriefContent
from app.services.records.sources import SourceDraft
from app.services.reports import VerifyResult
from app.ui import audit_labels, i18n
from app.ui.main_window import MainWindow
from app.ui.pages.audit import AuditPage
from app.vault.audit_chain import SYSTEM
from tests.helpers import factory

APP = Path(__file__).resolve().parents[2] / "app"


# -- reading the code ---------------------------------------------------------------


@dataclass
class Written:
    actions: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)


def _writer_index(call: ast.Call) -> int | None:
    """Where the action is among a call's arguments, if the call writes an event."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = ast.unparse(func.value)
        if func.attr == "append" and owner == "audit_chain":
            return 2
        if func.attr == "build_event":
            return 2
        if func.attr == "audit" and len(call.args) >= 2:
            return 1
    if isinstance(func, ast.Name) and func.id == "build_event":
        return 2
    return None


def _strings(node: ast.AST, function: ast.FunctionDef | None) -> set[str] | None:
    """Every text ``node`` can be, or None if it cannot be told from the code."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body, function), _strings(node.orelse, function)
        return None if a is None or b is None else a | b
    if isinstance(node, ast.JoinedStr):
        parts: list[set[str]] = []
        for value in node.values:
            inner = value.value if isinstance(value, ast.FormattedValue) else value
            strings = _strings(inner, function)
            if strings is None:
                return None
            parts.append(strings)
        return {"".join(p) for p in itertools.product(*parts)}
    if isinstance(node, ast.Name) and function is not None:
        found: set[str] = set()
        assigned = [
            n
            for n in ast.walk(function)
            if isinstance(n, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == node.id for t in n.targets)
        ]
        for assign in assigned:
            values = _strings(assign.value, function)
            if values is None:
                return None
            found |= values
        return found or None
    return None


def _enclosing(tree: ast.Module) -> dict[ast.AST, ast.FunctionDef]:
    owner: dict[ast.AST, ast.FunctionDef] = {}
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            for node in ast.walk(function):
                owner[node] = function  # the innermost wins: inner defs come later
    return owner


def _params(function: ast.FunctionDef) -> list[str]:
    return [a.arg for a in (*function.args.posonlyargs, *function.args.args)]


@functools.cache  # every module of app/ parsed once per test process
def read_audit_writes() -> Written:
    written = Written()
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner = _enclosing(tree)
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        # A module's own wrappers: functions passing a parameter on as the action.
        wrappers: dict[str, tuple[int, ast.FunctionDef]] = {}
        passed_through: set[int] = set()
        for call in calls:
            index = _writer_index(call)
            function = owner.get(call)
            if index is None or function is None or len(call.args) <= index:
                continue
            arg = call.args[index]
            if isinstance(arg, ast.Name) and arg.id in _params(function):
                passed_through.add(id(call))
                if not function.name.startswith("__"):
                    wrappers[function.name] = (_params(function).index(arg.id), function)
        for call in calls:
            function = owner.get(call)
            index = _writer_index(call)
            wrapper = None
            if isinstance(call.func, ast.Name) and call.func.id in wrappers:
                index, wrapper = wrappers[call.func.id]
            if index is None or id(call) in passed_through:
                continue
            where = f"{path.relative_to(APP.parent)}:{call.lineno}"
            given = call.args[index] if len(call.args) > index else None
            given = given or next((k.value for k in call.keywords if k.arg == "action"), None)
            actions = _strings(given, function) if given is not None else None
            if actions is None:
                written.unresolved.append(f"{where}: action {ast.unparse(given) if given else '?'}")
            else:
                written.actions |= actions
            for keyword in call.keywords:
                if keyword.arg == "detail":
                    if isinstance(keyword.value, ast.Dict):
                        for key in keyword.value.keys:
                            assert isinstance(key, ast.Constant), where
                            written.fields.add(str(key.value))
                    elif not (
                        isinstance(keyword.value, ast.Name)
                        and function is not None
                        and keyword.value.id in _params(function)
                    ):
                        written.unresolved.append(f"{where}: detail {ast.unparse(keyword.value)}")
                elif keyword.arg == "record_type":
                    records = _strings(keyword.value, function)
                    if records is None:
                        written.unresolved.append(f"{where}: record_type")
                    else:
                        written.records |= records
                elif wrapper is not None and keyword.arg not in _params(wrapper):
                    written.fields.add(str(keyword.arg))  # ``**detail`` of the wrapper
    return written


def test_the_reader_finds_the_audit_calls() -> None:
    """The reader is not blind: it finds actions written through each kind of call."""
    written = read_audit_writes()
    assert {
        "vault.unlocked",  # audit_chain.append
        "vault.locked",  # vault.audit
        "debrief.submitted",  # debriefs._audit, a wrapper
        "debrief.approved",  # an action chosen in a conditional expression
        "attachment.viewed",  # in an f-string
        "report.sanitised_rejected",  # through a variable
        "meeting.discarded",
    } <= written.actions
    assert {"fields", "rule", "note_lost"} <= written.fields
    assert len(written.actions) > 60


def test_every_action_field_and_record_written_has_words() -> None:
    written = read_audit_writes()
    assert written.unresolved == [], "write audit actions, details and records as literals"
    assert sorted(written.actions - audit_labels.known_actions()) == []
    assert sorted(written.fields - audit_labels.known_fields()) == []
    assert sorted(written.records - {""} - audit_labels.known_records()) == []


@functools.cache
def _lock_reasons() -> frozenset[str]:
    reasons = set()
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "lock"
            ):
                for arg in [*node.args, *(k.value for k in node.keywords if k.arg == "reason")]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        reasons.add(arg.value)
    return frozenset(reasons)


def _arrivals() -> set[str]:
    source = (APP / "services/exchange/package_log.py").read_text(encoding="utf-8")
    return set(re.findall(r'Arrival\(\s*"([^"]+)"', source)) | set(
        re.findall(r'status = "([^"]+)"', source)
    )


def _package_errors() -> set[str]:
    import app.services.exchange.package_import
    import app.services.exchange.packages
    import app.services.exchange.receipts  # noqa: F401  (their error classes)

    found = set()
    todo = [errors.PackageError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("role", {*Role, *PeerRole}),
        ("kind", {*ContactKind, *ReportKind, *PaymentKind}),
        ("status", {*TaskingStatus, *_arrivals()}),
        ("previous", set(DebriefStatus)),
        ("level", set(RiskLevel)),
        ("rule", set(purge.RULES)),
        ("result", set(VerifyResult)),
        ("text field", {f.name for f in (*fields(DebriefContent), *fields(SourceDraft))}),
        ("setting", {f.name for f in fields(VaultSettings)}),
        ("lock", _lock_reasons()),
        (
            "refusal",
            _package_errors()
            | {
                c.__name__
                for c in vars(package_errors).values()
                if isinstance(c, type) and issubclass(c, errors.PackageError)
            },
        ),
    ],
)
def test_every_coded_value_has_words(kind: str, codes: set[str]) -> None:
    assert codes, kind
    assert {"already imported", "late", "gap", "new", "conflict"} <= _arrivals()
    assert {"manual", "idle", "panic", "quit"} <= _lock_reasons()
    missing = sorted(str(c) for c in codes if audit_labels.value_label(kind, str(c)) is None)
    assert missing == []


# -- what the page shows ---------------------------------------------------------------

CODE = re.compile(r"\b[a-z]+(?:[._][a-z]+)+\b")  # debrief.submitted, secure_delete


def _cells(page: AuditPage) -> list[tuple[str, str, str]]:
    model = page.model
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    return [
        (model.index(r, 3).data(), model.index(r, 4).data(), model.index(r, 5).data())
        for r in range(model.rowCount())
    ]


def _make_events(window: MainWindow) -> None:
    """Events of many kinds, with details of many shapes."""
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "LOGBOEK")
    factory.debrief(vault, scope, source, narrative="Met at the quay.", submit=True)
    record = meetings.start_meeting(vault, scope, source)
    meetings.discard_meeting(vault, scope, record)
    settings = window.session.settings
    window.session.update_settings(type(settings)(**{**settings.__dict__, "autosave_seconds": 7}))
    vault.audit(scope.actor, "vault.rebuilt", detail={"after": "purge"})
    purged = {"contact": "0b1e" * 8, "rule": "secure_delete"}
    vault.audit(scope.actor, "debrief.purged", detail=purged)
    vault.audit(scope.actor, "package.refused", detail={"reason": "TamperedPackage"})
    vault.audit(scope.actor, "vault.locked", detail={"reason": "panic"})


def _check_page(qtbot: QtBot, window: MainWindow) -> list[tuple[str, str, str]]:
    page = window.show_page(AuditPage)
    assert isinstance(page, AuditPage)
    cells = _cells(page)
    assert len(cells) > 10
    for what, record, details in cells:
        assert what
        assert not CODE.search(what), what
        assert not CODE.search(record or ""), record
        assert not re.search(r'[{}"\[\]]', details or ""), details  # never JSON
        assert not CODE.search(details or ""), details  # never a code
    return cells


def test_the_audit_page_shows_words_not_json(qtbot: QtBot, window: MainWindow) -> None:
    _make_events(window)
    cells = _check_page(qtbot, window)
    whats = {c[0] for c in cells}
    assert {"Vault unlocked", "Meeting discarded (started by mistake)", "Settings changed"} <= whats
    details = " | ".join(c[2] for c in cells)
    assert "changed: autosave" in details
    assert "rule: delete, leaving no trace" in details
    assert "reason: altered in transit" in details
    assert "reason: panic key" in details
    assert "note lost: no" in details


def test_the_audit_page_in_dutch(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _make_events(window)
    translators = i18n.install(app, "nl")
    try:
        window.retranslate()
        cells = _check_page(qtbot, window)
        whats = {c[0] for c in cells}
        assert {"Kluis ontgrendeld", "Ontmoeting weggegooid (per vergissing begonnen)"} <= whats
        details = " | ".join(c[2] for c in cells)
        assert "regel: verwijderen, zonder spoor" in details
        assert "contact: 0b1e0b1e · regel" in details  # the contact's id, short
        assert "reden: paniektoets" in details
        assert QCoreApplication.translate("AuditFields", "changed") == "gewijzigd"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_veldboeks_own_actor_is_shown_in_words_and_stored_as_it_was(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """The "Who" column shows Veldboek's own names ("system", "cli") in the interface's
    words; the stored name, part of each event's hash, stays as it was written."""
    vault, scope = window.session.vault, window.session.scope
    vault.audit(SYSTEM, "vault.checked")
    vault.audit(Actor("cli"), "vault.checked")
    factory.source(vault, scope, "WIEKOLOM")  # an event of the alias's own
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, language) if language == "nl" else []
    try:
        window.retranslate()
        page = window.show_page(AuditPage)
        assert isinstance(page, AuditPage)
        _cells(page)  # every page of the log fetched
        model = page.model
        shown: dict[str, set[str]] = {}
        for r in range(model.rowCount()):
            row = model.row_at(r)
            assert row is not None
            shown.setdefault(row.actor, set()).add(model.index(r, 2).data())
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
    words = {"en": ("system", "command line"), "nl": ("systeem", "opdrachtregel")}[language]
    assert shown["system"] == {words[0]}  # the demo's own events and the check above
    assert shown["cli"] == {words[1]}
    assert shown[scope.alias_name] == {scope.alias_name}  # a person: their alias, as is
    stored = {e.actor for e in audit.recent_events(vault, scope, limit=10_000)}
    assert {"system", "cli", scope.alias_name} <= stored
    assert audit.verify(vault).ok  # the hashes still hold: nothing stored was changed
