"""The words a report prints around the user's text, in English or Dutch.

A small catalogue of its own, because ``app.reports`` stays free of Qt (the
interface's translations live in Qt's .ts files). Keys are the English text,
with ``{name}`` fields; ``Labels("nl")("Page {page} of {total}", page=1, total=3)``
gives ``Pagina 1 van 3``. A text missing from the catalogue prints in English (a
test keeps the catalogue complete). The grading labels of ``app.domain.grading``
are here too, so an item's grading reads in the report's language; codes (1, B,
P) and scheme names never change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from app.reports.management_labels import NL as MANAGEMENT_NL

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"

NL: dict[str, str] = {
    # Page furniture and metadata
    "Report {report_id}": "Rapport {report_id}",
    "Page {page} of {total}": "Pagina {page} van {total}",
    "Printed by {alias} on {when}": "Afgedrukt door {alias} op {when}",
    "Printed on {day} by {reference} (a {role} of the unit; its report register "
    "resolves the reference)": "Afgedrukt op {day} door {reference} (een {role} van de "
    "eenheid; haar rapportregister herleidt de verwijzing)",
    "Approval preview made on {day}: not issued, and in no report register": "Preview voor "
    "goedkeuring, gemaakt op {day}: niet uitgegeven, en in geen rapportregister",
    "Preview, not issued": "Preview, niet uitgegeven",
    "This is the approver's preview of a requested report, not an issued report: no report "
    "register holds it, and {command} will not confirm it. The report is issued, with its "
    "own id and integrity block, only after it is approved.": "Dit is de preview van een "
    "aangevraagd rapport voor wie het goedkeurt, geen uitgegeven rapport: geen rapportregister "
    "bevat het, en {command} zal het niet bevestigen. Het rapport wordt pas na goedkeuring "
    "uitgegeven, met een eigen id en integriteitsblok.",
    "runner": "runner",
    "handler": "teamleider",
    "AWAITING APPROVAL · NOT RELEASED": "WACHT OP GOEDKEURING · NIET VRIJGEGEVEN",
    "Veldboek debrief report (internal)": "Veldboek debriefingsrapport (intern)",
    "Veldboek intelligence report (sanitised)": "Veldboek inlichtingenrapport (geschoond)",
    # Titles and counts
    "Debrief report": "Debriefingsrapport",
    "Debrief reports": "Debriefingsrapporten",
    "Sanitised intelligence report": "Geschoond inlichtingenrapport",
    "1 debrief": "1 debriefing",
    "{n} debriefs": "{n} debriefings",
    "1 item": "1 item",
    "{n} items": "{n} items",
    "1 draft": "1 concept",
    "{n} drafts": "{n} concepten",
    "including {drafts}, marked DRAFT": "waarvan {drafts}, gemarkeerd CONCEPT",
    "DRAFT": "CONCEPT",
    "Not in this report: {drafts} of this choice (unfinished; a report includes "
    "drafts only when asked).": "Niet in dit rapport: {drafts} van deze keuze (onafgemaakt; "
    "een rapport neemt concepten alleen op als daarom gevraagd is).",
    # Internal report
    "Source: {codenames}": "Bron: {codenames}",
    "Sources: —": "Bronnen: —",
    "period {start} to {end}": "periode {start} tot en met {end}",
    "INTERNAL: names the source; not for dissemination": "INTERN: noemt de bron; niet verspreiden",
    "Debrief {when} — {codename}": "Debriefing {when} — {codename}",
    "Debrief id {id}": "Debriefing-id {id}",
    "Source": "Bron",
    "Source id": "Bron-id",
    "Source id {id}": "Bron-id {id}",
    "Approval status": "Status goedkeuring",
    "Written by": "Geschreven door",
    "Created": "Aangemaakt",
    "Submitted": "Ingediend",
    "Reviewed by": "Beoordeeld door",
    "{who} on {when}": "{who} op {when}",
    "Draft (not submitted)": "Concept (niet ingediend)",
    "Submitted, awaiting review": "Ingediend, wacht op beoordeling",
    "Approved": "Goedgekeurd",
    "Returned to the runner": "Teruggestuurd naar de runner",
    "Review comment": "Opmerking bij de beoordeling",
    "Contact": "Contact",
    "No contact linked to this debrief.": "Geen contact gekoppeld aan deze debriefing.",
    "Kind": "Soort",
    "When": "Wanneer",
    "Duration": "Duur",
    "{n} min": "{n} min",
    "Location codeword": "Codewoord locatie",
    "Attended by": "Aanwezig",
    "Reconnaissance notes": "Voorverkenning",
    "Safety notes": "Veiligheid",
    "Contact notes": "Notities bij het contact",
    "Meeting": "Ontmoeting",
    "Call": "Gesprek",
    "Message": "Bericht",
    "Narrative": "Verslag",
    "Intelligence items": "Informatie-items",
    "None recorded.": "Niets vastgelegd.",
    "Welfare observations": "Waarnemingen over welzijn",
    "Security observations": "Waarnemingen over veiligheid",
    "Runner's assessment": "Beoordeling door de runner",
    "Critical reflection": "Kritische reflectie",
    "Addenda": "Aanvullingen",
    "None.": "Geen.",
    "Item {n}": "Item {n}",
    "EXCULPATORY": "ONTLASTEND",
    "shareable": "deelbaar",
    "not shareable": "niet deelbaar",
    "shareable, but no sanitised wording: left out of a sanitised report": "deelbaar, maar "
    "zonder geschoonde tekst: weggelaten uit een geschoond rapport",
    "Reported": "Gemeld",
    "Sanitised wording": "Geschoonde tekst",
    "Grading": "Waardering",
    "Corroboration": "Bevestiging",
    "Subjects": "Subjecten",
    "Not yet checked": "Nog niet getoetst",
    "Corroborated": "Bevestigd",
    "Contradicted": "Weerlegd",
    "Tasking": "Opdrachten",
    "None linked to this debrief.": "Niets gekoppeld aan deze debriefing.",
    "Tasking {n}": "Opdracht {n}",
    "given {day}": "gegeven {day}",
    "deadline {day}": "termijn {day}",
    "Open": "Open",
    "Done": "Uitgevoerd",
    "Cancelled": "Vervallen",
    "Limits:": "Grenzen:",
    "Outcome:": "Uitkomst:",
    "Payments and expenses": "Betalingen en onkosten",
    "Date": "Datum",
    "Amount": "Bedrag",
    "Reason": "Reden",
    "Witness": "Getuige",
    "Approved by": "Goedgekeurd door",
    "Reward": "Beloning",
    "Expense": "Onkosten",
    "Offer": "Aanbod",
    "Taskings and payments not linked to a debrief": "Opdrachten en betalingen zonder debriefing",
    "Taskings given, payments made and offers to the source from {start} to {end} that are "
    "not linked to any debrief.": "Opdrachten gegeven, betalingen gedaan en aanbod aan de bron "
    "van {start} tot en met {end} die aan geen enkele debriefing zijn gekoppeld.",
    "No money paid.": "Niets betaald.",
    "Offers to the source (promised, not paid)": "Aanbod aan de bron (toegezegd, niet betaald)",
    "Every tasking and payment on the file that is not linked to any debrief.": "Alle "
    "opdrachten en betalingen in het dossier die aan geen enkele debriefing zijn gekoppeld.",
    "{codename}: tasking": "{codename}: opdrachten",
    "{codename}: payments and expenses": "{codename}: betalingen en onkosten",
    # Grading cell
    "Scheme {scheme}": "Schema {scheme}",
    "Source evaluation": "Bronwaardering",
    "Intelligence assessment": "Informatiewaardering",
    "Handling": "Behandelcode",
    "not graded yet": "nog niet gewaardeerd",
    "person": "persoon",
    "place": "plaats",
    "vehicle": "voertuig",
    "organisation": "organisatie",
    "{scheme} not graded yet": "{scheme} nog niet gewaardeerd",
    "Conditions:": "Voorwaarden:",
    # Sanitised report
    "This report contains only intelligence whose handling code permits lawful sharing, "
    "in wording that does not reveal its source. Each item carries its grading in its own "
    "scheme; where the handling code sets conditions, they bind every recipient. Dates are "
    "the day the information was obtained, in UTC (Coordinated Universal Time), not "
    "local time.": "Dit rapport bevat alleen informatie waarvan de "
    "behandelcode rechtmatig delen toestaat, in een formulering die de bron niet prijsgeeft. "
    "Elk item draagt zijn waardering in het eigen schema; waar de behandelcode voorwaarden "
    "stelt, binden die iedere ontvanger. Data zijn de dag waarop de informatie is "
    "verkregen, in UTC (gecoördineerde wereldtijd), niet in lokale tijd.",
    "Period {start} to {end}": "Periode {start} tot en met {end}",
    "{reference} — information obtained on {day}": "{reference} — informatie verkregen op {day}",
    "No.": "Nr.",
    "Information": "Informatie",
    "Grading and handling": "Waardering en behandeling",
    "Corroboration: {state}.": "Bevestiging: {state}.",
    "Exculpatory: may clear a suspect.": "Ontlastend: kan een verdachte vrijpleiten.",
    # Integrity block
    "Document integrity": "Integriteit van het document",
    "Report id: {id}": "Rapport-id: {id}",
    "Content SHA-256 (veldboek-report/1):": "SHA-256 van de inhoud (veldboek-report/1):",
    "The QR code holds the report id and this hash. The issuing vault keeps both, and the "
    "SHA-256 of the PDF file, in its register: {command} says whether it issued this file "
    "and whether the file is unaltered.": "De QR-code bevat het rapport-id en deze hash. De "
    "uitgevende kluis bewaart beide, en de SHA-256 van het PDF-bestand, in haar register: "
    "{command} zegt of zij dit bestand heeft uitgegeven en of het ongewijzigd is.",
    "The QR code holds the report id and this hash. The central system keeps both, and the "
    "SHA-256 of the PDF file, in its report register: {command} says whether it issued this "
    "file and whether the file is unaltered.": "De QR-code bevat het rapport-id en deze hash. "
    "Het centrale systeem bewaart beide, en de SHA-256 van het PDF-bestand, in zijn "
    "rapportregister: {command} zegt of het dit bestand heeft uitgegeven en of het ongewijzigd "
    "is.",
    # Grading labels (app.domain.grading), as the interface translates them
    "Reliable": "Betrouwbaar",
    "Untested": "Niet getoetst",
    "Not reliable": "Niet betrouwbaar",
    "Known directly to the source": "Rechtstreeks bekend bij de bron",
    "Known indirectly to the source but corroborated": "Indirect bekend bij de bron, maar "
    "bevestigd",
    "Known indirectly to the source": "Indirect bekend bij de bron",
    "Not known": "Onbekend",
    "Suspected to be false or malicious": "Vermoedelijk onjuist of kwaadwillig",
    "Lawful sharing permitted": "Rechtmatig delen toegestaan",
    "Lawful sharing permitted with conditions": "Rechtmatig delen toegestaan onder voorwaarden",
    "Always reliable": "Altijd betrouwbaar",
    "Mostly reliable": "Meestal betrouwbaar",
    "Sometimes reliable": "Soms betrouwbaar",
    "Unreliable": "Onbetrouwbaar",
    "Untested source": "Niet getoetste bron",
    "Known to be true without reservation": "Zonder voorbehoud waar",
    "Known personally to the source but not to the officer": "Persoonlijk bekend bij de bron, "
    "niet bij de ambtenaar",
    "Not personally known to the source but corroborated": "Niet persoonlijk bekend bij de "
    "bron, maar bevestigd",
    "Cannot be judged": "Niet te beoordelen",
    "Suspected to be false": "Vermoedelijk onjuist",
    "May be disseminated to other law enforcement agencies": "Mag worden verstrekt aan andere "
    "opsporingsdiensten",
    "May be disseminated to non-prosecuting parties": "Mag worden verstrekt aan "
    "niet-vervolgende partijen",
    "May be disseminated to non-EU agencies": "Mag worden verstrekt aan diensten buiten de EU",
    "Only within the originating agency": "Alleen binnen de eigen dienst",
    "No further dissemination: refer to the originator; special handling requirements "
    "imposed by the officer who authorised collection": (
        "Geen verdere verspreiding: verwijs naar de opsteller; bijzondere behandelingseisen "
        "opgelegd door de functionaris die de verzameling heeft goedgekeurd"
    ),
    "Completely reliable": "Volledig betrouwbaar",
    "Usually reliable": "Doorgaans betrouwbaar",
    "Fairly reliable": "Redelijk betrouwbaar",
    "Not usually reliable": "Doorgaans niet betrouwbaar",
    "Reliability cannot be judged": "Betrouwbaarheid niet te beoordelen",
    "Confirmed by other sources": "Bevestigd door andere bronnen",
    "Probably true": "Waarschijnlijk waar",
    "Possibly true": "Mogelijk waar",
    "Doubtful": "Twijfelachtig",
    "Improbable": "Onwaarschijnlijk",
    "Truth cannot be judged": "Waarheid niet te beoordelen",
}

NL.update(MANAGEMENT_NL)


@dataclass(frozen=True)
class Labels:
    """Fixed report text in one language: call it with the English text."""

    language: str = DEFAULT_LANGUAGE

    def __call__(self, text: str, **values: object) -> str:
        template = NL.get(text, text) if self.language == "nl" else text
        return template.format(**values) if values else template

    def count(self, n: int, noun: str) -> str:
        """``1 debrief``, ``2 debriefs``; nouns: debrief, item, draft."""
        return self(f"1 {noun}") if n == 1 else self(f"{{n}} {noun}s", n=n)


def checked(language: str) -> str:
    """``language`` if reports can be printed in it; ValueError otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"report language must be one of {', '.join(LANGUAGES)}")
    return language


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The report language the environment's locale asks for (as POSIX programs
    read it: LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English unless it is Dutch."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            first = value.split(":")[0].lower()
            return "nl" if first.startswith("nl") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def resolve(choice: str, environ: Mapping[str, str] | None = None) -> str:
    """A stored interface-language choice (``system``, ``en``, ``nl``) as a report
    language."""
    return choice if choice in LANGUAGES else system_language(environ)
