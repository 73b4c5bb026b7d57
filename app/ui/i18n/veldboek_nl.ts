<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AddKeyDialog</name>
    <message>
        <location filename="../packages/key_dialog.py" line="34" />
        <source>Add a key</source>
        <translation>Sleutel toevoegen</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="40" />
        <source>Ask the key's owner to read out the fingerprint their Veldboek shows (Packages, Keys), and type it below. Do not read it to them: they read, you type. Only a matching fingerprint adds the key.</source>
        <translation>Vraag de eigenaar van de sleutel de vingerafdruk voor te lezen die zijn Veldboek toont (Pakketten, Sleutels), en typ die hieronder. Lees hem niet zelf voor: de ander leest, u typt. Alleen een kloppende vingerafdruk voegt de sleutel toe.</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="89" />
        <source>Team handler</source>
        <translation>Teamleider</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="90" />
        <source>Central system (sends me the deconfliction key and notices)</source>
        <translation>Centraal systeem (stuurt mij de deconflictiesleutel en -berichten)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="91" />
        <source>Runner (sends me packages, gets my receipts)</source>
        <translation>Runner (stuurt mij pakketten, krijgt mijn ontvangstbewijzen)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="94" />
        <source>Team handler (receives my packages)</source>
        <translation>Teamleider (ontvangt mijn pakketten)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="95" />
        <source>Central system (receives my packages)</source>
        <translation>Centraal systeem (ontvangt mijn pakketten)</translation>
    </message>
    <message>
        <location filename="../packages/key_dialog.py" line="96" />
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
        <location filename="../alias_band.py" line="41" />
        <source>Act under another of your aliases</source>
        <translation>Werk onder een andere alias van u</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="52" />
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="54" />
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Kluis vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="59" />
        <source>Switch alias:</source>
        <translation>Wissel alias:</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="68" />
        <source>handler</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="68" />
        <source>runner</source>
        <translation>runner</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="70" />
        <source>Acting as &lt;b&gt;{alias}&lt;/b&gt; · {role}</source>
        <translation>U werkt als &lt;b&gt;{alias}&lt;/b&gt; · {role}</translation>
    </message>
    <message>
        <location filename="../alias_band.py" line="91" />
        <source>Finishing: {work} Switch alias once it is done.</source>
        <translation>Nog bezig: {work} Wissel van alias zodra dat klaar is.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../controller.py" line="98" />
        <source>Preparing the demo vault (synthetic data)…</source>
        <translation>Demokluis wordt voorbereid (verzonnen gegevens)…</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../attachments_box.py" line="68" />
        <source>Attached files</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="76" />
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="81" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="83" />
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="88" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="91" />
        <source>No files attached.</source>
        <translation>Geen bestanden bijgevoegd.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="95" />
        <source>Attach a file…</source>
        <translation>Bestand bijvoegen…</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="97" />
        <source>View</source>
        <translation>Bekijken</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="100" />
        <source>Save a copy…</source>
        <translation>Kopie opslaan…</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="103" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="131" />
        <source>A file to attach</source>
        <translation>Bij te voegen bestand</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="153" />
        <source>Veldboek shows only images itself. Other files can be saved as a copy, which leaves an unencrypted file on this computer.</source>
        <translation>Veldboek toont zelf alleen afbeeldingen. Andere bestanden kunt u als kopie opslaan; dan staat er een onversleuteld bestand op deze computer.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="180" />
        <source>Save an unencrypted copy</source>
        <translation>Onversleutelde kopie opslaan</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="182" />
        <source>The copy is not encrypted: anyone with this computer or the stick can read it. Save it only where the file's classification allows, and destroy it when done. Saving is recorded in the audit log.</source>
        <translation>De kopie is niet versleuteld: iedereen met deze computer of de stick kan hem lezen. Sla hem alleen op waar de rubricering dat toestaat en vernietig hem daarna. Het opslaan wordt in het auditlog vastgelegd.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="191" />
        <source>Save a copy</source>
        <translation>Kopie opslaan</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="222" />
        <source>Remove attached file</source>
        <translation>Bijlage verwijderen</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="224" />
        <source>Remove the attached file {name} ({size}) from this debrief? It is deleted from the vault; only the audit log keeps a note that it was there.</source>
        <translation>De bijlage {name} ({size}) uit deze debriefing verwijderen? Ze wordt uit de kluis gewist; alleen het auditlog houdt bij dat ze er was.</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="227" />
        <source>Remove file</source>
        <translation>Bestand verwijderen</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../audit_labels.py" line="21" />
        <source>Alias added</source>
        <translation>Alias toegevoegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="22" />
        <source>Alias switched</source>
        <translation>Alias gewisseld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="23" />
        <source>Alias renamed</source>
        <translation>Alias hernoemd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="24" />
        <source>File attached</source>
        <translation>Bestand bijgevoegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="25" />
        <source>Attached file viewed</source>
        <translation>Bijlage bekeken</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="26" />
        <source>Unencrypted copy of a file saved</source>
        <translation>Onversleutelde kopie van een bijlage opgeslagen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="27" />
        <source>Attached file removed</source>
        <translation>Bijlage verwijderd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="28" />
        <source>Audit anchor mismatch</source>
        <translation>Auditanker klopt niet</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="29" />
        <source>Access to file given</source>
        <translation>Toegang tot dossier gegeven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="30" />
        <source>Contact recorded</source>
        <translation>Contact vastgelegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="31" />
        <source>Deconfliction notice taken in</source>
        <translation>Deconflictiebericht ingelezen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="34" />
        <source>Meeting ended</source>
        <translation>Ontmoeting beëindigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="35" />
        <source>Debrief started</source>
        <translation>Debriefing begonnen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="36" />
        <source>Draft saved</source>
        <translation>Concept opgeslagen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="37" />
        <source>Item added</source>
        <translation>Item toegevoegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="38" />
        <source>Item changed</source>
        <translation>Item gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="39" />
        <source>Item removed</source>
        <translation>Item verwijderd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="40" />
        <source>Debrief submitted</source>
        <translation>Debriefing ingediend</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="41" />
        <source>Debrief returned</source>
        <translation>Debriefing teruggestuurd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="42" />
        <source>Debrief approved</source>
        <translation>Debriefing goedgekeurd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="43" />
        <source>Addendum added</source>
        <translation>Aanvulling toegevoegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="44" />
        <source>Debrief deleted from this vault after a receipt</source>
        <translation>Debriefing na een ontvangstbewijs uit deze kluis verwijderd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="47" />
        <source>Demo data generated</source>
        <translation>Demogegevens gemaakt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="48" />
        <source>Identity recorded</source>
        <translation>Identiteit vastgelegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="49" />
        <source>Identity replaced</source>
        <translation>Identiteit vervangen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="50" />
        <source>Identity revealed</source>
        <translation>Identiteit onthuld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="51" />
        <source>Identity reveal refused</source>
        <translation>Onthulling identiteit geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="52" />
        <source>Instruction given</source>
        <translation>Instructie gegeven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="53" />
        <source>Instruction acknowledged</source>
        <translation>Instructie bevestigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="54" />
        <source>This vault's keys made</source>
        <translation>Sleutels van deze kluis gemaakt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="55" />
        <source>Key added after comparing</source>
        <translation>Sleutel toegevoegd na vergelijken</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="56" />
        <source>Key retired</source>
        <translation>Sleutel ingetrokken</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="57" />
        <source>Meeting discarded (started by mistake)</source>
        <translation>Ontmoeting weggegooid (per vergissing begonnen)</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="60" />
        <source>Package sealed and sent</source>
        <translation>Pakket verzegeld en verzonden</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="61" />
        <source>Package written again</source>
        <translation>Pakket opnieuw geschreven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="62" />
        <source>Package checked</source>
        <translation>Pakket gecontroleerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="63" />
        <source>Package imported</source>
        <translation>Pakket ingelezen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="64" />
        <source>Package refused</source>
        <translation>Pakket geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="65" />
        <source>Payment recorded</source>
        <translation>Betaling vastgelegd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="66" />
        <source>Receipt issued</source>
        <translation>Ontvangstbewijs gemaakt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="67" />
        <source>Receipt taken in</source>
        <translation>Ontvangstbewijs ingelezen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="68" />
        <source>Receipt refused</source>
        <translation>Ontvangstbewijs geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="69" />
        <source>Reliability reviewed</source>
        <translation>Betrouwbaarheid herzien</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="70" />
        <source>Risk assessed</source>
        <translation>Risico beoordeeld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="71" />
        <source>Source file opened</source>
        <translation>Brondossier geopend</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="72" />
        <source>Source file changed</source>
        <translation>Brondossier gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="73" />
        <source>Registration closed</source>
        <translation>Registratie beëindigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="74" />
        <source>Tasking given</source>
        <translation>Opdracht gegeven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="75" />
        <source>Tasking closed</source>
        <translation>Opdracht afgesloten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="76" />
        <source>Source handed over to another runner</source>
        <translation>Bron overgedragen aan een andere runner</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="77" />
        <source>Handover of a source refused</source>
        <translation>Overdracht van een bron geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="78" />
        <source>Handover confirmed by the new runner</source>
        <translation>Overdracht bevestigd door de nieuwe runner</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="81" />
        <source>Source deleted from this vault after its handover</source>
        <translation>Bron na de overdracht uit deze kluis verwijderd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="84" />
        <source>Source taken over from another runner</source>
        <translation>Bron overgenomen van een andere runner</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="85" />
        <source>Source now run by another runner</source>
        <translation>Bron wordt nu door een andere runner gerund</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="86" />
        <source>Identity sealed for the new runner</source>
        <translation>Identiteit verzegeld voor de nieuwe runner</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="87" />
        <source>Identity received in a handover</source>
        <translation>Identiteit ontvangen bij een overdracht</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="88" />
        <source>Settings changed</source>
        <translation>Instellingen gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="89" />
        <source>Report issued</source>
        <translation>Rapport uitgegeven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="90" />
        <source>Report printed</source>
        <translation>Rapport afgedrukt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="91" />
        <source>Report saved as PDF</source>
        <translation>Rapport als PDF opgeslagen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="92" />
        <source>Management report saved as PDF</source>
        <translation>Managementrapport opgeslagen als PDF</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="93" />
        <source>Report verified</source>
        <translation>Rapport gecontroleerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="94" />
        <source>Sanitised report previewed</source>
        <translation>Geschoond rapport bekeken</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="95" />
        <source>Sanitised report requested</source>
        <translation>Geschoond rapport aangevraagd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="96" />
        <source>Sanitised report refused</source>
        <translation>Geschoond rapport geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="97" />
        <source>Sanitised report approved</source>
        <translation>Geschoond rapport goedgekeurd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="98" />
        <source>Sanitised report rejected</source>
        <translation>Geschoond rapport afgewezen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="99" />
        <source>Sanitised report not written; its approval may be used again</source>
        <translation>Geschoond rapport niet geschreven; de goedkeuring kan opnieuw worden gebruikt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="102" />
        <source>Vault created</source>
        <translation>Kluis gemaakt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="103" />
        <source>Vault unlocked</source>
        <translation>Kluis ontgrendeld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="104" />
        <source>Unlock failed</source>
        <translation>Ontgrendelen mislukt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="105" />
        <source>Vault locked</source>
        <translation>Kluis vergrendeld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="106" />
        <source>Vault checked</source>
        <translation>Kluis gecontroleerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="107" />
        <source>Vault file rebuilt after a purge</source>
        <translation>Kluisbestand opnieuw opgebouwd na verwijdering</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="108" />
        <source>Passphrase changed</source>
        <translation>Wachtzin gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="109" />
        <source>Deconfliction key received</source>
        <translation>Deconflictiesleutel ontvangen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="110" />
        <source>Deconfliction key sent to a runner</source>
        <translation>Deconflictiesleutel naar een runner gestuurd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="113" />
        <source>Deconfliction tokens recomputed</source>
        <translation>Deconflictietokens opnieuw berekend</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="116" />
        <source>Recomputing deconfliction tokens refused</source>
        <translation>Opnieuw berekenen van deconflictietokens geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="119" />
        <source>Replaced deconfliction keys forgotten</source>
        <translation>Vervangen deconflictiesleutels vergeten</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../audit_labels.py" line="147" />
        <source>addendum</source>
        <translation>aanvulling</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="148" />
        <source>after</source>
        <translation>na</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="149" />
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="150" />
        <source>already confirmed</source>
        <translation>al bevestigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="151" />
        <source>approval</source>
        <translation>goedkeuring</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="152" />
        <source>arrival</source>
        <translation>aankomst</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="153" />
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="154" />
        <source>attempted at</source>
        <translation>geprobeerd om</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="155" />
        <source>text checksum</source>
        <translation>controlegetal tekst</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="156" />
        <source>by way of</source>
        <translation>via</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="157" />
        <source>can act</source>
        <translation>kan handelen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="158" />
        <source>matches</source>
        <translation>overeenkomsten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="159" />
        <source>still open</source>
        <translation>nog open</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="160" />
        <source>decided on</source>
        <translation>besloten op</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="161" />
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="162" />
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="163" />
        <source>content checksum</source>
        <translation>controlegetal inhoud</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="164" />
        <source>copies</source>
        <translation>exemplaren</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="165" />
        <source>debrief</source>
        <translation>debriefing</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="166" />
        <source>debriefs</source>
        <translation>debriefings</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="167" />
        <source>demo data</source>
        <translation>demogegevens</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="168" />
        <source>second factor</source>
        <translation>tweede factor</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="169" />
        <location filename="../audit_labels.py" line="180" />
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="170" />
        <source>records of source files</source>
        <translation>records van bronnendossiers</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="171" />
        <source>key</source>
        <translation>sleutel</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="172" />
        <source>former name kept</source>
        <translation>vorige naam bewaard</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="173" />
        <source>from</source>
        <translation>van</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="174" />
        <source>handover package</source>
        <translation>overdrachtspakket</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="175" />
        <source>identifying strings</source>
        <translation>identificerende teksten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="176" />
        <source>with the identity</source>
        <translation>met de identiteit</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="177" />
        <source>checked against identities</source>
        <translation>getoetst aan identiteiten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="178" />
        <source>item</source>
        <translation>item</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="179" />
        <source>items</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="181" />
        <source>deconfliction keys</source>
        <translation>deconflictiesleutels</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="182" />
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="183" />
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="185" />
        <source>people with access</source>
        <translation>personen met toegang</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="186" />
        <source>minutes after its start</source>
        <translation>minuten na het begin</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="187" />
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="188" />
        <source>codenames another source has</source>
        <translation>codenamen die een andere bron heeft</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="189" />
        <source>note lost</source>
        <translation>notitie verloren</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="190" />
        <source>unaltered</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="191" />
        <source>older versions</source>
        <translation>oudere versies</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="192" />
        <source>confirmed in package</source>
        <translation>bevestigd in pakket</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="193" />
        <source>package</source>
        <translation>pakket</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="194" />
        <source>packages</source>
        <translation>pakketten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="195" />
        <source>pages</source>
        <translation>pagina's</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="196" />
        <source>PDF checksum</source>
        <translation>controlegetal PDF</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="197" />
        <source>period</source>
        <translation>periode</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="198" />
        <source>was</source>
        <translation>was</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="199" />
        <source>problem</source>
        <translation>probleem</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="200" />
        <source>reason</source>
        <translation>reden</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="201" />
        <source>replaces key</source>
        <translation>vervangt sleutel</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="202" />
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="203" />
        <source>records</source>
        <translation>gegevens</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="204" />
        <source>recipients</source>
        <translation>ontvangers</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="205" />
        <source>result</source>
        <translation>uitkomst</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="206" />
        <source>reviews</source>
        <translation>beoordelingen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="207" />
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="208" />
        <source>rule</source>
        <translation>regel</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="209" />
        <source>runner</source>
        <translation>runner</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="210" />
        <source>seed</source>
        <translation>startwaarde</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="211" />
        <source>sender</source>
        <translation>afzender</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="212" />
        <source>number</source>
        <translation>nummer</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="213" />
        <source>checksum</source>
        <translation>controlegetal</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="214" />
        <source>size</source>
        <translation>grootte</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="215" />
        <source>debriefs left out</source>
        <translation>debriefings weggelaten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="216" />
        <source>sources</source>
        <translation>bronnen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="217" />
        <source>when</source>
        <translation>wanneer</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="218" />
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="219" />
        <source>to</source>
        <translation>aan</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="220" />
        <source>as of</source>
        <translation>per</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="221" />
        <source>sources sent for their tokens</source>
        <translation>bronnen verzonden om hun tokens</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="222" />
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="223" />
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="224" />
        <source>unencrypted</source>
        <translation>onversleuteld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="225" />
        <source>newer versions</source>
        <translation>nieuwere versies</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="227" />
        <source>why</source>
        <translation>waarom</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="228" />
        <source>items withheld</source>
        <translation>items achtergehouden</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="226" />
        <source>format version</source>
        <translation>formaatversie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="184" />
        <source>marking</source>
        <translation>rubricering</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="415" />
        <source>details unreadable</source>
        <translation>details onleesbaar</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../pages/audit.py" line="46" />
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="51" />
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="53" />
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="58" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="61" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="80" />
        <source>No events in your files.</source>
        <translation>Geen gebeurtenissen in uw dossiers.</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="82" />
        <source>Verify the whole log</source>
        <translation>Hele logboek controleren</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="99" />
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="111" />
        <source>system</source>
        <translation>systeem</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="111" />
        <source>command line</source>
        <translation>opdrachtregel</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="139" />
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/audit.py" line="148" />
        <source>The chain of %n event(s) is intact.</source>
        <translation><numerusform>De keten van %n gebeurtenis is intact.</numerusform><numerusform>De keten van %n gebeurtenissen is intact.</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="152" />
        <source>The log has been tampered with: {problems}</source>
        <translation>Er is met het logboek geknoeid: {problems}</translation>
    </message>
</context>
<context>
    <name>AuditRecords</name>
    <message>
        <location filename="../audit_labels.py" line="126" />
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="127" />
        <source>file access</source>
        <translation>dossiertoegang</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="128" />
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="129" />
        <source>deconfliction key</source>
        <translation>deconflictiesleutel</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="130" />
        <source>debrief</source>
        <translation>debriefing</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="131" />
        <source>identity</source>
        <translation>identiteit</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="132" />
        <source>instruction</source>
        <translation>instructie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="133" />
        <source>this vault's keys</source>
        <translation>sleutels van deze kluis</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="134" />
        <source>package</source>
        <translation>pakket</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="135" />
        <source>payment</source>
        <translation>betaling</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="136" />
        <source>someone's key</source>
        <translation>sleutel van een ander</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="137" />
        <source>reliability review</source>
        <translation>betrouwbaarheidsherziening</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="138" />
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="139" />
        <source>report approval</source>
        <translation>rapportgoedkeuring</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="140" />
        <source>risk assessment</source>
        <translation>risicobeoordeling</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="141" />
        <source>source</source>
        <translation>bron</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="142" />
        <source>tasking</source>
        <translation>opdracht</translation>
    </message>
</context>
<context>
    <name>AuditValues</name>
    <message>
        <location filename="../audit_labels.py" line="234" />
        <source>runner</source>
        <translation>runner</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="235" />
        <source>team handler</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="236" />
        <source>central system</source>
        <translation>centraal systeem</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="239" />
        <source>meeting</source>
        <translation>ontmoeting</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="240" />
        <source>call</source>
        <translation>gesprek</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="241" />
        <source>message</source>
        <translation>bericht</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="242" />
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="243" />
        <source>sanitised</source>
        <translation>geschoond</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="244" />
        <source>management information</source>
        <translation>managementinformatie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="245" />
        <source>reward</source>
        <translation>beloning</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="246" />
        <source>expense</source>
        <translation>onkosten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="247" />
        <source>offer</source>
        <translation>aanbod</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="250" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="251" />
        <source>done</source>
        <translation>uitgevoerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="252" />
        <source>cancelled</source>
        <translation>vervallen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="253" />
        <source>in order</source>
        <translation>op volgorde</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="254" />
        <source>late, fills a gap</source>
        <translation>te laat, vult een gat</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="255" />
        <source>after a gap</source>
        <translation>na een gat</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="256" />
        <source>already imported</source>
        <translation>al ingelezen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="257" />
        <source>number already used</source>
        <translation>nummer al gebruikt</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="260" />
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="261" />
        <source>submitted</source>
        <translation>ingediend</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="262" />
        <source>approved</source>
        <translation>goedgekeurd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="263" />
        <source>returned</source>
        <translation>teruggestuurd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="266" />
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="267" />
        <source>medium</source>
        <translation>gemiddeld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="268" />
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="269" />
        <source>critical</source>
        <translation>kritiek</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="272" />
        <source>keep everything</source>
        <translation>alles bewaren</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="273" />
        <source>delete</source>
        <translation>verwijderen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="274" />
        <source>delete, leaving no trace</source>
        <translation>verwijderen, zonder spoor</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="277" />
        <source>locked by hand</source>
        <translation>met de hand vergrendeld</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="278" />
        <source>no activity</source>
        <translation>geen activiteit</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="279" />
        <source>panic key</source>
        <translation>paniektoets</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="280" />
        <location filename="../audit_labels.py" line="281" />
        <source>app closed</source>
        <translation>app gesloten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="282" />
        <source>after a check</source>
        <translation>na een controle</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="283" />
        <source>command line</source>
        <translation>opdrachtregel</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="285" />
        <source>wrong passphrase</source>
        <translation>verkeerde wachtzin</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="286" />
        <source>deleting after a receipt</source>
        <translation>verwijderen na een ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="287" />
        <source>a receipt</source>
        <translation>een ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="289" />
        <source>on request</source>
        <translation>bij aanvraag</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="290" />
        <source>on issue</source>
        <translation>bij uitgifte</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="293" />
        <source>issued here, unaltered</source>
        <translation>hier uitgegeven, ongewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="294" />
        <source>issued here, but altered</source>
        <translation>hier uitgegeven, maar gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="295" />
        <source>not issued here</source>
        <translation>niet hier uitgegeven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="298" />
        <source>narrative</source>
        <translation>verslag</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="299" />
        <source>welfare</source>
        <translation>welzijn</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="300" />
        <source>security</source>
        <translation>veiligheid</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="301" />
        <source>assessment</source>
        <translation>beoordeling</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="302" />
        <source>critical reflection</source>
        <translation>kritische reflectie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="303" />
        <source>codename</source>
        <translation>codenaam</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="304" />
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="305" />
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="306" />
        <source>motivation</source>
        <translation>motivatie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="307" />
        <source>information position</source>
        <translation>informatiepositie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="308" />
        <source>legal basis</source>
        <translation>wettelijke grondslag</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="309" />
        <source>contracted on</source>
        <translation>gecontracteerd op</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="310" />
        <source>contract review</source>
        <translation>herziening contract</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="311" />
        <source>suitability review</source>
        <translation>herziening geschiktheid</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="312" />
        <source>antecedents checked on</source>
        <translation>antecedenten getoetst op</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="313" />
        <source>antecedents result</source>
        <translation>uitkomst antecedenten</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="314" />
        <source>notes</source>
        <translation>notities</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="317" />
        <source>idle lock</source>
        <translation>vergrendelen bij inactiviteit</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="318" />
        <source>clipboard clearing</source>
        <translation>klembord wissen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="319" />
        <source>autosave</source>
        <translation>automatisch opslaan</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="320" />
        <source>reveal time</source>
        <translation>onthultijd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="321" />
        <source>reminders</source>
        <translation>herinneringen</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="322" />
        <source>after a receipt</source>
        <translation>na een ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="325" />
        <source>malformed</source>
        <translation>onjuist opgebouwd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="326" />
        <source>altered in transit</source>
        <translation>onderweg gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="327" />
        <source>not addressed to this vault</source>
        <translation>niet aan deze kluis gericht</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="328" />
        <source>unknown sender</source>
        <translation>onbekende afzender</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="329" />
        <source>sender's key revoked</source>
        <translation>sleutel van de afzender ingetrokken</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="330" />
        <source>crosses teams</source>
        <translation>raakt een ander team</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="331" />
        <source>signature does not verify</source>
        <translation>handtekening klopt niet</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="332" />
        <source>unsupported version</source>
        <translation>niet-ondersteunde versie</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="333" />
        <source>already received (replayed)</source>
        <translation>al ontvangen (opnieuw aangeboden)</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="334" />
        <source>recipients do not match</source>
        <translation>ontvangers kloppen niet</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="335" />
        <source>too large</source>
        <translation>te groot</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="336" />
        <source>key from a sender of the wrong role</source>
        <translation>sleutel van een afzender met de verkeerde rol</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="337" />
        <source>an older key</source>
        <translation>een oudere sleutel</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="338" />
        <source>conflicting records</source>
        <translation>tegenstrijdige gegevens</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="339" />
        <source>names a package never sent</source>
        <translation>noemt een pakket dat nooit is verzonden</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="340" />
        <source>incomplete</source>
        <translation>onvolledig</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="341" />
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="342" />
        <source>invalid input</source>
        <translation>ongeldige invoer</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="343" />
        <source>a name breaks the rules</source>
        <translation>een naam voldoet niet aan de regels</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="344" />
        <source>file could not be read</source>
        <translation>bestand niet leesbaar</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="345" />
        <source>file too large</source>
        <translation>bestand te groot</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="346" />
        <source>no access</source>
        <translation>geen toegang</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="347" />
        <source>not found</source>
        <translation>niet gevonden</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="348" />
        <source>not allowed in this state</source>
        <translation>niet toegestaan in deze toestand</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="349" />
        <source>vault busy</source>
        <translation>kluis bezet</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="350" />
        <source>disk full</source>
        <translation>schijf vol</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="351" />
        <source>vault damaged</source>
        <translation>kluis beschadigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="352" />
        <source>unsafe place to write</source>
        <translation>onveilige plek om te schrijven</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="353" />
        <source>file exists</source>
        <translation>bestand bestaat al</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="431" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="431" />
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="454" />
        <source>key {id}</source>
        <translation>sleutel {id}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../pages/settings.py" line="47" />
        <source>Change passphrase</source>
        <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="64" />
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess. There is no way to recover a forgotten passphrase.</source>
        <translation>Minstens {n} tekens. Een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden. Een vergeten wachtzin is niet te herstellen.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="80" />
        <source>Current passphrase:</source>
        <translation>Huidige wachtzin:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="81" />
        <source>New passphrase:</source>
        <translation>Nieuwe wachtzin:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="82" />
        <source>New passphrase again:</source>
        <translation>Nieuwe wachtzin nogmaals:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="89" />
        <source>The two new passphrases differ.</source>
        <translation>De twee nieuwe wachtzinnen verschillen.</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="99" />
        <source>Changing…</source>
        <translation>Bezig met wijzigen…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="113" />
        <source>Changing the passphrase…</source>
        <translation>Wachtzin wordt gewijzigd…</translation>
    </message>
</context>
<context>
    <name>CloseTaskingDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="54" />
        <source>Close tasking</source>
        <translation>Opdracht afsluiten</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="58" />
        <source>Done</source>
        <translation>Uitgevoerd</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="59" />
        <source>Cancelled</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="60" />
        <source>What came of it</source>
        <translation>Wat het opleverde</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="61" />
        <source>Result:</source>
        <translation>Resultaat:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="62" />
        <source>Outcome:</source>
        <translation>Uitkomst:</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../command_palette.py" line="44" />
        <source>Command palette</source>
        <translation>Opdrachtenpalet</translation>
    </message>
    <message>
        <location filename="../command_palette.py" line="49" />
        <source>Type to find an action; Enter runs it</source>
        <translation>Typ om een opdracht te vinden; Enter voert die uit</translation>
    </message>
    <message>
        <location filename="../command_palette.py" line="52" />
        <source>Action</source>
        <translation>Opdracht</translation>
    </message>
    <message>
        <location filename="../command_palette.py" line="54" />
        <source>Shortcut</source>
        <translation>Sneltoets</translation>
    </message>
    <message>
        <location filename="../command_palette.py" line="75" />
        <source>No action matches.</source>
        <translation>Geen opdracht past hierbij.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../confirm.py" line="81" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../dialogs/contact_form.py" line="39" />
        <source>New contact</source>
        <translation>Nieuw contact</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="51" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="55" />
        <source>Location codeword, never an address</source>
        <translation>Codewoord van de locatie, nooit een adres</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="67" />
        <source>Reconnaissance of place and route</source>
        <translation>Voorverkenning van plaats en route</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="69" />
        <source>Safety observations</source>
        <translation>Waarnemingen over veiligheid</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="75" />
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="76" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="77" />
        <source>When:</source>
        <translation>Wanneer:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="78" />
        <source>Duration:</source>
        <translation>Duur:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="79" />
        <source>Location:</source>
        <translation>Locatie:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="80" />
        <source>Attendees (by alias):</source>
        <translation>Aanwezigen (op alias):</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="81" />
        <source>Reconnaissance:</source>
        <translation>Voorverkenning:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="82" />
        <source>Safety:</source>
        <translation>Veiligheid:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="83" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="104" />
        <source>No location</source>
        <translation>Geen locatie</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="106" />
        <source>This meeting has no location codeword, and a saved contact cannot be changed. Save it without one?</source>
        <translation>Deze ontmoeting heeft geen codewoord voor de locatie, en een opgeslagen contact kan niet meer worden gewijzigd. Zonder locatie opslaan?</translation>
    </message>
    <message>
        <location filename="../dialogs/contact_form.py" line="109" />
        <source>Save without location</source>
        <translation>Opslaan zonder locatie</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../counts.py" line="14" />
        <source>%n debrief(s)</source>
        <translation><numerusform>%n debriefing</numerusform><numerusform>%n debriefings</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="18" />
        <source>%n file(s)</source>
        <translation><numerusform>%n bestand</numerusform><numerusform>%n bestanden</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="22" />
        <source>%n package(s)</source>
        <translation><numerusform>%n pakket</numerusform><numerusform>%n pakketten</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="26" />
        <source>%n review(s)</source>
        <translation><numerusform>%n beoordeling</numerusform><numerusform>%n beoordelingen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="30" />
        <source>%n newer version(s)</source>
        <translation><numerusform>%n nieuwere versie</numerusform><numerusform>%n nieuwere versies</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="34" />
        <source>%n older version(s)</source>
        <translation><numerusform>%n oudere versie</numerusform><numerusform>%n oudere versies</numerusform></translation>
    </message>
</context>
<context>
    <name>DebriefColumns</name>
    <message>
        <location filename="../pages/debriefs.py" line="50" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="57" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="62" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="70" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="76" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message>
        <location filename="../pages/debrief_editor.py" line="72" />
        <source>← Back</source>
        <translation>← Terug</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="110" />
        <source>What happened and what the source reported</source>
        <translation>Wat er gebeurde en wat de bron meldde</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="112" />
        <source>How the source is doing</source>
        <translation>Hoe het met de bron gaat</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="114" />
        <source>Anything that threatens the source or the operation</source>
        <translation>Alles wat de bron of de operatie bedreigt</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="116" />
        <source>Your assessment of the information</source>
        <translation>Uw beoordeling van de informatie</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="120" />
        <source>How could this be misread? Is anything exculpatory? (required before submitting)</source>
        <translation>Hoe kan dit verkeerd worden gelezen? Is er iets ontlastends? (verplicht voor indienen)</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="133" />
        <source>Narrative:</source>
        <translation>Verslag:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="134" />
        <source>Welfare:</source>
        <translation>Welzijn:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="135" />
        <source>Security:</source>
        <translation>Veiligheid:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="136" />
        <source>Assessment:</source>
        <translation>Beoordeling:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="137" />
        <source>Critical reflection:</source>
        <translation>Kritische reflectie:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="38" />
        <source>Grading</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="42" />
        <source>Checked</source>
        <translation>Getoetst</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="44" />
        <source>Exculpatory</source>
        <translation>Ontlastend</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="45" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="49" />
        <source>Subjects</source>
        <translation>Subjecten</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="53" />
        <source>Reported</source>
        <translation>Gemeld</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="60" />
        <source>No intelligence items yet; “Add item…” adds one.</source>
        <translation>Nog geen informatie-items; “Item toevoegen…” voegt er een toe.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="62" />
        <source>No intelligence items.</source>
        <translation>Geen informatie-items.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="69" />
        <source>Add item…</source>
        <translation>Item toevoegen…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="72" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="75" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="92" />
        <source>No other debrief in your files mentions this subject.</source>
        <translation>Geen andere debriefing in uw dossiers noemt dit subject.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="102" />
        <source>Other debriefs mentioning a subject of the selected item</source>
        <translation>Andere debriefings die een subject van het gekozen item noemen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="147" />
        <source>Tasking given…</source>
        <translation>Gegeven opdracht…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="149" />
        <source>Payment or offer…</source>
        <translation>Betaling of aanbod…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="165" />
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="170" />
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="171" />
        <source>Addendum</source>
        <translation>Aanvulling</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="174" />
        <source>No addenda yet.</source>
        <translation>Nog geen aanvullingen.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="179" />
        <source>Add to the submitted debrief</source>
        <translation>Aanvulling op de ingediende debriefing</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="180" />
        <source>Add addendum</source>
        <translation>Aanvulling toevoegen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="186" />
        <source>Addenda</source>
        <translation>Aanvullingen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="192" />
        <source>Submit to handler</source>
        <translation>Indienen bij teamleider</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="194" />
        <location filename="../pages/debrief_workflow.py" line="107" />
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="196" />
        <source>Return to runner…</source>
        <translation>Terugsturen naar runner…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="201" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="229" />
        <source>Intelligence items</source>
        <translation>Informatie-items</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="251" />
        <source>Debrief</source>
        <translation>Debriefing</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="158" />
        <source>written by {author}</source>
        <translation>geschreven door {author}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="165" />
        <source>Returned by {who}: {comment} — answer with an addendum, then submit again.</source>
        <translation>Teruggestuurd door {who}: {comment} — beantwoord dit met een aanvulling en dien opnieuw in.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="172" />
        <source>Approved by {who}.</source>
        <translation>Goedgekeurd door {who}.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="298" />
        <source>Tasking: {t}</source>
        <translation>Opdracht: {t}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="302" />
        <source>sent in package {id} (version {n})</source>
        <translation>verzonden in pakket {id} (versie {n})</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="315" />
        <source>Versions received ({n})…</source>
        <translation>Ontvangen versies ({n})…</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="332" />
        <source>Returned to its runner: they answer it and submit it again.</source>
        <translation>Teruggestuurd naar de runner: die beantwoordt haar en dient haar opnieuw in.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="334" />
        <source>Read-only: a runner's draft is theirs until they submit it.</source>
        <translation>Alleen lezen: het concept van een runner is van die runner tot die het indient.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="336" />
        <source>Read-only: submitted debriefs grow by addenda.</source>
        <translation>Alleen-lezen: een ingediende debriefing groeit alleen met aanvullingen.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="133" />
        <source>Conditions: {c}</source>
        <translation>Voorwaarden: {c}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="353" />
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_emptied.py" line="35" />
        <source>Bring the saved text back</source>
        <translation>Opgeslagen tekst terugzetten</translation>
    </message>
    <message>
        <location filename="../pages/debrief_emptied.py" line="37" />
        <source>Empty it in the vault too</source>
        <translation>Ook in de kluis leegmaken</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="192" />
        <source>the welfare notes</source>
        <translation>de notities over welzijn</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="193" />
        <source>the security notes</source>
        <translation>de notities over veiligheid</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="194" />
        <source>the assessment</source>
        <translation>de beoordeling</translation>
    </message>
    <message>
        <location filename="../pages/debrief_emptied.py" line="50" />
        <source>You emptied {fields}. The vault still holds the saved text: an autosave never empties a saved text without asking.</source>
        <translation>U hebt {fields} leeggemaakt. De kluis bewaart de opgeslagen tekst nog: automatisch opslaan maakt een opgeslagen tekst nooit leeg zonder het te vragen.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_editor.py" line="393" />
        <location filename="../pages/debrief_emptied.py" line="97" />
        <source>Saved {time}</source>
        <translation>Opgeslagen {time}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="151" />
        <location filename="../pages/debrief_items.py" line="158" />
        <source>Remove item</source>
        <translation>Item verwijderen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_items.py" line="152" />
        <source>Remove item {n} from the debrief of {day} for {codename}? What it says, its grading and its subjects are deleted.</source>
        <translation>Item {n} verwijderen uit de debriefing van {day} over {codename}? De tekst, de waardering en de betrokkenen worden gewist.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="40" />
        <location filename="../pages/debrief_workflow.py" line="54" />
        <location filename="../pages/debrief_workflow.py" line="68" />
        <source>Not submitted</source>
        <translation>Niet ingediend</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="42" />
        <source>You emptied {fields}, but the vault still holds the saved text. Bring it back or empty it in the vault too, then submit.</source>
        <translation>U hebt {fields} leeggemaakt, maar de kluis bewaart de opgeslagen tekst nog. Zet die terug of maak hem ook in de kluis leeg, en dien dan in.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="56" />
        <source>Cannot submit yet; still missing:</source>
        <translation>Kan nog niet indienen; dit ontbreekt nog:</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="135" />
        <source>Return</source>
        <translation>Terugsturen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="191" />
        <location filename="../pages/debrief_workflow.py" line="201" />
        <source>the narrative</source>
        <translation>het verslag</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="195" />
        <location filename="../pages/debrief_workflow.py" line="202" />
        <source>the critical reflection</source>
        <translation>de kritische reflectie</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="74" />
        <source>Submit debrief</source>
        <translation>Debriefing indienen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="75" />
        <source>Submit the debrief of {day} for {codename} to the handler? You cannot edit it afterwards, only add addenda.</source>
        <translation>De debriefing van {day} over {codename} indienen bij de teamleider? Daarna kunt u haar niet meer wijzigen, alleen aanvullen.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="80" />
        <source>Submit</source>
        <translation>Indienen</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="203" />
        <source>what the source reported</source>
        <translation>wat de bron meldde</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="204" />
        <source>the source evaluation</source>
        <translation>de bronwaardering</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="205" />
        <source>the intelligence assessment</source>
        <translation>de informatiewaardering</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="206" />
        <source>the handling code</source>
        <translation>de behandelcode</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="207" />
        <source>the handling conditions</source>
        <translation>de voorwaarden bij de behandelcode</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="212" />
        <source>item {n}: {what}</source>
        <translation>item {n}: {what}</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="101" />
        <source>Approve debrief</source>
        <translation>Debriefing goedkeuren</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="102" />
        <source>Approve the debrief of {day} for {codename} by {author}? An approved debrief can no longer be returned.</source>
        <translation>De debriefing van {day} over {codename} door {author} goedkeuren? Een goedgekeurde debriefing kan niet meer worden teruggestuurd.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="128" />
        <source>Return to runner</source>
        <translation>Terugsturen naar runner</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="129" />
        <source>Return the debrief of {day} for {codename} to {author}? They answer with an addendum and submit it again.</source>
        <translation>De debriefing van {day} over {codename} terugsturen naar {author}? Die antwoordt met een aanvulling en dient haar opnieuw in.</translation>
    </message>
    <message>
        <location filename="../pages/debrief_workflow.py" line="134" />
        <source>What must the runner clarify or add?</source>
        <translation>Wat moet de runner verduidelijken of aanvullen?</translation>
    </message>
</context>
<context>
    <name>DebriefsPage</name>
    <message>
        <location filename="../pages/debriefs.py" line="129" />
        <location filename="../pages/debriefs.py" line="209" />
        <location filename="../pages/debriefs.py" line="256" />
        <source>All sources</source>
        <translation>Alle bronnen</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="132" />
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="140" />
        <source>Only debriefs written on or after / up to this day</source>
        <translation>Alleen debriefings geschreven op of na / tot en met deze dag</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="149" />
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="151" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="154" />
        <source>From (day written):</source>
        <translation>Geschreven van:</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="156" />
        <source>to:</source>
        <translation>tot en met:</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="176" />
        <source>Debriefs</source>
        <translation>Debriefings</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/debriefs.py" line="240" />
        <source>%n debrief(s) match</source>
        <translation><numerusform>%n debriefing gevonden</numerusform><numerusform>%n debriefings gevonden</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/debriefs.py" line="242" />
        <source>%n debrief(s) in your files</source>
        <translation><numerusform>%n debriefing in uw dossiers</numerusform><numerusform>%n debriefings in uw dossiers</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="248" />
        <source>No debriefs match these filters.</source>
        <translation>Geen debriefings passen bij deze filters.</translation>
    </message>
    <message>
        <location filename="../pages/debriefs.py" line="249" />
        <source>No debriefs in your files yet.</source>
        <translation>Nog geen debriefings in uw dossiers.</translation>
    </message>
</context>
<context>
    <name>Deconfliction</name>
    <message>
        <location filename="../deconfliction_lines.py" line="12" />
        <source>name and date of birth</source>
        <translation>naam en geboortedatum</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="13" />
        <source>phone number</source>
        <translation>telefoonnummer</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="14" />
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="19" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="20" />
        <source>decided: the same person</source>
        <translation>besloten: dezelfde persoon</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="21" />
        <source>decided: not the same person</source>
        <translation>besloten: niet dezelfde persoon</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="32" />
        <source>(match {id}, {state} since {day})</source>
        <translation>(overeenkomst {id}, {state} sinds {day})</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="40" />
        <source>Possibly the same person as {codename} (this team): {kind}</source>
        <translation>Mogelijk dezelfde persoon als {codename} (dit team): {kind}</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="44" />
        <source>Possibly the same person as a source of team {team}: {kind}</source>
        <translation>Mogelijk dezelfde persoon als een bron van team {team}: {kind}</translation>
    </message>
    <message>
        <location filename="../deconfliction_lines.py" line="51" />
        <source>{codename}: {line}</source>
        <translation>{codename}: {line}</translation>
    </message>
</context>
<context>
    <name>DeconflictionKeyBox</name>
    <message>
        <location filename="../packages/deconfliction_box.py" line="47" />
        <location filename="../packages/deconfliction_box.py" line="152" />
        <source>Deconfliction key</source>
        <translation>Deconflictiesleutel</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="51" />
        <source>Forward the deconfliction key to runners…</source>
        <translation>Deconflictiesleutel doorsturen aan runners…</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="54" />
        <source>Compute the tokens…</source>
        <translation>Tokens berekenen…</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="79" />
        <source>No deconfliction key yet: import the central system's key package on the Receive tab.</source>
        <translation>Nog geen deconflictiesleutel: lees het sleutelpakket van het centrale systeem in op het tabblad Ontvangen.</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="95" />
        <source>(Replaced: forgotten with the next package.)</source>
        <translation>(Vervangen: vergeten met het volgende pakket.)</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="97" />
        <source>Not yet recomputed.</source>
        <translation>Nog niet opnieuw berekend.</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="119" />
        <source>Folder to write the key packages to</source>
        <translation>Map om de sleutelpakketten in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="124" />
        <source>Sealing the key for each runner…</source>
        <translation>De sleutel wordt voor elke runner verzegeld…</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="138" />
        <source>Deconfliction key written for %n runner(s) ({names}) to {folder}.</source>
        <translation><numerusform>Deconflictiesleutel voor %n runner ({names}) geschreven naar {folder}.</numerusform><numerusform>Deconflictiesleutel voor %n runners ({names}) geschreven naar {folder}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="175" />
        <source>Tokens computed for %n source(s) under key {key}…</source>
        <translation><numerusform>Tokens berekend voor %n bron onder sleutel {key}…</numerusform><numerusform>Tokens berekend voor %n bronnen onder sleutel {key}…</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="144" />
        <source>Nothing was written</source>
        <translation>Er is niets geschreven</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="83" />
        <source>No deconfliction key yet: your team handler sends you one; take it in on the Receive tab.</source>
        <translation>Nog geen deconflictiesleutel: uw teamleider stuurt u er een; lees die in op het tabblad Ontvangen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="89" />
        <source>Key {key}… made {made}: tokens under it for {n} of %n source(s) with a true identity.</source>
        <translation><numerusform>Sleutel {key}… gemaakt {made}: tokens eronder voor {n} van %n bron met een ware identiteit.</numerusform><numerusform>Sleutel {key}… gemaakt {made}: tokens eronder voor {n} van %n bronnen met een ware identiteit.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="102" />
        <source>The tokens of %n source(s) wait to be sent: the next package of everything new carries them.</source>
        <translation><numerusform>De tokens van %n bron wachten op verzending: het volgende pakket met alles wat nieuw is neemt ze mee.</numerusform><numerusform>De tokens van %n bronnen wachten op verzending: het volgende pakket met alles wat nieuw is neemt ze mee.</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="145" />
        <source>Refused: {why}</source>
        <translation>Geweigerd: {why}</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="153" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../packages/deconfliction_box.py" line="163" />
        <source>Computing the tokens…</source>
        <translation>De tokens worden berekend…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../errors.py" line="22" />
        <source>Something went wrong ({kind}). This is a bug; nothing was lost that was saved.</source>
        <translation>Er ging iets mis ({kind}). Dit is een fout in Veldboek; wat al was opgeslagen is niet verloren.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="47" />
        <source>Veldboek</source>
        <translation>Veldboek</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="483" />
        <source>the audit anchor in the header has been altered</source>
        <translation>het auditanker in het kopbestand van de kluis is gewijzigd</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="484" />
        <source>audit events up to {seq} were recorded but are gone</source>
        <translation>auditgebeurtenissen tot {seq} zijn vastgelegd maar ontbreken</translation>
    </message>
    <message>
        <location filename="../audit_labels.py" line="485" />
        <source>audit event {seq} differs from the anchored one</source>
        <translation>auditgebeurtenis {seq} wijkt af van de verankerde</translation>
    </message>
<message><source>{codename} was handed over to {runner} on {day}: the file is the new runner's now, and read only in this vault. Nothing was changed.</source><translation>{codename} is op {day} overgedragen aan {runner}: het dossier is nu van de nieuwe runner, en in deze kluis alleen nog te lezen. Er is niets gewijzigd.</translation></message><message><source>The active alias has no access to that file.</source><translation>De actieve alias heeft geen toegang tot dat dossier.</translation></message><message><source>No such {record} in the active alias's files.</source><translation>Dit staat niet in de dossiers van de actieve alias.</translation></message><message><source>There is no alias named {name!r} in this vault.</source><translation>Er is in deze kluis geen alias met de naam {name!r}.</translation></message><message><source>You may not act under the alias {name!r}.</source><translation>U mag niet werken onder de alias {name!r}.</translation></message><message><source>An alias you act under needs a role (runner or handler).</source><translation>Een alias waaronder u werkt, heeft een rol nodig (runner of teamleider).</translation></message><message><source>The alias {name!r} already exists.</source><translation>De alias {name!r} bestaat al.</translation></message><message><source>The name {name!r} is already in use: names that differ only in case or width are the same name.</source><translation>De naam {name!r} is al in gebruik: namen die alleen in hoofdletters of breedte verschillen, zijn dezelfde naam.</translation></message><message><source>That is a former name of one of your aliases, kept so that sanitised reports still refuse it; rename the alias by its present name.</source><translation>Dat is een vroegere naam van een van uw aliassen, bewaard zodat geschoonde rapporten hem blijven weigeren; wijzig de alias onder zijn huidige naam.</translation></message><message><source>Alias {id} is not one of your own: a colleague's cover name, known from a package, cannot be renamed in this vault.</source><translation>Alias {id} is niet een van uw eigen aliassen: de dekmantelnaam van een collega, bekend uit een pakket, kan in deze kluis niet worden gewijzigd.</translation></message><message><source>This vault has no alias you may act under.</source><translation>Deze kluis heeft geen alias waaronder u mag werken.</translation></message><message><source>There is no such alias in this vault.</source><translation>Deze alias bestaat niet in deze kluis.</translation></message><message><source>Only a cover name from before a rule of names can be renamed: the packages you send make your cover name known to your handler and the central system, who keep knowing you by it. Nothing was changed.</source><translation>Alleen een dekmantelnaam van vóór een regel voor namen kan worden gewijzigd: de pakketten die u verstuurt maken uw dekmantelnaam bekend bij uw teamleider en het centrale systeem, die u onder die naam blijven kennen. Er is niets gewijzigd.</translation></message><message><source>Another Veldboek process is writing to this vault; run the check again when it has finished.</source><translation>Een ander Veldboek-proces schrijft in deze kluis; voer de controle opnieuw uit als dat klaar is.</translation></message><message><source>Idle lock must be between 1 and 120 minutes.</source><translation>Vergrendelen na inactiviteit moet tussen 1 en 120 minuten liggen.</translation></message><message><source>Clipboard clearing must be between 3 and 300 seconds.</source><translation>Het wissen van het klembord moet tussen 3 en 300 seconden liggen.</translation></message><message><source>Autosave must be between 1 and 60 seconds.</source><translation>Automatisch opslaan moet tussen 1 en 60 seconden liggen.</translation></message><message><source>Reveal time must be between 5 and 120 seconds.</source><translation>De onthultijd moet tussen 5 en 120 seconden liggen.</translation></message><message><source>Reminder horizon must be between 1 and 365 days.</source><translation>De termijn voor herinneringen moet tussen 1 en 365 dagen liggen.</translation></message><message><source>Unknown retention rule.</source><translation>Onbekende bewaarregel.</translation></message><message><source>{folder} already holds other files; nothing was made. A vault gets a folder of its own: give a new or empty one.</source><translation>{folder} bevat al andere bestanden; er is niets gemaakt. Een kluis krijgt een eigen map: geef een nieuwe of lege.</translation></message><message><source>An earlier demo run with seed {seed} for {day} did not finish (it was interrupted, or is still running): its {sources} and {debriefs} stay in this vault and nothing was added. Another seed adds more.</source><translation>Een eerdere demorun met seed {seed} voor {day} is niet afgemaakt (hij werd onderbroken, of loopt nog): zijn {sources} en {debriefs} blijven in deze kluis en er is niets toegevoegd. Een andere seed voegt meer toe.</translation></message><message><source>This vault already holds the demo data made with seed {seed} for {day}; nothing was added. Another seed adds more.</source><translation>Deze kluis bevat de demogegevens met seed {seed} voor {day} al; er is niets toegevoegd. Een andere seed voegt meer toe.</translation></message><message><source>The demo's day must be between {first} and {last}.</source><translation>De dag van de demo moet tussen {first} en {last} liggen.</translation></message><message><source>--sources must be between 1 and {n}.</source><translation>--sources moet tussen 1 en {n} liggen.</translation></message><message><source>--debriefs must be between 0 and {n}.</source><translation>--debriefs moet tussen 0 en {n} liggen.</translation></message><message><source>The vault has no runner alias to own the demo files.</source><translation>De kluis heeft geen runneralias die eigenaar van de demodossiers kan zijn.</translation></message><message><source>{n} source</source><translation>{n} bron</translation></message><message><source>{n} sources</source><translation>{n} bronnen</translation></message><message><source>{n} debrief</source><translation>{n} debriefing</translation></message><message><source>{n} debriefs</source><translation>{n} debriefings</translation></message><message><source>The package body is malformed.</source><translation>De inhoud van het pakket is ongeldig.</translation></message><message><source>The package's audit events do not match its manifest.</source><translation>De auditgebeurtenissen van het pakket passen niet bij het manifest.</translation></message><message><source>The package's audit events repeat a number or are out of order.</source><translation>De auditgebeurtenissen in het pakket herhalen een nummer of staan niet op volgorde.</translation></message><message><source>The package names one id twice (two of its records, or two parts of them, share it); nothing was imported.</source><translation>Het pakket noemt één id twee keer (twee van zijn records, of twee delen ervan, hebben hetzelfde id); er is niets ingelezen.</translation></message><message><source>A registration in the package is closed only in part (its closing and its source's status do not agree); nothing was imported.</source><translation>Een registratie in het pakket is maar ten dele afgesloten (de afsluiting en de status van de bron passen niet bij elkaar); er is niets ingelezen.</translation></message><message><source>A deconfliction key is taken only from the central system (into a handler's vault) or from the team handler (into a runner's vault); nothing was stored.</source><translation>Een deconflictiesleutel wordt alleen aangenomen van het centrale systeem (in de kluis van een teamleider) of van de teamleider (in de kluis van een runner); er is niets opgeslagen.</translation></message><message><source>This deconfliction key is older than the one this vault holds; nothing was stored.</source><translation>Deze deconflictiesleutel is ouder dan die in deze kluis; er is niets opgeslagen.</translation></message><message><source>This vault knows no runner's key to send the deconfliction key to.</source><translation>Deze kluis kent geen sleutel van een runner om de deconflictiesleutel naar te sturen.</translation></message><message><source>Only a handler forwards the deconfliction key to runners.</source><translation>Alleen een teamleider stuurt de deconflictiesleutel door aan runners.</translation></message><message><source>A deconfliction notice comes from the central system's key (role central); this one is signed by another.</source><translation>Een deconflictiebericht komt van de sleutel van het centrale systeem (rol centraal); dit is door een andere ondertekend.</translation></message><message><source>Deconfliction notices are taken in by a handler.</source><translation>Deconflictieberichten worden door een teamleider ingelezen.</translation></message><message><source>Export chosen debriefs, or everything new (--all-new).</source><translation>Verzend gekozen debriefings, of alles wat nieuw is.</translation></message><message><source>Choose at least one debrief to export.</source><translation>Kies ten minste één debriefing om te verzenden.</translation></message><message><source>This debrief's source was handed over to another runner; it goes with the handover package only.</source><translation>De bron van deze debriefing is aan een andere runner overgedragen; zij gaat alleen mee in het overdrachtspakket.</translation></message><message><source>A draft cannot leave the laptop: submit it first.</source><translation>Een concept kan de laptop niet verlaten: dien het eerst in.</translation></message><message><source>A returned debrief goes out again once it is answered and submitted again.</source><translation>Een teruggestuurde debriefing gaat weer mee zodra hij is beantwoord en opnieuw ingediend.</translation></message><message><source>Not sent: the codename of source {id} holds brackets or a character that cannot be shown safely, which Veldboek no longer sends; rename the source first.</source><translation>Niet verzonden: de codenaam van bron {id} bevat haakjes of een teken dat niet veilig kan worden getoond, wat Veldboek niet meer verstuurt; wijzig eerst de naam van de bron.</translation></message><message><source>Not sent: these records name a colleague (alias {id}, known from a package) by a name that is too long, holds a character that cannot be shown safely or mixes look-alike letters, which Veldboek no longer sends; a colleague's cover name cannot be renamed in this vault.</source><translation>Niet verzonden: deze gegevens noemen een collega (alias {id}, bekend uit een pakket) met een naam die te lang is, een teken bevat dat niet veilig getoond kan worden of letters mengt die op elkaar lijken, wat Veldboek niet meer verstuurt; de dekmantelnaam van een collega kan in deze kluis niet worden gewijzigd.</translation></message><message><source>Not sent: the compartment of source {id} has a name that is too long, holds a character that cannot be shown safely or mixes look-alike letters, which Veldboek no longer sends; give the source a new codename first: its compartment is renamed with it.</source><translation>Niet verzonden: het compartiment van bron {id} heeft een naam die te lang is, een teken bevat dat niet veilig getoond kan worden of letters mengt die op elkaar lijken, wat Veldboek niet meer verstuurt; geef de bron eerst een nieuwe codenaam: het compartiment krijgt dan ook een nieuwe naam.</translation></message><message><source>Not sent: your alias {id} has a name that is too long, holds a character that cannot be shown safely or mixes look-alike letters, which Veldboek no longer sends; rename it first (Rename alias… in the Vault menu, or veldboek alias rename {id} NEW).</source><translation>Niet verzonden: uw alias {id} heeft een naam die te lang is, een teken bevat dat niet veilig getoond kan worden of letters mengt die op elkaar lijken, wat Veldboek niet meer verstuurt; wijzig eerst de naam (Alias hernoemen… in het menu Kluis, of veldboek alias rename {id} NIEUW).</translation></message><message><source>This source was already handed over; if its package was lost, write it again (package write).</source><translation>Deze bron is al overgedragen; is het pakket kwijt, schrijf het dan opnieuw (package write).</translation></message><message><source>A source is handed over by its runner.</source><translation>Een bron wordt overgedragen door haar runner.</translation></message><message><source>Another package went out meanwhile; hand the source over again.</source><translation>Intussen is er een ander pakket verzonden; draag de bron opnieuw over.</translation></message><message><source>A handover is confirmed only by the runner it was handed to, and a runner confirms nothing else; nothing was changed.</source><translation>Een overdracht wordt alleen bevestigd door de runner aan wie zij is gedaan, en een runner bevestigt niets anders; er is niets gewijzigd.</translation></message><message><source>The true identity in the handover is not a well-formed seal; nothing was imported.</source><translation>De ware identiteit in de overdracht is geen goed gevormde verzegeling; er is niets ingelezen.</translation></message><message><source>The true identity in the handover does not open with this vault's key; nothing was imported.</source><translation>De ware identiteit in de overdracht opent niet met de sleutel van deze kluis; er is niets ingelezen.</translation></message><message><source>The true identity in the handover is malformed; nothing was imported.</source><translation>De ware identiteit in de overdracht is misvormd; er is niets ingelezen.</translation></message><message><source>The handover comes from a runner who does not run that source in this vault; nothing was imported.</source><translation>De overdracht komt van een runner die deze bron in deze kluis niet runt; er is niets ingelezen.</translation></message><message><source>No confirmed runner key by that name or fingerprint: import the new runner's key and compare its fingerprint with them first (keys import).</source><translation>Geen bevestigde runnersleutel met die naam of vingerafdruk: lees eerst de sleutel van de nieuwe runner in en vergelijk de vingerafdruk met hem of haar (keys import).</translation></message><message><source>More than one key matches; give more of the fingerprint.</source><translation>Meer dan één sleutel past; geef meer van de vingerafdruk.</translation></message><message><source>That key is not a runner's: a source is handed over to a runner.</source><translation>Die sleutel is niet van een runner: een bron wordt aan een runner overgedragen.</translation></message><message><source>That runner's key was retired; import their current key and compare its fingerprint first.</source><translation>De sleutel van die runner is ingetrokken; lees eerst de huidige sleutel in en vergelijk de vingerafdruk.</translation></message><message><source>No handler key is confirmed in this vault: import the team handler's key and compare its fingerprint first (keys import).</source><translation>Deze kluis heeft geen bevestigde sleutel van een teamleider: lees eerst de sleutel van de teamleider in en vergelijk de vingerafdruk (keys import).</translation></message><message><source>Only {runner}, the alias that runs this source, may hand it over: switch to that alias. Another alias with access to the file may read it and add to it. Nothing was written.</source><translation>Alleen {runner}, de alias die deze bron runt, mag haar overdragen: wissel van alias. Een andere alias met toegang tot het dossier mag het lezen en aanvullen. Er is niets geschreven.</translation></message><message><source>The source has a draft debrief: submit or delete it before the handover.</source><translation>De bron heeft een concept-debriefing: dien die in of verwijder haar vóór de overdracht.</translation></message><message><source>The source has a contact without a debrief (on {day}): contacts travel only in their debriefs, so write and submit its debrief before the handover.</source><translation>De bron heeft een contact zonder debriefing (op {day}): contacten reizen alleen mee in hun debriefing, dus schrijf die en dien haar in vóór de overdracht.</translation></message><message><source>The handover hands the source to a key this vault holds as another role's (central's or a handler's), not a runner's; nothing was imported.</source><translation>De overdracht draagt de bron over aan een sleutel die deze kluis kent als die van een andere rol (het centrale systeem of een teamleider), niet van een runner; er is niets ingelezen.</translation></message><message><source>The handover hands the source to a runner whose key this vault has not confirmed: import the new runner's key and compare its fingerprint first, then import this package again; nothing was imported.</source><translation>De overdracht draagt de bron over aan een runner van wie deze kluis de sleutel niet heeft bevestigd: lees eerst de sleutel van de nieuwe runner in en vergelijk de vingerafdruk, en lees daarna dit pakket opnieuw in; er is niets ingelezen.</translation></message><message><source>This vault handed that source on and has not taken in the new runner's receipt for it yet: take in that receipt first (Packages, Take in a receipt), then import this handover again; nothing was imported.</source><translation>Deze kluis heeft die bron overgedragen en het ontvangstbewijs van de nieuwe runner daarvoor nog niet ingelezen: lees eerst dat ontvangstbewijs in (Pakketten, Ontvangstbewijs inlezen) en lees daarna deze overdracht opnieuw in; er is niets ingelezen.</translation></message><message><source>Wrong passphrase.</source><translation>Verkeerde wachtzin.</translation></message><message><source>This file is too large to be a key bundle.</source><translation>Dit bestand is te groot voor een sleutelbundel.</translation></message><message><source>The key bundle's self-signature does not verify; it was altered.</source><translation>De eigen handtekening van de sleutelbundel klopt niet; hij is gewijzigd.</translation></message><message><source>The fingerprint does not match: the key was not added.</source><translation>De vingerafdruk klopt niet: de sleutel is niet toegevoegd.</translation></message><message><source>The key bundle is for the role {found}, not {wanted}: the key was not added.</source><translation>De sleutelbundel is voor de rol {found}, niet {wanted}: de sleutel is niet toegevoegd.</translation></message><message><source>That is this vault's own key.</source><translation>Dat is de eigen sleutel van deze kluis.</translation></message><message><source>This file is not a Veldboek key bundle.</source><translation>Dit bestand is geen Veldboek-sleutelbundel.</translation></message><message><source>This key bundle has a version this Veldboek does not read.</source><translation>Deze sleutelbundel heeft een versie die deze Veldboek niet leest.</translation></message><message><source>The key bundle holds members this Veldboek does not know: the key was not added.</source><translation>De sleutelbundel bevat onderdelen die deze Veldboek niet kent: de sleutel is niet toegevoegd.</translation></message><message><source>The key bundle is damaged or incomplete.</source><translation>De sleutelbundel is beschadigd of onvolledig.</translation></message><message><source>This vault already knows a key named {name}; give this one another name (--name, or the name field).</source><translation>Deze kluis kent al een sleutel met de naam {name}; geef deze een andere naam (--name, of het naamveld).</translation></message><message><source>No such peer.</source><translation>Deze sleutel is onbekend.</translation></message><message><source>That package was confirmed by a receipt; its copy is no longer kept.</source><translation>Dat pakket is met een ontvangstbewijs bevestigd; de kopie wordt niet meer bewaard.</translation></message><message><source>This is a key bundle, not a package: add it with 'veldboek keys import' and the fingerprint its owner reads out (in the app: Packages, Keys).</source><translation>Dit is een sleutelbundel, geen pakket: voeg hem toe met 'veldboek keys import' en de vingerafdruk die de eigenaar voorleest (in de app: Pakketten, Sleutels).</translation></message><message><source>The package is signed by a key this vault has not confirmed for that role (import and compare the sender's key first).</source><translation>Het pakket is ondertekend met een sleutel die deze kluis niet voor die rol heeft bevestigd (lees eerst de sleutel van de afzender in en vergelijk hem).</translation></message><message><source>This is a receipt, not a package: take it in with 'receipt import' (in the app: Packages, Take in a receipt).</source><translation>Dit is een ontvangstbewijs, geen pakket: lees het in met 'receipt import' (in de app: Pakketten, Ontvangstbewijs inlezen).</translation></message><message><source>This is a {found} package, not a receipt: import it with 'veldboek package import' (in the app: Packages, Check and import a package); nothing was changed.</source><translation>Dit is een pakket van de soort {found}, geen ontvangstbewijs: lees het in met 'veldboek package import' (in de app: Pakketten, Pakket controleren en inlezen); er is niets gewijzigd.</translation></message><message><source>This is a {found} package, not a {wanted} package.</source><translation>Dit is een pakket van de soort {found}, niet {wanted}.</translation></message><message><source>This package was already imported; nothing was changed.</source><translation>Dit pakket is al ingelezen; er is niets gewijzigd.</translation></message><message><source>Another package with the same number from this sender was already imported; nothing was changed.</source><translation>Er is al een ander pakket met hetzelfde nummer van deze afzender ingelezen; er is niets gewijzigd.</translation></message><message><source>This receipt was already taken in; nothing was changed.</source><translation>Dit ontvangstbewijs is al ingelezen; er is niets gewijzigd.</translation></message><message><source>Another receipt with the same number from this sender was already taken in; nothing was changed.</source><translation>Er is al een ander ontvangstbewijs met hetzelfde nummer van deze afzender ingelezen; er is niets gewijzigd.</translation></message><message><source>The package is signed by a key this vault retired; it takes no package of that key any more. Nothing was imported.</source><translation>Het pakket is ondertekend met een sleutel die deze kluis heeft ingetrokken; ze neemt geen pakketten van die sleutel meer aan. Er is niets ingelezen.</translation></message><message><source>A file in the package is malformed.</source><translation>Een bestand in het pakket is ongeldig.</translation></message><message><source>A record does not match its hash in the manifest.</source><translation>Een record past niet bij zijn hash in het manifest.</translation></message><message><source>The package body has missing or unknown parts.</source><translation>De inhoud van het pakket mist onderdelen of heeft onbekende onderdelen.</translation></message><message><source>The package body does not list the manifest's records.</source><translation>De inhoud van het pakket bevat niet de records van het manifest.</translation></message><message><source>The package carries a record twice.</source><translation>Het pakket bevat een record twee keer.</translation></message><message><source>The package lists a source twice.</source><translation>Het pakket noemt een bron twee keer.</translation></message><message><source>The package's sources are not in the order of their ids.</source><translation>De bronnen in het pakket staan niet in de volgorde van hun id.</translation></message><message><source>A handover package carries another source than it hands over.</source><translation>Een overdrachtspakket bevat een andere bron dan het overdraagt.</translation></message><message><source>The package lists a source none of its records belongs to.</source><translation>Het pakket noemt een bron waar geen van zijn records bij hoort.</translation></message><message><source>The package carries a file none of its records names.</source><translation>Het pakket bevat een bestand dat geen van zijn records noemt.</translation></message><message><source>The package data is not in canonical form.</source><translation>De pakketgegevens zijn niet in canonieke vorm.</translation></message><message><source>A file in the package is larger than any attached file can be ({mb} MB).</source><translation>Een bestand in het pakket is groter dan een bijgevoegd bestand kan zijn ({mb} MB).</translation></message><message><source>A file in the package does not match its hash.</source><translation>Een bestand in het pakket past niet bij zijn hash.</translation></message><message><source>The package's files are not in the order of their hashes.</source><translation>De bestanden in het pakket staan niet in de volgorde van hun hash.</translation></message><message><source>A record entry in the package is malformed.</source><translation>Een record in het pakket is ongeldig.</translation></message><message><source>The package's records do not match its manifest (their type, id, version or order differ).</source><translation>De records in het pakket passen niet bij het manifest (hun soort, id, versie of volgorde verschilt).</translation></message><message><source>A record belongs to a source the package does not list.</source><translation>Een record hoort bij een bron die het pakket niet noemt.</translation></message><message><source>A record's compartment does not match its source.</source><translation>Het compartiment van een record past niet bij de bron.</translation></message><message><source>A file a record names is missing from the package.</source><translation>Een bestand dat een record noemt, ontbreekt in het pakket.</translation></message><message><source>A file in the package is not the size its record gives.</source><translation>Een bestand in het pakket heeft niet de grootte die zijn record noemt.</translation></message><message><source>This vault keeps no copy of that package.</source><translation>Deze kluis bewaart geen kopie van dat pakket.</translation></message><message><source>No key this vault confirmed signed the package.</source><translation>Het pakket is niet ondertekend met een sleutel die deze kluis heeft bevestigd.</translation></message><message><source>A source in the package conflicts with this vault's records.</source><translation>Een bron in het pakket botst met de gegevens in deze kluis.</translation></message><message><source>Source {codename} (id {id}, from {runner}) in this package has the codename of another source in this vault; both are kept, each shown with its runner.</source><translation>Bron {codename} (id {id}, van {runner}) in dit pakket heeft de codenaam van een andere bron in deze kluis; beide worden bewaard, elk getoond met de eigen runner.</translation></message><message><source>The package carries a version of a record that this vault holds with other content (a version never changes); nothing was imported.</source><translation>Het pakket bevat een versie van een gegeven die deze kluis met een andere inhoud bewaart (een versie verandert nooit); er is niets ingelezen.</translation></message><message><source>Packages {numbers} from this sender have not arrived.</source><translation>Pakketten {numbers} van deze afzender zijn niet aangekomen.</translation></message><message><source>Package {n} does not follow package {before} as imported here (its link to the previous package differs).</source><translation>Pakket {n} volgt hier niet op het ingelezen pakket {before} (de verwijzing naar het vorige pakket verschilt).</translation></message><message><source>Package {numbers} from this sender has not arrived.</source><translation>Pakket {numbers} van deze afzender is niet aangekomen.</translation></message><message><source>Package {n} arrived late; it fills a gap.</source><translation>Pakket {n} kwam later aan; het vult een gat.</translation></message><message><source>Another package numbered {n} from this sender was already imported.</source><translation>Er is al een ander pakket met nummer {n} van deze afzender ingelezen.</translation></message><message><source>Packages of debriefs are imported by a handler; a runner imports only a source handed over to them.</source><translation>Pakketten met debriefings worden ingelezen door een teamleider; een runner leest alleen een aan hem of haar overgedragen bron in.</translation></message><message><source>This vault's key opens none of the package's recipient slots: the package is not addressed to this vault (a runner's vault takes in only a source handed over to it, and keys and notices from its handler), or its header was damaged.</source><translation>De sleutel van deze kluis opent geen van de ontvangersvakken van het pakket: het pakket is niet aan deze kluis gericht (de kluis van een runner leest alleen een aan haar overgedragen bron in, en sleutels en berichten van de teamleider), of de kop is beschadigd.</translation></message><message><source>The file is not the one that was checked (it changed, or another was put in its place); nothing was imported. Check it again.</source><translation>Het bestand is niet het bestand dat is gecontroleerd (het is gewijzigd, of er is een ander voor in de plaats gezet); er is niets ingelezen. Controleer het opnieuw.</translation></message><message><source>A handed-over source is taken on under a runner's cover name.</source><translation>Een overgedragen bron wordt overgenomen onder de dekmantelnaam van een runner.</translation></message><message><source>This handover is for another runner; a handler imports it too.</source><translation>Deze overdracht is voor een andere runner; een teamleider leest haar ook in.</translation></message><message><source>The package holds a name (an alias, codename or compartment) that is too long, holds characters that cannot be shown safely, or is a codename with brackets (which Veldboek no longer takes): the sender renames it and sends again; nothing was imported.</source><translation>Het pakket bevat een naam (een alias, codenaam of compartiment) die te lang is, tekens bevat die niet veilig getoond kunnen worden, of een codenaam met haakjes is (die Veldboek niet meer aanneemt): de afzender wijzigt de naam en verstuurt opnieuw; er is niets geïmporteerd.</translation></message><message><source>A handover package is malformed.</source><translation>Een overdrachtspakket is misvormd.</translation></message><message><source>A record in the package is malformed.</source><translation>Een record in het pakket is ongeldig.</translation></message><message><source>An audit event in the package does not match its hash.</source><translation>Een auditgebeurtenis in het pakket past niet bij haar hash.</translation></message><message><source>A source entry in the package is malformed.</source><translation>Een bron in het pakket is ongeldig.</translation></message><message><source>An audit event in the package is malformed.</source><translation>Een auditgebeurtenis in het pakket is ongeldig.</translation></message><message><source>Other exports of this vault kept recording their packages first; try again once they are done.</source><translation>Andere verzendingen uit deze kluis legden hun pakket steeds eerder vast; probeer het opnieuw als die klaar zijn.</translation></message><message><source>No recipient is known yet: import the team handler's key first (keys import).</source><translation>Er is nog geen ontvanger bekend: lees eerst de sleutel van de teamleider in (Pakketten, Sleutels).</translation></message><message><source>Packages of debriefs are written by a runner; a handler sends receipts (receipt create) and the deconfliction key.</source><translation>Pakketten met debriefings worden door een runner geschreven; een teamleider verstuurt ontvangstbewijzen (receipt create) en de deconflictiesleutel.</translation></message><message><source>There is nothing new to export.</source><translation>Er is niets nieuws te verzenden.</translation></message><message><source>Another export of this vault sent these debriefs at the same moment (package {n}); there is nothing new to export.</source><translation>Een andere verzending uit deze kluis verzond deze debriefings op hetzelfde moment (pakket {n}); er is niets nieuws te verzenden.</translation></message><message><source>No such package was sent from this vault.</source><translation>Zo'n pakket is niet vanuit deze kluis verzonden.</translation></message><message><source>The handler returned {n} debriefs this vault no longer holds ({ids}; deleted after an earlier receipt, such as the central system's): ask the handler what each return asks, and answer in new debriefs.</source><translation>De teamleider heeft {n} debriefings teruggestuurd die deze kluis niet meer heeft ({ids}; verwijderd na een eerder ontvangstbewijs, zoals dat van het centrale systeem): vraag de teamleider wat elke terugzending vraagt, en beantwoord die in nieuwe debriefings.</translation></message><message><source>The handler returned debrief {ids}, which this vault no longer holds (it was deleted after an earlier receipt, such as the central system's): ask the handler what the return asks, and answer it in a new debrief.</source><translation>De teamleider heeft debriefing {ids} teruggestuurd, die deze kluis niet meer heeft (zij is verwijderd na een eerder ontvangstbewijs, zoals dat van het centrale systeem): vraag de teamleider wat de terugzending vraagt, en beantwoord die in een nieuwe debriefing.</translation></message><message><source>No confirmed runner key by that name or fingerprint; 'veldboek keys peers' lists the keys this vault confirmed (in the app: Packages, Keys).</source><translation>Er is geen bevestigde runnersleutel met die naam of vingerafdruk; 'veldboek keys peers' toont de sleutels die deze kluis heeft bevestigd (in de app: Pakketten, Sleutels).</translation></message><message><source>More than one runner key matches; give more of the fingerprint.</source><translation>Meer dan één runnersleutel past; geef meer van de vingerafdruk.</translation></message><message><source>Not every package named was imported from that runner.</source><translation>Niet elk genoemd pakket is van die runner ingelezen.</translation></message><message><source>This vault has imported no package from that runner to confirm.</source><translation>Deze kluis heeft geen pakket van die runner ingelezen om te bevestigen.</translation></message><message><source>Every package from that runner is already confirmed.</source><translation>Elk pakket van die runner is al bevestigd.</translation></message><message><source>The receipt's body is malformed.</source><translation>De inhoud van het ontvangstbewijs is ongeldig.</translation></message><message><source>The receipt reviews a debrief twice.</source><translation>Het ontvangstbewijs beoordeelt een debriefing twee keer.</translation></message><message><source>The receipt's reviews are not in the order they were made.</source><translation>De beoordelingen in het ontvangstbewijs staan niet in de volgorde waarin ze zijn gegeven.</translation></message><message><source>The receipt names a package this vault did not send (or with other contents); nothing was changed.</source><translation>Het ontvangstbewijs noemt een pakket dat deze kluis niet heeft verzonden (of met een andere inhoud); er is niets gewijzigd.</translation></message><message><source>The receipt comes from a key that package was not sealed to; nothing was changed.</source><translation>Het ontvangstbewijs komt van een sleutel waarvoor dat pakket niet was versleuteld; er is niets gewijzigd.</translation></message><message><source>A runner's receipt carries reviews; nothing was changed.</source><translation>Het ontvangstbewijs van een runner bevat beoordelingen; er is niets gewijzigd.</translation></message><message><source>The receipt names a reviewer by a name that is too long or holds characters that cannot be shown safely; nothing was taken in.</source><translation>Het ontvangstbewijs noemt een beoordelaar met een naam die te lang is of tekens bevat die niet veilig getoond kunnen worden; er is niets verwerkt.</translation></message><message><source>A review in the receipt is malformed.</source><translation>Een beoordeling in het ontvangstbewijs is ongeldig.</translation></message><message><source>The confirmed debriefs are deleted, but the vault file could not be rebuilt yet (is the disk full?); it is rebuilt at the next unlock.</source><translation>De bevestigde debriefings zijn verwijderd, maar het kluisbestand kon nog niet opnieuw worden opgebouwd (is de schijf vol?); dat gebeurt bij de volgende ontgrendeling.</translation></message><message><source>The source's identity no longer gives the tokens that went to central: send everything new first, so that central drops them, then hand the source over.</source><translation>De identiteit van de bron levert de tokens die naar het centrale systeem gingen niet meer op: verstuur eerst al het nieuwe, zodat het centrale systeem ze laat vallen, en draag de bron dan over.</translation></message><message><source>{folder} is a file, not a folder; nothing was written. Give the folder to write into.</source><translation>{folder} is een bestand, geen map; er is niets geschreven. Geef de map om in te schrijven.</translation></message><message><source>The folder {folder} does not exist.</source><translation>De map {folder} bestaat niet.</translation></message><message><source>{path} is the vault's file {name} under another name; nothing was written.</source><translation>{path} is het kluisbestand {name} onder een andere naam; er is niets geschreven.</translation></message><message><source>{path} is a folder; give the name of a file to write.</source><translation>{path} is een map; geef de naam van een bestand om te schrijven.</translation></message><message><source>{path} is not a regular file; nothing was written.</source><translation>{path} is geen gewoon bestand; er is niets geschreven.</translation></message><message><source>{path} already exists; nothing was written. Choose another name, or replace it on purpose (--force).</source><translation>{path} bestaat al; er is niets geschreven. Kies een andere naam, of vervang het bewust (--force).</translation></message><message><source>{path} is inside the vault folder {vault}; nothing was written. Choose a place outside every vault.</source><translation>{path} ligt in de kluismap {vault}; er is niets geschreven. Kies een plek buiten elke kluis.</translation></message><message><source>{path} cannot be checked ({why}); nothing was written.</source><translation>{path} kan niet worden gecontroleerd ({why}); er is niets geschreven.</translation></message><message><source>{path} cannot be written ({why}); nothing was issued or written.</source><translation>{path} kan niet worden geschreven ({why}); er is niets uitgegeven of geschreven.</translation></message><message><source>{path} is a vault folder; nothing was written. Choose a place outside every vault.</source><translation>{path} is een kluismap; er is niets geschreven. Kies een plek buiten elke kluis.</translation></message><message><source>{path} leads (by a link) into the vault folder {vault}; nothing was written. Choose a place outside every vault.</source><translation>{path} leidt (via een koppeling) naar de kluismap {vault}; er is niets geschreven. Kies een plek buiten elke kluis.</translation></message><message><source>The file is larger than {mb} MB; attach a smaller copy.</source><translation>Het bestand is groter dan {mb} MB; voeg een kleinere kopie bij.</translation></message><message><source>Cannot read {path}: {why}.</source><translation>{path} is niet te lezen: {why}.</translation></message><message><source>{path} is larger than a Veldboek package can be ({mb} MiB).</source><translation>{path} is groter dan een Veldboek-pakket kan zijn ({mb} MiB).</translation></message><message><source>{path} is larger than a Veldboek receipt can be ({mb} MiB).</source><translation>{path} is groter dan een Veldboek-ontvangstbewijs kan zijn ({mb} MiB).</translation></message><message><source>{path} is larger than a Veldboek key bundle can be ({kb} KiB).</source><translation>{path} is groter dan een Veldboek-sleutelbundel kan zijn ({kb} KiB).</translation></message><message><source>{path} is larger than a Veldboek report can be ({mb} MiB).</source><translation>{path} is groter dan een Veldboek-rapport kan zijn ({mb} MiB).</translation></message><message><source>{path} is a folder, not a file.</source><translation>{path} is een map, geen bestand.</translation></message><message><source>{path} is not an ordinary file (it is a device, a pipe or a socket); choose the file itself.</source><translation>{path} is geen gewoon bestand (het is een apparaat, een pipe of een socket); kies het bestand zelf.</translation></message><message><source>File not found: {path}</source><translation>Bestand niet gevonden: {path}</translation></message><message><source>{path} changed while it was being read; try again.</source><translation>{path} veranderde terwijl het werd gelezen; probeer het opnieuw.</translation></message><message><source>{path} is a link; not read.</source><translation>{path} is een koppeling; niet gelezen.</translation></message><message><source>The file is empty.</source><translation>Het bestand is leeg.</translation></message><message><source>Unknown purpose.</source><translation>Onbekend doel.</translation></message><message><source>Files can be attached only while the debrief is a draft.</source><translation>Bestanden kunnen alleen worden bijgevoegd zolang de debriefing een concept is.</translation></message><message><source>A debrief holds at most {n} files.</source><translation>Een debriefing bevat hoogstens {n} bestanden.</translation></message><message><source>Files can be removed only while the debrief is a draft.</source><translation>Bestanden kunnen alleen worden verwijderd zolang de debriefing een concept is.</translation></message><message><source>Give the reason the registration is closed.</source><translation>Geef de reden waarom de registratie wordt beëindigd.</translation></message><message><source>The reason for closing holds at most {n} characters.</source><translation>De reden voor de beëindiging bevat hoogstens {n} tekens.</translation></message><message><source>A closing cannot be decided on a day still to come.</source><translation>Tot een beëindiging kan niet worden besloten op een dag die nog moet komen.</translation></message><message><source>This registration is already closed.</source><translation>Deze registratie is al beëindigd.</translation></message><message><source>This source came in a runner's package: its runner closes the registration, and the closing arrives with their next package.</source><translation>Deze bron kwam in het pakket van een runner: die runner beëindigt de registratie, en de beëindiging komt met het volgende pakket.</translation></message><message><source>Only {runner}, the alias that runs this source, may close its registration: switch to that alias. Another alias with access to the file may read it and add to it. Nothing was changed.</source><translation>Alleen {runner}, de alias die deze bron runt, mag haar registratie beëindigen: wissel van alias. Een andere alias met toegang tot het dossier mag het lezen en aanvullen. Er is niets gewijzigd.</translation></message><message><source>A closing cannot be decided before the source was registered.</source><translation>Tot een beëindiging kan niet worden besloten vóór de registratie van de bron.</translation></message><message><source>A contact time needs a time zone.</source><translation>Een contacttijd heeft een tijdzone nodig.</translation></message><message><source>A contact lasts between 0 and 1440 minutes.</source><translation>Een contact duurt tussen 0 en 1440 minuten.</translation></message><message><source>Attendees are recorded by cover name only.</source><translation>Aanwezigen worden alleen op dekmantelnaam vastgelegd.</translation></message><message><source>Only a handler may approve or return a debrief.</source><translation>Alleen een teamleider mag een debriefing goedkeuren of terugsturen.</translation></message><message><source>A review comment holds at most {n} characters.</source><translation>Een beoordelingsopmerking bevat hoogstens {n} tekens.</translation></message><message><source>Say why the debrief is returned.</source><translation>Geef aan waarom de debriefing wordt teruggestuurd.</translation></message><message><source>An addendum needs text.</source><translation>Een aanvulling heeft tekst nodig.</translation></message><message><source>Cannot submit yet; missing: {missing}.</source><translation>Kan nog niet indienen; dit ontbreekt: {missing}.</translation></message><message><source>Only a submitted debrief can be approved or returned.</source><translation>Alleen een ingediende debriefing kan worden goedgekeurd of teruggestuurd.</translation></message><message><source>A debrief is reviewed by someone other than its author.</source><translation>Een debriefing wordt beoordeeld door een ander dan de schrijver.</translation></message><message><source>A draft is edited directly; addenda are for submitted debriefs.</source><translation>Een concept wordt direct bewerkt; aanvullingen zijn voor ingediende debriefings.</translation></message><message><source>A returned debrief is resubmitted with an addendum that answers the comment.</source><translation>Een teruggestuurde debriefing wordt opnieuw ingediend met een aanvulling die op de opmerking antwoordt.</translation></message><message><source>Only a draft or a returned debrief can be submitted.</source><translation>Alleen een concept of een teruggestuurde debriefing kan worden ingediend.</translation></message><message><source>This debrief is its runner's until they submit it: a handler reads it, and reviews it once it is submitted.</source><translation>Deze debriefing is van de runner tot die haar indient: een teamleider leest haar, en beoordeelt haar zodra zij is ingediend.</translation></message><message><source>This debrief has been submitted; it can only be added to (addendum).</source><translation>Deze debriefing is ingediend; er kan alleen nog iets aan worden toegevoegd (aanvulling).</translation></message><message><source>The sanitised wording or the handling conditions hold invisible characters ({chars}); remove them: they can hide a name.</source><translation>De geschoonde tekst of de voorwaarden bevatten onzichtbare tekens ({chars}); haal ze weg: ze kunnen een naam verbergen.</translation></message><message><source>That contact belongs to another source.</source><translation>Dat contact hoort bij een andere bron.</translation></message><message><source>The source's true identity is too large to hand over: its photo ({photo} KB) and its notes ({notes} characters) make a seal larger than the new runner's vault takes. Record it again with a smaller photo or shorter notes, then hand the source over. Nothing was written; the source was not handed over.</source><translation>De ware identiteit van de bron is te groot om over te dragen: de foto ({photo} KB) en de notities ({notes} tekens) geven een verzegeling die groter is dan de kluis van de nieuwe runner aanneemt. Leg haar opnieuw vast met een kleinere foto of kortere notities en draag de bron daarna over. Er is niets geschreven; de bron is niet overgedragen.</translation></message><message><source>A true identity needs at least the full name.</source><translation>Een ware identiteit heeft ten minste de volledige naam nodig.</translation></message><message><source>The photo is larger than 2 MB.</source><translation>De foto is groter dan 2 MB.</translation></message><message><source>The photo is not a PNG image.</source><translation>De foto is geen PNG-afbeelding.</translation></message><message><source>Give the reason for revealing the identity.</source><translation>Geef de reden om de identiteit te onthullen.</translation></message><message><source>The reason is too short: write at least {n} characters, so that the audit log says why the identity was revealed.</source><translation>De reden is te kort: schrijf ten minste {n} tekens, zodat het auditlog zegt waarom de identiteit werd onthuld.</translation></message><message><source>No true identity has been recorded for this source.</source><translation>Voor deze bron is geen ware identiteit vastgelegd.</translation></message><message><source>The source's true identity as recorded here cannot be handed over (its photo is not a PNG image, or a field is malformed): record it again, then hand the source over.</source><translation>De ware identiteit van de bron kan niet worden overgedragen zoals zij hier is vastgelegd (de foto is geen PNG-afbeelding, of een veld is misvormd): leg haar opnieuw vast en draag de bron daarna over.</translation></message><message><source>This vault holds no deconfliction key yet: import the key package first.</source><translation>Deze kluis heeft nog geen deconflictiesleutel: lees eerst het sleutelpakket in.</translation></message><message><source>Another deconfliction key arrived meanwhile; recompute the tokens again.</source><translation>Intussen is een andere deconflictiesleutel binnengekomen; bereken de tokens opnieuw.</translation></message><message><source>That draft does not belong to this meeting.</source><translation>Dat concept hoort niet bij deze ontmoeting.</translation></message><message><source>Only the alias that started a meeting can discard it.</source><translation>Alleen de alias die een ontmoeting begon, kan haar weggooien.</translation></message><message><source>This meeting was ended; it can no longer be discarded.</source><translation>Deze ontmoeting is beëindigd; ze kan niet meer worden weggegooid.</translation></message><message><source>A meeting can be discarded only in its first {minutes} minutes; end it instead.</source><translation>Een ontmoeting kan alleen in de eerste {minutes} minuten worden weggegooid; beëindig haar in plaats daarvan.</translation></message><message><source>More than the note was recorded for this meeting; end it instead.</source><translation>Bij deze ontmoeting is meer vastgelegd dan de notitie; beëindig haar in plaats daarvan.</translation></message><message><source>The meeting's note holds text that discarding would lose; nothing was discarded.</source><translation>De notitie van de ontmoeting bevat tekst die bij weggooien verloren zou gaan; er is niets weggegooid.</translation></message><message><source>This vault holds no version {version} of that debrief.</source><translation>Deze kluis heeft geen versie {version} van die debriefing.</translation></message><message><source>Type at least one word to search for.</source><translation>Typ ten minste één woord om op te zoeken.</translation></message><message><source>A registration is closed with its reason, the day and who decided (Close registration, or 'veldboek source close'), not by changing its status.</source><translation>Een registratie wordt beëindigd met de reden, de dag en wie besloot (Registratie beëindigen, of 'veldboek source close'), niet door de status te wijzigen.</translation></message><message><source>No source with codename {codename!r} in the active alias's files.</source><translation>Geen bron met codenaam {codename!r} in de dossiers van de actieve alias.</translation></message><message><source>A contracted civilian informant needs a legal basis (art. 126v Sv).</source><translation>Een gecontracteerde burgerinformant heeft een wettelijke grondslag nodig (art. 126v Sv).</translation></message><message><source>The codename {codename!r} is already in use.</source><translation>De codenaam {codename!r} is al in gebruik.</translation></message><message><source>Only a handler may give another alias access to a file.</source><translation>Alleen een teamleider mag een andere alias toegang tot een dossier geven.</translation></message><message><source>Access can only be given to a cover name.</source><translation>Toegang kan alleen aan een dekmantelnaam worden gegeven.</translation></message><message><source>A closed registration stays closed.</source><translation>Een beëindigde registratie blijft beëindigd.</translation></message><message><source>The codename cannot be changed: an alias has the same name as the old codename, so the old one could not be kept for the sanitisation guard.</source><translation>De codenaam kan niet worden gewijzigd: een alias heeft dezelfde naam als de oude codenaam, dus de oude kan niet worden bewaard voor de controle op geschoonde tekst.</translation></message><message><source>That debrief belongs to another source.</source><translation>Die debriefing hoort bij een andere bron.</translation></message><message><source>A tasking needs a description of what to find out.</source><translation>Een opdracht heeft een omschrijving nodig van wat er uitgezocht moet worden.</translation></message><message><source>Close a tasking as done or cancelled.</source><translation>Sluit een opdracht af als uitgevoerd of vervallen.</translation></message><message><source>An amount must be more than zero.</source><translation>Een bedrag moet groter zijn dan nul.</translation></message><message><source>An amount that large cannot be recorded.</source><translation>Een zo groot bedrag kan niet worden vastgelegd.</translation></message><message><source>A payment needs a witness.</source><translation>Een betaling heeft een getuige nodig.</translation></message><message><source>Currency is a three-letter code such as EUR.</source><translation>De valuta is een code van drie letters, zoals EUR.</translation></message><message><source>This tasking is already closed.</source><translation>Deze opdracht is al afgesloten.</translation></message><message><source>The witness must be someone other than the runner who pays.</source><translation>De getuige moet een ander zijn dan de runner die betaalt.</translation></message><message><source>Witnesses and approvers are named by cover name.</source><translation>Getuigen en goedkeurders worden op dekmantelnaam genoemd.</translation></message><message><source>An instruction needs text.</source><translation>Een instructie heeft tekst nodig.</translation></message><message><source>Reliability is recorded as a 3x5x2 source evaluation (1, 2 or 3).</source><translation>Betrouwbaarheid wordt vastgelegd als 3x5x2-bronwaardering (1, 2 of 3).</translation></message><message><source>The next risk review must be today or later.</source><translation>De volgende risicoherziening moet vandaag of later zijn.</translation></message><message><source>This instruction was already acknowledged.</source><translation>Deze instructie is al bevestigd.</translation></message><message><source>No such report approval in the active alias's files.</source><translation>Deze rapportgoedkeuring staat niet in de dossiers van de actieve alias.</translation></message><message><source>That is not the code of this sanitised text (or it changed since it was shown); show it again (veldboek report approvals --show ID) and approve what you read.</source><translation>Dat is niet de code van deze geschoonde tekst (of de tekst is gewijzigd sinds hij werd getoond); toon hem opnieuw (veldboek report approvals --show ID) en keur goed wat u gelezen hebt.</translation></message><message><source>Only a handler may approve or reject a sanitised report.</source><translation>Alleen een teamleider mag een geschoond rapport goedkeuren of afwijzen.</translation></message><message><source>Say why the sanitised report is rejected.</source><translation>Geef aan waarom het geschoonde rapport wordt afgewezen.</translation></message><message><source>This request has already been decided.</source><translation>Over deze aanvraag is al besloten.</translation></message><message><source>A sanitised report is approved or rejected by someone other than its requester: another handler alias, one that sees its sources.</source><translation>Een geschoond rapport wordt goedgekeurd of afgewezen door een ander dan de aanvrager: een andere teamleidersalias, een die de bronnen ervan ziet.</translation></message><message><source>Choose a marking: {markings}.</source><translation>Kies een rubricering: {markings}.</translation></message><message><source>Choose one debrief, or a source and/or a date range.</source><translation>Kies één debriefing, of een bron en/of een periode.</translation></message><message><source>The date range ends before it starts.</source><translation>De periode eindigt voordat ze begint.</translation></message><message><source>Reports are printed in English (en) or Dutch (nl).</source><translation>Rapporten worden in het Engels (en) of Nederlands (nl) afgedrukt.</translation></message><message><source>Management information is made in a team handler's vault.</source><translation>Managementinformatie wordt gemaakt in de kluis van een teamleider.</translation></message><message><source>The period ends before it starts.</source><translation>De periode eindigt voordat ze begint.</translation></message><message><source>A management report covers at most five years.</source><translation>Een managementrapport beslaat hoogstens vijf jaar.</translation></message><message><source>Only drafts match that choice; a report leaves them out unless asked to include them.</source><translation>Alleen concepten passen bij die keuze; een rapport laat ze weg, tenzij u vraagt ze op te nemen.</translation></message><message><source>No debriefs match that choice in the active alias's files.</source><translation>Geen debriefings in de dossiers van de actieve alias passen bij die keuze.</translation></message><message><source>A report covers at most {n} debriefs; narrow the choice.</source><translation>Een rapport omvat ten hoogste {n} debriefings; maak de keuze kleiner.</translation></message><message><source>Nothing to share: no submitted or approved debrief in that choice has an item whose handling code allows sharing and that has a sanitised wording.</source><translation>Niets te delen: geen ingediende of goedgekeurde debriefing in die keuze heeft een item waarvan de behandelcode delen toestaat en dat een geschoonde tekst heeft.</translation></message><message><source>The sanitised content has changed since it was checked and approved; request the report again.</source><translation>De geschoonde inhoud is veranderd sinds de controle en goedkeuring; vraag het rapport opnieuw aan.</translation></message><message><source>This approved report has already been issued; request a new one.</source><translation>Dit goedgekeurde rapport is al uitgegeven; vraag een nieuw aan.</translation></message><message><source>A sanitised report is released only after a handler approves it.</source><translation>Een geschoond rapport wordt pas vrijgegeven nadat een teamleider het heeft goedgekeurd.</translation></message><message><source>That report is not in this vault's register.</source><translation>Dat rapport staat niet in het register van deze kluis.</translation></message><message><source>Could not write {name}: {why}.</source><translation>{name} kon niet worden geschreven: {why}.</translation></message><message><source>The disk holding {folder} is full; nothing was changed.</source><translation>De schijf met {folder} is vol; er is niets gewijzigd.</translation></message><message><source>Cannot create a vault at {root}: {reason}.</source><translation>Er kan geen kluis worden gemaakt in {root}: {reason}.</translation></message><message><source>No OS keyring is available, so a device secret cannot be used on this computer.</source><translation>Er is geen sleutelbos van het besturingssysteem, dus een apparaatgeheim kan op deze computer niet worden gebruikt.</translation></message><message><source>A vault already exists at {root}.</source><translation>Er bestaat al een kluis in {root}.</translation></message><message><source>{root} holds a database without its header; move it away before creating a vault.</source><translation>{root} bevat een database zonder kopbestand (vault.header); verplaats die voordat u een kluis maakt.</translation></message><message><source>The disk holding {root} is full; no vault was created.</source><translation>De schijf met {root} is vol; er is geen kluis gemaakt.</translation></message><message><source>Cannot create a vault at {root}: the folder is not writable.</source><translation>Er kan geen kluis worden gemaakt in {root}: er kan niet in de map worden geschreven.</translation></message><message><source>Cannot write the vault database in {root}.</source><translation>De kluisdatabase kan niet worden geschreven in {root}.</translation></message><message><source>The disk holding the vault is full, and opening it needs a little room (every unlock is recorded in the vault): free some space and try again. Nothing in the vault was changed.</source><translation>De schijf met de kluis is vol, en openen vraagt een beetje ruimte (elke ontgrendeling wordt in de kluis vastgelegd): maak wat ruimte vrij en probeer het opnieuw. Er is niets in de kluis gewijzigd.</translation></message><message><source>Another Veldboek process changed the vault while this window had it open, and this window's view of it was out of date. The vault is sound and nothing was lost: try again.</source><translation>Een ander Veldboek-proces wijzigde de kluis terwijl dit venster haar open had, en wat dit venster ervan zag was verouderd. De kluis is in orde en er is niets verloren: probeer het opnieuw.</translation></message><message><source>The vault database is damaged. Restore it from a backup, or run `veldboek check`.</source><translation>De kluisdatabase is beschadigd. Zet een back-up terug of voer `veldboek check` uit.</translation></message><message><source>The disk is full: the last change was not saved. Free space and retry.</source><translation>De schijf is vol: de laatste wijziging is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw.</translation></message><message><source>The vault is busy: another Veldboek process is writing to it. Nothing was changed; try again when it is done.</source><translation>De kluis is bezet: een ander Veldboek-proces schrijft erin. Er is niets gewijzigd; probeer het opnieuw als dat klaar is.</translation></message><message><source>The OS keyring could not be read; this vault needs its device secret from it.</source><translation>De sleutelbos van het besturingssysteem kon niet worden gelezen; deze kluis heeft het apparaatgeheim daaruit nodig.</translation></message><message><source>The device secret in the OS keyring is damaged.</source><translation>Het apparaatgeheim in de sleutelbos van het besturingssysteem is beschadigd.</translation></message><message><source>The OS keyring refused to store the device secret.</source><translation>De sleutelbos van het besturingssysteem weigerde het apparaatgeheim op te slaan.</translation></message><message><source>The OS keyring refused to delete the device secret.</source><translation>De sleutelbos van het besturingssysteem weigerde het apparaatgeheim te verwijderen.</translation></message><message><source>The vault database cannot be decrypted: it is damaged, truncated or does not belong to this header.</source><translation>De kluisdatabase kan niet worden ontsleuteld: ze is beschadigd, afgekapt of hoort niet bij het kopbestand van de kluis (vault.header).</translation></message><message><source>Another Veldboek process is changing this vault's header; try again in a moment.</source><translation>Een ander Veldboek-proces wijzigt het kopbestand van deze kluis; probeer het zo meteen opnieuw.</translation></message><message><source>This file is not a Veldboek vault header.</source><translation>Dit bestand is geen kopbestand van een Veldboek-kluis.</translation></message><message><source>The vault header has version {version!r}; this Veldboek reads version {known}. Use a newer Veldboek.</source><translation>Het kopbestand van de kluis heeft versie {version!r}; deze Veldboek leest versie {known}. Gebruik een nieuwere Veldboek.</translation></message><message><source>The vault header names an unknown key-derivation function.</source><translation>Het kopbestand van de kluis noemt een onbekende sleutelafleidingsfunctie.</translation></message><message><source>The vault header is too large to be genuine.</source><translation>Het kopbestand van de kluis is te groot om echt te zijn.</translation></message><message><source>The vault header names an unknown key-wrapping algorithm.</source><translation>Het kopbestand van de kluis noemt een onbekend algoritme voor sleutelomhulling.</translation></message><message><source>No vault header at {path}.</source><translation>Geen kopbestand van een kluis (vault.header) in {path}.</translation></message><message><source>The vault header cannot be read: {why}.</source><translation>Het kopbestand van de kluis kan niet worden gelezen: {why}.</translation></message><message><source>The vault header on disk belongs to another vault.</source><translation>Het kopbestand op schijf hoort bij een andere kluis.</translation></message><message><source>The vault header is not readable (corrupted file).</source><translation>Het kopbestand van de kluis is niet leesbaar (beschadigd bestand).</translation></message><message><source>The vault header is damaged or incomplete.</source><translation>Het kopbestand van de kluis is beschadigd of onvolledig.</translation></message><message><source>The passphrase must have at least {n} characters.</source><translation>De wachtzin moet ten minste {n} tekens hebben.</translation></message><message><source>The passphrase must not start or end with a space.</source><translation>De wachtzin mag niet met een spatie beginnen of eindigen.</translation></message><message><source>A leftover temporary file in the vault folder ({name}) cannot be removed; it may hold the key under an earlier passphrase. Remove it, then change the passphrase again. Nothing was changed.</source><translation>Een achtergebleven tijdelijk bestand in de kluismap ({name}) kan niet worden verwijderd; het kan de sleutel onder een eerdere wachtzin bevatten. Verwijder het en wijzig de wachtzin daarna opnieuw. Er is niets gewijzigd.</translation></message><message><source>The current passphrase is wrong.</source><translation>De huidige wachtzin is onjuist.</translation></message><message><source>The passphrase was changed in another window or command after this one unlocked; the current passphrase is the new one. Nothing was changed.</source><translation>De wachtzin is in een ander venster of commando gewijzigd nadat dit venster werd ontgrendeld; de huidige wachtzin is de nieuwe. Er is niets gewijzigd.</translation></message><message><source>Text cannot hold a NUL character (U+0000); remove it and save again. Nothing was saved.</source><translation>Tekst mag geen NUL-teken (U+0000) bevatten; haal het weg en sla opnieuw op. Er is niets opgeslagen.</translation></message><message><source>Wrong passphrase (or the header was altered).</source><translation>Verkeerde wachtzin (of er is met het kopbestand van de kluis geknoeid).</translation></message><message><source>No vault at {root}.</source><translation>Geen kluis in {root}.</translation></message><message><source>The vault database is missing in {root}.</source><translation>De kluisdatabase ontbreekt in {root}.</translation></message><message><source>The vault database is empty or truncated: it is damaged.</source><translation>De kluisdatabase is leeg of afgekapt: ze is beschadigd.</translation></message><message><source>The vault database is damaged: {count} pages are zeroed, the first at page {page}. Nothing was written to it. Restore it from a backup, or run `veldboek check`.</source><translation>De kluisdatabase is beschadigd: {count} pagina's bevatten alleen nullen, de eerste is pagina {page}. Er is niets in geschreven. Zet een back-up terug of voer `veldboek check` uit.</translation></message><message><source>The vault database does not belong to this header.</source><translation>De kluisdatabase hoort niet bij het kopbestand van de kluis (vault.header).</translation></message><message><source>The vault database lacks its identity key.</source><translation>De kluisdatabase mist haar identiteitssleutel.</translation></message><message><source>This vault also needs its device secret from the OS keyring, and no keyring is available. Open it on the computer where it was created.</source><translation>Deze kluis heeft ook het apparaatgeheim uit de sleutelbos van het besturingssysteem nodig, en er is geen sleutelbos. Open de kluis op de computer waarop ze is gemaakt.</translation></message><message><source>This vault's device secret is not in this computer's keyring; open it on the computer where it was created.</source><translation>Het apparaatgeheim van deze kluis staat niet in de sleutelbos van deze computer; open de kluis op de computer waarop ze is gemaakt.</translation></message><message><source>Wrong passphrase (or the header was altered). Wait {seconds} s before the next attempt.</source><translation>Verkeerde wachtzin (of er is met het kopbestand van de kluis geknoeid). Wacht {seconds} s voor de volgende poging.</translation></message><message><source>The vault header is missing in {root}; the vault cannot be opened.</source><translation>Het kopbestand van de kluis (vault.header) ontbreekt in {root}; de kluis kan niet worden geopend.</translation></message><message><source>The vault database is damaged: {count} page is zeroed, page {page}. Nothing was written to it. Restore it from a backup, or run `veldboek check`.</source><translation>De kluisdatabase is beschadigd: {count} pagina bevat alleen nullen, pagina {page}. Er is niets in geschreven. Zet een back-up terug of voer `veldboek check` uit.</translation></message><message><source>This vault was written by a newer Veldboek; update the app.</source><translation>Deze kluis is geschreven door een nieuwere Veldboek; werk de app bij.</translation></message><message><source>Could not back up the vault before upgrading it; nothing was changed. ({why})</source><translation>Er kon geen back-up van de kluis worden gemaakt voor de upgrade; er is niets gewijzigd. ({why})</translation></message><message><source>Upgrading the vault failed; the previous state is in {name}.</source><translation>De upgrade van de kluis is mislukt; de vorige toestand staat in {name}.</translation></message><message><source>The vault database is damaged or incomplete; restore it from a backup.</source><translation>De kluisdatabase is beschadigd of onvolledig; zet een back-up terug.</translation></message><message><source>The audit log does not match its anchor ({problem}): this vault may have been rolled back or altered. Run `veldboek check`.</source><translation>Het auditlog klopt niet met zijn anker ({problem}): deze kluis is mogelijk teruggezet naar een oudere kopie of gewijzigd. Voer `veldboek check` uit.</translation></message><message><source>The vault database is damaged, so nothing more is saved. Lock it, restore it from a backup, or run `veldboek check`.</source><translation>De kluisdatabase is beschadigd, dus er wordt niets meer opgeslagen. Vergrendel de kluis, zet een back-up terug of voer `veldboek check` uit.</translation></message><message><source>The text given holds bytes that are not UTF-8, so it cannot be saved; nothing was changed.</source><translation>De gegeven tekst bevat bytes die geen UTF-8 zijn en kan dus niet worden opgeslagen; er is niets gewijzigd.</translation></message><message><source>The vault file could not be rebuilt now; it is tried again at the next unlock.</source><translation>Het kluisbestand kon nu niet opnieuw worden opgebouwd; dat wordt bij de volgende ontgrendeling opnieuw geprobeerd.</translation></message><message><source>A compartment needs a name of 1 to {n} characters.</source><translation>Een compartiment heeft een naam van 1 tot {n} tekens nodig.</translation></message><message><source>The compartment name is not valid text.</source><translation>De naam van het compartiment is geen geldige tekst.</translation></message><message><source>The compartment name holds a character that cannot be shown safely ({code}).</source><translation>De naam van het compartiment bevat een teken dat niet veilig getoond kan worden ({code}).</translation></message><message><source>An alias needs a name of 1 to {n} characters.</source><translation>Een alias heeft een naam van 1 tot {n} tekens nodig.</translation></message><message><source>A source needs a codename of 1 to {n} characters.</source><translation>Een bron heeft een codenaam van 1 tot {n} tekens nodig.</translation></message><message><source>A key needs a name of 1 to {n} characters.</source><translation>Een sleutel heeft een naam van 1 tot {n} tekens nodig.</translation></message><message><source>The alias is not valid text (it holds bytes that are not UTF-8).</source><translation>De alias is geen geldige tekst (er staan bytes in die geen UTF-8 zijn).</translation></message><message><source>The codename is not valid text (it holds bytes that are not UTF-8).</source><translation>De codenaam is geen geldige tekst (er staan bytes in die geen UTF-8 zijn).</translation></message><message><source>The key name is not valid text (it holds bytes that are not UTF-8).</source><translation>De sleutelnaam is geen geldige tekst (er staan bytes in die geen UTF-8 zijn).</translation></message><message><source>The alias holds a character that cannot be shown safely ({code}): control, invisible and direction-changing characters are not allowed in names.</source><translation>De alias bevat een teken dat niet veilig getoond kan worden ({code}): stuurtekens, onzichtbare tekens en tekens die de schrijfrichting veranderen zijn in namen niet toegestaan.</translation></message><message><source>The codename holds a character that cannot be shown safely ({code}): control, invisible and direction-changing characters are not allowed in names.</source><translation>De codenaam bevat een teken dat niet veilig getoond kan worden ({code}): stuurtekens, onzichtbare tekens en tekens die de schrijfrichting veranderen zijn in namen niet toegestaan.</translation></message><message><source>The key name holds a character that cannot be shown safely ({code}): control, invisible and direction-changing characters are not allowed in names.</source><translation>De sleutelnaam bevat een teken dat niet veilig getoond kan worden ({code}): stuurtekens, onzichtbare tekens en tekens die de schrijfrichting veranderen zijn in namen niet toegestaan.</translation></message><message><source>The name mixes Latin, Cyrillic or Greek letters ({code}), which look alike: it could pass for another name.</source><translation>De naam mengt Latijnse, Cyrillische of Griekse letters ({code}), die op elkaar lijken: hij kan voor een andere naam doorgaan.</translation></message><message><source>A codename cannot hold brackets: they set apart sources that share a codename.</source><translation>Een codenaam kan geen haakjes bevatten: die houden bronnen met dezelfde codenaam uit elkaar.</translation></message><message><source>The package data holds a number with a fraction or an exponent.</source><translation>De pakketgegevens bevatten een getal met een breuk of een exponent.</translation></message><message><source>The package data names a key twice in one object.</source><translation>De pakketgegevens noemen een sleutel twee keer in één object.</translation></message><message><source>The package data is not valid JSON.</source><translation>De pakketgegevens zijn geen geldige JSON.</translation></message><message><source>This is not a Veldboek package.</source><translation>Dit is geen Veldboek-pakket.</translation></message><message><source>Package container version {found} is not supported (this Veldboek reads version {supported}).</source><translation>Pakketversie {found} wordt niet ondersteund (deze Veldboek leest versie {supported}).</translation></message><message><source>The package is cut short (manifest).</source><translation>Het pakket is afgekapt (manifest).</translation></message><message><source>The package is cut short (body).</source><translation>Het pakket is afgekapt (inhoud).</translation></message><message><source>The package holds bytes other than zeros after its body.</source><translation>Het pakket bevat na zijn inhoud andere bytes dan nullen.</translation></message><message><source>The package is not padded to the size the format prescribes.</source><translation>Het pakket is niet aangevuld tot de grootte die het formaat voorschrijft.</translation></message><message><source>The package manifest is not an object.</source><translation>Het manifest van het pakket is geen object.</translation></message><message><source>The package body does not match its manifest.</source><translation>De inhoud van het pakket past niet bij het manifest.</translation></message><message><source>The package body is not an object.</source><translation>De inhoud van het pakket is geen object.</translation></message><message><source>The package is cut short.</source><translation>Het pakket is afgekapt.</translation></message><message><source>The package signature does not match the sender's key.</source><translation>De handtekening van het pakket past niet bij de sleutel van de afzender.</translation></message><message><source>The deconfliction key package is malformed.</source><translation>Het pakket met de deconflictiesleutel is ongeldig.</translation></message><message><source>The deconfliction notice package is malformed.</source><translation>Het deconflictiebericht is ongeldig.</translation></message><message><source>The package manifest is malformed.</source><translation>Het manifest van het pakket is ongeldig.</translation></message><message><source>This package was made by a newer Veldboek (format version {found}); this Veldboek reads versions {supported}. Update Veldboek to read it.</source><translation>Dit pakket is gemaakt door een nieuwere Veldboek (formaatversie {found}); deze Veldboek leest versies {supported}. Werk Veldboek bij om het te lezen.</translation></message><message><source>Package version {found} is not supported (this Veldboek reads {supported}).</source><translation>Pakketversie {found} wordt niet ondersteund (deze Veldboek leest {supported}).</translation></message><message><source>This is not a Veldboek package manifest.</source><translation>Dit is geen manifest van een Veldboek-pakket.</translation></message><message><source>The package manifest has missing or unknown fields.</source><translation>Het manifest van het pakket mist velden of heeft onbekende velden.</translation></message><message><source>The package manifest lists its recipients wrongly.</source><translation>Het manifest van het pakket noemt zijn ontvangers verkeerd.</translation></message><message><source>The package manifest's number and its link do not agree.</source><translation>Het nummer in het manifest van het pakket en de verwijzing naar het vorige pakket passen niet bij elkaar.</translation></message><message><source>A package of debriefs carries a list of receipts.</source><translation>Een pakket met debriefings bevat een lijst ontvangstbewijzen.</translation></message><message><source>A handover package carries a list of receipts.</source><translation>Een overdrachtspakket bevat een lijst ontvangstbewijzen.</translation></message><message><source>A deconfliction package is malformed.</source><translation>Een deconflictiepakket is ongeldig.</translation></message><message><source>A receipt carries records or audit events, or confirms no package.</source><translation>Een ontvangstbewijs bevat records of auditgebeurtenissen, of bevestigt geen pakket.</translation></message><message><source>A receipt names one package twice.</source><translation>Een ontvangstbewijs noemt één pakket twee keer.</translation></message><message><source>The package is damaged: {why}.</source><translation>Het pakket is beschadigd: {why}.</translation></message><message><source>This vault's key opens none of the package's recipient slots: the package is not addressed to this vault, or its header was damaged.</source><translation>De sleutel van deze kluis opent geen van de ontvangersvakken van het pakket: het pakket is niet aan deze kluis gericht, of de kop is beschadigd.</translation></message><message><source>The package uses an age version this Veldboek does not read.</source><translation>Het pakket gebruikt een age-versie die deze Veldboek niet leest.</translation></message><message><source>The package was altered or cut short: {why}.</source><translation>Het pakket is gewijzigd of afgekapt: {why}.</translation></message><message><source>The package was not addressed to this vault by its sender (it was re-sealed).</source><translation>De afzender heeft het pakket niet aan deze kluis gericht (het is opnieuw verzegeld).</translation></message><message><source>The package's recipient slots are not the number and kind the format prescribes.</source><translation>De ontvangervakken van het pakket hebben niet het aantal en de soort die het formaat voorschrijft.</translation></message><message><source>The package's recipient slots were changed after it was signed (one was swapped, removed or added).</source><translation>De ontvangersvakken van het pakket zijn na het ondertekenen gewijzigd (een is verwisseld, verwijderd of toegevoegd).</translation></message><message><source>This receipt would be larger than a receipt can be ({mb} MiB): there are too many long review comments since the previous receipt.</source><translation>Dit ontvangstbewijs zou groter worden dan een ontvangstbewijs kan zijn ({mb} MiB): er zijn sinds het vorige ontvangstbewijs te veel lange beoordelingsopmerkingen.</translation></message><message><source>This package would hold more than a package can ({mb} MiB of records and files): send fewer debriefs, or smaller files, at a time.</source><translation>Dit pakket zou meer bevatten dan een pakket kan ({mb} MiB aan gegevens en bestanden): verstuur minder debriefings, of kleinere bestanden, tegelijk.</translation></message><message><source>A staff user is named with lower-case letters, digits and underscores (not pg_…, postgres or the administrator).</source><translation>Een medewerker wordt genoemd met kleine letters, cijfers en lage streepjes (niet pg_…, postgres of de beheerder).</translation></message><message><source>A reason cannot hold control characters (escape sequences): the access log keeps it as typed.</source><translation>Een reden mag geen stuurtekens (escapereeksen) bevatten: het toegangslogboek bewaart haar zoals getypt.</translation></message><message><source>Say why you read this (--reason): the access log keeps it.</source><translation>Geef aan waarom u dit leest (--reason): het toegangslogboek bewaart het.</translation></message><message><source>A reason holds at most {n} characters.</source><translation>Een reden bevat hoogstens {n} tekens.</translation></message><message><source>--by cannot hold control characters (escape sequences).</source><translation>--by mag geen stuurtekens (escapereeksen) bevatten.</translation></message><message><source>The role {user} is a superuser or bypasses row-level security; staff need a plain role.</source><translation>De rol {user} is een superuser of omzeilt de beveiliging op rijniveau; medewerkers hebben een gewone rol nodig.</translation></message><message><source>The role {user} holds the rights of the tables' owner ({owner}), which row-level security does not bind; staff need a plain role.</source><translation>De rol {user} heeft de rechten van de eigenaar van de tabellen ({owner}), die niet aan de beveiliging op rijniveau gebonden is; medewerkers hebben een gewone rol nodig.</translation></message><message><source>The role {user} can log in to the database itself: its reads there would bypass the access log. Staff read through veldboek central search|show only; make the role NOLOGIN (ALTER ROLE … NOLOGIN) or choose another name.</source><translation>De rol {user} kan zelf bij de database inloggen: wat hij daar leest, komt niet in het toegangslogboek. Medewerkers lezen alleen via veldboek central search|show; maak de rol NOLOGIN (ALTER ROLE … NOLOGIN) of kies een andere naam.</translation></message><message><source>The role {user} is granted to {login}, which logs in to the database itself and could read as {user} around the access log; revoke it (REVOKE {user} FROM {login}) first.</source><translation>De rol {user} is toegekend aan {login}, die zelf bij de database inlogt en als {user} buiten het toegangslogboek om zou kunnen lezen; trek die eerst in (REVOKE {user} FROM {login}).</translation></message><message><source>{user} has no access to the central store: no team is granted to {user} (an administrator grants one: veldboek central grant --team NAME --user {user}).</source><translation>{user} heeft geen toegang tot de centrale opslag: aan {user} is geen team toegekend (een beheerder kent er een toe: veldboek central grant --team NAAM --user {user}).</translation></message><message><source>{user}'s grant was made for another role of that name (a restore from another cluster, or a role dropped and made again): grant it again (central grant).</source><translation>De toegang van {user} is verleend aan een andere rol met die naam (een herstel uit een ander cluster, of een rol die is verwijderd en opnieuw gemaakt): verleen haar opnieuw (central grant).</translation></message><message><source>This is not a head of a Veldboek access log.</source><translation>Dit is geen kop van een Veldboek-toegangslogboek.</translation></message><message><source>The head's signature is not this central system's: it was not read.</source><translation>De handtekening van de kop is niet die van dit centrale systeem: hij is niet gelezen.</translation></message><message><source>The access log no longer holds the signed head of {at} (entry {n}): entries up to it were removed or rewritten.</source><translation>Het toegangslogboek bevat de ondertekende kop van {at} (regel {n}) niet meer: regels tot daaraan zijn verwijderd of herschreven.</translation></message><message><source>This database already holds a central system's keys; nothing was changed.</source><translation>Deze database bevat al de sleutels van een centraal systeem; er is niets gewijzigd.</translation></message><message><source>This database holds no central system (run `veldboek central init`).</source><translation>Deze database bevat geen centraal systeem (voer `veldboek central init` uit).</translation></message><message><source>The central system's key record is damaged.</source><translation>De sleutelgegevens van het centrale systeem zijn beschadigd.</translation></message><message><source>Wrong passphrase (or the key record was altered).</source><translation>Verkeerde wachtzin (of er is met de sleutelgegevens geknoeid).</translation></message><message><source>A sealed key record of the central system is damaged.</source><translation>Een verzegelde sleutel van het centrale systeem is beschadigd.</translation></message><message><source>PostgreSQL's server programs (initdb, pg_ctl) were not found: install PostgreSQL (Debian: apt-get install postgresql) or set VELDBOEK_PG_BINDIR.</source><translation>De serverprogramma's van PostgreSQL (initdb, pg_ctl) zijn niet gevonden: installeer PostgreSQL (Debian: apt-get install postgresql) of stel VELDBOEK_PG_BINDIR in.</translation></message><message><source>VELDBOEK_PG_USER names root; PostgreSQL cannot run as root.</source><translation>VELDBOEK_PG_USER noemt root; PostgreSQL kan niet als root draaien.</translation></message><message><source>The server's user {user} cannot reach {path}: a folder above it is closed to that user. Choose a place it can reach (docs/central.md).</source><translation>De gebruiker van de server, {user}, kan {path} niet bereiken: een map erboven is voor die gebruiker gesloten. Kies een plek die hij kan bereiken (docs/central.md).</translation></message><message><source>initdb failed: {why}</source><translation>initdb is mislukt: {why}</translation></message><message><source>No central system's cluster in {path}.</source><translation>Geen cluster van een centraal systeem in {path}.</translation></message><message><source>The database server did not start: {why} (its log: {log}).</source><translation>De databaseserver is niet gestart: {why} (het logboek: {log}).</translation></message><message><source>The database server did not reload: {why}.</source><translation>De databaseserver heeft zijn instellingen niet opnieuw ingelezen: {why}.</translation></message><message><source>The database server did not stop: {why}.</source><translation>De databaseserver is niet gestopt: {why}.</translation></message><message><source>PostgreSQL cannot run as root, and there is no user {name} to run it as: install PostgreSQL (Debian: apt-get install postgresql, which creates it) or name another unprivileged user in VELDBOEK_PG_USER.</source><translation>PostgreSQL kan niet als root draaien, en er is geen gebruiker {name} om het als te draaien: installeer PostgreSQL (Debian: apt-get install postgresql, dat die gebruiker aanmaakt) of noem een andere gebruiker zonder bijzondere rechten in VELDBOEK_PG_USER.</translation></message><message><source>{tool} did not finish in time.</source><translation>{tool} was niet op tijd klaar.</translation></message><message><source>{tool} could not be run: {why}.</source><translation>{tool} kon niet worden uitgevoerd: {why}.</translation></message><message><source>The central system in {path} has no TLS certificate: it listens on its Unix socket only (made without --listen).</source><translation>Het centrale systeem in {path} heeft geen TLS-certificaat: het luistert alleen op zijn Unix-socket (gemaakt zonder --listen).</translation></message><message><source>The central system holds no deconfliction key yet (run `veldboek central deconfliction-key new`).</source><translation>Het centrale systeem heeft nog geen deconflictiesleutel (voer `veldboek central deconfliction-key new` uit).</translation></message><message><source>The token parameters must lie within memory {lo}..{hi} KiB, 1..{it} passes and 1..{lanes} lanes.</source><translation>De parameters van de tokens moeten liggen binnen geheugen {lo}..{hi} KiB, 1..{it} rondes en 1..{lanes} banen.</translation></message><message><source>There is no team named {name}.</source><translation>Er is geen team met de naam {name}.</translation></message><message><source>Say why (--why): the decision keeps it.</source><translation>Zeg waarom (--why): het besluit bewaart het.</translation></message><message><source>A match is decided as same or different.</source><translation>Over een overeenkomst wordt besloten als dezelfde (same) of verschillende (different).</translation></message><message><source>No such match in the teams granted to {user}.</source><translation>Geen zodanige overeenkomst in de teams waartoe {user} toegang heeft.</translation></message><message><source>The drop folder's {name} was not a folder; it was moved aside to {aside}, unread, and a folder of the watcher's own made in its place.</source><translation>{name} in de aflevermap was geen map; het is ongelezen opzijgezet als {aside}, en er is een eigen map van de watcher voor in de plaats gemaakt.</translation></message><message><source>The drop folder's {name} is a link or not a folder; nothing was taken.</source><translation>{name} in de aflevermap is een koppeling of geen map; er is niets opgenomen.</translation></message><message><source>The drop folder's {name} was a link; it was moved aside to {aside}, not followed, and a folder of the watcher's own made in its place.</source><translation>{name} in de aflevermap was een koppeling; die is opzijgezet als {aside}, zonder haar te volgen, en er is een eigen map van de watcher voor in de plaats gemaakt.</translation></message><message><source>The drop folder's {name} was a folder of another user (uid {uid}); it was moved aside to {aside}, unread, and a folder of the watcher's own made in its place.</source><translation>{name} in de aflevermap was een map van een andere gebruiker (uid {uid}); die is ongelezen opzijgezet als {aside}, en er is een eigen map van de watcher voor in de plaats gemaakt.</translation></message><message><source>The drop folder's {name} cannot be opened ({why}); nothing was taken.</source><translation>{name} in de aflevermap kan niet worden geopend ({why}); er is niets opgenomen.</translation></message><message><source>The drop folder's {name}, made just now, belongs to another user (a file system that maps users, such as NFS with root_squash?); nothing was taken.</source><translation>{name} in de aflevermap, zojuist gemaakt, is van een andere gebruiker (een bestandssysteem dat gebruikers omzet, zoals NFS met root_squash?); er is niets opgenomen.</translation></message><message><source>The drop folder's {name} had mode {mode}; it was given 0700, the watcher's alone.</source><translation>{name} in de aflevermap had modus {mode}; die is 0700 geworden, alleen voor de watcher.</translation></message><message><source>The drop folder's file system takes no locks ({why}): watchers could not tell each other's claims; nothing was taken.</source><translation>Het bestandssysteem van de aflevermap kent geen vergrendeling ({why}): watchers zouden elkaars claims niet kunnen onderscheiden; er is niets opgenomen.</translation></message><message><source>The drop folder's {name} is not a folder of the watcher's own and cannot be moved aside ({why}); nothing was taken.</source><translation>{name} in de aflevermap is geen eigen map van de watcher en kan niet opzij worden gezet ({why}); er is niets opgenomen.</translation></message><message><source>This watcher's claims folder was removed from the drop folder; start it again.</source><translation>De map met de claims van deze watcher is uit de aflevermap verwijderd; start hem opnieuw.</translation></message><message><source>The file changed while it was read.</source><translation>Het bestand veranderde terwijl het werd gelezen.</translation></message><message><source>This is a {found} package, not a package of debriefs or a handover; nothing was stored.</source><translation>Dit is een pakket van de soort {found}, geen pakket met debriefs en geen overdracht; er is niets opgeslagen.</translation></message><message><source>It names key {key} as its signer, which is not registered here (its signature could not be checked).</source><translation>Het noemt sleutel {key} als ondertekenaar, die hier niet is geregistreerd (de handtekening kon niet worden gecontroleerd).</translation></message><message><source>This package is not sealed to this central system's key; nothing was stored.</source><translation>Dit pakket is niet versleuteld voor de sleutel van dit centrale systeem; er is niets opgeslagen.</translation></message><message><source>Signed by key {key}: {name}, registered as team {team}'s handler key, which does not send debriefs.</source><translation>Ondertekend met sleutel {key}: {name}, geregistreerd als sleutel van de teamleider van team {team}, die geen debriefs stuurt.</translation></message><message><source>Signed by key {key}: {name}, team {team}.</source><translation>Ondertekend met sleutel {key}: {name}, team {team}.</translation></message><message><source>The package holds a NUL character, which the central store cannot keep; nothing was stored.</source><translation>Het pakket bevat een NUL-teken, dat de centrale opslag niet kan bewaren; er is niets opgeslagen.</translation></message><message><source>The package holds a value the central store cannot keep (a number or a text out of its range); nothing was stored.</source><translation>Het pakket bevat een waarde die de centrale opslag niet kan bewaren (een getal of tekst buiten het bereik); er is niets opgeslagen.</translation></message><message><source>The package names records another runner sent; nothing was stored.</source><translation>Het pakket noemt gegevens die een andere runner heeft gestuurd; er is niets opgeslagen.</translation></message><message><source>The package names as its signer a key the central system has not registered (central keys import, with the fingerprint read out); nothing was stored.</source><translation>Het pakket noemt als ondertekenaar een sleutel die het centrale systeem niet heeft geregistreerd (central keys import, met de voorgelezen vingerafdruk); er is niets opgeslagen.</translation></message><message><source>The package is signed by a key registered here as a handler's, not a runner's: a handler sends no debriefs; nothing was stored.</source><translation>Het pakket is ondertekend met een sleutel die hier als die van een teamleider is geregistreerd, niet als die van een runner: een teamleider stuurt geen debriefs; er is niets opgeslagen.</translation></message><message><source>The package is signed by a key that was revoked on {day}; nothing was stored.</source><translation>Het pakket is ondertekend met een sleutel die op {day} is ingetrokken; er is niets opgeslagen.</translation></message><message><source>The package names records another team holds; nothing was stored.</source><translation>Het pakket noemt gegevens van een ander team; er is niets opgeslagen.</translation></message><message><source>The handover comes from a runner who does not hold that source here (another runner sent it); nothing was stored.</source><translation>De overdracht komt van een runner die die bron hier niet heeft (een andere runner heeft haar gestuurd); er is niets opgeslagen.</translation></message><message><source>The handover hands the source to a key the central system has not registered: register the new runner's key (central keys import, with the fingerprint read out), then ingest this package again; nothing was stored.</source><translation>De overdracht draagt de bron over aan een sleutel die het centrale systeem niet heeft geregistreerd: registreer de sleutel van de nieuwe runner (central keys import, met de voorgelezen vingerafdruk) en neem dit pakket daarna opnieuw in; er is niets opgeslagen.</translation></message><message><source>The handover hands the source to another team's runner: the central system moves a source only between runners of one team; nothing was stored.</source><translation>De overdracht draagt de bron over aan een runner van een ander team: het centrale systeem verplaatst een bron alleen tussen runners van één team; er is niets opgeslagen.</translation></message><message><source>The handover hands the source to a key registered here as a handler's, not a runner's; nothing was stored.</source><translation>De overdracht draagt de bron over aan een sleutel die hier als die van een teamleider is geregistreerd, niet als die van een runner; er is niets opgeslagen.</translation></message><message><source>The handover hands the source to a runner's key that was revoked here; nothing was stored.</source><translation>De overdracht draagt de bron over aan de sleutel van een runner die hier is ingetrokken; er is niets opgeslagen.</translation></message><message><source>The package is signed as made before its sender handed one of its sources on, yet carries a version of a record of that source newer than the one the handover carried: only the runner who holds the source now may change it; nothing was stored.</source><translation>Het pakket is volgens zijn ondertekening gemaakt voordat de afzender een van zijn bronnen overdroeg, maar bevat een versie van een gegeven van die bron die nieuwer is dan de versie in de overdracht: alleen de runner die de bron nu heeft, mag haar wijzigen; er is niets opgeslagen.</translation></message><message><source>The package is signed as made before its sender handed one of its sources on, yet carries a record of that source the handover did not carry, of which the central store holds a version another runner sent: only the runner who holds the source now may change it; nothing was stored.</source><translation>Het pakket is volgens zijn ondertekening gemaakt voordat de afzender een van zijn bronnen overdroeg, maar bevat een gegeven van die bron dat de overdracht niet bevatte en waarvan de centrale opslag een versie heeft die een andere runner heeft gestuurd: alleen de runner die de bron nu heeft, mag haar wijzigen; er is niets opgeslagen.</translation></message><message><source>The package carries a version of a record that the central store holds with other content (a version never changes); nothing was stored.</source><translation>Het pakket bevat een versie van een gegeven die de centrale opslag met een andere inhoud bewaart (een versie verandert nooit); er is niets opgeslagen.</translation></message><message><source>No handler's key is registered to team {team}.</source><translation>Er is geen sleutel van een teamleider geregistreerd bij team {team}.</translation></message><message><source>No handler's key is registered here (central keys import).</source><translation>Er is hier geen sleutel van een teamleider geregistreerd (central keys import).</translation></message><message><source>The central system's database in {path} cannot be reached: {why}</source><translation>De database van het centrale systeem in {path} is niet bereikbaar: {why}</translation></message><message><source>Give the central system's folder (--data DIR) or its database (--db URL).</source><translation>Geef de map van het centrale systeem (--data MAP) of zijn database (--db URL).</translation></message><message><source>--db must be a URL like postgresql://user@host/database.</source><translation>--db moet een URL zijn zoals postgresql://gebruiker@host/database.</translation></message><message><source>The central system's layout file in {path} cannot be read.</source><translation>Het indelingsbestand van het centrale systeem in {path} kan niet worden gelezen.</translation></message><message><source>The database cannot be reached: {why}</source><translation>De database is niet bereikbaar: {why}</translation></message><message><source>The central system's database refused the administrator's password in {path}/admin.secret (it runs, but that is not its password): {why}</source><translation>De database van het centrale systeem weigerde het beheerderswachtwoord in {path}/admin.secret (zij draait, maar dat is niet haar wachtwoord): {why}</translation></message><message><source>The central system's server in {path} runs but holds no database named in its central.json: {why}</source><translation>De server van het centrale systeem in {path} draait, maar heeft de database die central.json noemt niet: {why}</translation></message><message><source>The central system's database is not running: start it with `veldboek central start --data {path}`.</source><translation>De database van het centrale systeem draait niet: start haar met `veldboek central start --data {path}`.</translation></message><message><source>No central system in {path} (run `veldboek central init`).</source><translation>Geen centraal systeem in {path} (voer `veldboek central init` uit).</translation></message><message><source>The central system's administrator secret in {path} cannot be read.</source><translation>Het beheerdersgeheim van het centrale systeem in {path} kan niet worden gelezen.</translation></message><message><source>No such {record} in the teams granted to {user}.</source><translation>Deze {record} staat niet bij de teams waartoe {user} toegang heeft.</translation></message><message><source>--limit must be between 1 and {n}.</source><translation>--limit moet tussen 1 en {n} liggen.</translation></message><message><source>Search words cannot hold control characters (escape sequences).</source><translation>Zoekwoorden mogen geen stuurtekens (escapereeksen) bevatten.</translation></message><message><source>Show a source or a debrief.</source><translation>Toon een bron of een debriefing.</translation></message><message><source>No runner named {name} is registered here.</source><translation>Hier is geen runner met de naam {name} geregistreerd.</translation></message><message><source>More than one runner's key is named {name}: {keys}. Name the team too (--team).</source><translation>Meer dan één sleutel van een runner heet {name}: {keys}. Noem ook het team (--team).</translation></message><message><source>The file changed while it was read; nothing was stored.</source><translation>Het bestand veranderde terwijl het werd gelezen; er is niets opgeslagen.</translation></message><message><source>{path} exists and is not an empty folder; nothing was made.</source><translation>{path} bestaat en is geen lege map; er is niets gemaakt.</translation></message><message><source>This database already holds a central system; nothing was changed.</source><translation>Deze database bevat al een centraal systeem; er is niets gewijzigd.</translation></message><message><source>The database server's disk is full; nothing was stored.</source><translation>De schijf van de databaseserver is vol; er is niets opgeslagen.</translation></message><message><source>The central store's schema is {found}, this Veldboek's is {wanted}: run `veldboek central upgrade`.</source><translation>Het schema van de centrale opslag is {found}, dat van deze Veldboek {wanted}: voer `veldboek central upgrade` uit.</translation></message><message><source>Teams {teams} differ only in case; name the team exactly as it is written.</source><translation>De teams {teams} verschillen alleen in hoofdletters; noem het team precies zoals het geschreven is.</translation></message><message><source>A key is registered here as a runner's or a handler's.</source><translation>Een sleutel wordt hier geregistreerd als die van een runner of van een teamleider.</translation></message><message><source>That is the central system's own key.</source><translation>Dat is de eigen sleutel van het centrale systeem.</translation></message><message><source>This key is registered to team {team}; a key belongs to one team.</source><translation>Deze sleutel is geregistreerd bij team {team}; een sleutel hoort bij één team.</translation></message><message><source>This key is registered as a runner's key; a key keeps its role.</source><translation>Deze sleutel is geregistreerd als sleutel van een runner; een sleutel houdt zijn rol.</translation></message><message><source>No registered key has that fingerprint (the 64 hex digits of keys list, or the spoken fingerprint in full).</source><translation>Geen geregistreerde sleutel heeft die vingerafdruk (de 64 hexadecimale tekens van keys list, of de voorgelezen vingerafdruk volledig).</translation></message><message><source>This key is registered as a handler's key; a key keeps its role.</source><translation>Deze sleutel is geregistreerd als sleutel van een teamleider; een sleutel houdt zijn rol.</translation></message><message><source>Team {team} already has a key named {name} (fingerprint {other}…); give this one another name with --name.</source><translation>Team {team} heeft al een sleutel met de naam {name} (vingerafdruk {other}…); geef deze een andere naam met --name.</translation></message><message><source>--kdf-target-ms must be between 1 and {n}.</source><translation>--kdf-target-ms moet tussen 1 en {n} liggen.</translation></message><message><source>--port must be between 1 and 65535.</source><translation>--port moet tussen 1 en 65535 liggen.</translation></message><message><source>--listen takes host names or addresses, separated by commas.</source><translation>--listen neemt hostnamen of adressen, gescheiden door komma's.</translation></message><message><source>--listen and --port are for the embedded cluster (--data).</source><translation>--listen en --port gelden voor het ingebouwde cluster (--data).</translation></message><message><source>--settle and --interval are seconds (up to an hour).</source><translation>--settle en --interval zijn seconden (tot een uur).</translation></message><message><source>{path} does not exist; nothing was stored.</source><translation>{path} bestaat niet; er is niets opgeslagen.</translation></message><message><source>Staff do not log in to the database themselves (--password-file): every read goes through veldboek central search|show, which write it to the access log first.</source><translation>Medewerkers loggen niet zelf in bij de database (--password-file): alles wat zij lezen gaat via veldboek central search|show, die het eerst in het toegangslogboek schrijven.</translation></message><message><source>ALTERED EVIDENCE: {n} stored versions no longer hash as their package said ({which}); the text shown is not what arrived (central verify checks them all).</source><translation>GEWIJZIGD BEWIJS: {n} opgeslagen versies hebben niet meer de hash die hun pakket noemde ({which}); de getoonde tekst is niet wat er binnenkwam (central verify controleert ze allemaal).</translation></message><message><source>ALTERED EVIDENCE: {n} of what the store keeps no longer hashes as it arrived.</source><translation>GEWIJZIGD BEWIJS: {n} van wat de opslag bewaart heeft niet meer de hash waarmee het binnenkwam.</translation></message><message><source>ALTERED EVIDENCE: {n} stored version no longer hashes as its package said ({which}); the text shown is not what arrived (central verify checks them all).</source><translation>GEWIJZIGD BEWIJS: {n} opgeslagen versie heeft niet meer de hash die haar pakket noemde ({which}); de getoonde tekst is niet wat er binnenkwam (central verify controleert ze allemaal).</translation></message><message><source>The access log's chain is broken at entry {n}: it was altered.</source><translation>De keten van het toegangslogboek is verbroken bij regel {n}: er is mee geknoeid.</translation></message><message><source>Too many failed attempts: wait {seconds} s before trying again.</source><translation>Te veel mislukte pogingen: wacht {seconds} s voor u het opnieuw probeert.</translation></message><message><source>The vault is locked.</source><translation>De kluis is vergrendeld.</translation></message><message><source>The report was cancelled; nothing was issued or requested.</source><translation>Het rapport is geannuleerd; er is niets uitgegeven of aangevraagd.</translation></message><message><source>Not exported: {n} debrief lacks what a package must carry; complete it first.</source><translation>Niet verzonden: aan {n} debriefing ontbreekt wat een pakket moet bevatten; vul die eerst aan.</translation></message><message><source>Not exported: {n} debriefs lack what a package must carry; complete them first.</source><translation>Niet verzonden: aan {n} debriefings ontbreekt wat een pakket moet bevatten; vul ze eerst aan.</translation></message><message><source>The package names records this vault holds from elsewhere (made here, or sent by another runner); nothing was imported. If a source in it was handed over to its sender, take in that handover package first, then this one again.</source><translation>Het pakket noemt gegevens die deze kluis van elders heeft (hier gemaakt, of door een andere runner gestuurd); er is niets ingelezen. Is een bron erin aan de afzender overgedragen, lees dan eerst dat overdrachtspakket in, en daarna dit pakket opnieuw.</translation></message><message><source>Package {id} was made and is kept in the vault, but the file could not be written ({reason}). Write it again to a working folder.</source><translation>Pakket {id} is gemaakt en wordt in de kluis bewaard, maar het bestand kon niet worden geschreven ({reason}). Schrijf het opnieuw naar een werkende map.</translation></message><message><source>The sanitised report was refused: its text contains {n} identifying string. Change the sanitised wording and try again.</source><translation>Het geschoonde rapport is geweigerd: de tekst bevat {n} identificerende tekst. Pas de geschoonde tekst aan en probeer het opnieuw.</translation></message><message><source>The sanitised report was refused: its text contains {n} identifying strings. Change the sanitised wording and try again.</source><translation>Het geschoonde rapport is geweigerd: de tekst bevat {n} identificerende teksten. Pas de geschoonde tekst aan en probeer het opnieuw.</translation></message></context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="238" />
        <source>Veldboek — new vault</source>
        <translation>Veldboek — nieuwe kluis</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="272" />
        <source>Your vault is ready.</source>
        <translation>Uw kluis is klaar.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../dialogs/lock_drafts.py" line="154" />
        <source>What you were typing when the vault locked is back.</source>
        <translation>Wat u aan het typen was toen de kluis vergrendelde, staat er weer.</translation>
    </message>
    <message>
        <location filename="../dialogs/base.py" line="81" />
        <source>Close the form</source>
        <translation>Formulier sluiten</translation>
    </message>
    <message>
        <location filename="../dialogs/base.py" line="82" />
        <source>Close this form without saving? What you typed in it is not kept.</source>
        <translation>Dit formulier sluiten zonder op te slaan? Wat u erin typte, wordt niet bewaard.</translation>
    </message>
    <message>
        <location filename="../dialogs/base.py" line="83" />
        <source>Discard</source>
        <translation>Weggooien</translation>
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
        <source>No further dissemination: refer to the originator; special handling requirements imposed by the officer who authorised collection</source>
        <translation>Geen verdere verspreiding: verwijs naar de opsteller; bijzondere behandelingseisen opgelegd door de functionaris die de verzameling heeft goedgekeurd</translation>
    </message>
    <message>
        <location filename="../labels.py" line="102" />
        <source>Completely reliable</source>
        <translation>Volledig betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="103" />
        <source>Usually reliable</source>
        <translation>Doorgaans betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="104" />
        <source>Fairly reliable</source>
        <translation>Redelijk betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="105" />
        <source>Not usually reliable</source>
        <translation>Doorgaans niet betrouwbaar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="106" />
        <source>Reliability cannot be judged</source>
        <translation>Betrouwbaarheid niet te beoordelen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="107" />
        <source>Confirmed by other sources</source>
        <translation>Bevestigd door andere bronnen</translation>
    </message>
    <message>
        <location filename="../labels.py" line="108" />
        <source>Probably true</source>
        <translation>Waarschijnlijk waar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109" />
        <source>Possibly true</source>
        <translation>Mogelijk waar</translation>
    </message>
    <message>
        <location filename="../labels.py" line="110" />
        <source>Doubtful</source>
        <translation>Twijfelachtig</translation>
    </message>
    <message>
        <location filename="../labels.py" line="111" />
        <source>Improbable</source>
        <translation>Onwaarschijnlijk</translation>
    </message>
    <message>
        <location filename="../labels.py" line="112" />
        <source>Truth cannot be judged</source>
        <translation>Waarheid niet te beoordelen</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../dialogs/handover.py" line="52" />
        <source>Hand over a source</source>
        <translation>Bron overdragen</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="59" />
        <source>The whole file, with the true identity, goes to the new runner and the team handler in one sealed package. Only the new runner can open the identity. This vault deletes the source once the new runner's receipt arrives (Settings, “After a receipt”).</source>
        <translation>Het hele dossier, met de ware identiteit, gaat in één verzegeld pakket naar de nieuwe runner en de teamleider. Alleen de nieuwe runner kan de identiteit openen. Deze kluis verwijdert de bron zodra het ontvangstbewijs van de nieuwe runner binnen is (Instellingen, “Na een ontvangstbewijs”).</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="73" />
        <source>No runner's key confirmed yet: add it on the Packages page, Keys tab</source>
        <translation>Nog geen bevestigde runnersleutel: voeg die toe op de pagina Pakketten, tabblad Sleutels</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="78" />
        <source>No folder chosen</source>
        <translation>Geen map gekozen</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="80" />
        <source>Choose folder…</source>
        <translation>Map kiezen…</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="91" />
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="92" />
        <source>New runner:</source>
        <translation>Nieuwe runner:</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="93" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="94" />
        <source>Write to:</source>
        <translation>Schrijven naar:</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="98" />
        <source>Hand over…</source>
        <translation>Overdragen…</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="102" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="117" />
        <source>Folder to write the handover package to</source>
        <translation>Map voor het overdrachtspakket</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="125" />
        <source>Give the passphrase: it opens the true identity.</source>
        <translation>Geef het wachtwoord: het opent de ware identiteit.</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="134" />
        <source>Hand over source</source>
        <translation>Bron overdragen</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="136" />
        <source>Hand {codename} over to {runner}? The whole file and the true identity go into the package; once {runner} confirms it, this vault deletes the source.</source>
        <translation>{codename} overdragen aan {runner}? Het hele dossier en de ware identiteit gaan in het pakket; zodra {runner} het bevestigt, verwijdert deze kluis de bron.</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="139" />
        <source>Hand over</source>
        <translation>Overdragen</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="154" />
        <source>Sealing the handover package…</source>
        <translation>Overdrachtspakket wordt verzegeld…</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="165" />
        <source>Nothing was written</source>
        <translation>Er is niets geschreven</translation>
    </message>
    <message>
        <location filename="../dialogs/handover.py" line="174" />
        <source>Handover package for {runner} written to {path}.</source>
        <translation>Overdrachtspakket voor {runner} geschreven naar {path}.</translation>
    </message>
</context>
<context>
    <name>HeldText</name>
    <message>
        <location filename="../held_at_lock.py" line="57" />
        <source>Part of what you typed before the vault locked, which the vault could not take then (was the disk full?), is saved now.</source>
        <translation>Een deel van wat u typte voordat de kluis vergrendelde, en wat de kluis toen niet kon opnemen (was de schijf vol?), is nu opgeslagen.</translation>
    </message>
    <message>
        <location filename="../held_at_lock.py" line="65" />
        <source>What you typed before the vault locked, which the vault could not take then (was the disk full?), is saved now.</source>
        <translation>Wat u typte voordat de kluis vergrendelde, en wat de kluis toen niet kon opnemen (was de schijf vol?), is nu opgeslagen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../held_at_lock.py" line="73" />
        <source>%n piece(s) of typed text could still not be saved (is the disk full?). They are held in memory until the next unlock; quitting Veldboek loses them.</source>
        <translation><numerusform>%n stuk getypte tekst kon nog steeds niet worden opgeslagen (is de schijf vol?). Het blijft in het geheugen tot de volgende ontgrendeling; wie Veldboek afsluit, verliest het.</numerusform><numerusform>%n stukken getypte tekst konden nog steeds niet worden opgeslagen (is de schijf vol?). Ze blijven in het geheugen tot de volgende ontgrendeling; wie Veldboek afsluit, verliest ze.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../held_at_lock.py" line="83" />
        <source>%n piece(s) of typed text held from the lock could not be put back: their record was changed meanwhile (a debrief submitted from elsewhere?).</source>
        <translation><numerusform>%n stuk getypte tekst van de vergrendeling kon niet worden teruggezet: het record is intussen gewijzigd (een debriefing elders ingediend?).</numerusform><numerusform>%n stukken getypte tekst van de vergrendeling konden niet worden teruggezet: het record is intussen gewijzigd (een debriefing elders ingediend?).</numerusform></translation>
    </message>
    <message>
        <location filename="../held_at_lock.py" line="95" />
        <source>Typed text</source>
        <translation>Getypte tekst</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../pages/home.py" line="71" />
        <source>Risk review</source>
        <translation>Risicoherziening</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="72" />
        <source>Tasking deadline</source>
        <translation>Termijn opdracht</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="73" />
        <source>Contract review</source>
        <translation>Herziening contract</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="74" />
        <source>Suitability review</source>
        <translation>Herbeoordeling geschiktheid</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="84" />
        <source>Overdue</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="89" />
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="95" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="96" />
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="97" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="125" />
        <source>Your drafts and returned debriefs</source>
        <translation>Uw concepten en teruggestuurde debriefings</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="147" />
        <source>No drafts, and nothing returned to you.</source>
        <translation>Geen concepten, en niets naar u teruggestuurd.</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="231" />
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../pages/home.py" line="235" />
        <source>Latest risk level: {level}</source>
        <translation>Laatste risiconiveau: {level}</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="242" />
        <source>Nothing due in the next %n day(s).</source>
        <translation><numerusform>Niets te doen in de komende %n dag.</numerusform><numerusform>Niets te doen in de komende %n dagen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="272" />
        <source>%n day(s)</source>
        <translation><numerusform>%n dag</numerusform><numerusform>%n dagen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="274" />
        <source>%n reminder(s) in the next {days}, {late} overdue.</source>
        <translation><numerusform>%n herinnering in de komende {days}, {late} verlopen.</numerusform><numerusform>%n herinneringen in de komende {days}, {late} verlopen.</numerusform></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../attachments_box.py" line="43" />
        <source>Attached image</source>
        <translation>Bijgevoegde afbeelding</translation>
    </message>
    <message>
        <location filename="../attachments_box.py" line="49" />
        <source>This image cannot be shown.</source>
        <translation>Deze afbeelding kan niet worden getoond.</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="155" />
        <source>Instruction to the source</source>
        <translation>Instructie aan de bron</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="158" />
        <source>What the source was told they may and may not do</source>
        <translation>Wat de bron wel en niet mag doen</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="159" />
        <source>Instruction:</source>
        <translation>Instructie:</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../dialogs/item_dialog.py" line="105" />
        <source>Edit intelligence item</source>
        <translation>Informatie-item bewerken</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="105" />
        <source>New intelligence item</source>
        <translation>Nieuw informatie-item</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="113" />
        <source>What the source reported, in their words</source>
        <translation>Wat de bron meldde, in diens woorden</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="116" />
        <source>The same information worded so that it cannot point to the source</source>
        <translation>Dezelfde informatie zo verwoord dat ze niet naar de bron kan wijzen</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="129" />
        <source>Conditions for sharing (required for C)</source>
        <translation>Voorwaarden voor delen (verplicht bij C)</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="132" />
        <source>Exculpatory: this could clear a suspect</source>
        <translation>Ontlastend: dit kan een verdachte vrijpleiten</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="139" />
        <source>Reported:</source>
        <translation>Gemeld:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="140" />
        <source>Sanitised wording:</source>
        <translation>Geschoonde tekst:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="141" />
        <source>Grading scheme:</source>
        <translation>Waarderingsschema:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="142" />
        <source>Source evaluation:</source>
        <translation>Bronwaardering:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="143" />
        <source>Intelligence assessment:</source>
        <translation>Informatiewaardering:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="144" />
        <source>Handling code:</source>
        <translation>Behandelcode:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="145" />
        <source>Conditions:</source>
        <translation>Voorwaarden:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="147" />
        <source>Checked against other information:</source>
        <translation>Getoetst aan andere informatie:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="149" />
        <source>Subjects:</source>
        <translation>Subjecten:</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="178" />
        <source>— choose —</source>
        <translation>— kies —</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="189" />
        <source>This handling code keeps the item out of sanitised reports.</source>
        <translation>Met deze behandelcode blijft het item buiten geschoonde rapporten.</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="193" />
        <source>Record the conditions under which it may be shared.</source>
        <translation>Leg vast onder welke voorwaarden het gedeeld mag worden.</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="266" />
        <source>Saved {time}</source>
        <translation>Opgeslagen {time}</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="272" />
        <source>Write down what the source reported.</source>
        <translation>Schrijf op wat de bron meldde.</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <location filename="../packages/keys_tab.py" line="54" />
        <source>Save my public key…</source>
        <translation>Mijn publieke sleutel opslaan…</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="61" />
        <source>Read this fingerprint out to the person who adds your key, or let them compare the QR code with their camera:</source>
        <translation>Lees deze vingerafdruk voor aan wie uw sleutel toevoegt, of laat de QR-code met een camera vergelijken:</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="70" />
        <source>This vault's key</source>
        <translation>Sleutel van deze kluis</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="77" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="78" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="80" />
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="86" />
        <source>Fingerprint</source>
        <translation>Vingerafdruk</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="88" />
        <source>{fp} (retired)</source>
        <translation>{fp} (ingetrokken)</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="114" />
        <source>No keys yet. Add your team handler's key (“Add a key…”) to send packages.</source>
        <translation>Nog geen sleutels. Voeg de sleutel van uw teamleider toe (“Sleutel toevoegen…”) om pakketten te verzenden.</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="95" />
        <source>Add a key…</source>
        <translation>Sleutel toevoegen…</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="96" />
        <location filename="../packages/keys_tab.py" line="198" />
        <source>Retire</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="97" />
        <source>Keys I exchange packages with</source>
        <translation>Sleutels waarmee ik pakketten uitwissel</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="111" />
        <source>No keys yet. Add your runners' keys, to take in their packages, and the central system's key, to take in its deconfliction key (“Add a key…”).</source>
        <translation>Nog geen sleutels. Voeg de sleutels van uw runners toe, om hun pakketten in te lezen, en de sleutel van het centrale systeem, om de deconflictiesleutel in te lezen (“Sleutel toevoegen…”).</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="118" />
        <source>team handler</source>
        <translation>teamleider</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="119" />
        <source>central system</source>
        <translation>centraal systeem</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="120" />
        <source>runner</source>
        <translation>runner</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="127" />
        <source>Key id {hex}</source>
        <translation>Sleutel-id {hex}</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="143" />
        <source>Save my public key</source>
        <translation>Mijn publieke sleutel opslaan</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="162" />
        <source>A key to add</source>
        <translation>Toe te voegen sleutel</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="162" />
        <source>All files (*);;Veldboek keys (*.veldboek-key)</source>
        <translation>Alle bestanden (*);;Veldboek-sleutels (*.veldboek-key)</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="193" />
        <source>Retire key</source>
        <translation>Sleutel intrekken</translation>
    </message>
    <message>
        <location filename="../packages/keys_tab.py" line="195" />
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
        <location filename="../packages/log_tab.py" line="31" />
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="36" />
        <source>Way</source>
        <translation>Richting</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="37" />
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="38" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="39" />
        <source>With</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="40" />
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="48" />
        <source>No packages sent or received yet.</source>
        <translation>Nog geen pakketten verzonden of ontvangen.</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="51" />
        <source>Write again…</source>
        <translation>Opnieuw schrijven…</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="61" />
        <source>receipt sent</source>
        <translation>ontvangstbewijs verzonden</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="61" />
        <source>receipt received</source>
        <translation>ontvangstbewijs ontvangen</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="62" />
        <source>package sent</source>
        <translation>pakket verzonden</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="62" />
        <source>package received</source>
        <translation>pakket ontvangen</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="66" />
        <source>confirmed {when}</source>
        <translation>bevestigd {when}</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="68" />
        <source>awaiting receipt</source>
        <translation>wacht op ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="88" />
        <source>Select a sent package that is still awaiting its receipt.</source>
        <translation>Kies een verzonden pakket dat nog op zijn ontvangstbewijs wacht.</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="91" />
        <source>Folder to write the package to</source>
        <translation>Map om het pakket in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="100" />
        <location filename="../packages/log_tab.py" line="106" />
        <source>Write again</source>
        <translation>Opnieuw schrijven</translation>
    </message>
    <message>
        <location filename="../packages/log_tab.py" line="110" />
        <source>Written again: {path}</source>
        <translation>Opnieuw geschreven: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="121" />
        <source>Veldboek</source>
        <translation>Veldboek</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="25" />
        <source>Vault</source>
        <translation>Kluis</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="26" />
        <source>Go</source>
        <translation>Ga naar</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="47" />
        <source>Command palette…</source>
        <translation>Opdrachtenpalet…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="57" />
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="61" />
        <source>Switch alias…</source>
        <translation>Alias wisselen…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="68" />
        <source>Rename alias…</source>
        <translation>Alias hernoemen…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="75" />
        <source>New source…</source>
        <translation>Nieuwe bron…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="82" />
        <source>New debrief</source>
        <translation>Nieuwe debriefing</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="89" />
        <source>New contact…</source>
        <translation>Nieuw contact…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="103" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="110" />
        <source>Send a package (export)…</source>
        <translation>Pakket verzenden (exporteren)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="117" />
        <source>Receive a package (import)…</source>
        <translation>Pakket ontvangen (inlezen)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="124" />
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="133" />
        <source>Panic: lock and hide</source>
        <translation>Paniek: vergrendelen en verbergen</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="142" />
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../window_commands.py" line="41" />
        <source>Open a source's file or debrief first, then use {action}.</source>
        <translation>Open eerst het dossier van een bron of een debriefing en gebruik dan {action}.</translation>
    </message>
    <message>
        <location filename="../window_commands.py" line="78" />
        <source>None of your aliases has a name from before a rule of names, and only such a name can be renamed: your handler knows you by your cover name.</source>
        <translation>Geen van uw aliassen heeft een naam van vóór een regel voor namen, en alleen zo'n naam kan worden gewijzigd: uw teamleider kent u onder uw dekmantelnaam.</translation>
    </message>
    <message>
        <location filename="../window_commands.py" line="98" />
        <source>Alias renamed: {name}</source>
        <translation>Alias hernoemd: {name}</translation>
    </message>
    <message>
        <location filename="../window_commands.py" line="151" />
        <source>Open source {codename}</source>
        <translation>Bron {codename} openen</translation>
    </message>
    <message>
        <location filename="../window_meeting.py" line="102" />
        <source>The meeting was discarded.</source>
        <translation>De ontmoeting is weggegooid.</translation>
    </message>
    <message>
        <location filename="../window_place.py" line="67" />
        <source>A meeting is still open: Ctrl+M returns to it.</source>
        <translation>Er loopt nog een ontmoeting: Ctrl+M brengt u ernaar terug.</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="96" />
        <source>Meeting mode</source>
        <translation>Ontmoetingsmodus</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158" />
        <source>Locks after {m} min without activity · Panic: F12</source>
        <translation>Vergrendelt na {m} min zonder activiteit · Paniek: F12</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Settings saved.</source>
        <translation>Instellingen opgeslagen.</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="27" />
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <location filename="../window_meeting.py" line="33" />
        <source>Open a source's file or debrief first, then press Ctrl+M.</source>
        <translation>Open eerst een brondossier of debriefing en druk dan op Ctrl+M.</translation>
    </message>
</context>
<context>
    <name>ManagementBox</name>
    <message>
        <location filename="../management_box.py" line="39" />
        <source>Management information</source>
        <translation>Managementinformatie</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="50" />
        <source>Save management report…</source>
        <translation>Managementrapport opslaan…</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="62" />
        <source>Figures of your team, without names; every count below 5 shows as “&lt; 5”.</source>
        <translation>Cijfers van uw team, zonder namen; elk aantal onder 5 staat er als “&lt; 5”.</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="57" />
        <source>From:</source>
        <translation>Van:</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="58" />
        <source>To:</source>
        <translation>Tot en met:</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="74" />
        <source>The period ends before it starts.</source>
        <translation>De periode eindigt voordat ze begint.</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="79" />
        <location filename="../management_box.py" line="109" />
        <source>Save management report</source>
        <translation>Managementrapport opslaan</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="92" />
        <source>Counting…</source>
        <translation>Bezig met tellen…</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="115" />
        <source>Not saved: the existing file was kept.</source>
        <translation>Niet opgeslagen: het bestaande bestand is behouden.</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="119" />
        <source>Saved {name} (an unencrypted PDF; keep it as its marking requires).</source>
        <translation>{name} opgeslagen (een onversleutelde PDF; bewaar hem zoals de rubricering vereist).</translation>
    </message>
    <message>
        <location filename="../management_box.py" line="127" />
        <source>Making the management report…</source>
        <translation>Managementrapport wordt gemaakt…</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <location filename="../meeting_mode.py" line="77" />
        <source>Quick notes; they become a contact and a draft debrief</source>
        <translation>Snelle notities; ze worden een contact en een concept-debriefing</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="82" />
        <source>End meeting…</source>
        <translation>Ontmoeting beëindigen…</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="85" />
        <location filename="../meeting_mode.py" line="232" />
        <source>Discard meeting…</source>
        <translation>Ontmoeting weggooien…</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="89" />
        <source>Started by mistake? In its first {m} minutes a meeting can be discarded.</source>
        <translation>Per vergissing begonnen? In de eerste {m} minuten kan een ontmoeting worden weggegooid.</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="109" />
        <source>Open tasking:</source>
        <translation>Openstaande opdrachten:</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="111" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="164" />
        <source>End meeting</source>
        <translation>Ontmoeting beëindigen</translation>
    </message>
    <message numerus="yes">
        <location filename="../meeting_mode.py" line="218" />
        <source>The note you typed (%n word(s)) is lost with it.</source>
        <translation><numerusform>De notitie die u typte (%n woord) gaat daarmee verloren.</numerusform><numerusform>De notitie die u typte (%n woorden) gaat daarmee verloren.</numerusform></translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="151" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="172" />
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="181" />
        <source>Wrong passphrase; still in meeting mode.</source>
        <translation>Verkeerde wachtzin; nog in ontmoetingsmodus.</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="220" />
        <source>The note saved earlier is lost with it.</source>
        <translation>De eerder opgeslagen notitie gaat daarmee verloren.</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="225" />
        <location filename="../meeting_mode.py" line="234" />
        <source>Discard meeting</source>
        <translation>Ontmoeting weggooien</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="227" />
        <source>Discard this meeting with {codename}, started at {time}? Its contact and its draft debrief are removed; the audit log records that it was discarded. Then give your passphrase.</source>
        <translation>Deze ontmoeting met {codename}, begonnen om {time}, weggooien? Het contact en de concept-debriefing worden verwijderd; het auditlog legt vast dat ze is weggegooid. Geef daarna uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="277" />
        <source>The note is empty here; the vault keeps the note saved before.</source>
        <translation>De notitie is hier leeg; de kluis bewaart de eerder opgeslagen notitie.</translation>
    </message>
    <message>
        <location filename="../meeting_mode.py" line="282" />
        <source>Note saved {time}</source>
        <translation>Notitie opgeslagen {time}</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../pages/packages.py" line="30" />
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="31" />
        <source>Receive</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="32" />
        <source>Log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="33" />
        <source>Keys</source>
        <translation>Sleutels</translation>
    </message>
    <message>
        <location filename="../pages/packages.py" line="42" />
        <source>Packages</source>
        <translation>Pakketten</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="80" />
        <source>Payment or offer</source>
        <translation>Betaling of aanbod</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="95" />
        <location filename="../dialogs/records.py" line="96" />
        <source>— none —</source>
        <translation>— geen —</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="101" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="102" />
        <source>Amount:</source>
        <translation>Bedrag:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="103" />
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="104" />
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="105" />
        <source>Witness (alias):</source>
        <translation>Getuige (alias):</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="106" />
        <source>Approved by (alias):</source>
        <translation>Goedgekeurd door (alias):</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../i18n.py" line="20" />
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="21" />
        <source>Files of &amp;type:</source>
        <translation>Bestanden van &amp;type:</translation>
    </message>
</context>
<context>
    <name>ReceiveTab</name>
    <message>
        <location filename="../packages/receive_tab.py" line="71" />
        <source>Check and import a package…</source>
        <translation>Pakket controleren en inlezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="78" />
        <source>Issue a receipt…</source>
        <translation>Ontvangstbewijs maken…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="81" />
        <source>Packages from runners (handler)</source>
        <translation>Pakketten van runners (teamleider)</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="86" />
        <source>The package's signature, its addressing and every record are checked before anything changes; you see who sent it before importing.</source>
        <translation>De handtekening van het pakket, de adressering en elk record worden gecontroleerd voordat er iets verandert; u ziet wie het stuurde voordat u het inleest.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="94" />
        <source>The central system's deconfliction key and its notices of possible matches are checked and imported here too.</source>
        <translation>De deconflictiesleutel van het centrale systeem en zijn berichten over mogelijke overeenkomsten worden hier ook gecontroleerd en ingelezen.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="102" />
        <source>Confirm to runner:</source>
        <translation>Bevestigen aan runner:</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="112" />
        <source>Take in a receipt…</source>
        <translation>Ontvangstbewijs inlezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="177" />
        <source>After a receipt this vault keeps everything (Settings).</source>
        <translation>Na een ontvangstbewijs houdt deze kluis alles (Instellingen).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="179" />
        <source>After a receipt, confirmed debriefs are deleted from this vault (Settings).</source>
        <translation>Na een ontvangstbewijs worden bevestigde debriefings uit deze kluis verwijderd (Instellingen).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="182" />
        <source>After a receipt, confirmed debriefs are deleted and the vault file is rebuilt so no trace of them remains (Settings).</source>
        <translation>Na een ontvangstbewijs worden bevestigde debriefings verwijderd en wordt het kluisbestand opnieuw opgebouwd, zodat er geen spoor van achterblijft (Instellingen).</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="239" />
        <source>A package to import</source>
        <translation>In te lezen pakket</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="243" />
        <source>Checking the package…</source>
        <translation>Pakket wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="255" />
        <source>Refused: this package was already imported.</source>
        <translation>Geweigerd: dit pakket is al ingelezen.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="257" />
        <source>Refused: another package with this number was already imported.</source>
        <translation>Geweigerd: er is al een ander pakket met dit nummer ingelezen.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="261" />
        <source>Package {n} from {sender} is intact and signed by their key (fingerprint {short}…): {debriefs}, {files}. Import it into this vault?</source>
        <translation>Pakket {n} van {sender} is ongeschonden en ondertekend met diens sleutel (vingerafdruk {short}…): {debriefs}, {files}. In deze kluis inlezen?</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="268" />
        <source>{sender} sends the unit's deconfliction key {key}… (package {n}, signed by their key, fingerprint {short}…). Take it into this vault? Your passphrase is asked next: every source's tokens are then computed under the new key, without showing any identity.</source>
        <translation>{sender} stuurt de deconflictiesleutel {key}… van de eenheid (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…). In deze kluis opnemen? Daarna wordt om uw wachtwoordzin gevraagd: de tokens van elke bron worden dan onder de nieuwe sleutel berekend, zonder een identiteit te tonen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="275" />
        <source>{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible match(es) with sources of this vault. Import it into this vault?</source>
        <translation><numerusform>{sender} stuurt een deconflictiebericht (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…) over %n mogelijke overeenkomst met een bron in deze kluis. In deze kluis inlezen?</numerusform><numerusform>{sender} stuurt een deconflictiebericht (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…) over %n mogelijke overeenkomsten met bronnen in deze kluis. In deze kluis inlezen?</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="283" />
        <source>{sender} hands a source over (package {n}, signed by their key, fingerprint {short}…): its whole file with {debriefs} and {files}. Import it into this vault?</source>
        <translation>{sender} draagt een bron over (pakket {n}, ondertekend met diens sleutel, vingerafdruk {short}…): het hele dossier met {debriefs} en {files}. In deze kluis inlezen?</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="289" />
        <source>Import package</source>
        <translation>Pakket inlezen</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="349" />
        <source>Took in deconfliction notice {n} from {sender}: %n match(es), {open} open. Open matches show on the Home page and on the source's file.</source>
        <translation><numerusform>Deconflictiebericht {n} van {sender} ingelezen: %n overeenkomst, {open} open. Open overeenkomsten staan op de Startpagina en in het dossier van de bron.</numerusform><numerusform>Deconflictiebericht {n} van {sender} ingelezen: %n overeenkomsten, {open} open. Open overeenkomsten staan op de Startpagina en in het dossier van de bron.</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="115" />
        <source>Receipts from the handler</source>
        <translation>Ontvangstbewijzen van de teamleider</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="122" />
        <source>Take in the deconfliction key…</source>
        <translation>Deconflictiesleutel inlezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="131" />
        <source>Take on a handed-over source…</source>
        <translation>Overgedragen bron overnemen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="136" />
        <source>Confirm the handover…</source>
        <translation>Overdracht bevestigen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="142" />
        <source>Sources handed over between runners</source>
        <translation>Bronnen overgedragen tussen runners</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="146" />
        <source>Confirm to the runner who handed it over:</source>
        <translation>Bevestigen aan de runner die haar overdroeg:</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="163" />
        <source>Add the runner's key on the Keys tab first.</source>
        <translation>Voeg eerst de sleutel van de runner toe bij Sleutels.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="164" />
        <source>No runner's key yet</source>
        <translation>Nog geen sleutel van een runner</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="165" />
        <source>No other runner's key yet</source>
        <translation>Nog geen sleutel van een andere runner</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="191" />
        <source>Missing from {peer}: package {numbers}</source>
        <translation>Ontbreekt van {peer}: pakket {numbers}</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="193" />
        <source>Missing from {peer}: packages {numbers}</source>
        <translation>Ontbreekt van {peer}: pakketten {numbers}</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="203" />
        <source>deleted here after the receipt</source>
        <translation>hier verwijderd na het ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="205" />
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="207" />
        <source>awaiting the new runner's receipt</source>
        <translation>wacht op het ontvangstbewijs van de nieuwe runner</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="210" />
        <source>{codename}: handed over to {runner} ({state})</source>
        <translation>{codename}: overgedragen aan {runner} ({state})</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="216" />
        <source>{codename}: taken over from another runner</source>
        <translation>{codename}: overgenomen van een andere runner</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="299" />
        <source>Import</source>
        <translation>Inlezen</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="316" />
        <source>Deconfliction key</source>
        <translation>Deconflictiesleutel</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="317" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="329" />
        <source>Importing the package…</source>
        <translation>Pakket wordt ingelezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="361" />
        <source>Took on source {codename} (id {id}), handed over by {sender}; confirm it to them with “Confirm the handover…”.</source>
        <translation>Bron {codename} (id {id}), overgedragen door {sender}, is overgenomen; bevestig dat met “Overdracht bevestigen…”.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="384" />
        <source>This vault already holds that deconfliction key; nothing changed.</source>
        <translation>Deze kluis heeft die deconflictiesleutel al; er is niets gewijzigd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="387" />
        <source>Took in deconfliction key {key} from {sender}; tokens computed for %n source(s).</source>
        <translation><numerusform>Deconflictiesleutel {key} van {sender} ingelezen; tokens berekend voor %n bron.</numerusform><numerusform>Deconflictiesleutel {key} van {sender} ingelezen; tokens berekend voor %n bronnen.</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="418" />
        <source>Receipt for {packages}, with {reviews}, written to {path}.</source>
        <translation>Ontvangstbewijs voor {packages}, met {reviews}, geschreven naar {path}.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="460" />
        <source>Settings, “After a receipt”, decides this; a debrief changed since it was sent is kept until it has gone out again.</source>
        <translation>Dit volgt uit Instellingen, “Na een ontvangstbewijs”; een debriefing die sinds het verzenden is gewijzigd, blijft tot ze opnieuw is verzonden.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="484" />
        <source>Receipt from {sender}: {packages} confirmed, {reviews} taken in, {debriefs} removed from this vault.</source>
        <translation>Ontvangstbewijs van {sender}: {packages} bevestigd, {reviews} overgenomen, {debriefs} uit deze kluis verwijderd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="494" />
        <source>%n handed-over source(s) removed from this vault, with their files.</source>
        <translation><numerusform>%n overgedragen bron met haar dossier uit deze kluis verwijderd.</numerusform><numerusform>%n overgedragen bronnen met hun dossier uit deze kluis verwijderd.</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="394" />
        <source>Nothing was written</source>
        <translation>Er is niets geschreven</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="368" />
        <source>Imported package {n} from {sender}: {new} new, {updated}, {unchanged} unchanged, {older} kept as history.</source>
        <translation>Pakket {n} van {sender} ingelezen: {new} nieuw, {updated}, {unchanged} ongewijzigd, {older} als geschiedenis bewaard.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="395" />
        <location filename="../packages/receive_tab.py" line="434" />
        <source>Refused: {why}</source>
        <translation>Geweigerd: {why}</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="403" />
        <source>Folder to write the receipt to</source>
        <translation>Map om het ontvangstbewijs in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="407" />
        <source>Sealing the receipt…</source>
        <translation>Ontvangstbewijs wordt verzegeld…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="426" />
        <source>A receipt to take in</source>
        <translation>In te lezen ontvangstbewijs</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="445" />
        <source>The debriefs the handler confirms in it are then deleted from this vault, and the vault file is rebuilt so that no trace of them remains.</source>
        <translation>De debriefings die de teamleider erin bevestigt, worden dan uit deze kluis verwijderd en het kluisbestand wordt opnieuw opgebouwd, zodat er geen spoor van achterblijft.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="450" />
        <source>The debriefs the handler confirms in it are then deleted from this vault.</source>
        <translation>De debriefings die de teamleider erin bevestigt, worden dan uit deze kluis verwijderd.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="455" />
        <source>Take in a receipt</source>
        <translation>Ontvangstbewijs inlezen</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="456" />
        <source>Take in the receipt {file}? {what} This cannot be undone.</source>
        <translation>Het ontvangstbewijs {file} inlezen? {what} Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="463" />
        <source>Take in and delete</source>
        <translation>Inlezen en verwijderen</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="472" />
        <source>Taking in the receipt…</source>
        <translation>Ontvangstbewijs wordt ingelezen…</translation>
    </message>
    <message>
        <location filename="../packages/receive_tab.py" line="500" />
        <source>Receipt taken in</source>
        <translation>Ontvangstbewijs ingelezen</translation>
    </message>
</context>
<context>
    <name>RecordIdentityDialog</name>
    <message>
        <location filename="../dialogs/identity.py" line="47" />
        <source>Record true identity</source>
        <translation>Ware identiteit vastleggen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="54" />
        <source>These fields are sealed as soon as you press OK. Veldboek never shows them again unless someone reveals them on purpose, with the passphrase and a reason.</source>
        <translation>Deze velden worden verzegeld zodra u op OK drukt. Veldboek toont ze nooit meer, tenzij iemand ze bewust onthult, met de wachtzin en een reden.</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="62" />
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="63" />
        <source>One address per line</source>
        <translation>Eén adres per regel</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="64" />
        <source>One number per line</source>
        <translation>Eén nummer per regel</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="67" />
        <source>Full name:</source>
        <translation>Volledige naam:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="68" />
        <source>Date of birth:</source>
        <translation>Geboortedatum:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="69" />
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="70" />
        <source>Phone numbers:</source>
        <translation>Telefoonnummers:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="71" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="99" />
        <source>Sealing the true identity…</source>
        <translation>Ware identiteit wordt verzegeld…</translation>
    </message>
</context>
<context>
    <name>ReliabilityDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="169" />
        <source>Reliability review</source>
        <translation>Herziening betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="174" />
        <source>1 — Reliable</source>
        <translation>1 — Betrouwbaar</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="175" />
        <source>2 — Untested</source>
        <translation>2 — Niet getoetst</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="176" />
        <source>3 — Not reliable</source>
        <translation>3 — Niet betrouwbaar</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="179" />
        <source>Why: what was corroborated or contradicted</source>
        <translation>Waarom: wat werd bevestigd of weerlegd</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="180" />
        <source>Evaluation:</source>
        <translation>Waardering:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="181" />
        <source>Rationale:</source>
        <translation>Onderbouwing:</translation>
    </message>
</context>
<context>
    <name>RenameAliasDialog</name>
    <message>
        <location filename="../dialogs/rename_alias.py" line="44" />
        <source>Rename alias</source>
        <translation>Alias hernoemen</translation>
    </message>
    <message>
        <location filename="../dialogs/rename_alias.py" line="51" />
        <source>{name} (alias {id})</source>
        <translation>{name} (alias {id})</translation>
    </message>
    <message>
        <location filename="../dialogs/rename_alias.py" line="61" />
        <source>Only an alias whose name is from before a rule of names is listed. Your records name you by the new name from now on, also in the packages you send. The old name stays known, so that sanitised reports still refuse it.</source>
        <translation>Alleen een alias met een naam van vóór een regel voor namen staat hier. Uw gegevens noemen u vanaf nu bij de nieuwe naam, ook in de pakketten die u verstuurt. De oude naam blijft bekend, zodat geschoonde rapporten hem blijven weigeren.</translation>
    </message>
    <message>
        <location filename="../dialogs/rename_alias.py" line="74" />
        <source>Rename</source>
        <translation>Hernoemen</translation>
    </message>
    <message>
        <location filename="../dialogs/rename_alias.py" line="79" />
        <source>Alias:</source>
        <translation>Alias:</translation>
    </message>
    <message>
        <location filename="../dialogs/rename_alias.py" line="80" />
        <source>New name:</source>
        <translation>Nieuwe naam:</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../report_preview.py" line="147" />
        <location filename="../report_preview.py" line="306" />
        <source>Report preview</source>
        <translation>Voorbeeld van rapport</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="172" />
        <location filename="../report_preview.py" line="276" />
        <source>Rendering pages…</source>
        <translation>Pagina's worden opgebouwd…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="187" />
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="191" />
        <source>Save PDF…</source>
        <translation>PDF opslaan…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="195" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message numerus="yes">
        <location filename="../report_preview.py" line="167" />
        <source>{title} · {marking} · report {report_id} · %n page(s)</source>
        <translation><numerusform>{title} · {marking} · rapport {report_id} · %n pagina</numerusform><numerusform>{title} · {marking} · rapport {report_id} · %n pagina's</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../report_preview.py" line="300" />
        <source>%n page(s). Nothing has been written to disk.</source>
        <translation><numerusform>%n pagina. Er is niets naar schijf geschreven.</numerusform><numerusform>%n pagina's. Er is niets naar schijf geschreven.</numerusform></translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="322" />
        <source>Veldboek report</source>
        <translation>Veldboek-rapport</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="332" />
        <location filename="../report_preview.py" line="338" />
        <location filename="../report_preview.py" line="351" />
        <location filename="../report_preview.py" line="364" />
        <location filename="../report_preview.py" line="387" />
        <source>Print report</source>
        <translation>Rapport afdrukken</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="340" />
        <source>Printing to a file is not allowed here. Use Save PDF… to keep a copy: it warns you and is recorded.</source>
        <translation>Afdrukken naar een bestand kan hier niet. Gebruik PDF opslaan… om een kopie te bewaren: u krijgt een waarschuwing en het wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="351" />
        <source>The printer could not be started.</source>
        <translation>De printer kon niet worden gestart.</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="355" />
        <source>Printing…</source>
        <translation>Bezig met afdrukken…</translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="366" />
        <source>This computer has no private folder in memory for the print job. The print system will keep the report as an unencrypted file on disk while it prints (and the printer's queue may keep a copy afterwards). Print anyway?</source>
        <translation>Deze computer heeft geen afgeschermde map in het geheugen voor de afdruktaak. Het afdruksysteem bewaart het rapport tijdens het afdrukken als onversleuteld bestand op schijf (en de wachtrij van de printer kan daarna een kopie bewaren). Toch afdrukken?</translation>
    </message>
    <message numerus="yes">
        <location filename="../report_preview.py" line="382" />
        <source>Sent %n page(s) to the printer.</source>
        <translation><numerusform>%n pagina naar de printer gestuurd.</numerusform><numerusform>%n pagina's naar de printer gestuurd.</numerusform></translation>
    </message>
    <message>
        <location filename="../report_preview.py" line="406" />
        <source>Saved an unencrypted copy.</source>
        <translation>Een onversleutelde kopie is opgeslagen.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../pages/reports.py" line="103" />
        <source>Choose by source and dates instead</source>
        <translation>Kies in plaats daarvan op bron en datum</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="108" />
        <source>Internal (for the unit; names the source)</source>
        <translation>Intern (voor de eenheid; noemt de bron)</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="111" />
        <source>Sanitised (for sharing; needs a handler's approval)</source>
        <translation>Geschoond (om te delen; na goedkeuring door een teamleider)</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="117" />
        <source>Include drafts (marked DRAFT)</source>
        <translation>Concepten opnemen (gemarkeerd CONCEPT)</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="128" />
        <source>Make report…</source>
        <translation>Rapport maken…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="134" />
        <source>New report</source>
        <translation>Nieuw rapport</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="141" />
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="143" />
        <source>To:</source>
        <translation>Tot en met:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="144" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="285" />
        <source>%n item(s) that may be shared have no sanitised wording and are left out.</source>
        <translation><numerusform>%n item dat gedeeld mag worden heeft geen geschoonde tekst en blijft buiten het rapport.</numerusform><numerusform>%n items die gedeeld mogen worden hebben geen geschoonde tekst en blijven buiten het rapport.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="377" />
        <source>Refused: %n identifying string(s).</source>
        <translation><numerusform>Geweigerd: %n identificerende tekst.</numerusform><numerusform>Geweigerd: %n identificerende teksten.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="386" />
        <source>Report {id} issued: %n page(s).</source>
        <translation><numerusform>Rapport {id} uitgegeven: %n pagina.</numerusform><numerusform>Rapport {id} uitgegeven: %n pagina's.</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="34" />
        <source>Requested</source>
        <translation>Aangevraagd</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="39" />
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="40" />
        <source>Covers</source>
        <translation>Betreft</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="41" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="43" />
        <source>Debriefs</source>
        <translation>Debriefings</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="47" />
        <source>Marking</source>
        <translation>Rubricering</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="48" />
        <source>Decided by</source>
        <translation>Besloten door</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="52" />
        <source>No sanitised reports requested.</source>
        <translation>Geen geschoonde rapporten aangevraagd.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="58" />
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="61" />
        <location filename="../pages/report_approvals.py" line="190" />
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="64" />
        <source>Reject…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="67" />
        <source>Issue…</source>
        <translation>Uitgeven…</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="69" />
        <source>Sanitised reports</source>
        <translation>Geschoonde rapporten</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="73" />
        <source>Verify a report file…</source>
        <translation>Rapportbestand controleren…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="152" />
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="161" />
        <source>One debrief: {what}</source>
        <translation>Eén debriefing: {what}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="185" />
        <source>— all sources —</source>
        <translation>— alle bronnen —</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="106" />
        <source>Awaiting approval</source>
        <translation>Wacht op goedkeuring</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="107" />
        <source>Approved: can be issued</source>
        <translation>Goedgekeurd: kan worden uitgegeven</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="108" />
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="109" />
        <source>Issued</source>
        <translation>Uitgegeven</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="204" />
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="211" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="223" />
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="241" />
        <source>Issue internal report</source>
        <translation>Intern rapport uitgeven</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="243" />
        <source>Issue an internal report ({marking}) of {what}? It names the source, gets a report number and is recorded in the audit log; it is printed or saved only if you choose so in the preview.</source>
        <translation>Een intern rapport ({marking}) uitgeven van {what}? Het noemt de bron, krijgt een rapportnummer en komt in het auditlog; het wordt alleen afgedrukt of opgeslagen als u dat in het voorbeeld kiest.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="234" />
        <location filename="../pages/reports.py" line="248" />
        <source>Issue report</source>
        <translation>Rapport uitgeven</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="314" />
        <source>the debrief {what}</source>
        <translation>de debriefing {what}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="323" />
        <source>the debriefs of {source}, {days}</source>
        <translation>de debriefings over {source}, {days}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="325" />
        <source>all debriefs of {source}</source>
        <translation>alle debriefings over {source}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="326" />
        <source>the debriefs of all sources, {days}</source>
        <translation>de debriefings over alle bronnen, {days}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="331" />
        <source>Laying out the report…</source>
        <translation>Rapport wordt opgemaakt…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="256" />
        <source>The sanitised text is checked against the sources' identities: give your passphrase.</source>
        <translation>De geschoonde tekst wordt getoetst aan de identiteit van de bronnen: geef uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="142" />
        <source>From (day met):</source>
        <translation>Van (dag van ontmoeting):</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="146" />
        <source>Marking:</source>
        <translation>Rubricering:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="262" />
        <source>Checking the sanitised text…</source>
        <translation>Geschoonde tekst wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="278" />
        <source>No identifying text found. The report now waits for a handler's approval; issue it here once approved.</source>
        <translation>Geen identificerende tekst gevonden. Het rapport wacht nu op goedkeuring door een teamleider; geef het hier uit zodra het is goedgekeurd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="306" />
        <source>It includes %n draft(s), marked DRAFT.</source>
        <translation><numerusform>Er zit %n concept in, gemarkeerd CONCEPT.</numerusform><numerusform>Er zitten %n concepten in, gemarkeerd CONCEPT.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="308" />
        <source>%n draft(s) of this choice are left out (“Include drafts” adds them).</source>
        <translation><numerusform>%n concept van deze keuze blijft buiten het rapport (“Concepten opnemen” voegt het toe).</numerusform><numerusform>%n concepten van deze keuze blijven buiten het rapport (“Concepten opnemen” voegt ze toe).</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="319" />
        <source>met {start} to {end}</source>
        <translation>ontmoetingen van {start} tot en met {end}</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="361" />
        <source>Cancelled: nothing was issued or requested.</source>
        <translation>Geannuleerd: er is niets uitgegeven of aangevraagd.</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="367" />
        <source>Sanitised report refused</source>
        <translation>Geschoond rapport geweigerd</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="370" />
        <source>The sanitised text would point to the source. Change these wordings and try again:</source>
        <translation>De geschoonde tekst zou naar de bron wijzen. Pas deze formuleringen aan en probeer het opnieuw:</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="396" />
        <source>Internal debrief report</source>
        <translation>Intern debriefingrapport</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="398" />
        <source>Sanitised intelligence report</source>
        <translation>Geschoond inlichtingenrapport</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="117" />
        <source>Select a sanitised report in the list first.</source>
        <translation>Kies eerst een geschoond rapport in de lijst.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="139" />
        <source>Laying out the preview…</source>
        <translation>Voorbeeld wordt opgemaakt…</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="147" />
        <source>Sanitised report awaiting approval</source>
        <translation>Geschoond rapport dat op goedkeuring wacht</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="188" />
        <source>Approve sanitised report</source>
        <translation>Geschoond rapport goedkeuren</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="174" />
        <source>Approve {what}? Once approved it can be issued and shared outside the unit.</source>
        <translation>Wilt u {what} goedkeuren? Eenmaal goedgekeurd kan het worden uitgegeven en buiten de eenheid worden gedeeld.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="210" />
        <source>Reject sanitised report</source>
        <translation>Geschoond rapport afwijzen</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="211" />
        <source>Reject {what}? It can then never be issued; a new request is needed.</source>
        <translation>Wilt u {what} afwijzen? Het kan dan nooit meer worden uitgegeven; er is een nieuwe aanvraag nodig.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="216" />
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="215" />
        <source>Why?</source>
        <translation>Waarom?</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/report_approvals.py" line="123" />
        <source>the sanitised report requested by {by} on {day} (%n debrief(s), {marking})</source>
        <translation><numerusform>het geschoonde rapport dat {by} op {day} aanvroeg (%n debriefing, {marking})</numerusform><numerusform>het geschoonde rapport dat {by} op {day} aanvroeg (%n debriefings, {marking})</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/report_approvals.py" line="180" />
        <source>%n item(s) that may be shared had no sanitised wording and are left out of it.</source>
        <translation><numerusform>%n item dat gedeeld mag worden had geen geschoonde tekst en blijft buiten het rapport.</numerusform><numerusform>%n items die gedeeld mogen worden hadden geen geschoonde tekst en blijven buiten het rapport.</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="228" />
        <source>Issue sanitised report</source>
        <translation>Geschoond rapport uitgeven</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="229" />
        <source>Issue {what}? It gets a report number and is recorded in the audit log; it is printed or saved only if you choose so in the preview.</source>
        <translation>Wilt u {what} uitgeven? Het krijgt een rapportnummer en komt in het auditlog; het wordt alleen afgedrukt of opgeslagen als u dat in het voorbeeld kiest.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="242" />
        <source>Issuing checks the text once more against the identities: give your passphrase.</source>
        <translation>Bij het uitgeven wordt de tekst nog eens aan de identiteiten getoetst: geef uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../pages/report_approvals.py" line="251" />
        <source>Producing the sanitised report…</source>
        <translation>Geschoond rapport wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="438" />
        <source>Verify a report</source>
        <translation>Rapport controleren</translation>
    </message>
    <message>
        <location filename="../pages/reports.py" line="438" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RevealIdentityDialog</name>
    <message>
        <location filename="../dialogs/identity.py" line="132" />
        <source>Reveal true identity</source>
        <translation>Ware identiteit onthullen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="142" />
        <source>Revealing is recorded in the audit log with your alias and reason. Make sure nobody can see your screen.</source>
        <translation>Onthullen wordt met uw alias en reden in het auditlog vastgelegd. Zorg dat niemand uw scherm kan zien.</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="152" />
        <source>Why do you need the identity now?</source>
        <translation>Waarom hebt u de identiteit nu nodig?</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="157" />
        <location filename="../dialogs/identity.py" line="165" />
        <source>Source:</source>
        <translation>Bron:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="158" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="159" />
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="173" />
        <source>Hidden again in %v s</source>
        <translation>Over %v s weer verborgen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="180" />
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="184" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="204" />
        <source>Checking the passphrase…</source>
        <translation>Wachtzin wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="232" />
        <source>&lt;b&gt;Name:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Naam:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="233" />
        <source>&lt;b&gt;Date of birth:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Geboortedatum:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="234" />
        <source>&lt;b&gt;Addresses:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Adressen:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="235" />
        <source>&lt;b&gt;Phone numbers:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Telefoonnummers:&lt;/b&gt; {v}</translation>
    </message>
    <message>
        <location filename="../dialogs/identity.py" line="238" />
        <source>&lt;b&gt;Notes:&lt;/b&gt; {v}</source>
        <translation>&lt;b&gt;Notities:&lt;/b&gt; {v}</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="125" />
        <source>Risk assessment</source>
        <translation>Risicobeoordeling</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="129" />
        <source>Who could harm the source, and how</source>
        <translation>Wie de bron kan schaden, en hoe</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="130" />
        <source>What reduces the risk</source>
        <translation>Wat het risico verkleint</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="131" />
        <source>Welfare of the source</source>
        <translation>Welzijn van de bron</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="134" />
        <source>Level:</source>
        <translation>Niveau:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="135" />
        <source>Threats:</source>
        <translation>Dreigingen:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="136" />
        <source>Mitigations:</source>
        <translation>Maatregelen:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="137" />
        <source>Welfare:</source>
        <translation>Welzijn:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="138" />
        <source>Review on:</source>
        <translation>Herzien op:</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <location filename="../save_file.py" line="34" />
        <source>{name} already exists. Replace it?</source>
        <translation>{name} bestaat al. Vervangen?</translation>
    </message>
    <message>
        <location filename="../save_file.py" line="39" />
        <source>Folder: {folder}</source>
        <translation>Map: {folder}</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../pages/search.py" line="61" />
        <source>Narrative</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="62" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="63" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="64" />
        <source>Addendum</source>
        <translation>Aanvulling</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="69" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="74" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="75" />
        <source>Found in</source>
        <translation>Gevonden in</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="77" />
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="79" />
        <source>Sorted by this column: best match first</source>
        <translation>Gesorteerd op deze kolom: beste treffer eerst</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="91" />
        <source>Words to find (all must occur); end a word with * to match its start</source>
        <translation>Te zoeken woorden (alle moeten voorkomen); eindig een woord op * om op het begin te zoeken</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="93" />
        <location filename="../pages/search.py" line="129" />
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="172" />
        <source>The first {n} results in your files, from the newest {window} matches; add words to narrow the search.</source>
        <translation>De eerste {n} resultaten in uw dossiers, uit de nieuwste {window} treffers; voeg woorden toe om de zoekopdracht te verfijnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/search.py" line="177" />
        <source>%n result(s) in your files</source>
        <translation><numerusform>%n resultaat in uw dossiers</numerusform><numerusform>%n resultaten in uw dossiers</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/search.py" line="182" />
        <source>Nothing in your files matches these words.</source>
        <translation>Niets in uw dossiers bevat deze woorden.</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <location filename="../packages/send_tab.py" line="63" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="68" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="70" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="74" />
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="76" />
        <source>Still missing</source>
        <translation>Ontbreekt nog</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="113" />
        <source>New and changed debriefs (submitted or approved). A package is sealed to the recipients above and signed by this vault; nothing else can read it. Debriefs that still miss something cannot go.</source>
        <translation>Nieuwe en gewijzigde debriefings (ingediend of goedgekeurd). Een pakket wordt verzegeld voor de ontvangers hierboven en door deze kluis ondertekend; niemand anders kan het lezen. Debriefings waar nog iets aan ontbreekt kunnen niet mee.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="131" />
        <source>A team handler sends no debriefs: packages of debriefs come only from runners. What you send goes out from the other tabs: a receipt to each runner whose package you imported (Receive, “Issue a receipt…”), and the central system's deconfliction key, forwarded to your runners (Keys, “Forward the deconfliction key to runners…”).</source>
        <translation>Een teamleider verzendt geen debriefings: pakketten met debriefings komen alleen van runners. Wat u verzendt, gaat via de andere tabbladen: een ontvangstbewijs aan elke runner van wie u een pakket hebt ingelezen (Ontvangen, “Ontvangstbewijs maken…”), en de deconflictiesleutel van het centrale systeem, doorgestuurd aan uw runners (Sleutels, “Deconflictiesleutel doorsturen aan runners…”).</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="183" />
        <source>Looking for what is new…</source>
        <translation>Zoeken naar wat nieuw is…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="198" />
        <source>Packages go to: {names}</source>
        <translation>Pakketten gaan naar: {names}</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="210" />
        <source>No new debrief; the deconfliction tokens of %n source(s) wait to be sent.</source>
        <translation><numerusform>Geen nieuwe debriefing; de deconflictietokens van %n bron wachten op verzending.</numerusform><numerusform>Geen nieuwe debriefing; de deconflictietokens van %n bronnen wachten op verzending.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="218" />
        <source>No new debrief; %n record(s) of source files wait to be sent.</source>
        <translation><numerusform>Geen nieuwe debriefing; %n gegeven uit een bronnendossier wacht op verzending.</numerusform><numerusform>Geen nieuwe debriefing; %n gegevens uit bronnendossiers wachten op verzending.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="227" />
        <source>%n debrief(s) still miss something (in red).</source>
        <translation><numerusform>Aan %n debriefing ontbreekt nog iets (in rood).</numerusform><numerusform>Aan %n debriefings ontbreekt nog iets (in rood).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="230" />
        <source>%n debrief(s) ready to send.</source>
        <translation><numerusform>%n debriefing klaar om te verzenden.</numerusform><numerusform>%n debriefings klaar om te verzenden.</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="270" />
        <source>No team handler's key is known yet, so a package could go to no one. Ask your team handler for their key file (their Veldboek saves it under Packages, Keys, “Save my public key…”), put it on this laptop, and add it here with “Add the team handler's key…”. They read their fingerprint out to you and you type it in; only a matching key is added.</source>
        <translation>Er is nog geen sleutel van een teamleider bekend, dus een pakket kan naar niemand. Vraag uw teamleider om diens sleutelbestand (Veldboek slaat het op onder Pakketten, Sleutels, “Mijn publieke sleutel opslaan…”), zet het op deze laptop en voeg het hier toe met “Sleutel van de teamleider toevoegen…”. De teamleider leest de vingerafdruk voor en u typt die in; alleen een kloppende sleutel wordt toegevoegd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="372" />
        <source>Removed %n hidden temporary file(s) of an interrupted export.</source>
        <translation><numerusform>%n verborgen tijdelijk bestand van een onderbroken verzending verwijderd.</numerusform><numerusform>%n verborgen tijdelijke bestanden van een onderbroken verzending verwijderd.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="383" />
        <source>Package {n} with %n debrief(s) written to {path}.</source>
        <translation><numerusform>Pakket {n} met %n debriefing geschreven naar {path}.</numerusform><numerusform>Pakket {n} met %n debriefings geschreven naar {path}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="387" />
        <source>Package {n} with %n debrief(s) is on its way to {names}.</source>
        <translation><numerusform>Pakket {n} met %n debriefing is onderweg naar {names}.</numerusform><numerusform>Pakket {n} met %n debriefings is onderweg naar {names}.</numerusform></translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="395" />
        <source>Nothing was written</source>
        <translation>Er is niets geschreven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="83" />
        <location filename="../packages/send_tab.py" line="224" />
        <location filename="../packages/send_tab.py" line="378" />
        <source>Nothing new to send.</source>
        <translation>Niets nieuws te verzenden.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="56" />
        <location filename="../packages/send_tab.py" line="284" />
        <source>Add the team handler's key…</source>
        <translation>Sleutel van de teamleider toevoegen…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="77" />
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="86" />
        <source>Send everything new…</source>
        <translation>Alles wat nieuw is verzenden…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="89" />
        <source>Send selected…</source>
        <translation>Selectie verzenden…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="138" />
        <source>Go to receipts</source>
        <translation>Naar de ontvangstbewijzen</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="236" />
        <source>Package {n} was recorded but its file was never written (the export was interrupted). The next export writes it again.</source>
        <translation>Pakket {n} is vastgelegd, maar het bestand is nooit geschreven (het verzenden werd onderbroken). De volgende verzending schrijft het opnieuw.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="281" />
        <source>No team handler's key yet</source>
        <translation>Nog geen sleutel van een teamleider</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="319" />
        <source>Select the debriefs to send first.</source>
        <translation>Kies eerst de debriefings die mee moeten.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="327" />
        <source>Not sent: complete the debriefs marked in red first.</source>
        <translation>Niet verzonden: vul eerst de rood gemarkeerde debriefings aan.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="329" />
        <source>Folder to write the package to</source>
        <translation>Map om het pakket in te schrijven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="333" />
        <source>Sealing the package…</source>
        <translation>Pakket wordt verzegeld…</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="364" />
        <source>Package {n} was recorded but its file was never written; it is written again: {path}</source>
        <translation>Pakket {n} is vastgelegd, maar het bestand is nooit geschreven; het is opnieuw geschreven: {path}</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="379" />
        <source>The interrupted package is written again; nothing new to send.</source>
        <translation>Het onderbroken pakket is opnieuw geschreven; er is niets nieuws te verzenden.</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="391" />
        <source>Package written</source>
        <translation>Pakket geschreven</translation>
    </message>
    <message>
        <location filename="../packages/send_tab.py" line="389" />
        <source>File: {path}</source>
        <translation>Bestand: {path}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings.py" line="124" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="125" />
        <location filename="../pages/settings.py" line="126" />
        <location filename="../pages/settings.py" line="127" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="128" />
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="131" />
        <source>Keep everything</source>
        <translation>Alles bewaren</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="132" />
        <source>Delete what the handler confirmed</source>
        <translation>Verwijderen wat de teamleider bevestigde</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="134" />
        <source>Delete what the handler confirmed, leaving no trace</source>
        <translation>Verwijderen wat de teamleider bevestigde, zonder spoor</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="138" />
        <source>Follow the system</source>
        <translation>Volg het systeem</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="141" />
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="146" />
        <source>Change passphrase…</source>
        <translation>Wachtzin wijzigen…</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="153" />
        <source>Behaviour</source>
        <translation>Gedrag</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="155" />
        <source>Lock after idle:</source>
        <translation>Vergrendelen na inactiviteit:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="156" />
        <source>Clear copied text after:</source>
        <translation>Gekopieerde tekst wissen na:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="157" />
        <source>Autosave drafts every:</source>
        <translation>Concepten automatisch opslaan elke:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="158" />
        <source>Show a revealed identity for:</source>
        <translation>Onthulde identiteit tonen gedurende:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="159" />
        <source>Remind me of what is due within:</source>
        <translation>Herinner mij aan wat verloopt binnen:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="160" />
        <source>After a receipt:</source>
        <translation>Na een ontvangstbewijs:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="161" />
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="163" />
        <source>Vault</source>
        <translation>Kluis</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="174" />
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="189" />
        <source>Folder: {folder}
Key derivation: Argon2id, {mib} MiB, {passes} (about {sec} s on this computer)
Second factor (OS keyring): {factor}</source>
        <translation>Map: {folder}
Sleutelafleiding: Argon2id, {mib} MiB, {passes} (ongeveer {sec} s op deze computer)
Tweede factor (sleutelbos van het besturingssysteem): {factor}</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/settings.py" line="194" />
        <source>%n pass(es)</source>
        <translation><numerusform>%n ronde</numerusform><numerusform>%n rondes</numerusform></translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="196" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="196" />
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../pages/settings.py" line="219" />
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
        <location filename="../dialogs/source_form.py" line="37" />
        <source>Why does the source cooperate?</source>
        <translation>Waarom werkt de bron mee?</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="38" />
        <source>What can the source actually see and hear?</source>
        <translation>Wat kan de bron werkelijk zien en horen?</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="40" />
        <source>e.g. art. 126v Sv</source>
        <translation>bijv. art. 126v Sv</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="48" />
        <source>Codename:</source>
        <translation>Codenaam:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="49" />
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="50" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="51" />
        <source>Motivation:</source>
        <translation>Motivatie:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="52" />
        <source>Information position:</source>
        <translation>Informatiepositie:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="53" />
        <source>Legal basis:</source>
        <translation>Wettelijke grondslag:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="54" />
        <source>Contracted on:</source>
        <translation>Gecontracteerd op:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="55" />
        <source>Contract review:</source>
        <translation>Herziening contract:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="56" />
        <source>Suitability review:</source>
        <translation>Herbeoordeling geschiktheid:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="57" />
        <source>Antecedents checked on:</source>
        <translation>Antecedenten gecontroleerd op:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="58" />
        <source>Antecedents result:</source>
        <translation>Uitkomst antecedenten:</translation>
    </message>
    <message>
        <location filename="../dialogs/source_form.py" line="59" />
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
</context>
<context>
    <name>SourceFileView</name>
    <message>
        <location filename="../source_file.py" line="69" />
        <source>← All sources</source>
        <translation>← Alle bronnen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="108" />
        <location filename="../source_file_tabs.py" line="49" />
        <location filename="../source_file_tabs.py" line="148" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="109" />
        <location filename="../source_file_tabs.py" line="81" />
        <location filename="../source_file_tabs.py" line="122" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="110" />
        <source>Runners</source>
        <translation>Runners</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="111" />
        <source>Motivation</source>
        <translation>Motivatie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="112" />
        <source>Information position</source>
        <translation>Informatiepositie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="113" />
        <source>Legal basis</source>
        <translation>Wettelijke grondslag</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="114" />
        <source>Contracted / review</source>
        <translation>Gecontracteerd / herziening</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="115" />
        <source>Suitability review</source>
        <translation>Herbeoordeling geschiktheid</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="116" />
        <source>Antecedents check</source>
        <translation>Antecedentenonderzoek</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="117" />
        <source>Former codenames</source>
        <translation>Eerdere codenamen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="118" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="119" />
        <source>True identity</source>
        <translation>Ware identiteit</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="120" />
        <source>Handover</source>
        <translation>Overdracht</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="121" />
        <source>Deconfliction</source>
        <translation>Deconflictie</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="122" />
        <source>Registration closed</source>
        <translation>Registratie beëindigd</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="131" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="133" />
        <source>Reveal identity…</source>
        <translation>Identiteit onthullen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="135" />
        <location filename="../source_file.py" line="194" />
        <source>Record identity…</source>
        <translation>Identiteit vastleggen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="140" />
        <source>Hand over source…</source>
        <translation>Bron overdragen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="143" />
        <source>Close registration…</source>
        <translation>Registratie beëindigen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="146" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="164" />
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="44" />
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="50" />
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="52" />
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="56" />
        <source>Attendees</source>
        <translation>Aanwezigen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="57" />
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="60" />
        <source>No contacts recorded yet.</source>
        <translation>Nog geen contacten vastgelegd.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="63" />
        <source>New contact…</source>
        <translation>Nieuw contact…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="66" />
        <source>Debrief this contact</source>
        <translation>Dit contact debriefen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="68" />
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="75" />
        <source>Written</source>
        <translation>Geschreven</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="86" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="91" />
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="98" />
        <source>No debriefs for this source yet.</source>
        <translation>Nog geen debriefings voor deze bron.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="103" />
        <source>New debrief</source>
        <translation>Nieuwe debriefing</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="106" />
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="111" />
        <source>Debriefs</source>
        <translation>Debriefings</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="118" />
        <source>Deadline</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="123" />
        <location filename="../source_file_tabs.py" line="136" />
        <source>Tasking</source>
        <translation>Opdrachten</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="124" />
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="125" />
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="128" />
        <source>No tasking given yet.</source>
        <translation>Nog geen opdrachten gegeven.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="131" />
        <source>New tasking…</source>
        <translation>Nieuwe opdracht…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="134" />
        <source>Close tasking…</source>
        <translation>Opdracht afsluiten…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="143" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="150" />
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="155" />
        <source>Witness</source>
        <translation>Getuige</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="156" />
        <source>Approved by</source>
        <translation>Goedgekeurd door</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="157" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="160" />
        <source>No payments or offers recorded.</source>
        <translation>Geen betalingen of aanbod vastgelegd.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="163" />
        <source>Record payment or offer…</source>
        <translation>Betaling of aanbod vastleggen…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="167" />
        <source>Payments</source>
        <translation>Betalingen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="191" />
        <source>Assessed</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="197" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="203" />
        <source>Review on</source>
        <translation>Herzien op</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="207" />
        <source>Threats</source>
        <translation>Dreigingen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="208" />
        <source>Welfare</source>
        <translation>Welzijn</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="211" />
        <source>No risk assessment yet.</source>
        <translation>Nog geen risicobeoordeling.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="214" />
        <source>New risk assessment…</source>
        <translation>Nieuwe risicobeoordeling…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="222" />
        <source>Given</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="228" />
        <source>Acknowledged</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="230" />
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="233" />
        <source>Instruction</source>
        <translation>Instructie</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="236" />
        <source>No instructions given yet.</source>
        <translation>Nog geen instructies gegeven.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="239" />
        <source>Give instruction…</source>
        <translation>Instructie geven…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="256" />
        <source>Reviewed</source>
        <translation>Herzien</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="262" />
        <source>Evaluation</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="266" />
        <source>Rationale</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="269" />
        <source>No reliability review yet.</source>
        <translation>Nog geen beoordeling van de betrouwbaarheid.</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="272" />
        <source>Review reliability…</source>
        <translation>Betrouwbaarheid herzien…</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="178" />
        <source>Risk assessments</source>
        <translation>Risicobeoordelingen</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="179" />
        <source>Instructions to the source</source>
        <translation>Instructies aan de bron</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="180" />
        <source>Reliability history</source>
        <translation>Betrouwbaarheidshistorie</translation>
    </message>
    <message>
        <location filename="../source_file_tabs.py" line="184" />
        <source>Risk and welfare</source>
        <translation>Risico en welzijn</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="188" />
        <source>Recorded and sealed. Not shown unless revealed on purpose.</source>
        <translation>Vastgelegd en verzegeld. Alleen zichtbaar na bewuste onthulling.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="190" />
        <source>Not recorded.</source>
        <translation>Niet vastgelegd.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="194" />
        <source>Replace identity…</source>
        <translation>Identiteit vervangen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="204" />
        <source>Only {runner}, the alias that runs this source, may hand it over or close its registration.</source>
        <translation>Alleen {runner}, de alias die deze bron runt, mag haar overdragen of haar registratie beëindigen.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="218" />
        <source>{day}, decided by {name}: {reason}</source>
        <translation>{day}, besloten door {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="252" />
        <source>Not done yet</source>
        <translation>Nog niet gedaan</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="303" />
        <source>Replace true identity</source>
        <translation>Ware identiteit vervangen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="305" />
        <source>{codename} already has a recorded true identity. Recording a new one replaces it; the one recorded now cannot be brought back.</source>
        <translation>Van {codename} is al een ware identiteit vastgelegd. Een nieuwe vastleggen vervangt die; de huidige is daarna niet terug te halen.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="308" />
        <source>Record a new identity…</source>
        <translation>Nieuwe identiteit vastleggen…</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="330" />
        <location filename="../source_file.py" line="337" />
        <source>Close registration</source>
        <translation>Registratie beëindigen</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="332" />
        <source>Close the registration of {codename} today, decided by {alias}? The file stays readable and reportable, its reminders stop, and the closing goes to the handler with the next package. It cannot be reopened.</source>
        <translation>De registratie van {codename} vandaag beëindigen, besloten door {alias}? Het dossier blijft leesbaar en bruikbaar voor rapporten, de herinneringen stoppen en de beëindiging gaat met het volgende pakket naar de teamleider. Ze kan niet worden heropend.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="336" />
        <source>Why is the registration closed?</source>
        <translation>Waarom wordt de registratie beëindigd?</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="354" />
        <source>Handed over to {runner} on {when}</source>
        <translation>Overgedragen aan {runner} op {when}</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="358" />
        <source> (awaiting the new runner's receipt)</source>
        <translation> (wacht op het ontvangstbewijs van de nieuwe runner)</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="359" />
        <source>. The file is read only here.</source>
        <translation>. Het dossier is hier alleen nog te lezen.</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="361" />
        <source>Taken over from another runner on {when}</source>
        <translation>Overgenomen van een andere runner op {when}</translation>
    </message>
    <message>
        <location filename="../source_file.py" line="362" />
        <source>Run by {runner} since {when}</source>
        <translation>Gerund door {runner} sinds {when}</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../pages/sources.py" line="58" />
        <source>Codename</source>
        <translation>Codenaam</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="59" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="60" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="62" />
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="68" />
        <source>Next review</source>
        <translation>Volgende herziening</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="71" />
        <source>Overdue</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="80" />
        <source>Filter by codename</source>
        <translation>Filter op codenaam</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="83" />
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="86" />
        <source>New source…</source>
        <translation>Nieuwe bron…</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="129" />
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="151" />
        <source>No source's codename contains “{text}”.</source>
        <translation>Geen codenaam van een bron bevat “{text}”.</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="155" />
        <source>No source in your files has this status.</source>
        <translation>Geen bron in uw dossiers heeft deze status.</translation>
    </message>
    <message>
        <location filename="../pages/sources.py" line="156" />
        <source>No sources in your files yet. “New source…” opens one.</source>
        <translation>Nog geen bronnen in uw dossiers. “Nieuwe bron…” opent er een.</translation>
    </message>
</context>
<context>
    <name>SubjectsEditor</name>
    <message>
        <location filename="../dialogs/item_dialog.py" line="53" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="54" />
        <source>Name of the person, place, vehicle or organisation</source>
        <translation>Naam van de persoon, de plaats, het voertuig of de organisatie</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="56" />
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location filename="../dialogs/item_dialog.py" line="58" />
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>TaskingDialog</name>
    <message>
        <location filename="../dialogs/records.py" line="27" />
        <source>New tasking</source>
        <translation>Nieuwe opdracht</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="30" />
        <source>What should the source find out?</source>
        <translation>Wat moet de bron uitzoeken?</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="32" />
        <source>Within which limits (what the source must not do)</source>
        <translation>Binnen welke grenzen (wat de bron niet mag doen)</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="36" />
        <source>Tasking:</source>
        <translation>Opdracht:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="37" />
        <source>Limits:</source>
        <translation>Grenzen:</translation>
    </message>
    <message>
        <location filename="../dialogs/records.py" line="38" />
        <source>Deadline:</source>
        <translation>Termijn:</translation>
    </message>
</context>
<context>
    <name>UnencryptedSave</name>
    <message>
        <location filename="../unencrypted_save.py" line="17" />
        <source>Save unencrypted PDF</source>
        <translation>Onversleutelde PDF opslaan</translation>
    </message>
    <message>
        <location filename="../unencrypted_save.py" line="26" />
        <source>The PDF file will NOT be encrypted: anyone who gets the file can read it. Save it only where its marking ({marking}) allows, and destroy it when done. The save is recorded in the audit log.</source>
        <translation>Het PDF-bestand wordt NIET versleuteld: iedereen die het bestand krijgt, kan het lezen. Sla het alleen op waar de rubricering ({marking}) dat toestaat en vernietig het als u klaar bent. Het opslaan wordt in het auditlog vastgelegd.</translation>
    </message>
    <message>
        <location filename="../unencrypted_save.py" line="43" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../unlock_dialog.py" line="130" />
        <source>Veldboek — locked</source>
        <translation>Veldboek — vergrendeld</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="130" />
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="136" />
        <source>the one you used last</source>
        <translation>de laatst gebruikte</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="139" />
        <source>Vault:</source>
        <translation>Kluis:</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="140" />
        <source>Alias:</source>
        <translation>Alias:</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="141" />
        <source>Enter your passphrase to unlock the vault.</source>
        <translation>Voer uw wachtzin in om de kluis te ontgrendelen.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="194" />
        <source>Caps Lock is on.</source>
        <translation>Caps Lock staat aan.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="206" />
        <location filename="../unlock_dialog.py" line="427" />
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="211" />
        <location filename="../unlock_dialog.py" line="316" />
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="242" />
        <source>1 failed attempt since the last unlock, at {when}.</source>
        <translation>1 mislukte poging sinds de laatste ontgrendeling, om {when}.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="244" />
        <source>{n} failed attempts since the last unlock; the last at {when}.</source>
        <translation>{n} mislukte pogingen sinds de laatste ontgrendeling; de laatste om {when}.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="253" />
        <source>Hide the passphrase</source>
        <translation>Wachtzin verbergen</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="253" />
        <source>Show the passphrase</source>
        <translation>Wachtzin tonen</translation>
    </message>
    <message numerus="yes">
        <location filename="../unlock_dialog.py" line="300" />
        <source>%n piece(s) of text typed before the lock could not be saved (the vault could not take it: is the disk full?). It is held in memory, sealed: unlock to save it. Quitting Veldboek loses it.</source>
        <translation><numerusform>%n stuk tekst dat vóór de vergrendeling is getypt, kon niet worden opgeslagen (de kluis kon het niet opnemen: is de schijf vol?). Het blijft versleuteld in het geheugen: ontgrendel om het op te slaan. Wie Veldboek afsluit, verliest het.</numerusform><numerusform>%n stukken tekst die vóór de vergrendeling zijn getypt, konden niet worden opgeslagen (de kluis kon ze niet opnemen: is de schijf vol?). Ze blijven versleuteld in het geheugen: ontgrendel om ze op te slaan. Wie Veldboek afsluit, verliest ze.</numerusform></translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="322" />
        <source>Quit Veldboek? The text held from the lock is lost.</source>
        <translation>Veldboek afsluiten? De tekst die sinds de vergrendeling wordt vastgehouden, gaat verloren.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="324" />
        <source>Quit Veldboek?</source>
        <translation>Veldboek afsluiten?</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="364" />
        <source>Type your passphrase first.</source>
        <translation>Typ eerst uw wachtzin.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="368" />
        <source>Unlocking…</source>
        <translation>Bezig met ontgrendelen…</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="391" />
        <source>Wrong passphrase.</source>
        <translation>Verkeerde wachtzin.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="394" />
        <source>Too many failed attempts; wait before trying again.</source>
        <translation>Te veel mislukte pogingen; wacht even voor u het opnieuw probeert.</translation>
    </message>
    <message>
        <location filename="../unlock_dialog.py" line="422" />
        <source>Wait {s} s</source>
        <translation>Wacht {s} s</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../dialogs/versions.py" line="44" />
        <source>Versions received</source>
        <translation>Ontvangen versies</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="52" />
        <source>Version {n}
Package {package}
Received {at}</source>
        <translation>Versie {n}
Pakket {package}
Ontvangen {at}</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="79" />
        <source>Reading version {n}…</source>
        <translation>Versie {n} wordt gelezen…</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="100" />
        <source>Status: {status} · by {author}</source>
        <translation>Status: {status} · door {author}</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="103" />
        <source>Version {n}</source>
        <translation>Versie {n}</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="104" />
        <source>Intelligence items</source>
        <translation>Informatie-items</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="104" />
        <source>Addenda</source>
        <translation>Aanvullingen</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="108" />
        <source>Narrative</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="109" />
        <source>Welfare</source>
        <translation>Welzijn</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="110" />
        <source>Security</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="111" />
        <source>Runner's assessment</source>
        <translation>Beoordeling van de runner</translation>
    </message>
    <message>
        <location filename="../dialogs/versions.py" line="112" />
        <source>Critical reflection</source>
        <translation>Kritische reflectie</translation>
    </message>
</context>
<context>
    <name>_AliasPage</name>
    <message>
        <location filename="../first_run.py" line="36" />
        <source>Welcome to Veldboek</source>
        <translation>Welkom bij Veldboek</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="39" />
        <source>Everything you record stays on this computer, encrypted. First choose the alias you work under.</source>
        <translation>Alles wat u vastlegt blijft versleuteld op deze computer. Kies eerst de alias waaronder u werkt.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="46" />
        <source>e.g. Valk</source>
        <translation>bijv. Valk</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="47" />
        <source>Runner</source>
        <translation>Runner</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="49" />
        <source>Team handler</source>
        <translation>Teamleider</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="61" />
        <source>Your alias:</source>
        <translation>Uw alias:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="63" />
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
</context>
<context>
    <name>_CreatePage</name>
    <message>
        <location filename="../first_run.py" line="197" />
        <source>Creating your vault</source>
        <translation>Uw kluis wordt gemaakt</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="199" />
        <source>Measuring this computer to set the key-derivation cost (a few seconds).</source>
        <translation>Deze computer wordt gemeten om de kosten van de sleutelafleiding te bepalen (enkele seconden).</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="218" />
        <source>Calibrating…</source>
        <translation>Bezig met kalibreren…</translation>
    </message>
</context>
<context>
    <name>_OptionsPage</name>
    <message>
        <location filename="../first_run.py" line="160" />
        <source>Where and how</source>
        <translation>Waar en hoe</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="161" />
        <source>Where the vault is kept, and what it takes to open it.</source>
        <translation>Waar de kluis komt te staan, en wat er nodig is om hem te openen.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="163" />
        <source>The vault will be created in:
{path}</source>
        <translation>De kluis wordt gemaakt in:
{path}</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="167" />
        <source>Also require a secret kept in this computer's keyring (second factor)</source>
        <translation>Ook een geheim uit de sleutelbos van deze computer vereisen (tweede factor)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="178" />
        <source>With this, a copy of the vault folder cannot be opened on another computer, even with the passphrase. Losing this computer's keyring loses the vault.</source>
        <translation>Dan kan een kopie van de kluismap op een andere computer niet worden geopend, zelfs niet met de wachtzin. Wie de sleutelbos van deze computer verliest, verliest de kluis.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="186" />
        <source>No OS keyring was found on this computer, so the vault will be protected by the passphrase alone.</source>
        <translation>Er is op deze computer geen sleutelbos gevonden; de kluis wordt alleen door de wachtzin beschermd.</translation>
    </message>
</context>
<context>
    <name>_PassphrasePage</name>
    <message>
        <location filename="../first_run.py" line="92" />
        <source>Choose a passphrase</source>
        <translation>Kies een wachtzin</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="95" />
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess. There is no way to recover a forgotten passphrase.</source>
        <translation>Minstens {n} tekens. Een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden. Een vergeten wachtzin is niet te herstellen.</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="114" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="115" />
        <source>Again:</source>
        <translation>Nogmaals:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="116" />
        <source>Strength:</source>
        <translation>Sterkte:</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="128" />
        <source>Very weak</source>
        <translation>Zeer zwak</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="129" />
        <source>Weak</source>
        <translation>Zwak</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="130" />
        <source>Fair</source>
        <translation>Redelijk</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="131" />
        <source>Good</source>
        <translation>Goed</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="132" />
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message numerus="yes">
        <location filename="../first_run.py" line="136" />
        <source>%n more character(s) needed.</source>
        <translation><numerusform>Nog %n teken nodig.</numerusform><numerusform>Nog %n tekens nodig.</numerusform></translation>
    </message>
    <message>
        <location filename="../first_run.py" line="141" />
        <source>The two passphrases differ.</source>
        <translation>De twee wachtzinnen verschillen.</translation>
    </message>
</context>
</TS>