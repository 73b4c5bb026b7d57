"""Key bundles exactly as docs/package-format.md section 2 decides: the role must be
the one the person adding the key names, the key id `keys show` prints confirms a
key as the spoken digits do, a bundle file is its canonical JSON with or without one
line feed, and the spoken digits read the fingerprint big-endian."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.crypto import age
from app.domain.enums import PeerRole
from app.errors import InvalidInput
from app.services.exchange import keys
from tests.packages.conftest import Pair
from tests.packages.test_cli import cli, setup, vault_args
from tests.packages.test_vectors import DATA

__all__ = ["setup"]  # the CLI fixture, shared


def _bundle(pair: Pair, role: PeerRole = PeerRole.HANDLER) -> bytes:
    return keys.bundle_bytes(pair.handler.vault, keys.own_bundle(pair.handler.vault, "H", role))


def test_a_bundle_for_another_role_is_not_added(pair: Pair) -> None:
    bundle = keys.read_bundle(_bundle(pair, PeerRole.HANDLER))
    with pytest.raises(InvalidInput, match="role handler, not runner"):
        keys.add_peer(
            pair.runner.vault,
            pair.runner.scope,
            bundle,
            role=PeerRole.RUNNER,
            confirmed_spoken=bundle.fingerprint.spoken,
        )
    with pytest.raises(InvalidInput, match="role handler, not central"):
        keys.add_peer(
            pair.runner.vault,
            pair.runner.scope,
            bundle,
            role=PeerRole.CENTRAL,
            confirmed_spoken=bundle.fingerprint.spoken,
        )
    assert len(keys.list_peers(pair.runner.vault)) == 1  # only the one the fixture added


def test_a_bundle_not_read_out_is_refused_for_its_fingerprint_whatever_its_role(
    pair: Pair,
) -> None:
    """Not the key its owner read out: said first (as central's keys import says
    it), not the role, which would only invite another try with another role."""
    bundle = keys.read_bundle(_bundle(pair, PeerRole.HANDLER))
    another = keys.own_fingerprint(pair.runner.vault).spoken
    for role in (PeerRole.HANDLER, PeerRole.RUNNER):
        with pytest.raises(InvalidInput, match=r"^The fingerprint does not match"):
            keys.add_peer(
                pair.runner.vault, pair.runner.scope, bundle, role=role, confirmed_spoken=another
            )
    assert len(keys.list_peers(pair.runner.vault)) == 1  # only the one the fixture added


@pytest.mark.parametrize(
    "spelling",
    [
        lambda fp: fp,
        str.upper,
        lambda fp: " ".join(fp[i : i + 8] for i in range(0, 64, 8)),
        lambda fp: ":".join(fp[i : i + 2] for i in range(0, 64, 2)),
    ],
    ids=["as printed", "upper case", "in groups", "with colons"],
)
def test_the_key_id_confirms_a_key(pair: Pair, spelling: object) -> None:
    bundle = keys.read_bundle(_bundle(pair))
    typed = spelling(bundle.fingerprint.hex)  # type: ignore[operator]
    assert keys.confirms(bundle.fingerprint, typed)
    assert keys.confirms(bundle.fingerprint, bundle.fingerprint.spoken)


def test_part_of_a_key_id_or_another_one_does_not_confirm(pair: Pair) -> None:
    fp = keys.read_bundle(_bundle(pair)).fingerprint
    assert not keys.confirms(fp, fp.hex[:32])
    assert not keys.confirms(fp, fp.hex[:-1] + ("0" if fp.hex[-1] != "0" else "1"))
    assert not keys.confirms(fp, fp.spoken[:-1])
    assert not keys.confirms(fp, "")


def test_keys_import_takes_the_key_id_keys_show_prints(
    setup: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = setup
    code, out, _ = cli(capsys, "keys", "show", *vault_args(s, "handler"), "--json")
    assert code == 0
    key_id = json.loads(out)["fingerprint"]
    code, out, _ = cli(capsys, "keys", "show", *vault_args(s, "handler"))
    assert f"Key id:     {key_id}" in out
    cli(capsys, "keys", "export", *vault_args(s, "handler"), "--out", s["tmp"] / "h.key")
    argv = ["keys", "import", s["tmp"] / "h.key", *vault_args(s, "runner")]
    code, _, err = cli(capsys, *argv, "--role", "runner", "--fingerprint", key_id)
    assert code == 1
    assert err.count("\n") == 1
    assert "role handler, not runner" in err
    code, out, err = cli(capsys, *argv, "--role", "handler", "--fingerprint", key_id)
    assert code == 0, err
    assert "as handler" in out


@pytest.mark.parametrize(
    ("around", "taken"),
    [
        (lambda b: b, True),
        (lambda b: b + b"\n", True),
        (lambda b: b + b"\r\n", False),
        (lambda b: b + b"\n\n", False),
        (lambda b: b" " + b + b"\n", False),
        (lambda b: b + b" ", False),
    ],
    ids=["bare", "one line feed", "CRLF", "two line feeds", "leading space", "trailing space"],
)
def test_a_bundle_file_is_its_json_and_at_most_one_line_feed(
    pair: Pair, around: object, taken: bool
) -> None:
    data = around(_bundle(pair))  # type: ignore[operator]
    if taken:
        assert keys.read_bundle(data).role is PeerRole.HANDLER
    else:
        with pytest.raises(InvalidInput, match="damaged or incomplete"):
            keys.read_bundle(data)


def test_what_keys_export_writes_ends_with_one_line_feed(pair: Pair, tmp_path: Path) -> None:
    path = tmp_path / "h.veldboek-key"
    bundle = keys.own_bundle(pair.handler.vault, "H", PeerRole.HANDLER)
    keys.save_bundle(pair.handler.vault, bundle, path)
    data = path.read_bytes()
    assert data.endswith(b"}\n")
    assert not data.endswith(b"\n\n")
    assert keys.read_bundle(data) == keys.read_bundle(data[:-1])


@pytest.mark.parametrize("name", ["runner", "handler", "central"])
def test_the_spoken_digits_read_the_fingerprint_big_endian(name: str) -> None:
    k = DATA["keys"][name]
    digest = hashlib.sha512(
        b"veldboek key fingerprint v1\n"
        + (32).to_bytes(2, "big")
        + bytes.fromhex(k["signing_public"])
        + age.decode_recipient(k["recipient"])
    ).digest()

    def spoken(order: str) -> str:
        groups = [int.from_bytes(digest[5 * i : 5 * i + 5], order) % 100_000 for i in range(10)]  # type: ignore[arg-type]
        return " ".join(f"{g:05d}" for g in groups)

    assert spoken("big") == k["spoken"]
    assert spoken("little") != k["spoken"]  # the choice is visible in the digits
