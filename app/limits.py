"""The largest file of each kind that Veldboek reads when a user hands it one
(docs/package-format.md, section 13). A larger file, or anything that is not a
regular file, is refused before a byte of it is read (``services.user_files``).

Each limit is at least what Veldboek itself can write of that kind, so nothing it
made is ever refused; the writers check the same numbers (``export.package``,
``services.attachments``).
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

# A package: the format allows a 64 MiB manifest and a 1 GiB body; padded with
# Padmé that container is 1120 MiB, sealed in 64 KiB age chunks (16 bytes each)
# behind a header of at most 64 KiB: 1120.4 MiB. tests/packages/test_file_limits.py
# checks the arithmetic against the format's constants.
MAX_PACKAGE_BYTES = 1152 * MIB
# A receipt carries the reviews made since the previous one: about 150 bytes each,
# plus the comment (at most 20,000 characters, so at most 120,000 bytes of canonical
# JSON). 64 MiB holds more than 500 reviews of the longest comment, or some 200,000
# with a short one; a handler's vault refuses to make a larger receipt.
MAX_RECEIPT_BYTES = 64 * MIB
# A public key bundle is about 2 KB of JSON.
MAX_KEY_BUNDLE_BYTES = 64 * KIB
# A report covers at most 1,000 debriefs, as text with embedded font subsets: a
# few MB. The limit leaves room for long ones and refuses what cannot be a report.
MAX_REPORT_PDF_BYTES = 200 * MIB
# One attached file (a photo of a document, a scan).
MAX_ATTACHMENT_BYTES = 25 * MIB

# A handler's review comment (approve or return). Receipts carry it to the runner,
# whose reader refuses a longer one, so it is refused when written: one long
# comment must never make a whole receipt unreadable.
MAX_REVIEW_COMMENT_CHARS = 20_000
