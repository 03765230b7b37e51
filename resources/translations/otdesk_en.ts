<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="26"/>
        <source>Search all text…</source>
        <translation>Search all text…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="27"/>
        <source>Search consultations</source>
        <translation>Search consultations</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="30"/>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="32"/>
        <source>Received</source>
        <translation>Received</translation>
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
            <numerusform>%n consultation</numerusform>
            <numerusform>%n consultations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_t</name>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="35"/>
        <source>Recovery code</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="37"/>
        <source>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</source>
        <translation>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="45"/>
        <source>I have stored the code</source>
        <translation>I have stored the code</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="55"/>
        <source>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</source>
        <translation>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="59"/>
        <source>Type the passphrase again:</source>
        <translation>Type the passphrase again:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="63"/>
        <source>The passphrases differ. Try again.</source>
        <translation>The passphrases differ. Try again.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="89"/>
        <source>Passphrase for your OT Desk data:</source>
        <translation>Passphrase for your OT Desk data:</translation>
    </message>
</context>
</TS>
