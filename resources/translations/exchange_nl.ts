<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ExchangeDialogs</name>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="85"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="88"/>
        <source>Exchange workbook</source>
        <translation>Uitwisselingswerkmap</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="121"/>
        <source>Import preview</source>
        <translation>Voorbeeld van de import</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="126"/>
        <source>Location: {name}</source>
        <translation>Locatie: {name}</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="129"/>
        <source>The location is new and will be created.</source>
        <translation>De locatie is nieuw en wordt aangemaakt.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="131"/>
        <source>New municipalities: {names}</source>
        <translation>Nieuwe gemeenten: {names}</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="134"/>
        <source>New programmes: {names}</source>
        <translation>Nieuwe programma's: {names}</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="138"/>
        <source>Sheet</source>
        <translation>Blad</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="138"/>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="138"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="138"/>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="139"/>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="153"/>
        <source>… and {n} more problems</source>
        <translation>… en nog {n} fouten</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="155"/>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="155"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="155"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="156"/>
        <source>Problem</source>
        <translation>Fout</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="162"/>
        <source>The workbook holds nothing new: importing it again changes nothing.</source>
        <translation>De werkmap bevat niets nieuws: opnieuw importeren verandert niets.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="170"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="207"/>
        <source>Workbook (*.xlsx)</source>
        <translation>Werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="208"/>
        <source>Folder of CSV files: pick any one of them (*.csv)</source>
        <translation>Map met CSV-bestanden: kies er één van (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="209"/>
        <source>Import workbook</source>
        <translation>Werkmap importeren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="241"/>
        <source>Reading and checking {name}…</source>
        <translation>{name} lezen en controleren…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="256"/>
        <source>Importing {name}…</source>
        <translation>{name} importeren…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="270"/>
        <source>{sheet}: {added} new, {changed} changed, {unchanged} unchanged</source>
        <translation>{sheet}: {added} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="272"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="273"/>
        <source>The workbook was imported.</source>
        <translation>De werkmap is geïmporteerd.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="281"/>
        <source>All years</source>
        <translation>Alle jaren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="283"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="284"/>
        <source>Which year? (a year exports what touches that year)</source>
        <translation>Welk jaar? (een jaar exporteert alles wat dat jaar raakt)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="290"/>
        <source>Folder of CSV files (*)</source>
        <translation>Map met CSV-bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="302"/>
        <source>Exporting {name}…</source>
        <translation>{name} exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="308"/>
        <source>{n} rows exported to {path}.</source>
        <translation>{n} regels geëxporteerd naar {path}.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="314"/>
        <source>Save template</source>
        <translation>Sjabloon opslaan</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="325"/>
        <source>The template could not be saved ({reason}); choose another place.</source>
        <translation>Het sjabloon kan niet worden opgeslagen ({reason}); kies een andere plek.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/exchange_dialogs.py" line="329"/>
        <source>The empty workbook was saved as {path}.</source>
        <translation>De lege werkmap is opgeslagen als {path}.</translation>
    </message>
</context>
</TS>
