<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgendaBar</name>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="26"/>
        <source>Session agenda</source>
        <translation>Session agenda</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="39"/>
        <source>in all %1 min</source>
        <translation>in all %1 min</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="42"/>
        <source>Session clock</source>
        <translation>Session clock</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="43"/>
        <location filename="../../otdesk/ui/agenda.py" line="44"/>
        <location filename="../../otdesk/ui/agenda.py" line="69"/>
        <source>Start session clock</source>
        <translation>Start session clock</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="63"/>
        <source>Stop session clock</source>
        <translation>Stop session clock</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/agenda.py" line="87"/>
        <source>%1 min — by the plan now: %2</source>
        <translation>%1 min — by the plan now: %2</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="85"/>
        <source>Guiding questions</source>
        <extracomment>wait this long after the last keystroke before saving … … but never let an edit wait longer than this</extracomment>
        <translation>Guiding questions</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="85"/>
        <source>Add a &amp;rating</source>
        <translation>Add a &amp;rating</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="86"/>
        <source>Add an &amp;option</source>
        <translation>Add an &amp;option</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="86"/>
        <source>Add a &amp;step</source>
        <translation>Add a &amp;step</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="87"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="87"/>
        <source>Not asked yet</source>
        <translation>Not asked yet</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="90"/>
        <source>← &amp;List</source>
        <translation>← &amp;List</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="91"/>
        <source>Back to the list</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="94"/>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="98"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="103"/>
        <source>Next deadline</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="105"/>
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="109"/>
        <source>Missing information</source>
        <translation>Missing information</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="119"/>
        <source>Pages of the consultation</source>
        <translation>Pages of the consultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="124"/>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="131"/>
        <source>Close-out</source>
        <translation>Close-out</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="183"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="185"/>
        <source>Session date</source>
        <translation>Session date</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="187"/>
        <source>Session &amp;date</source>
        <translation>Session &amp;date</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="189"/>
        <source>Duration in minutes</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="192"/>
        <source>D&amp;uration</source>
        <translation>D&amp;uration</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="193"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="196"/>
        <source>&amp;Mode</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="198"/>
        <source>Requester&apos;s feedback</source>
        <translation>Requester&apos;s feedback</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="200"/>
        <source>Feedback score from 1 to 5</source>
        <translation>Feedback score from 1 to 5</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="202"/>
        <source>Score (1–5)</source>
        <translation>Score (1–5)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="203"/>
        <source>Feedback comment</source>
        <translation>Feedback comment</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="205"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="227"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="289"/>
        <source>An anonymous consultation keeps no identifying details. Remove the client&apos;s details that were written down?</source>
        <translation>An anonymous consultation keeps no identifying details. Remove the client&apos;s details that were written down?</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="297"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="313"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="317"/>
        <source>NOT SAVED — trying again</source>
        <translation>NOT SAVED — trying again</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="325"/>
        <source>(organisation not given)</source>
        <translation>(organisation not given)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="327"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="330"/>
        <source>intake due</source>
        <translation>intake due</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="330"/>
        <source>preparation due</source>
        <translation>preparation due</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="331"/>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="331"/>
        <source>follow-up</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="337"/>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="346"/>
        <source>Intake due %1</source>
        <translation>Intake due %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="348"/>
        <source>preparation due %1</source>
        <translation>preparation due %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="354"/>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/editor.py" line="378"/>
        <source>Why is the request %1?</source>
        <translation>Why is the request %1?</translation>
    </message>
</context>
<context>
    <name>ConsultationList</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="175"/>
        <source>Search all text…</source>
        <translation>Search all text…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="176"/>
        <source>Search consultations</source>
        <translation>Search consultations</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="179"/>
        <source>Show status</source>
        <translation>Show status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="180"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="181"/>
        <source>Open (not closed)</source>
        <translation>Open (not closed)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="184"/>
        <source>&amp;New consultation</source>
        <translation>&amp;New consultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="185"/>
        <source>New consultation</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="194"/>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="213"/>
        <source>Number of consultations shown</source>
        <translation>Number of consultations shown</translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="263"/>
        <source>%n consultation(s)</source>
        <translation>
            <numerusform>%n consultation</numerusform>
            <numerusform>%n consultations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../otdesk/ui/consultation_list.py" line="265"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsultationTableModel</name>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="56"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="56"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="56"/>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="57"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="57"/>
        <source>Next due</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="57"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="58"/>
        <source>intake</source>
        <translation>intake</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="58"/>
        <source>preparation</source>
        <translation>preparation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="59"/>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="59"/>
        <source>follow-up</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/consultation_list.py" line="60"/>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
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
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="27"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="30"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="32"/>
        <location filename="../../otdesk/ui/experts_dialog.py" line="40"/>
        <source>Situations covered</source>
        <translation>Situations covered</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="37"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="38"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="39"/>
        <source>&amp;Contact</source>
        <translation>&amp;Contact</translation>
    </message>
</context>
<context>
    <name>ExpertsDialog</name>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="59"/>
        <source>Expert directory</source>
        <translation>Expert directory</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="62"/>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="64"/>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="65"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="66"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="99"/>
        <source>An expert needs a name.</source>
        <translation>An expert needs a name.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/experts_dialog.py" line="127"/>
        <source>Remove %1 from the directory? Consultations that named them keep the name.</source>
        <translation>Remove %1 from the directory? Consultations that named them keep the name.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="118"/>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="127"/>
        <source>Requester</source>
        <translation>Requester</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="129"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="130"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="131"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="131"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="132"/>
        <source>e.g. social worker</source>
        <translation>e.g. social worker</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="133"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="134"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="135"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="137"/>
        <source>&amp;Sector</source>
        <translation>&amp;Sector</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="138"/>
        <source>Wellbeing region</source>
        <translation>Wellbeing region</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="141"/>
        <source>Wellbeing &amp;region</source>
        <translation>Wellbeing &amp;region</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="142"/>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="142"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="143"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="143"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="147"/>
        <source>The request</source>
        <translation>The request</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="149"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="151"/>
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="152"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="154"/>
        <source>Recei&amp;ved</source>
        <translation>Recei&amp;ved</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="155"/>
        <source>The consultation question</source>
        <translation>The consultation question</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="157"/>
        <source>&amp;Question</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="158"/>
        <location filename="../../otdesk/ui/intake_page.py" line="161"/>
        <source>Situation categories</source>
        <translation>Situation categories</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="165"/>
        <source>Client data</source>
        <translation>Client data</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="168"/>
        <source>&amp;Anonymous (no data identifying the client)</source>
        <translation>&amp;Anonymous (no data identifying the client)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="169"/>
        <source>&amp;Identified, with the client&apos;s consent</source>
        <translation>&amp;Identified, with the client&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="169"/>
        <source>Anonymity</source>
        <translation>Anonymity</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="175"/>
        <location filename="../../otdesk/ui/intake_page.py" line="176"/>
        <source>Consent given by</source>
        <translation>Consent given by</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="177"/>
        <location filename="../../otdesk/ui/intake_page.py" line="179"/>
        <source>Consent given on</source>
        <translation>Consent given on</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="180"/>
        <location filename="../../otdesk/ui/intake_page.py" line="181"/>
        <source>Scope of consent</source>
        <translation>Scope of consent</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="182"/>
        <source>Client (identifying details)</source>
        <translation>Client (identifying details)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="184"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="189"/>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="191"/>
        <source>Consultants</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="192"/>
        <source>Names, separated by commas</source>
        <translation>Names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="194"/>
        <source>Consul&amp;tants</source>
        <translation>Consul&amp;tants</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="195"/>
        <location filename="../../otdesk/ui/intake_page.py" line="197"/>
        <source>Taken into processing on</source>
        <translation>Taken into processing on</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="198"/>
        <location filename="../../otdesk/ui/intake_page.py" line="200"/>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/intake_page.py" line="198"/>
        <source>suggested</source>
        <translation>suggested</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="63"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="64"/>
        <source>&amp;New consultation</source>
        <translation>&amp;New consultation</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="68"/>
        <source>Consultation &amp;list</source>
        <translation>Consultation &amp;list</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="73"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="78"/>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="79"/>
        <source>&amp;Expert directory…</source>
        <translation>&amp;Expert directory…</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/main_window.py" line="82"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
</context>
<context>
    <name>RecordListEditor</name>
    <message>
        <location filename="../../otdesk/ui/list_editors.py" line="161"/>
        <source>Remove row %1 and what is written in it?</source>
        <extracomment>option attributes that get a multi-line box in the card</extracomment>
        <translation>Remove row %1 and what is written in it?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="16"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="18"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="25"/>
        <source>Intake within working days</source>
        <translation>Intake within working days</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="29"/>
        <source>Preparation within working days</source>
        <translation>Preparation within working days</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="30"/>
        <source>A new language and new deadlines take effect when OT Desk is started again.</source>
        <translation>A new language and new deadlines take effect when OT Desk is started again.</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="34"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="35"/>
        <source>&amp;Intake within (working days)</source>
        <translation>&amp;Intake within (working days)</translation>
    </message>
    <message>
        <location filename="../../otdesk/ui/settings_dialog.py" line="36"/>
        <source>&amp;Preparation within (working days)</source>
        <translation>&amp;Preparation within (working days)</translation>
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
