"""The names a package carries, checked by the rule of names before anything is
written (``refuse_old_names``). A vault from before a rule (brackets in codenames,
characters that cannot be shown safely, look-alike scripts mixed in a word, the
length) may hold a name the rule refuses; its receiver refuses the whole package
for it (``package_validation.bad_name``). Said here instead, with the kind of name
and what renames it."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import names
from app.domain.enums import AliasKind
from app.domain.names import NameKind
from app.errors import InvalidInput
from app.export import canonical
from app.models import Alias
from app.services.exchange import export_gather
from app.services.exchange.export_gather import Gathered


def refuse_old_names(session: Session, gathered: Gathered) -> None:
    """Each source's codename and compartment, and every cover name the records
    carry (authors, reviewers, attendees, witnesses...)."""
    export_gather.refuse_old_codenames(gathered.sources)
    refuse_old_compartments(gathered)
    refuse_old_cover_names(session, gathered.encoded)


def refuse_old_compartments(gathered: Gathered) -> None:
    for source in gathered.sources:
        name = source["compartment"]
        if isinstance(name, str) and not names.is_clean(name, NameKind.COMPARTMENT):
            raise InvalidInput(
                "Not sent: the compartment of source {id} has a name that is too long, holds "
                "a character that cannot be shown safely or mixes look-alike letters, which "
                "Veldboek no longer sends; give the source a new codename first: its "
                "compartment is renamed with it.",
                id=source["id"],
            )


def refuse_old_cover_names(session: Session, encoded: list[bytes]) -> None:
    """A record carries an alias as its cover name, as canonical JSON: an old one
    is found in the records' bytes. Almost every vault has none, and then the
    records are not read at all."""
    old: list[tuple[uuid.UUID, str, bool]] = [
        (alias_id, name, can_act)
        for alias_id, name, can_act in session.execute(
            select(Alias.id, Alias.name, Alias.can_act).where(
                Alias.kind == AliasKind.COVER_NAME, Alias.retired_at.is_(None)
            )
        ).all()
        if not names.is_clean(name, NameKind.ALIAS)
    ]
    for alias_id, name, can_act in old:
        try:
            needle = canonical.dumps_plain(name)
        except ValueError:
            continue  # not text: its own refusal, where the records are written out
        if not any(needle in entry for entry in encoded):
            continue
        if can_act:
            raise InvalidInput(
                "Not sent: your alias {id} has a name that is too long, holds a character "
                "that cannot be shown safely or mixes look-alike letters, which Veldboek no "
                "longer sends; rename it first (Rename alias… in the Vault menu, or veldboek "
                "alias rename {id} NEW).",
                id=str(alias_id),
            )
        raise InvalidInput(
            "Not sent: these records name a colleague (alias {id}, known from a package) by "
            "a name that is too long, holds a character that cannot be shown safely or mixes "
            "look-alike letters, which Veldboek no longer sends; a colleague's cover name "
            "cannot be renamed in this vault.",
            id=str(alias_id),
        )
