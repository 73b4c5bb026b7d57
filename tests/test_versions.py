"""The versions a build records: what the laptop build leaves out is not listed,
and what another shipped package still needs stays."""

from __future__ import annotations

from app.versions import LAPTOP_BUILD_LEAVES_OUT, installed_runtime_versions


def test_leaving_out_a_package_drops_it_and_keeps_what_others_still_need() -> None:
    everything = installed_runtime_versions()
    laptop = installed_runtime_versions(LAPTOP_BUILD_LEAVES_OUT)
    assert "psycopg" in everything
    assert "psycopg" not in laptop
    # typing-extensions: psycopg needs it, and so does SQLAlchemy, which ships.
    assert laptop["typing-extensions"] == everything["typing-extensions"]
    assert set(laptop) < set(everything)
    assert {"sqlalchemy", "sqlcipher3", "cryptography", "reportlab"} <= set(laptop)
