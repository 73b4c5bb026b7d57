"""Counts in words, never "(s)": the English helper of the command line, the logs and
the central system (``counted``: "1 debrief", "3 debriefs"), the warning of packages
that never arrived (one template per number, so Dutch has its own), and a guard that
no text in app/ formats a number into a "(s)" word by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.domain.text import counted
from app.export import gaps
from app.services.exchange import package_log

APP = Path(__file__).resolve().parent.parent / "app"


@pytest.mark.parametrize(
    ("n", "said"),
    [(0, "0 debriefs"), (1, "1 debrief"), (2, "2 debriefs"), (21, "21 debriefs")],
)
def test_counted_says_the_noun_in_the_number_it_takes(n: int, said: str) -> None:
    assert counted(n, "debrief") == said


def test_counted_takes_a_plural_that_is_not_one_plus_s() -> None:
    assert counted(1, "match", "matches") == "1 match"
    assert counted(3, "match", "matches") == "3 matches"


def test_packages_not_arrived_are_one_package_or_packages() -> None:
    assert gaps.count([(2, 2)]) == 1
    assert gaps.count([(1, 3), (5, 5)]) == 4
    one = package_log.not_arrived([(2, 2)])
    assert one == "Package 2 from this sender has not arrived."
    more = package_log.not_arrived([(1, 3)])
    assert more == "Packages 1–3 from this sender have not arrived."
    # Two templates, each with its own Dutch (the GUI translates the template).
    assert one.template != more.template


def _hand_made_plurals(path: Path) -> list[str]:
    """String literals holding "(s)" or "(es)" without Qt's %n (docstrings aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        f"{path.relative_to(APP.parent)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and ("(s)" in node.value or "(es)" in node.value)
        and "%n" not in node.value
    ]


def test_no_text_formats_a_count_into_an_s_in_brackets() -> None:
    found = [hit for path in sorted(APP.rglob("*.py")) for hit in _hand_made_plurals(path)]
    assert found == []
