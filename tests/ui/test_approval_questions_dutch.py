"""A new user's trial: the Dutch approval questions opened with a lowercase,
back-to-front sentence ("het geschoonde rapport … goedkeuren?"). They ask it as
Dutch does ("Wilt u het geschoonde rapport … goedkeuren?"); English is unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

QUESTIONS = {
    "Approve {what}? Once approved it can be issued and shared outside the unit.": (
        "Approve the report? Once",
        "Wilt u het rapport goedkeuren? Eenmaal",
    ),
    "Reject {what}? It can then never be issued; a new request is needed.": (
        "Reject the report? It",
        "Wilt u het rapport afwijzen? Het",
    ),
    "Issue {what}? It gets a report number and is recorded in the audit log; "
    "it is printed or saved only if you choose so in the preview.": (
        "Issue the report? It gets",
        "Wilt u het rapport uitgeven? Het krijgt",
    ),
}


@pytest.mark.usefixtures("qapp")
def test_the_approval_questions_are_proper_sentences(language: str) -> None:
    what = {"en": "the report", "nl": "het rapport"}[language]
    for source, (english, dutch) in QUESTIONS.items():
        asked = QCoreApplication.translate("ReportsPage", source).format(what=what)
        assert asked.startswith(english if language == "en" else dutch)
