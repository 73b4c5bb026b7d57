"""Dutch texts of issue 20 point 4: management information (the Reports page's
box, its audit entry, the errors of `report management` and `central report
management`). The PDF's own words are in app/reports/management_labels.py."""

NL_MANAGEMENT = {
    "Management information": "Managementinformatie",
    "Save management report…": "Managementrapport opslaan…",
    "Save management report": "Managementrapport opslaan",
    "Figures of your team, without names; every count below 5 shows as “< 5”.": "Cijfers van uw team, zonder namen; elk aantal onder 5 staat er als “< 5”.",
    "From:": "Van:",
    "The period ends before it starts.": "De periode eindigt voordat ze begint.",
    "Counting…": "Bezig met tellen…",
    "Not saved: the existing file was kept.": "Niet opgeslagen: het bestaande bestand is behouden.",
    "Saved {name} (an unencrypted PDF; keep it as its marking requires).": "{name} opgeslagen (een onversleutelde PDF; bewaar hem zoals de rubricering vereist).",
}

AUDIT_MANAGEMENT = {
    ("AuditActions", "Management report saved as PDF"): "Managementrapport opgeslagen als PDF",
    ("AuditFields", "period"): "periode",
}

ERRORS_MANAGEMENT = {
    "The period ends before it starts.": "De periode eindigt voordat ze begint.",
    "A management report covers at most five years.": "Een managementrapport beslaat hoogstens vijf jaar.",
    "Management information is made in a team handler's vault.": "Managementinformatie wordt gemaakt in de kluis van een teamleider.",
    "Say where to write the PDF with --out FILE, or ask for --json.": "Zeg met --out BESTAND waar de PDF heen moet, of vraag om --json.",
}
