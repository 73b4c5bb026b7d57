"""The central side of blind-deconfliction tests: a new unit key at the central
system, and packages carrying tokens (``tests.helpers.deconfliction.tokens``): a fleet
package's body (made by the app's own export) with a ``deconfliction`` field added
to its sources, sealed again by the runner's own key to central alone with the
app's sealing code, on a channel of its own numbered 1, 2, …"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app.central import central_keys, deconfliction_keys, store
from app.central.place import Place
from app.clock import iso_utc, utc_now
from app.crypto.blind_tokens import TokenParams
from app.export import package
from app.export.deconfliction import DeconflictionKey
from app.services.exchange import keys
from tests.central.conftest import PASSPHRASE
from tests.helpers.central_fleet import Runner
from tests.helpers.deconfliction import SMALL, Tokens


def central_key(place: Place, params: TokenParams = SMALL) -> DeconflictionKey:
    """A new current key at the central system (a rotation, if it had one)."""
    with store.opened(place) as s:
        with s.connect() as conn:
            unlocked = central_keys.unlock(conn, PASSPHRASE)
        with s.begin() as conn:
            deconfliction_keys.new_key(conn, unlocked, params)
            return deconfliction_keys.current(conn, unlocked)


@dataclass
class Resealer:
    place: Place
    channels: dict[str, tuple[int, str]] = field(default_factory=dict)

    def send(self, source: Path, runner: Runner, out: Path, **by_codename: Tokens) -> Path:
        """``source`` again as ``runner``'s next package to central alone, its
        sources named in ``by_codename`` carrying those tokens."""
        with store.opened(self.place) as s, s.connect() as conn:
            central = central_keys.unlock(conn, PASSPHRASE)
            bundle = keys.read_bundle(central_keys.public(conn).bundle)
        opened = package.parse(package.decrypt(source.read_bytes(), central.receiving_seed))
        body = opened.body
        for s in body["sources"]:
            if s["codename"] in by_codename:
                s["deconfliction"] = [
                    {"key_id": k, "kind": kind, "token": t}
                    for k, kind, t in by_codename[s["codename"]]
                ]
        fp = runner.bundle.fingerprint.hex
        last, previous = self.channels.get(fp, (0, ""))
        manifest = dataclasses.replace(
            opened.manifest,
            package_id=uuid.uuid4(),
            created_at=iso_utc(utc_now()),
            sender=fp,
            recipients=(central.fingerprint.hex,),
            sequence=last + 1,
            previous=previous,
        )
        signing_key = keys.private_keys(runner.party.vault).signing
        sealed = package.seal(manifest, body, signing_key, [bundle.recipient_public])
        out.write_bytes(sealed)
        self.channels[fp] = (last + 1, hashlib.sha256(sealed).hexdigest())
        return out
