"""Management information: the one figures model (``app.reports.management_figures``),
made into what may be shown (suppressed) and then into a PDF or JSON. Both the
central system and a handler's vault call these; the vault's own counts are in
``management_vault``."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.clock import utc_now
from app.domain.scope import Scope
from app.reports import management_render, management_view
from app.reports.management_figures import ManagementFigures
from app.services.files import output_paths
from app.services.reports.choices import DEFAULT_MARKING, check_language, check_marking
from app.vault.vault import Vault


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
    """The place a report will be written, checked before anything is counted."""
    return output_paths.check_file(path, vaults=guarded, overwrite=overwrite)


def save_from_vault(
    vault: Vault,
    scope: Scope,
    data: bytes,
    path: Path,
    *,
    first: date,
    last: date,
    overwrite: bool = False,
) -> Path:
    """Save a vault's management report (never into the vault's folder) and audit
    it: the period and the file's hash, not the path (a path can name things)."""
    written = save(data, path, guarded=[vault.paths.root], overwrite=overwrite)
    vault.audit(
        scope.actor,
        "report.management_saved",
        record_type="report",
        record_id="",
        detail={
            "period": f"{first.isoformat()}..{last.isoformat()}",
            "pdf_sha256": hashlib.sha256(data).hexdigest(),
        },
    )
    return written
