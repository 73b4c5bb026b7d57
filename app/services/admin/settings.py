"""Settings kept inside the vault (so they are encrypted with it)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import select

from app.domain.scope import Actor
from app.errors import InvalidInput
from app.models import Setting
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class VaultSettings:
    idle_lock_minutes: int = 5
    clipboard_clear_seconds: int = 10
    autosave_seconds: int = 3
    reveal_seconds: int = 30
    reminder_horizon_days: int = 30
    # After a handler's receipt: "keep", "delete" or "secure_delete".
    retention_after_receipt: str = "secure_delete"

    def validate(self) -> None:
        if not 1 <= self.idle_lock_minutes <= 120:
            raise InvalidInput("Idle lock must be between 1 and 120 minutes.")
        if not 3 <= self.clipboard_clear_seconds <= 300:
            raise InvalidInput("Clipboard clearing must be between 3 and 300 seconds.")
        if not 1 <= self.autosave_seconds <= 60:
            raise InvalidInput("Autosave must be between 1 and 60 seconds.")
        if not 5 <= self.reveal_seconds <= 120:
            raise InvalidInput("Reveal time must be between 5 and 120 seconds.")
        if not 1 <= self.reminder_horizon_days <= 365:
            raise InvalidInput("Reminder horizon must be between 1 and 365 days.")
        if self.retention_after_receipt not in ("keep", "delete", "secure_delete"):
            raise InvalidInput("Unknown retention rule.")


def load(vault: Vault) -> VaultSettings:
    defaults = VaultSettings()
    with vault.read() as session:
        stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    values: dict[str, Any] = {}
    for f in fields(VaultSettings):
        if f.name in stored:
            try:
                values[f.name] = type(getattr(defaults, f.name))(json.loads(stored[f.name]))
            except (ValueError, TypeError):
                continue  # an unreadable value falls back to its default
    try:
        result = VaultSettings(**values)
        result.validate()
    except InvalidInput:
        return defaults
    return result


def save(vault: Vault, actor: Actor, new: VaultSettings) -> None:
    new.validate()
    with vault.write() as session:
        changed = []
        for key, value in asdict(new).items():
            row = session.get(Setting, key)
            encoded = json.dumps(value)
            if row is None:
                session.add(Setting(key=key, value=encoded))
                changed.append(key)
            elif row.value != encoded:
                row.value = encoded
                changed.append(key)
        if changed:
            audit_chain.append(session, actor, "settings.changed", detail={"keys": sorted(changed)})
