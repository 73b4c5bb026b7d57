"""Typed text the vault could not take when it locked (its disk full, another
process holding it), held until the next unlock instead of lost.

The lock cannot wait: the keys go whatever happens. So what could not be written
is sealed (age, as a package is) to the vault's own receiving key and kept in this
process's memory only, never on disk. After the lock nothing in memory opens it
without the passphrase; the next unlock by the same alias opens it and puts it
where it belongs (``put_back``): a form's fields as the form's draft
(``form_drafts``), a debrief's text (or a meeting's note) into its draft. If that
fails too, it is held again. A process that ends meanwhile loses it, so the
unlock screen says that something is held (``waiting``).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.crypto import age
from app.domain.enums import Corroboration, GradingScheme, SubjectKind
from app.domain.scope import Scope
from app.errors import VaultError
from app.models.packages import KeyPurpose, VaultKeypair
from app.services.exchange import keys
from app.services.records import debriefs, form_drafts
from app.services.records.debriefs import DebriefContent, ItemDraft
from app.vault.vault import Vault

log = logging.getLogger(__name__)

FORM = "form"  # a form's fields: back as its draft (``form_drafts``)
DEBRIEF = "debrief"  # a debrief's text, or a meeting's note: back into the draft
ITEM = "item"  # an intelligence item being written: back into the draft's items


@dataclass(frozen=True)
class Held:
    vault_id: uuid.UUID
    alias_id: uuid.UUID
    sealed: bytes  # to the vault's own receiving key


# This process's memory only: what a lock could not write, until an unlock takes it.
_HELD: list[Held] = []


def ready(vault: Vault) -> None:
    """At unlock: make sure the vault has its receiving key, which a lock on a full
    disk could not make."""
    keys.own_fingerprint(vault)


def hold(
    vault: Vault,
    scope: Scope,
    kind: str,
    record: uuid.UUID | None,
    fields: Mapping[str, object],
    form: str = "",
) -> None:
    """Seal what could not be written and keep it until the next unlock. Reads the
    vault (its public receiving key), never writes it."""
    with vault.read() as session:
        public = session.execute(
            select(VaultKeypair.public).where(VaultKeypair.purpose == KeyPurpose.RECEIVING)
        ).scalar_one()
    plain = json.dumps(
        {"kind": kind, "form": form, "record": record.hex if record else "", "fields": dict(fields)}
    ).encode("utf-8")
    _HELD.append(Held(vault.vault_id, scope.alias_id, age.encrypt(plain, [public])))


def hold_item(
    vault: Vault, scope: Scope, debrief_id: uuid.UUID, item_id: uuid.UUID | None, draft: ItemDraft
) -> None:
    """An item dialog's text and grading (its autosave failed too)."""
    fields: dict[str, object] = {
        "item": item_id.hex if item_id else "",
        "text": draft.text,
        "sanitised_text": draft.sanitised_text,
        "scheme": draft.scheme.value,
        "source_evaluation": draft.source_evaluation,
        "intelligence_assessment": draft.intelligence_assessment,
        "handling_code": draft.handling_code,
        "handling_conditions": draft.handling_conditions,
        "corroboration": draft.corroboration.value,
        "exculpatory": draft.exculpatory,
        # kind and name, one after the other: a flat list of text
        "subjects": [part for kind, name in draft.subjects for part in (kind.value, name)],
    }
    hold(vault, scope, ITEM, debrief_id, fields)


def _item(fields: dict[str, Any]) -> ItemDraft:
    flat = fields["subjects"]
    return ItemDraft(
        text=fields["text"],
        sanitised_text=fields["sanitised_text"],
        scheme=GradingScheme(fields["scheme"]),
        source_evaluation=fields["source_evaluation"],
        intelligence_assessment=fields["intelligence_assessment"],
        handling_code=fields["handling_code"],
        handling_conditions=fields["handling_conditions"],
        corroboration=Corroboration(fields["corroboration"]),
        exculpatory=bool(fields["exculpatory"]),
        subjects=tuple((SubjectKind(k), n) for k, n in zip(flat[::2], flat[1::2], strict=True)),
    )


def waiting(vault_id: uuid.UUID | None = None) -> int:
    """How many pieces of typed text this process holds (for the vault, if named)."""
    return sum(vault_id is None or h.vault_id == vault_id for h in _HELD)


@dataclass(frozen=True)
class PutBack:
    stored: int
    still_held: int  # the vault could not take it yet: tried again at the next unlock
    dropped: int = 0  # its record cannot take it any more (a debrief submitted meanwhile)


def put_back(vault: Vault, scope: Scope) -> PutBack:
    """After an unlock by ``scope``'s alias: store what this process held for it
    (a form's fields as the form's draft, a debrief's text into the draft). Any
    that cannot be stored now stays held."""
    mine = [h for h in _HELD if h.vault_id == vault.vault_id and h.alias_id == scope.alias_id]
    if not mine:
        return PutBack(0, 0)
    seed = keys.private_keys(vault).receiving_seed
    stored = dropped = 0
    for held in mine:
        try:
            _store(vault, scope, json.loads(age.decrypt(held.sealed, seed)))
        except VaultError:
            continue  # held still: the next unlock tries again
        except Exception as exc:  # its record changed meanwhile, or it will not open
            log.warning("typed text held at the lock could not go back (%s)", type(exc).__name__)
            dropped += 1
        else:
            stored += 1
        _HELD.remove(held)
    return PutBack(stored, len(mine) - stored - dropped, dropped)


def _store(vault: Vault, scope: Scope, doc: dict[str, object]) -> None:
    record = uuid.UUID(hex=str(doc["record"])) if doc["record"] else None
    fields = doc["fields"]
    assert isinstance(fields, dict)
    if doc["kind"] == DEBRIEF and record is not None:
        debriefs.save_draft(vault, scope, record, DebriefContent(**fields))
    elif doc["kind"] == ITEM and record is not None:
        if fields["item"]:
            debriefs.update_item(vault, scope, uuid.UUID(hex=fields["item"]), _item(fields))
        else:
            debriefs.add_item(vault, scope, record, _item(fields))
    else:
        form_drafts.keep(vault, scope, str(doc["form"]), record, fields)


def forget_all() -> None:
    """Tests, and a process that ends: nothing held outlives it anyway."""
    _HELD.clear()
