"""Dutch text of the management report's fixed words (merged into
``app.reports.labels.NL``; kept apart to keep that catalogue readable)."""

from __future__ import annotations

NL: dict[str, str] = {
    "Management information": "Managementinformatie",
    "overdue counted on {day}": "achterstand geteld op {day}",
    "From the central system: {n} team.": "Uit het centrale systeem: {n} team.",
    "From the central system: {n} teams.": "Uit het centrale systeem: {n} teams.",
    "From a handler's vault: its own team only.": "Uit de kluis van een teamleider: alleen "
    "het eigen team.",
    "No codename, alias or name appears in this report. Every count below 5 is shown as "
    "“< 5”; a figure shown as “×” is withheld so that a count below 5 cannot be worked out "
    "from the totals. Charts draw a hidden figure as a hatched bar of one fixed height.": "In "
    "dit rapport staat geen codenaam, alias of naam. Elk aantal onder 5 staat er als “< 5”; "
    "een getal weergegeven als “×” is weggelaten zodat een aantal onder 5 niet uit de totalen "
    "valt af te leiden. Grafieken tekenen een verborgen getal als een gearceerde staaf van "
    "één vaste hoogte.",
    "Active sources by kind (status as last reported)": "Actieve bronnen per soort (status "
    "zoals laatst gemeld)",
    "Team": "Team",
    "Total": "Totaal",
    "All teams": "Alle teams",
    "This vault": "Deze kluis",
    "Informant": "Informant",
    "Civilian informant": "Burgerinformant",
    "Conversation contact": "Gesprekscontact",
    "Contacts per month": "Contacten per maand",
    "Debrief turnaround: submitted to approved": "Doorlooptijd van debriefings: van "
    "ingediend tot goedgekeurd",
    "Debriefs approved in the period, by working days from submission to approval against "
    "the norm of {n} working days (Monday to Friday, without the public holidays of the "
    "Algemene termijnenwet).": "Debriefings goedgekeurd in de periode, naar werkdagen van "
    "indienen tot goedkeuren, getoetst aan de norm van {n} werkdagen (maandag tot en met "
    "vrijdag, zonder de feestdagen van de Algemene termijnenwet).",
    "Within the norm": "Binnen de norm",
    "Over the norm": "Over de norm",
    "Median working days: {values}": "Mediaan in werkdagen: {values}",
    "fewer than 5": "minder dan 5",
    "Approved within and over the norm": "Goedgekeurd binnen en over de norm",
    "Submitted in the period and not approved by its end (as held here):": "Ingediend in de "
    "periode en aan het eind ervan niet goedgekeurd (zoals hier bekend):",
    "Waiting, within the norm": "Wacht, binnen de norm",
    "Waiting, over the norm": "Wacht, over de norm",
    "Grading of intelligence items": "Waardering van informatie-items",
    "Grading of intelligence items: scheme {scheme}": "Waardering van informatie-items: "
    "schema {scheme}",
    "Overdue reviews and risk assessments on {day} (active sources)": "Achterstallige "
    "evaluaties en risicotaxaties op {day} (actieve bronnen)",
    "Risk review overdue": "Herbeoordeling risico verlopen",
    "No risk assessment": "Geen risicotaxatie",
    "Contract review overdue": "Evaluatie contract verlopen",
    "Suitability review overdue": "Evaluatie geschiktheid verlopen",
    "Payments per month": "Betalingen per maand",
    "Payments per month ({currency})": "Betalingen per maand ({currency})",
    "A sum is shown only where at least 5 payments to at least 5 sources make it and no source "
    "received more than 85% of it; every other sum is withheld (“×”).": "Een bedrag staat er "
    "alleen waar het uit minstens 5 betalingen aan minstens 5 bronnen bestaat en geen bron er "
    "meer dan 85% van ontving; elk ander bedrag is weggelaten (“×”).",
    "Number of payments": "Aantal betalingen",
    "Amount paid": "Betaald bedrag",
    "Amount paid per month ({currency})": "Betaald bedrag per maand ({currency})",
    "Packages received": "Ontvangen pakketten",
    "In order": "Op volgorde",
    "After a gap": "Na een gat",
    "Late (filled a gap)": "Te laat (vulde een gat)",
    "Deconfliction matches": "Deconflictie-overeenkomsten",
    "Opened": "Geopend",
    "Resolved: same person": "Afgehandeld: dezelfde persoon",
    "Resolved: different people": "Afgehandeld: verschillende personen",
    "Open at the end": "Open aan het eind",
    "Matches are made by the central system. A vault keeps only the notices central sent of "
    "its team's matches; they are not counted here.": "Overeenkomsten vindt het centrale "
    "systeem. Een kluis bewaart alleen de meldingen die het centrale systeem stuurde over de "
    "overeenkomsten van het eigen team; die worden hier niet geteld.",
    "Payments per month (other currencies)": "Betalingen per maand (andere valuta)",
    "Amounts in different currencies are not added up.": "Bedragen in verschillende valuta "
    "worden niet bij elkaar opgeteld.",
    "Notes": "Opmerkingen",
    "Made on {when}.": "Gemaakt op {when}.",
    "Central learns of an approval only when a debrief version carrying it arrives.": "Het "
    "centrale systeem hoort van een goedkeuring pas als een versie van de debriefing die haar "
    "draagt binnenkomt.",
    "Payments are counted from the payment records of format 3 packages and from the payments "
    "inside the newest version of each format 2 debrief.": "Betalingen worden geteld uit de "
    "betalingsgegevens van pakketten in formaat 3 en uit de betalingen in de nieuwste versie "
    "van elke debriefing in formaat 2.",
    "Figures of the files the alias that made this report may see in this vault.": "Cijfers "
    "van de dossiers die de alias die dit rapport maakte in deze kluis mag zien.",
    "Printed on {day} by {reference} (central system; its report register resolves the "
    "reference)": "Afgedrukt op {day} door {reference} (centraal systeem; zijn rapportregister "
    "herleidt de verwijzing)",
}
