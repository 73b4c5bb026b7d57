"""A handler's management report issued as a report: the vault's figures
(``management_vault``) given a random id and a printer reference, rendered with
the integrity block, and registered (``issued_report``, kind ``management``),
so ``verify_pdf`` knows it. It lives only in memory until ``save_pdf``."""

from __future__ import annotations

import uuid

from app.clock import utc_now
from app.domain.scope import Scope
from app.reports import management_render, management_view
from app.reports.management_figures import ManagementFigures
from app.services.reports.choices import DEFAULT_MARKING, check_language, check_marking
from app.services.reports.register import IssuedPdf, printer_reference, register_management
from app.vault.vault import Vault


def issue_management(
    vault: Vault,
    scope: Scope,
    figures: ManagementFigures,
    *,
    language: str,
    marking: str = DEFAULT_MARKING,
) -> IssuedPdf:
    """Render and register the team's ``figures`` (``management_vault.figures``
    under the same scope), as the JSON of the same figures is made from them too."""
    clean_marking, clean_language = check_marking(marking), check_language(language)
    report_id = uuid.uuid4()  # random: a UUIDv7 would print the time it was made
    stamp = management_view.ManagementStamp(
        report_id=str(report_id),
        marking=clean_marking,
        printer_reference=printer_reference(vault, report_id, scope.alias_name),
        printed_at=utc_now(),
        language=clean_language,
    )
    rendered = management_render.render_issued(management_view.view(figures), stamp)
    return register_management(
        vault, scope, stamp, rendered, first=figures.period_from, last=figures.period_to
    )
