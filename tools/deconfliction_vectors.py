"""Write the blind-deconfliction test vectors (docs/package-vectors/):

    .venv/bin/python tools/deconfliction_vectors.py

deconfliction.json: a fixed key (test only), small Argon2id parameters, examples
of normalisation, and the tokens of the vector identity (salt, Argon2id output
and token, so each step of the construction can be checked); with the files
deconfliction-key-3.age (the key, from the vector central to the vector handler)
and package-3-tokens.age (the version 3 package of package-3.age, its source
carrying its tokens). tests/packages/test_deconfliction_vectors.py checks them.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import package_vectors as pv  # noqa: E402
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: E402

from app.crypto import age, blind_tokens  # noqa: E402
from app.crypto.blind_tokens import TokenParams  # noqa: E402
from app.domain import identity_normal  # noqa: E402
from app.export import container, deconfliction, package  # noqa: E402
from app.export.manifest import Manifest, RecordRef  # noqa: E402
from app.services.exchange import package_records, package_validation  # noqa: E402

OUT = ROOT / "docs" / "package-vectors"
SECRET = hashlib.sha256(b"veldboek deconfliction test vector key").digest()
PARAMS = TokenParams(memory_kib=8192, iterations=1, lanes=1)
CREATED = "2026-12-01T09:00:00.000000Z"

NAMES = [
    ["Jan van der Berg", "1980-12-31"],
    ["Berg, Jan van der", "31-12-1980"],
    ["JAN VAN DER BERG", "31/12/1980"],
    ["J. van der Berg", "1980-12-31"],
    ["José Álvarez-Núñez", "1975-01-02"],
    ["Jan van 't Hof", "1990-06-15"],
    ["Jan van der Berg", ""],
]
PHONES = [
    "+31 6 1234 5678", "06-12345678", "0031612345678", "(06) 1234 5678",
    "+31 (0)6 12345678", "020-1234567", "+44 20 7946 0958", "112", "612345678",
]  # fmt: skip
ADDRESSES = [
    "1234 AB 12-a", "1234ab 12 A", "Dorpsstraat 12-a, 1234 AB Amsterdam",
    "Dorpsstraat 12, 1234AB Ede", "Dorpsstraat 12a, Ede", "1234 AB",
]  # fmt: skip


def token_steps(kind: str, value: str) -> dict[str, str]:
    salt = blind_tokens.salt(SECRET, kind)
    inner = Argon2id(
        salt=salt,
        length=32,
        iterations=PARAMS.iterations,
        lanes=PARAMS.lanes,
        memory_cost=PARAMS.memory_kib,
    ).derive(value.encode("utf-8"))
    return {
        "kind": kind,
        "value": value,
        "salt_hex": salt.hex(),
        "argon2id_hex": inner.hex(),
        "token_hex": blind_tokens.token(SECRET, PARAMS, kind, value).hex(),
    }


def identity_tokens() -> list[dict[str, str]]:
    i = pv.IDENTITY
    found = identity_normal.attributes(
        str(i["full_name"]),
        str(i["date_of_birth"]),
        tuple(i["phone_numbers"]),
        tuple(i["addresses"]),
    )
    return [token_steps(kind, value) for kind, value in found]


def key_package(key: deconfliction.DeconflictionKey) -> dict[str, object]:
    manifest = Manifest(
        kind=deconfliction.KEY_KIND,
        package_id=uuid.UUID("0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a8b"),
        created_at="2026-12-01T09:05:00.000000Z",
        schema="0015_deconfliction",
        sender=pv.fingerprint("central").hex,
        recipients=(pv.fingerprint("handler").hex,),
        sequence=1,
        previous="",
    )
    body = deconfliction.key_body(key)
    sealed = package.seal(manifest, body, pv.KEYS["central"]["signing"], [pv.public("handler")[1]])
    (OUT / "deconfliction-key-3.age").write_bytes(sealed)
    parsed = container.parse(age.decrypt(sealed, pv.KEYS["handler"]["receiving"]))
    return {
        "file": "deconfliction-key-3.age",
        "opened_by": ["handler"],
        "signed_by": "central",
        "manifest": json.loads(parsed.manifest_bytes),
        "body": body,
    }


def tokens_package(tokens: list[dict[str, str]], key_id: str) -> dict[str, object]:
    entries: list[tuple[str, dict[str, object]]] = [*pv.file_records()]
    entries.append(("debrief", pv.debrief_record(3)))
    source = pv._source()
    source["deconfliction"] = deconfliction.tokens_entry(
        [deconfliction.SourceToken(key_id, t["kind"], t["token_hex"]) for t in tokens]
    )
    package_validation.validate_source(source, 3)
    body = {
        "sources": [source],
        "records": [{"type": t, "id": d["id"], "version": 1, "data": d} for t, d in entries],
        "attachments": [pv._blob()],
        "audit": [pv.audit_event()],
    }
    manifest = Manifest(
        kind="debriefs",
        package_id=uuid.UUID("0b5e7f2a-3c4d-4e5f-8a9b-0c1d2e3f4a9b"),
        created_at="2026-12-01T10:00:00.000000Z",
        schema="0015_deconfliction",
        sender=pv.fingerprint("runner").hex,
        recipients=tuple(sorted((pv.fingerprint("handler").hex, pv.fingerprint("central").hex))),
        sequence=1,
        previous="",
        records=tuple(
            RecordRef(t, uuid.UUID(str(d["id"])), 1, package_records.record_hash(d))
            for t, d in entries
        ),
        audit_events=1,
        version=3,
    )
    sealed = package.seal(
        manifest,
        body,
        pv.KEYS["runner"]["signing"],
        [pv.public("handler")[1], pv.public("central")[1]],
    )
    (OUT / "package-3-tokens.age").write_bytes(sealed)
    parsed = container.parse(age.decrypt(sealed, pv.KEYS["handler"]["receiving"]))
    return {
        "file": "package-3-tokens.age",
        "opened_by": ["handler", "central"],
        "manifest": json.loads(parsed.manifest_bytes),
        "body_sha256": hashlib.sha256(parsed.body_bytes).hexdigest(),
        "source": source,
    }


def main() -> int:
    key = deconfliction.new_key(SECRET, PARAMS, CREATED)
    tokens = identity_tokens()
    vectors = {
        "about": (
            "Blind deconfliction test vectors (docs/package-format.md 7.5 to 7.7, "
            "docs/security.md). The key is fixed, published and for tests only."
        ),
        "key": {
            "secret_hex": SECRET.hex(),
            "key_id": key.key_id,
            "params": PARAMS.to_dict(),
            "created_at": CREATED,
        },
        "normalisation": {
            "name_dob": [[name, day, identity_normal.name_dob(name, day)] for name, day in NAMES],
            "phone": [[p, identity_normal.phone(p)] for p in PHONES],
            "address": [[a, identity_normal.address(a)] for a in ADDRESSES],
        },
        "identity": pv.IDENTITY,
        "tokens": tokens,
        "key_package": key_package(key),
        "package_v3_tokens": tokens_package(tokens, key.key_id),
    }
    path = OUT / "deconfliction.json"
    path.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
