<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>records</name>
    <message>
        <source>AMV (alleenstaande minderjarige)</source>
        <translation>UAM (unaccompanied minor)</translation>
    </message>
    <message>
        <source>Aangemeld</source>
        <translation>Signed up</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Beschikbaar op</source>
        <translation>Available on</translation>
    </message>
    <message>
        <source>Cliënt</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Complex of project</source>
        <translation>Complex or project</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Duur (minuten)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Einde</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Evaluatie na 3 maanden</source>
        <translation>Evaluation after 3 months</translation>
    </message>
    <message>
        <source>Evaluatie na 6 maanden</source>
        <translation>Evaluation after 6 months</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Gehuisvest op</source>
        <translation>Housed on</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Geslacht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Gesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Halfjaar</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <source>Instroom</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Korte naam</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Medewerker</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Naar woning</source>
        <translation>To dwelling</translation>
    </message>
    <message>
        <source>Nareizigers (aantal)</source>
        <translation>Family members joining (number)</translation>
    </message>
    <message>
        <source>Nationaliteit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Persoon (zonder dossier)</source>
        <translation>Person (without a file)</translation>
    </message>
    <message>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Sectie</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Sleutel</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Uren per week</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>Van woning</source>
        <translation>From dwelling</translation>
    </message>
    <message>
        <source>Verlengd op</source>
        <translation>Extended on</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Woning</source>
        <translation>Dwelling</translation>
    </message>
    <message>
        <source>Woonkern</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>cliënt</source>
        <translation>client</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>dossier</source>
        <translation>file</translation>
    </message>
    <message>
        <source>gemeente</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>jaarcijfer</source>
        <translation>year figure</translation>
    </message>
    <message>
        <source>koppeling</source>
        <translation>coupling</translation>
    </message>
    <message>
        <source>medewerker</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>programma</source>
        <translation>programme</translation>
    </message>
    <message>
        <source>rapporttekst</source>
        <translation>report text</translation>
    </message>
    <message>
        <source>traject</source>
        <translation>trajectory</translation>
    </message>
    <message>
        <source>verhuizing</source>
        <translation>move</translation>
    </message>
    <message>
        <source>woning</source>
        <translation>dwelling</translation>
    </message>
</context>
</TS>
