<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>About vwdesk</source>
        <translation>Over vwdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;vwdesk %1&lt;/h3&gt;&lt;p&gt;Registration and year reports for the local offices of VluchtelingenWerk.&lt;/p&gt;&lt;p&gt;Licence: EUPL-1.2 (European Union Public Licence).&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vwdesk %1&lt;/h3&gt;&lt;p&gt;Registratie en jaarrapportage voor de lokale kantoren van VluchtelingenWerk.&lt;/p&gt;&lt;p&gt;Licentie: EUPL-1.2 (European Union Public Licence).&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AccessLogView</name>
    <message>
        <source>Client number</source>
        <translation>Cliëntnummer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Per client</source>
        <translation>Per cliënt</translation>
    </message>
    <message>
        <source>Type the client&apos;s number (such as C00041), not the name: it is on the client&apos;s page and in the list on the tab Clients.</source>
        <translation>Typ het cliëntnummer (zoals C00041), niet de naam: het staat op de pagina van de cliënt en in de lijst op het tabblad Cliënten.</translation>
    </message>
    <message>
        <source>Client number, e.g. C00041</source>
        <translation>Cliëntnummer, bijv. C00041</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Per user</source>
        <translation>Per gebruiker</translation>
    </message>
    <message>
        <source>%1 opened %2 client pages on %3</source>
        <translation>%1 opende %2 cliëntpagina&apos;s op %3</translation>
    </message>
    <message>
        <source>More client pages opened in one day than the threshold (%1):</source>
        <translation>Meer cliëntpagina&apos;s op één dag geopend dan de drempel (%1):</translation>
    </message>
    <message>
        <source>There is no client with the number &quot;%1&quot;. Type the client&apos;s number (such as C00041), not the name: it is on the client&apos;s page and in the list on the tab Clients.</source>
        <translation>Er is geen cliënt met het nummer &quot;%1&quot;. Typ het cliëntnummer (zoals C00041), niet de naam: het staat op de pagina van de cliënt en in de lijst op het tabblad Cliënten.</translation>
    </message>
    <message>
        <source>No one has opened the page of client %1 yet.</source>
        <translation>Nog niemand heeft de pagina van cliënt %1 geopend.</translation>
    </message>
</context>
<context>
    <name>AccessReasonDialog</name>
    <message>
        <source>Why are you opening this client?</source>
        <translation>Waarom opent u deze cliënt?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Explanation (required for &quot;other&quot;)</source>
        <translation>Toelichting (verplicht bij &quot;Anders&quot;)</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>The client&apos;s page holds personal data. Your reason is recorded in the access log.</source>
        <translation>De pagina van de cliënt bevat persoonsgegevens. Uw reden wordt vastgelegd in het toegangslogboek.</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Cliënt: %1</translation>
    </message>
    <message>
        <source>Why are you opening the page of %1?</source>
        <translation>Waarom opent u de pagina van %1?</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
    <message>
        <source>Encrypt with a passphrase</source>
        <translation>Versleutelen met een wachtwoordzin</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Wachtwoordzin nogmaals</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Nu back-up maken</translation>
    </message>
    <message>
        <source>Without a passphrase anyone who can open the backup folder can read the backup. Keep the passphrase safe: without it the backup cannot be restored.</source>
        <translation>Zonder wachtwoordzin kan iedereen die de back-upmap kan openen de back-up lezen. Bewaar de wachtwoordzin goed: zonder die zin kan de back-up niet worden teruggezet.</translation>
    </message>
    <message>
        <source>Type a passphrase, or untick &quot;Encrypt with a passphrase&quot;.</source>
        <translation>Typ een wachtwoordzin, of vink &quot;Versleutelen met een wachtwoordzin&quot; uit.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>De twee wachtwoordzinnen zijn niet gelijk; typ ze opnieuw.</translation>
    </message>
    <message>
        <source>Making the backup…</source>
        <translation>De back-up wordt gemaakt…</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>S&amp;wap first and last name</source>
        <translation>Voor- en achternaam &amp;wisselen</translation>
    </message>
    <message>
        <source>The name you typed is filled in as first name and surname, in the order you typed it. Not right? Press %1 to swap them.</source>
        <translation>De getypte naam staat als voornaam en achternaam ingevuld, in de volgorde waarin u hem typte. Klopt dat niet? Druk op %1 om ze te wisselen.</translation>
    </message>
    <message>
        <source>This client may already exist (same birth date, similar name):</source>
        <translation>Deze cliënt bestaat misschien al (zelfde geboortedatum, gelijkende naam):</translation>
    </message>
    <message>
        <source>Check the list first. Is it really someone else? Press &quot;Save anyway&quot;.</source>
        <translation>Controleer eerst de lijst. Is het echt iemand anders? Kies dan &quot;Toch opslaan&quot;.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Toch opslaan</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationaliteit</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Gevonden op</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Edit client…</source>
        <translation>Cliënt bewerken…</translation>
    </message>
    <message>
        <source>Register contact</source>
        <translation>Contact registreren</translation>
    </message>
    <message>
        <source>New dossier…</source>
        <translation>Nieuw dossier…</translation>
    </message>
    <message>
        <source>New trajectory…</source>
        <translation>Nieuw traject…</translation>
    </message>
    <message>
        <source>Sign up for a coupling…</source>
        <translation>Aanmelden voor koppeling…</translation>
    </message>
    <message>
        <source>Privacy (AVG)</source>
        <translation>Privacy (AVG)</translation>
    </message>
    <message>
        <source>Inzage…</source>
        <translation>Inzage…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>Wissen op verzoek…</translation>
    </message>
    <message>
        <source>Anonymised client</source>
        <translation>Geanonimiseerde cliënt</translation>
    </message>
    <message>
        <source>contact: %1</source>
        <translation>contact: %1</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Type a name, number or birth date</source>
        <translation>Typ een naam, nummer of geboortedatum</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>Gevonden cliënten</translation>
    </message>
    <message>
        <source>No client found</source>
        <translation>Geen cliënt gevonden</translation>
    </message>
    <message>
        <source>More than %1 found — type more to narrow the search.</source>
        <translation>Meer dan %1 gevonden — typ verder om te verfijnen.</translation>
    </message>
    <message>
        <source>Several clients could be meant. Choose one in the list with Down and Enter, or type more of the name, the number or the birth date.</source>
        <translation>Meerdere cliënten kunnen bedoeld zijn. Kies er een in de lijst met pijl omlaag en Enter, of typ meer van de naam, het nummer of de geboortedatum.</translation>
    </message>
    <message>
        <source>This client only looks like what you typed. Is it the one? Choose it with Down and Enter, or type more of the name, the number or the birth date.</source>
        <translation>Deze cliënt lijkt alleen op wat u typte. Is het de goede? Kies hem met pijl omlaag en Enter, of typ meer van de naam, het nummer of de geboortedatum.</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Search by number, name or birth date (dd-mm-yyyy)</source>
        <translation>Zoek op nummer, naam of geboortedatum (dd-mm-jjjj)</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Cliënten zoeken</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Nieuwe cliënt…</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Cliënten</translation>
    </message>
    <message>
        <source>More than %1 clients; type more to narrow the search.</source>
        <translation>Meer dan %1 cliënten; typ verder om de zoekopdracht te verfijnen.</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n cliënt</numerusform>
            <numerusform>%n cliënten</numerusform>
        </translation>
    </message>
    <message>
        <source>Several clients could be meant; choose one with the arrow keys and press Enter.</source>
        <translation>Meerdere cliënten kunnen bedoeld zijn; kies er een met de pijltjestoetsen en druk op Enter.</translation>
    </message>
</context>
<context>
    <name>CouplingDialog</name>
    <message>
        <source>Evaluations due: after 3 months on %1, after 6 months on %2.</source>
        <translation>Evaluaties: na 3 maanden op %1, na 6 maanden op %2.</translation>
    </message>
</context>
<context>
    <name>CouplingsView</name>
    <message>
        <source>Sign up…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <source>No programmes yet.</source>
        <translation>Nog geen programma&apos;s.</translation>
    </message>
    <message>
        <source>%1 waiting, %2 running, %3 ended</source>
        <translation>%1 wachtend, %2 lopend, %3 beëindigd</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>%1 does not exist in the calendar; check the day and the month.</source>
        <translation>%1 bestaat niet in de kalender; controleer de dag en de maand.</translation>
    </message>
    <message>
        <source>This is not a date; type it as dd-mm-yyyy, e.g. 05-03-2024.</source>
        <translation>Dit is geen datum; typ hem als dd-mm-jjjj, bijvoorbeeld 05-03-2024.</translation>
    </message>
</context>
<context>
    <name>DayList</name>
    <message>
        <source>Contacts of the day</source>
        <translation>Contacten van de dag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Medewerker</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <source>Deadline</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Until the deadline</source>
        <translation>Tot de termijn</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Coupling</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluatie</translation>
    </message>
    <message>
        <source>Open dossiers by deadline</source>
        <translation>Open dossiers op termijn</translation>
    </message>
    <message>
        <source>Coupling evaluations due</source>
        <translation>Evaluaties van koppelingen</translation>
    </message>
    <message>
        <source>No open dossier has a deadline. A dossier&apos;s deadline (Termijn) is filled in on the dossier: open the client, then the dossier, or make one with &quot;New dossier…&quot;.</source>
        <translation>Geen enkel open dossier heeft een termijn. De termijn vult u in bij het dossier: open de cliënt en dan het dossier, of maak er een met &quot;Nieuw dossier…&quot;.</translation>
    </message>
    <message>
        <source>No coupling evaluation is due. Evaluations come 3 and 6 months after a coupling started (tab Couplings).</source>
        <translation>Er is geen evaluatie van een koppeling te doen. Evaluaties komen 3 en 6 maanden na de start van een koppeling (tabblad Koppelingen).</translation>
    </message>
    <message>
        <source>after 3 months</source>
        <translation>na 3 maanden</translation>
    </message>
    <message>
        <source>after 6 months</source>
        <translation>na 6 maanden</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>1 dag te laat</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 dagen te laat</translation>
    </message>
    <message>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>There is no location yet; create one with &quot;vwdesk users add&quot; or start the first-start setup on an empty database.</source>
        <translation>Er is nog geen locatie; maak er een aan met &quot;vwdesk users add&quot; of doorloop de eerste start op een lege database.</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>The deadline %1 has passed already. Is that right? Press Save again to keep it, or type the next deadline.</source>
        <translation>De termijn %1 is al verstreken. Klopt dat? Kies nogmaals Opslaan om hem zo te bewaren, of typ de volgende termijn.</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>All years</source>
        <translation>Alle jaren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Which year? (a year exports what touches that year)</source>
        <translation>Welk jaar? (een jaar exporteert alles wat dat jaar raakt)</translation>
    </message>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>Werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Folder of CSV files (*)</source>
        <translation>Map met CSV-bestanden (*)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 exporteren…</translation>
    </message>
    <message>
        <source>%1 rows exported to %2.</source>
        <translation>%1 regels geëxporteerd naar %2.</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Niet opgeslagen: verbeter de velden met een rode melding.</translation>
    </message>
</context>
<context>
    <name>FigurePicker</name>
    <message>
        <source>Insert a figure</source>
        <translation>Een cijfer invoegen</translation>
    </message>
    <message>
        <source>What should the figure count? E.g. housed, visitors, dossiers</source>
        <translation>Wat moet het cijfer tellen? Bijv. gehuisvest, bezoekers, dossiers</translation>
    </message>
    <message>
        <source>Search figures</source>
        <translation>Cijfers zoeken</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Enter inserts the chosen figure into the sentence. How to count it for one municipality or one half of the year: &quot;Parameters: uitsplitsen&quot; in the guide to report templates (F1 on the report screen).</source>
        <translation>Enter voegt het gekozen cijfer in de zin in. Hoe u het telt voor één gemeente of één helft van het jaar: &quot;Parameters: uitsplitsen&quot; in de handleiding Rapportsjablonen (F1 in het scherm Jaarverslag).</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Invoegen</translation>
    </message>
</context>
<context>
    <name>FiguresNotice</name>
    <message>
        <source>Figures of the report</source>
        <translation>Cijfers van het verslag</translation>
    </message>
</context>
<context>
    <name>Fit</name>
    <message>
        <source>number</source>
        <translation>nummer</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>volledige naam</translation>
    </message>
    <message>
        <source>surname</source>
        <translation>achternaam</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>start of the name</source>
        <translation>begin van de naam</translation>
    </message>
    <message>
        <source>start of the number</source>
        <translation>begin van het nummer</translation>
    </message>
    <message>
        <source>part of the name</source>
        <translation>deel van de naam</translation>
    </message>
    <message>
        <source>looks like</source>
        <translation>lijkt op</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>geboortedatum</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>vwdesk — guide</source>
        <translation>vwdesk — handleiding</translation>
    </message>
    <message>
        <source>Working at the desk</source>
        <translation>Werken aan de balie</translation>
    </message>
    <message>
        <source>Report templates</source>
        <translation>Rapportsjablonen</translation>
    </message>
    <message>
        <source>The exchange workbook</source>
        <translation>De uitwisselwerkmap</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Handleidingen</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Handleiding</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>Werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Folder of CSV files: pick any one of them (*.csv)</source>
        <translation>Map met CSV-bestanden: kies er één van (*.csv)</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>Werkmap importeren</translation>
    </message>
    <message>
        <source>Reading and checking %1…</source>
        <translation>%1 lezen en controleren…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 importeren…</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 unchanged</source>
        <translation>%1: %2 nieuw, %3 gewijzigd, %4 ongewijzigd</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>The workbook was imported.</source>
        <translation>De werkmap is geïmporteerd.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Voorbeeld van de import</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Locatie: %1</translation>
    </message>
    <message>
        <source>The location is new and will be created.</source>
        <translation>De locatie is nieuw en wordt aangemaakt.</translation>
    </message>
    <message>
        <source>New municipalities: %1</source>
        <translation>Nieuwe gemeenten: %1</translation>
    </message>
    <message>
        <source>New programmes: %1</source>
        <translation>Nieuwe programma&apos;s: %1</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Blad</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Bladen</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>What changes (the first %1 rows of each sheet):</source>
        <translation>Wat er verandert (de eerste %1 regels van elk blad):</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>… en nog %1 fouten</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>The workbook holds nothing new: importing it again changes nothing.</source>
        <translation>De werkmap bevat niets nieuws: opnieuw importeren verandert niets.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>new: %1</source>
        <translation>nieuw: %1</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 gewijzigd</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Wat er verandert</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hoe</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>vwdesk — log in</source>
        <translation>vwdesk — inloggen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>De database wordt geopend…</translation>
    </message>
    <message>
        <source>Demo database (synthetic data). Log in as:</source>
        <translation>Demodatabase (synthetische gegevens). Log in als:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Register</source>
        <translation>Registreren</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Cliënten</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Termijnen</translation>
    </message>
    <message>
        <source>Couplings</source>
        <translation>Koppelingen</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Vrijwilligers</translation>
    </message>
    <message>
        <source>Year figures</source>
        <translation>Jaarcijfers</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>New &amp;visit</source>
        <translation>Nieuw &amp;bezoek</translation>
    </message>
    <message>
        <source>New &amp;legal contact</source>
        <translation>Nieuw &amp;juridisch contact</translation>
    </message>
    <message>
        <source>New &amp;client…</source>
        <translation>Nieuwe &amp;cliënt…</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>Cliënt &amp;zoeken</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Save &amp;template…</source>
        <translation>&amp;Sjabloon opslaan…</translation>
    </message>
    <message>
        <source>Close t&amp;ab</source>
        <translation>&amp;Tabblad sluiten</translation>
    </message>
    <message>
        <source>Log &amp;out / switch user</source>
        <translation>A&amp;fmelden / andere gebruiker</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>E&amp;xtra</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <source>&amp;Year report</source>
        <translation>&amp;Jaarverslag</translation>
    </message>
    <message>
        <source>&amp;Access log</source>
        <translation>&amp;Inzagelog</translation>
    </message>
    <message>
        <source>&amp;Privacy settings…</source>
        <translation>&amp;Privacy-instellingen…</translation>
    </message>
    <message>
        <source>Make a &amp;backup now</source>
        <translation>Nu een &amp;back-up maken</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>Back-up &amp;terugzetten…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>In&amp;stellingen…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>&amp;About vwdesk</source>
        <translation>&amp;Over vwdesk</translation>
    </message>
    <message>
        <source>Year report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Inzagelog</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source> — DEMO (synthetic data)</source>
        <translation> — DEMO (synthetische gegevens)</translation>
    </message>
    <message>
        <source>%1 — logged in as %2 (%3)</source>
        <translation>%1 — ingelogd als %2 (%3)</translation>
    </message>
    <message>
        <source>Deadlines: %1 passed, %2 within 14 days</source>
        <translation>Termijnen: %1 verstreken, %2 binnen 14 dagen</translation>
    </message>
    <message>
        <source>Evaluations: %1 overdue, %2 within 14 days</source>
        <translation>Evaluaties: %1 te laat, %2 binnen 14 dagen</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nieuwe gebruiker</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Volunteer record</source>
        <translation>Vrijwilligersgegevens</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Something went wrong unexpectedly (%1); nothing was changed. Try again, or ask your administrator to look at the log.</source>
        <translation>Er ging onverwacht iets mis (%1); er is niets gewijzigd. Probeer het opnieuw, of vraag uw beheerder het logboek te bekijken.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Page %1</source>
        <translation>Pagina %1</translation>
    </message>
</context>
<context>
    <name>PrivacySettingsDialog</name>
    <message>
        <source>Privacy settings</source>
        <translation>Privacy-instellingen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Clients: years after last activity</source>
        <translation>Cliënten: jaren na laatste activiteit</translation>
    </message>
    <message>
        <source>Persons without a file: years after last contact</source>
        <translation>Personen zonder dossier: jaren na laatste contact</translation>
    </message>
    <message>
        <source>Volunteers: years after they stopped</source>
        <translation>Medewerkers: jaren na hun einde</translation>
    </message>
    <message>
        <source>Warn when a user opens more client pages a day than</source>
        <translation>Waarschuw als iemand per dag meer cliëntpagina&apos;s opent dan</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Map voor back-ups</translation>
    </message>
    <message>
        <source>Encrypt automatic backups</source>
        <translation>Automatische back-ups versleutelen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Wachtwoordzin nogmaals</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>De twee wachtwoordzinnen zijn niet gelijk; typ ze opnieuw.</translation>
    </message>
    <message>
        <source>Choose a passphrase for the encrypted backups.</source>
        <translation>Kies een wachtwoordzin voor de versleutelde back-ups.</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <source>Waiting list (%1)</source>
        <translation>Wachtlijst (%1)</translation>
    </message>
    <message>
        <source>Running (%1)</source>
        <translation>Lopend (%1)</translation>
    </message>
    <message>
        <source>Ended (%1)</source>
        <translation>Beëindigd (%1)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <source>Next evaluation / end</source>
        <translation>Volgende evaluatie / einde</translation>
    </message>
    <message>
        <source>after 3 months: %1</source>
        <translation>evaluatie na 3 maanden: %1</translation>
    </message>
    <message>
        <source>after 6 months: %1</source>
        <translation>evaluatie na 6 maanden: %1</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nieuwe cliënt</translation>
    </message>
    <message>
        <source>New dwelling</source>
        <translation>Nieuwe woning</translation>
    </message>
    <message>
        <source>New move</source>
        <translation>Nieuwe verhuizing</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nieuw contact</translation>
    </message>
    <message>
        <source>New dossier</source>
        <translation>Nieuw dossier</translation>
    </message>
    <message>
        <source>New trajectory</source>
        <translation>Nieuw traject</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Nieuw programma</translation>
    </message>
    <message>
        <source>New coupling</source>
        <translation>Nieuwe koppeling</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Nieuwe medewerker</translation>
    </message>
    <message>
        <source>New year figure</source>
        <translation>Nieuw jaarcijfer</translation>
    </message>
    <message>
        <source>New report text</source>
        <translation>Nieuwe rapporttekst</translation>
    </message>
    <message>
        <source>New municipality</source>
        <translation>Nieuwe gemeente</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>No client has this name or number. Check it, or make the client first (Clients, New client…).</source>
        <translation>Geen cliënt heeft deze naam of dit nummer. Controleer wat u typte, of maak de cliënt eerst aan (Cliënten, Nieuwe cliënt…).</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>Hoogstens %1 tekens</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Vul een geheel getal in.</translation>
    </message>
    <message>
        <source>Type a number.</source>
        <translation>Vul een getal in.</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>New…</source>
        <translation>Nieuw…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove this record? This cannot be undone.</source>
        <translation>Dit gegeven verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
</context>
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
        <source>Export template…</source>
        <translation>Sjabloon exporteren…</translation>
    </message>
    <message>
        <source>Write this location&apos;s template to a text file (.toml), e.g. to share it with another location</source>
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
        <source>Sections</source>
        <translation>Secties</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Which figures, and where the report uses them</source>
        <translation>Welke cijfers, en waar het verslag ze gebruikt</translation>
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
        <source>Unsaved texts</source>
        <translation>Niet-opgeslagen teksten</translation>
    </message>
    <message>
        <source>Save the changed texts of %1 before showing another year?</source>
        <translation>De gewijzigde teksten van %1 opslaan voordat een ander jaar wordt getoond?</translation>
    </message>
    <message>
        <source>There are errors; correct the fields marked in red.</source>
        <translation>Er zijn fouten; verbeter de rood gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Computing the figures of %1…</source>
        <translation>De cijfers van %1 worden berekend…</translation>
    </message>
    <message>
        <source>%1 (%2), needed for: %3</source>
        <translation>%1 (%2), nodig voor: %3</translation>
    </message>
    <message>
        <source>%1: %2 instead of the computed %3 (%4)</source>
        <translation>%1: %2 in plaats van het berekende %3 (%4)</translation>
    </message>
    <message>
        <source>%1: %2 beside the registered %3 (%4)</source>
        <translation>%1: %2 naast het geregistreerde %3 (%4)</translation>
    </message>
    <message>
        <source>Not typed in at Jaarcijfers; the sentences with these figures are left out of the report until they are:</source>
        <translation>Niet ingevoerd bij Jaarcijfers; de zinnen met deze cijfers blijven uit het verslag tot ze zijn ingevoerd:</translation>
    </message>
    <message>
        <source>Figures not typed in: %1; their sentences are left out of the report</source>
        <translation>Niet ingevoerde cijfers: %1; de zinnen ermee blijven uit het verslag</translation>
    </message>
    <message>
        <source>Typed in instead of computed:</source>
        <translation>Ingevoerd in plaats van berekend:</translation>
    </message>
    <message>
        <source>typed in instead of computed: %1</source>
        <translation>ingevoerd in plaats van berekend: %1</translation>
    </message>
    <message>
        <source>Official figures beside the registered ones:</source>
        <translation>Officiële cijfers naast de geregistreerde:</translation>
    </message>
    <message>
        <source>official figures: %1</source>
        <translation>officiële cijfers: %1</translation>
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
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
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
        <source>Saved as %1.</source>
        <translation>Opgeslagen als %1.</translation>
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
        <source>Template written to %1.</source>
        <translation>Sjabloon geschreven naar %1.</translation>
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
        <source>Template read from %1; press Save changes to keep it.</source>
        <translation>Sjabloon ingelezen uit %1; kies Wijzigingen opslaan om het te bewaren.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Naar de printer gestuurd.</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Your changes are still in the form; press Save again to keep them.</source>
        <translation>Uw wijzigingen staan nog in het formulier; kies opnieuw Opslaan om ze te bewaren.</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Add a sentence</source>
        <translation>Zin toevoegen</translation>
    </message>
    <message>
        <source>A new sentence at the end of this section; write it with placeholders such as {huisvesting.personen gemeente=…}</source>
        <translation>Een nieuwe zin aan het eind van deze sectie; schrijf hem met plaatshouders zoals {huisvesting.personen gemeente=…}</translation>
    </message>
    <message>
        <source>Text of the teamleader</source>
        <translation>Tekst van de teamleider</translation>
    </message>
    <message>
        <source>Show in the report</source>
        <translation>Tonen in het verslag</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Zin</translation>
    </message>
    <message>
        <source>Sentence with the codes of its figures</source>
        <translation>Zin met de codes van de cijfers</translation>
    </message>
    <message>
        <source>Show the sentence with the codes of its figures, to reword it; click again for the sentence in words</source>
        <translation>Toon de zin met de codes van de cijfers, om hem anders te formuleren; klik nogmaals voor de zin in woorden</translation>
    </message>
    <message>
        <source>Codes of the figures</source>
        <translation>Codes van de cijfers</translation>
    </message>
    <message>
        <source>Figure…</source>
        <translation>Cijfer…</translation>
    </message>
    <message>
        <source>Insert a figure, chosen by what it counts</source>
        <translation>Een cijfer invoegen, gekozen op wat het telt</translation>
    </message>
    <message>
        <source>Insert a figure</source>
        <translation>Een cijfer invoegen</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wordt berekend…</translation>
    </message>
    <message>
        <source>Left out of the report: a figure in it is unknown, or its first figure is 0 and zeros are hidden.</source>
        <translation>Wordt weggelaten uit het verslag: een cijfer erin is onbekend, of het eerste cijfer is 0 en nullen worden verborgen.</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Resultaat: %1</translation>
    </message>
    <message>
        <source>%1 is an official figure typed in (%2), shown beside the registered %3</source>
        <translation>%1 is een ingevoerd officieel cijfer (%2), getoond naast het geregistreerde %3</translation>
    </message>
    <message>
        <source>%1 is typed in (%2) and replaces the registered %3</source>
        <translation>%1 is ingevoerd (%2) en vervangt het geregistreerde %3</translation>
    </message>
    <message>
        <source>Type the sentence; insert figures with &quot;Figure…&quot;.</source>
        <translation>Typ de zin; voeg cijfers in met &quot;Cijfer…&quot;.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>The language changes the next time vwdesk starts.</source>
        <translation>De taal verandert bij de volgende start van vwdesk.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>vwdesk — first start</source>
        <translation>vwdesk — eerste start</translation>
    </message>
    <message>
        <source>Welcome. This database is still empty: enter the name of your location and create the first administrator account.</source>
        <translation>Welkom. Deze database is nog leeg: vul de naam van uw locatie in en maak het eerste beheerdersaccount aan.</translation>
    </message>
    <message>
        <source>Just want to look around first? Press &quot;Look around in the demo&quot;: vwdesk then opens a demo database with made-up people. This database stays empty; the next time you start vwdesk this window is shown again.</source>
        <translation>Wilt u eerst rondkijken? Kies &quot;Rondkijken in de demo&quot;: vwdesk opent dan een demodatabase met verzonnen personen. Deze database blijft leeg; bij de volgende start van vwdesk ziet u dit venster weer.</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Wachtwoord nog een keer</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>Look around in the demo</source>
        <translation>Rondkijken in de demo</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>De twee wachtwoorden verschillen; typ twee keer hetzelfde wachtwoord.</translation>
    </message>
</context>
<context>
    <name>TemplateSaver</name>
    <message>
        <source>Save template</source>
        <translation>Sjabloon opslaan</translation>
    </message>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>Werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>The empty workbook was saved as %1.</source>
        <translation>De lege werkmap is opgeslagen als %1.</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Laatst ingelogd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nieuwe gebruiker…</translation>
    </message>
    <message>
        <source>Set a new password…</source>
        <translation>Nieuw wachtwoord instellen…</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>geblokkeerd tot %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>uitgeschakeld</translation>
    </message>
    <message>
        <source>all locations</source>
        <translation>alle locaties</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Kies eerst een gebruiker.</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>Nieuw wachtwoord instellen</translation>
    </message>
    <message>
        <source>New password for %1 (at least 8 characters):</source>
        <translation>Nieuw wachtwoord voor %1 (minstens 8 tekens):</translation>
    </message>
    <message>
        <source>The password has been set; the account is unlocked.</source>
        <translation>Het wachtwoord is ingesteld; het account is weer vrijgegeven.</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Without a file (zonder dossier)</source>
        <translation>Zonder dossier</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Nieuwe cliënt…</translation>
    </message>
    <message>
        <source>A short label to tell persons apart</source>
        <translation>Een korte omschrijving om personen uit elkaar te houden</translation>
    </message>
    <message>
        <source>Type a topic and press Enter</source>
        <translation>Typ een onderwerp en druk op Enter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Duur (minuten)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Opslaan (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leegmaken</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corrigeren…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>No client has this name or number. Is it a new client? Press Ctrl+Shift+N (New client…): the name you typed is filled in.</source>
        <translation>Geen cliënt heeft deze naam of dit nummer. Is het een nieuwe cliënt? Druk op Ctrl+Shift+N (Nieuwe cliënt…): de getypte naam wordt al ingevuld.</translation>
    </message>
    <message>
        <source>Unknown topic; choose one of the buttons below.</source>
        <translation>Onbekend onderwerp; kies een van de knoppen hieronder.</translation>
    </message>
    <message>
        <source>Register a contact</source>
        <translation>Contact registreren</translation>
    </message>
    <message>
        <source>Choose the client from the list under the field (Down and Enter).</source>
        <translation>Kies de cliënt uit de lijst onder het veld (pijl omlaag en Enter).</translation>
    </message>
    <message>
        <source>Type the duration in whole minutes.</source>
        <translation>Vul de duur in hele minuten in.</translation>
    </message>
    <message>
        <source>No topic chosen. Type or tick what the visit was about, or press Enter again to save it without a topic.</source>
        <translation>Geen onderwerp gekozen. Typ of kies waar het bezoek over ging, of druk nogmaals op Enter om het zonder onderwerp op te slaan.</translation>
    </message>
    <message>
        <source>Corrected.</source>
        <translation>Gecorrigeerd.</translation>
    </message>
    <message>
        <source>Saved. Ready for the next visitor.</source>
        <translation>Opgeslagen. Klaar voor de volgende bezoeker.</translation>
    </message>
    <message>
        <source>Correct a contact</source>
        <translation>Contact corrigeren</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Correctie opslaan</translation>
    </message>
    <message>
        <source>Contacts on %1 (%2)</source>
        <translation>Contacten op %1 (%2)</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Contact verwijderen</translation>
    </message>
    <message>
        <source>Remove this contact of %1? This cannot be undone.</source>
        <translation>Dit contact van %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Contact removed.</source>
        <translation>Contact verwijderd.</translation>
    </message>
</context>
<context>
    <name>client_requests</name>
    <message>
        <source>Inzage</source>
        <translation>Inzage</translation>
    </message>
    <message>
        <source>PDF, to read (*.pdf)</source>
        <translation>PDF, om te lezen (*.pdf)</translation>
    </message>
    <message>
        <source>JSON, for a computer (*.json)</source>
        <translation>JSON, voor een computer (*.json)</translation>
    </message>
    <message>
        <source>Save the inzage</source>
        <translation>Inzage opslaan</translation>
    </message>
    <message>
        <source>The inzage has been saved as %1. Hand it to the client in person: it holds everything stored about them.</source>
        <translation>De inzage is opgeslagen als %1. Geef het bestand persoonlijk aan de cliënt: het bevat alles wat over hem of haar is vastgelegd.</translation>
    </message>
    <message>
        <source>Writing the inzage…</source>
        <translation>Inzage wordt gemaakt…</translation>
    </message>
    <message>
        <source>Erase on request</source>
        <translation>Wissen op verzoek</translation>
    </message>
    <message>
        <source>Why is %1 to be erased? (for the log; no personal data)</source>
        <translation>Waarom moet %1 worden gewist? (voor het logboek; geen persoonsgegevens)</translation>
    </message>
    <message>
        <source>A reason is needed, e.g. &quot;verzoek van de cliënt per brief&quot;.</source>
        <translation>Een reden is nodig, bijvoorbeeld &quot;verzoek van de cliënt per brief&quot;.</translation>
    </message>
    <message>
        <source>Erase %1 now? Removed at once: %2 and the client number, and the notes and names with their contacts, dossiers, trajectories and couplings. Kept without a name, for the year report&apos;s figures: %3. This cannot be undone.</source>
        <translation>%1 nu wissen? Meteen verwijderd worden: %2 en het cliëntnummer, en de notities en namen bij de contacten, dossiers, trajecten en koppelingen. Zonder naam bewaard, voor de cijfers van het jaarverslag: %3. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>The client&apos;s personal data have been erased.</source>
        <translation>De persoonsgegevens van de cliënt zijn gewist.</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Back-up gemaakt: %1</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Kies een back-up</translation>
    </message>
    <message>
        <source>vwdesk backups (*.sqlite *.vwbak)</source>
        <translation>vwdesk-back-ups (*.sqlite *.vwbak)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <source>Passphrase of this backup:</source>
        <translation>Wachtwoordzin van deze back-up:</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Back-up terugzetten</translation>
    </message>
    <message>
        <source>Replace the database by the backup %1 of %2? Everything saved after %2 is then no longer in the database; the current database is kept aside beside it. Close vwdesk on every other computer first.</source>
        <translation>De database vervangen door de back-up %1 van %2? Alles wat na %2 is opgeslagen, staat daarna niet meer in de database; de huidige database blijft ernaast bewaard. Sluit eerst vwdesk op alle andere computers.</translation>
    </message>
    <message>
        <source>The backup has been restored.</source>
        <translation>De back-up is teruggezet.</translation>
    </message>
    <message>
        <source>The replaced database is kept as %1.</source>
        <translation>De vervangen database is bewaard als %1.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>De back-up wordt teruggezet…</translation>
    </message>
    <message>
        <source>This passphrase does not open the backup.
Type it again, exactly as it was set (capitals and spaces count):</source>
        <translation>Deze wachtwoordzin opent de back-up niet.
Typ hem opnieuw, precies zoals hij is ingesteld (hoofdletters en spaties tellen mee):</translation>
    </message>
</context>
</TS>
