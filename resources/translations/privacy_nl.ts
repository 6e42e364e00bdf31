<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
    <context>
        <name>AccessLogView</name>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="138" />
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="156" />
            <source>Client number</source>
            <translation>Cliëntnummer</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="140" />
            <source>Show</source>
            <translation>Tonen</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="142" />
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="156" />
            <source>When</source>
            <translation>Wanneer</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="142" />
            <source>Who</source>
            <translation>Wie</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="142" />
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="157" />
            <source>Reason</source>
            <translation>Reden</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="152" />
            <source>Per client</source>
            <translation>Per cliënt</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="162" />
            <source>Per user</source>
            <translation>Per gebruiker</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="198" />
            <source>%1 opened %2 client pages on %3</source>
            <translation>%1 opende %2 cliëntpagina's op %3</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="201" />
            <source>More client pages opened in one day than the threshold (%1):</source>
            <translation>Meer cliëntpagina's op één dag geopend dan de drempel (%1):</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="225" />
            <source>No client with this number.</source>
            <translation>Er is geen cliënt met dit nummer.</translation>
        </message>
    </context>
    <context>
        <name>AccessReasonDialog</name>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="73" />
            <source>Why are you opening this client?</source>
            <translation>Waarom opent u deze cliënt?</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="79" />
            <source>Explanation (required for "other")</source>
            <translation>Toelichting (verplicht bij "Anders")</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="83" />
            <source>Open</source>
            <translation>Openen</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="89" />
            <source>The client's page holds personal data. Your reason is recorded in the access log.</source>
            <translation>De pagina van de cliënt bevat persoonsgegevens. Uw reden wordt vastgelegd in het toegangslogboek.</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="349" />
            <source>Backup</source>
            <translation>Back-up</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="350" />
            <source>Encrypt with a passphrase</source>
            <translation>Versleutelen met een wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="359" />
            <source>Folder</source>
            <translation>Map</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="361" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="362" />
            <source>Passphrase again</source>
            <translation>Wachtwoordzin nogmaals</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="367" />
            <source>Back up now</source>
            <translation>Nu back-up maken</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="372" />
            <source>Without a passphrase anyone who can open the backup folder can read the backup. Keep the passphrase safe: without it the backup cannot be restored.</source>
            <translation>Zonder wachtwoordzin kan iedereen die de back-upmap kan openen de back-up lezen. Bewaar de wachtwoordzin goed: zonder die zin kan de back-up niet worden teruggezet.</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="385" />
            <source>The two passphrases differ; type them again.</source>
            <translation>De twee wachtwoordzinnen zijn niet gelijk; typ ze opnieuw.</translation>
        </message>
    </context>
    <context>
        <name>PrivacySettingsDialog</name>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="247" />
            <source>Privacy settings</source>
            <translation>Privacy-instellingen</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="259" />
            <source>Choose…</source>
            <translation>Kiezen…</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="265" />
            <source>Clients: years after last activity</source>
            <translation>Cliënten: jaren na laatste activiteit</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="266" />
            <source>Persons without a file: years after last contact</source>
            <translation>Personen zonder dossier: jaren na laatste contact</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="267" />
            <source>Volunteers: years after they stopped</source>
            <translation>Medewerkers: jaren na hun einde</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="268" />
            <source>Warn when a user opens more client pages a day than</source>
            <translation>Waarschuw als iemand per dag meer cliëntpagina's opent dan</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="269" />
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="299" />
            <source>Backup folder</source>
            <translation>Map voor back-ups</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="270" />
            <source>Encrypt automatic backups</source>
            <translation>Automatische back-ups versleutelen</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="276" />
            <source>unchanged</source>
            <translation>ongewijzigd</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="278" />
            <source>Passphrase</source>
            <translation>Wachtwoordzin</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="279" />
            <source>Passphrase again</source>
            <translation>Wachtwoordzin nogmaals</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="314" />
            <source>The two passphrases differ; type them again.</source>
            <translation>De twee wachtwoordzinnen zijn niet gelijk; typ ze opnieuw.</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" line="317" />
            <source>Choose a passphrase for the encrypted backups.</source>
            <translation>Kies een wachtwoordzin voor de versleutelde back-ups.</translation>
        </message>
    </context>
    <context>
        <name>privacy</name>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>vwdesk</source>
            <translation>vwdesk</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>Backup</source>
            <translation>Back-up</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>Backup made: %1</source>
            <translation>Back-up gemaakt: %1</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>Choose a backup</source>
            <translation>Kies een back-up</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>vwdesk backups (*.sqlite *.vwbak)</source>
            <translation>vwdesk-back-ups (*.sqlite *.vwbak)</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>Restore</source>
            <translation>Herstellen</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>Passphrase of this backup:</source>
            <translation>Wachtwoordzin van deze back-up:</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>Replace the database by this backup? Everything saved after the backup was made is then no longer in the database; the current database is kept aside beside it. Close vwdesk on every other computer first.</source>
            <translation>De database vervangen door deze back-up? Alles wat na het maken van de back-up is opgeslagen, staat daarna niet meer in de database; de huidige database blijft ernaast bewaard. Sluit eerst vwdesk op alle andere computers.</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>The backup has been restored.</source>
            <translation>De back-up is teruggezet.</translation>
        </message>
        <message>
            <location filename="../../src/vwdesk/gui/privacy_dialogs.py" />
            <source>The replaced database is kept as %1.</source>
            <translation>De vervangen database is bewaard als %1.</translation>
        </message>
    </context>
</TS>
