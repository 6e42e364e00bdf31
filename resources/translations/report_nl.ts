<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ReportScreen</name>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secties</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Inleiding</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Huisvesting</translation>
    </message>
    <message>
        <source>Consultation desk</source>
        <translation>Spreekuur/infopunt</translation>
    </message>
    <message>
        <source>Legal support</source>
        <translation>Juridische begeleiding</translation>
    </message>
    <message>
        <source>Cooperation</source>
        <translation>Samenwerking</translation>
    </message>
    <message>
        <source>Social guidance</source>
        <translation>Maatschappelijke begeleiding</translation>
    </message>
    <message>
        <source>Wegwijs couplings</source>
        <translation>Wegwijs-koppelingen</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Arbeidsparticipatie</translation>
    </message>
    <message>
        <source>Language coaches</source>
        <translation>Taalcoaches</translation>
    </message>
    <message>
        <source>Civic integration</source>
        <translation>Inburgering</translation>
    </message>
    <message>
        <source>Language centre</source>
        <translation>Taalcentrum</translation>
    </message>
    <message>
        <source>Computer lessons</source>
        <translation>Computerlessen</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Results and targets</source>
        <translation>Resultaten en prestatieafspraken</translation>
    </message>
    <message>
        <source>Text of the teamleader ({0})</source>
        <translation>Tekst van de teamleider ({0})</translation>
    </message>
    <message>
        <source>Show in the report</source>
        <translation>Tonen in het verslag</translation>
    </message>
    <message>
        <source>There are errors; correct the fields marked in red.</source>
        <translation>Er zijn fouten; verbeter de rood gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>Save the changes to the year report before closing it?</source>
        <translation>De wijzigingen in het jaarverslag opslaan voordat het sluit?</translation>
    </message>
    <message>
        <source>Unsaved texts</source>
        <translation>Niet-opgeslagen teksten</translation>
    </message>
    <message>
        <source>Save the changed texts of {0} before showing another year?</source>
        <translation>De gewijzigde teksten van {0} opslaan voordat een ander jaar wordt getoond?</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Verslag opslaan als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>The file cannot be written; close it if it is open, or choose another name.</source>
        <translation>Het bestand kan niet worden geschreven; sluit het als het geopend is, of kies een andere naam.</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>Opnieuw berekenen</translation>
    </message>
    <message>
        <source>Compute the figures of this year once more</source>
        <translation>De cijfers van dit jaar nog eens berekenen</translation>
    </message>
    <message>
        <source>Computing the figures of {0}…</source>
        <translation>De cijfers van {0} worden berekend…</translation>
    </message>
    <message>
        <source>The figures could not be computed; compute them again or restart vwdesk.</source>
        <translation>De cijfers konden niet worden berekend; probeer het opnieuw of start vwdesk opnieuw.</translation>
    </message>
    <message>
        <source>Saved as {0}.</source>
        <translation>Opgeslagen als {0}.</translation>
    </message>
    <message>
        <source>{0}: {1} instead of the computed {2} ({3})</source>
        <translation>{0}: {1} in plaats van het berekende {2} ({3})</translation>
    </message>
    <message>
        <source>Overridden figures: {0}</source>
        <translation>Vervangen cijfers: {0}</translation>
    </message>
    <message>
        <source>Result: {0}</source>
        <translation>Resultaat: {0}</translation>
    </message>
    <message>
        <source>Left out of the report: a figure in it is unknown, or its first figure is 0 and zeros are hidden.</source>
        <translation>Wordt weggelaten uit het verslag: een cijfer erin is onbekend, of het eerste cijfer is 0 en nullen worden verborgen.</translation>
    </message>
    <message>
        <source>{0} is an official figure typed in ({1}), shown beside the registered {2}</source>
        <translation>{0} is een ingevoerd officieel cijfer ({1}), getoond naast het geregistreerde {2}</translation>
    </message>
    <message>
        <source>{0} is typed in ({1}) and replaces the registered {2}</source>
        <translation>{0} is ingevoerd ({1}) en vervangt het geregistreerde {2}</translation>
    </message>
    <message>
        <source>{0}: {1} beside the registered {2} ({3})</source>
        <translation>{0}: {1} naast het geregistreerde {2} ({3})</translation>
    </message>
    <message>
        <source>Official figures: {0}</source>
        <translation>Officiële cijfers: {0}</translation>
    </message>
    <message>
        <source>Add a sentence</source>
        <translation>Zin toevoegen</translation>
    </message>
    <message>
        <source>A new sentence at the end of this section; write it with placeholders such as {huisvesting.personen gemeente=…}</source>
        <translation>Een nieuwe zin aan het eind van deze sectie; schrijf hem met plaatshouders zoals {huisvesting.personen gemeente=…}</translation>
    </message>
    <message>
        <source>Export template…</source>
        <translation>Sjabloon exporteren…</translation>
    </message>
    <message>
        <source>Write this location's template to a text file (.toml), e.g. to share it with another location</source>
        <translation>Schrijf het sjabloon van deze locatie naar een tekstbestand (.toml), bijvoorbeeld om het met een andere locatie te delen</translation>
    </message>
    <message>
        <source>Import template…</source>
        <translation>Sjabloon importeren…</translation>
    </message>
    <message>
        <source>Read a template from a text file (.toml); it is checked first and kept when you save</source>
        <translation>Lees een sjabloon uit een tekstbestand (.toml); het wordt eerst gecontroleerd en bewaard als u opslaat</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>Sjabloon exporteren</translation>
    </message>
    <message>
        <source>Template files (*.toml)</source>
        <translation>Sjabloonbestanden (*.toml)</translation>
    </message>
    <message>
        <source>The file cannot be written; choose another name or folder.</source>
        <translation>Het bestand kan niet worden geschreven; kies een andere naam of map.</translation>
    </message>
    <message>
        <source>Template written to {0}.</source>
        <translation>Sjabloon geschreven naar {0}.</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>Sjabloon importeren</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Niet ingelezen</translation>
    </message>
    <message>
        <source>The file cannot be read as text (UTF-8).</source>
        <translation>Het bestand kan niet als tekst (UTF-8) worden gelezen.</translation>
    </message>
    <message>
        <source>The template has errors; nothing was changed:</source>
        <translation>Het sjabloon bevat fouten; er is niets veranderd:</translation>
    </message>
    <message>
        <source>Template read from {0}; press Save changes to keep it.</source>
        <translation>Sjabloon ingelezen uit {0}; kies Wijzigingen opslaan om het te bewaren.</translation>
    </message>
</context>
</TS>
