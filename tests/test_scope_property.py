"""Property: under alias A, no service call (lists, counts, search hits, subject
cross-references, source files and every tab of them, contacts, open tasking,
report approvals, every kind of reminder, audit view, CLI output) returns anything
from a compartment A is not a member of, and each returns everything A may see.

Hypothesis draws compartments, aliases, memberships and which sources are closed;
every compartment gets a source with contract and suitability review dates, a
risk assessment, an instruction, a reliability review, a payment, a contact,
tasking with a deadline, debriefs with items and subjects (some shared by name
across compartments), a report approval, and a unique search token.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from app.cli import main as cli_main
from app.domain.enums import PaymentKind, RiskLevel, Role, SourceStatus, SubjectKind
from app.errors import NotFound
from app.models import Alias, CompartmentMember, Debrief, Source, Subject
from app.services import reports
from app.services.admin import aliases, audit
from app.services.records import (
    closing,
    contacts,
    debriefs,
    reminders,
    search,
    sources,
    tasking,
    welfare,
)
from app.services.reports import Selection
from app.services.views import ReminderKind
from app.vault.vault import Vault
from tests.helpers import factory

SHARED_NAMES = ("Dirk Bakker", "Sanne Visser", "Grey Transporter")


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, Any]:
    n_aliases = draw(st.integers(2, 4))
    n_compartments = draw(st.integers(1, 4))
    return {
        "roles": [draw(st.sampled_from([Role.RUNNER, Role.HANDLER])) for _ in range(n_aliases)],
        "members": [[draw(st.booleans()) for _ in range(n_compartments)] for _ in range(n_aliases)],
        "debriefs": [draw(st.integers(0, 3)) for _ in range(n_compartments)],
        "shared": [draw(st.sampled_from(SHARED_NAMES)) for _ in range(n_compartments)],
        "closed": [draw(st.booleans()) for _ in range(n_compartments)],
        # The alias whose CLI output is checked (every alias's services are): the
        # CLI resolves --alias and prints what the services return, each call a
        # whole vault open; one drawn alias a world reaches every alias over a run.
        "cli_alias": draw(st.integers(0, n_aliases - 1)),
    }


@dataclass
class Comp:
    """One compartment (one source's file) and the ids of what was put in it."""

    id: uuid.UUID
    source: uuid.UUID
    token: str
    codename: str
    closed: bool
    debriefs: set[uuid.UUID]
    records: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    approvals: set[uuid.UUID] = field(default_factory=set)


def _fill_source(
    vault: Vault, creator: Any, sid: uuid.UUID, token: str, witness: uuid.UUID
) -> dict[str, set[uuid.UUID]]:
    soon = date.today() + timedelta(days=5)
    return {
        "contacts": {factory.contact(vault, creator, sid, location_codeword=f"LOC{token}")},
        "taskings": {
            tasking.add_tasking(
                vault, creator, sid, f"find {token}", deadline=date.today() + timedelta(days=3)
            )
        },
        "payments": {
            tasking.record_payment(
                vault,
                creator,
                sid,
                kind=PaymentKind.EXPENSE,
                amount_cents=2500,
                reason=f"travel {token}",
                occurred_on=date.today(),
                witness_alias_id=witness,
            )
        },
        "risks": {welfare.assess_risk(vault, creator, sid, level=RiskLevel.MEDIUM, review_on=soon)},
        "instructions": {welfare.give_instruction(vault, creator, sid, f"no offences {token}")},
        "reliability": {welfare.review_reliability(vault, creator, sid, "2", f"seen {token}")},
    }


@dataclass
class Pool:
    """One vault for every world of a run. A compartment is built (through the
    services) once per kind drawn, its debrief count, shared name and closed state,
    and later worlds reuse it; a world sets only the roles and the memberships,
    which decide everything the checks expect. Compartments a world does not use
    stay in the vault with no member: more that must not leak."""

    root: Path
    built: dict[tuple[int, str, bool], list[Comp]] = field(default_factory=dict)


def _new_comp(
    vault: Vault, world: dict[str, Any], c: int, creator: Any, witness: uuid.UUID
) -> Comp:
    count: int = world["debriefs"][c]
    token = f"tok{uuid.uuid4().hex[:10]}"
    codename = f"C{c}X{uuid.uuid4().hex[:4].upper()}"
    sid = factory.source(
        vault,
        creator,
        codename,
        contract_review_on=date.today() + timedelta(days=10),
        suitability_review_on=date.today() + timedelta(days=20),
    )
    records = _fill_source(vault, creator, sid, token, witness)
    made = [
        factory.debrief(
            vault,
            creator,
            sid,
            narrative=f"narrative {token}",
            items=(
                factory.graded_item(
                    f"item {token}",
                    subjects=(
                        (SubjectKind.PERSON, world["shared"][c]),
                        (SubjectKind.PLACE, f"place {token}"),
                    ),
                ),
            ),
            submit=n % 2 == 0,
        )
        for n in range(count)
    ]
    comp = Comp(
        _compartment_of(vault, sid), sid, token, codename, world["closed"][c], set(made), records
    )
    if made:  # the first debrief was submitted: a sanitised report can be asked for
        approval = reports.request_sanitised(
            vault, creator, Selection(debrief_id=made[0]), passphrase=factory.PASSPHRASE
        )
        comp.approvals.add(approval.id)
    if comp.closed:
        sources.update_source(
            vault,
            creator,
            sid,
            sources.SourceDraft(
                codename=codename,
                status=SourceStatus.ACTIVE,
                contract_review_on=date.today() + timedelta(days=10),
                suitability_review_on=date.today() + timedelta(days=20),
            ),
        )
        # Closing is its own step (a reason, a day, who decided): due dates
        # set before it must not bring the source back into reminders.
        closing.close_registration(vault, creator, sid, reason="Drawn as closed")
    return comp


def _build(vault: Vault, pool: Pool, world: dict[str, Any]) -> tuple[list[str], list[Comp]]:
    roles: list[Role] = world["roles"]
    members: list[list[bool]] = world["members"]
    names = [f"A{i}" for i in range(len(roles))]
    known = {a.name for a in aliases.list_own_aliases(vault)}
    for name, role in zip(names[1:], roles[1:], strict=True):
        if name not in known:
            aliases.add_alias(vault, name, role=role, can_act=True)
    with vault.write() as session:  # A0, who builds, stays a runner
        for name, role in zip(names[1:], roles[1:], strict=True):
            session.execute(update(Alias).where(Alias.name == name).values(role=role))
    creator = aliases.resolve_scope(vault, "A0")
    witness = aliases.resolve_scope(vault, "A1").alias_id
    comps: list[Comp] = []
    for c, count in enumerate(world["debriefs"]):
        kind = (count, world["shared"][c], world["closed"][c])
        ready = pool.built.setdefault(kind, [])
        used = sum(1 for comp in comps if comp in ready)
        if used == len(ready):
            ready.append(_new_comp(vault, world, c, creator, witness))
        comps.append(ready[used])
    # Now set memberships exactly as drawn (the creator's default membership included).
    with vault.write() as session:
        session.execute(delete(CompartmentMember))
        for a, name in enumerate(names):
            alias_id = aliases.resolve_scope(vault, name).alias_id
            for c, comp in enumerate(comps):
                if members[a][c]:
                    session.add(CompartmentMember(compartment_id=comp.id, alias_id=alias_id))
    return names, comps


def _compartment_of(vault: Vault, source_id: uuid.UUID) -> uuid.UUID:
    with vault.read() as session:
        return session.execute(
            select(Source.compartment_id).where(Source.id == source_id)
        ).scalar_one()


def _check_source_files(vault: Vault, scope: Any, visible: list[Comp], hidden: list[Comp]) -> None:
    for comp in visible:
        file = sources.source_file(vault, scope, comp.source)
        assert file.overview.codename == comp.codename
        assert {d.id for d in file.debriefs} == comp.debriefs
        got = {
            "contacts": {c.id for c in file.contacts},
            "taskings": {t.id for t in file.taskings},
            "payments": {p.id for p in file.payments},
            "risks": {r.id for r in file.risks},
            "instructions": {i.id for i in file.instructions},
            "reliability": {r.id for r in file.reliability},
        }
        assert got == comp.records
        listed = contacts.list_contacts(vault, scope, comp.source)
        assert {c.id for c in listed} == comp.records["contacts"]
        for contact_id in comp.records["contacts"]:
            assert contacts.get_contact(vault, scope, contact_id).source_id == comp.source
        assert {t.id for t in tasking.open_taskings(vault, scope, comp.source)} == comp.records[
            "taskings"
        ]
    for comp in hidden:
        with pytest.raises(NotFound):
            sources.source_file(vault, scope, comp.source)
        with pytest.raises(NotFound):
            contacts.list_contacts(vault, scope, comp.source)
        for contact_id in comp.records["contacts"]:
            with pytest.raises(NotFound):
                contacts.get_contact(vault, scope, contact_id)
        assert tasking.open_taskings(vault, scope, comp.source) == []
    everything = {t.id for t in tasking.open_taskings(vault, scope)}
    assert everything == set().union(*[c.records["taskings"] for c in visible])


def _check_reminders(vault: Vault, scope: Any, visible: list[Comp]) -> None:
    due = reminders.reminders(vault, scope, date.today(), horizon_days=30)
    live = {c.codename for c in visible if not c.closed}
    for kind in ReminderKind:
        assert {r.codename for r in due if r.kind is kind} == live, kind
    risks = set().union(*[c.records["risks"] for c in visible if not c.closed])
    assert {r.record_id for r in due if r.kind is ReminderKind.RISK_REVIEW} == risks
    for r in due:
        if r.kind is ReminderKind.RISK_REVIEW:
            assert r.level is RiskLevel.MEDIUM


def _cli(root: Path, pp: Path, alias: str, *args: str) -> tuple[int, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli_main(
            [*args, "--vault", str(root), "--passphrase-file", str(pp), "--alias", alias, "--json"]
        )
    return code, json.loads(out.getvalue()) if code == 0 else None


@pytest.fixture
def pool(tmp_path: Path) -> Pool:
    root = tmp_path / "vault"
    factory.make_vault(root, alias="A0", role=Role.RUNNER)
    return Pool(root)


@pytest.mark.slow
# Fresh draws each run (no fixed seed): every run of the suite adds new worlds.
# The pool (one vault) is kept across examples on purpose: each world resets it.
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(world=worlds())
def test_no_service_leaks_across_compartments(pool: Pool, world: dict[str, Any]) -> None:
    members: list[list[bool]] = world["members"]
    root = pool.root
    with tempfile.TemporaryDirectory() as tmp:
        expected: dict[str, dict[str, Any]] = {}
        with Vault.open(root, factory.PASSPHRASE) as vault:
            names, comps = _build(vault, pool, world)
            with vault.read() as session:
                all_subjects = dict(
                    session.execute(select(Subject.id, Subject.compartment_id)).all()
                )
                debrief_comp = dict(
                    session.execute(select(Debrief.id, Debrief.compartment_id)).all()
                )
            for a, name in enumerate(names):
                scope = aliases.resolve_scope(vault, name)
                seen = [c for c, m in zip(comps, members[a], strict=True) if m]
                hidden = [c for c, m in zip(comps, members[a], strict=True) if not m]
                visible = {c.id for c in seen}
                expect_debriefs: set[uuid.UUID] = set().union(*[c.debriefs for c in seen])

                listed = {s.codename for s in sources.list_sources(vault, scope)}
                assert listed == {c.codename for c in seen}

                page = debriefs.list_debriefs(vault, scope, limit=1000)
                assert {r.id for r in page.rows} == expect_debriefs
                assert debriefs.count_debriefs(vault, scope) == len(expect_debriefs)
                ids = debriefs.debrief_id_page(vault, scope, limit=1000).ids
                assert set(ids) == expect_debriefs
                assert (
                    set(debriefs.debrief_rows(vault, scope, list(debrief_comp))) == expect_debriefs
                )

                for comp in comps:
                    hits = search.search(vault, scope, comp.token)
                    if comp.id in visible and comp.debriefs:
                        assert hits  # narrative, item and subject carry the token
                    elif comp.id not in visible:
                        assert hits == []
                    for hit in hits:
                        if hit.debrief_id is not None:
                            assert debrief_comp[hit.debrief_id] in visible

                for subject_id, comp_id in all_subjects.items():
                    if comp_id in visible:
                        for row in search.debriefs_mentioning(vault, scope, subject_id):
                            assert debrief_comp[row.id] in visible
                    else:
                        with pytest.raises(NotFound):
                            search.debriefs_mentioning(vault, scope, subject_id)

                _check_source_files(vault, scope, seen, hidden)
                _check_reminders(vault, scope, seen)

                approvals = {r.id for r in reports.list_approvals(vault, scope, status=None)}
                assert approvals == set().union(*[c.approvals for c in seen])

                for event in audit.recent_events(vault, scope, limit=10_000):
                    if event.record_type == "debrief" and event.record_id:
                        rid = uuid.UUID(hex=event.record_id)
                        assert debrief_comp.get(rid) in visible

                for comp in hidden:
                    for debrief_id in comp.debriefs:
                        with pytest.raises(NotFound):
                            debriefs.get_debrief(vault, scope, debrief_id)

                expected[name] = {
                    "debriefs": {str(i) for i in expect_debriefs},
                    "search": {str(h.ref_id) for h in search.search(vault, scope, "narrative")},
                }

        # The CLI prints exactly what the services return, never more.
        pp = Path(tmp) / "pp"
        pp.write_text(factory.PASSPHRASE + "\n")
        for a, name in enumerate(names):
            if a != world["cli_alias"]:
                continue
            seen = [c for c, m in zip(comps, members[a], strict=True) if m]
            code, out = _cli(root, pp, name, "list", "sources")
            assert code == 0
            assert {s["codename"] for s in out} == {c.codename for c in seen}
            code, out = _cli(root, pp, name, "list", "debriefs")
            assert code == 0
            assert {r["id"] for r in out} == expected[name]["debriefs"]
            for comp, member in zip(comps, members[a], strict=True):
                code, out = _cli(root, pp, name, "list", "debriefs", "--source", comp.codename)
                if member:
                    assert code == 0
                    assert {r["id"] for r in out} == {str(i) for i in comp.debriefs}
                else:
                    assert code == 1  # no such source in this alias's files
            code, out = _cli(root, pp, name, "search", "narrative")
            assert code == 0
            assert {h["ref_id"] for h in out} == expected[name]["search"]
