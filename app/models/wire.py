"""What of each table travels in a package, and in which form: one declaration per
record type (docs/package-format.md, section 7).

Each field is declared once, from its model's column where it has one: its wire
type, whether it may be null, its allowed values and its length limit are read off
the column (an ``Enum`` column's values, a ``String(n)``'s length, the column's
nullability), so the table and the package cannot drift apart. What is declared
here drives both exporters (``package_records`` in Python, ``package_json`` in
SQL), the validator (``package_validation``), the importer's columns
(``import_writer``) and the field tables of the format document
(``tools/package_doc.py``). ``tests/packages/test_declarations.py`` fails when a
model column is neither declared here nor listed as local, with the reason it
never leaves the vault (``LOCAL_TABLES``, ``RecordType.local``).

Adding a field to a record that travels: the column on the model, its migration,
one line in ``app.models.wire_records`` (``since`` the format version that first
carries it), and the screen that edits it. The machinery (wire types, ``col()``)
is in ``app.models.wire_fields``; this module is what callers import: both, with
the format versions and the manifest's order.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from app.models.wire_fields import (
    DECONFLICTION,
    TEXT_LIMIT,
    Field,
    Member,
    Nested,
    RecordType,
    Wire,
    alias,
    col,
    hex_id,
)
from app.models.wire_records import (
    ADDENDUM,
    ATTACHMENT,
    AUDIT_EVENT,
    CONTACT,
    DEBRIEF,
    INSTRUCTION,
    ITEM,
    PAYMENT,
    PROJECTIONS,
    RECORD_TYPES,
    REGISTRATION,
    RELIABILITY_REVIEW,
    REVIEW,
    RISK_ASSESSMENT,
    SOURCE,
    SUBJECT,
    TASKING,
)

__all__ = [
    "ADDENDUM",
    "ATTACHMENT",
    "AUDIT_EVENT",
    "CONTACT",
    "CURRENT",
    "DEBRIEF",
    "DECONFLICTION",
    "FILE_RECORDS",
    "INSTRUCTION",
    "ITEM",
    "LOCAL_TABLES",
    "PAYMENT",
    "PROJECTIONS",
    "RECORD_TYPES",
    "REGISTRATION",
    "RELIABILITY_REVIEW",
    "REVIEW",
    "RISK_ASSESSMENT",
    "SOURCE",
    "SUBJECT",
    "TASKING",
    "TEXT_LIMIT",
    "VERSIONS",
    "Field",
    "Member",
    "Nested",
    "RecordType",
    "Wire",
    "alias",
    "col",
    "hex_id",
    "manifest_types",
    "nested_in",
    "only_leaves_out",
]

# The format versions this code reads; it writes the newest.
VERSIONS = (2, 3)
CURRENT = 3

# Records of a package's manifest, by format version, in the order a package
# carries them (a source's file first, its debriefs last).
FILE_RECORDS = (
    "registration",
    "risk_assessment",
    "reliability_review",
    "instruction",
    "tasking",
    "payment",
)


@functools.cache
def manifest_types(version: int) -> tuple[str, ...]:
    return ("debrief",) if version < 3 else (*FILE_RECORDS, "debrief")


@functools.cache
def only_leaves_out(type_name: str, older: int, newer: int) -> bool:
    """Does format ``newer`` write a record of ``type_name`` with nothing that format
    ``older`` did not write (only fields left out, nested ones included)? Then a
    record is unchanged in ``newer`` whenever it is unchanged in ``older``."""
    rt = RECORD_TYPES[type_name]
    if not rt.keys(newer) <= rt.keys(older):
        return False
    return all(only_leaves_out(n.record, older, newer) for n in rt.nested(newer))


def nested_in(rt: RecordType, version: int) -> Iterator[tuple[Nested, RecordType]]:
    for n in rt.nested(version):
        yield n, RECORD_TYPES[n.record]


# Tables that never travel as rows of their own, and why.
LOCAL_TABLES: dict[str, str] = {
    "true_identity": (
        "the sealed true identity never leaves the vault in a package of debriefs; a "
        "handover carries it sealed again to the new runner (handover.identity)"
    ),
    "alias": "aliases travel as the cover names the records carry",
    "compartment": "travels as the source's `compartment_id` and `compartment` (its name)",
    "compartment_member": "who may see a file is each vault's own decision",
    "runner_assignment": "the runner is the package's sender",
    "contact_attendee": "travels as the contact's `attendees`",
    "item_subject": "travels as the item's `subjects`",
    "setting": "this vault's settings",
    "vault_meta": "this vault's own facts",
    "vault_keypair": "this vault's private keys",
    "package_peer": "the keys this vault confirmed",
    "package_log": "this vault's record of packages",
    "exported_record": "the runner's trace of what went out",
    "exported_copy": "the runner's trace of what went out",
    "outgoing_copy": "a sent package kept until confirmed",
    "record_version": "the handler's trace of what arrived",
    "package_evidence": "a received package kept as it came",
    "package_origin": "who brought each record into this vault",
    "imported_audit_event": "events that came with packages before migration 0008",
    "issued_report": "reports this vault produced",
    "report_approval": "approvals of reports in this vault",
    "source_handover": "this vault's trace of a handover (the package's `handover` part)",
    "deconfliction_key": "the unit deconfliction keys: the secret travels only in a key package",
    "source_token": "travels as the source's `deconfliction`, under the current key only",
    "deconfliction_notice": "what the central system's notices told this handler's vault",
    "sent_tokens": "the runner's trace of which tokens went out (a hash per source)",
}
