<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="26"/>
        <source>Search all text…</source>
        <translation>Hae kaikesta tekstistä…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="27"/>
        <source>Search consultations</source>
        <translation>Hae konsultaatioita</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="30"/>
        <source>Consultations</source>
        <translation>Konsultaatiot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Reference</source>
        <translation>Tunnus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Received</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="33"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/main_window.py" line="58"/>
        <source>%n consultation(s)</source>
        <translation>
            <numerusform>%n konsultaatio</numerusform>
            <numerusform>%n konsultaatiota</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_t</name>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="35"/>
        <source>Recovery code</source>
        <translation>Palautuskoodi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="37"/>
        <source>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</source>
        <translation>Kirjoita tämä palautuskoodi ylös tai tulosta se ja säilytä lukitussa paikassa. Koodi näytetään vain nyt. Sillä tietosi saa auki, jos avainsäilö tai tunnuslause katoaa.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="45"/>
        <source>I have stored the code</source>
        <translation>Olen tallentanut koodin</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="55"/>
        <source>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</source>
        <translation>Tältä tietokoneelta ei löytynyt turvallista avainsäilöä. Valitse tunnuslause (vähintään 8 merkkiä), joka suojaa tietosi:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="59"/>
        <source>Type the passphrase again:</source>
        <translation>Kirjoita tunnuslause uudelleen:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="63"/>
        <source>The passphrases differ. Try again.</source>
        <translation>Tunnuslauseet eivät täsmää. Yritä uudelleen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="89"/>
        <source>Passphrase for your OT Desk data:</source>
        <translation>OT Deskin tunnuslause:</translation>
    </message>
</context>
</TS>
