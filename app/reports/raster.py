"""Reading PDF bytes in memory with PDFium (pypdfium2): page images for the print
preview and for printing, and the document's metadata for verification.

No temporary files: PDFium reads the bytes from memory. No Qt: pages come back as
raw RGBX pixels plus their size, which the UI wraps in a QImage. PDFium is not
thread-safe, so every call into it holds one process-wide lock.
"""

from __future__ import annotations

import math
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


class OpenPdf:
    """A PDF parsed once, its pages rendered from it on request: a preview that
    shows 50 pages parses the document once, not 50 times. Every call into PDFium
    holds the process-wide lock (the lock is taken per page, so a preview and a
    print job can interleave). ``close`` frees it; rendering after that is refused."""

    def __init__(self, data: bytes) -> None:
        with _PDFIUM:
            self._doc: Any = _open(data)
            self.page_count: int = len(self._doc)
            # (width, height) in points; PDFium reads them without loading the pages
            self._sizes = [
                tuple(float(v) for v in self._doc.get_page_size(i)) for i in range(self.page_count)
            ]

    def page_size(self, number: int, dpi: float) -> tuple[int, int]:
        """Page ``number`` (1-based) in pixels at ``dpi``, as ``render`` makes it."""
        width, height = self._sizes[self._index(number)]
        scale = dpi / POINTS_PER_INCH
        return math.ceil(width * scale), math.ceil(height * scale)

    def _index(self, number: int) -> int:
        if not 1 <= number <= self.page_count:
            raise ReportError("That page is not in the document.")
        return number - 1

    def render(self, number: int, dpi: float) -> PageImage:
        """Page ``number`` (1-based) at ``dpi``."""
        index = self._index(number)
        with _PDFIUM:
            if self._doc is None:
                raise ReportError("The document was closed.")
            return _render(self._doc, index, dpi)

    @property
    def closed(self) -> bool:
        return self._doc is None

    def close(self) -> None:
        with _PDFIUM:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def __enter__(self) -> OpenPdf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def page_count(data: bytes) -> int:
    with OpenPdf(data) as doc:
        return doc.page_count


def iter_pages(data: bytes, dpi: float, *, pages: range | None = None) -> Iterator[PageImage]:
    """Render pages one at a time from one parse of the document."""
    with OpenPdf(data) as doc:
        for index in pages if pages is not None else range(doc.page_count):
            yield doc.render(index + 1, dpi)


def render_pages(
    data: bytes, dpi: float, *, progress: Callable[[int, int], None] | None = None
) -> list[PageImage]:
    """Every page at ``dpi``. Memory: A4 at 100 dpi is about 3.7 MB a page."""
    out = []
    with OpenPdf(data) as doc:
        for number in range(1, doc.page_count + 1):
            out.append(doc.render(number, dpi))
            if progress is not None:
                progress(number, doc.page_count)
    return out


def metadata(data: bytes) -> dict[str, str]:
    """The document information dictionary (Title, Subject, Keywords...)."""
    with _PDFIUM:
        doc = _open(data)
        try:
            return {str(k): str(v) for k, v in doc.get_metadata_dict(skip_empty=True).items()}
        finally:
            doc.close()


def last_page_text(data: bytes) -> str:
    """The last page's text as PDFium extracts it (what a reader can copy out):
    where the integrity block prints the content hash."""
    with _PDFIUM:
        doc = _open(data)
        try:
            if len(doc) == 0:
                return ""
            page = doc[len(doc) - 1]
            textpage = page.get_textpage()
            try:
                return str(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
        finally:
            doc.close()
