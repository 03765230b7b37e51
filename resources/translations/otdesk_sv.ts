<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AgendaBar</name>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="27"/>
        <source>Session agenda</source>
        <translation>Mötets dagordning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="40"/>
        <source>in all %1 min</source>
        <translation>totalt %1 min</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="42"/>
        <source>Session clock</source>
        <translation>Mötesklocka</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="44"/>
        <location filename="../../otdesk/ui/agenda.py" line="71"/>
        <source>Start session clock</source>
        <translation>Starta mötesklockan</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="64"/>
        <source>Stop session clock</source>
        <translation>Stoppa mötesklockan</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="89"/>
        <source>%1 — by the plan now: %2</source>
        <translation>%1 — enligt planen nu: %2</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="93"/>
        <source>By the plan now: %1</source>
        <translation>Enligt planen nu: %1</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="67"/>
        <source>Guiding questions</source>
        <translation>Stödfrågor</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="70"/>
        <source>← &amp;List</source>
        <translation>← &amp;Lista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="71"/>
        <source>Back to the list</source>
        <translation>Tillbaka till listan</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="73"/>
        <source>Consultation</source>
        <translation>Konsultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="83"/>
        <source>Next deadline</source>
        <translation>Nästa tidsfrist</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="84"/>
        <source>Saving</source>
        <translation>Sparande</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="86"/>
        <source>Missing information</source>
        <translation>Uppgifter som saknas</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="98"/>
        <source>Pages of the consultation</source>
        <translation>Konsultationens sidor</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="155"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="104"/>
        <source>Sealed</source>
        <translation>Låst</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="81"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="208"/>
        <source>Saved</source>
        <translation>Sparad</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="263"/>
        <source>The summary has been delivered and the record is sealed. Write later changes as dated addenda on the Summary page.</source>
        <translation>Sammanfattningen har överlämnats och uppgifterna är låsta. Skriv senare ändringar som daterade tillägg på sidan Sammanfattning.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="384"/>
        <source>An anonymous consultation keeps no identifying details. Remove the client&apos;s details that were written down?</source>
        <translation>En anonym konsultation innehåller inga identifierande uppgifter. Vill du ta bort de uppgifter om klienten som har antecknats?</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="392"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="410"/>
        <source>Saved %1</source>
        <translation>Sparad kl. %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="416"/>
        <source>NOT SAVED — trying again</source>
        <translation>INTE SPARAD — försöker igen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="427"/>
        <source>(organisation not given)</source>
        <translation>(organisation inte angiven)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="431"/>
        <source>intake due</source>
        <translation>mottagning senast</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="431"/>
        <source>preparation due</source>
        <translation>förberedelse senast</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="432"/>
        <source>session</source>
        <translation>möte</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="432"/>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="440"/>
        <source>OVERDUE</source>
        <translation>FÖRSENAD</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="451"/>
        <source>Intake due %1</source>
        <translation>Mottagning senast %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="453"/>
        <source>preparation due %1</source>
        <translation>förberedelse senast %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="459"/>
        <source>Reason: %1</source>
        <translation>Orsak: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="494"/>
        <source>Why is the request declined?</source>
        <translation>Varför tas begäran inte till behandling?</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="495"/>
        <source>Why is the request redirected?</source>
        <translation>Varför hänvisas begäran vidare?</translation>
    </message>
</context>
<context>
    <name>ConsultationList</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="351"/>
        <source>Search all text…</source>
        <extracomment>the roles the list answers an answer to the list&apos;s query is on screen (or the query failed) … and painted there (or the list is not on screen): idle time may begin the line to choose once every id is known, and the row chosen then</extracomment>
        <translation>Sök i all text…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="352"/>
        <source>Search consultations</source>
        <translation>Sök konsultationer</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="355"/>
        <source>Show status</source>
        <translation>Visa status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="356"/>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="357"/>
        <source>Open (not closed)</source>
        <translation>Öppna (inte avslutade)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="361"/>
        <source>Show situation category</source>
        <translation>Visa situationskategori</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="362"/>
        <source>All categories</source>
        <translation>Alla situationskategorier</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="370"/>
        <source>&amp;New consultation</source>
        <translation>&amp;Ny konsultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="371"/>
        <source>New consultation</source>
        <translation>Ny konsultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="378"/>
        <source>Consultations</source>
        <translation>Konsultationer</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="400"/>
        <source>Number of consultations shown</source>
        <translation>Antal konsultationer som visas</translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="483"/>
        <source>%n consultation(s)</source>
        <translation>
            <numerusform>%n konsultation</numerusform>
            <numerusform>%n konsultationer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="485"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n försenad</numerusform>
            <numerusform>%n försenade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsultationTableModel</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="79"/>
        <source>Reference</source>
        <extracomment>lines read at a time: the one drawn and those around it lines kept in memory at most (more are read again when drawn again) also what storage.listing sorts by (listing.SORTS) the view&apos;s header asked for another order (column, order) lines drawn but not read yet: (epoch, ids) — see add_rows</extracomment>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="79"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="79"/>
        <source>Categories</source>
        <translation>Situationskategorier</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="80"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="80"/>
        <source>Next due</source>
        <translation>Nästa tidsfrist</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="80"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="81"/>
        <source>intake</source>
        <translation>mottagning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="81"/>
        <source>preparation</source>
        <translation>förberedelse</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="82"/>
        <source>session</source>
        <translation>möte</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="82"/>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="83"/>
        <source>OVERDUE</source>
        <translation>FÖRSENAD</translation>
    </message>
</context>
<context>
    <name>DamagedVaultDialog</name>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="21"/>
        <source>The database file of your OT Desk data is damaged: the key is right, but parts of the file cannot be read. Nothing has been deleted.</source>
        <extracomment>the problems where nothing of the database can be read, so salvage has nothing to do</extracomment>
        <translation>Databasfilen för dina OT Desk-uppgifter är skadad: nyckeln är rätt, men delar av filen kan inte läsas. Inget har raderats.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="25"/>
        <source>Beside the database there is a log file (otdesk.db-wal) that this key cannot read: it is damaged or comes from another vault. Nothing has been changed.</source>
        <translation>Bredvid databasen finns en loggfil (otdesk.db-wal) som inte kan läsas med den här nyckeln: den är skadad eller kommer från en annan databas. Inget har ändrats.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="30"/>
        <source>The database file of your OT Desk data is missing or empty, although its keys are there. No new empty database is made and nothing has been changed.</source>
        <translation>Databasfilen för dina OT Desk-uppgifter saknas eller är tom, fast nycklarna finns. Ingen ny tom databas skapas och inget har ändrats.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="46"/>
        <source>OT Desk: the data file cannot be read</source>
        <translation>OT Desk: datafilen kan inte läsas</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="50"/>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="54"/>
        <source>The newest good backup is from {day} at {time} ({count} consultations). Restoring it brings back everything saved until then; the current files are set aside, not deleted.</source>
        <translation>Den senaste giltiga säkerhetskopian är från {day} kl. {time} ({count} konsultationer). Att återställa den ger tillbaka allt som sparats fram till dess; de nuvarande filerna flyttas undan, de raderas inte.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="61"/>
        <source>No backup was found in this computer&apos;s backup folder.</source>
        <translation>Ingen säkerhetskopia hittades i den här datorns säkerhetskopiemapp.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="64"/>
        <source>Backup</source>
        <translation>Säkerhetskopia</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="66"/>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Återställ säkerhetskopian</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="69"/>
        <source>&amp;Salvage what can be read</source>
        <translation>&amp;Rädda det som går att läsa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="71"/>
        <source>Copies every consultation that can still be read into a new file with the same keys and says what could not be read.</source>
        <translation>Kopierar varje konsultation som ännu går att läsa till en ny fil med samma nycklar och berättar vad som inte gick att läsa.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="75"/>
        <source>Set the &amp;log file aside and open</source>
        <translation>Flytta undan &amp;loggfilen och öppna</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/damaged_dialog.py" line="78"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>ExpertForm</name>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="22"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="25"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="27"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="30"/>
        <source>Contact</source>
        <translation>Kontaktuppgifter</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="32"/>
        <location filename="../../otdesk/ui/experts_dialog.py" line="40"/>
        <source>Situations covered</source>
        <translation>Situationer där experten kan hjälpa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="37"/>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="38"/>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="39"/>
        <source>&amp;Contact</source>
        <translation>Kontakt&amp;uppgifter</translation>
    </message>
</context>
<context>
    <name>ExpertsDialog</name>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="62"/>
        <source>Expert directory</source>
        <translation>Expertregister</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="65"/>
        <source>Experts</source>
        <translation>Experter</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="67"/>
        <source>&amp;Add…</source>
        <translation>&amp;Lägg till…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="68"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigera…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="69"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="116"/>
        <source>An expert needs a name.</source>
        <translation>Ange ett namn för experten.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="144"/>
        <source>Remove %1 from the directory? Consultations that named them keep the name.</source>
        <translation>Vill du ta bort %1 från registret? Namnet finns kvar i de konsultationer där det redan har antecknats.</translation>
    </message>
</context>
<context>
    <name>FieldWidgets</name>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="27"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="28"/>
        <source>Add a &amp;rating</source>
        <translation>Lägg till &amp;bedömning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="29"/>
        <source>Add an &amp;option</source>
        <translation>Lägg till alter&amp;nativ</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="30"/>
        <source>Add a &amp;step</source>
        <translation>Lägg till åt&amp;gärd</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="31"/>
        <source>suggested</source>
        <translation>föreslagen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="32"/>
        <source>&amp;Anonymous (no data identifying the client)</source>
        <translation>Anon&amp;ym (inga uppgifter som identifierar klienten)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="34"/>
        <source>&amp;Identified, with the client&apos;s consent</source>
        <translation>I&amp;dentifierad, med klientens samtycke</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/field_widgets.py" line="36"/>
        <source>Not asked yet</source>
        <translation>Inte frågat ännu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/fields.py" line="128"/>
        <source>d.m.yyyy</source>
        <translation>d.m.åååå</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/fields.py" line="134"/>
        <source>Choose from a calendar</source>
        <translation>Välj i en kalender</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/fields.py" line="179"/>
        <source>Not a date: type it as d.m.yyyy, for example 8.1.2027. The date stored stays %1.</source>
        <translation>Inget datum: skriv det som d.m.åååå, till exempel 8.1.2027. Det sparade datumet är fortfarande %1.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="25"/>
        <source>Deadlines</source>
        <translation>Tidsfrister</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="77"/>
        <source>OT Desk is locked after a time without use (organisation&apos;s policy).</source>
        <extracomment>seconds one try to store what is queued may take before the lock tries again</extracomment>
        <translation>OT Desk låstes eftersom det inte använts på en stund (organisationens policy).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="82"/>
        <source>&amp;Unlock…</source>
        <translation>Lås &amp;upp…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="104"/>
        <source>Storing what was written and closing your data…</source>
        <translation>Det som skrivits sparas och dina uppgifter stängs…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="105"/>
        <source>Your data is closed and its key is out of memory.</source>
        <translation>Dina uppgifter är stängda och nyckeln finns inte längre i minnet.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="106"/>
        <source>Not everything could be stored yet (is the disk full?). OT Desk keeps trying; your data stays open until it is.</source>
        <translation>Allt kunde inte sparas ännu (är disken full?). OT Desk försöker igen; dina uppgifter hålls öppna tills dess.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="108"/>
        <source>Opening your OT Desk data…</source>
        <translation>Dina OT Desk-uppgifter öppnas…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="133"/>
        <source>Opening your OT Desk data…</source>
        <extracomment>how often closing looks whether the storage worker is done how often the idle-time build looks whether the editor&apos;s modules are imported what the editor and its Summary page import, imported on a thread of their own after the first paint, so the UI thread never waits for them what renders the summary (reportlab: ~25 MiB, ~0.3 s), imported on a thread of its own once the editor is built in idle time (or a consultation is opened before that), so that neither the first screen nor the first open shares the interpreter with it how often the window asks whether a backup of the editing is due (backups.due) how long after the list is up the file&apos;s check starts (storage/health.py): the first searches and opens of a session do not share the disk and the cores with it how long closing waits for the closing backup (a 10,000-consultation vault: ~2 s) a backup ended (BackupInfo or None, error or None): from the backup thread the check of the file after the start found damage (the UserError)</extracomment>
        <translation>Öppnar dina OT Desk-uppgifter…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="138"/>
        <source>Saving</source>
        <translation>Sparande</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="141"/>
        <source>Backup</source>
        <translation>Säkerhetskopia</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="489"/>
        <source>&amp;File</source>
        <extracomment>the damaged dialog&apos;s choice (&quot;restore&quot; or &quot;salvage&quot;, backup id): run_app does it once this window has closed, and opens the vault again the window closed to open the vault again, from the lock screen: &quot;open&quot; (the keyring lost the key: the recovery dialog follows) or &quot;recover&quot; (a forgotten passphrase: the recovery dialog first)</extracomment>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="490"/>
        <source>&amp;New consultation</source>
        <translation>&amp;Ny konsultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="494"/>
        <source>Consultation &amp;list</source>
        <translation>&amp;Konsultationslista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="499"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="504"/>
        <source>&amp;Tools</source>
        <translation>&amp;Verktyg</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="505"/>
        <source>&amp;Expert directory…</source>
        <translation>&amp;Expertregister…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="508"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="705"/>
        <source>Your data&apos;s key is no longer in the keyring, so OT Desk cannot be unlocked with it. Nothing is lost: OT Desk can open again and ask for your recovery code (or your passphrase, if you have one).</source>
        <translation>Nyckeln till dina uppgifter finns inte längre i nyckelförrådet, så OT Desk kan inte låsas upp med den. Inget har gått förlorat: OT Desk kan öppnas på nytt och fråga efter din återställningskod (eller din lösenfras, om du har en).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="708"/>
        <source>&amp;Recover…</source>
        <translation>&amp;Återställ…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="764"/>
        <location filename="../../otdesk/ui/main_window.py" line="784"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="820"/>
        <source>Making a backup…</source>
        <translation>Säkerhetskopierar…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="28"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="32"/>
        <source>Passphrase again</source>
        <translation>Lösenfrasen igen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="35"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="42"/>
        <source>&amp;Forgotten? Use the recovery code…</source>
        <translation>&amp;Glömt? Använd återställningskoden…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="53"/>
        <source>Type the passphrase again:</source>
        <translation>Skriv lösenfrasen igen:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="77"/>
        <source>The passphrases differ. Try again.</source>
        <translation>Lösenfraserna stämmer inte överens. Försök igen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="31"/>
        <source>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</source>
        <translation>Inget säkert nyckelförråd hittades på den här datorn. Välj en lösenfras (minst 8 tecken) som skyddar dina uppgifter:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="199"/>
        <location filename="../../otdesk/ui/unlock.py" line="218"/>
        <source>Passphrase for your OT Desk data:</source>
        <extracomment>what ask_passphrase returns when &quot;Forgotten?&quot; was pressed
----------
the opening failed because the keyring has no key that fits: the recovery dialog the opening failed because the database (or its WAL) cannot be read: the damaged dialog a recovery the person typed did not open the vault: asked again, with the reason</extracomment>
        <translation>Lösenfras för dina uppgifter i OT Desk:</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="73"/>
        <source>Your contact details</source>
        <translation>Dina kontaktuppgifter</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="75"/>
        <source>The summary tells the requester how to reach you. These details are printed in its contact box and name you in the log. You can change them later in Tools → Settings.</source>
        <translation>Sammanfattningen berättar för beställaren hur du nås. Uppgifterna skrivs ut i dess kontaktruta och ditt namn antecknas i händelseloggen. Du kan ändra dem senare under Verktyg → Inställningar.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="82"/>
        <source>&amp;Later</source>
        <translation>&amp;Senare</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="23"/>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="24"/>
        <source>Your title</source>
        <translation>Din titel</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="25"/>
        <source>e.g. OT coordinator, psychologist</source>
        <translation>t.ex. OT-koordinator, psykolog</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="26"/>
        <source>Your phone number</source>
        <translation>Ditt telefonnummer</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="27"/>
        <source>Your e-mail address</source>
        <translation>Din e-postadress</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="34"/>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="35"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="36"/>
        <source>P&amp;hone</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/profile_dialog.py" line="37"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-post</translation>
    </message>
</context>
<context>
    <name>RecordListEditor</name>
    <message>
        <location filename="../../otdesk/ui/list_editors.py" line="178"/>
        <source>Remove row %1 and what is written in it?</source>
        <translation>Vill du ta bort rad %1 och det som står på den?</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="96"/>
        <location filename="../../otdesk/ui/key_dialogs.py" line="106"/>
        <location filename="../../otdesk/ui/key_dialogs.py" line="136"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="97"/>
        <source>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</source>
        <translation>Skriv ner eller skriv ut den här återställningskoden och förvara den inlåst. Den visas bara nu. Med den kan du öppna dina uppgifter om nyckelförrådet eller lösenfrasen går förlorad.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="108"/>
        <source>&amp;Print…</source>
        <translation>&amp;Skriv ut…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="109"/>
        <source>Print the recovery code</source>
        <translation>Skriv ut återställningskoden</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="111"/>
        <source>I have &amp;written down or printed the code</source>
        <translation>Jag har skrivit &amp;ner eller skrivit ut koden</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="112"/>
        <source>I have written down or printed the code</source>
        <translation>Jag har skrivit ner eller skrivit ut koden</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/key_dialogs.py" line="113"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsätt</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="35"/>
        <source>The key in this computer&apos;s keyring no longer fits your OT Desk data (the keyring was changed or replaced). Nothing is lost and nothing was changed: open the data once with the passphrase or the recovery code, and the right key is put back in the keyring.</source>
        <translation>Nyckeln i den här datorns nyckelförråd passar inte längre dina OT Desk-uppgifter (nyckelförrådet har bytts ut). Inget har gått förlorat eller ändrats: öppna uppgifterna en gång med lösenfrasen eller återställningskoden, så läggs rätt nyckel tillbaka i nyckelförrådet.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="41"/>
        <source>This computer&apos;s keyring does not answer, so the key of your OT Desk data cannot be read from it. Nothing is lost: open the data with the recovery code and choose a passphrase to keep the key under.</source>
        <translation>Den här datorns nyckelförråd svarar inte, så nyckeln till dina OT Desk-uppgifter kan inte läsas därifrån. Inget har gått förlorat: öppna uppgifterna med återställningskoden och välj en lösenfras som skyddar nyckeln.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="46"/>
        <source>Open your OT Desk data with the recovery code, and choose a new passphrase.</source>
        <translation>Öppna dina OT Desk-uppgifter med återställningskoden och välj en ny lösenfras.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="49"/>
        <source>The key of your OT Desk data is not in this computer&apos;s keyring (for example after a new login keyring or a change of keyring). Nothing is lost: open the data once with the passphrase or the recovery code, and the key is put back in the keyring.</source>
        <translation>Nyckeln till dina OT Desk-uppgifter finns inte i den här datorns nyckelförråd (till exempel efter ett nytt inloggningsnyckelförråd eller ett byte av nyckelförråd). Inget har gått förlorat: öppna uppgifterna en gång med lösenfrasen eller återställningskoden, så läggs nyckeln tillbaka i nyckelförrådet.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="66"/>
        <source>Open your OT Desk data</source>
        <translation>Öppna dina OT Desk-uppgifter</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="69"/>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="76"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="78"/>
        <source>Your &amp;passphrase:</source>
        <translation>Din &amp;lösenfras:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="83"/>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="88"/>
        <source>Eight groups of five characters; spaces, dashes and small letters are fine</source>
        <translation>Åtta grupper om fem tecken; mellanslag, bindestreck och små bokstäver går bra</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="89"/>
        <source>or the &amp;recovery code:</source>
        <translation>eller å&amp;terställningskoden:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="90"/>
        <source>The &amp;recovery code:</source>
        <translation>Å&amp;terställningskoden:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="93"/>
        <source>New passphrase</source>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="96"/>
        <source>New passphrase again</source>
        <translation>Ny lösenfras igen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="98"/>
        <source>&amp;New passphrase (no secure keyring here):</source>
        <translation>&amp;Ny lösenfras (inget säkert nyckelförråd här):</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="100"/>
        <source>New passphrase &amp;again:</source>
        <translation>Ny lösenfras &amp;igen:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="106"/>
        <source>Neither at hand? IT can open your data with the organisation&apos;s escrow key. Tell IT the folder {folder} and the vault id {vault}; IT runs otdesk escrow-recover on this computer.</source>
        <translation>Har du ingetdera till hands? IT kan öppna dina uppgifter med organisationens depositionsnyckel. Ge IT mappen {folder} och databasens id {vault}; IT kör otdesk escrow-recover på den här datorn.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="112"/>
        <source>Neither at hand? This vault has no escrow copy for IT, so only the passphrase or the recovery code opens it. Nothing has been changed or deleted; keep the folder {folder}.</source>
        <translation>Har du ingetdera till hands? Den här databasen har ingen depositionskopia för IT, så bara lösenfrasen eller återställningskoden öppnar den. Inget har ändrats eller raderats; behåll mappen {folder}.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="119"/>
        <source>What to tell IT</source>
        <translation>Vad du ska säga till IT</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="124"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="127"/>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="130"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="157"/>
        <source>Type the recovery code (or the passphrase).</source>
        <translation>Skriv återställningskoden (eller lösenfrasen).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/recovery_dialog.py" line="170"/>
        <source>The new passphrases differ. Type them again.</source>
        <translation>De nya lösenfraserna skiljer sig. Skriv dem igen.</translation>
    </message>
</context>
<context>
    <name>RefusalBox</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="109"/>
        <source>&amp;Go to the field</source>
        <translation>&amp;Gå till fältet</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="28"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="30"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="37"/>
        <source>Intake within working days</source>
        <translation>Mottagning till behandling inom antal arbetsdagar</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="41"/>
        <source>Preparation within working days</source>
        <translation>Förberedelse inom antal arbetsdagar</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="42"/>
        <source>&amp;Underline unknown words in the text fields</source>
        <translation>&amp;Stryk under okända ord i textfälten</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="44"/>
        <location filename="../../otdesk/ui/settings_dialog.py" line="63"/>
        <source>Spelling check</source>
        <translation>Stavningskontroll</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="45"/>
        <source>A new language and new deadlines take effect when OT Desk is started again.</source>
        <translation>Ett nytt språk och nya tidsfrister börjar gälla när OT Desk startas på nytt.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="49"/>
        <source>Your contact details (printed on the summary)</source>
        <translation>Dina kontaktuppgifter (skrivs ut på sammanfattningen)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="56"/>
        <source>Set by the organisation&apos;s policy</source>
        <translation>Organisationens policy</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="58"/>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="59"/>
        <source>&amp;Intake within (working days)</source>
        <translation>&amp;Mottagning inom (arbetsdagar)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="61"/>
        <source>&amp;Preparation within (working days)</source>
        <translation>&amp;Förberedelse inom (arbetsdagar)</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <location filename="../../otdesk/ui/spell_check.py" line="200"/>
        <source>No suggestions</source>
        <translation>Inga förslag</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/spell_check.py" line="204"/>
        <source>&amp;Add to dictionary</source>
        <translation>&amp;Lägg till i ordlistan</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="148"/>
        <source>Language of the summary</source>
        <translation>Sammanfattningens språk</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="154"/>
        <source>&amp;Print…</source>
        <translation>&amp;Skriv ut…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="155"/>
        <location filename="../../otdesk/ui/summary_page.py" line="376"/>
        <source>Print the summary</source>
        <translation>Skriv ut sammanfattningen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="157"/>
        <source>Save as P&amp;DF…</source>
        <translation>Spara som &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="158"/>
        <source>Save the summary as a PDF file</source>
        <translation>Spara sammanfattningen som en PDF-fil</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="160"/>
        <source>The organisation&apos;s policy does not allow this.</source>
        <translation>Organisationens policy tillåter inte detta.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="165"/>
        <source>Summary state</source>
        <translation>Sammanfattningens status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="171"/>
        <source>Why the summary cannot be delivered yet</source>
        <translation>Varför sammanfattningen inte kan överlämnas ännu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="174"/>
        <source>Preview of the summary</source>
        <translation>Förhandsvisning av sammanfattningen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="178"/>
        <source>Text of the summary</source>
        <translation>Sammanfattningens text</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="181"/>
        <source>Show as te&amp;xt</source>
        <translation>Visa som te&amp;xt</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="185"/>
        <source>A picture of the pages; Show as text gives the same pages as text.</source>
        <translation>En bild av sidorna; Visa som text ger samma sidor som text.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="187"/>
        <source>Delivered summaries</source>
        <translation>Överlämnade sammanfattningar</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="192"/>
        <source>New addendum</source>
        <translation>Nytt tillägg</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="195"/>
        <source>&amp;Add addendum</source>
        <translation>Anteckna &amp;tillägg</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="196"/>
        <source>Add addendum</source>
        <translation>Anteckna tillägg</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="198"/>
        <source>Show the current version</source>
        <translation>Visa den aktuella versionen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="202"/>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="211"/>
        <source>Delivered</source>
        <translation>Överlämnade</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="215"/>
        <source>Addendum</source>
        <translation>Tillägg</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="225"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="280"/>
        <source>Preparing the preview…</source>
        <translation>Förhandsvisningen förbereds…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="311"/>
        <source>Delivered: the record is sealed. Later changes are written as dated addenda; printing now gives version %1.</source>
        <translation>Överlämnad: uppgifterna är låsta. Senare ändringar skrivs som daterade tillägg; om du skriver ut nu blir det version %1.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="315"/>
        <source>Not delivered yet. Printing or saving records the delivery and seals the record.</source>
        <translation>Inte överlämnad ännu. När du skriver ut eller sparar sammanfattningen registreras överlämnandet och uppgifterna låses.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="327"/>
        <source>printed</source>
        <translation>utskriven</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="327"/>
        <source>saved as PDF</source>
        <translation>sparad som PDF</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="340"/>
        <source>Opening the delivered version…</source>
        <translation>Den överlämnade versionen öppnas…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="351"/>
        <source>Showing a delivered summary: %1. Printing or saving now hands out exactly this version again.</source>
        <translation>En överlämnad sammanfattning visas: %1. Utskrift eller sparande lämnar nu ut exakt denna version igen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="397"/>
        <source>Printing…</source>
        <translation>Skriver ut…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="461"/>
        <location filename="../../otdesk/ui/summary_page.py" line="501"/>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="478"/>
        <source>Printed version %1 at %2.</source>
        <translation>Version %1 skrevs ut kl. %2.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="480"/>
        <source>Saved version %1 as a PDF at %2.</source>
        <translation>Version %1 sparades som PDF kl. %2.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="483"/>
        <source>Exactly the delivered version was handed out again.</source>
        <translation>Exakt samma överlämnade version lämnades ut igen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="451"/>
        <source>Save the summary</source>
        <translation>Spara sammanfattningen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="453"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>UnencryptedWarning</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="89"/>
        <source>The saved PDF file is not encrypted.</source>
        <extracomment>refusals that name a field the consultant can go to and fix</extracomment>
        <translation>Den sparade PDF-filen är inte krypterad.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="91"/>
        <source>Save it only where the requester&apos;s confidential documents may be kept, and delete it when it has been sent.</source>
        <translation>Spara den bara där beställarens sekretessbelagda handlingar får förvaras, och radera den när den har skickats.</translation>
    </message>
</context>
</TS>
