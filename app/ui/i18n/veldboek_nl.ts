<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name />
    <message>
        <location filename="../pages/debriefs.py" line="40" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="41" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="42" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="43" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="44" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>AddKeyDialog</name>
    <message>
        <location filename="../packages/key_dialog.py" line="33" />
        <source>Add a key</source>
        <translation>Sleutel toevoegen</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="39" />
        <source>Ask the key's owner to read out the fingerprint their Veldboek shows (Packages, Keys), and type it below. Do not read it to them: they read, you type. Only a matching fingerprint adds the key.</source>
        <translation>Vraag de eigenaar van de sleutel de vingerafdruk voor te lezen die zijn Veldboek toont (Pakketten, Sleutels), en typ die hieronder. Lees hem niet zelf voor: de ander leest, u typt. Alleen een kloppende vingerafdruk voegt de sleutel toe.</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="53" />
        <source>Team handler (receives my packages)</source>
        <translation>Teamleider (ontvangt mijn pakketten)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="54" />
        <source>Central system (receives my packages)</source>
        <translation>Centraal systeem (ontvangt mijn pakketten)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="55" />
        <source>Runner (sends me packages)</source>
        <translation>Runner (stuurt mij pakketten)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="68" />
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="69" />
        <source>Their role:</source>
        <translation>Hun rol:</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="70" />
        <source>Fingerprint as read out:</source>
        <translation>Voorgelezen vingerafdruk:</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="74" />
        <source>Compare and add</source>
        <translation>Vergelijken en toevoegen</translation>
    </message>
</context>
<context>
    <name>AliasBand</name>
    <message>
        <location filename="../alias_band.py" line="33" />
        <source>Act under another of your aliases</source>
        <translation>Werk onder een andere alias van u</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="34" />
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="36" />
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Kluis vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="40" />
        <source>Switch alias:</source>
        <translation>Wissel alias:</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="49" />
        <source>handler</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="49" />
        <source>runner</source>
        <translation>runner</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="51" />
        <source>Acting as &lt;b&gt;{alias}&lt;/b&gt; · {role}</source>
        <translation>U werkt als &lt;b&gt;{alias}&lt;/b&gt; · {role}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../controller.py" line="70" />
        <source>Preparing the demo vault (synthetic data)…</source>
        <translation>Demokluis wordt voorbereid (verzonnen gegevens)…</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../attachments_box.py" line="62" />
        <source>Attached files</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="69" />
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="70" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="71" />
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="72" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="78" />
        <source>Attach a file…</source>
        <translation>Bestand bijvoegen…</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="80" />
        <source>View</source>
        <translation>Bekijken</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="83" />
        <source>Save a copy…</source>
        <translation>Kopie opslaan…</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="86" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="114" />
        <source>A file to attach</source>
        <translation>Bij te voegen bestand</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="126" />
        <source>The file cannot be read or is larger than {mb} MB.</source>
        <translation>Het bestand is onleesbaar of groter dan {mb} MB.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="149" />
        <source>Veldboek shows only images itself. Other files can be saved as a copy, which leaves an unencrypted file on this computer.</source>
        <translation>Veldboek toont zelf alleen afbeeldingen. Andere bestanden kunt u als kopie opslaan; dan staat er een onversleuteld bestand op deze computer.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="176" />
        <source>Save an unencrypted copy</source>
        <translation>Onversleutelde kopie opslaan</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="178" />
        <source>The copy is not encrypted: anyone with this computer or the stick can read it. Save it only where the file's classification allows, and destroy it when done. Saving is recorded in the audit log.</source>
        <translation>De kopie is niet versleuteld: iedereen met deze computer of de stick kan hem lezen. Sla hem alleen op waar de rubricering dat toestaat en vernietig hem daarna. Het opslaan wordt in het auditlog vastgelegd.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="186" />
        <source>Save a copy</source>
        <translation>Kopie opslaan</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../pages/audit.py" line="35" />
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="36" />
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="37" />
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="38" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="39" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="51" />
        <source>Verify the whole log</source>
        <translation>Hele logboek controleren</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="64" />
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="77" />
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="86" />
        <source>The chain of {n} events is intact.</source>
        <translation>De keten van {n} gebeurtenissen is intact.</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="90" />
        <source>The log has been tampered with: {problems}</source>
        <translation>Er is met het logboek geknoeid: {problems}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../pages/settings.py" line="44" />
        <source>Change passphrase</source>
        <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="66" />
        <source>Current passphrase:</source>
        <translation>Huidige wachtzin:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="67" />
        <source>New passphrase:</source>
        <translation>Nieuwe wachtzin:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="68" />
        <source>New passphrase again:</source>
        <translation>Nieuwe wachtzin nogmaals:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="74" />
        <source>The two new passphrases differ.</source>
        <translation>De twee nieuwe wachtzinnen verschillen.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="84" />
        <source>Changing…</source>
        <translation>Bezig met wijzigen…</translation>
    </message>
</context>
<context>
    <name>CloseTaskingDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="52" />
        <source>Close tasking</source>
        <translation>Opdracht afsluiten</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="55" />
        <source>Done</source>
        <translation>Uitgevoerd</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="56" />
        <source>Cancelled</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="57" />
        <source>What came of it</source>
        <translation>Wat het opleverde</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="58" />
        <source>Result:</source>
        <translation>Resultaat:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="59" />
        <source>Outcome:</source>
        <translation>Uitkomst:</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../dialogs/contact_form.py" line="29" />
        <source>New contact with {codename}</source>
        <translation>Nieuw contact met {codename}</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="40" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="44" />
        <source>Location codeword, never an address</source>
        <translation>Codewoord van de locatie, nooit een adres</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="55" />
        <source>Reconnaissance of place and route</source>
        <translation>Voorverkenning van plaats en route</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="57" />
        <source>Safety observations</source>
        <translation>Waarnemingen over veiligheid</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="63" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="64" />
        <source>When:</source>
        <translation>Wanneer:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="65" />
        <source>Duration:</source>
        <translation>Duur:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="66" />
        <source>Location:</source>
        <translation>Locatie:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="67" />
        <source>Attendees (by alias):</source>
        <translation>Aanwezigen (op alias):</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="68" />
        <source>Reconnaissance:</source>
        <translation>Voorverkenning:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="69" />
        <source>Safety:</source>
        <translation>Veiligheid:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="70" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message>
        <location filename="../pages/debrief_editor.py" line="67" />
        <source>← Back</source>
        <translation>← Terug</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="85" />
        <source>What happened and what the source reported</source>
        <translation>Wat er gebeurde en wat de bron meldde</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="87" />
        <source>How the source is doing</source>
        <translation>Hoe het met de bron gaat</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="89" />
        <source>Anything that threatens the source or the operation</source>
        <translation>Alles wat de bron of de operatie bedreigt</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="91" />
        <source>Your assessment of the information</source>
        <translation>Uw beoordeling van de informatie</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="95" />
        <source>How could this be misread? Is anything exculpatory? (required before submitting)</source>
        <translation>Hoe kan dit verkeerd worden gelezen? Is er iets ontlastends? (verplicht voor indienen)</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="108" />
        <source>Narrative:</source>
        <translation>Verslag:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="109" />
        <source>Welfare:</source>
        <translation>Welzijn:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="110" />
        <source>Security:</source>
        <translation>Veiligheid:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="111" />
        <source>Assessment:</source>
        <translation>Beoordeling:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="112" />
        <source>Critical reflection:</source>
        <translation>Kritische reflectie:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="122" />
        <source>Grading</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="123" />
        <source>Checked</source>
        <translation>Getoetst</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="125" />
        <source>Exculpatory</source>
        <translation>Ontlastend</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="126" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="129" />
        <source>Subjects</source>
        <translation>Subjecten</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="130" />
        <source>Reported</source>
        <translation>Gemeld</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="136" />
        <source>Add item…</source>
        <translation>Item toevoegen…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="138" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="140" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="153" />
        <source>Other debriefs mentioning a subject of the selected item</source>
        <translation>Andere debriefings die een subject van het gekozen item noemen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="160" />
        <source>Tasking given…</source>
        <translation>Gegeven opdracht…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="162" />
        <source>Payment or offer…</source>
        <translation>Betaling of aanbod…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="175" />
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="176" />
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="177" />
        <source>Addendum</source>
        <translation>Aanvulling</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="184" />
        <source>Add to the submitted debrief</source>
        <translation>Aanvulling op de ingediende debriefing</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="185" />
        <source>Add addendum</source>
        <translation>Aanvulling toevoegen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="191" />
        <source>Addenda</source>
        <translation>Aanvullingen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="197" />
        <source>Submit to handler</source>
        <translation>Indienen bij teamleider</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="199" />
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="201" />
        <source>Return to runner…</source>
        <translation>Terugsturen naar runner…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="206" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="238" />
        <source>Debrief</source>
        <translation>Debriefing</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="274" />
        <source>written by {author}</source>
        <translation>geschreven door {author}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="282" />
        <source>Returned by {who}: {comment} — answer with an addendum, then submit again.</source>
        <translation>Teruggestuurd door {who}: {comment} — beantwoord dit met een aanvulling en dien opnieuw in.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="286" />
        <source>Approved by {who}.</source>
        <translation>Goedgekeurd door {who}.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="296" />
        <source>Tasking: {t}</source>
        <translation>Opdracht: {t}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="298" />
        <source>{kind} {amount:.2f} {cur}</source>
        <translation>{kind} {amount:.2f} {cur}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="305" />
        <source>sent in package {id} (version {n})</source>
        <translation>verzonden in pakket {id} (versie {n})</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="320" />
        <source>Read-only: submitted debriefs grow by addenda.</source>
        <translation>Alleen-lezen: een ingediende debriefing groeit alleen met aanvullingen.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="332" />
        <source>Conditions: {c}</source>
        <translation>Voorwaarden: {c}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="340" />
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="359" />
        <source>Saved {time}</source>
        <translation>Opgeslagen {time}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="453" />
        <location filename="../pages/debrief_editor.py" line="464" />
        <source>Not submitted</source>
        <translation>Niet ingediend</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="455" />
        <source>Cannot submit yet; still missing:</source>
        <translation>Kan nog niet indienen; dit ontbreekt nog:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="476" />
        <source>the narrative</source>
        <translation>het verslag</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="477" />
        <source>the critical reflection</source>
        <translation>de kritische reflectie</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="478" />
        <source>what the source reported</source>
        <translation>wat de bron meldde</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="479" />
        <source>the source evaluation</source>
        <translation>de bronwaardering</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="480" />
        <source>the intelligence assessment</source>
        <translation>de informatiewaardering</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="481" />
        <source>the handling code</source>
        <translation>de behandelcode</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="482" />
        <source>the handling conditions</source>
        <translation>de voorwaarden bij de behandelcode</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="487" />
        <source>item {n}: {what}</source>
        <translation>item {n}: {what}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="503" />
        <source>Return to runner</source>
        <translation>Terugsturen naar runner</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="503" />
        <source>What must the runner clarify or add?</source>
        <translation>Wat moet de runner verduidelijken of aanvullen?</translation>
    </message>
</context>
<context>
    <name>DebriefsPage</name>
    <message>
        <location filename="../pages/debriefs.py" line="58" />
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="75" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="85" />
        <source>Debriefs</source>
        <translation>Debriefings</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="112" />
        <source>{n} debriefs in your files</source>
        <translation>{n} debriefings in uw dossiers</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="21" />
        <source>Something went wrong ({kind}). This is a bug; nothing was lost that was saved.</source>
        <translation>Er ging iets mis ({kind}). Dit is een fout in Veldboek; wat al was opgeslagen is niet verloren.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="29" />
        <source>Veldboek</source>
        <translation>Veldboek</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="214" />
        <source>Veldboek — new vault</source>
        <translation>Veldboek — nieuwe kluis</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="248" />
        <source>Your vault is ready.</source>
        <translation>Uw kluis is klaar.</translation>
    </message>
</context>
<context>
    <name>Grading</name>
    <message>
        <location filename="../labels.py" line="74" />
        <source>Reliable</source>
        <translation>Betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="75" />
        <source>Untested</source>
        <translation>Niet getoetst</translation>
    </message>
    <message>
        <location filename="../labels.py" line="76" />
        <source>Not reliable</source>
        <translation>Niet betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77" />
        <source>Known directly to the source</source>
        <translation>Rechtstreeks bekend bij de bron</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78" />
        <source>Known indirectly to the source but corroborated</source>
        <translation>Indirect bekend bij de bron, maar bevestigd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79" />
        <source>Known indirectly to the source</source>
        <translation>Indirect bekend bij de bron</translation>
    </message>
    <message>
        <location filename="../labels.py" line="80" />
        <source>Not known</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../labels.py" line="81" />
        <source>Suspected to be false or malicious</source>
        <translation>Vermoedelijk onjuist of kwaadwillig</translation>
    </message>
    <message>
        <location filename="../labels.py" line="82" />
        <source>Lawful sharing permitted</source>
        <translation>Rechtmatig delen toegestaan</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83" />
        <source>Lawful sharing permitted with conditions</source>
        <translation>Rechtmatig delen toegestaan onder voorwaarden</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84" />
        <source>Always reliable</source>
        <translation>Altijd betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="85" />
        <source>Mostly reliable</source>
        <translation>Meestal betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="86" />
        <source>Sometimes reliable</source>
        <translation>Soms betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="87" />
        <source>Unreliable</source>
        <translation>Onbetrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="88" />
        <source>Untested source</source>
        <translation>Niet getoetste bron</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89" />
        <source>Known to be true without reservation</source>
        <translation>Zonder voorbehoud waar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90" />
        <source>Known personally to the source but not to the officer</source>
        <translation>Persoonlijk bekend bij de bron, niet bij de ambtenaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="91" />
        <source>Not personally known to the source but corroborated</source>
        <translation>Niet persoonlijk bekend bij de bron, maar bevestigd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="92" />
        <source>Cannot be judged</source>
        <translation>Niet te beoordelen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="93" />
        <source>Suspected to be false</source>
        <translation>Vermoedelijk onjuist</translation>
    </message>
    <message>
        <location filename="../labels.py" line="94" />
        <source>May be disseminated to other law enforcement agencies</source>
        <translation>Mag worden verstrekt aan andere opsporingsdiensten</translation>
    </message>
    <message>
        <location filename="../labels.py" line="95" />
        <source>May be disseminated to non-prosecuting parties</source>
        <translation>Mag worden verstrekt aan niet-vervolgende partijen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="96" />
        <source>May be disseminated to non-EU agencies</source>
        <translation>Mag worden verstrekt aan diensten buiten de EU</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97" />
        <source>Only within the originating agency</source>
        <translation>Alleen binnen de eigen dienst</translation>
    </message>
    <message>
        <location filename="../labels.py" line="98" />
        <source>Special handling conditions</source>
        <translation>Bijzondere voorwaarden</translation>
    </message>
    <message>
        <location filename="../labels.py" line="99" />
        <source>Completely reliable</source>
        <translation>Volledig betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="100" />
        <source>Usually reliable</source>
        <translation>Doorgaans betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="101" />
        <source>Fairly reliable</source>
        <translation>Redelijk betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="102" />
        <source>Not usually reliable</source>
        <translation>Doorgaans niet betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="103" />
        <source>Reliability cannot be judged</source>
        <translation>Betrouwbaarheid niet te beoordelen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="104" />
        <source>Confirmed by other sources</source>
        <translation>Bevestigd door andere bronnen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="105" />
        <source>Probably true</source>
        <translation>Waarschijnlijk waar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="106" />
        <source>Possibly true</source>
        <translation>Mogelijk waar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="107" />
        <source>Doubtful</source>
        <translation>Twijfelachtig</translation>
    </message>
    <message>
        <location filename="../labels.py" line="108" />
        <source>Improbable</source>
        <translation>Onwaarschijnlijk</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109" />
        <source>Truth cannot be judged</source>
        <translation>Waarheid niet te beoordelen</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="32" />
        <source>Risk review</source>
        <translation>Risicoherziening</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="33" />
        <source>Tasking deadline</source>
        <translation>Termijn opdracht</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="34" />
        <source>Contract review</source>
        <translation>Herziening contract</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="35" />
        <source>Suitability review</source>
        <translation>Herbeoordeling geschiktheid</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="45" />
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="46" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="47" />
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="48" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="68" />
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="80" />
        <source>{n} reminders in the next {days} days, {late} overdue.</source>
        <translation>{n} herinneringen in de komende {days} dagen, {late} verlopen.</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../attachments_box.py" line="49" />
        <source>This image cannot be shown.</source>
        <translation>Deze afbeelding kan niet worden getoond.</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="150" />
        <source>Instruction to the source</source>
        <translation>Instructie aan de bron</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="152" />
        <source>What the source was told they may and may not do</source>
        <translation>Wat de bron wel en niet mag doen</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="153" />
        <source>Instruction:</source>
        <translation>Instructie:</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../dialogs/item_dialog.py" line="95" />
        <source>Edit intelligence item</source>
        <translation>Informatie-item bewerken</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="95" />
        <source>New intelligence item</source>
        <translation>Nieuw informatie-item</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="103" />
        <source>What the source reported, in their words</source>
        <translation>Wat de bron meldde, in diens woorden</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="106" />
        <source>The same information worded so that it cannot point to the source</source>
        <translation>Dezelfde informatie zo verwoord dat ze niet naar de bron kan wijzen</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="119" />
        <source>Conditions for sharing (required for C)</source>
        <translation>Voorwaarden voor delen (verplicht bij C)</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="122" />
        <source>Exculpatory: this could clear a suspect</source>
        <translation>Ontlastend: dit kan een verdachte vrijpleiten</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="129" />
        <source>Reported:</source>
        <translation>Gemeld:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="130" />
        <source>Sanitised wording:</source>
        <translation>Geschoonde tekst:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="131" />
        <source>Grading scheme:</source>
        <translation>Waarderingsschema:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="132" />
        <source>Source evaluation:</source>
        <translation>Bronwaardering:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="133" />
        <source>Intelligence assessment:</source>
        <translation>Informatiewaardering:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="134" />
        <source>Handling code:</source>
        <translation>Behandelcode:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="135" />
        <source>Conditions:</source>
        <translation>Voorwaarden:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="137" />
        <source>Checked against other information:</source>
        <translation>Getoetst aan andere informatie:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="139" />
        <source>Subjects:</source>
        <translation>Subjecten:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="158" />
        <source>— choose —</source>
        <translation>— kies —</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="169" />
        <source>This handling code keeps the item out of sanitised reports.</source>
        <translation>Met deze behandelcode blijft het item buiten geschoonde rapporten.</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="173" />
        <source>Record the conditions under which it may be shared.</source>
        <translation>Leg vast onder welke voorwaarden het gedeeld mag worden.</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="212" />
        <source>Write down what the source reported.</source>
        <translation>Schrijf op wat de bron meldde.</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <location filename="../packages/keys_tab.py" line="48" />
        <source>Save my public key…</source>
        <translation>Mijn publieke sleutel opslaan…</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="55" />
        <source>Read this fingerprint out to the person who adds your key, or let them compare the QR code with their camera:</source>
        <translation>Lees deze vingerafdruk voor aan wie uw sleutel toevoegt, of laat de QR-code met een camera vergelijken:</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="64" />
        <source>This vault's key</source>
        <translation>Sleutel van deze kluis</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="71" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="72" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="73" />
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="75" />
        <source>Fingerprint</source>
        <translation>Vingerafdruk</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="77" />
        <source>{fp} (retired)</source>
        <translation>{fp} (ingetrokken)</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="83" />
        <source>Add a key…</source>
        <translation>Sleutel toevoegen…</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="84" />
        <location filename="../packages/keys_tab.py" line="164" />
        <source>Retire</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="85" />
        <source>Keys I exchange packages with</source>
        <translation>Sleutels waarmee ik pakketten uitwissel</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="94" />
        <source>team handler</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="95" />
        <source>central system</source>
        <translation>centraal systeem</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="96" />
        <source>runner</source>
        <translation>runner</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="103" />
        <source>Key id {hex}</source>
        <translation>Sleutel-id {hex}</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="118" />
        <source>Save my public key</source>
        <translation>Mijn publieke sleutel opslaan</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="133" />
        <source>A key to add</source>
        <translation>Toe te voegen sleutel</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="133" />
        <source>Veldboek keys (*.veldboek-key);;All files (*)</source>
        <translation>Veldboek-sleutels (*.veldboek-key);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="157" />
        <source>Retire key</source>
        <translation>Sleutel intrekken</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="160" />
        <source>Retire the key of {name}? Packages will no longer go to it, and nothing it signs will be accepted.</source>
        <translation>De sleutel van {name} intrekken? Er gaan dan geen pakketten meer naartoe en niets wat ermee is ondertekend wordt nog aanvaard.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="27" />
        <source>Informant</source>
        <translation>Informant</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28" />
        <source>Civilian informant</source>
        <translation>Burgerinformant</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29" />
        <source>Conversation contact</source>
        <translation>Gesprekscontact</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30" />
        <source>Candidate</source>
        <translation>Kandidaat</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31" />
        <source>Under assessment</source>
        <translation>In beoordeling</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32" />
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33" />
        <source>Suspended</source>
        <translation>Opgeschort</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34" />
        <source>Closed</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35" />
        <source>Meeting</source>
        <translation>Ontmoeting</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36" />
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37" />
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38" />
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39" />
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40" />
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41" />
        <source>Returned</source>
        <translation>Teruggestuurd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42" />
        <source>3x5x2 (default)</source>
        <translation>3x5x2 (standaard)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43" />
        <source>5x5x5</source>
        <translation>5x5x5</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44" />
        <source>Admiralty (NATO)</source>
        <translation>Admiralty (NAVO)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45" />
        <source>Not yet checked</source>
        <translation>Nog niet getoetst</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46" />
        <source>Corroborated</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47" />
        <source>Contradicted</source>
        <translation>Weerlegd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48" />
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49" />
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50" />
        <source>Vehicle</source>
        <translation>Voertuig</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53" />
        <source>Done</source>
        <translation>Uitgevoerd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54" />
        <source>Cancelled</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55" />
        <source>Reward</source>
        <translation>Beloning</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56" />
        <source>Expense</source>
        <translation>Onkosten</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57" />
        <source>Offer</source>
        <translation>Aanbod</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58" />
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59" />
        <source>Medium</source>
        <translation>Gemiddeld</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60" />
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61" />
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <location filename="../packages/log_tab.py" line="26" />
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="27" />
        <source>Way</source>
        <translation>Richting</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="28" />
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="29" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="30" />
        <source>With</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="31" />
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="36" />
        <source>Write again…</source>
        <translation>Opnieuw schrijven…</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="46" />
        <source>receipt sent</source>
        <translation>ontvangstbewijs verzonden</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="46" />
        <source>receipt received</source>
        <translation>ontvangstbewijs ontvangen</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="47" />
        <source>package sent</source>
        <translation>pakket verzonden</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="47" />
        <source>package received</source>
        <translation>pakket ontvangen</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="51" />
        <source>confirmed {when}</source>
        <translation>bevestigd {when}</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="53" />
        <source>awaiting receipt</source>
        <translation>wacht op ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="67" />
        <source>Select a sent package that is still awaiting its receipt.</source>
        <translation>Kies een verzonden pakket dat nog op zijn ontvangstbewijs wacht.</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="70" />
        <source>Folder to write the package to</source>
        <translation>Map om het pakket in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="80" />
        <source>Written again: {path}</source>
        <translation>Opnieuw geschreven: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="55" />
        <source>Veldboek</source>
        <translation>Veldboek</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="100" />
        <source>Locks itself after {m} min without activity. Panic key: F12.</source>
        <translation>Vergrendelt na {m} min zonder activiteit. Paniektoets: F12.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="140" />
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="143" />
        <source>Panic: lock and hide</source>
        <translation>Paniek: vergrendelen en verbergen</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145" />
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147" />
        <source>Meeting mode</source>
        <translation>Ontmoetingsmodus</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150" />
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235" />
        <source>Open a source's file or debrief first, then press Ctrl+M.</source>
        <translation>Open eerst een brondossier of debriefing en druk dan op Ctrl+M.</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <location filename="../meeting_mode.py" line="55" />
        <source>Quick notes; they become a contact and a draft debrief</source>
        <translation>Snelle notities; ze worden een contact en een concept-debriefing</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="59" />
        <source>End meeting…</source>
        <translation>Ontmoeting beëindigen…</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="74" />
        <source>Open tasking:</source>
        <translation>Openstaande opdrachten:</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="76" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="82" />
        <source>End meeting</source>
        <translation>Ontmoeting beëindigen</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="82" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="90" />
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="98" />
        <source>Wrong passphrase; still in meeting mode.</source>
        <translation>Verkeerde wachtzin; nog in ontmoetingsmodus.</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <location filename="../packages/common.py" line="45" />
        <source>The file is too large to be a Veldboek package or key.</source>
        <translation>Het bestand is te groot voor een Veldboek-pakket of -sleutel.</translation>
    </message>
    <message>
        <location filename="../packages/common.py" line="52" />
        <source>Cannot read {name}: {why}.</source>
        <translation>{name} is niet te lezen: {why}.</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../pages/packages.py" line="29" />
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="30" />
        <source>Receive</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="31" />
        <source>Log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="32" />
        <source>Keys</source>
        <translation>Sleutels</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="38" />
        <source>Packages</source>
        <translation>Pakketten</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="77" />
        <source>Payment or offer</source>
        <translation>Betaling of aanbod</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="91" />
        <location filename="../dialogs/records.py" line="92" />
        <source>— none —</source>
        <translation>— geen —</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="97" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="98" />
        <source>Amount:</source>
        <translation>Bedrag:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="99" />
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="100" />
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="101" />
        <source>Witness (alias):</source>
        <translation>Getuige (alias):</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="102" />
        <source>Approved by (alias):</source>
        <translation>Goedgekeurd door (alias):</translation>
    </message>
</context>
<context>
    <name>ReceiveTab</name>
    <message>
        <location filename="../packages/receive_tab.py" line="49" />
        <source>Check and import a package…</source>
        <translation>Pakket controleren en inlezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="56" />
        <source>Issue a receipt…</source>
        <translation>Ontvangstbewijs maken…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="59" />
        <source>Packages from runners (handler)</source>
        <translation>Pakketten van runners (teamleider)</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="69" />
        <source>Take in a receipt…</source>
        <translation>Ontvangstbewijs inlezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="72" />
        <source>Receipts from the handler (runner)</source>
        <translation>Ontvangstbewijzen van de teamleider (runner)</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="97" />
        <source>Missing from {peer}: package(s) {numbers}</source>
        <translation>Ontbreekt van {peer}: pakket(ten) {numbers}</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="106" />
        <source>After a receipt this vault keeps everything (Settings).</source>
        <translation>Na een ontvangstbewijs houdt deze kluis alles (Instellingen).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="108" />
        <source>After a receipt, confirmed debriefs are deleted from this vault (Settings).</source>
        <translation>Na een ontvangstbewijs worden bevestigde debriefings uit deze kluis verwijderd (Instellingen).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="111" />
        <source>After a receipt, confirmed debriefs are deleted and the vault file is rebuilt so no trace of them remains (Settings).</source>
        <translation>Na een ontvangstbewijs worden bevestigde debriefings verwijderd en wordt het kluisbestand opnieuw opgebouwd, zodat er geen spoor van achterblijft (Instellingen).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="128" />
        <source>A package to import</source>
        <translation>In te lezen pakket</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="137" />
        <source>Checking the package…</source>
        <translation>Pakket wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="148" />
        <source>Refused: this package was already imported.</source>
        <translation>Geweigerd: dit pakket is al ingelezen.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="150" />
        <source>Refused: another package with this number was already imported.</source>
        <translation>Geweigerd: er is al een ander pakket met dit nummer ingelezen.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="156" />
        <source>Import package</source>
        <translation>Pakket inlezen</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="159" />
        <source>Package {n} from {sender} is intact and signed by their key (fingerprint {short}…): {records} debrief(s), {files} file(s).</source>
        <translation>Pakket {n} van {sender} is ongeschonden en ondertekend met diens sleutel (vingerafdruk {short}…): {records} debriefing(s), {files} bestand(en).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="171" />
        <source>Import</source>
        <translation>Inlezen</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="180" />
        <source>Importing the package…</source>
        <translation>Pakket wordt ingelezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="193" />
        <source>Imported package {n} from {sender}: {new} new, {updated} newer version(s), {unchanged} unchanged, {older} older version(s) kept as history.</source>
        <translation>Pakket {n} van {sender} ingelezen: {new} nieuw, {updated} nieuwere versie(s), {unchanged} ongewijzigd, {older} oudere versie(s) als geschiedenis bewaard.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="208" />
        <source>Refused: {why}</source>
        <translation>Geweigerd: {why}</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="216" />
        <source>Folder to write the receipt to</source>
        <translation>Map om het ontvangstbewijs in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="220" />
        <source>Sealing the receipt…</source>
        <translation>Ontvangstbewijs wordt verzegeld…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="231" />
        <source>Receipt for {n} package(s), with {reviews} review(s), written to {path}.</source>
        <translation>Ontvangstbewijs voor {n} pakket(ten), met {reviews} beoordeling(en), geschreven naar {path}.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="236" />
        <source>A receipt to take in</source>
        <translation>In te lezen ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="245" />
        <source>Taking in the receipt…</source>
        <translation>Ontvangstbewijs wordt ingelezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="256" />
        <source>Receipt from {sender}: {n} package(s) confirmed, {reviews} review(s) taken in, {purged} debrief(s) removed from this vault.</source>
        <translation>Ontvangstbewijs van {sender}: {n} pakket(ten) bevestigd, {reviews} beoordeling(en) overgenomen, {purged} debriefing(s) uit deze kluis verwijderd.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="265" />
        <source>Receipt taken in</source>
        <translation>Ontvangstbewijs ingelezen</translation>
    </message>
</context>
<context>
    <name>RecordIdentityDialog</name>
    <message>
        <location filename="../dialogs/identity.py" line="36" />
        <source>Record true identity</source>
        <translation>Ware identiteit vastleggen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="40" />
        <source>These fields are sealed as soon as you press OK. Veldboek never shows them again unless someone reveals them on purpose, with the passphrase and a reason.</source>
        <translation>Deze velden worden verzegeld zodra u op OK drukt. Veldboek toont ze nooit meer, tenzij iemand ze bewust onthult, met de wachtzin en een reden.</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="49" />
        <source>One address per line</source>
        <translation>Eén adres per regel</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="50" />
        <source>One number per line</source>
        <translation>Eén nummer per regel</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="53" />
        <source>Full name:</source>
        <translation>Volledige naam:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="54" />
        <source>Date of birth:</source>
        <translation>Geboortedatum:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="55" />
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="56" />
        <source>Phone numbers:</source>
        <translation>Telefoonnummers:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="57" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
</context>
<context>
    <name>ReliabilityDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="163" />
        <source>Reliability review</source>
        <translation>Herziening betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="167" />
        <source>1 — Reliable</source>
        <translation>1 — Betrouwbaar</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="168" />
        <source>2 — Untested</source>
        <translation>2 — Niet getoetst</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="169" />
        <source>3 — Not reliable</source>
        <translation>3 — Niet betrouwbaar</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="172" />
        <source>Why: what was corroborated or contradicted</source>
        <translation>Waarom: wat werd bevestigd of weerlegd</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="173" />
        <source>Evaluation:</source>
        <translation>Waardering:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="174" />
        <source>Rationale:</source>
        <translation>Onderbouwing:</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../report_preview.py" line="141" />
        <location filename="../report_preview.py" line="241" />
        <source>Report preview</source>
        <translation>Voorbeeld van rapport</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="153" />
        <source>{title} · {marking} · report {report_id} · {pages} page(s)</source>
        <translation>{title} · {marking} · rapport {report_id} · {pages} pagina('s)</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="159" />
        <source>Rendering pages…</source>
        <translation>Pagina's worden opgebouwd…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="171" />
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="175" />
        <source>Save PDF…</source>
        <translation>PDF opslaan…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="179" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="233" />
        <source>{pages} page(s). Nothing has been written to disk.</source>
        <translation>{pages} pagina('s). Er is niets naar schijf geschreven.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="256" />
        <source>Veldboek report</source>
        <translation>Veldboek-rapport</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="266" />
        <location filename="../report_preview.py" line="272" />
        <location filename="../report_preview.py" line="285" />
        <location filename="../report_preview.py" line="297" />
        <location filename="../report_preview.py" line="320" />
        <source>Print report</source>
        <translation>Rapport afdrukken</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="274" />
        <source>Printing to a file is not allowed here. Use Save PDF… to keep a copy: it warns you and is recorded.</source>
        <translation>Afdrukken naar een bestand kan hier niet. Gebruik PDF opslaan… om een kopie te bewaren: u krijgt een waarschuwing en het wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="285" />
        <source>The printer could not be started.</source>
        <translation>De printer kon niet worden gestart.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="289" />
        <source>Printing…</source>
        <translation>Bezig met afdrukken…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="299" />
        <source>This computer has no private folder in memory for the print job. The print system will keep the report as an unencrypted file on disk while it prints (and the printer's queue may keep a copy afterwards). Print anyway?</source>
        <translation>Deze computer heeft geen afgeschermde map in het geheugen voor de afdruktaak. Het afdruksysteem bewaart het rapport tijdens het afdrukken als onversleuteld bestand op schijf (en de wachtrij van de printer kan daarna een kopie bewaren). Toch afdrukken?</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="315" />
        <source>Sent {pages} page(s) to the printer.</source>
        <translation>{pages} pagina('s) naar de printer gestuurd.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="329" />
        <location filename="../report_preview.py" line="342" />
        <location filename="../report_preview.py" line="351" />
        <source>Save unencrypted PDF</source>
        <translation>Onversleutelde PDF opslaan</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="331" />
        <source>The PDF file will NOT be encrypted: anyone who gets the file can read it. Save it only where its marking ({marking}) allows, and destroy it when done. The save is recorded in the audit log.</source>
        <translation>Het PDF-bestand wordt NIET versleuteld: iedereen die het bestand krijgt, kan het lezen. Sla het alleen op waar de rubricering ({marking}) dat toestaat en vernietig het als u klaar bent. Het opslaan wordt in het auditlog vastgelegd.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="344" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="353" />
        <source>Saved an unencrypted copy.</source>
        <translation>Een onversleutelde kopie is opgeslagen.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../pages/reports.py" line="61" />
        <source>Choose by source and dates instead</source>
        <translation>Kies in plaats daarvan op bron en datum</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="64" />
        <source>Internal (for the unit; names the source)</source>
        <translation>Intern (voor de eenheid; noemt de bron)</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="67" />
        <source>Sanitised (for sharing; needs a handler's approval)</source>
        <translation>Geschoond (om te delen; na goedkeuring door een teamleider)</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="79" />
        <source>Make report…</source>
        <translation>Rapport maken…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="85" />
        <source>New report</source>
        <translation>Nieuw rapport</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="89" />
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="90" />
        <source>From (day written):</source>
        <translation>Van (dag van schrijven):</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="91" />
        <source>To:</source>
        <translation>Tot en met:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="92" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="94" />
        <source>Classification:</source>
        <translation>Rubricering:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="100" />
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="101" />
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="102" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="103" />
        <source>Debriefs</source>
        <translation>Debriefings</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="104" />
        <source>Marking</source>
        <translation>Rubricering</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="105" />
        <source>Decided by</source>
        <translation>Besloten door</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="110" />
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="113" />
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="116" />
        <source>Reject…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="118" />
        <source>Issue…</source>
        <translation>Uitgeven…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="119" />
        <source>Sanitised reports</source>
        <translation>Geschoonde rapporten</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="123" />
        <source>Verify a report file…</source>
        <translation>Rapportbestand controleren…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="140" />
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="148" />
        <source>One debrief: {what}</source>
        <translation>Eén debriefing: {what}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="165" />
        <source>— all sources —</source>
        <translation>— alle bronnen —</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="179" />
        <source>Awaiting approval</source>
        <translation>Wacht op goedkeuring</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="180" />
        <source>Approved: can be issued</source>
        <translation>Goedgekeurd: kan worden uitgegeven</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="181" />
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="182" />
        <source>Issued</source>
        <translation>Uitgegeven</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="193" />
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="200" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="212" />
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="224" />
        <source>Laying out the report…</source>
        <translation>Rapport wordt opgemaakt…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="246" />
        <source>The sanitised text is checked against the sources' identities: give your passphrase.</source>
        <translation>De geschoonde tekst wordt getoetst aan de identiteit van de bronnen: geef uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="252" />
        <source>Checking the sanitised text…</source>
        <translation>Geschoonde tekst wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="269" />
        <source>No identifying text found. The report now waits for a handler's approval; issue it here once approved.</source>
        <translation>Geen identificerende tekst gevonden. Het rapport wacht nu op goedkeuring door een teamleider; geef het hier uit zodra het is goedgekeurd.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="291" />
        <source>Cancelled: nothing was issued or requested.</source>
        <translation>Geannuleerd: er is niets uitgegeven of aangevraagd.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="297" />
        <source>Sanitised report refused</source>
        <translation>Geschoond rapport geweigerd</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="300" />
        <source>The sanitised text would point to the source. Change these wordings and try again:</source>
        <translation>De geschoonde tekst zou naar de bron wijzen. Pas deze formuleringen aan en probeer het opnieuw:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="308" />
        <source>Refused: {n} identifying string(s).</source>
        <translation>Geweigerd: {n} identificerende tekst(en).</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="318" />
        <source>Report {id} issued: {pages} page(s).</source>
        <translation>Rapport {id} uitgegeven: {pages} pagina('s).</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="328" />
        <source>Internal debrief report</source>
        <translation>Intern debriefingrapport</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="330" />
        <source>Sanitised intelligence report</source>
        <translation>Geschoond inlichtingenrapport</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="355" />
        <source>Select a sanitised report in the list first.</source>
        <translation>Kies eerst een geschoond rapport in de lijst.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="364" />
        <source>Laying out the preview…</source>
        <translation>Voorbeeld wordt opgemaakt…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="372" />
        <source>Sanitised report awaiting approval</source>
        <translation>Geschoond rapport dat op goedkeuring wacht</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="399" />
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="399" />
        <source>Why?</source>
        <translation>Waarom?</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="414" />
        <source>Issuing checks the text once more against the identities: give your passphrase.</source>
        <translation>Bij het uitgeven wordt de tekst nog eens aan de identiteiten getoetst: geef uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="421" />
        <source>Producing the sanitised report…</source>
        <translation>Geschoond rapport wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="445" />
        <source>Verify a report</source>
        <translation>Rapport controleren</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="445" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="456" />
        <source>Cannot read the file: {why}</source>
        <translation>Het bestand kan niet worden gelezen: {why}</translation>
    </message>
</context>
<context>
    <name>RevealIdentityDialog</name>
    <message>
        <location filename="../dialogs/identity.py" line="97" />
        <source>Reveal true identity of {codename}</source>
        <translation>Ware identiteit van {codename} onthullen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="107" />
        <source>Revealing is recorded in the audit log with your alias and reason. Make sure nobody can see your screen.</source>
        <translation>Onthullen wordt met uw alias en reden in het auditlog vastgelegd. Zorg dat niemand uw scherm kan zien.</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="117" />
        <source>Why do you need the identity now?</source>
        <translation>Waarom hebt u de identiteit nu nodig?</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="122" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="123" />
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="133" />
        <source>Hidden again in %v s</source>
        <translation>Over %v s weer verborgen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="140" />
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="144" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="162" />
        <source>Checking the passphrase…</source>
        <translation>Wachtzin wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="180" />
        <source>&lt;b&gt;Name:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Naam:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="181" />
        <source>&lt;b&gt;Date of birth:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Geboortedatum:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="182" />
        <source>&lt;b&gt;Addresses:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Adressen:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="183" />
        <source>&lt;b&gt;Phone numbers:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Telefoonnummers:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="186" />
        <source>&lt;b&gt;Notes:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Notities:&lt;/b&gt; {v}</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="121" />
        <source>Risk assessment</source>
        <translation>Risicobeoordeling</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="124" />
        <source>Who could harm the source, and how</source>
        <translation>Wie de bron kan schaden, en hoe</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="125" />
        <source>What reduces the risk</source>
        <translation>Wat het risico verkleint</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="126" />
        <source>Welfare of the source</source>
        <translation>Welzijn van de bron</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="129" />
        <source>Level:</source>
        <translation>Niveau:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="130" />
        <source>Threats:</source>
        <translation>Dreigingen:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="131" />
        <source>Mitigations:</source>
        <translation>Maatregelen:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="132" />
        <source>Welfare:</source>
        <translation>Welzijn:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="133" />
        <source>Review on:</source>
        <translation>Herzien op:</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../pages/search.py" line="47" />
        <source>Narrative</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="48" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="49" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="50" />
        <source>Addendum</source>
        <translation>Aanvulling</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="54" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="55" />
        <source>Found in</source>
        <translation>Gevonden in</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="56" />
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="63" />
        <source>Words to find (all must occur); end a word with * to match its start</source>
        <translation>Te zoeken woorden (alle moeten voorkomen); eindig een woord op * om op het begin te zoeken</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="65" />
        <location filename="../pages/search.py" line="90" />
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="113" />
        <source>The newest {n} results in your files; add words to narrow the search.</source>
        <translation>De nieuwste {n} resultaten in uw dossiers; voeg woorden toe om gerichter te zoeken.</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="117" />
        <source>{n} results in your files</source>
        <translation>{n} resultaten in uw dossiers</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <location filename="../packages/send_tab.py" line="44" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="45" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="46" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="47" />
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="49" />
        <source>Still missing</source>
        <translation>Ontbreekt nog</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="50" />
        <source>complete</source>
        <translation>compleet</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="57" />
        <source>Export everything new…</source>
        <translation>Alles wat nieuw is verzenden…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="60" />
        <source>Export selected…</source>
        <translation>Selectie verzenden…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="73" />
        <source>New and changed debriefs (submitted or approved). A package is sealed to the recipients above and signed by this vault; nothing else can read it. Debriefs that still miss something cannot go.</source>
        <translation>Nieuwe en gewijzigde debriefings (ingediend of goedgekeurd). Een pakket wordt verzegeld voor de ontvangers hierboven en door deze kluis ondertekend; niemand anders kan het lezen. Debriefings waar nog iets aan ontbreekt kunnen niet mee.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="95" />
        <source>Packages go to: {names}</source>
        <translation>Pakketten gaan naar: {names}</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="100" />
        <source>Nothing new to send.</source>
        <translation>Niets nieuws te verzenden.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="103" />
        <source>{n} debrief(s) still miss something (in red).</source>
        <translation>Aan {n} debriefing(s) ontbreekt nog iets (in rood).</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="107" />
        <source>{n} debrief(s) ready to send.</source>
        <translation>{n} debriefing(s) klaar om te verzenden.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="127" />
        <source>Select the debriefs to send first.</source>
        <translation>Kies eerst de debriefings die mee moeten.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="135" />
        <source>Not sent: complete the debriefs marked in red first.</source>
        <translation>Niet verzonden: vul eerst de rood gemarkeerde debriefings aan.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="137" />
        <source>Folder to write the package to</source>
        <translation>Map om het pakket in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="141" />
        <source>Sealing the package…</source>
        <translation>Pakket wordt verzegeld…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="159" />
        <source>Package {n} with {count} debrief(s) written to {path}.</source>
        <translation>Pakket {n} met {count} debriefing(s) geschreven naar {path}.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="165" />
        <source>Package written</source>
        <translation>Pakket geschreven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="166" />
        <source>Package {n} with {count} debrief(s) is on its way to {names}.</source>
        <translation>Pakket {n} met {count} debriefing(s) is onderweg naar {names}.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="170" />
        <source>File: {path}</source>
        <translation>Bestand: {path}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="106" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="107" />
        <location filename="../pages/settings.py" line="108" />
        <location filename="../pages/settings.py" line="109" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="110" />
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="113" />
        <source>Keep everything</source>
        <translation>Alles bewaren</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="114" />
        <source>Delete what the handler confirmed</source>
        <translation>Verwijderen wat de teamleider bevestigde</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="116" />
        <source>Delete what the handler confirmed, leaving no trace</source>
        <translation>Verwijderen wat de teamleider bevestigde, zonder spoor</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="120" />
        <source>Follow the system</source>
        <translation>Volg het systeem</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="123" />
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="128" />
        <source>Change passphrase…</source>
        <translation>Wachtzin wijzigen…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="135" />
        <source>Behaviour</source>
        <translation>Gedrag</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="137" />
        <source>Lock after idle:</source>
        <translation>Vergrendelen na inactiviteit:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="138" />
        <source>Clear copied text after:</source>
        <translation>Gekopieerde tekst wissen na:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="139" />
        <source>Autosave drafts every:</source>
        <translation>Concepten automatisch opslaan elke:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="140" />
        <source>Show a revealed identity for:</source>
        <translation>Onthulde identiteit tonen gedurende:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="141" />
        <source>Remind me of what is due within:</source>
        <translation>Herinner mij aan wat verloopt binnen:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="142" />
        <source>After a receipt:</source>
        <translation>Na een ontvangstbewijs:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="143" />
        <source>Language (after restart):</source>
        <translation>Taal (na herstart):</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="145" />
        <source>Vault</source>
        <translation>Kluis</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="155" />
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="170" />
        <source>Folder: {folder}
Key derivation: Argon2id, {mib} MiB, {it} passes (about {sec:.1f} s on this computer)
Second factor (OS keyring): {factor}</source>
        <translation>Map: {folder}
Sleutelafleiding: Argon2id, {mib} MiB, {it} rondes (ongeveer {sec:.1f} s op deze computer)
Tweede factor (sleutelbos van het besturingssysteem): {factor}</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="177" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="177" />
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="198" />
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../dialogs/source_form.py" line="25" />
        <source>Edit source</source>
        <translation>Bron bewerken</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="25" />
        <source>New source file</source>
        <translation>Nieuw brondossier</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="36" />
        <source>Why does the source cooperate?</source>
        <translation>Waarom werkt de bron mee?</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="37" />
        <source>What can the source actually see and hear?</source>
        <translation>Wat kan de bron werkelijk zien en horen?</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="39" />
        <source>e.g. art. 126v Sv</source>
        <translation>bijv. art. 126v Sv</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="47" />
        <source>Codename:</source>
        <translation>Codenaam:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="48" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="49" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="50" />
        <source>Motivation:</source>
        <translation>Motivatie:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="51" />
        <source>Information position:</source>
        <translation>Informatiepositie:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="52" />
        <source>Legal basis:</source>
        <translation>Wettelijke grondslag:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="53" />
        <source>Contracted on:</source>
        <translation>Gecontracteerd op:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="54" />
        <source>Contract review:</source>
        <translation>Herziening contract:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="55" />
        <source>Suitability review:</source>
        <translation>Herbeoordeling geschiktheid:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="56" />
        <source>Antecedents checked on:</source>
        <translation>Antecedenten gecontroleerd op:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="57" />
        <source>Antecedents result:</source>
        <translation>Uitkomst antecedenten:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="58" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
</context>
<context>
    <name>SourceFileView</name>
    <message>
        <location filename="../source_file.py" line="75" />
        <source>← All sources</source>
        <translation>← Alle bronnen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="102" />
        <location filename="../source_file.py" line="153" />
        <location filename="../source_file.py" line="203" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="103" />
        <location filename="../source_file.py" line="171" />
        <location filename="../source_file.py" line="188" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="104" />
        <source>Runners</source>
        <translation>Runners</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="105" />
        <source>Motivation</source>
        <translation>Motivatie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="106" />
        <source>Information position</source>
        <translation>Informatiepositie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="107" />
        <source>Legal basis</source>
        <translation>Wettelijke grondslag</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="108" />
        <source>Contracted / review</source>
        <translation>Gecontracteerd / herziening</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="109" />
        <source>Suitability review</source>
        <translation>Herbeoordeling geschiktheid</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="110" />
        <source>Antecedents check</source>
        <translation>Antecedentenonderzoek</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="111" />
        <source>Former codenames</source>
        <translation>Eerdere codenamen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="112" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="113" />
        <source>True identity</source>
        <translation>Ware identiteit</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="121" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="123" />
        <source>Reveal identity…</source>
        <translation>Identiteit onthullen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="125" />
        <source>Record identity…</source>
        <translation>Identiteit vastleggen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="130" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="147" />
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="152" />
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="154" />
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="155" />
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="156" />
        <source>Attendees</source>
        <translation>Aanwezigen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="157" />
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="161" />
        <source>New contact…</source>
        <translation>Nieuw contact…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="163" />
        <source>Debrief this contact</source>
        <translation>Dit contact debriefen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="165" />
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="170" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="172" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="173" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="178" />
        <source>New debrief</source>
        <translation>Nieuwe debriefing</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="180" />
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="182" />
        <source>Debriefs</source>
        <translation>Debriefings</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="187" />
        <source>Deadline</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="189" />
        <location filename="../source_file.py" line="197" />
        <source>Tasking</source>
        <translation>Opdrachten</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="190" />
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="191" />
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="195" />
        <source>New tasking…</source>
        <translation>Nieuwe opdracht…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="196" />
        <source>Close tasking…</source>
        <translation>Opdracht afsluiten…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="202" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="204" />
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="205" />
        <source>Witness</source>
        <translation>Getuige</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="206" />
        <source>Approved by</source>
        <translation>Goedgekeurd door</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="207" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="212" />
        <source>Record payment or offer…</source>
        <translation>Betaling of aanbod vastleggen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="214" />
        <source>Payments</source>
        <translation>Betalingen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="220" />
        <source>Assessed</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="221" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="222" />
        <source>Review on</source>
        <translation>Herzien op</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="223" />
        <source>Threats</source>
        <translation>Dreigingen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="224" />
        <source>Welfare</source>
        <translation>Welzijn</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="228" />
        <source>New risk assessment…</source>
        <translation>Nieuwe risicobeoordeling…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="231" />
        <source>Given</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="233" />
        <source>Acknowledged</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="234" />
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="236" />
        <source>Instruction</source>
        <translation>Instructie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="241" />
        <source>Give instruction…</source>
        <translation>Instructie geven…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="245" />
        <source>Reviewed</source>
        <translation>Herzien</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="246" />
        <source>Evaluation</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="247" />
        <source>Rationale</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="252" />
        <source>Review reliability…</source>
        <translation>Betrouwbaarheid herzien…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="256" />
        <source>Risk assessments</source>
        <translation>Risicobeoordelingen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="257" />
        <source>Instructions to the source</source>
        <translation>Instructies aan de bron</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="258" />
        <source>Reliability history</source>
        <translation>Betrouwbaarheidshistorie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="262" />
        <source>Risk and welfare</source>
        <translation>Risico en welzijn</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="288" />
        <source>Recorded and sealed. Not shown unless revealed on purpose.</source>
        <translation>Vastgelegd en verzegeld. Alleen zichtbaar na bewuste onthulling.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="290" />
        <source>Not recorded.</source>
        <translation>Niet vastgelegd.</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../pages/sources.py" line="48" />
        <source>Codename</source>
        <translation>Codenaam</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="49" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="50" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="51" />
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="53" />
        <source>Next review</source>
        <translation>Volgende herziening</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="62" />
        <source>Filter by codename</source>
        <translation>Filter op codenaam</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="65" />
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="68" />
        <source>New source…</source>
        <translation>Nieuwe bron…</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="105" />
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
</context>
<context>
    <name>SubjectsEditor</name>
    <message>
        <location filename="../dialogs/item_dialog.py" line="46" />
        <source>Name, place, vehicle or organisation</source>
        <translation>Naam, plaats, voertuig of organisatie</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="47" />
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="49" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>TaskingDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="26" />
        <source>New tasking</source>
        <translation>Nieuwe opdracht</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="28" />
        <source>What should the source find out?</source>
        <translation>Wat moet de bron uitzoeken?</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="30" />
        <source>Within which limits (what the source must not do)</source>
        <translation>Binnen welke grenzen (wat de bron niet mag doen)</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="34" />
        <source>Tasking:</source>
        <translation>Opdracht:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="35" />
        <source>Limits:</source>
        <translation>Grenzen:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="36" />
        <source>Deadline:</source>
        <translation>Termijn:</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../unlock_dialog.py" line="32" />
        <source>Veldboek — locked</source>
        <translation>Veldboek — vergrendeld</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="35" />
        <source>Enter your passphrase to unlock the vault.</source>
        <translation>Voer uw wachtzin in om de kluis te ontgrendelen.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="43" />
        <location filename="../unlock_dialog.py" line="118" />
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="48" />
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="72" />
        <source>Type your passphrase first.</source>
        <translation>Typ eerst uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="76" />
        <source>Unlocking…</source>
        <translation>Bezig met ontgrendelen…</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="95" />
        <source>Wrong passphrase.</source>
        <translation>Verkeerde wachtzin.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="98" />
        <source>Too many failed attempts; wait before trying again.</source>
        <translation>Te veel mislukte pogingen; wacht even voor u het opnieuw probeert.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="113" />
        <source>Wait {s} s</source>
        <translation>Wacht {s} s</translation>
    </message>
</context>
<context>
    <name>_AliasPage</name>
    <message>
        <location filename="../first_run.py" line="33" />
        <source>Welcome to Veldboek</source>
        <translation>Welkom bij Veldboek</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="36" />
        <source>Everything you record stays on this computer, encrypted. First choose the alias you work under.</source>
        <translation>Alles wat u vastlegt blijft versleuteld op deze computer. Kies eerst de alias waaronder u werkt.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="43" />
        <source>e.g. Valk</source>
        <translation>bijv. Valk</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="44" />
        <source>Runner</source>
        <translation>Runner</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="46" />
        <source>Team handler</source>
        <translation>Teamleider</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="53" />
        <source>Your alias:</source>
        <translation>Uw alias:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="54" />
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
</context>
<context>
    <name>_CreatePage</name>
    <message>
        <location filename="../first_run.py" line="173" />
        <source>Creating your vault</source>
        <translation>Uw kluis wordt gemaakt</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="175" />
        <source>Measuring this computer to set the key-derivation cost (about a second).</source>
        <translation>Deze computer wordt gemeten om de kosten van de sleutelafleiding te bepalen (ongeveer een seconde).</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="194" />
        <source>Calibrating…</source>
        <translation>Bezig met kalibreren…</translation>
    </message>
</context>
<context>
    <name>_OptionsPage</name>
    <message>
        <location filename="../first_run.py" line="137" />
        <source>Where and how</source>
        <translation>Waar en hoe</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="139" />
        <source>The vault will be created in:
{path}</source>
        <translation>De kluis wordt gemaakt in:
{path}</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="143" />
        <source>Also require a secret kept in this computer's keyring (second factor)</source>
        <translation>Ook een geheim uit de sleutelbos van deze computer vereisen (tweede factor)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="154" />
        <source>With this, a copy of the vault folder cannot be opened on another computer, even with the passphrase. Losing this computer's keyring loses the vault.</source>
        <translation>Dan kan een kopie van de kluismap op een andere computer niet worden geopend, zelfs niet met de wachtzin. Wie de sleutelbos van deze computer verliest, verliest de kluis.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="162" />
        <source>No OS keyring was found on this computer, so the vault will be protected by the passphrase alone.</source>
        <translation>Er is op deze computer geen sleutelbos gevonden; de kluis wordt alleen door de wachtzin beschermd.</translation>
    </message>
</context>
<context>
    <name>_PassphrasePage</name>
    <message>
        <location filename="../first_run.py" line="69" />
        <source>Choose a passphrase</source>
        <translation>Kies een wachtzin</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="72" />
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess. There is no way to recover a forgotten passphrase.</source>
        <translation>Minstens {n} tekens. Een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden. Een vergeten wachtzin is niet te herstellen.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="91" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="92" />
        <source>Again:</source>
        <translation>Nogmaals:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="93" />
        <source>Strength:</source>
        <translation>Sterkte:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="105" />
        <source>Very weak</source>
        <translation>Zeer zwak</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="106" />
        <source>Weak</source>
        <translation>Zwak</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="107" />
        <source>Fair</source>
        <translation>Redelijk</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="108" />
        <source>Good</source>
        <translation>Goed</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="109" />
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="113" />
        <source>{left} more characters needed.</source>
        <translation>Nog {left} tekens nodig.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="118" />
        <source>The two passphrases differ.</source>
        <translation>De twee wachtzinnen verschillen.</translation>
    </message>
</context>
</TS>