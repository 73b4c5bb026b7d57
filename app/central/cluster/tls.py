"""TLS for an embedded cluster that listens on TCP (``central init --listen``):
debriefs, search terms and the staff's logins cross the unit's network, so the
server takes TCP connections with TLS only (``hostssl`` in pg_hba.conf, every
other TCP connection rejected), TLS 1.3.

``init`` makes the server's own certificate: an ECDSA P-256 key, never leaving
``pgdata`` (0600, the server's user), and a self-signed certificate for the
addresses it listens on, valid for five years. A copy of the certificate (public)
is written to ``DIR/server.crt`` for clients, which check the server against it
(libpq ``sslmode=verify-full sslrootcert=DIR/server.crt``); its SHA-256
fingerprint is printed so that an administrator can compare it on the client
side. A unit with its own certificate authority puts its certificate and key in
their place (docs/central.md, "Install and run").
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT = "server.crt"
KEY = "server.key"
VALID_DAYS = 5 * 365

SETTINGS = (
    "ssl = on",
    f"ssl_cert_file = '{CERT}'",
    f"ssl_key_file = '{KEY}'",
    "ssl_min_protocol_version = 'TLSv1.3'",
)


@dataclass(frozen=True)
class ServerCertificate:
    cert_pem: bytes
    key_pem: bytes
    sha256: str  # of the certificate's DER form, as "AB:CD:…" (how tools show it)


def names_for(listen: str) -> list[x509.GeneralName]:
    """The certificate's subject alternative names for ``--listen``: each address
    or host name given; for a wildcard, this host's name and the loopbacks."""
    found: list[x509.GeneralName] = []
    for entry in (e for e in listen.split(",") if e):
        if entry in ("*", "0.0.0.0", "::"):  # noqa: S104  (a listen value read, not bound)
            found += [x509.DNSName(socket.gethostname()), x509.DNSName("localhost")]
            # (no resolver is asked for this host's addresses: name them in --listen
            # to connect by address)
            found += [x509.IPAddress(ipaddress.ip_address(a)) for a in ("127.0.0.1", "::1")]
            continue
        try:
            found.append(x509.IPAddress(ipaddress.ip_address(entry.split("%")[0])))
        except ValueError:
            found.append(x509.DNSName(entry))
    return list(dict.fromkeys(found))


def make_certificate(
    listen: str, now: dt.datetime | None = None, key: ec.EllipticCurvePrivateKey | None = None
) -> ServerCertificate:
    """A certificate for ``listen``, valid from ``now`` for ``VALID_DAYS``, for
    ``key`` (a new P-256 key if none: a renewal keeps the server's own)."""
    now = now or dt.datetime.now(dt.UTC)
    key = key or ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Veldboek central system")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(names_for(listen)), critical=False)
        # Its own authority (self-signed), so that clients can trust it directly.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    return ServerCertificate(
        cert.public_bytes(serialization.Encoding.PEM),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),  # PostgreSQL reads it at start, unattended
        ),
        fingerprint(cert),
    )


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def fingerprint_of(path: Path) -> str:
    return fingerprint(x509.load_pem_x509_certificate(path.read_bytes()))


@dataclass(frozen=True)
class CertificateInfo:
    sha256: str
    valid_until: dt.datetime
    names: tuple[str, ...]  # the addresses and host names it is for


def info(cert_pem: bytes) -> CertificateInfo:
    cert = x509.load_pem_x509_certificate(cert_pem)
    sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return CertificateInfo(
        fingerprint(cert), cert.not_valid_after_utc, tuple(str(n.value) for n in sans)
    )


def load_key(key_pem: bytes) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(key_pem, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("not the server's ECDSA key")
    return key
