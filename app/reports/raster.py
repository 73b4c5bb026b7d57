"""Reading PDF bytes in memory with PDFium (pypdfium2): page images for the print
preview and for printing, and the document's metadata for verification.

No temporary files: PDFium reads the bytes from memory. No Qt: pages come back as
raw RGBX pixels plus their size, which the UI wraps in a QImage. PDFium is not
thread-safe, so every call into it holds one process-wide lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from app.errors import ReportError

_PDFIUM = threading.Lock()
POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class PageImage:
    """One rendered page: ``pixels`` holds ``height`` rows of ``stride`` bytes, four
    bytes a pixel in the order R, G, B, unused."""

    number: int  # 1-based
    width: int
    height: int
    stride: int
    dpi: float
    pixels: bytes


def _open(data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ReportError("This is not a readable PDF file.") from None


def page_count(data: bytes) -> int:
    with _PDFIUM:
        doc = _open(data)
        try:
            return len(doc)
        finally:
            doc.close()


def _render(doc: Any, index: int, dpi: float) -> PageImage:
    page = doc[index]
    try:
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH,
            prefer_bgrx=True,
            rev_byteorder=True,  # RGBx rather than BGRx: QImage.Format_RGBX8888
            fill_color=(255, 255, 255, 255),
        )
        try:
            return PageImage(
                number=index + 1,
                width=int(bitmap.width),
                height=int(bitmap.height),
                stride=int(bitmap.stride),
                dpi=dpi,
                pixels=bytes(bitmap.buffer),
            )
        finally:
            bitmap.close()
    finally:
        page.close()


def iter_pages(data: bytes, dpi: float, *, pages: range | None = None) -> Iterator[PageImage]:
    """Render pages one at a time (the lock is held per page, not for the whole
    document, so a preview and a print job can interleave)."""
    total = page_count(data)
    for index in pages if pages is not None else range(total):
        if not 0 <= index < total:
            raise ReportError("That page is not in the document.")
        with _PDFIUM:
            doc = _open(data)
            try:
                image = _render(doc, index, dpi)
            finally:
                doc.close()
        yield image


def render_pages(
    data: bytes, dpi: float, *, progress: Callable[[int, int], None] | None = None
) -> list[PageImage]:
    """Every page at ``dpi``. Memory: A4 at 100 dpi is about 3.7 MB a page."""
    total = page_count(data)
    out = []
    for image in iter_pages(data, dpi):
        out.append(image)
        if progress is not None:
            progress(image.number, total)
    return out


def metadata(data: bytes) -> dict[str, str]:
    """The document information dictionary (Title, Subject, Keywords...)."""
    with _PDFIUM:
        doc = _open(data)
        try:
            return {str(k): str(v) for k, v in doc.get_metadata_dict(skip_empty=True).items()}
        finally:
            doc.close()
