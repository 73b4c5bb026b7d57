"""The embedded cluster's own TLS certificate (``cluster.tls``): named for the
addresses it listens on, so that a client can check the server it reached."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket

from cryptography import x509

from app.central.cluster import tls


def _names(listen: str) -> set[str]:
    made = x509.load_pem_x509_certificate(tls.make_certificate(listen).cert_pem)
    sans = made.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return {str(n.value) for n in sans}


def test_the_certificate_names_each_address_and_host_name_it_listens_on() -> None:
    assert _names("10.20.30.40,central.unit.local,fd00::5") == {
        "10.20.30.40", "central.unit.local", str(ipaddress.ip_address("fd00::5")),
    }  # fmt: skip
    assert _names("*") == {socket.gethostname(), "localhost", "127.0.0.1"}


def test_the_certificate_is_its_own_authority_for_five_years_and_its_key_stays_apart() -> None:
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    made = tls.make_certificate("127.0.0.1", now=now)
    cert = x509.load_pem_x509_certificate(made.cert_pem)
    assert cert.issuer == cert.subject
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert cert.not_valid_after_utc - now == dt.timedelta(days=tls.VALID_DAYS)
    assert b"PRIVATE KEY" not in made.cert_pem
    assert made.sha256 == tls.fingerprint(cert)
    assert len(made.sha256.split(":")) == 32
