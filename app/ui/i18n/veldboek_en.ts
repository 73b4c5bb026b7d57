<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="291" />
        <source>It includes %n draft(s), marked DRAFT.</source>
        <translation><numerusform>It includes %n draft, marked DRAFT.</numerusform><numerusform>It includes %n drafts, marked DRAFT.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/reports.py" line="293" />
        <source>%n draft(s) of this choice are left out (“Include drafts” adds them).</source>
        <translation><numerusform>%n draft of this choice is left out (“Include drafts” adds it).</numerusform><numerusform>%n drafts of this choice are left out (“Include drafts” adds them).</numerusform></translation>
    </message>
</context>
</TS>