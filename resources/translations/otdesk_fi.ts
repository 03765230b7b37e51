<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>AgendaBar</name>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="26"/>
        <source>Session agenda</source>
        <translation>Tapaamisen asialista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="39"/>
        <source>in all %1 min</source>
        <translation>yhteensä %1 min</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="42"/>
        <source>Session clock</source>
        <translation>Tapaamisen ajanotto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="43"/>
        <location filename="../../otdesk/ui/agenda.py" line="44"/>
        <location filename="../../otdesk/ui/agenda.py" line="69"/>
        <source>Start session clock</source>
        <translation>Käynnistä ajanotto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="63"/>
        <source>Stop session clock</source>
        <translation>Pysäytä ajanotto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="87"/>
        <source>%1 min — by the plan now: %2</source>
        <translation>%1 min — suunnitelman mukaan nyt: %2</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="80"/>
        <source>Guiding questions</source>
        <translation>Apukysymykset</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="80"/>
        <source>Add a &amp;rating</source>
        <translation>Lisää &amp;arvio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="81"/>
        <source>Add an &amp;option</source>
        <translation>Lisää &amp;vaihtoehto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="81"/>
        <source>Add a &amp;step</source>
        <translation>Lisää toimen&amp;pide</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="82"/>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="82"/>
        <source>Not asked yet</source>
        <translation>Ei vielä kysytty</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="85"/>
        <source>← &amp;List</source>
        <translation>← &amp;Luetteloon</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="86"/>
        <source>Back to the list</source>
        <translation>Takaisin luetteloon</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="89"/>
        <source>Consultation</source>
        <translation>Konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="93"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="98"/>
        <source>Next deadline</source>
        <translation>Seuraava määräaika</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="100"/>
        <source>Saving</source>
        <translation>Tallennus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="104"/>
        <source>Missing information</source>
        <translation>Puuttuvat tiedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="114"/>
        <source>Pages of the consultation</source>
        <translation>Konsultaation sivut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="119"/>
        <source>Request</source>
        <translation>Pyyntö</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="126"/>
        <location filename="../../otdesk/ui/editor.py" line="185"/>
        <source>Close-out</source>
        <translation>Päättäminen ja palaute</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="128"/>
        <source>Summary</source>
        <translation>Yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="132"/>
        <source>Sealed</source>
        <translation>Lukittu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="187"/>
        <source>Session</source>
        <translation>Konsultaatiotapaaminen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="189"/>
        <source>Session date</source>
        <translation>Tapaamisen päivämäärä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="191"/>
        <source>Session &amp;date</source>
        <translation>Tapaamisen &amp;päivämäärä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="193"/>
        <source>Duration in minutes</source>
        <translation>Kesto minuutteina</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="196"/>
        <source>D&amp;uration</source>
        <translation>K&amp;esto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="197"/>
        <source>Mode</source>
        <translation>Toteutustapa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="200"/>
        <source>&amp;Mode</source>
        <translation>Toteut&amp;ustapa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="202"/>
        <source>Requester&apos;s feedback</source>
        <translation>Pyytäjän palaute</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="204"/>
        <source>Feedback score from 1 to 5</source>
        <translation>Palautteen arvosana 1–5</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="206"/>
        <source>Score (1–5)</source>
        <translation>Arvosana (1–5)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="207"/>
        <source>Feedback comment</source>
        <translation>Palautteen kommentti</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="209"/>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="232"/>
        <source>Saved</source>
        <translation>Tallennettu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="257"/>
        <source>The summary has been delivered and the record is sealed. Write later changes as dated addenda on the Summary page.</source>
        <translation>Yhteenveto on toimitettu, ja tiedot on lukittu. Kirjaa myöhemmät muutokset päivättyinä lisäyksinä Yhteenveto-sivulla.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="323"/>
        <source>An anonymous consultation keeps no identifying details. Remove the client&apos;s details that were written down?</source>
        <translation>Anonyymiin konsultaatioon ei tallenneta tunnistetietoja. Poistetaanko kirjatut asiakkaan tiedot?</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="331"/>
        <source>Saving…</source>
        <translation>Tallennetaan…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="347"/>
        <source>Saved %1</source>
        <translation>Tallennettu klo %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="351"/>
        <source>NOT SAVED — trying again</source>
        <translation>EI TALLENNETTU — yritetään uudelleen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="359"/>
        <source>(organisation not given)</source>
        <translation>(organisaatiota ei kirjattu)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="361"/>
        <source>Status: %1</source>
        <translation>Tila: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="364"/>
        <source>intake due</source>
        <translation>käsittelyyn otto viimeistään</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="364"/>
        <source>preparation due</source>
        <translation>ennakkokäsittely viimeistään</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="365"/>
        <source>session</source>
        <translation>tapaaminen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="365"/>
        <source>follow-up</source>
        <translation>seuranta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="371"/>
        <source>OVERDUE</source>
        <translation>MYÖHÄSSÄ</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="380"/>
        <source>Intake due %1</source>
        <translation>Käsittelyyn otto viimeistään %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="382"/>
        <source>preparation due %1</source>
        <translation>ennakkokäsittely viimeistään %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="388"/>
        <source>Reason: %1</source>
        <translation>Syy: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="412"/>
        <source>Why is the request %1?</source>
        <translation>Pyyntö: %1. Mikä on syy?</translation>
    </message>
</context>
<context>
    <name>ConsultationList</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="202"/>
        <source>Search all text…</source>
        <translation>Hae kaikesta tekstistä…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="203"/>
        <source>Search consultations</source>
        <translation>Hae konsultaatioita</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="206"/>
        <source>Show status</source>
        <translation>Näytettävä tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="207"/>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="208"/>
        <source>Open (not closed)</source>
        <translation>Avoimet (ei päättyneet)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="211"/>
        <source>&amp;New consultation</source>
        <translation>&amp;Uusi konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="212"/>
        <source>New consultation</source>
        <translation>Uusi konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="218"/>
        <source>Consultations</source>
        <translation>Konsultaatiot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="237"/>
        <source>Number of consultations shown</source>
        <translation>Näytettyjen konsultaatioiden määrä</translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="314"/>
        <source>%n consultation(s)</source>
        <translation>
            <numerusform>%n konsultaatio</numerusform>
            <numerusform>%n konsultaatiota</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="316"/>
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
        <location filename="../../otdesk/ui/consultation_list.py" line="63"/>
        <source>Reference</source>
        <translation>Tunnus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="63"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="63"/>
        <source>Categories</source>
        <translation>Tilanneluokat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="64"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="64"/>
        <source>Next due</source>
        <translation>Seuraava määräaika</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="64"/>
        <source>Received</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="65"/>
        <source>intake</source>
        <translation>käsittelyyn otto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="65"/>
        <source>preparation</source>
        <translation>ennakkokäsittely</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="66"/>
        <source>session</source>
        <translation>tapaaminen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="66"/>
        <source>follow-up</source>
        <translation>seuranta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="67"/>
        <source>OVERDUE</source>
        <translation>MYÖHÄSSÄ</translation>
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
        <location filename="../../otdesk/ui/experts_dialog.py" line="59"/>
        <source>Expert directory</source>
        <translation>Asiantuntijahakemisto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="62"/>
        <source>Experts</source>
        <translation>Asiantuntijat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="64"/>
        <source>&amp;Add…</source>
        <translation>&amp;Lisää…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="65"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Muokkaa…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="66"/>
        <source>&amp;Remove</source>
        <translation>&amp;Poista</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="99"/>
        <source>An expert needs a name.</source>
        <translation>Anna asiantuntijalle nimi.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="127"/>
        <source>Remove %1 from the directory? Consultations that named them keep the name.</source>
        <translation>Poistetaanko %1 hakemistosta? Konsultaatioihin jo kirjattu nimi säilyy.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="115"/>
        <source>Request</source>
        <translation>Pyyntö</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="119"/>
        <source>Deadlines</source>
        <translation>Määräajat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="128"/>
        <source>Requester</source>
        <translation>Pyytävä ammattilainen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="130"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="131"/>
        <source>&amp;Name</source>
        <translation>&amp;Nimi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="132"/>
        <source>&amp;Title</source>
        <translation>Tehtä&amp;vänimike</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="132"/>
        <source>Title</source>
        <translation>Tehtävänimike</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="133"/>
        <source>e.g. social worker</source>
        <translation>esim. sosiaalityöntekijä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="134"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="135"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="136"/>
        <source>Sector</source>
        <translation>Sektori</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="138"/>
        <source>&amp;Sector</source>
        <translation>Sekto&amp;ri</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="139"/>
        <source>Wellbeing region</source>
        <translation>Hyvinvointialue</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="142"/>
        <source>Wellbeing &amp;region</source>
        <translation>&amp;Hyvinvointialue</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="143"/>
        <source>&amp;Phone</source>
        <translation>&amp;Puhelin</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="143"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="144"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Sähköposti</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="144"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="148"/>
        <source>The request</source>
        <translation>Pyynnön sisältö</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="150"/>
        <source>Channel</source>
        <translation>Yhteydenottotapa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="152"/>
        <source>C&amp;hannel</source>
        <translation>&amp;Yhteydenottotapa</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="153"/>
        <source>Received</source>
        <translation>Saapunut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="155"/>
        <source>Recei&amp;ved</source>
        <translation>Saap&amp;unut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="156"/>
        <source>The consultation question</source>
        <translation>Konsultaatiokysymys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="158"/>
        <source>&amp;Question</source>
        <translation>Kysy&amp;mys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="159"/>
        <location filename="../../otdesk/ui/intake_page.py" line="162"/>
        <source>Situation categories</source>
        <translation>Tilanneluokat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="166"/>
        <source>Client data</source>
        <translation>Asiakastiedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="169"/>
        <source>&amp;Anonymous (no data identifying the client)</source>
        <translation>&amp;Anonyymi (ei asiakkaan tunnistetietoja)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="170"/>
        <source>&amp;Identified, with the client&apos;s consent</source>
        <translation>Tunn&amp;istettava, asiakkaan suostumuksella</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="170"/>
        <source>Anonymity</source>
        <translation>Anonymiteetti</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="176"/>
        <location filename="../../otdesk/ui/intake_page.py" line="177"/>
        <source>Consent given by</source>
        <translation>Suostumuksen antaja</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="178"/>
        <location filename="../../otdesk/ui/intake_page.py" line="180"/>
        <source>Consent given on</source>
        <translation>Suostumus annettu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="181"/>
        <location filename="../../otdesk/ui/intake_page.py" line="182"/>
        <source>Scope of consent</source>
        <translation>Suostumuksen laajuus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="183"/>
        <source>Client (identifying details)</source>
        <translation>Asiakas (tunnistetiedot)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="185"/>
        <source>Client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="190"/>
        <source>Consultation</source>
        <translation>Konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="192"/>
        <source>Consultants</source>
        <translation>Konsultoijat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="193"/>
        <source>Names, separated by commas</source>
        <translation>Nimet pilkuilla erotettuina</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="195"/>
        <source>Consul&amp;tants</source>
        <translation>Konsultoi&amp;jat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="196"/>
        <location filename="../../otdesk/ui/intake_page.py" line="198"/>
        <source>Taken into processing on</source>
        <translation>Otettu käsittelyyn</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="199"/>
        <location filename="../../otdesk/ui/intake_page.py" line="201"/>
        <source>Experts</source>
        <translation>Asiantuntijat</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="199"/>
        <source>suggested</source>
        <translation>ehdotettu</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="62"/>
        <source>OT Desk is locked after a time without use (organisation&apos;s policy).</source>
        <translation>OT Desk lukittiin, koska sitä ei ole käytetty hetkeen (organisaation linjaus).</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="65"/>
        <source>&amp;Unlock…</source>
        <translation>&amp;Avaa lukitus…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="103"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="104"/>
        <source>&amp;New consultation</source>
        <translation>&amp;Uusi konsultaatio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="108"/>
        <source>Consultation &amp;list</source>
        <translation>&amp;Konsultaatioluettelo</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="113"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="118"/>
        <source>&amp;Tools</source>
        <translation>Työ&amp;kalut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="119"/>
        <source>&amp;Expert directory…</source>
        <translation>Asiantuntija&amp;hakemisto…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="122"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="28"/>
        <source>Passphrase</source>
        <translation>Tunnuslause</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="32"/>
        <source>Passphrase again</source>
        <translation>Tunnuslause uudelleen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="35"/>
        <source>Problem</source>
        <translation>Ongelma</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="46"/>
        <source>Type the passphrase again:</source>
        <translation>Kirjoita tunnuslause uudelleen:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="63"/>
        <source>The passphrases differ. Try again.</source>
        <translation>Tunnuslauseet eivät täsmää. Yritä uudelleen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="137"/>
        <source>No secure keyring was found on this computer. Choose a passphrase (at least 8 characters) to protect your data:</source>
        <translation>Tältä tietokoneelta ei löytynyt turvallista avainsäilöä. Valitse tunnuslause (vähintään 8 merkkiä), joka suojaa tietosi:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/autolock.py" line="115"/>
        <location filename="../../otdesk/ui/unlock.py" line="163"/>
        <source>Passphrase for your OT Desk data:</source>
        <translation>Tunnuslause OT Deskin tietoihisi:</translation>
    </message>
</context>
<context>
    <name>RecordListEditor</name>
    <message>
        <location filename="../../otdesk/ui/list_editors.py" line="161"/>
        <source>Remove row %1 and what is written in it?</source>
        <translation>Poistetaanko rivi %1 ja siihen kirjoitettu teksti?</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="82"/>
        <location filename="../../otdesk/ui/unlock.py" line="92"/>
        <location filename="../../otdesk/ui/unlock.py" line="122"/>
        <source>Recovery code</source>
        <translation>Palautuskoodi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="83"/>
        <source>Write down or print this recovery code and keep it locked away. It is shown only now. It opens your data if the keyring or the passphrase is lost.</source>
        <translation>Kirjoita tämä palautuskoodi ylös tai tulosta se ja säilytä sitä lukitussa paikassa. Koodi näytetään vain nyt. Sillä saat tietosi auki, jos avainsäilö tai tunnuslause katoaa.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="94"/>
        <source>&amp;Print…</source>
        <translation>&amp;Tulosta…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="95"/>
        <source>Print the recovery code</source>
        <translation>Tulosta palautuskoodi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="97"/>
        <source>I have &amp;written down or printed the code</source>
        <translation>Olen &amp;kirjoittanut koodin ylös tai tulostanut sen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="98"/>
        <source>I have written down or printed the code</source>
        <translation>Olen kirjoittanut koodin ylös tai tulostanut sen</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/unlock.py" line="99"/>
        <source>&amp;Continue</source>
        <translation>&amp;Jatka</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="26"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="28"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="35"/>
        <source>Intake within working days</source>
        <translation>Käsittelyyn oton määräaika työpäivinä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="39"/>
        <source>Preparation within working days</source>
        <translation>Ennakkokäsittelyn määräaika työpäivinä</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="40"/>
        <source>A new language and new deadlines take effect when OT Desk is started again.</source>
        <translation>Uusi kieli ja uudet määräajat tulevat käyttöön, kun OT Desk käynnistetään uudelleen.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="44"/>
        <source>Set by the organisation&apos;s policy</source>
        <translation>Organisaation linjaus</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="46"/>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="47"/>
        <source>&amp;Intake within (working days)</source>
        <translation>Käsittelyyn &amp;oton määräaika (työpäivää)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="49"/>
        <source>&amp;Preparation within (working days)</source>
        <translation>&amp;Ennakkokäsittelyn määräaika (työpäivää)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="89"/>
        <source>Language of the summary</source>
        <translation>Yhteenvedon kieli</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="94"/>
        <source>&amp;Print…</source>
        <translation>T&amp;ulosta…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="95"/>
        <source>Print the summary</source>
        <translation>Tulosta yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="97"/>
        <source>Save as P&amp;DF…</source>
        <translation>Tallenna &amp;PDF-tiedostoksi…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="98"/>
        <source>Save the summary as a PDF file</source>
        <translation>Tallenna yhteenveto PDF-tiedostoksi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="100"/>
        <source>The organisation&apos;s policy does not allow this.</source>
        <translation>Organisaation linjaus ei salli tätä.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="108"/>
        <source>Summary state</source>
        <translation>Yhteenvedon tila</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="110"/>
        <source>Preview of the summary</source>
        <translation>Yhteenvedon esikatselu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="112"/>
        <source>Delivered summaries</source>
        <translation>Toimitetut yhteenvedot</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="117"/>
        <source>New addendum</source>
        <translation>Uusi lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="120"/>
        <source>&amp;Add addendum</source>
        <translation>Kirj&amp;aa lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="121"/>
        <source>Add addendum</source>
        <translation>Kirjaa lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="123"/>
        <source>Show the current version</source>
        <translation>Näytä nykyinen versio</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="127"/>
        <source>Language:</source>
        <translation>Kieli:</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="134"/>
        <source>Delivered</source>
        <translation>Toimitetut</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="138"/>
        <source>Addendum</source>
        <translation>Lisäys</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="147"/>
        <source>Summary</source>
        <translation>Yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="175"/>
        <source>Delivered: the record is sealed. Later changes are written as dated addenda; printing now gives version %1.</source>
        <translation>Toimitettu: tiedot on lukittu. Myöhemmät muutokset kirjataan päivättyinä lisäyksinä; jos tulostat nyt, tuloste on versio %1.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="179"/>
        <source>Not delivered yet. Printing or saving records the delivery and seals the record.</source>
        <translation>Ei vielä toimitettu. Kun tulostat tai tallennat yhteenvedon, toimitus kirjataan ja tiedot lukitaan.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="186"/>
        <source>printed</source>
        <translation>tulostettu</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="186"/>
        <source>saved as PDF</source>
        <translation>tallennettu PDF:ksi</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="202"/>
        <source>Showing a delivered summary: %1</source>
        <translation>Näytetään toimitettu yhteenveto: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="240"/>
        <source>The saved PDF file is not encrypted. Save it only where the requester&apos;s confidential documents may be kept, and delete it when it has been sent.</source>
        <translation>Tallennettua PDF-tiedostoa ei ole salattu. Tallenna se vain paikkaan, jossa pyytävän ammattilaisen salassa pidettäviä asiakirjoja saa säilyttää, ja poista se, kun se on lähetetty.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="243"/>
        <source>Save the summary</source>
        <translation>Tallenna yhteenveto</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/summary_page.py" line="244"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
</context>
</TS>
