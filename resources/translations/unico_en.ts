<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n profile(s) written to %1.</source>
        <translation>
            <numerusform>%n profile written to %1.</numerusform>
            <numerusform>%n profiles written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) written to %1.</source>
        <translation>
            <numerusform>%n record written to %1.</numerusform>
            <numerusform>%n records written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n row</numerusform>
            <numerusform>%1: %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) left out or left blank, with the reason: %1</source>
        <translation>
            <numerusform>%n value left out or left blank, with the reason: %1</numerusform>
            <numerusform>%n values left out or left blank, with the reason: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>%n row(s) could not be used:</source>
        <translation>
            <numerusform>%n row could not be used:</numerusform>
            <numerusform>%n rows could not be used:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n more)</numerusform>
            <numerusform>(+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message numerus="yes">
        <source>%n rejected row(s) in the selected import.</source>
        <translation>
            <numerusform>%n rejected row in the selected import.</numerusform>
            <numerusform>%n rejected rows in the selected import.</numerusform>
        </translation>
    </message>
</context>
</TS>
