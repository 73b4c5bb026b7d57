"""A PDF's text as PDFium extracts it (what a reader can copy out of the file)."""

from __future__ import annotations

import pypdfium2 as pdfium  # type: ignore[import-untyped]


def pdf_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        return "\n".join(str(page.get_textpage().get_text_range()) for page in doc)
    finally:
        doc.close()
