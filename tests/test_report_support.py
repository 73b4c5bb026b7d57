"""Helpers shared by the report tests (no tests of its own): a small demo vault,
PDF text extraction with pypdf, and the identifying strings of a source."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from app.domain.scope import Scope
from app.models import Alias, CompartmentMember, Contact, ContactAttendee, RunnerAssignment, Source
from app.services.admin import aliases
from app.services.demo_data import generator as demo
from app.services.records import identity, sources
from app.services.reports.matching import fold
from app.vault.vault import Vault
from tests.helpers import factory

RUNNERS = ("Valk", "Reiger", "Uil")
PAGE_OF = re.compile(r"Page (\d+) of (\d+)")
TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def make_demo(root: Path, *, sources_n: int = 6, debriefs_n: int = 120) -> Path:
    factory.make_vault(root)
    with Vault.open(root, factory.PASSPHRASE) as vault:
        demo.generate(vault, sources=sources_n, debriefs=debriefs_n, seed=7)
    return root


def runner_with_files(vault: Vault) -> Scope:
    """A runner alias of the demo vault that holds at least one source file."""
    for name in RUNNERS:
        scope = aliases.resolve_scope(vault, name)
        if sources.list_sources(vault, scope):
            return scope
    raise AssertionError("no runner holds a file")


def busiest_source(vault: Vault, scope: Scope) -> uuid.UUID:
    from app.services.records import debriefs

    rows = sources.list_sources(vault, scope)
    return max(rows, key=lambda r: debriefs.count_debriefs(vault, scope, source_id=r.id)).id


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def identifying_strings(vault: Vault, scope: Scope, source_id: uuid.UUID) -> list[str]:
    """Independently of the guard: every string that would identify this source."""
    with vault.read() as session:
        source = session.get(Source, source_id)
        assert source is not None
        compartment = source.compartment_id
        out = [source.codename]
        out += session.execute(select(Alias.name).where(Alias.source_id == source_id)).scalars()
        member_ids = set(
            session.execute(
                select(CompartmentMember.alias_id).where(
                    CompartmentMember.compartment_id == compartment
                )
            ).scalars()
        )
        member_ids |= set(
            session.execute(
                select(RunnerAssignment.alias_id).where(RunnerAssignment.source_id == source_id)
            ).scalars()
        )
        member_ids |= set(
            session.execute(
                select(ContactAttendee.alias_id)
                .join(Contact, Contact.id == ContactAttendee.contact_id)
                .where(Contact.source_id == source_id)
            ).scalars()
        )
        out += session.execute(select(Alias.name).where(Alias.id.in_(member_ids))).scalars()
        out += session.execute(
            select(Contact.location_codeword)
            .where(Contact.source_id == source_id, Contact.location_codeword != "")
            .distinct()
        ).scalars()
    out += identity.identity_strings(vault, scope, source_id, factory.PASSPHRASE)
    return [s for s in out if s.strip()]


def names_in(text: str, needles: list[str]) -> list[str]:
    """Which needles occur in ``text`` as whole words, ignoring case and accents."""
    folded = " ".join(fold(text).split())
    found = []
    for needle in needles:
        pattern = r"(?<!\w)" + re.escape(" ".join(fold(needle).split())) + r"(?!\w)"
        if re.search(pattern, folded):
            found.append(needle)
    return found
