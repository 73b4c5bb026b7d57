"""Rows for an imported package's records, written with bulk statements: one small
writer per record type, its columns read off the declarations of ``app.models.wire``
(``RowPlan``), each given the columns a record does not carry itself (its debrief's
compartment, ...). Cover names in the records become alias rows (``CoverNames``).
"""

from __future__ import annotations

import functools
import operator
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import iso_utc, utc_now
from app.domain import names
from app.domain.text import normalise_name
from app.models import Subject
from app.models import wire as w
from app.models.base import new_hex_id
from app.services.admin import aliases
from app.services.exchange.import_origins import Origins, legacy_links
from app.services.exchange.import_sql import (
    debrief_upsert_sql,
    execute_many,
    held_in,
    hex_id,
    insert_sql,
    raw_connection,
    upsert_sql,
)
from app.services.exchange.package_records import table_of
from app.vault import search_bulk

ProgressFn = Callable[[int, int], None]


class CoverNames:
    """Cover names in records become alias rows here (colleagues: not ours to act
    under); an existing alias of the same name (by key: ``valk`` is ``Valk``) is
    reused. The names were checked by the rule (package_validation)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids, self.by_key = aliases.names_known(session)

    def id(self, name: str | None) -> str | None:
        if name is None:
            return None
        found = self.ids.get(name)
        if found is None:
            key = names.key(name)
            found = self.by_key.get(key)
            if found is None:
                found = aliases.add_colleague(self.session, name).id
                self.by_key[key] = found
            self.ids[name] = found
        return found.hex


# Records that name the debrief they were given in (``debrief_id``).
LINKED = ("tasking", "payment")


def _subjects(
    session: Session, wanted: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], str]:
    """(compartment hex, kind, normalised) -> subject id hex, of those held."""
    keys = set(wanted)
    comps = {k[0] for k in keys}
    known: dict[tuple[str, str, str], str] = {}
    for comp in comps:
        for sid, kind, norm in session.execute(
            select(Subject.id, Subject.kind, Subject.normalised).where(
                Subject.compartment_id == uuid.UUID(hex=comp)
            )
        ):
            known[(comp, kind.value, norm)] = sid.hex
    return known


@dataclass(frozen=True)
class RowPlan:
    """How a record of one type and format version becomes a row: the fields that
    have a column, in order, and which of them need turning from wire to stored
    form (ids lose their hyphens, cover names become alias ids, booleans 0 or 1)."""

    names: tuple[str, ...]
    columns: tuple[str, ...]
    ids: tuple[int, ...]
    aliases: tuple[int, ...]
    bools: tuple[int, ...]

    @functools.cached_property
    def values(self) -> Callable[[dict[str, Any]], list[Any]]:
        """The record's values of ``names``, in order."""
        get = operator.itemgetter(*self.names)
        if len(self.names) == 1:
            return lambda data: [get(data)]
        return lambda data: list(get(data))


@functools.cache
def row_plan(type_name: str, version: int) -> RowPlan:
    fields = [f for f in w.RECORD_TYPES[type_name].fields(version) if f.column]

    def where(test: Callable[[w.Field], bool]) -> tuple[int, ...]:
        return tuple(n for n, f in enumerate(fields) if test(f))

    return RowPlan(
        tuple(f.name for f in fields),
        tuple(str(f.column) for f in fields),
        where(lambda f: f.wire is w.Wire.ID),
        where(lambda f: f.by_alias),
        where(lambda f: f.wire is w.Wire.BOOL),
    )


Rows = list[tuple[Any, ...]]
# The record types a debrief brings rows of (taskings and payments: format 2).
_DEBRIEF_PARTS = ("contact", "debrief", "item", "addendum", "attachment", "tasking", "payment")


@dataclass
class _DebriefRows:
    """The rows the debriefs of one package bring, table by table."""

    contacts: Rows = field(default_factory=list)
    attendees: Rows = field(default_factory=list)
    debriefs: Rows = field(default_factory=list)
    items: Rows = field(default_factory=list)
    links: Rows = field(default_factory=list)
    addenda: Rows = field(default_factory=list)
    taskings: Rows = field(default_factory=list)
    payments: Rows = field(default_factory=list)
    files: Rows = field(default_factory=list)


class RowWriter:
    """Rows for the records of one package, written with bulk statements."""

    def __init__(self, session: Session, version: int) -> None:
        self.session, self.version = session, version
        self.aliases = CoverNames(session)
        self.plans = {t: row_plan(t, version) for t in _DEBRIEF_PARTS}

    def row(self, plan: RowPlan, data: dict[str, Any], *context: Any) -> tuple[Any, ...]:
        values = plan.values(data)
        for i in plan.ids:
            if values[i] is not None:
                values[i] = hex_id(values[i])
        for i in plan.aliases:
            values[i] = self.aliases.id(values[i] or None)
        for i in plan.bools:
            values[i] = 1 if values[i] else 0
        return (*values, *context)

    def columns(self, type_name: str, *context: str) -> tuple[str, ...]:
        return (*row_plan(type_name, self.version).columns, *context)

    def debriefs(
        self,
        records: list[dict[str, Any]],
        blobs: Mapping[str, bytes],
        progress: ProgressFn | None,
        live: set[str],
        index: search_bulk.BulkIndex,
        origins: Origins,
    ) -> None:
        """``live``: ids (hex) of the debriefs the vault held before (updated, not new)."""
        normalised = functools.lru_cache(maxsize=None)(normalise_name)  # names repeat a lot
        subject_ids = self._subjects(records, index, normalised)
        rows = _DebriefRows()
        total = len(records)
        for n, d in enumerate(records):
            self._debrief_rows(rows, d, live, index, subject_ids, normalised)
            if progress is not None and n % 500 == 0:
                progress(n, total)
        self._index_addenda(rows.addenda, index)
        self._write_debrief_rows(rows, blobs, live)
        if self.version < 3:
            self._nested_lists(rows, origins)
        if progress is not None:
            progress(total, total)

    def _subjects(
        self,
        records: list[dict[str, Any]],
        index: search_bulk.BulkIndex,
        normalised: Callable[[str], str],
    ) -> dict[tuple[str, str, str], str]:
        """(compartment hex, kind, normalised) -> subject id hex of every subject the
        items name; those this vault does not hold yet are created (and indexed)."""
        subject_names: dict[tuple[str, str, str], str] = {}
        for d in records:
            comp = hex_id(d["compartment_id"])
            for item in d["items"]:
                for s in item["subjects"]:
                    subject_names.setdefault((comp, s["kind"], normalised(s["name"])), s["name"])
        subject_ids = _subjects(self.session, subject_names)
        new_subjects = []
        for key, display in subject_names.items():
            if key not in subject_ids:
                subject_ids[key] = new_hex_id()
                new_subjects.append(
                    (
                        subject_ids[key],
                        key[0],
                        key[1],
                        display[:200],
                        key[2],
                        "",
                        iso_utc(utc_now()),
                    )
                )
                index.add("subject", subject_ids[key], None, key[0], display[:200])
        execute_many(
            self.session,
            "INSERT INTO subject (id, compartment_id, kind, name, normalised, notes, "
            "created_at) VALUES (?,?,?,?,?,?,?)",
            new_subjects,
        )
        return subject_ids

    def _debrief_rows(
        self,
        rows: _DebriefRows,
        d: dict[str, Any],
        live: set[str],
        index: search_bulk.BulkIndex,
        subject_ids: dict[tuple[str, str, str], str],
        normalised: Callable[[str], str],
    ) -> None:
        """The rows of one debrief and what hangs off it, added to ``rows``."""
        row, plan = self.row, self.plans
        comp, source, did = (hex_id(d["compartment_id"]), hex_id(d["source_id"]), hex_id(d["id"]))
        created, updated = d["created_at"], d["updated_at"]
        c = d["contact"]
        contact_id = None
        if c is not None:
            rows.contacts.append(row(plan["contact"], c, comp, source, created, updated))
            contact_id = rows.contacts[-1][0]
            rows.attendees += [(contact_id, self.aliases.id(a)) for a in c["attendees"]]
        if did not in live:  # an update keeps its index entry (the update trigger)
            index.add("debrief", did, did, comp, d["narrative"])
        rows.debriefs.append(row(plan["debrief"], d, contact_id))
        for item in d["items"]:
            rows.items.append(row(plan["item"], item, comp, did, created, updated))
            iid = rows.items[-1][0]
            index.add("intelligence_item", iid, did, comp, item["text"])
            rows.links += [
                (iid, subject_ids[(comp, s["kind"], normalised(s["name"]))])
                for s in item["subjects"]
            ]
        rows.addenda += [row(plan["addendum"], a, comp, did) for a in d["addenda"]]
        rows.files += [row(plan["attachment"], f, comp, did) for f in d["attachments"]]
        if self.version < 3:  # taskings and payments inside the debrief
            rows.taskings += [row(plan["tasking"], t, comp, source, did) for t in d["taskings"]]
            rows.payments += [row(plan["payment"], p, comp, source, did) for p in d["payments"]]

    def _index_addenda(self, addenda: Rows, index: search_bulk.BulkIndex) -> None:
        # OR IGNORE keeps an addendum already held (or named twice): indexed once.
        addendum_text = row_plan("addendum", self.version).names.index("text")
        held = {rid for rid, _comp in held_in(self.session, "addendum", [r[0] for r in addenda])}
        for r in addenda:
            if r[0] not in held:
                held.add(r[0])
                index.add("addendum", r[0], r[-1], r[-2], r[addendum_text])

    def _write_debrief_rows(
        self, rows: _DebriefRows, blobs: Mapping[str, bytes], live: set[str]
    ) -> None:
        session = self.session
        # Items and attendees of an updated record are replaced as a whole (a new
        # debrief has no items yet: an item names its debrief).
        held = [(r[0],) for r in rows.debriefs if r[0] in live]
        contact_keys = [(r[0],) for r in rows.contacts]
        execute_many(session, "DELETE FROM intelligence_item WHERE debrief_id = ?", held)
        execute_many(session, "DELETE FROM contact_attendee WHERE contact_id = ?", contact_keys)
        context = ("compartment_id", "source_id", "created_at", "updated_at")
        execute_many(
            session, upsert_sql("contact", self.columns("contact", *context)), rows.contacts
        )
        execute_many(
            session,
            "INSERT OR IGNORE INTO contact_attendee (contact_id, alias_id) VALUES (?,?)",
            [a for a in rows.attendees if a[1] is not None],
        )
        execute_many(
            session, debrief_upsert_sql(self.columns("debrief", "contact_id")), rows.debriefs
        )
        execute_many(
            session,
            insert_sql(
                self.columns("item", "compartment_id", "debrief_id", "created_at", "updated_at"),
                "intelligence_item",
            ),
            rows.items,
        )
        execute_many(
            session,
            "INSERT OR IGNORE INTO item_subject (item_id, subject_id) VALUES (?,?)",
            rows.links,
        )
        execute_many(
            session,
            insert_sql(
                self.columns("addendum", "compartment_id", "debrief_id"), "addendum", "OR IGNORE"
            ),
            rows.addenda,
        )
        if rows.files:
            # Each file's bytes are fetched as its row is written (``blobs`` decodes them
            # from the package): one file in memory at a time, not all of them.
            sha = row_plan("attachment", self.version).names.index("sha256")
            raw_connection(session).executemany(
                insert_sql(
                    self.columns("attachment", "compartment_id", "debrief_id", "data"),
                    "attachment",
                    "OR IGNORE",
                ),
                ((*r, blobs[r[sha]]) for r in rows.files),
            )

    def _nested_lists(self, rows: _DebriefRows, origins: Origins) -> None:
        """Taskings and payments inside the debriefs (format version 2)."""
        session = self.session
        for type_name, type_rows in (("tasking", rows.taskings), ("payment", rows.payments)):
            ids = [r[0] for r in type_rows]
            origins.claim_many(
                type_name,
                ids,
                {rid for rid, _c in held_in(session, type_name, ids)},
                legacy_links(session, type_name, ids, origins.sender),
            )
            columns = self.columns(type_name, "compartment_id", "source_id", "debrief_id")
            execute_many(session, upsert_sql(type_name, columns), type_rows)

    def file_records(self, chosen: dict[str, list[dict[str, Any]]]) -> None:
        """The records of sources' files (version 3), after the debriefs they name."""
        session = self.session
        for type_name in w.FILE_RECORDS:
            records = chosen.get(type_name, [])
            if not records:
                continue
            plan = row_plan(type_name, self.version)
            rows = [self.row(plan, r) for r in records]
            columns = self.columns(type_name)
            if type_name == "registration":
                sets = ", ".join(f"{c} = ?" for c in columns if c != "id")
                at = columns.index("id")
                execute_many(
                    session,
                    f"UPDATE source SET {sets} WHERE id = ?",  # noqa: S608
                    [(*r[:at], *r[at + 1 :], r[at]) for r in rows],
                )
                continue
            if type_name in LINKED:
                # A link to a debrief this vault does not hold (a package missing)
                # is left out; a link it holds is never undone by a later version
                # (the runner's vault drops it when it purges that debrief).
                link = columns.index("debrief_id")
                wanted = [r[link] for r in rows if r[link] is not None]
                held = {rid for rid, _c in held_in(session, "debrief", wanted)}
                rows = [
                    (*r[:link], r[link] if r[link] in held else None, *r[link + 1 :]) for r in rows
                ]
            execute_many(
                session,
                upsert_sql(table_of(w.RECORD_TYPES[type_name]), columns, keep=("debrief_id",)),
                rows,
            )
