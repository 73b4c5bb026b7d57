"""A form's typing kept through a lock (``app.services.records.form_drafts``): inside the
encrypted database, per alias, form and record; handed back once; drafts nobody
came back for go after ``KEPT_DAYS``."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from app.clock import utc_now
from app.domain.enums import Role
from app.domain.scope import Scope
from app.services.admin import aliases
from app.services.records import form_drafts
from app.vault.vault import Vault

MARKER = "KEPTFORMTEXT5521"


def test_kept_once_for_the_same_alias_form_and_record(vault: Vault, runner: Scope) -> None:
    record = uuid.uuid4()
    form_drafts.keep(vault, runner, "contactDialog", record, {"0:QLineEdit": MARKER})
    assert form_drafts.take(vault, runner, "contactDialog", uuid.uuid4()) is None
    assert form_drafts.take(vault, runner, "taskingDialog", record) is None
    aliases.add_alias(vault, "Mus", role=Role.RUNNER, can_act=True)
    other = aliases.resolve_scope(vault, "Mus")
    assert form_drafts.take(vault, other, "contactDialog", record) is None
    assert form_drafts.take(vault, runner, "contactDialog", record) == {"0:QLineEdit": MARKER}
    assert form_drafts.take(vault, runner, "contactDialog", record) is None


def test_never_in_clear_on_disk(vault_dir: Path, vault: Vault, runner: Scope) -> None:
    form_drafts.keep(vault, runner, "riskDialog", None, {"1:QPlainTextEdit": MARKER})
    vault.lock()
    for path in vault_dir.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path


def test_old_drafts_are_not_offered_and_are_dropped(
    vault: Vault, runner: Scope, monkeypatch: pytest.MonkeyPatch
) -> None:
    form_drafts.keep(vault, runner, "paymentDialog", None, {"0:QComboBox": 1})
    form_drafts.keep(vault, runner, "riskDialog", None, {"0:QComboBox": 2})
    later = utc_now() + timedelta(days=form_drafts.KEPT_DAYS, hours=1)
    monkeypatch.setattr(form_drafts, "utc_now", lambda: later)
    assert form_drafts.take(vault, runner, "paymentDialog", None) is None
    assert form_drafts.drop_stale(vault) == 1  # the risk draft; the payment one was taken
    assert form_drafts.take(vault, runner, "riskDialog", None) is None
