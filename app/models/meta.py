"""Vault-wide values: identity public key, settings."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class VaultMeta(Base):
    """Binary vault-wide values (e.g. the identity public key). Inside the encrypted
    database, so SQLCipher's page MACs protect them from substitution."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class Setting(Base):
    """User settings that belong to the vault (idle lock, clipboard timeout...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str]  # JSON
