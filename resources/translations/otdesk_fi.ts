<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>AgendaBar</name>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="27"/>
        <source>Session agenda</source>
        <translation>Tapaamisen asialista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="40"/>
        <source>in all %1 min</source>
        <translation>yhteensä %1 min</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="42"/>
        <source>Session clock</source>
        <translation>Tapaamisen ajanotto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="44"/>
        <location filename="../../otdesk/ui/agenda.py" line="71"/>
        <source>Start session clock</source>
        <translation>Käynnistä ajanotto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="64"/>
        <source>Stop session clock</source>
        <translation>Pysäytä ajanotto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="89"/>
        <source>%1 — by the plan now: %2</source>
        <translation>%1 — suunnitelman mukaan nyt: %2</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="93"/>
        <source>By the plan now: %1</source>
        <translation>Suunnitelman mukaan nyt: %1</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="67"/>
        <source>Guiding questions</source>
        <translation>Apukysymykset</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="70"/>
        <source>← &amp;List</source>
        <translation>← &amp;Luetteloon</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="71"/>
        <source>Back to the list</source>
        <translation>Takaisin luetteloon</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="73"/>
        <source>Consultation</source>
        <translation>Konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="79"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="83"/>
        <source>Next deadline</source>
        <translation>Seuraava määräaika</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="84"/>
        <source>Saving</source>
        <translation>Tallennus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="86"/>
        <source>Missing information</source>
        <translation>Puuttuvat tiedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="98"/>
        <source>Pages of the consultation</source>
        <translation>Konsultaation sivut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="155"/>
        <source>Summary</source>
        <translation>Yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="104"/>
        <source>Sealed</source>
        <translation>Lukittu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="81"/>
        <source>Status:</source>
        <translation>Tila:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="208"/>
        <source>Saved</source>
        <translation>Tallennettu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="263"/>
        <source>The summary has been delivered and the record is sealed. Write later changes as dated addenda on the Summary page.</source>
        <translation>Yhteenveto on toimitettu ja tiedot lukittu. Kirjaa myöhemmät muutokset päivättyinä lisäyksinä Yhteenveto-sivulla.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="384"/>
        <source>An anonymous consultation keeps no identifying details. Remove the client&apos;s details that were written down?</source>
        <translation>Anonyymiin konsultaatioon ei tallenneta tunnistetietoja. Poistetaanko kirjatut asiakkaan tiedot?</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="392"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="410"/>
        <source>Saved %1</source>
        <translation>Tallennettu klo %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="416"/>
        <source>NOT SAVED — trying again</source>
        <translation>EI TALLENNETTU — yritetään uudelleen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="427"/>
        <source>(organisation not given)</source>
        <translation>(organisaatiota ei kirjattu)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="431"/>
        <source>intake due</source>
        <translation>käsittelyyn otto viimeistään</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="431"/>
        <source>preparation due</source>
        <translation>valmistelu viimeistään</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="432"/>
        <source>session</source>
        <translation>tapaaminen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="432"/>
        <source>follow-up</source>
        <translation>seuranta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="440"/>
        <source>OVERDUE</source>
        <translation>MYÖHÄSSÄ</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="451"/>
        <source>Intake due %1</source>
        <translation>Käsittelyyn otto viimeistään %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="453"/>
        <source>preparation due %1</source>
        <translation>valmistelu viimeistään %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="459"/>
        <source>Reason: %1</source>
        <translation>Syy: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="494"/>
        <source>Why is the request declined?</source>
        <translation>Miksi pyyntöä ei oteta käsittelyyn?</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="495"/>
        <source>Why is the request redirected?</source>
        <translation>Miksi pyyntö ohjataan muualle?</translation>
    </message>
</context>
<context>
    <name>ConsultationList</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="351"/>
        <source>Search all text…</source>
        <extracomment>the roles the list answers an answer to the list&apos;s query is on screen (or the query failed) … and painted there (or the list is not on screen): idle time may begin the line to choose once every id is known, and the row chosen then</extracomment>
        <translation>Hae kaikesta tekstistä…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="352"/>
        <source>Search consultations</source>
        <translation>Hae konsultaatioita</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="355"/>
        <source>Show status</source>
        <translation>Näytettävä tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="356"/>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="357"/>
        <source>Open (not closed)</source>
        <translation>Avoimet (ei päättyneet)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="361"/>
        <source>Show situation category</source>
        <translation>Näytä tilanneluokka</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="362"/>
        <source>All categories</source>
        <translation>Kaikki tilanneluokat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="370"/>
        <source>&amp;New consultation</source>
        <translation>&amp;Uusi konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="371"/>
        <source>New consultation</source>
        <translation>Uusi konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="378"/>
        <source>Consultations</source>
        <translation>Konsultaatiot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="400"/>
        <source>Number of consultations shown</source>
        <translation>Näytettyjen konsultaatioiden määrä</translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="483"/>
        <source>%n consultation(s)</source>
        <translation>
            <numerusform>%n konsultaatio</numerusform>
            <numerusform>%n konsultaatiota</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="485"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n myöhässä</numerusform>
            <numerusform>%n myöhässä</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsultationTableModel</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="79"/>
        <source>Reference</source>
        <extracomment>lines read at a time: the one drawn and those around it lines kept in memory at most (more are read again when drawn again) also what storage.listing sorts by (listing.SORTS) the view&apos;s header asked for another order (column, order) lines drawn but not read yet: (epoch, ids) — see add_rows</extracomment>
        <translation>Tunnus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="79"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="79"/>
        <source>Categories</source>
        <translation>Tilanneluokat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="80"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="80"/>
        <source>Next due</source>
        <translation>Seuraava määräaika</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="80"/>
        <source>Received</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="81"/>
        <source>intake</source>
        <translation>käsittelyyn otto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="81"/>
        <source>preparation</source>
        <translation>valmistelu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="82"/>
        <source>session</source>
        <translation>tapaaminen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="82"/>
        <source>follow-up</source>
        <translation>seuranta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="83"/>
        <source>OVERDUE</source>
        <translation>MYÖHÄSSÄ</translation>
    </message>
</context>
<context>
    <name>DamagedVaultDialog</name>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="21"/>
        <source>The database file of your OT Desk data is damaged: the key is right, but parts of the file cannot be read. Nothing has been deleted.</source>
        <extracomment>the problems where nothing of the database can be read, so salvage has nothing to do</extracomment>
        <translation>OT Deskin tietokantatiedosto on vioittunut: avain on oikea, mutta osaa tiedostosta ei voi lukea. Mitään ei ole poistettu.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="25"/>
        <source>Beside the database there is a log file (otdesk.db-wal) that this key cannot read: it is damaged or comes from another vault. Nothing has been changed.</source>
        <translation>Tietokannan vieressä on lokitiedosto (otdesk.db-wal), jota tällä avaimella ei voi lukea: se on vioittunut tai toisesta tietokannasta. Mitään ei ole muutettu.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="30"/>
        <source>The database file of your OT Desk data is missing or empty, although its keys are there. No new empty database is made and nothing has been changed.</source>
        <translation>OT Deskin tietokantatiedosto puuttuu tai on tyhjä, vaikka sen avaimet ovat tallessa. Uutta tyhjää tietokantaa ei luoda eikä mitään ole muutettu.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="46"/>
        <source>OT Desk: the data file cannot be read</source>
        <translation>OT Desk: tietotiedostoa ei voi lukea</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="50"/>
        <source>What happened</source>
        <translation>Mitä tapahtui</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="54"/>
        <source>The newest good backup is from {day} at {time} ({count} consultations). Restoring it brings back everything saved until then; the current files are set aside, not deleted.</source>
        <translation>Uusin kelvollinen varmuuskopio on {day} klo {time} ({count} konsultaatiota). Sen palauttaminen tuo takaisin kaiken siihen asti tallennetun; nykyiset tiedostot siirretään talteen, niitä ei poisteta.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="61"/>
        <source>No backup was found in this computer&apos;s backup folder.</source>
        <translation>Tämän tietokoneen varmuuskopiokansiosta ei löytynyt varmuuskopiota.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="64"/>
        <source>Backup</source>
        <translation>Varmuuskopio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="66"/>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Palauta varmuuskopio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="69"/>
        <source>&amp;Salvage what can be read</source>
        <translation>P&amp;elasta luettavissa oleva</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="71"/>
        <source>Copies every consultation that can still be read into a new file with the same keys and says what could not be read.</source>
        <translation>Kopioi jokaisen vielä luettavissa olevan konsultaation uuteen tiedostoon samoilla avaimilla ja kertoo, mitä ei voitu lukea.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="75"/>
        <source>Set the &amp;log file aside and open</source>
        <translation>Siirrä lokitiedosto &amp;sivuun ja avaa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="78"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
</context>
<context>
    <name>ExpertForm</name>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="22"/>
        <source>Expert</source>
        <translation>Asiantuntija</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="25"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="27"/>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="30"/>
        <source>Contact</source>
        <translation>Yhteystiedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="32"/>
        <location filename="../../otdesk/ui/experts_dialog.py" line="40"/>
        <source>Situations covered</source>
        <translation>Tilanteet, joissa voi auttaa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="37"/>
        <source>&amp;Name</source>
        <translation>&amp;Nimi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="38"/>
        <source>&amp;Description</source>
        <translation>&amp;Kuvaus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="39"/>
        <source>&amp;Contact</source>
        <translation>&amp;Yhteystiedot</translation>
    </message>
</context>
<context>
    <name>ExpertsDialog</name>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="62"/>
        <source>Expert directory</source>
        <translation>Asiantuntijahakemisto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="65"/>
        <source>Experts</source>
        <translation>Asiantuntijat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="67"/>
        <source>&amp;Add…</source>
        <translation>&amp;Lisää…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="68"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Muokkaa…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="69"/>
        <source>&amp;Remove</source>
        <translation>&amp;Poista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="116"/>
        <source>An expert needs a name.</source>
        <translation>Anna asiantuntijalle nimi.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="144"/>
        <source>Remove %1 from the directory? Consultations that named them keep the name.</source>
        <translation>Poistetaanko %1 hakemistosta? Konsultaatioihin jo kirjattu nimi säilyy.</translation>
    </message>
</context>
<context>
    <name>FieldWidgets</name>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="27"/>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="28"/>
        <source>Add a &amp;rating</source>
        <translation>Lisää &amp;arvio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="29"/>
        <source>Add an &amp;option</source>
        <translation>Lisää &amp;vaihtoehto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="30"/>
        <source>Add a &amp;step</source>
        <translation>Lisää toimen&amp;pide</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="31"/>
        <source>suggested</source>
        <translation>ehdotettu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="32"/>
        <source>&amp;Anonymous (no data identifying the client)</source>
        <translation>&amp;Anonyymi (ei asiakkaan tunnistetietoja)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="34"/>
        <source>&amp;Identified, with the client&apos;s consent</source>
        <translation>Tunn&amp;istettava, asiakkaan suostumuksella</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="36"/>
        <source>Not asked yet</source>
        <translation>Ei vielä kysytty</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/fields.py" line="128"/>
        <source>d.m.yyyy</source>
        <translation>p.k.vvvv</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/fields.py" line="134"/>
        <source>Choose from a calendar</source>
        <translation>Valitse kalenterista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/fields.py" line="179"/>
        <source>Not a date: type it as d.m.yyyy, for example 8.1.2027. The date stored stays %1.</source>
        <translation>Ei päivämäärä: kirjoita muodossa p.k.vvvv, esimerkiksi 8.1.2027. Tallennettu päivämäärä on edelleen %1.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="25"/>
        <source>Deadlines</source>
        <translation>Määräajat</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="77"/>
        <source>OT Desk is locked after a time without use (organisation&apos;s policy).</source>
        <extracomment>seconds one try to store what is queued may take before the lock tries again</extracomment>
        <translation>OT Desk lukittiin, koska sitä ei ole käytetty hetkeen (organisaation linjaus).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="82"/>
        <source>&amp;Unlock…</source>
        <translation>&amp;Avaa lukitus…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="104"/>
        <source>Storing what was written and closing your data…</source>
        <translation>Tallennetaan kirjoitettua ja suljetaan tietosi…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="105"/>
        <source>Your data is closed and its key is out of memory.</source>
        <translation>Tietosi on suljettu, eikä niiden avain ole enää muistissa.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="106"/>
        <source>Not everything could be stored yet (is the disk full?). OT Desk keeps trying; your data stays open until it is.</source>
        <translation>Kaikkea ei vielä saatu tallennettua (onko levy täynnä?). OT Desk yrittää uudelleen; tietosi pysyvät auki siihen asti.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="108"/>
        <source>Opening your OT Desk data…</source>
        <translation>Avataan OT Deskin tietoja…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="133"/>
        <source>Opening your OT Desk data…</source>
        <extracomment>how often closing looks whether the storage worker is done how often the idle-time build looks whether the editor&apos;s modules are imported what the editor and its Summary page import, imported on a thread of their own after the first paint, so the UI thread never waits for them what renders the summary (reportlab: ~25 MiB, ~0.3 s), imported on a thread of its own once the editor is built in idle time (or a consultation is opened before that), so that neither the first screen nor the first open shares the interpreter with it how often the window asks whether a backup of the editing is due (backups.due) how long after the list is up the file&apos;s check starts (storage/health.py): the first searches and opens of a session do not share the disk and the cores with it how long closing waits for the closing backup (a 10,000-consultation vault: ~2 s) a backup ended (BackupInfo or None, error or None): from the backup thread the check of the file after the start found damage (the UserError)</extracomment>
        <translation>Avataan OT Deskin tietoja…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="138"/>
        <source>Saving</source>
        <translation>Tallennus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="141"/>
        <source>Backup</source>
        <translation>Varmuuskopio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="489"/>
        <source>&amp;File</source>
        <extracomment>the damaged dialog&apos;s choice (&quot;restore&quot; or &quot;salvage&quot;, backup id): run_app does it once this window has closed, and opens the vault again the window closed to open the vault again, from the lock screen: &quot;open&quot; (the keyring lost the key: the recovery dialog follows) or &quot;recover&quot; (a forgotten passphrase: the recovery dialog first)</extracomment>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="490"/>
        <source>&amp;New consultation</source>
        <translation>&amp;Uusi konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="494"/>
        <source>Consultation &amp;list</source>
        <translation>&amp;Konsultaatioluettelo</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="499"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="504"/>
        <source>&amp;Tools</source>
        <translation>Työ&amp;kalut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="505"/>
        <source>&amp;Expert directory…</source>
        <translation>Asiantuntija&amp;hakemisto…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="508"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="705"/>
        <source>Your data&apos;s key is no longer in the keyring, so OT Desk cannot be unlocked with it. Nothing is lost: OT Desk can open again and ask for your recovery code (or your passphrase, if you have one).</source>
        <translation>Tietojesi avainta ei enää ole avainsäilössä, joten OT Deskin lukitusta ei voi avata sillä. Mitään ei ole menetetty: OT Desk voi avautua uudelleen ja kysyä palautuskoodiasi (tai tunnuslausettasi, jos sinulla on sellainen).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="708"/>
        <source>&amp;Recover…</source>
        <translation>&amp;Palauta…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="764"/>
        <location filename="../../otdesk/ui/main_window.py" line="784"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="820"/>
        <source>Making a backup…</source>
        <translation>Tehdään varmuuskopiota…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="28"/>
        <source>Passphrase</source>
        <translation>Tunnuslause</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="32"/>
        <source>Passphrase again</source>
        <translation>Tunnuslause uudelleen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="35"/>
        <source>Problem</source>
        <translation>Ongelma</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="42"/>
        <source>&amp;Forgotten? Use the recovery code…</source>
        <translation>&amp;Unohtunut? Käytä palautuskoodia…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="53"/>
        <source>Type the passphrase again:</source>
        <translation>Kirjoita tunnuslause uudelleen:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="77"/>
        <source>The passphrases differ. Try again.</source>
        <translation>Tunnuslauseet eivät täsmää. Yritä uudelleen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="31"/>
        <source>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</source>
        <translation>Tältä tietokoneelta ei löytynyt turvallista avainsäilöä. Valitse tunnuslause (vähintään 8 merkkiä), joka suojaa tietosi:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="199"/>
        <location filename="../../otdesk/ui/unlock.py" line="218"/>
        <source>Passphrase for your OT Desk data:</source>
        <extracomment>what ask_passphrase returns when &quot;Forgotten?&quot; was pressed
----------
the opening failed because the keyring has no key that fits: the recovery dialog the opening failed because the database (or its WAL) cannot be read: the damaged dialog a recovery the person typed did not open the vault: asked again, with the reason</extracomment>
        <translation>OT Deskin tietojesi tunnuslause:</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="73"/>
        <source>Your contact details</source>
        <translation>Yhteystietosi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="75"/>
        <source>The summary tells the requester how to reach you. These details are printed in its contact box and name you in the log. You can change them later in Tools → Settings.</source>
        <translation>Yhteenveto kertoo pyytäjälle, miten sinut tavoittaa. Nämä tiedot tulostuvat sen yhteystietolaatikkoon, ja nimesi kirjataan tapahtumalokiin. Voit muuttaa niitä myöhemmin kohdassa Työkalut → Asetukset.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="82"/>
        <source>&amp;Later</source>
        <translation>&amp;Myöhemmin</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="23"/>
        <source>Your name</source>
        <translation>Nimesi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="24"/>
        <source>Your title</source>
        <translation>Ammattinimikkeesi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="25"/>
        <source>e.g. OT coordinator, psychologist</source>
        <translation>esim. OT-koordinaattori, psykologi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="26"/>
        <source>Your phone number</source>
        <translation>Puhelinnumerosi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="27"/>
        <source>Your e-mail address</source>
        <translation>Sähköpostiosoitteesi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="34"/>
        <source>&amp;Name</source>
        <translation>&amp;Nimi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="35"/>
        <source>&amp;Title</source>
        <translation>Ni&amp;mike</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="36"/>
        <source>P&amp;hone</source>
        <translation>&amp;Puhelin</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="37"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Sähköposti</translation>
    </message>
</context>
<context>
    <name>RecordListEditor</name>
    <message>
        <location filename="../../otdesk/ui/list_editors.py" line="178"/>
        <source>Remove row %1 and what is written in it?</source>
        <translation>Poistetaanko rivi %1 ja siihen kirjoitettu teksti?</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="96"/>
        <location filename="../../otdesk/ui/key_dialogs.py" line="106"/>
        <location filename="../../otdesk/ui/key_dialogs.py" line="136"/>
        <source>Recovery code</source>
        <translation>Palautuskoodi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="97"/>
        <source>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</source>
        <translation>Kirjoita tämä palautuskoodi ylös tai tulosta se ja säilytä sitä lukitussa paikassa. Koodi näytetään vain nyt. Sillä saat tietosi auki, jos avainsäilö tai tunnuslause katoaa.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="108"/>
        <source>&amp;Print…</source>
        <translation>&amp;Tulosta…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="109"/>
        <source>Print the recovery code</source>
        <translation>Tulosta palautuskoodi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="111"/>
        <source>I have &amp;written down or printed the code</source>
        <translation>Olen &amp;kirjoittanut koodin ylös tai tulostanut sen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="112"/>
        <source>I have written down or printed the code</source>
        <translation>Olen kirjoittanut koodin ylös tai tulostanut sen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="113"/>
        <source>&amp;Continue</source>
        <translation>&amp;Jatka</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="35"/>
        <source>The key in this computer&apos;s keyring no longer fits your OT Desk data (the keyring was changed or replaced). Nothing is lost and nothing was changed: open the data once with the passphrase or the recovery code, and the right key is put back in the keyring.</source>
        <translation>Tämän tietokoneen avainsäilössä oleva avain ei enää sovi OT Deskin tietoihisi (avainsäilö on vaihtunut). Mitään ei ole menetetty eikä muutettu: avaa tiedot kerran tunnuslauseella tai palautuskoodilla, niin oikea avain palautetaan avainsäilöön.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="41"/>
        <source>This computer&apos;s keyring does not answer, so the key of your OT Desk data cannot be read from it. Nothing is lost: open the data with the recovery code and choose a passphrase to keep the key under.</source>
        <translation>Tämän tietokoneen avainsäilö ei vastaa, joten OT Deskin tietojen avainta ei saada sieltä. Mitään ei ole menetetty: avaa tiedot palautuskoodilla ja valitse tunnuslause, jonka taakse avain suojataan.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="46"/>
        <source>Open your OT Desk data with the recovery code, and choose a new passphrase.</source>
        <translation>Avaa OT Deskin tietosi palautuskoodilla ja valitse uusi tunnuslause.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="49"/>
        <source>The key of your OT Desk data is not in this computer&apos;s keyring (for example after a new login keyring or a change of keyring). Nothing is lost: open the data once with the passphrase or the recovery code, and the key is put back in the keyring.</source>
        <translation>OT Deskin tietojesi avain ei ole tämän tietokoneen avainsäilössä (esimerkiksi uuden kirjautumisavainsäilön tai avainsäilön vaihdon jälkeen). Mitään ei ole menetetty: avaa tiedot kerran tunnuslauseella tai palautuskoodilla, niin avain palautetaan avainsäilöön.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="66"/>
        <source>Open your OT Desk data</source>
        <translation>Avaa OT Deskin tiedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="69"/>
        <source>What happened</source>
        <translation>Mitä tapahtui</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="76"/>
        <source>Passphrase</source>
        <translation>Tunnuslause</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="78"/>
        <source>Your &amp;passphrase:</source>
        <translation>&amp;Tunnuslauseesi:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="83"/>
        <source>Recovery code</source>
        <translation>Palautuskoodi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="88"/>
        <source>Eight groups of five characters; spaces, dashes and small letters are fine</source>
        <translation>Kahdeksan viiden merkin ryhmää; välilyönnit, viivat ja pienet kirjaimet käyvät</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="89"/>
        <source>or the &amp;recovery code:</source>
        <translation>tai &amp;palautuskoodi:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="90"/>
        <source>The &amp;recovery code:</source>
        <translation>&amp;Palautuskoodi:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="93"/>
        <source>New passphrase</source>
        <translation>Uusi tunnuslause</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="96"/>
        <source>New passphrase again</source>
        <translation>Uusi tunnuslause uudelleen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="98"/>
        <source>&amp;New passphrase (no secure keyring here):</source>
        <translation>&amp;Uusi tunnuslause (tällä koneella ei ole turvallista avainsäilöä):</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="100"/>
        <source>New passphrase &amp;again:</source>
        <translation>Uusi tunnuslause &amp;vielä kerran:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="106"/>
        <source>Neither at hand? IT can open your data with the organisation&apos;s escrow key. Tell IT the folder {folder} and the vault id {vault}; IT runs otdesk escrow-recover on this computer.</source>
        <translation>Eikö kumpaakaan ole käsillä? IT-tuki voi avata tietosi organisaation varmistusavaimella. Kerro IT-tuelle kansio {folder} ja tietokannan tunnus {vault}; IT-tuki ajaa tällä koneella komennon otdesk escrow-recover.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="112"/>
        <source>Neither at hand? This vault has no escrow copy for IT, so only the passphrase or the recovery code opens it. Nothing has been changed or deleted; keep the folder {folder}.</source>
        <translation>Eikö kumpaakaan ole käsillä? Tällä tietokannalla ei ole IT-tuen varmistuskopiota avaimesta, joten vain tunnuslause tai palautuskoodi avaa sen. Mitään ei ole muutettu eikä poistettu; säilytä kansio {folder}.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="119"/>
        <source>What to tell IT</source>
        <translation>Mitä kertoa IT-tuelle</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="124"/>
        <source>Problem</source>
        <translation>Ongelma</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="127"/>
        <source>&amp;Open</source>
        <translation>&amp;Avaa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="130"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="157"/>
        <source>Type the recovery code (or the passphrase).</source>
        <translation>Kirjoita palautuskoodi (tai tunnuslause).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="170"/>
        <source>The new passphrases differ. Type them again.</source>
        <translation>Uudet tunnuslauseet eroavat. Kirjoita ne uudelleen.</translation>
    </message>
</context>
<context>
    <name>RefusalBox</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="109"/>
        <source>&amp;Go to the field</source>
        <translation>&amp;Siirry kenttään</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="28"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="30"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="37"/>
        <source>Intake within working days</source>
        <translation>Käsittelyyn oton määräaika työpäivinä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="41"/>
        <source>Preparation within working days</source>
        <translation>Valmistelun määräaika työpäivinä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="42"/>
        <source>&amp;Underline unknown words in the text fields</source>
        <translation>&amp;Alleviivaa tuntemattomat sanat tekstikentissä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="44"/>
        <location filename="../../otdesk/ui/settings_dialog.py" line="63"/>
        <source>Spelling check</source>
        <translation>Oikoluku</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="45"/>
        <source>A new language and new deadlines take effect when OT Desk is started again.</source>
        <translation>Uusi kieli ja uudet määräajat tulevat käyttöön, kun OT Desk käynnistetään uudelleen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="49"/>
        <source>Your contact details (printed on the summary)</source>
        <translation>Yhteystietosi (tulostuvat yhteenvetoon)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="56"/>
        <source>Set by the organisation&apos;s policy</source>
        <translation>Organisaation linjaus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="58"/>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="59"/>
        <source>&amp;Intake within (working days)</source>
        <translation>Käsittelyyn &amp;oton määräaika (työpäivää)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="61"/>
        <source>&amp;Preparation within (working days)</source>
        <translation>&amp;Valmistelun määräaika (työpäivää)</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <location filename="../../otdesk/ui/spell_check.py" line="200"/>
        <source>No suggestions</source>
        <translation>Ei ehdotuksia</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/spell_check.py" line="204"/>
        <source>&amp;Add to dictionary</source>
        <translation>&amp;Lisää sanastoon</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="148"/>
        <source>Language of the summary</source>
        <translation>Yhteenvedon kieli</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="154"/>
        <source>&amp;Print…</source>
        <translation>T&amp;ulosta…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="155"/>
        <location filename="../../otdesk/ui/summary_page.py" line="376"/>
        <source>Print the summary</source>
        <translation>Tulosta yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="157"/>
        <source>Save as P&amp;DF…</source>
        <translation>Tallenna &amp;PDF-tiedostoksi…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="158"/>
        <source>Save the summary as a PDF file</source>
        <translation>Tallenna yhteenveto PDF-tiedostoksi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="160"/>
        <source>The organisation&apos;s policy does not allow this.</source>
        <translation>Organisaation linjaus ei salli tätä.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="165"/>
        <source>Summary state</source>
        <translation>Yhteenvedon tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="171"/>
        <source>Why the summary cannot be delivered yet</source>
        <translation>Miksi yhteenvetoa ei vielä voi toimittaa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="174"/>
        <source>Preview of the summary</source>
        <translation>Yhteenvedon esikatselu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="178"/>
        <source>Text of the summary</source>
        <translation>Yhteenvedon teksti</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="181"/>
        <source>Show as te&amp;xt</source>
        <translation>&amp;Näytä tekstinä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="185"/>
        <source>A picture of the pages; Show as text gives the same pages as text.</source>
        <translation>Kuva sivuista; Näytä tekstinä antaa samat sivut tekstinä.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="187"/>
        <source>Delivered summaries</source>
        <translation>Toimitetut yhteenvedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="192"/>
        <source>New addendum</source>
        <translation>Uusi lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="195"/>
        <source>&amp;Add addendum</source>
        <translation>Kirj&amp;aa lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="196"/>
        <source>Add addendum</source>
        <translation>Kirjaa lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="198"/>
        <source>Show the current version</source>
        <translation>Näytä nykyinen versio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="202"/>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="211"/>
        <source>Delivered</source>
        <translation>Toimitetut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="215"/>
        <source>Addendum</source>
        <translation>Lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="225"/>
        <source>Summary</source>
        <translation>Yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="280"/>
        <source>Preparing the preview…</source>
        <translation>Esikatselua laaditaan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="311"/>
        <source>Delivered: the record is sealed. Later changes are written as dated addenda; printing now gives version %1.</source>
        <translation>Toimitettu: tiedot on lukittu. Myöhemmät muutokset kirjataan päivättyinä lisäyksinä; jos tulostat nyt, tuloste on versio %1.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="315"/>
        <source>Not delivered yet. Printing or saving records the delivery and seals the record.</source>
        <translation>Ei vielä toimitettu. Kun tulostat tai tallennat yhteenvedon, toimitus kirjataan ja tiedot lukitaan.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="327"/>
        <source>printed</source>
        <translation>tulostettu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="327"/>
        <source>saved as PDF</source>
        <translation>tallennettu PDF:ksi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="340"/>
        <source>Opening the delivered version…</source>
        <translation>Toimitettua versiota avataan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="351"/>
        <source>Showing a delivered summary: %1. Printing or saving now hands out exactly this version again.</source>
        <translation>Näytetään toimitettu yhteenveto: %1. Tulostus tai tallennus antaa nyt juuri tämän version uudelleen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="397"/>
        <source>Printing…</source>
        <translation>Tulostetaan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="461"/>
        <location filename="../../otdesk/ui/summary_page.py" line="501"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="478"/>
        <source>Printed version %1 at %2.</source>
        <translation>Versio %1 tulostettiin klo %2.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="480"/>
        <source>Saved version %1 as a PDF at %2.</source>
        <translation>Versio %1 tallennettiin PDF-tiedostoksi klo %2.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="483"/>
        <source>Exactly the delivered version was handed out again.</source>
        <translation>Uudelleen annettiin täsmälleen sama toimitettu versio.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="451"/>
        <source>Save the summary</source>
        <translation>Tallenna yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="453"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
</context>
<context>
    <name>UnencryptedWarning</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="89"/>
        <source>The saved PDF file is not encrypted.</source>
        <extracomment>refusals that name a field the consultant can go to and fix</extracomment>
        <translation>Tallennettu PDF-tiedosto ei ole salattu.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="91"/>
        <source>Save it only where the requester&apos;s confidential documents may be kept, and delete it when it has been sent.</source>
        <translation>Tallenna se vain paikkaan, jossa pyytäjän salassa pidettäviä asiakirjoja saa säilyttää, ja poista se, kun se on lähetetty.</translation>
    </message>
</context>
</TS>
