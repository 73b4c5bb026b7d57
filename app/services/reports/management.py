"""Management information: the one figures model (``app.reports.management_figures``),
made into what may be shown (suppressed) and then into a PDF or JSON. Both the
central system and a handler's vault call these; the vault's own counts are in
``management_vault``, and a vault issues and registers its PDF as the debrief
reports are (``management_report.issue_management``, saved by ``save_pdf``);
the central system issues its own (``app.central.report_register``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from app.clock import utc_now
from app.reports import management_render, management_view
from app.reports.management_figures import ManagementFigures
from app.services.files import output_paths
from app.services.reports.choices import DEFAULT_MARKING, check_language, check_marking


def pdf(
    figures: ManagementFigures,
    *,
    language: str,
    marking: str = DEFAULT_MARKING,
    printed_at: datetime | None = None,
) -> bytes:
    shown = management_view.view(figures)
    return management_render.render(
        shown,
        language=check_language(language),
        marking=check_marking(marking),
        printed_at=printed_at or utc_now(),
    )


def as_json(figures: ManagementFigures) -> dict[str, Any]:
    """The same figures as the PDF, suppressed the same way."""
    return management_view.to_json(management_view.view(figures))


def save(data: bytes, path: Path, *, guarded: list[Path], overwrite: bool = False) -> Path:
    """Write a made report (atomic, owner only); never into ``guarded`` folders
    (vaults, the central system's own) nor over a file unless ``overwrite``."""
    return output_paths.write_file(path, data, vaults=guarded, overwrite=overwrite)


def check_out(path: Path, *, guarded: list[Path], overwrite: bool = False) -> Path:
    """The place a report will be written, checked before anything is counted or
    issued: one that cannot be written (a read-only folder) is refused then, not
    after a register keeps the report."""
    target = output_paths.check_file(path, vaults=guarded, overwrite=overwrite)
    output_paths.check_writable(target, shown_as=path)
    return target
