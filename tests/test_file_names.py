"""A file's name as Veldboek's writer sends one (``attachments.clean_name``) is
always one its reader takes (``one_line.is_file_name``), so no honest package is
refused for an attachment's name, whatever file a runner attached."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain import one_line
from app.services.records.attachments import clean_name


@given(st.text(max_size=300))
def test_every_cleaned_name_is_a_file_name_the_reader_takes(name: str) -> None:
    cleaned = clean_name(name)
    assert 0 < len(cleaned) <= 200
    assert one_line.is_file_name(cleaned)


def test_a_name_naming_a_folder_or_hiding_characters_is_not_a_file_name() -> None:
    for name in ("../x", "/etc/x", "a\\b", "..", ".", "a\u202eb", "a\u200bb", "a\x00b", "a\nb"):
        assert not one_line.is_file_name(name), name
    assert one_line.is_file_name("Foto 1 — Ålesund.png")
