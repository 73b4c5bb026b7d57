"""Dutch texts for the look and small-screen work (issue 16, points 2 and 7)."""

NL_SCREENS = {
    "Overdue": "Verlopen",
}
