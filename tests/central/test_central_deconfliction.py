"""Blind deconfliction at the central system: tokens stored at ingest and matched
across teams and within one, listed and decided through row-level security,
never a token or another team's source in what anyone reads."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import central_keys, ingest, store, teams
from app.central.place import Place
from app.domain.enums import PeerRole
from app.export import deconfliction
from app.export.deconfliction import DeconflictionKey
from app.export.errors import NotForThisVault
from tests.central.conftest import PASSPHRASE
from tests.central.test_central_ingest import query
from tests.helpers import central_deconfliction as cdh
from tests.helpers import deconfliction as dh
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet

PHONE = ("phone", "31612345678")
NAME = ("name_dob", "jan van der berg|1970-01-01")
ADDRESS = ("address", "1234AB|12|A")


@dataclass
class Scene:
    key: DeconflictionKey
    ids: dict[str, str]  # codename -> source id
    matches: list[int]  # per ingested package
    resealer: cdh.Resealer
    tokens: list[str]  # every token sent (hex)


def _ingest(place: Place, *files: Path) -> list[ingest.Stored]:
    with store.opened(place) as s:
        with s.connect() as conn:
            unlocked = central_keys.unlock(conn, PASSPHRASE)
        return [ingest.ingest_file(s, unlocked, f) for f in files]


def scene(place: Place, fleet: Fleet, tmp: Path) -> Scene:
    """Noord's ZWALUW and Zuid's KRAAI share a phone number; Noord registered one
    person twice (MEREL and SPREEUW share name and birth date)."""
    fleet.register(place)
    key = cdh.central_key(place)
    sent = {
        "ZWALUW": dh.tokens(key, PHONE, ADDRESS),
        "MEREL": dh.tokens(key, NAME, ("phone", "31687654321")),
        "KRAAI": dh.tokens(key, PHONE),
        "SPREEUW": dh.tokens(key, NAME),
    }
    r = cdh.Resealer(place)
    files = [
        r.send(fleet.noord.files[0], fleet.noord, tmp / "n1.age", ZWALUW=sent["ZWALUW"],
               MEREL=sent["MEREL"]),
        r.send(fleet.zuid.files[0], fleet.zuid, tmp / "z1.age", KRAAI=sent["KRAAI"]),
        r.send(fleet.noord.files[2], fleet.noord, tmp / "n3.age", SPREEUW=sent["SPREEUW"]),
    ]  # fmt: skip
    stored = _ingest(place, *files)
    ids = {row[0]: str(row[1]) for row in query(place, "SELECT codename, id FROM central.sources")}
    every = [t for entries in sent.values() for _k, _kind, t in entries]
    return Scene(key, ids, [s.matches for s in stored], r, every)


def _matches(place: Place) -> list[tuple[str, str, str]]:
    rows = query(
        place,
        "SELECT a.codename, b.codename, m.kind FROM central.deconfliction_matches m "
        "JOIN central.sources a ON a.id = m.source_a JOIN central.sources b ON b.id = m.source_b",
    )
    return sorted((*sorted((r[0], r[1])), r[2]) for r in rows)


def _args(place: Place) -> tuple[str, ...]:
    assert place.url is not None
    return ("--db", place.url)


def test_tokens_match_across_teams_and_within_one_never_shown(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    s = scene(central_place, fleet, tmp_path)
    # Matched at ingest, only the package's sources: Zuid's package opened the
    # shared phone, Noord's third the second registration of one person.
    assert s.matches == [0, 1, 1]
    assert _matches(central_place) == [
        ("KRAAI", "ZWALUW", "phone"),
        ("MEREL", "SPREEUW", "name_dob"),
    ]

    listed = run(capsys, "central", "deconflict", *_args(central_place), "--json")
    assert listed.code == 0, listed.err
    found = json.loads(listed.out)
    # Once per team of a match: each team's own state.
    assert sorted((m["kind"], m["team"], m["other_team"]) for m in found) == [
        ("name_dob", "Noord", "Noord"),
        ("phone", "Noord", "Zuid"),
        ("phone", "Zuid", "Noord"),
    ]
    within = next(m for m in found if m["kind"] == "name_dob")
    assert (within["status"], within["other_status"]) == ("open", None)
    for secret in [*s.tokens, *s.ids.values(), "ZWALUW", "KRAAI", "MEREL", "SPREEUW"]:
        assert secret not in listed.out

    # A rescan finds nothing new; matches are never deleted.
    assert "0 new" in run(capsys, "central", "deconflict", *_args(central_place), "--rescan").out
    assert len(_matches(central_place)) == 2


def test_a_newer_package_replaces_a_sources_tokens_and_an_unknown_key_is_kept_out(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    s = scene(central_place, fleet, tmp_path)
    # Noord's ZWALUW no longer has that phone number: its tokens are replaced whole.
    again = s.resealer.send(
        fleet.noord.files[0], fleet.noord, tmp_path / "n1b.age", ZWALUW=dh.tokens(s.key, ADDRESS)
    )
    # Zuid's vault sends the same phone token under a key this system never made.
    unknown_key = uuid.uuid4().hex
    foreign_tokens = [(unknown_key, kind, t) for _k, kind, t in dh.tokens(s.key, PHONE)]
    odd = s.resealer.send(
        fleet.zuid.files[0], fleet.zuid, tmp_path / "z2.age", KRAAI=foreign_tokens
    )
    assert [x.matches for x in _ingest(central_place, again, odd)] == [0, 0]
    assert query(
        central_place,
        "SELECT kind FROM central.deconfliction_tokens WHERE source_id = :s",
        s=s.ids["ZWALUW"],
    ) == [("address",)]
    # KRAAI's tokens under the real key are still there; the foreign ones were not stored.
    assert query(
        central_place,
        "SELECT key_id FROM central.deconfliction_tokens WHERE source_id = :s",
        s=s.ids["KRAAI"],
    ) == [(s.key.key_id,)]
    assert len(_matches(central_place)) == 2  # the old match stays

    status = run(capsys, "central", "status", *_args(central_place), "--json")
    d = json.loads(status.out)["deconfliction"]
    assert d["current_key"] == s.key.key_id
    assert d["unknown_keys"] == [
        {"key_id": unknown_key, "team": "Zuid", "packages": 1, "sources": 1, "tokens": 1}
    ]
    assert (
        "UNKNOWN deconfliction key" in run(capsys, "central", "status", *_args(central_place)).out
    )


def _tokens_of(place: Place, source_id: str) -> list[tuple[str]]:
    return query(
        place,
        "SELECT kind FROM central.deconfliction_tokens WHERE source_id = :s ORDER BY kind",
        s=source_id,
    )


def test_an_empty_token_list_withdraws_a_sources_tokens_and_a_late_package_keeps_out(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """Section 7.7: ``deconfliction: []`` says the source's identity gives no token
    now (the wrong person was written down at first): every token held of it goes;
    an older package arriving after that does not bring them back, a newer one does."""
    s = scene(central_place, fleet, tmp_path)
    zwaluw, r = s.ids["ZWALUW"], s.resealer
    made_first = r.send(
        fleet.noord.files[0], fleet.noord, tmp_path / "old.age", ZWALUW=dh.tokens(s.key, PHONE)
    )
    withdrawal = r.send(fleet.noord.files[0], fleet.noord, tmp_path / "none.age", ZWALUW=[])
    assert _tokens_of(central_place, zwaluw) == [("address",), ("phone",)]
    assert [x.matches for x in _ingest(central_place, withdrawal)] == [0]
    assert _tokens_of(central_place, zwaluw) == []
    # The other sources keep theirs; the match already opened stays (never deleted).
    assert _tokens_of(central_place, s.ids["KRAAI"]) == [("phone",)]
    assert ("KRAAI", "ZWALUW", "phone") in _matches(central_place)
    # Made before the withdrawal, arriving after it: its tokens are not stored.
    (late,) = _ingest(central_place, made_first)
    assert late.matches == 0
    assert _tokens_of(central_place, zwaluw) == []
    # Made after it: stored as any source's tokens.
    newer = r.send(
        fleet.noord.files[0], fleet.noord, tmp_path / "new.age", ZWALUW=dh.tokens(s.key, ADDRESS)
    )
    _ingest(central_place, newer)
    assert _tokens_of(central_place, zwaluw) == [("address",)]


def test_packages_in_any_order_leave_only_the_newest_word_on_a_sources_tokens(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """Made in this order: tokens under the first key, a withdrawal, tokens under
    the next key; arriving newest first. Neither the older tokens (under a key now
    retired) nor the withdrawal, both late, change what the newest brought."""
    s = scene(central_place, fleet, tmp_path)
    zwaluw, r, noord = s.ids["ZWALUW"], s.resealer, fleet.noord
    first = r.send(noord.files[0], noord, tmp_path / "a.age", ZWALUW=dh.tokens(s.key, PHONE))
    withdrawal = r.send(noord.files[0], noord, tmp_path / "b.age", ZWALUW=[])
    new = cdh.central_key(central_place)
    last = r.send(noord.files[0], noord, tmp_path / "c.age", ZWALUW=dh.tokens(new, ADDRESS))
    _ingest(central_place, last, first, withdrawal)
    assert query(
        central_place,
        "SELECT key_id, kind FROM central.deconfliction_tokens WHERE source_id = :s",
        s=zwaluw,
    ) == [(new.key_id, "address")]


def test_staff_read_and_decide_only_their_teams_matches(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    scene(central_place, fleet, tmp_path)
    args = _args(central_place)
    for team, user in (("Noord", "noord_staff"), ("Zuid", "zuid_staff"), ("Oost", "oost_staff")):
        assert run(capsys, "central", "grant", *args, "--team", team, "--user", user).code == 0
    run(capsys, "central", "grant", *args, "--team", "Oost", "--user", "nobody_staff")
    run(capsys, "central", "revoke", *args, "--team", "Oost", "--user", "nobody_staff")

    def kinds(user: str) -> list[str]:
        r = run(capsys, "central", "deconflict", *args, "--user", user, "--json")
        assert r.code == 0, r.err
        return sorted(m["kind"] for m in json.loads(r.out))

    assert kinds("noord_staff") == ["name_dob", "phone"]
    assert kinds("zuid_staff") == ["phone"]  # Noord's own double registration is Noord's
    assert kinds("oost_staff") == []  # a match between Noord and Zuid is theirs alone
    # A team not granted reads exactly like one that does not exist: no oracle.
    said = []
    for team in ("Oost", "oost", "Nergens"):
        for cmd in (
            ("deconflict", *args, "--team", team, "--user", "noord_staff", "--json"),
            ("report", "management", *args, "--from", "2026-01-01", "--to", "2026-12-31",
             "--team", team, "--user", "noord_staff", "--json"),
        ):  # fmt: skip
            r = run(capsys, "central", *cmd)
            said.append((r.code, r.out, r.err.replace(team, "X")))
    assert said == [(1, "", "veldboek: There is no team named X.\n")] * len(said)
    refused = run(capsys, "central", "deconflict", *args, "--user", "nobody_staff", "--json")
    assert refused.code == 1
    assert "no access" in refused.err

    [within] = query(
        central_place, "SELECT id FROM central.deconfliction_matches WHERE kind = 'name_dob'"
    )
    mid = str(within[0])
    denied = run(capsys, "central", "deconflict", "decide", mid, *args, "--as", "same",
                 "--user", "zuid_staff", "--why", "looks alike")  # fmt: skip
    assert denied.code == 1
    assert "No such match" in denied.err
    for verdict in ("same", "different"):
        done = run(capsys, "central", "deconflict", "decide", mid, *args, "--as", verdict,
                   "--user", "noord_staff", "--why", f"checked: {verdict}", "--json")  # fmt: skip
        assert done.code == 0, done.err
        assert json.loads(done.out)["status"] == verdict
    assert query(
        central_place,
        "SELECT decided_by, resolution FROM central.deconfliction_decisions ORDER BY id",
    ) == [("noord_staff", "same"), ("noord_staff", "different")]
    logged = [r[0] for r in query(central_place, "SELECT what FROM central.access_log ORDER BY id")]
    assert sum(w.startswith("deconflict decide") for w in logged) == 3  # the refusal too
    assert sum(w == "deconflict" for w in logged) == 4


def _open(path: Path, fleet: Fleet, place: Place) -> tuple[str, dict[str, object]]:
    from app.export import package
    from app.services.exchange import keys

    with store.opened(place) as s, s.connect() as conn:
        central = keys.read_bundle(central_keys.public(conn).bundle)
    own = keys.private_keys(fleet.handler.vault)
    opened = package.open_package(path.read_bytes(), own.receiving_seed)
    opened.inner.verify(central.signing_public)
    package.check_recipients(opened, own.fingerprint.hex)
    return opened.manifest.kind, opened.body


def _not_in_the_key_tables_file(place: Place, sealed: bytes) -> None:
    """The retired key's old row version (its sealed secret) is not left in the
    table's file as a dead tuple: the table was rewritten after the rotation."""
    with store.opened(place) as st, st.connect() as conn:
        conn.execute(text("CHECKPOINT"))
    [(root, heap)] = query(
        place,
        "SELECT current_setting('data_directory'), "
        "pg_relation_filepath('central.deconfliction_keys')",
    )
    assert sealed not in (Path(root) / heap).read_bytes()


def _register_handler(place: Place, fleet: Fleet) -> None:
    from app.services.exchange import keys

    bundle = keys.read_bundle(
        keys.bundle_bytes(
            fleet.handler.vault, keys.own_bundle(fleet.handler.vault, "Havik", PeerRole.HANDLER)
        )
    )
    with store.opened(place) as s, s.begin() as conn:
        teams.register(conn, bundle, role=PeerRole.HANDLER, team="Noord",
                       confirmed_spoken=bundle.fingerprint.spoken, by="test")  # fmt: skip


def test_key_packages_and_notices_reach_the_teams_handler_only_with_what_changed(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    s = scene(central_place, fleet, tmp_path)
    _register_handler(central_place, fleet)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    central = (*_args(central_place), "--passphrase-file", str(passfile))
    out = tmp_path / "out"
    out.mkdir()

    issued = run(capsys, "central", "deconfliction-key", "issue", *central, "--to", str(out))
    assert issued.code == 0, issued.err
    [key_file] = out.iterdir()
    kind, body = _open(key_file, fleet, central_place)
    assert kind == deconfliction.KEY_KIND
    assert deconfliction.parse_key_body(body) == s.key
    # Sealed at rest: the secret is nowhere in the key's row.
    [(sealed,)] = query(central_place, "SELECT sealed FROM central.deconfliction_keys")
    assert s.key.secret not in bytes(sealed)
    key_file.unlink()

    # Rotation: a new key, the old one retired; the package names what it replaces.
    made = run(capsys, "central", "deconfliction-key", "new", *central, "--memory-kib", "8192",
               "--iterations", "1", "--lanes", "1", "--json")  # fmt: skip
    assert made.code == 0, made.err
    assert json.loads(made.out)["retired"] == s.key.key_id
    _not_in_the_key_tables_file(central_place, bytes(sealed))
    assert (
        run(capsys, "central", "deconfliction-key", "issue", *central, "--to", str(out)).code == 0
    )
    [rotated] = out.iterdir()
    new = deconfliction.parse_key_body(_open(rotated, fleet, central_place)[1])
    assert (new.replaces, new.key_id != s.key.key_id) == (s.key.key_id, True)
    assert query(
        central_place, "SELECT count(*) FROM central.deconfliction_keys WHERE retired_at IS NULL"
    ) == [(1,)]
    rotated.unlink()

    assert run(capsys, "central", "deconflict", "notify", *central, "--to", str(out)).code == 0
    [notice_file] = out.iterdir()
    kind, body = _open(notice_file, fleet, central_place)
    assert kind == deconfliction.NOTICE_KIND
    told = {m.kind: m for m in deconfliction.parse_notice_body(body)}
    assert told["phone"].source_id == s.ids["ZWALUW"]
    assert (told["phone"].other_team, told["phone"].other_source) == ("Zuid", "")
    assert told["name_dob"].other_team == "Noord"
    assert {told["name_dob"].source_id, told["name_dob"].other_source} == {
        s.ids["MEREL"],
        s.ids["SPREEUW"],
    }
    raw = json.dumps(body)
    for hidden in [s.ids["KRAAI"], "KRAAI", *s.tokens]:
        assert hidden not in raw
    notice_file.unlink()

    again = run(capsys, "central", "deconflict", "notify", *central, "--to", str(out))
    assert "No match changed" in again.out
    assert not list(out.iterdir())
    run(
        capsys,
        "central",
        "grant",
        *_args(central_place),
        "--team",
        "Noord",
        "--user",
        "noord_staff",
    )
    decided = run(
        capsys, "central", "deconflict", "decide", str(told["phone"].match_id),
        *_args(central_place), "--as", "different", "--user", "noord_staff", "--why",
        "other birth year",
    )  # fmt: skip
    assert decided.code == 0, decided.err
    assert run(capsys, "central", "deconflict", "notify", *central, "--to", str(out)).code == 0
    [second] = out.iterdir()
    [changed] = deconfliction.parse_notice_body(_open(second, fleet, central_place)[1])
    assert (changed.kind, changed.status, changed.why) == ("phone", "different", "other birth year")


def test_rotation_destroys_the_old_secret_and_only_the_current_keys_tokens_match(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    s = scene(central_place, fleet, tmp_path)
    new = cdh.central_key(central_place)
    assert query(
        central_place, "SELECT sealed FROM central.deconfliction_keys WHERE key_id = :k",
        k=s.key.key_id,
    ) == [(b"",)]  # fmt: skip
    phone2 = ("phone", "31687654321")
    merel = s.resealer.send(
        fleet.noord.files[0], fleet.noord, tmp_path / "m.age", MEREL=dh.tokens(new, NAME, phone2)
    )
    # SPREEUW's vault has not recomputed yet: the same phone under the retired key.
    stale = s.resealer.send(
        fleet.noord.files[2], fleet.noord, tmp_path / "s1.age", SPREEUW=dh.tokens(s.key, phone2)
    )
    fresh = s.resealer.send(
        fleet.noord.files[2], fleet.noord, tmp_path / "s2.age", SPREEUW=dh.tokens(new, phone2)
    )
    assert [x.matches for x in _ingest(central_place, merel, stale)] == [0, 0]
    # MEREL's tokens under the retired key are gone now its new ones came.
    assert {
        r[0]
        for r in query(
            central_place,
            "SELECT key_id FROM central.deconfliction_tokens WHERE source_id = :s",
            s=s.ids["MEREL"],
        )
    } == {new.key_id}
    assert [x.matches for x in _ingest(central_place, fresh)] == [1]
    assert ("MEREL", "SPREEUW", "phone") in _matches(central_place)
    status = json.loads(run(capsys, "central", "status", *_args(central_place), "--json").out)
    assert status["deconfliction"]["current_key"] == new.key_id
    retired = status["deconfliction"]["tokens_under_retired_keys"]
    assert retired > 0  # KRAAI, ZWALUW
    told = run(capsys, "central", "status", *_args(central_place)).out
    assert f"{retired} tokens under retired keys" in told


def test_a_match_between_two_teams_is_decided_per_team_its_reason_with_the_decider(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    from app.crypto import age, signing
    from app.export import package
    from app.services.exchange import keys

    scene(central_place, fleet, tmp_path)
    _register_handler(central_place, fleet)  # Noord's
    zuid_sign, zuid_seed = signing.new_signing_key(), age.new_identity()
    zuid = keys.read_bundle(
        keys.signed_bundle(
            keys.KeyBundle("Zuid handler", PeerRole.HANDLER, signing.signing_public(zuid_sign),
                           age.public_key(zuid_seed), "2026-12-06T10:00:00.000000Z"),
            zuid_sign,
        )
    )  # fmt: skip
    with store.opened(central_place) as s, s.begin() as conn:
        teams.register(conn, zuid, role=PeerRole.HANDLER, team="Zuid",
                       confirmed_spoken=zuid.fingerprint.spoken, by="test")  # fmt: skip
    args = _args(central_place)
    run(capsys, "central", "grant", *args, "--team", "Noord", "--user", "noord_staff")
    [mid] = query(
        central_place, "SELECT id FROM central.deconfliction_matches WHERE kind = 'phone'"
    )
    decided = run(capsys, "central", "deconflict", "decide", str(mid[0]), *args, "--as", "same",
                  "--user", "noord_staff", "--why", "our source told us")  # fmt: skip
    assert decided.code == 0, decided.err
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    out = tmp_path / "out"
    out.mkdir()
    notify = run(capsys, "central", "deconflict", "notify", *args, "--passphrase-file",
                 str(passfile), "--to", str(out))  # fmt: skip
    assert notify.code == 0, notify.err
    told: dict[str, deconfliction.MatchNotice] = {}
    for f in sorted(out.iterdir()):
        try:  # each notice opens with its own handler's key only
            body = package.open_package(f.read_bytes(), zuid_seed).body
            team = "Zuid"
        except NotForThisVault:
            body, team = _open(f, fleet, central_place)[1], "Noord"
        [told[team]] = [m for m in deconfliction.parse_notice_body(body) if m.kind == "phone"]
    assert (told["Noord"].status, told["Noord"].why) == ("same", "our source told us")
    # Noord's decision leaves the match open for Zuid, with nothing of Noord's.
    assert (told["Zuid"].status, told["Zuid"].why, told["Zuid"].other_team) == ("open", "", "Noord")
    for f in out.iterdir():
        f.unlink()

    # Zuid decides otherwise: Zuid's notice tells Zuid's decision; Noord's state
    # (and so its notices) stays Noord's.
    run(capsys, "central", "grant", *args, "--team", "Zuid", "--user", "zuid_staff")
    decided = run(capsys, "central", "deconflict", "decide", str(mid[0]), *args, "--as",
                  "different", "--user", "zuid_staff", "--why", "zuid weet het")  # fmt: skip
    assert decided.code == 0, decided.err
    assert json.loads(
        run(capsys, "central", "deconflict", "decide", str(mid[0]), *args, "--as", "different",
            "--user", "zuid_staff", "--why", "zuid weet het", "--json").out
    )["status"] == "different"  # fmt: skip
    notify = run(capsys, "central", "deconflict", "notify", *args, "--passphrase-file",
                 str(passfile), "--to", str(out))  # fmt: skip
    assert notify.code == 0, notify.err
    [only] = list(out.iterdir())  # Zuid's handler's alone
    [zuid_told] = deconfliction.parse_notice_body(package.open_package(
        only.read_bytes(), zuid_seed).body)  # fmt: skip
    assert (zuid_told.status, zuid_told.why) == ("different", "zuid weet het")

    # Each team's staff read their own decision; of the other team's, only what it
    # decided: never who, never why.
    listed = run(capsys, "central", "deconflict", *args, "--user", "noord_staff", "--json")
    assert listed.code == 0, listed.err
    [phone] = [m for m in json.loads(listed.out) if m["kind"] == "phone"]
    assert (phone["status"], phone["decided_by"]) == ("same", "noord_staff")
    assert (phone["other_status"], phone["other_decided_by"]) == ("different", "the other team")
    text_out = run(capsys, "central", "deconflict", *args, "--user", "noord_staff").out
    for hidden in ("zuid_staff", "zuid weet het"):
        assert hidden not in listed.out + text_out
    assert "the other team: different" in text_out


def test_a_new_key_never_reopens_a_pair_already_matched_nor_its_decision(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    """After a key rotation every vault sends its sources' tokens again, under the
    new key: a pair of sources matched before stays one match, with the decision a
    team made about it, and is not offered again as new."""
    s = scene(central_place, fleet, tmp_path)
    args = _args(central_place)
    run(capsys, "central", "grant", *args, "--team", "Noord", "--user", "noord_staff")
    [mid] = query(
        central_place, "SELECT id FROM central.deconfliction_matches WHERE kind = 'phone'"
    )
    decided = run(capsys, "central", "deconflict", "decide", str(mid[0]), *args, "--as",
                  "different", "--user", "noord_staff", "--why", "andere persoon")  # fmt: skip
    assert decided.code == 0, decided.err
    before = _matches(central_place)
    new = cdh.central_key(central_place)
    again = [
        s.resealer.send(fleet.noord.files[0], fleet.noord, tmp_path / "n1b.age",
                        ZWALUW=dh.tokens(new, PHONE, ADDRESS),
                        MEREL=dh.tokens(new, NAME, ("phone", "31687654321"))),
        s.resealer.send(fleet.zuid.files[0], fleet.zuid, tmp_path / "z1b.age",
                        KRAAI=dh.tokens(new, PHONE)),
        s.resealer.send(fleet.noord.files[2], fleet.noord, tmp_path / "n3b.age",
                        SPREEUW=dh.tokens(new, NAME)),
    ]  # fmt: skip
    assert [x.matches for x in _ingest(central_place, *again)] == [0, 0, 0]
    assert _matches(central_place) == before
    listed = run(capsys, "central", "deconflict", *args, "--user", "noord_staff", "--json")
    assert listed.code == 0, listed.err
    [phone] = [m for m in json.loads(listed.out) if m["kind"] == "phone"]
    assert (phone["match_id"], phone["status"], phone["decided_by"]) == (
        str(mid[0]), "different", "noord_staff")  # fmt: skip
