<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FigureModel</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press F2 to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit figure %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status must be final or provisional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>Filter: code or name, 中文 or English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a code or of a Chinese or English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators by category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not available in this build: the Excel module is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded from the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 indicators · %2 figures · %3 targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the scorecard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit was not saved: someone else changed this first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EcoTracker — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorecard and indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The indicator view is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About EcoTracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EcoTracker keeps the bureau&apos;s environmental indicators and targets, compares target against actual and exports workbooks for meetings.

Every edit is saved to the database at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the scorecard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed or close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorecard: target against actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;indicator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an indicator with its names, unit and direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a figure for the selected indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;target…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a target for the selected indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit indicator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected figure or target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a workbook for a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a filled-in entry workbook, with a preview first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-read the database (picks up other desks&apos; changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close EcoTracker; every edit is already saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in the indicator filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target against actual for every indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures, targets and trend of the selected indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About EcoTracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
