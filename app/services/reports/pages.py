"""Report pages as images, for the print preview and for printing: PDFium in
memory (``app.reports.raster``), no temporary file."""

from __future__ import annotations

from app.reports import raster
from app.services.reports.progress import ProgressFn

PageImage = raster.PageImage
OpenPdf = raster.OpenPdf


def open_pdf(pdf: bytes) -> raster.OpenPdf:
    """``pdf`` parsed once, to render its pages from as they are needed (the
    preview); close it when done."""
    return raster.OpenPdf(pdf)


def render_pages(
    pdf: bytes, dpi: float, *, progress: ProgressFn | None = None
) -> list[raster.PageImage]:
    """Every page of ``pdf`` as RGBX pixels, rendered in memory (no temporary file)."""
    return raster.render_pages(pdf, dpi, progress=progress)


def render_page(pdf: bytes, number: int, dpi: float) -> raster.PageImage:
    """One page (1-based) of a document parsed for it alone; to render many, use
    ``open_pdf``."""
    with raster.OpenPdf(pdf) as doc:
        return doc.render(number, dpi)


def page_count(pdf: bytes) -> int:
    return raster.page_count(pdf)
