<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/client_form.py" line="35"/>
        <source>This client may already exist (same birth date, similar name):</source>
        <translation>Deze cliënt bestaat misschien al (zelfde geboortedatum, gelijkende naam):</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_form.py" line="37"/>
        <source>Check the list first. Is it really someone else? Press &quot;Save anyway&quot;.</source>
        <translation>Controleer eerst de lijst. Is het echt iemand anders? Kies dan "Toch opslaan".</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_form.py" line="39"/>
        <source>Save anyway</source>
        <translation>Toch opslaan</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <location filename="../../src/vwdesk/gui/client_model.py" line="28"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_model.py" line="28"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_model.py" line="28"/>
        <source>Birth date</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_model.py" line="29"/>
        <source>Nationality</source>
        <translation>Nationaliteit</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="59"/>
        <location filename="../../src/vwdesk/gui/client_page.py" line="63"/>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="62"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="62"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="71"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="77"/>
        <source>Edit client…</source>
        <translation>Cliënt bewerken…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="78"/>
        <source>Register contact</source>
        <translation>Contact registreren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="79"/>
        <source>New dossier…</source>
        <translation>Nieuw dossier…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="80"/>
        <source>New trajectory…</source>
        <translation>Nieuw traject…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="81"/>
        <source>Sign up for a coupling…</source>
        <translation>Aanmelden voor koppeling…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/client_page.py" line="150"/>
        <source>contact: %1</source>
        <translation>contact: %1</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../src/vwdesk/gui/widgets.py" line="99"/>
        <source>Type a name, number or birth date</source>
        <translation>Typ een naam, nummer of geboortedatum</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/widgets.py" line="140"/>
        <source>No client found</source>
        <translation>Geen cliënt gevonden</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <location filename="../../src/vwdesk/gui/clients_view.py" line="38"/>
        <source>Search by number, name or birth date (dd-mm-yyyy)</source>
        <translation>Zoek op nummer, naam of geboortedatum (dd-mm-jjjj)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/clients_view.py" line="41"/>
        <source>New client…</source>
        <translation>Nieuwe cliënt…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/clients_view.py" line="116"/>
        <source>More than %1 clients; type more to narrow the search.</source>
        <translation>Meer dan %1 cliënten; typ verder om de zoekopdracht te verfijnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/vwdesk/gui/clients_view.py" line="119"/>
        <source>%n client(s)</source>
        <translation><numerusform>%n cliënt</numerusform><numerusform>%n cliënten</numerusform></translation>
    </message>
</context>
<context>
    <name>CouplingDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="64"/>
        <source>Evaluations due: after 3 months on %1, after 6 months on %2.</source>
        <translation>Evaluaties: na 3 maanden op %1, na 6 maanden op %2.</translation>
    </message>
</context>
<context>
    <name>CouplingsView</name>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="144"/>
        <source>Sign up…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="147"/>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="153"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="153"/>
        <source>Waiting</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="154"/>
        <source>Running</source>
        <translation>Lopend</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="154"/>
        <source>Ended</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="198"/>
        <source>No programmes yet.</source>
        <translation>Nog geen programma's.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="201"/>
        <source>%1 waiting, %2 running, %3 ended</source>
        <translation>%1 wachtend, %2 lopend, %3 beëindigd</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../src/vwdesk/gui/widgets.py" line="28"/>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/widgets.py" line="43"/>
        <source>This is not a date; type it as dd-mm-yyyy, e.g. 05-03-2024.</source>
        <translation>Dit is geen datum; typ hem als dd-mm-jjjj, bijvoorbeeld 05-03-2024.</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="49"/>
        <source>Deadline</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="49"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="49"/>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="51"/>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="50"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="50"/>
        <source>Days left</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="51"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="51"/>
        <source>Coupling</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="52"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="52"/>
        <source>Evaluation</source>
        <translation>Evaluatie</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="55"/>
        <source>Open dossiers by deadline</source>
        <translation>Open dossiers op termijn</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="57"/>
        <source>Coupling evaluations due</source>
        <translation>Evaluaties van koppelingen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="92"/>
        <source>after 3 months</source>
        <translation>na 3 maanden</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/deadlines_view.py" line="92"/>
        <source>after 6 months</source>
        <translation>na 6 maanden</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../src/vwdesk/gui/app.py" line="109"/>
        <source>vwdesk could not open the database (%1). Ask your administrator to look at the log.</source>
        <translation>vwdesk kan de database niet openen (%1). Vraag uw beheerder in het logbestand te kijken.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/app.py" line="134"/>
        <source>There is no location yet; create one with &quot;vwdesk users add&quot; or start the first-start setup on an empty database.</source>
        <translation>Er is nog geen locatie; maak er een aan met "vwdesk users add" of doorloop de eerste start op een lege database.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="118"/>
        <source>vwdesk — log in</source>
        <translation>vwdesk — inloggen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="124"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="125"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="129"/>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="132"/>
        <source>Opening the database…</source>
        <translation>De database wordt geopend…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="157"/>
        <source>Demo database (synthetic data). Log in as:</source>
        <translation>Demodatabase (synthetische gegevens). Log in als:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="66"/>
        <source>Register</source>
        <translation>Registreren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="67"/>
        <source>Clients</source>
        <translation>Cliënten</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="68"/>
        <location filename="../../src/vwdesk/gui/main_window.py" line="189"/>
        <source>Deadlines</source>
        <translation>Termijnen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="69"/>
        <source>Couplings</source>
        <translation>Koppelingen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="70"/>
        <source>Dwellings</source>
        <translation>Woningen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="77"/>
        <source>Volunteers</source>
        <translation>Vrijwilligers</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="78"/>
        <source>Year figures</source>
        <translation>Jaarcijfers</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="79"/>
        <source>Programmes</source>
        <translation>Programma's</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="80"/>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="111"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="113"/>
        <source>New visit</source>
        <translation>Nieuw bezoek</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="116"/>
        <source>New legal contact</source>
        <translation>Nieuw juridisch contact</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="118"/>
        <source>New client…</source>
        <translation>Nieuwe cliënt…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="120"/>
        <source>Find client</source>
        <translation>Cliënt zoeken</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="124"/>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="125"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="126"/>
        <source>Save template…</source>
        <translation>Sjabloon opslaan…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="129"/>
        <source>Log out / switch user</source>
        <translation>Afmelden / andere gebruiker</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="131"/>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="133"/>
        <source>E&amp;xtra</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="136"/>
        <location filename="../../src/vwdesk/gui/main_window.py" line="267"/>
        <source>Year report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="139"/>
        <location filename="../../src/vwdesk/gui/main_window.py" line="274"/>
        <source>Access log</source>
        <translation>Inzagelog</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="140"/>
        <source>Privacy settings…</source>
        <translation>Privacy-instellingen…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="142"/>
        <source>Make a backup now</source>
        <translation>Nu een back-up maken</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="144"/>
        <source>Restore a backup…</source>
        <translation>Back-up terugzetten…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="146"/>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="178"/>
        <source> — DEMO (synthetic data)</source>
        <translation> — DEMO (synthetische gegevens)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/main_window.py" line="179"/>
        <source>%1 — logged in as %2 (%3)</source>
        <translation>%1 — ingelogd als %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/vwdesk/gui/main_window.py" line="186"/>
        <source>%n deadline(s) within 14 days</source>
        <translation><numerusform>%n termijn binnen 14 dagen</numerusform><numerusform>%n termijnen binnen 14 dagen</numerusform></translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="37"/>
        <source>New user</source>
        <translation>Nieuwe gebruiker</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="53"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="54"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="55"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="56"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="57"/>
        <source>Volunteer record</source>
        <translation>Vrijwilligersgegevens</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="80"/>
        <source>Waiting list (%1)</source>
        <translation>Wachtlijst (%1)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="81"/>
        <source>Running (%1)</source>
        <translation>Lopend (%1)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="82"/>
        <source>Ended (%1)</source>
        <translation>Beëindigd (%1)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="88"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="88"/>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="88"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="89"/>
        <source>Signed up</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="89"/>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="90"/>
        <source>Next evaluation / end</source>
        <translation>Volgende evaluatie / einde</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="119"/>
        <source>after 3 months: %1</source>
        <translation>evaluatie na 3 maanden: %1</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/couplings_view.py" line="120"/>
        <source>after 6 months: %1</source>
        <translation>evaluatie na 6 maanden: %1</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/record_form.py" line="230"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/record_form.py" line="230"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/record_form.py" line="304"/>
        <source>Not saved: the database could not be reached (%1). Try again in a moment.</source>
        <translation>Niet opgeslagen: de database is niet bereikbaar (%1). Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/record_form.py" line="321"/>
        <source>Your changes are still in the form; press Save again to keep them.</source>
        <translation>Uw wijzigingen staan nog in het formulier; kies opnieuw Opslaan om ze te bewaren.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../src/vwdesk/gui/record_form.py" line="162"/>
        <source>Type a whole number.</source>
        <translation>Vul een geheel getal in.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/record_form.py" line="162"/>
        <source>Type a number.</source>
        <translation>Vul een getal in.</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../src/vwdesk/gui/records_view.py" line="60"/>
        <source>New…</source>
        <translation>Nieuw…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/records_view.py" line="61"/>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/records_view.py" line="62"/>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/records_view.py" line="108"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/records_view.py" line="108"/>
        <source>Remove this record? This cannot be undone.</source>
        <translation>Dit gegeven verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/settings_dialog.py" line="13"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/settings_dialog.py" line="18"/>
        <source>The language changes the next time vwdesk starts.</source>
        <translation>De taal verandert bij de volgende start van vwdesk.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/settings_dialog.py" line="24"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="43"/>
        <source>vwdesk — first start</source>
        <translation>vwdesk — eerste start</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="46"/>
        <source>Welcome. This database is still empty: enter the name of your location and create the first administrator account.
Just want to look around first? Close this window and start &quot;vwdesk --demo&quot;.</source>
        <translation>Welkom. Deze database is nog leeg: vul de naam van uw locatie in en maak het eerste beheerdersaccount aan.
Wilt u eerst rondkijken? Sluit dit venster en start "vwdesk --demo".</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="58"/>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="59"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="60"/>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="61"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="62"/>
        <source>Password again</source>
        <translation>Wachtwoord nog een keer</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="65"/>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/login.py" line="89"/>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>De twee wachtwoorden verschillen; typ twee keer hetzelfde wachtwoord.</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="99"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="99"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="100"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="100"/>
        <source>Last login</source>
        <translation>Laatst ingelogd</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="107"/>
        <source>New user…</source>
        <translation>Nieuwe gebruiker…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="109"/>
        <source>Set a new password…</source>
        <translation>Nieuw wachtwoord instellen…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="147"/>
        <source>Select a user first.</source>
        <translation>Kies eerst een gebruiker.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="150"/>
        <source>Set a new password</source>
        <translation>Nieuw wachtwoord instellen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="151"/>
        <source>New password for %1 (at least 8 characters):</source>
        <translation>Nieuw wachtwoord voor %1 (minstens 8 tekens):</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/users_view.py" line="170"/>
        <source>The password has been set; the account is unlocked.</source>
        <translation>Het wachtwoord is ingesteld; het account is weer vrijgegeven.</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="63"/>
        <source>Without a file (zonder dossier)</source>
        <translation>Zonder dossier</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="64"/>
        <source>New client…</source>
        <translation>Nieuwe cliënt…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="74"/>
        <source>A short label to tell persons apart</source>
        <translation>Een korte omschrijving om personen uit elkaar te houden</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="76"/>
        <source>Type a topic and press Enter</source>
        <translation>Typ een onderwerp en druk op Enter</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="107"/>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="140"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="108"/>
        <source>Client</source>
        <translation>Cliënt</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="109"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="110"/>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="140"/>
        <source>Topics</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="111"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="112"/>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="141"/>
        <source>Staff member</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="113"/>
        <source>Duration (minutes)</source>
        <translation>Duur (minuten)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="114"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="121"/>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="254"/>
        <source>Save (Enter)</source>
        <translation>Opslaan (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="124"/>
        <source>Clear</source>
        <translation>Leegmaken</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="140"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="151"/>
        <source>Correct…</source>
        <translation>Corrigeren…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="153"/>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="239"/>
        <source>Unknown topic; choose one of the buttons below.</source>
        <translation>Onbekend onderwerp; kies een van de knoppen hieronder.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="253"/>
        <source>Register a contact</source>
        <translation>Contact registreren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="285"/>
        <source>Choose the client from the list under the field (Down and Enter).</source>
        <translation>Kies de cliënt uit de lijst onder het veld (pijl omlaag en Enter).</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="292"/>
        <source>Type the duration in whole minutes.</source>
        <translation>Vul de duur in hele minuten in.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="339"/>
        <source>Not saved: the database could not be reached (%1). Try again in a moment.</source>
        <translation>Niet opgeslagen: de database is niet bereikbaar (%1). Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="345"/>
        <source>Corrected.</source>
        <translation>Gecorrigeerd.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="346"/>
        <source>Saved. Ready for the next visitor.</source>
        <translation>Opgeslagen. Klaar voor de volgende bezoeker.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="358"/>
        <source>Your changes are still in the form; press Save again to keep them.</source>
        <translation>Uw wijzigingen staan nog in het formulier; kies opnieuw Opslaan om ze te bewaren.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="372"/>
        <source>Correct a contact</source>
        <translation>Contact corrigeren</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="373"/>
        <source>Save correction</source>
        <translation>Correctie opslaan</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="396"/>
        <source>Contacts on %1 (%2)</source>
        <translation>Contacten op %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="419"/>
        <source>Remove contact</source>
        <translation>Contact verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="420"/>
        <source>Remove this contact of %1? This cannot be undone.</source>
        <translation>Dit contact van %1 verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../src/vwdesk/gui/visit_form.py" line="433"/>
        <source>Contact removed.</source>
        <translation>Contact verwijderd.</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../src/vwdesk/gui/widgets.py" line="96"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Niet opgeslagen: verbeter de velden met een rode melding.</translation>
    </message>
</context>
</TS>
