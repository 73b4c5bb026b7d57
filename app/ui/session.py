"""What an unlocked window works with: the vault, the acting scope, settings."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from app.domain.scope import Scope
from app.services.admin import aliases, settings
from app.services.admin.settings import VaultSettings
from app.services.admin.vaults import Vault


class AppSession(QObject):
    """One unlocked vault and the alias acted under. ``scope_changed`` tells every
    page to reload under the new alias (compartments differ per alias)."""

    scope_changed = Signal(object)
    settings_changed = Signal(object)

    def __init__(self, vault: Vault, scope: Scope, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.scope = scope
        self.settings: VaultSettings = settings.load(vault)
        # Set when the lock begins: dialogs closed by it keep what they stored
        # (an item dialog does not take its autosave back) and start nothing new.
        self.closing = False

    def switch_alias(self, alias_name: str) -> None:
        if alias_name == self.scope.alias_name:
            return
        new_scope = aliases.resolve_scope(self.vault, alias_name)
        aliases.record_switch(self.vault, self.scope, new_scope)
        self.scope = new_scope
        self.scope_changed.emit(new_scope)

    def alias_renamed(self, alias_id: uuid.UUID, name: str) -> None:
        """One of the user's aliases has a new name: the scope names it so (the same
        alias, the same files: nothing to reload)."""
        if alias_id == self.scope.alias_id:
            self.scope = replace(self.scope, alias_name=name)

    def update_settings(self, new: VaultSettings) -> None:
        settings.save(self.vault, self.scope.actor, new)
        self.settings = new
        self.settings_changed.emit(new)
