"""What was typed in a form when the vault locked, kept inside the vault until the
same alias opens the same form for the same record again.

A debrief, an intelligence item and a meeting note are autosaved into their own
records. A form whose record does not exist yet (a new contact, tasking, payment)
becomes one only when the user presses OK, so a lock cannot store it there:
its fields are stored here instead, as a ``vault_meta`` row, inside the encrypted
database (never in a file in clear), under a key derived from the alias, the
form and the record, and handed back (and removed) when the form opens again.
Drafts nobody came back for are removed after ``KEPT_DAYS``.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy import delete, select

from app.clock import iso_utc, parse_iso_utc, utc_now
from app.domain.scope import Scope
from app.models import VaultMeta
from app.vault.vault import Vault

PREFIX = "form_draft:"
KEPT_DAYS = 14

FieldValue = str | int | float | bool | list[int]


def _key(scope: Scope, form: str, record: uuid.UUID | None) -> str:
    material = scope.alias_id.bytes + form.encode("utf-8") + (record.bytes if record else b"")
    return PREFIX + hashlib.sha256(material).hexdigest()[:40]


def keep(
    vault: Vault,
    scope: Scope,
    form: str,
    record: uuid.UUID | None,
    fields: Mapping[str, FieldValue],
) -> None:
    """Store ``fields`` (replacing an older draft of the same form and record)."""
    value = json.dumps({"saved_at": iso_utc(utc_now()), "fields": dict(fields)}).encode("utf-8")
    with vault.write() as session:
        session.merge(VaultMeta(key=_key(scope, form, record), value=value))


def take(
    vault: Vault, scope: Scope, form: str, record: uuid.UUID | None
) -> dict[str, FieldValue] | None:
    """The draft of this form and record for this alias, removed from the vault;
    None if there is none (or it is too old to offer)."""
    key = _key(scope, form, record)
    with vault.read() as session:
        if session.get(VaultMeta, key) is None:  # the common case: no write
            return None
    with vault.write() as session:
        row = session.get(VaultMeta, key)
        if row is None:
            return None
        raw = row.value
        session.execute(delete(VaultMeta).where(VaultMeta.key == key))
    try:
        doc = json.loads(raw.decode("utf-8"))
        if utc_now() - parse_iso_utc(doc["saved_at"]) > timedelta(days=KEPT_DAYS):
            return None
        fields = doc["fields"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return fields if isinstance(fields, dict) else None


def drop_stale(vault: Vault) -> int:
    """Remove drafts older than ``KEPT_DAYS`` (at unlock); how many went."""
    limit = utc_now() - timedelta(days=KEPT_DAYS)
    with vault.write() as session:
        rows = session.execute(
            select(VaultMeta.key, VaultMeta.value).where(
                VaultMeta.key.startswith(PREFIX, autoescape=True)
            )
        ).all()
        stale = []
        for key, value in rows:
            try:
                saved = parse_iso_utc(json.loads(value.decode("utf-8"))["saved_at"])
            except (ValueError, KeyError, TypeError, UnicodeDecodeError):
                saved = None
            if saved is None or saved < limit:
                stale.append(key)
        if stale:
            session.execute(delete(VaultMeta).where(VaultMeta.key.in_(stale)))
    return len(stale)
