<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="26"/>
        <source>Search all text…</source>
        <translation>Sök i all text…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="27"/>
        <source>Search consultations</source>
        <translation>Sök konsultationer</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="30"/>
        <source>Consultations</source>
        <translation>Konsultationer</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="33"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/main_window.py" line="58"/>
        <source>%n consultation(s)</source>
        <translation>
            <numerusform>%n konsultation</numerusform>
            <numerusform>%n konsultationer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_t</name>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="35"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="37"/>
        <source>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</source>
        <translation>Skriv ner eller skriv ut den här återställningskoden och förvara den inlåst. Den visas bara nu. Med den öppnas dina uppgifter om nyckelförrådet eller lösenfrasen går förlorad.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="45"/>
        <source>I have stored the code</source>
        <translation>Jag har sparat koden</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="55"/>
        <source>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</source>
        <translation>Inget säkert nyckelförråd hittades på den här datorn. Välj en lösenfras (minst 8 tecken) som skyddar dina uppgifter:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="59"/>
        <source>Type the passphrase again:</source>
        <translation>Skriv lösenfrasen igen:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="63"/>
        <source>The passphrases differ. Try again.</source>
        <translation>Lösenfraserna skiljer sig. Försök igen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="89"/>
        <source>Passphrase for your OT Desk data:</source>
        <translation>Lösenfras för OT Desk:</translation>
    </message>
</context>
</TS>
