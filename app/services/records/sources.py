"""Sources and their files: create, list, read, update; runners and compartments."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.dal import source_runner
from app.dal.handed_over import get_writable
from app.dal.scope import get_visible, visible
from app.dal.source_names import shown_codename, shown_codenames
from app.domain import names
from app.domain.enums import AliasKind, Role, SourceKind, SourceStatus, TaskingStatus
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.errors import AccessDenied, InvalidInput, NotFound
from app.models import (
    Alias,
    Compartment,
    CompartmentMember,
    Contact,
    Debrief,
    Payment,
    ReliabilityReview,
    RiskAssessment,
    RunnerAssignment,
    Source,
    SourceInstruction,
    Tasking,
    TrueIdentity,
)
from app.services import mapping
from app.services.views import SourceFile, SourceOverview, SourceRow
from app.vault import audit_chain
from app.vault.vault import Vault


@dataclass(frozen=True)
class SourceDraft:
    codename: str
    kind: SourceKind = SourceKind.INFORMANT
    status: SourceStatus = SourceStatus.CANDIDATE
    motivation: str = ""
    information_position: str = ""
    legal_basis: str = ""
    contracted_on: date | None = None
    contract_review_on: date | None = None
    suitability_review_on: date | None = None
    antecedents_checked_on: date | None = None
    antecedents_result: str = ""
    notes: str = ""

    def validated(self) -> SourceDraft:
        codename = names.clean(self.codename.upper(), NameKind.CODENAME)
        if (
            self.kind is SourceKind.CIVILIAN_INFORMANT
            and self.contracted_on
            and not (self.legal_basis.strip())
        ):
            raise InvalidInput(
                "A contracted civilian informant needs a legal basis (art. 126v Sv)."
            )
        return SourceDraft(**{**asdict(self), "codename": codename})


def _codename_taken(session: Session, codename: str, source_id: uuid.UUID | None = None) -> bool:
    """By key (``Kwarts`` is ``KWARTS``), among every source's codename and every
    alias (cover names and earlier codenames): the guard looks for all of them.
    Inside the write transaction, so no other writer adds the same one meanwhile.
    Vault-wide today; issue 17 narrows it for codenames from different runners."""
    key = names.key(codename)
    others = select(Source.id).where(Source.codename_key == key)
    if source_id is not None:  # renaming: its own codename in another case is no clash
        others = others.where(Source.id != source_id)
    in_sources = session.execute(others.limit(1)).first()
    in_aliases = session.execute(select(Alias.id).where(Alias.name_key == key).limit(1)).first()
    return bool(in_sources or in_aliases)


def _compartment_name(session: Session, codename: str) -> str:
    """``File CODENAME``, or with a few characters of a fresh id when a compartment
    of that name came in a package (compartment names are unique)."""

    def is_taken(name: str) -> bool:
        return (
            session.execute(select(Compartment.id).where(Compartment.name == name)).first()
            is not None
        )

    return names.free_name(f"File {codename}", uuid.uuid4().hex, NameKind.COMPARTMENT, is_taken)


def _rename_compartment(session: Session, source: Source, old_codename: str) -> None:
    """A new codename renames the compartment named after the old one (``File OLD``,
    or with the end of an id added), and one whose name breaks the rule of names
    (from before it: every receiver refuses a package holding it). Receivers and the
    central system know a compartment by its id, so its name may change."""
    compartment = session.get(Compartment, source.compartment_id)
    if compartment is None:
        return
    made = f"File {old_codename}"
    named_after = compartment.name == made or compartment.name.startswith(f"{made} (")
    if named_after or not names.is_clean(compartment.name, NameKind.COMPARTMENT):
        compartment.name = _compartment_name(session, source.codename)


def _not_closed_by_editing() -> InvalidInput:
    return InvalidInput(
        "A registration is closed with its reason, the day and who decided "
        "(Close registration, or 'veldboek source close'), not by changing its status."
    )


def create_source(
    vault: Vault, scope: Scope, draft: SourceDraft, *, share_with: tuple[uuid.UUID, ...] = ()
) -> uuid.UUID:
    """Open a new source file: a compartment of its own, with the acting alias as
    member and primary runner, plus any aliases named in ``share_with``."""
    clean = draft.validated()
    if clean.status is SourceStatus.CLOSED:
        raise _not_closed_by_editing()
    with vault.write() as session:
        if _codename_taken(session, clean.codename):
            raise InvalidInput(
                "The codename {codename!r} is already in use.", codename=clean.codename
            )
        compartment = Compartment(name=_compartment_name(session, clean.codename))
        session.add(compartment)
        session.flush()
        source = Source(compartment_id=compartment.id, **asdict(clean))
        session.add(source)
        session.flush()
        for alias_id in {scope.alias_id, *share_with}:
            session.add(CompartmentMember(compartment_id=compartment.id, alias_id=alias_id))
        session.add(RunnerAssignment(source_id=source.id, alias_id=scope.alias_id, is_primary=True))
        audit_chain.append(
            session,
            scope.actor,
            "source.created",
            record_type="source",
            record_id=source.id,
            compartment_id=compartment.id,
            detail={"members": len({scope.alias_id, *share_with})},
        )
        return source.id


def update_source(vault: Vault, scope: Scope, source_id: uuid.UUID, draft: SourceDraft) -> None:
    clean = draft.validated()
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        if (clean.status is SourceStatus.CLOSED) != (source.status is SourceStatus.CLOSED):
            if source.status is SourceStatus.CLOSED:
                raise InvalidInput("A closed registration stays closed.")
            raise _not_closed_by_editing()
        if clean.codename != source.codename and _codename_taken(
            session, clean.codename, source.id
        ):
            raise InvalidInput(
                "The codename {codename!r} is already in use.", codename=clean.codename
            )
        old_codename = source.codename
        changed = []
        for f in fields(SourceDraft):
            new = getattr(clean, f.name)
            if getattr(source, f.name) != new:
                setattr(source, f.name, new)
                changed.append(f.name)
        if not changed:
            return
        if "codename" in changed:
            # Keep the old codename as an alias so the sanitisation guard still knows it.
            if session.execute(select(Alias.id).where(Alias.name == old_codename)).first():
                # A colleague's cover name from a package may have that spelling.
                raise InvalidInput(
                    "The codename cannot be changed: an alias has the same name as the old "
                    "codename, so the old one could not be kept for the sanitisation guard."
                )
            session.add(
                Alias(
                    name=old_codename,
                    kind=AliasKind.CODENAME,
                    compartment_id=source.compartment_id,
                    source_id=source.id,
                )
            )
            _rename_compartment(session, source, old_codename)
        audit_chain.append(
            session,
            scope.actor,
            "source.updated",
            record_type="source",
            record_id=source.id,
            compartment_id=source.compartment_id,
            detail={"fields": sorted(changed)},
        )


def _next_reviews(session: Session, source_ids: list[uuid.UUID]) -> dict[uuid.UUID, date]:
    """Earliest pending review per source: latest risk assessment's review date,
    contract and suitability reviews, open tasking deadlines."""
    if not source_ids:
        return {}
    out: dict[uuid.UUID, date] = {}

    def consider(sid: uuid.UUID, when: date | None) -> None:
        if when is not None and (sid not in out or when < out[sid]):
            out[sid] = when

    latest = (
        select(RiskAssessment.source_id, func.max(RiskAssessment.assessed_at).label("at"))
        .where(RiskAssessment.source_id.in_(source_ids))
        .group_by(RiskAssessment.source_id)
        .subquery()
    )
    for sid, review_on in session.execute(
        select(RiskAssessment.source_id, RiskAssessment.review_on).join(
            latest,
            (latest.c.source_id == RiskAssessment.source_id)
            & (latest.c.at == RiskAssessment.assessed_at),
        )
    ):
        consider(sid, review_on)
    for sid, contract, suitability in session.execute(
        select(Source.id, Source.contract_review_on, Source.suitability_review_on).where(
            Source.id.in_(source_ids)
        )
    ):
        consider(sid, contract)
        consider(sid, suitability)
    for sid, deadline in session.execute(
        select(Tasking.source_id, func.min(Tasking.deadline))
        .where(Tasking.source_id.in_(source_ids), Tasking.status == TaskingStatus.OPEN)
        .group_by(Tasking.source_id)
    ):
        consider(sid, deadline)
    return out


def list_sources(
    vault: Vault, scope: Scope, *, status: SourceStatus | None = None
) -> list[SourceRow]:
    """Sources in the scope's compartments, by codename."""
    with vault.read() as session:
        last_contact = (
            select(func.max(Contact.occurred_at))
            .where(Contact.source_id == Source.id)
            .correlate(Source)
            .scalar_subquery()
        )
        query = (
            select(Source.id, shown_codename(scope), Source.kind, Source.status, last_contact)
            .where(visible(Source.compartment_id, scope))
            .order_by(Source.codename, Source.id)
        )
        if status is not None:
            query = query.where(Source.status == status)
        rows = session.execute(query).all()
        reviews = _next_reviews(session, [r[0] for r in rows])
        # A closed source has nothing due (as in ``reminders``).
        return [
            SourceRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                None if r[3] is SourceStatus.CLOSED else reviews.get(r[0]),
            )
            for r in rows
        ]


class AmbiguousSource(NotFound):
    """A codename that more than one source in the alias's files has: ``choices``
    lists them (id and shown codename, for the screen), the message names none."""

    def __init__(self, codename: str, choices: tuple[SourceRow, ...]) -> None:
        super().__init__(
            "{n} sources in the active alias's files have the codename {codename!r}; "
            "give the id of the one you mean (listed above, and by 'veldboek list sources').",
            n=len(choices),
            codename=codename,
        )
        self.choices = choices


def find_source(vault: Vault, scope: Scope, codename: str) -> uuid.UUID:
    """The visible source of that codename, by key (``kwarts`` finds ``KWARTS``).
    Sources are told apart by id: where two have the codename (two runners'
    namesakes, or spellings that differ only in case from before the rule),
    ``AmbiguousSource`` lists them unless exactly one is written just so."""
    key = names.lookup_key(codename, NameKind.CODENAME)
    with vault.read() as session:
        found: list[tuple[uuid.UUID, str]] = [
            (row.id, row.codename)
            for row in session.execute(
                select(Source.id, Source.codename).where(
                    Source.codename_key == key, visible(Source.compartment_id, scope)
                )
            )
        ]
    if len(found) > 1:
        exact = [f for f in found if f[1] == codename.strip()]
        if len(exact) != 1:
            wanted = {f[0] for f in found}
            choices = tuple(r for r in list_sources(vault, scope) if r.id in wanted)
            raise AmbiguousSource(codename, choices)
        found = exact
    if not found:
        raise NotFound(
            "No source with codename {codename!r} in the active alias's files.",
            codename=codename,
        )
    return found[0][0]


def resolve_source(vault: Vault, scope: Scope, text: str) -> uuid.UUID:
    """A source named on the command line: its id (as ``list sources --json`` and
    ``show source`` print it, checked to be in the alias's files), else its
    codename (``find_source``)."""
    try:
        source_id = uuid.UUID(text.strip())
    except ValueError:
        return find_source(vault, scope, text)
    with vault.read() as session:
        get_visible(session, scope, Source, source_id)
    return source_id


def _overview(
    session: Session, scope: Scope, source: Source, names: dict[uuid.UUID, str]
) -> SourceOverview:
    """The source's registration data, runners and other codenames (never the true
    identity: only whether this vault holds one in the alias's scope)."""
    runners = tuple(
        names.get(a, "?")
        for a in session.execute(
            select(RunnerAssignment.alias_id)
            .where(RunnerAssignment.source_id == source.id)
            .order_by(RunnerAssignment.is_primary.desc())
        ).scalars()
    )
    other_codenames = tuple(
        session.execute(
            select(Alias.name).where(Alias.source_id == source.id, Alias.kind == AliasKind.CODENAME)
        ).scalars()
    )
    has_identity = (
        session.execute(
            select(TrueIdentity.id).where(
                TrueIdentity.source_id == source.id,
                visible(TrueIdentity.compartment_id, scope),
            )
        ).first()
        is not None
    )
    other_runner = source_runner.other_runner(session, scope, source.id)
    return SourceOverview(
        id=source.id,
        compartment_id=source.compartment_id,
        codename=source.codename,
        shown_codename=shown_codenames(session, scope, {source.id})[source.id],
        kind=source.kind,
        status=source.status,
        motivation=source.motivation,
        information_position=source.information_position,
        legal_basis=source.legal_basis,
        contracted_on=source.contracted_on,
        contract_review_on=source.contract_review_on,
        suitability_review_on=source.suitability_review_on,
        antecedents_checked_on=source.antecedents_checked_on,
        antecedents_result=source.antecedents_result,
        notes=source.notes,
        runners=runners,
        other_codenames=other_codenames,
        has_identity=has_identity,
        created_at=source.created_at,
        closed_at=source.closed_at,
        close_reason=source.close_reason,
        closed_on=source.closed_on,
        closed_by=names.get(source.closed_by_alias_id, "?") if source.closed_by_alias_id else None,
        runs_it=other_runner is None,
        run_by=scope.alias_name if other_runner is None else other_runner,
    )


def _of_source(
    session: Session, scope: Scope, model: Any, source_id: uuid.UUID, order: Any
) -> list[Any]:
    """One tab's rows, newest first. The query carries the scope filter itself, not
    only the source check: no tab can show a row of a compartment the alias is not
    in (a record filed under the wrong source, a future query)."""
    return list(
        session.execute(
            select(model)
            .where(model.source_id == source_id, visible(model.compartment_id, scope))
            .order_by(order.desc())
        ).scalars()
    )


def source_file(vault: Vault, scope: Scope, source_id: uuid.UUID) -> SourceFile:
    """Everything in one source's file, each tab read in the alias's scope."""
    with vault.read() as session:
        source = get_visible(session, scope, Source, source_id)
        names = mapping.alias_names(session)
        overview = _overview(session, scope, source, names)
        contacts = _of_source(session, scope, Contact, source.id, Contact.occurred_at)
        attendees = mapping.attendees(session, [c.id for c in contacts], names)
        debrief_rows = session.execute(
            mapping.debrief_row_query(scope)
            .where(Debrief.source_id == source.id, visible(Debrief.compartment_id, scope))
            .order_by(Debrief.created_at.desc(), Debrief.id.desc())
        ).all()
        tabs = {
            model: _of_source(session, scope, model, source.id, order)
            for model, order in (
                (Tasking, Tasking.created_at),
                (Payment, Payment.occurred_on),
                (RiskAssessment, RiskAssessment.assessed_at),
                (SourceInstruction, SourceInstruction.given_at),
                (ReliabilityReview, ReliabilityReview.reviewed_at),
            )
        }
        return SourceFile(
            overview=overview,
            contacts=tuple(mapping.contact_view(c, attendees.get(c.id, ())) for c in contacts),
            debriefs=tuple(mapping.debrief_row(r) for r in debrief_rows),
            taskings=tuple(mapping.tasking_view(t, overview.shown_codename) for t in tabs[Tasking]),
            payments=tuple(mapping.payment_view(p, names) for p in tabs[Payment]),
            risks=tuple(mapping.risk_view(r, names) for r in tabs[RiskAssessment]),
            instructions=tuple(mapping.instruction_view(i) for i in tabs[SourceInstruction]),
            reliability=tuple(mapping.reliability_view(r) for r in tabs[ReliabilityReview]),
        )


def share_file(vault: Vault, scope: Scope, source_id: uuid.UUID, alias_id: uuid.UUID) -> None:
    """Give another alias access to a source's file. Only a handler who is already
    a member may widen the need-to-know circle."""
    with vault.write() as session:
        source = get_writable(session, scope, Source, source_id)
        if scope.role is not Role.HANDLER:
            raise AccessDenied("Only a handler may give another alias access to a file.")
        target = session.get(Alias, alias_id)
        if target is None or target.kind is not AliasKind.COVER_NAME:
            raise InvalidInput("Access can only be given to a cover name.")
        if session.get(CompartmentMember, (source.compartment_id, alias_id)) is None:
            session.add(CompartmentMember(compartment_id=source.compartment_id, alias_id=alias_id))
            audit_chain.append(
                session,
                scope.actor,
                "compartment.member_added",
                record_type="compartment",
                record_id=source.compartment_id,
                compartment_id=source.compartment_id,
                detail={"alias_id": alias_id.hex},
            )
