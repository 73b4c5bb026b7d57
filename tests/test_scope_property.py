"""Property: under alias A, no service call (lists, counts, search hits, subject
cross-references, reminders, audit view, CLI output) returns anything from a
compartment A is not a member of.

Hypothesis draws compartments, aliases and memberships; every compartment gets
sources, debriefs, items with subjects (some shared by name across compartments),
tasking with deadlines and a unique search token.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app.cli import main as cli_main
from app.errors import NotFound
from app.models import CompartmentMember, Debrief, Source
from app.models.enums import Role, SubjectKind
from app.services import aliases, audit, debriefs, reminders, search, sources, tasking
from app.vault.vault import Vault
from tests import factory

SHARED_NAMES = ("Dirk Bakker", "Sanne Visser", "Grey Transporter")


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, object]:
    n_aliases = draw(st.integers(2, 4))
    n_compartments = draw(st.integers(1, 4))
    roles = [draw(st.sampled_from([Role.RUNNER, Role.HANDLER])) for _ in range(n_aliases)]
    members = [[draw(st.booleans()) for _ in range(n_compartments)] for _ in range(n_aliases)]
    debrief_counts = [draw(st.integers(0, 3)) for _ in range(n_compartments)]
    shared = [draw(st.sampled_from(SHARED_NAMES)) for _ in range(n_compartments)]
    return {
        "roles": roles,
        "members": members,
        "debriefs": debrief_counts,
        "shared": shared,
    }


def _build(root: Path, world: dict[str, object]) -> tuple[list[str], list[dict[str, object]]]:
    factory.make_vault(root, alias="A0", role=Role.RUNNER)
    roles: list[Role] = world["roles"]  # type: ignore[assignment]
    members: list[list[bool]] = world["members"]  # type: ignore[assignment]
    counts: list[int] = world["debriefs"]  # type: ignore[assignment]
    shared: list[str] = world["shared"]  # type: ignore[assignment]
    names = [f"A{i}" for i in range(len(roles))]
    compartments: list[dict[str, object]] = []
    with Vault.open(root, factory.PASSPHRASE) as vault:
        for name, role in zip(names[1:], roles[1:], strict=True):
            aliases.add_alias(vault, name, role=role, can_act=True)
        creator = aliases.resolve_scope(vault, "A0")
        for c, count in enumerate(counts):
            token = f"tok{uuid.uuid4().hex[:10]}"
            codename = f"C{c}X{uuid.uuid4().hex[:4].upper()}"
            sid = factory.source(vault, creator, codename)
            tasking.add_tasking(
                vault, creator, sid, f"find {token}", deadline=date.today() + timedelta(days=3)
            )
            ids = [
                factory.debrief(
                    vault,
                    creator,
                    sid,
                    narrative=f"narrative {token}",
                    items=(
                        factory.graded_item(
                            f"item {token}",
                            subjects=(
                                (SubjectKind.PERSON, shared[c]),
                                (SubjectKind.PLACE, f"place {token}"),
                            ),
                        ),
                    ),
                    submit=n % 2 == 0,
                )
                for n in range(count)
            ]
            with vault.read() as session:
                comp_id = session.execute(
                    select(Source.compartment_id).where(Source.id == sid)
                ).scalar_one()
            compartments.append(
                {"id": comp_id, "token": token, "codename": codename, "debriefs": set(ids)}
            )
        # Now set memberships exactly as drawn (the creator's default membership included).
        with vault.write() as session:
            session.execute(delete(CompartmentMember))
            for a, name in enumerate(names):
                alias_id = aliases.resolve_scope(vault, name).alias_id
                for c, comp in enumerate(compartments):
                    if members[a][c]:
                        session.add(CompartmentMember(compartment_id=comp["id"], alias_id=alias_id))
    return names, compartments


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds())
def test_no_service_leaks_across_compartments(world: dict[str, object]) -> None:
    members: list[list[bool]] = world["members"]  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "vault"
        names, compartments = _build(root, world)
        with Vault.open(root, factory.PASSPHRASE) as vault:
            all_subjects = {}
            with vault.read() as session:
                from app.models import Subject

                for subject in session.execute(select(Subject)).scalars():
                    all_subjects[subject.id] = subject.compartment_id
                debrief_comp = dict(
                    session.execute(select(Debrief.id, Debrief.compartment_id)).all()
                )
            for a, name in enumerate(names):
                scope = aliases.resolve_scope(vault, name)
                visible = {c["id"] for c, m in zip(compartments, members[a], strict=True) if m}
                hidden = [c for c, m in zip(compartments, members[a], strict=True) if not m]
                expect_codenames = {c["codename"] for c in compartments if c["id"] in visible}
                expect_debriefs = set().union(
                    *[c["debriefs"] for c in compartments if c["id"] in visible]
                )

                listed = {s.codename for s in sources.list_sources(vault, scope)}
                assert listed == expect_codenames

                page = debriefs.list_debriefs(vault, scope, limit=1000)
                assert {r.id for r in page.rows} == expect_debriefs
                assert debriefs.count_debriefs(vault, scope) == len(expect_debriefs)
                ids = debriefs.debrief_id_page(vault, scope, limit=1000).ids
                assert set(ids) == expect_debriefs
                assert (
                    set(debriefs.debrief_rows(vault, scope, list(debrief_comp))) == expect_debriefs
                )

                for comp in compartments:
                    hits = search.search(vault, scope, str(comp["token"]))
                    if comp["id"] in visible and comp["debriefs"]:
                        assert hits  # narrative, item and subject carry the token
                    elif comp["id"] not in visible:
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

                due = reminders.reminders(vault, scope, date.today(), horizon_days=30)
                assert {r.codename for r in due} <= expect_codenames
                assert {r.codename for r in due if r.kind == "tasking_deadline"} == expect_codenames

                for event in audit.recent_events(vault, scope, limit=10_000):
                    if event.record_type == "debrief" and event.record_id:
                        rid = uuid.UUID(hex=event.record_id)
                        assert debrief_comp.get(rid) in visible

                for comp in hidden:
                    for debrief_id in comp["debriefs"]:  # type: ignore[attr-defined]
                        with pytest.raises(NotFound):
                            debriefs.get_debrief(vault, scope, debrief_id)

        # The CLI prints exactly the same, never more.
        pp = Path(tmp) / "pp"
        pp.write_text(factory.PASSPHRASE + "\n")
        for a, name in enumerate(names):
            expect = {c["codename"] for c, m in zip(compartments, members[a], strict=True) if m}
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                assert (
                    cli_main(
                        [
                            "list",
                            "sources",
                            "--vault",
                            str(root),
                            "--passphrase-file",
                            str(pp),
                            "--alias",
                            name,
                            "--json",
                        ]
                    )
                    == 0
                )
            assert {s["codename"] for s in json.loads(out.getvalue())} == expect
