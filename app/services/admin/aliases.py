"""Aliases: who the user may act as, and the scope that follows from it."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utc_now
from app.domain import names
from app.domain.enums import AliasKind, Role
from app.domain.names import NameKind
from app.domain.scope import Actor, Scope
from app.errors import InvalidInput, InvalidName, UnknownAlias
from app.models import Alias, Setting, Source
from app.services.views import AliasView
from app.vault import audit_chain
from app.vault.audit_chain import SYSTEM
from app.vault.vault import Vault

# Distinct, colour-blind-friendly band colours (Okabe-Ito palette).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999933")


def _view(alias: Alias) -> AliasView:
    return AliasView(alias.id, alias.name, alias.role, alias.colour, alias.can_act)


def list_own_aliases(vault: Vault) -> list[AliasView]:
    """Aliases the vault's user may act under (not retired)."""
    with vault.read() as session:
        rows = session.execute(
            select(Alias)
            .where(Alias.can_act.is_(True), Alias.retired_at.is_(None))
            .order_by(Alias.name)
        ).scalars()
        return [_view(a) for a in rows]


def list_cover_names(vault: Vault) -> list[AliasView]:
    """Every cover name known in the vault (own and colleagues'): attendees, witnesses."""
    with vault.read() as session:
        rows = session.execute(
            select(Alias)
            .where(Alias.kind == AliasKind.COVER_NAME, Alias.retired_at.is_(None))
            .order_by(Alias.name)
        ).scalars()
        return [_view(a) for a in rows]


def find_cover_name(session: Session, name: str) -> Alias | None:
    """The cover name ``name`` stands for: the one spelled exactly so (whatever a
    vault from before the rule let in), else the one whose key it has (``valk``
    finds ``Valk``). Refuses what is not text, and, unless it is spelled so, what
    is too long to be a name."""
    names.check_text(name, NameKind.ALIAS)
    exact = session.execute(
        select(Alias).where(Alias.name == name, Alias.kind == AliasKind.COVER_NAME)
    ).scalar_one_or_none()
    if exact is not None:
        return exact
    wanted = names.lookup_key(name, NameKind.ALIAS)
    return session.execute(
        select(Alias).where(Alias.name_key == wanted, Alias.kind == AliasKind.COVER_NAME)
    ).scalar_one_or_none()


def resolve_scope(vault: Vault, name: str) -> Scope:
    """The scope for acting under alias ``name``; a clear error if it does not exist
    or is not one of the vault user's own aliases."""
    with vault.read() as session:
        alias = find_cover_name(session, name)
    if alias is None:
        raise UnknownAlias("There is no alias named {name!r} in this vault.", name=name)
    if not alias.can_act or alias.retired_at is not None or alias.role is None:
        raise UnknownAlias("You may not act under the alias {name!r}.", name=alias.name)
    return Scope(alias.id, alias.name, alias.role, alias.colour)


def scope_for(alias: AliasView) -> Scope:
    if alias.role is None or not alias.can_act:
        raise UnknownAlias("You may not act under the alias {name!r}.", name=alias.name)
    return Scope(alias.id, alias.name, alias.role, alias.colour)


def add_alias(
    vault: Vault,
    name: str,
    *,
    role: Role | None,
    can_act: bool,
    colour: str | None = None,
    by: Scope | None = None,
) -> uuid.UUID:
    """Add a cover name: one of the user's own (``can_act``) or a colleague's."""
    clean = names.clean(name, NameKind.ALIAS)
    if can_act and role is None:
        raise InvalidInput("An alias you act under needs a role (runner or handler).")
    with vault.write() as session:
        refuse_taken_name(session, clean)
        count = len(session.execute(select(Alias.id)).all())
        alias = Alias(
            name=clean,
            kind=AliasKind.COVER_NAME,
            role=role,
            can_act=can_act,
            colour=colour or PALETTE[count % len(PALETTE)],
        )
        session.add(alias)
        session.flush()
        audit_chain.append(
            session,
            by.actor if by else SYSTEM,
            "alias.created",
            record_type="alias",
            record_id=alias.id,
            detail={"can_act": can_act, "role": role.value if role else None},
        )
        return alias.id


def names_known(session: Session) -> tuple[dict[str, uuid.UUID], dict[str, uuid.UUID]]:
    """Every alias (cover names and earlier codenames) by exact name, and the cover
    names by key (where a key repeats, from before the rule, the earliest one)."""
    rows = session.execute(
        select(Alias.name, Alias.name_key, Alias.kind, Alias.id).order_by(
            Alias.created_at, Alias.id
        )
    ).all()
    by_key: dict[str, uuid.UUID] = {}
    for _name, key, kind, alias_id in rows:
        if kind is AliasKind.COVER_NAME and key is not None:
            by_key.setdefault(key, alias_id)
    return {name: alias_id for name, _key, _kind, alias_id in rows}, by_key


def add_colleague(session: Session, name: str) -> Alias:
    """A colleague's cover name from a package or receipt (already checked by the
    rule): known here so records can name them, never one to act under."""
    alias = Alias(
        name=names.clean(name, NameKind.ALIAS),
        kind=AliasKind.COVER_NAME,
        can_act=False,
        colour="#999999",
    )
    session.add(alias)
    session.flush()
    return alias


def colleague_id(session: Session, name: str) -> uuid.UUID:
    """The alias a name from a package or receipt stands for: the one spelled so,
    else the cover name of its key, else a colleague's cover name added now."""
    found = session.execute(select(Alias.id).where(Alias.name == name)).scalar_one_or_none()
    if found is None:
        found = session.execute(
            select(Alias.id)
            .where(Alias.name_key == names.key(name), Alias.kind == AliasKind.COVER_NAME)
            .order_by(Alias.created_at)
            .limit(1)
        ).scalar_one_or_none()
    return found if found is not None else add_colleague(session, name).id


def refuse_taken_name(session: Session, name: str, *, own: uuid.UUID | None = None) -> None:
    """Cover names and codenames are one set of names (the sanitisation guard looks
    for both in a report): a new cover name may not be the same name, by key, as an
    alias, an earlier codename or a source's codename. Checked inside the write
    transaction, so no other writer can add the same name between check and insert;
    the unique index on ``alias.name_key`` holds it for cover names as well.
    ``own``: the alias being renamed, whose own name in another case is no clash."""
    key = names.key(name)
    others = select(Alias.name).where(Alias.name_key == key)
    if own is not None:
        others = others.where(Alias.id != own)
    alias = session.execute(others.limit(1)).first()
    if alias is not None and alias[0] == name:
        raise InvalidName("The alias {name!r} already exists.", name=name)
    if (
        alias is not None
        or session.execute(select(Source.id).where(Source.codename_key == key).limit(1)).first()
    ):
        # Not which spelling: a codename may be in a file this alias cannot see.
        raise InvalidName(
            "The name {name!r} is already in use: names that differ only in case or width "
            "are the same name.",
            name=name,
        )


@dataclass(frozen=True)
class RenamedAlias:
    alias_id: uuid.UUID
    name: str  # the new name, as stored
    former_kept: bool  # the old name kept for the sanitisation guard


def own_alias_id(vault: Vault, text: str) -> uuid.UUID:
    """One of the user's own aliases, given by its name or its id (an old name may
    hold characters nobody can type; export's refusal names the id)."""
    with vault.read() as session:
        alias = _alias_by_id(session, text) or find_cover_name(session, text)
        if alias is None:
            raise UnknownAlias("There is no alias named {name!r} in this vault.", name=text)
        _refuse_not_own(alias)
        return alias.id


def _alias_by_id(session: Session, text: str) -> Alias | None:
    try:
        alias_id = uuid.UUID(text)
    except ValueError:
        return None
    return session.get(Alias, alias_id)


def _refuse_not_own(alias: Alias) -> None:
    if alias.retired_at is not None:
        raise InvalidInput(
            "That is a former name of one of your aliases, kept so that sanitised reports "
            "still refuse it; rename the alias by its present name."
        )
    if alias.kind is not AliasKind.COVER_NAME or not alias.can_act or alias.role is None:
        # Its spelling is the colleague's (and may be unsafe to print): the id only.
        raise InvalidInput(
            "Alias {id} is not one of your own: a colleague's cover name, known from a "
            "package, cannot be renamed in this vault.",
            id=str(alias.id),
        )


def may_rename(alias: AliasView | Alias) -> bool:
    """Only a name the rule of names refuses (every receiver refuses a package that
    holds it) gets a new one. Any other rename does what nobody designed: receivers
    learn only the new name, so their guard no longer knows the old one, and they
    match cover names by spelling, so the new name may take over records they hold."""
    return alias.role is not None and not names.is_clean(alias.name, NameKind.ALIAS)


def list_renameable_aliases(vault: Vault) -> list[AliasView]:
    """The user's own aliases whose name is from before a rule of names."""
    return [a for a in list_own_aliases(vault) if may_rename(a)]


def rename_alias(vault: Vault, alias_id: uuid.UUID, new_name: str, *, actor: Actor) -> RenamedAlias:
    """Give one of the user's own aliases whose name breaks a rule of names (one
    every receiver refuses) a new cover name; any other is refused
    (:func:`may_rename`). Records name the alias by its id, so they carry the new
    name from now on. The old name stays known, as a retired cover name nobody
    acts under, so that the sanitisation guard still refuses it in a report (as
    an earlier codename is kept), unless another alias already holds its key or
    it is the new name in another case."""
    clean = names.clean(new_name, NameKind.ALIAS)
    with vault.write() as session:
        alias = session.get(Alias, alias_id)
        if alias is None:
            raise UnknownAlias("There is no such alias in this vault.")
        _refuse_not_own(alias)
        if not may_rename(alias):
            raise InvalidInput(
                "Only a cover name from before a rule of names can be renamed: the packages "
                "you send make your cover name known to your handler and the central system, "
                "who keep knowing you by it. Nothing was changed."
            )
        old = alias.name
        refuse_taken_name(session, clean, own=alias.id)
        former = _keep_former(session, alias, clean)
        last = session.get(Setting, LAST_ALIAS_KEY)
        if last is not None and json.loads(last.value) == old:
            _remember(session, clean)
        audit_chain.append(
            session,
            actor,
            "alias.renamed",
            record_type="alias",
            record_id=alias.id,
            # Ids only: the names are vault content.
            detail={"former_alias_id": former.hex if former else None},
        )
        return RenamedAlias(alias.id, clean, former is not None)


def _keep_former(session: Session, alias: Alias, clean: str) -> uuid.UUID | None:
    """Rename ``alias`` to ``clean`` and keep its old name as a retired cover
    name, if no other alias holds its key; the kept row's id, else None."""
    old = alias.name
    old_key = names.key(old)
    kept = (
        old_key != names.key(clean)
        and not session.execute(
            select(Alias.id)
            .where(
                Alias.name_key == old_key,
                Alias.id != alias.id,
                Alias.kind == AliasKind.COVER_NAME,
            )
            .limit(1)
        ).first()
    )
    alias.name = clean
    session.flush()  # the old name is free before it is kept
    if not kept:
        return None
    row = Alias(
        name=old,
        kind=AliasKind.COVER_NAME,
        can_act=False,
        colour=alias.colour,
        retired_at=utc_now(),
    )
    session.add(row)
    session.flush()
    return row.id


LAST_ALIAS_KEY = "last_alias"


def record_switch(vault: Vault, old: Scope, new: Scope) -> None:
    """Audit an alias switch and remember the alias for the next unlock (inside
    the vault, because alias names are vault content)."""
    with vault.write() as session:
        audit_chain.append(
            session, old.actor, "alias.switched", record_type="alias", record_id=new.alias_id
        )
        _remember(session, new.alias_name)


def _remember(session: Session, name: str) -> None:
    row = session.get(Setting, LAST_ALIAS_KEY)
    value = json.dumps(name)
    if row is None:
        session.add(Setting(key=LAST_ALIAS_KEY, value=value))
    else:
        row.value = value


def default_scope(vault: Vault) -> Scope:
    """The alias to start with after unlock: the last one used, else the first own."""
    with vault.read() as session:
        row = session.get(Setting, LAST_ALIAS_KEY)
        last = json.loads(row.value) if row is not None else None
        first = session.execute(
            select(Alias.name)
            .where(Alias.can_act.is_(True), Alias.retired_at.is_(None), Alias.role.is_not(None))
            .order_by(Alias.created_at)
            .limit(1)
        ).scalar_one_or_none()
    if first is None:
        raise UnknownAlias("This vault has no alias you may act under.")
    names = {a.name for a in list_own_aliases(vault)}
    return resolve_scope(vault, last if last in names else first)
