"""Readers exactly as strict as docs/package-format.md says: each package below is
well formed and signed by the runner's own key except for one fault the document
forbids, and `package verify` refuses it exactly as `package import` does (the
same typed error, the same one line, nothing imported)."""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app import limits
from app.cli import main
from app.crypto import age
from app.domain.enums import PeerRole, Role
from app.errors import PackageError
from app.export import canonical, container, package
from app.export.errors import MalformedPackage, RecipientMismatch, UnsupportedVersion
from app.services.exchange import keys, package_receive, packages
from tests.helpers import factory
from tests.packages.conftest import Pair, Party, introduce, open_party, rich_debrief

# Everything an import writes besides the audit log.
_IMPORTED = (
    "compartment",
    "source",
    "debrief",
    "contact",
    "intelligence_item",
    "attachment",
    "tasking",
    "payment",
    "risk_assessment",
    "record_version",
    "package_origin",
    "package_log",
    "package_evidence",
)


@dataclass
class Forge:
    """A runner's real package, taken apart, to be put together again with one fault."""

    pair: Pair
    central: Party
    manifest: dict[str, Any]
    body: dict[str, Any]

    def seal(
        self,
        manifest: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        *,
        stanzas: int | None = None,
        inner: Callable[[bytes], bytes] | None = None,
        body_bytes: bytes | None = None,
    ) -> bytes:
        """Signed with the runner's key and sealed to the handler and the central
        system, every hash made over what is given (records' included)."""
        doc = copy.deepcopy(manifest or self.manifest)
        made = copy.deepcopy(body or self.body)
        by_id = {(r["type"], r["id"]): r for r in made["records"]}
        doc["records"] = [
            {
                **ref,
                "sha256": hashlib.sha256(
                    canonical.dumps(by_id[(ref["type"], ref["id"])]["data"])
                ).hexdigest(),
            }
            if (ref["type"], ref["id"]) in by_id
            else ref
            for ref in doc["records"]
        ]
        recipients = [
            keys.own_bundle(p.vault, "x", PeerRole.HANDLER).recipient_public
            for p in (self.pair.handler, self.central)
        ]
        sealer = age.prepare(recipients, min_stanzas=stanzas or package.RECIPIENT_SLOTS)
        doc["header_sha256"] = hashlib.sha256(sealer.header_text).hexdigest()
        signing = keys.private_keys(self.pair.runner.vault).signing
        parts = [body_bytes if body_bytes is not None else canonical.dumps(made)]
        built = container.build_parts(doc, parts, signing)
        return sealer.seal(inner(built) if inner else built)


@pytest.fixture
def forge(pair: Pair, tmp_path: Path) -> Iterator[Forge]:
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    introduce(pair.runner, central, PeerRole.CENTRAL, "Central system")
    rich_debrief(pair.runner, "STORM")
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    seed = keys.private_keys(pair.handler.vault).receiving_seed
    opened = package.open_package(sent.path.read_bytes(), seed)
    manifest = dict(opened.inner.manifest)
    manifest.pop("body_sha256")
    manifest.pop("body_length")
    yield Forge(pair, central, manifest, opened.body)
    central.vault.lock()


def _rows(party: Party) -> dict[str, int]:
    with party.vault.read() as session:
        return {
            t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _IMPORTED
        }


def refused_alike(forge: Forge, data: bytes) -> PackageError:
    """``verify`` and ``import`` refuse ``data`` with the same error, and nothing
    is imported."""
    handler = forge.pair.handler
    before = _rows(handler)
    with pytest.raises(PackageError) as by_verify:
        package_receive.verify_package(handler.vault, handler.scope, data)
    with pytest.raises(PackageError) as by_import:
        package_receive.import_package(handler.vault, handler.scope, data)
    assert type(by_verify.value) is type(by_import.value)
    assert str(by_verify.value) == str(by_import.value)
    assert "\n" not in str(by_import.value)
    assert "STORM" not in str(by_import.value)
    assert _rows(handler) == before
    return by_import.value


def _debrief(body: dict[str, Any]) -> dict[str, Any]:
    """The debrief record's data (a source's file comes first)."""
    (entry,) = [r for r in body["records"] if r["type"] == "debrief"]
    data: dict[str, Any] = entry["data"]
    return data


def test_the_untouched_package_is_taken(forge: Forge) -> None:
    # The baseline: put together again without a fault, it verifies and imports.
    data = forge.seal()
    handler = forge.pair.handler
    assert package_receive.verify_package(handler.vault, handler.scope, data).records == 1
    assert package_receive.import_package(handler.vault, handler.scope, data).new == 1


@pytest.mark.parametrize(
    "spelling",
    [
        str.upper,
        lambda u: u.replace("-", ""),
        lambda u: "{" + u + "}",
        lambda u: "urn:uuid:" + u,
    ],
    ids=["upper case", "no hyphens", "braces", "urn"],
)
def test_an_id_in_another_spelling_is_refused_in_the_manifest(
    forge: Forge, spelling: Callable[[str], str]
) -> None:
    doc = copy.deepcopy(forge.manifest)
    doc["package_id"] = spelling(doc["package_id"])
    assert isinstance(refused_alike(forge, forge.seal(doc)), MalformedPackage)
    # A record's id, in the manifest and in its entry alike.
    doc = copy.deepcopy(forge.manifest)
    body = copy.deepcopy(forge.body)
    entry = body["records"][-1]
    old = entry["id"]
    entry["id"] = spelling(old)
    doc["records"] = [{**r, "id": spelling(old)} if r["id"] == old else r for r in doc["records"]]
    assert isinstance(refused_alike(forge, forge.seal(doc, body)), MalformedPackage)


def test_an_upper_case_id_inside_a_record_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    contact = _debrief(body)["contact"]
    contact["id"] = contact["id"].upper()
    refused = refused_alike(forge, forge.seal(body=body))
    assert "record in the package is malformed" in str(refused)


def test_a_record_naming_a_file_missing_from_the_body_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    _debrief(body)["attachments"][0]["sha256"] = "ab" * 32
    refused = refused_alike(forge, forge.seal(body=body))
    assert "missing from the package" in str(refused)


def test_a_file_no_record_names_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    _debrief(body)["attachments"] = []
    refused = refused_alike(forge, forge.seal(body=body))
    assert "none of its records names" in str(refused)


# A receiver's save dialog suggests a file's name: it must never choose the
# folder, nor show one kind of file as another (U+202E reverses what follows).
HOSTILE_FILE_NAMES = [
    "../../.bashrc",
    "/etc/cron.d/veldboek",
    "C:\\Windows\\evil.dll",
    "photo\u202egnp.exe",
    "pho\u200bto.png",
    "photo\x00.png",
    "photo\n.png",
    "..",
    ".",
]


def test_an_attachment_name_that_names_a_folder_or_hides_characters_is_refused(
    forge: Forge,
) -> None:
    for name in HOSTILE_FILE_NAMES:
        body = copy.deepcopy(forge.body)
        _debrief(body)["attachments"][0]["name"] = name
        refused = refused_alike(forge, forge.seal(body=body))
        assert "record in the package is malformed" in str(refused), name


def test_an_attachment_name_in_any_script_with_spaces_is_taken(forge: Forge) -> None:
    name = "Brief van de eigenaar — Ålesund 東京 (2).png"
    body = copy.deepcopy(forge.body)
    _debrief(body)["attachments"][0]["name"] = name
    handler = forge.pair.handler
    assert package_receive.import_package(handler.vault, handler.scope, forge.seal(body=body)).new
    with handler.vault.read() as session:
        assert session.execute(text("SELECT name FROM attachment")).scalars().all() == [name]


def test_a_file_larger_than_any_attached_file_is_refused_before_it_is_decoded(
    forge: Forge, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Veldboek never attaches more than 25 MB: one file of a package (up to 1 GiB)
    # must not cost a reader that much memory more. Its hash and size are right.
    content = bytes(limits.MAX_ATTACHMENT_BYTES + 1)
    sha = hashlib.sha256(content).hexdigest()
    body = copy.deepcopy(forge.body)
    body["attachments"] = [{"data": base64.b64encode(content).decode(), "sha256": sha}]
    _debrief(body)["attachments"][0].update(sha256=sha, size=len(content))
    decoded: list[int] = []
    real = binascii.a2b_base64

    def decode(text: Any, **kw: Any) -> bytes:
        decoded.append(len(text))
        return real(text, **kw)

    monkeypatch.setattr("app.services.exchange.package_body.binascii.a2b_base64", decode)
    refused = refused_alike(forge, forge.seal(body=body))
    assert "larger than any attached file can be (25 MB)" in str(refused)
    assert all(n < limits.MAX_ATTACHMENT_BYTES for n in decoded)
    # One byte less is the largest file Veldboek attaches: taken.
    content = content[:-1]
    sha = hashlib.sha256(content).hexdigest()
    body["attachments"] = [{"data": base64.b64encode(content).decode(), "sha256": sha}]
    _debrief(body)["attachments"][0].update(sha256=sha, size=len(content))
    handler = forge.pair.handler
    assert package_receive.verify_package(handler.vault, handler.scope, forge.seal(body=body))


def test_a_record_whose_source_is_not_among_the_sources_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    # Another source, listed, with no record; the debrief moved to a source not listed.
    _debrief(body)["source_id"] = "01930000-0000-7000-8000-0000000000ff"
    refused = refused_alike(forge, forge.seal(body=body))
    assert "source the package does not list" in str(refused)


def test_a_record_in_another_compartment_than_its_source_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    _debrief(body)["compartment_id"] = "01930000-0000-7000-8000-0000000000ee"
    refused = refused_alike(forge, forge.seal(body=body))
    assert "compartment does not match its source" in str(refused)


def test_two_audit_events_with_the_same_number_are_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    doc = copy.deepcopy(forge.manifest)
    body["audit"] = [body["audit"][0], *body["audit"]]  # the first one twice
    doc["audit_events"] = len(body["audit"])
    refused = refused_alike(forge, forge.seal(doc, body))
    assert "repeat a number" in str(refused)


def test_audit_events_out_of_order_are_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    body["audit"] = list(reversed(body["audit"]))
    assert len(body["audit"]) > 1
    assert "out of order" in str(refused_alike(forge, forge.seal(body=body)))


def test_unsorted_attendees_are_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    attendees = _debrief(body)["contact"]["attendees"]
    assert len(attendees) == 2
    assert attendees == sorted(attendees)
    attendees.reverse()
    assert isinstance(refused_alike(forge, forge.seal(body=body)), MalformedPackage)


@pytest.mark.parametrize("change", [b"\x00", b""], ids=["one zero more", "one zero less"])
def test_padding_of_another_length_is_refused(forge: Forge, change: bytes) -> None:
    def pad(inner: bytes) -> bytes:
        return inner + change if change else inner[:-1]

    refused = refused_alike(forge, forge.seal(inner=pad))
    assert isinstance(refused, MalformedPackage)
    assert "padded" in str(refused)


def test_padding_that_is_not_zeros_is_refused(forge: Forge) -> None:
    def dirty(inner: bytes) -> bytes:
        return inner[:-1] + b"\x01"

    assert "other than zeros after its body" in str(refused_alike(forge, forge.seal(inner=dirty)))


@pytest.mark.parametrize("stanzas", [5, 8])
def test_a_stanza_count_other_than_prescribed_is_refused(forge: Forge, stanzas: int) -> None:
    # Two recipients: exactly 4 stanzas (section 3).
    refused = refused_alike(forge, forge.seal(stanzas=stanzas))
    assert isinstance(refused, RecipientMismatch)


def test_a_previous_link_in_the_first_package_is_refused(forge: Forge) -> None:
    doc = copy.deepcopy(forge.manifest)
    assert doc["sequence"] == 1
    doc["previous"] = "cd" * 32
    assert "number and its link" in str(refused_alike(forge, forge.seal(doc)))
    doc = copy.deepcopy(forge.manifest)
    doc["sequence"] = 2  # and no link for a later one
    assert "number and its link" in str(refused_alike(forge, forge.seal(doc)))


def test_a_receipts_list_in_a_debriefs_package_is_refused(forge: Forge) -> None:
    doc = copy.deepcopy(forge.manifest)
    doc["receipts"] = [{"package_id": doc["package_id"], "sha256": "ef" * 32}]
    assert "carries a list of receipts" in str(refused_alike(forge, forge.seal(doc)))


def test_a_file_of_another_size_than_its_record_gives_is_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    _debrief(body)["attachments"][0]["size"] += 1
    refused = refused_alike(forge, forge.seal(body=body))
    assert "not the size its record gives" in str(refused)


def test_files_out_of_the_order_of_their_hashes_are_refused(forge: Forge) -> None:
    body = copy.deepcopy(forge.body)
    extra = b"a second file"
    sha = hashlib.sha256(extra).hexdigest()
    blob = {"sha256": sha, "data": base64.b64encode(extra).decode()}
    body["attachments"] = sorted(
        [*body["attachments"], blob], key=lambda f: f["sha256"], reverse=True
    )
    files = _debrief(body)["attachments"]
    more = {**files[0], "id": "01930000-0000-7000-8000-0000000000dd"}
    files.append({**more, "sha256": sha, "size": len(extra)})
    files.sort(key=lambda f: (f["created_at"], f["id"]))
    refused = refused_alike(forge, forge.seal(body=body))
    assert "order of their hashes" in str(refused)


def test_a_version_from_a_newer_veldboek_is_refused_as_such(forge: Forge) -> None:
    doc = copy.deepcopy(forge.manifest)
    doc["version"] = 4
    refused = refused_alike(forge, forge.seal(doc))
    assert isinstance(refused, UnsupportedVersion)
    assert "made by a newer Veldboek" in str(refused)


def test_a_file_with_two_faults_is_refused_with_the_same_one_by_both(forge: Forge) -> None:
    # Its audit events come first in the body, its records after; import checks the
    # events while it writes, verify as it reads: both name the record's fault.
    body = copy.deepcopy(forge.body)
    body["audit"] = list(reversed(body["audit"]))
    _debrief(body)["compartment_id"] = "01930000-0000-7000-8000-0000000000ee"
    refused = refused_alike(forge, forge.seal(body=body))
    assert "compartment does not match its source" in str(refused)


def test_a_package_fault_is_named_before_what_this_vault_holds(forge: Forge) -> None:
    # The same number again (what this vault holds) and events out of order (the
    # package's own fault): both commands name the events.
    handler = forge.pair.handler
    package_receive.import_package(handler.vault, handler.scope, forge.seal())
    body = copy.deepcopy(forge.body)
    body["audit"] = list(reversed(body["audit"]))
    doc = copy.deepcopy(forge.manifest) | {"package_id": "01930000-0000-7000-8000-0000000000ab"}
    refused = refused_alike(forge, forge.seal(doc, body))
    assert "out of order" in str(refused)


def test_verify_and_import_print_the_same_refusal(
    forge: Forge, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = copy.deepcopy(forge.body)
    _debrief(body)["attachments"][0]["size"] += 1
    path = tmp_path / "forged.age"
    path.write_bytes(forge.seal(body=body))
    passphrase = tmp_path / "pass"
    passphrase.write_text(factory.PASSPHRASE)
    handler = forge.pair.handler
    handler.vault.lock()
    said = {}
    for action in ("verify", "import"):
        argv = ["package", action, str(path), "--vault", str(handler.path)]
        code = main([*argv, "--passphrase-file", str(passphrase), "--alias", "Havik"])
        out, err = capsys.readouterr()
        said[action] = (code, out, err)
    assert said["verify"] == said["import"]
    code, out, err = said["import"]
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "not the size its record gives" in err


def _tokens(n: int = 2) -> list[dict[str, str]]:
    kinds = ("name_dob", "phone", "address")
    return sorted(
        ({"key_id": "a" * 32, "kind": kinds[i % 3], "token": f"{i:064x}"} for i in range(n)),
        key=lambda t: (t["key_id"], t["kind"], t["token"]),
    )


# A forge costs three vaults and an export: every case is tried on one.
MALFORMED_TOKENS: dict[str, object] = {
    "unsorted": _tokens()[::-1],
    "twice": _tokens(1) * 2,
    "upper case": [{**_tokens(1)[0], "token": "F" * 64}],
    "kind": [{**_tokens(1)[0], "kind": "email"}],
    "extra member": [{**_tokens(1)[0], "value": "31612345678"}],
    "65": _tokens(65),
    "text": "a" * 64,
    "null": None,
}


def test_malformed_tokens_are_refused_alike_and_well_formed_ones_taken(forge: Forge) -> None:
    for case, tokens in MALFORMED_TOKENS.items():
        body = copy.deepcopy(forge.body)
        body["sources"][0]["deconfliction"] = tokens
        refused = refused_alike(forge, forge.seal(body=body))
        assert str(refused) == "A source entry in the package is malformed.", case
    body = copy.deepcopy(forge.body)
    handler = forge.pair.handler
    # ``[]``: the source's tokens withdrawn (section 7.7), a form that holds.
    body["sources"][0]["deconfliction"] = []
    assert package_receive.verify_package(handler.vault, handler.scope, forge.seal(body=body))
    body["sources"][0]["deconfliction"] = _tokens()
    assert package_receive.import_package(handler.vault, handler.scope, forge.seal(body=body)).new


def test_a_second_package_with_a_taken_number_is_one_line_from_both_commands(
    forge: Forge, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = forge.pair.handler
    package_receive.import_package(handler.vault, handler.scope, forge.seal())
    doc = copy.deepcopy(forge.manifest) | {"package_id": "01930000-0000-7000-8000-0000000000cd"}
    path = tmp_path / "same-number.age"
    path.write_bytes(forge.seal(doc))
    passphrase = tmp_path / "pass"
    passphrase.write_text(factory.PASSPHRASE)
    handler.vault.lock()
    said = {}
    for action in ("verify", "import"):
        argv = ["package", action, str(path), "--vault", str(handler.path)]
        code = main([*argv, "--passphrase-file", str(passphrase), "--alias", "Havik"])
        said[action] = (code, *capsys.readouterr())
    assert said["verify"] == said["import"]
    code, out, err = said["import"]
    assert (code, out) == (1, "")
    assert err.count("\n") == 1  # no warning line before the refusal
    assert "same number" in err


def test_a_version_held_with_other_content_is_refused_whole(forge: Forge) -> None:
    # A version never changes: the same number with another content (a doctored
    # vault, or a bug) is refused, never an internal error on the version's key.
    handler = forge.pair.handler
    package_receive.import_package(handler.vault, handler.scope, forge.seal())
    before = _rows(handler)
    body = copy.deepcopy(forge.body)
    _debrief(body)["narrative"] = "Changed, under the same version."
    doc = copy.deepcopy(forge.manifest) | {
        "package_id": "01930000-0000-7000-8000-0000000000ef",
        "sequence": 2,
        "previous": "a" * 64,
    }
    # verify says so too, as import does (what this vault holds, checked alike)
    refused = refused_alike(forge, forge.seal(doc, body))
    assert isinstance(refused, MalformedPackage)
    assert "a version never changes" in str(refused)
    assert _rows(handler) == before
