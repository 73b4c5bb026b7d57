<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <location filename="../pages/audit.py" line="148" />
        <source>The chain of %n event(s) is intact.</source>
        <translation><numerusform>The chain of %n event is intact.</numerusform><numerusform>The chain of %n events is intact.</numerusform></translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../counts.py" line="14" />
        <source>%n debrief(s)</source>
        <translation><numerusform>%n debrief</numerusform><numerusform>%n debriefs</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="18" />
        <source>%n file(s)</source>
        <translation><numerusform>%n file</numerusform><numerusform>%n files</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="22" />
        <source>%n package(s)</source>
        <translation><numerusform>%n package</numerusform><numerusform>%n packages</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="26" />
        <source>%n review(s)</source>
        <translation><numerusform>%n review</numerusform><numerusform>%n reviews</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="30" />
        <source>%n newer version(s)</source>
        <translation><numerusform>%n newer version</numerusform><numerusform>%n newer versions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../counts.py" line="34" />
        <source>%n older version(s)</source>
        <translation><numerusform>%n older version</numerusform><numerusform>%n older versions</numerusform></translation>
    </message>
</context>
<context>
    <name>DebriefsPage</name>
    <message numerus="yes">
        <location filename="../pages/debriefs.py" line="240" />
        <source>%n debrief(s) match</source>
        <translation><numerusform>%n debrief matches</numerusform><numerusform>%n debriefs match</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/debriefs.py" line="242" />
        <source>%n debrief(s) in your files</source>
        <translation><numerusform>%n debrief in your files</numerusform><numerusform>%n debriefs in your files</numerusform></translation>
    </message>
</context>
<context>
    <name>DeconflictionKeyBox</name>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="89" />
        <source>Key {key}… made {made}: tokens under it for {n} of %n source(s) with a true identity.</source>
        <translation><numerusform>Key {key}… made {made}: tokens under it for {n} of %n source with a true identity.</numerusform><numerusform>Key {key}… made {made}: tokens under it for {n} of %n sources with a true identity.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="102" />
        <source>The tokens of %n source(s) wait to be sent: the next package of everything new carries them.</source>
        <translation><numerusform>The tokens of %n source wait to be sent: the next package of everything new carries them.</numerusform><numerusform>The tokens of %n sources wait to be sent: the next package of everything new carries them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="138" />
        <source>Deconfliction key written for %n runner(s) ({names}) to {folder}.</source>
        <translation><numerusform>Deconfliction key written for %n runner ({names}) to {folder}.</numerusform><numerusform>Deconfliction key written for %n runners ({names}) to {folder}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/deconfliction_box.py" line="175" />
        <source>Tokens computed for %n source(s) under key {key}…</source>
        <translation><numerusform>Tokens computed for %n source under key {key}…</numerusform><numerusform>Tokens computed for %n sources under key {key}…</numerusform></translation>
    </message>
</context>
<context>
    <name>HeldText</name>
    <message numerus="yes">
        <location filename="../held_at_lock.py" line="73" />
        <source>%n piece(s) of typed text could still not be saved (is the disk full?). They are held in memory until the next unlock; quitting Veldboek loses them.</source>
        <translation><numerusform>%n piece of typed text could still not be saved (is the disk full?). It is held in memory until the next unlock; quitting Veldboek loses it.</numerusform><numerusform>%n pieces of typed text could still not be saved (is the disk full?). They are held in memory until the next unlock; quitting Veldboek loses them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../held_at_lock.py" line="83" />
        <source>%n piece(s) of typed text held from the lock could not be put back: their record was changed meanwhile (a debrief submitted from elsewhere?).</source>
        <translation><numerusform>%n piece of typed text held from the lock could not be put back: its record was changed meanwhile (a debrief submitted from elsewhere?).</numerusform><numerusform>%n pieces of typed text held from the lock could not be put back: their record was changed meanwhile (a debrief submitted from elsewhere?).</numerusform></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <location filename="../pages/home.py" line="242" />
        <source>Nothing due in the next %n day(s).</source>
        <translation><numerusform>Nothing due in the next %n day.</numerusform><numerusform>Nothing due in the next %n days.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="272" />
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/home.py" line="274" />
        <source>%n reminder(s) in the next {days}, {late} overdue.</source>
        <translation><numerusform>%n reminder in the next {days}, {late} overdue.</numerusform><numerusform>%n reminders in the next {days}, {late} overdue.</numerusform></translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message numerus="yes">
        <location filename="../meeting_mode.py" line="218" />
        <source>The note you typed (%n word(s)) is lost with it.</source>
        <translation><numerusform>The note you typed (%n word) is lost with it.</numerusform><numerusform>The note you typed (%n words) is lost with it.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReceiveTab</name>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="275" />
        <source>{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible match(es) with sources of this vault. Import it into this vault?</source>
        <translation><numerusform>{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible match with a source of this vault. Import it into this vault?</numerusform><numerusform>{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible matches with sources of this vault. Import it into this vault?</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="349" />
        <source>Took in deconfliction notice {n} from {sender}: %n match(es), {open} open. Open matches show on the Home page and on the source's file.</source>
        <translation><numerusform>Took in deconfliction notice {n} from {sender}: %n match, {open} open. Open matches show on the Home page and on the source's file.</numerusform><numerusform>Took in deconfliction notice {n} from {sender}: %n matches, {open} open. Open matches show on the Home page and on the source's file.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="387" />
        <source>Took in deconfliction key {key} from {sender}; tokens computed for %n source(s).</source>
        <translation><numerusform>Took in deconfliction key {key} from {sender}; tokens computed for %n source.</numerusform><numerusform>Took in deconfliction key {key} from {sender}; tokens computed for %n sources.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/receive_tab.py" line="494" />
        <source>%n handed-over source(s) removed from this vault, with their files.</source>
        <translation><numerusform>%n handed-over source removed from this vault, with its file.</numerusform><numerusform>%n handed-over sources removed from this vault, with their files.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../report_preview.py" line="167" />
        <source>{title} · {marking} · report {report_id} · %n page(s)</source>
        <translation><numerusform>{title} · {marking} · report {report_id} · %n page</numerusform><numerusform>{title} · {marking} · report {report_id} · %n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../report_preview.py" line="300" />
        <source>%n page(s). Nothing has been written to disk.</source>
        <translation><numerusform>%n page. Nothing has been written to disk.</numerusform><numerusform>%n pages. Nothing has been written to disk.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../report_preview.py" line="382" />
        <source>Sent %n page(s) to the printer.</source>
        <translation><numerusform>Sent %n page to the printer.</numerusform><numerusform>Sent %n pages to the printer.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="285" />
        <source>%n item(s) that may be shared have no sanitised wording and are left out.</source>
        <translation><numerusform>%n item that may be shared has no sanitised wording and is left out.</numerusform><numerusform>%n items that may be shared have no sanitised wording and are left out.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="306" />
        <source>It includes %n draft(s), marked DRAFT.</source>
        <translation><numerusform>It includes %n draft, marked DRAFT.</numerusform><numerusform>It includes %n drafts, marked DRAFT.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="308" />
        <source>%n draft(s) of this choice are left out (“Include drafts” adds them).</source>
        <translation><numerusform>%n draft of this choice is left out (“Include drafts” adds it).</numerusform><numerusform>%n drafts of this choice are left out (“Include drafts” adds them).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="377" />
        <source>Refused: %n identifying string(s).</source>
        <translation><numerusform>Refused: %n identifying string.</numerusform><numerusform>Refused: %n identifying strings.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="386" />
        <source>Report {id} issued: %n page(s).</source>
        <translation><numerusform>Report {id} issued: %n page.</numerusform><numerusform>Report {id} issued: %n pages.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/report_approvals.py" line="123" />
        <source>the sanitised report requested by {by} on {day} (%n debrief(s), {marking})</source>
        <translation><numerusform>the sanitised report requested by {by} on {day} (%n debrief, {marking})</numerusform><numerusform>the sanitised report requested by {by} on {day} (%n debriefs, {marking})</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/report_approvals.py" line="180" />
        <source>%n item(s) that may be shared had no sanitised wording and are left out of it.</source>
        <translation><numerusform>%n item that may be shared had no sanitised wording and is left out of it.</numerusform><numerusform>%n items that may be shared had no sanitised wording and are left out of it.</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <location filename="../pages/search.py" line="177" />
        <source>%n result(s) in your files</source>
        <translation><numerusform>%n result in your files</numerusform><numerusform>%n results in your files</numerusform></translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="210" />
        <source>No new debrief; the deconfliction tokens of %n source(s) wait to be sent.</source>
        <translation><numerusform>No new debrief; the deconfliction tokens of %n source wait to be sent.</numerusform><numerusform>No new debrief; the deconfliction tokens of %n sources wait to be sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="218" />
        <source>No new debrief; %n record(s) of source files wait to be sent.</source>
        <translation><numerusform>No new debrief; %n record of a source file waits to be sent.</numerusform><numerusform>No new debrief; %n records of source files wait to be sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="227" />
        <source>%n debrief(s) still miss something (in red).</source>
        <translation><numerusform>%n debrief still misses something (in red).</numerusform><numerusform>%n debriefs still miss something (in red).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="230" />
        <source>%n debrief(s) ready to send.</source>
        <translation><numerusform>%n debrief ready to send.</numerusform><numerusform>%n debriefs ready to send.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="372" />
        <source>Removed %n hidden temporary file(s) of an interrupted export.</source>
        <translation><numerusform>Removed %n hidden temporary file of an interrupted export.</numerusform><numerusform>Removed %n hidden temporary files of an interrupted export.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="383" />
        <source>Package {n} with %n debrief(s) written to {path}.</source>
        <translation><numerusform>Package {n} with %n debrief written to {path}.</numerusform><numerusform>Package {n} with %n debriefs written to {path}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../packages/send_tab.py" line="387" />
        <source>Package {n} with %n debrief(s) is on its way to {names}.</source>
        <translation><numerusform>Package {n} with %n debrief is on its way to {names}.</numerusform><numerusform>Package {n} with %n debriefs is on its way to {names}.</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <location filename="../pages/settings.py" line="194" />
        <source>%n pass(es)</source>
        <translation><numerusform>%n pass</numerusform><numerusform>%n passes</numerusform></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message numerus="yes">
        <location filename="../unlock_dialog.py" line="300" />
        <source>%n piece(s) of text typed before the lock could not be saved (the vault could not take it: is the disk full?). It is held in memory, sealed: unlock to save it. Quitting Veldboek loses it.</source>
        <translation><numerusform>%n piece of text typed before the lock could not be saved (the vault could not take it: is the disk full?). It is held in memory, sealed: unlock to save it. Quitting Veldboek loses it.</numerusform><numerusform>%n pieces of text typed before the lock could not be saved (the vault could not take them: is the disk full?). They are held in memory, sealed: unlock to save them. Quitting Veldboek loses them.</numerusform></translation>
    </message>
</context>
<context>
    <name>_PassphrasePage</name>
    <message numerus="yes">
        <location filename="../first_run.py" line="136" />
        <source>%n more character(s) needed.</source>
        <translation><numerusform>%n more character needed.</numerusform><numerusform>%n more characters needed.</numerusform></translation>
    </message>
</context>
</TS>