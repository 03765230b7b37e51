"""Synthetic demo consultations, in Finnish, for trying the app and for benchmarks.

No Qt.  :func:`generate_cases` yields :class:`DemoCase` objects: a
:class:`~otdesk.core.domain.Consultation` that looks like the real thing — requests
from social care, health care and schools across the wellbeing regions, in
every status of the workflow, with situation, reflections, options and a
progression plan, all passing ``validate()`` — and, for the ones whose summary
went out, the :class:`DeliveryPlan` of what happened after the session.
:func:`insert_demo` stores them in an open vault.

"Summary delivered" and "closed" are never written as bare statuses: such a
consultation is created *held* (with everything a held consultation has) and
then delivered for real, through :mod:`otdesk.operations.delivery` — the
summary rendered from the stored record, its PDF kept, the record sealed —
followed by the requester's feedback, dated addenda (a few delivered again as a
second version) and, for the closed ones, the step to "closed".

Everything here is invented.  Texts are composed from phrase fragments so no
two consultations read the same; the only names are fictional professionals
(requesters, consultants).  Children and families are never named: they are
"poika, 13 v." at most, and only in identified consultations, which always
carry a complete consent record (so each can be delivered); no text holds a
personal identity code.  About 2 % of the consultations carry one very long
text (10 000–50 000 characters, like a pasted case history) to exercise search
and storage.

With a ``seed`` the output is reproducible for the same ``now``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from otdesk.core.domain import (
    CATEGORIES,
    REGIONS,
    Addendum,
    Consent,
    Consultation,
    Feedback,
    Option,
    PlanStep,
    Reflections,
    Requester,
    ScaleRating,
    Session,
)

try:
    from zoneinfo import ZoneInfo

    TZ: dt.tzinfo = ZoneInfo("Europe/Helsinki")
except Exception:  # no tz database: a fixed Finnish winter offset is good enough for demo data
    TZ = dt.timezone(dt.timedelta(hours=2))

#: share of consultations with one very long text field
LONG_TEXT_SHARE = 0.02
LONG_TEXT_RANGE = (10_000, 50_000)
#: the received dates cover about this many days back from now
SPAN_DAYS = 3 * 365
#: ``insert_demo(deliveries=None)`` delivers summaries for real up to this many
#: consultations (a summary is ~74 KB and ~80 ms to render; beyond this, the fast path)
DELIVERIES_UP_TO = 500
#: share of delivered consultations that get dated addenda, and of those, the share
#: whose summary is delivered again as a second version
ADDENDA_SHARE = 0.25
SECOND_VERSION_SHARE = 0.4

# --- who asks -------------------------------------------------------------------

FIRST_NAMES = (
    "Anna", "Maria", "Laura", "Hanna", "Johanna", "Sari", "Minna", "Tiina", "Katja", "Riikka",
    "Elina", "Paula", "Noora", "Satu", "Heidi", "Jenni", "Outi", "Marjo", "Kaisa", "Aino",
    "Mikko", "Jari", "Timo", "Antti", "Juha", "Petri", "Ville", "Janne", "Markus", "Tuomas",
    "Sami", "Kari", "Olli", "Eero", "Lauri", "Jussi",
)
LAST_NAMES = (
    "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
    "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
    "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
    "Ahonen", "Kettunen", "Miettinen", "Räsänen", "Pesonen", "Hiltunen", "Väisänen",
)
CONSULTANTS = (
    "Kirsi Halonen", "Pekka Ruotsalainen", "Leena Partanen", "Matti Huttunen",
    "Sanna Tikkanen", "Harri Kärkkäinen", "Tuula Oksanen", "Anu Hyvönen",
)
EXPERTS = (
    "Elmeri-koulu", "Oppimis- ja ohjauskeskus Valteri", "Vaalijalan osaamis- ja tukikeskus",
    "KYS vaativa lastenpsykiatria", "KYS lasten ja nuorten oikeuspsykiatrian tutkimusyksikkö",
    "KYS harvinaissairauksien yksikkö", "KYS toiminnallisten häiriöiden työryhmä",
    "Viola ry / Tukikeskus Varjo", "Barnahus", "VAURAS-hanke", "PALOMA-hanke", "Vaatu",
    "Sairaalakoulu", "Koulukoti", "EVA-hanke", "Päiväperho",
)

#: region -> (wellbeing region as an organisation, municipalities (nominative, organisation),
#: central hospital)
REGION_DATA: dict[str, tuple[str, tuple[tuple[str, str], ...], str]] = {
    "Itä-Uusimaa": ("Itä-Uudenmaan hyvinvointialue",
                    (("Porvoo", "Porvoon kaupunki"), ("Loviisa", "Loviisan kaupunki"),
                     ("Sipoo", "Sipoon kunta")), "HUS Porvoon sairaala"),
    "Keski-Uusimaa": ("Keski-Uudenmaan hyvinvointialue",
                      (("Hyvinkää", "Hyvinkään kaupunki"), ("Järvenpää", "Järvenpään kaupunki"),
                       ("Tuusula", "Tuusulan kunta"), ("Nurmijärvi", "Nurmijärven kunta")),
                      "HUS Hyvinkään sairaala"),
    "Länsi-Uusimaa": ("Länsi-Uudenmaan hyvinvointialue",
                      (("Espoo", "Espoon kaupunki"), ("Lohja", "Lohjan kaupunki"),
                       ("Kirkkonummi", "Kirkkonummen kunta")), "HUS Jorvin sairaala"),
    "Vantaa-Kerava": ("Vantaan ja Keravan hyvinvointialue",
                      (("Vantaa", "Vantaan kaupunki"), ("Kerava", "Keravan kaupunki")),
                      "HUS Peijaksen sairaala"),
    "Helsinki": ("Helsingin kaupunki", (("Helsinki", "Helsingin kaupunki"),),
                 "HUS Uusi lastensairaala"),
    "Varsinais-Suomi": ("Varsinais-Suomen hyvinvointialue",
                        (("Turku", "Turun kaupunki"), ("Salo", "Salon kaupunki"),
                         ("Kaarina", "Kaarinan kaupunki"), ("Raisio", "Raision kaupunki")),
                        "TYKS"),
    "Satakunta": ("Satakunnan hyvinvointialue",
                  (("Pori", "Porin kaupunki"), ("Rauma", "Rauman kaupunki")), "Satasairaala"),
    "Kanta-Häme": ("Kanta-Hämeen hyvinvointialue",
                   (("Hämeenlinna", "Hämeenlinnan kaupunki"), ("Riihimäki", "Riihimäen kaupunki"),
                    ("Forssa", "Forssan kaupunki")), "Kanta-Hämeen keskussairaala"),
    "Pirkanmaa": ("Pirkanmaan hyvinvointialue",
                  (("Tampere", "Tampereen kaupunki"), ("Nokia", "Nokian kaupunki"),
                   ("Ylöjärvi", "Ylöjärven kaupunki"), ("Kangasala", "Kangasalan kaupunki")),
                  "TAYS"),
    "Päijät-Häme": ("Päijät-Hämeen hyvinvointialue",
                    (("Lahti", "Lahden kaupunki"), ("Heinola", "Heinolan kaupunki")),
                    "Päijät-Hämeen keskussairaala"),
    "Kymenlaakso": ("Kymenlaakson hyvinvointialue",
                    (("Kotka", "Kotkan kaupunki"), ("Kouvola", "Kouvolan kaupunki"),
                     ("Hamina", "Haminan kaupunki")), "Kymenlaakson keskussairaala"),
    "Etelä-Karjala": ("Etelä-Karjalan hyvinvointialue",
                      (("Lappeenranta", "Lappeenrannan kaupunki"), ("Imatra", "Imatran kaupunki")),
                      "Etelä-Karjalan keskussairaala"),
    "Etelä-Savo": ("Etelä-Savon hyvinvointialue",
                   (("Mikkeli", "Mikkelin kaupunki"), ("Savonlinna", "Savonlinnan kaupunki"),
                    ("Pieksämäki", "Pieksämäen kaupunki")), "Mikkelin keskussairaala"),
    "Pohjois-Savo": ("Pohjois-Savon hyvinvointialue",
                     (("Kuopio", "Kuopion kaupunki"), ("Iisalmi", "Iisalmen kaupunki"),
                      ("Varkaus", "Varkauden kaupunki")), "KYS"),
    "Pohjois-Karjala": ("Pohjois-Karjalan hyvinvointialue",
                        (("Joensuu", "Joensuun kaupunki"), ("Kitee", "Kiteen kaupunki"),
                         ("Nurmes", "Nurmeksen kaupunki")), "Pohjois-Karjalan keskussairaala"),
    "Keski-Suomi": ("Keski-Suomen hyvinvointialue",
                    (("Jyväskylä", "Jyväskylän kaupunki"), ("Äänekoski", "Äänekosken kaupunki"),
                     ("Jämsä", "Jämsän kaupunki")), "Sairaala Nova"),
    "Etelä-Pohjanmaa": ("Etelä-Pohjanmaan hyvinvointialue",
                        (("Seinäjoki", "Seinäjoen kaupunki"), ("Lapua", "Lapuan kaupunki"),
                         ("Kauhajoki", "Kauhajoen kaupunki")), "Seinäjoen keskussairaala"),
    "Pohjanmaa": ("Pohjanmaan hyvinvointialue",
                  (("Vaasa", "Vaasan kaupunki"), ("Mustasaari", "Mustasaaren kunta"),
                   ("Pietarsaari", "Pietarsaaren kaupunki")), "Vaasan keskussairaala"),
    "Keski-Pohjanmaa": ("Keski-Pohjanmaan hyvinvointialue",
                        (("Kokkola", "Kokkolan kaupunki"), ("Kannus", "Kannuksen kaupunki")),
                        "Keski-Pohjanmaan keskussairaala"),
    "Pohjois-Pohjanmaa": ("Pohjois-Pohjanmaan hyvinvointialue",
                          (("Oulu", "Oulun kaupunki"), ("Raahe", "Raahen kaupunki"),
                           ("Kempele", "Kempeleen kunta"), ("Ylivieska", "Ylivieskan kaupunki")),
                          "OYS"),
    "Kainuu": ("Kainuun hyvinvointialue",
               (("Kajaani", "Kajaanin kaupunki"), ("Kuhmo", "Kuhmon kaupunki"),
                ("Sotkamo", "Sotkamon kunta")), "Kainuun keskussairaala"),
    "Lappi": ("Lapin hyvinvointialue",
              (("Rovaniemi", "Rovaniemen kaupunki"), ("Kemi", "Kemin kaupunki"),
               ("Tornio", "Tornion kaupunki"), ("Sodankylä", "Sodankylän kunta")),
              "Lapin keskussairaala"),
}
#: a rough weight per region (population-ish), so the big regions ask more
REGION_WEIGHTS = {
    "Helsinki": 9, "Pirkanmaa": 7, "Varsinais-Suomi": 7, "Länsi-Uusimaa": 7,
    "Pohjois-Pohjanmaa": 6, "Pohjois-Savo": 8, "Keski-Suomi": 5, "Vantaa-Kerava": 4,
    "Pohjois-Karjala": 5, "Etelä-Savo": 5, "Keski-Uusimaa": 3,
}

SECTOR_WEIGHTS = {"social_care": 45, "health_care": 25, "education": 20, "ngo": 6, "other": 4}
TITLES = {
    "social_care": ("sosiaalityöntekijä", "vastaava sosiaalityöntekijä",
                    "johtava sosiaalityöntekijä", "sosiaaliohjaaja", "perhetyöntekijä",
                    "lastenvalvoja", "sijaishuollon sosiaalityöntekijä"),
    "health_care": ("psykiatrinen sairaanhoitaja", "lastenpsykiatrian erikoislääkäri",
                    "nuorisopsykiatrian erikoislääkäri", "psykologi", "terveydenhoitaja",
                    "kouluterveydenhoitaja", "sairaanhoitaja", "neuropsykologi"),
    "education": ("koulukuraattori", "koulupsykologi", "erityisopettaja", "luokanopettaja",
                  "rehtori", "opinto-ohjaaja", "erityisluokanopettaja"),
    "ngo": ("ohjaaja", "asiantuntija", "projektityöntekijä", "perhetyöntekijä"),
    "other": ("nuorisotyöntekijä", "rikoskomisario", "vanhempi konstaapeli",
              "diakoniatyöntekijä", "vastaanottokeskuksen ohjaaja"),
}
SOCIAL_UNITS = ("lastensuojelu", "lastensuojelun avohuolto", "sijaishuolto",
                "perhesosiaalityö", "perheoikeudelliset palvelut", "vammaispalvelut",
                "lapsiperheiden palvelut")
REGION_HEALTH_UNITS = ("perheneuvola", "lasten ja nuorten mielenterveyspalvelut",
                       "mielenterveys- ja päihdepalvelut", "koulu- ja opiskeluterveydenhuolto",
                       "nuorisoasema")
HOSPITAL_UNITS = ("lastenpsykiatria", "nuorisopsykiatria", "vaativa lastenpsykiatria",
                  "lastenneurologia", "lastentautien poliklinikka", "nuorisopsykiatrian osasto")
EDU_UNITS = ("perusopetus", "oppilashuolto", "Keskuskoulu", "Mäntylän koulu",
             "Rantakylän yhtenäiskoulu", "Kirkonkylän koulu", "varhaiskasvatus",
             "lukio", "Koivurinteen koulu")
NGOS = ("Viola ry", "Pelastakaa Lapset ry", "Mannerheimin Lastensuojeluliitto",
        "Ensi- ja turvakotien liitto", "Nuorten Ystävät ry", "Sininauhaliitto",
        "A-klinikka", "Monika-Naiset liitto", "Suomen Punainen Risti")
OTHER_ORGS = ("{org}, nuorisopalvelut", "Poliisi, ennalta estävä toiminta",
              "Vastaanottokeskus, {kunta}", "Seurakuntayhtymä, perheasiain neuvottelukeskus",
              "Lastenkoti Tähtiranta, {kunta}")

# --- phrase fragments ----------------------------------------------------------------
# Slots: {l} the child (poika/tyttö/nuori/lapsi) with {l_gen} {l_part} {l_ade} {l_all};
# {v} one parent (äiti/isä) with {v_gen} {v_part} {v_ade} {v_all}; {t} the other parent
# likewise; {ika} age; {koulu} a clause about school; {kunta} a municipality; {n} years.

OPENERS = ("Pyytäjän mukaan", "Tällä hetkellä", "Viime kuukausina", "Koulun havaintojen mukaan",
           "Aiemman arvion mukaan", "Lisäksi", "Kevään aikana", "Syksyn aikana", "Käytännössä",
           "Sosiaalityöntekijän arvion mukaan", "Viimeisimmässä palaverissa todettiin, että")

CATEGORY_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "high_conflict_separation": {
        "q": ("Miten huoltoriidassa saadaan {l_gen} ääni kuuluviin?",
              "Miten tukea {l_part}, kun vanhempien huoltoriita on jatkunut vuosia?",
              "Miten tapaamiset voidaan järjestää turvallisesti, kun vanhemmat syyttävät toisiaan?"),
        "s": ("vanhempien välinen huoltoriita on jatkunut käräjäoikeudessa jo {n} vuotta.",
              "tapaamiset {t_gen} luona ovat toistuvasti peruuntuneet, ja vanhemmat syyttävät toisiaan.",
              "{v} epäilee {t_gen} vieraannuttavan {l_part} itsestään.",
              "{l} on joutunut viestinviejäksi vanhempien välisessä huoltoriidassa.",
              "olosuhdeselvitys on valmistunut, mutta vanhemmat eivät hyväksy sen johtopäätöksiä.",
              "{t} on tehnyt {v_gen} kohtelusta useita lastensuojeluilmoituksia.",
              "{v} kokee {t_gen} vainoavan häntä viestein ja seuraamalla kotia.",
              "lapsen etu on jäänyt huoltoriidan jalkoihin, ja {l} kieltäytyy tapaamisista."),
    },
    "family_homicide_threat": {
        "q": ("Miten arvioida perhesurman uhkaa ja varmistaa {l_gen} turvallisuus?",
              "Mitä lastensuojelun pitää tehdä, kun {t} on uhannut vahingoittaa perhettä?"),
        "s": ("{t} on uhannut vahingoittaa itseään ja perhettään, jos ero toteutuu.",
              "poliisi on tehnyt MARAK-riskinarvion, ja tilanne on arvioitu vakavaksi.",
              "{v} ja lapset asuvat tällä hetkellä turvakodissa.",
              "uhkailu on jatkunut viestein lähestymiskiellosta huolimatta.",
              "{t_ade} on aselupa, ja asia on viety poliisin tietoon."),
    },
    "family_violence": {
        "q": ("Miten edetä, kun epäillään lapseen kohdistuvaa väkivaltaa?",
              "Miten tukea {l_part}, joka on nähnyt perheväkivaltaa pitkään?"),
        "s": ("{l} on kertonut koulussa, että {t} on lyönyt häntä.",
              "kotona on ollut toistuvaa väkivaltaa, ja poliisi on käynyt perheessä useita kertoja.",
              "esitutkinta lapseen kohdistuneesta väkivallasta on kesken, ja Barnahusta on konsultoitu.",
              "{l} on nähnyt vanhempien välistä väkivaltaa pitkään.",
              "kurittamisesta on tehty rikosilmoitus, ja lastensuojelu on aloittanut selvityksen.",
              "perheväkivalta on vaikuttanut {l_gen} nukkumiseen ja koulunkäyntiin."),
    },
    "psychiatric_substance_child_welfare": {
        "q": ("Miten lastensuojelun, nuorisopsykiatrian ja päihdepalvelujen työ saataisiin samaan suuntaan?",
              "Miten {l_gen} koulunkäyntiä voitaisiin tukea, kun koulupoissaolot ovat pitkittyneet?",
              "Mitä vielä voisimme tehdä, kun avohuollon tukitoimet eivät ole auttaneet?",
              "Kenen vastuulla on nuoren päihdehoito, kun myös koulupoissaolo ja lastensuojelu ovat mukana?"),
        "s": ("{v_ade} on vakava päihdeongelma, ja hoitokontaktit ovat katkenneet.",
              "{l_gen} koulupoissaolot ovat lisääntyneet, ja poissaoloja on kertynyt yli sata tuntia tällä lukukaudella.",
              "{l} on käyttänyt päihteitä, ja hänen epäillään välittävän niitä myös kavereille.",
              "perheen aikuisten päihteiden käyttö ja mielenterveyden ongelmat kuormittavat {l_part}.",
              "{l} on ollut nuorisopsykiatrian osastolla, mutta kotiutuksen jälkeen tuki on jäänyt ohueksi.",
              "koulupoissaolo on pitkittynyt, eikä {l} ole käynyt koulussa kahteen kuukauteen.",
              "lastensuojelu, nuorisopsykiatria ja päihdepalvelut ovat kukin arvioineet tilanteen omasta näkökulmastaan.",
              "nuoren päihdekokeilut ovat muuttuneet säännölliseksi päihteiden käytöksi.",
              "{l} valvoo öisin, eikä aamulla jaksa lähteä kouluun."),
    },
    "neuropsychiatric": {
        "q": ("Miten tukea perhettä, jossa lapsen neuropsykiatrinen oireilu kuormittaa koko arkea?",
              "Millaista tukea koulu voisi tarjota autismikirjon {l_all}?"),
        "s": ("{l_ade} on ADHD- ja autismikirjon diagnoosi, ja arki kotona on hyvin kuormittavaa.",
              "{l} raivoaa kotona päivittäin, ja vanhemmat ovat uupuneita.",
              "koulussa {l} on ollut pienryhmässä, mutta siirtymät ovat edelleen vaikeita.",
              "neuropsykiatrinen valmennus on aloitettu, mutta se ei ole riittänyt.",
              "{l_gen} aistiyliherkkyys vaikeuttaa koulunkäyntiä, ja koulupoissaolot ovat lisääntyneet."),
    },
    "functional_disorder": {
        "q": ("Miten toiminnallisesta häiriöstä kärsivän {l_gen} paluuta kouluun voi tukea?",),
        "s": ("{l_ade} on toistuvia kohtauksia, joille ei ole löydetty elimellistä syytä.",
              "{l} on ollut pitkään poissa koulusta kipujen ja uupumuksen vuoksi.",
              "toiminnallisen häiriön diagnoosi on annettu, mutta perhe ei ole hyväksynyt sitä.",
              "{l} käyttää pyörätuolia, vaikka neurologisissa tutkimuksissa ei ole todettu vauriota."),
    },
    "rare_disease": {
        "q": ("Kuka koordinoi harvinaissairautta sairastavan {l_gen} palveluja?",),
        "s": ("{l_ade} on harvinainen perinnöllinen sairaus, joka vaatii päivittäistä hoitoa.",
              "hoitovastuu jakautuu useaan erikoissairaanhoidon yksikköön, eikä kukaan koordinoi kokonaisuutta.",
              "vanhemmat kokevat, ettei kukaan ymmärrä sairauden vaikutusta koko perheen arkeen.",
              "sairauden vuoksi {l} on paljon poissa koulusta, ja opetuksen järjestäminen on kesken."),
    },
    "child_suspected_crime": {
        "q": ("Miten toimia, kun {l} on epäiltynä rikoksesta ja koulunkäynti on katkennut?",
              "Tarvitaanko oikeuspsykiatrinen arvio, ja miten lastensuojelu tukee sillä välin?"),
        "s": ("{l} on epäiltynä useista omaisuusrikoksista ja yhdestä pahoinpitelystä.",
              "poliisi on pyytänyt arviota, ja oikeuspsykiatrinen tutkimus on harkinnassa.",
              "{l} liikkuu vanhempien kavereiden porukassa, ja häntä epäillään huumausaineiden välittämisestä.",
              "{l} on uhannut koulussa opettajaa, ja asiasta on tehty rikosilmoitus."),
    },
    "child_abduction": {
        "q": ("Miten ehkäistä lapsikaappaus, kun {t} on uhannut viedä lapsen ulkomaille?",),
        "s": ("{t} on uhannut viedä {l_part} ulkomaille ilman {v_gen} suostumusta.",
              "{l} vietiin viime vuonna ulkomaille, ja palauttaminen kesti kuukausia.",
              "vanhempien välillä on kansainvälinen huoltoriita, ja passien haltuunotosta on keskusteltu."),
    },
    "honour_violence": {
        "q": ("Miten suojella nuorta kunniaan liittyvältä väkivallalta niin, ettei tilanne kärjisty?",),
        "s": ("{l} kertoo suvun valvovan hänen liikkumistaan ja ystävyyssuhteitaan.",
              "{l_all} on suunniteltu avioliittoa vastoin hänen tahtoaan.",
              "{l} pelkää suvun reaktioita, jos lastensuojelu tapaa perhettä.",
              "kunniaan liittyvän väkivallan uhka on arvioitu, ja suojelutoimista on keskusteltu poliisin kanssa."),
    },
    "human_trafficking": {
        "q": ("Miten tunnistaa ja auttaa nuorta, jonka epäillään olevan ihmiskaupan uhri?",),
        "s": ("{l_gen} epäillään joutuneen hyväksikäytetyksi rikollisessa toiminnassa.",
              "ihmiskaupan uhrien auttamisjärjestelmään on oltu yhteydessä.",
              "{l} on tullut maahan ilman huoltajaa, ja hänen taustansa on epäselvä."),
    },
    "migration_trauma": {
        "q": ("Miten tukea perhettä, jossa on sotatrauma ja kielimuuri?",
              "Miten traumaoireista {l_part} voi auttaa, kun terapiaan ei ole jonoa lyhyempää reittiä?"),
        "s": ("perhe on paennut sotaa, ja {l_ade} on vaikeita traumaoireita.",
              "{l} näkee painajaisia ja säpsähtelee kovia ääniä.",
              "vanhemmat eivät vielä puhu suomea, ja tulkin saatavuus on vaihdellut.",
              "{v} on itse traumatisoitunut eikä jaksa tukea {l_part}.",
              "oleskelulupaprosessin epävarmuus kuormittaa koko perhettä."),
    },
    "intellectual_disability_psychiatric": {
        "q": ("Kumman vastuulle hoito kuuluu, kun kehitysvammaan liittyy vakava psyykkinen oireilu?",),
        "s": ("{l_ade} on lievä kehitysvamma ja vakavia psyykkisiä oireita.",
              "psykiatria ja kehitysvammapalvelut ovat eri mieltä siitä, kumman vastuulle hoito kuuluu.",
              "{l} on satuttanut itseään, ja kotona on jouduttu soittamaan hätänumeroon.",
              "Vaalijalan konsultaatiota on harkittu, mutta lähetettä ei ole vielä tehty."),
    },
    "substitute_care": {
        "q": ("Onko nykyinen sijaishuoltopaikka oikea {l_all}, ja mitä vaihtoehtoja on?",
              "Miten sijaishuollossa oleva nuori saadaan pysähtymään, kun hän karkailee toistuvasti?"),
        "s": ("{l} on sijoitettuna lastensuojelulaitokseen, ja sijoituspaikka on vaihtunut kolme kertaa vuoden aikana.",
              "{l} karkailee sijaishuoltopaikasta ja on välillä päiviä kateissa.",
              "sijaishuoltopaikka kokee, ettei sillä ole keinoja vastata {l_gen} tarpeisiin.",
              "koulukotisijoitusta on harkittu, mutta paikkaa ei ole löytynyt.",
              "{l_gen} yhteydenpito {v_gen} kanssa on epäsäännöllistä ja kuormittavaa."),
    },
    "other_complex": {
        "q": ("Mitä vielä voisimme tehdä, kun mikään palvelu ei tunnu sopivan perheelle?",
              "Miten saada kokonaiskuva tilanteesta, jossa on mukana useita viranomaisia?"),
        "s": ("tilanteessa on mukana useita viranomaisia, eikä kenelläkään ole kokonaiskuvaa.",
              "perheen tilanne on monisyinen, eikä se sovi minkään palvelun kriteereihin.",
              "{l} on vetäytynyt kotiin, eikä hän ole tavannut ketään ikätoveria kuukausiin.",
              "palvelut ovat katkenneet toistuvasti siirtymävaiheissa."),
    },
}
#: how often each category is tagged (joint clients and custody disputes are the big ones)
CATEGORY_WEIGHTS = {
    "high_conflict_separation": 16, "family_homicide_threat": 2, "family_violence": 9,
    "psychiatric_substance_child_welfare": 20, "neuropsychiatric": 12, "functional_disorder": 4,
    "rare_disease": 2, "child_suspected_crime": 6, "child_abduction": 1, "honour_violence": 2,
    "human_trafficking": 1, "migration_trauma": 5, "intellectual_disability_psychiatric": 5,
    "substitute_care": 10, "other_complex": 5,
}

GENERIC_QUESTIONS = (
    "Mitä vielä voisimme tehdä, kun avohuollon tukitoimet eivät ole auttaneet?",
    "Miten saada palvelut toimimaan yhdessä {l_gen} tukena?",
    "Kenen vastuulla {l_gen} hoidon ja tuen kokonaisuus on?",
    "Miten {l_gen} oma näkemys saadaan mukaan suunnitelmaan?",
)
QUESTION_TAILS = ("", "", " Tarvitsemme ulkopuolista näkökulmaa.",
                  " Pyytäjä toivoo konsultaatiota mahdollisimman pian.",
                  " Toiveena on saada asiantuntija mukaan keskusteluun.",
                  " Esihenkilö on suositellut OT-konsultaatiota.")
BACKGROUND = (
    "{l} on {ika}-vuotias ja asuu {v_gen} kanssa.",
    "perheessä on {l_gen} lisäksi kaksi nuorempaa sisarusta.",
    "{l} on ollut lastensuojelun asiakkaana vuodesta {vuosi} alkaen.",
    "perhe muutti paikkakunnalle noin vuosi sitten.",
    "{koulu}.",
    "lastensuojeluilmoituksia on tehty viimeisen vuoden aikana useita.",
    "vanhemmat erosivat {n} vuotta sitten.",
    "{t} asuu toisella paikkakunnalla ja tapaa {l_part} harvoin.",
    "tilanne on pitkittynyt, ja perhettä on siirretty palvelusta toiseen.",
    "{l} asuu vuoroviikoin molempien vanhempien luona.",
)
TRIED = (
    "perheelle on tarjottu perhetyötä, mutta yhteistyö on katkennut.",
    "{l} on ohjattu nuorisopsykiatrian poliklinikalle, ja jonotus on kestänyt kuukausia.",
    "koululla on pidetty useita monialaisia palavereja.",
    "vanhemmille on järjestetty sovittelua, mutta se ei ole johtanut sopimukseen.",
    "lastensuojelun avohuollon tukitoimena on ollut tukihenkilö.",
    "{l_all} on laadittu oppimisen tuen suunnitelma ja joustava aloitusaika.",
    "päihdepalveluihin on tehty lähete, mutta {v} ei ole sitoutunut hoitoon.",
    "kotikäyntejä on tehty yhdessä perheneuvolan kanssa.",
    "neuropsykiatrista valmennusta on kokeiltu puolen vuoden ajan.",
    "perheelle on järjestetty intensiivistä perhetyötä.",
    "kiireellinen sijoitus on tehty kerran, ja {l} palasi kotiin kuukauden kuluttua.",
    "verkostopalaveri on pidetty, mutta sovitut asiat eivät ole toteutuneet.",
    "koulupoissaoloihin on puututtu koulun poissaolomallin mukaisesti.",
    "vanhempia on ohjattu vanhemmuuden tukeen ja eroauttamiseen.",
    "{l_all} on haettu tukihenkilöä, mutta sopivaa ei ole löytynyt.",
)
SERVICES = (
    "lastensuojelun avohuolto", "perhetyö", "perheneuvola", "lastenpsykiatrian poliklinikka",
    "nuorisopsykiatrian poliklinikka", "koulukuraattori", "koulupsykologi",
    "kouluterveydenhoitaja", "päihdepalvelut", "aikuispsykiatria", "lastenvalvoja",
    "vammaispalvelut", "lastenneurologia", "sijaishuollon sosiaalityö", "poliisi", "Barnahus",
    "turvakoti", "nuorisotyö", "erityisopetus", "kotoutumispalvelut", "Ohjaamo",
    "perheoikeudelliset palvelut", "kuntoutusohjaus", "A-klinikka", "etsivä nuorisotyö",
)
SERVICE_TAILS = ("", "", "Palvelut toimivat rinnakkain, mutta yhteistä suunnitelmaa ei ole.",
                 "Vastuunjako palveluiden välillä on epäselvä.",
                 "Työntekijät ovat vaihtuneet usein.",
                 "Perhe kokee, että tapaamisia on liikaa.")
WORRIES = (
    "huoli {l_gen} turvallisuudesta on kasvanut viime viikkoina.",
    "pelkona on, että {l} jää kokonaan koulun ulkopuolelle.",
    "työntekijät ovat huolissaan {v_gen} jaksamisesta.",
    "{l} on puhunut itsetuhoisista ajatuksista.",
    "tilanne voi kärjistyä, jos mitään ei tapahdu ennen kesää.",
    "{l} on eristäytynyt ja viettää öisin aikaa netissä.",
)
GOING_WELL = (
    "{l} käy harrastuksessa säännöllisesti ja nauttii siitä.",
    "{v} on sitoutunut yhteistyöhön ja haluaa tilanteeseen muutosta.",
    "{l_ade} on hyvä suhde isovanhempiin.",
    "koulun erityisopettaja on {l_gen} luottoaikuinen.",
    "{l} on kertonut avoimesti omasta tilanteestaan.",
    "vanhemmat ovat pystyneet sopimaan arjen asioista viime viikkoina.",
    "{l} on käynyt koulua lähes joka päivä kuluneen kuukauden.",
    "perheellä on tukiverkosto, johon kuuluu sukulaisia ja ystäviä.",
    "{l} on kiinnostunut pelaamisesta ja piirtämisestä, ja niiden kautta häneen saa yhteyden.",
    "työntekijöiden välinen yhteistyö on parantunut.",
)
NEEDS = (
    "tarvitaan yhteinen suunnitelma, jossa on sovittu kunkin palvelun vastuut.",
    "{l_gen} koulunkäynti pitää saada käyntiin pienin askelin.",
    "{l_all} tarvitaan pysyvä aikuinen, joka kulkee mukana palvelusta toiseen.",
    "huoltoriidan vaikutus lapseen on saatava näkyväksi päätöksenteossa.",
    "{v_gen} päihdehoito on saatava käyntiin ennen kuin tilanne kärjistyy.",
    "{l_gen} oma ääni pitää saada kuuluviin.",
    "erikoissairaanhoidon ja lastensuojelun pitää sopia, kuka koordinoi kokonaisuutta.",
    "{l_gen} turvallisuus on varmistettava ennen tapaamisten jatkamista.",
    "tarvitaan arvio siitä, onko nykyinen sijaishuoltopaikka oikea.",
    "koululle tarvitaan konsultaatiota oppimisen tuen järjestämiseen.",
)
CHILD_VIEW = (
    "{l} sanoo haluavansa, että riitely loppuu.",
    "{l} toivoo voivansa asua {v_gen} luona, mutta tavata myös {t_part}.",
    "{l} kertoo, ettei koulussa ole ketään, jolle puhua.",
    "{l} ei ole halunnut kertoa omaa näkemystään, ja hän välttelee tapaamisia.",
    "{l} sanoo olevansa väsynyt siihen, että aikuiset kyselevät samoja asioita.",
    "{l_gen} mielestä kotona on liian paljon huutamista.",
    "{l} toivoo saavansa olla rauhassa ja pelata kavereiden kanssa.",
    "{l} on piirtänyt perheestään kuvan, jossa hän on itse erillään muista.",
    "{l} pelkää, että hänet sijoitetaan kauas kotoa.",
    "{l} haluaa palata kouluun, mutta ei tiedä, miten sen voisi tehdä.",
)
REQUESTER_THOUGHTS = (
    "pyytäjä kokee jääneensä yksin vastuuseen tilanteesta.",
    "pyytäjä pohtii, onko lastensuojelun avohuollon keinot jo käytetty.",
    "pyytäjän mielestä palvelut toimivat rinnakkain mutta eivät yhdessä.",
    "pyytäjä on huolissaan siitä, että {l_gen} ääni jää aikuisten riidan alle.",
    "pyytäjä kertoo, että tilanne vie suuren osan hänen työajastaan.",
    "pyytäjä epäilee, että koulupoissaolojen taustalla on jotain, mitä ei ole vielä tunnistettu.",
    "pyytäjä toivoo, että konsultaatio auttaa pysähtymään ja jäsentämään tilannetta.",
    "pyytäjä huomaa sammuttaneensa tulipaloja ilman kokonaissuunnitelmaa.",
)
HYPOTHESES = (
    "voisiko olla niin, että {l_gen} koulupoissaolot ovat tapa suojella {v_part}?",
    "ehkä vanhempien huoltoriita on muuttunut tavaksi pitää yhteyttä toisiinsa.",
    "mietimme, voisiko {l_gen} oireilu kertoa siitä, ettei hän tunne oloaan turvalliseksi.",
    "yksi mahdollisuus on, että palveluiden vaihtuvuus on itsessään lisännyt {l_gen} oireilua.",
    "saattaa olla, että {v_gen} päihteiden käyttö on lisääntynyt juuri siirtymävaiheissa.",
    "voisiko taustalla olla tunnistamaton oppimisvaikeus?",
    "on mahdollista, että perhe kokee viranomaiset uhkana eikä apuna.",
)
PERSPECTIVES = (
    "konsultoija nosti esiin lapsen osallisuuden: {l_part} kannattaa kuulla ilman vanhempia.",
    "asiantuntija muistutti, että traumaoireisen lapsen kanssa turvallisuus rakennetaan ennen terapiaa.",
    "huoltoriidoissa kannattaa erottaa lapsen tarpeet vanhempien riidasta.",
    "päihdepalveluiden näkökulmasta vanhemman hoitoon sitoutumista voi tukea lapsen kautta.",
    "Elmeri-koulun kokemuksen mukaan pitkittyneestä koulupoissaolosta palataan parhaiten vaiheittain.",
    "Valterin konsultaatio oppimisen tuesta voisi auttaa koulua.",
    "tilanne kaipaa yhtä koordinoivaa työntekijää.",
    "kannattaa miettiä, mitä {l} itse pitää tärkeimpänä muutoksena.",
    "aikajanan kokoaminen auttoi näkemään, että kriisit toistuvat siirtymävaiheissa.",
)
OPTIONS = (
    ("Monialainen verkostopalaveri",
     "Kootaan kaikki perheen kanssa työskentelevät samaan pöytään ja sovitaan yhteinen suunnitelma."),
    ("Asiantuntijaryhmän lausunto (LsL 14 §)",
     "Pyydetään lastensuojelun asiantuntijaryhmältä lausunto ilman tunnistetietoja."),
    ("Koulupaluun suunnitelma",
     "Laaditaan vaiheittainen suunnitelma koulunkäynnin aloittamiseksi yhdessä {l_gen} kanssa."),
    ("Intensiivinen perhetyö", "Perhetyöntekijä käy kotona useita kertoja viikossa kolmen kuukauden ajan."),
    ("Päihdehoitoon ohjaus", "Ohjataan {v} päihdepalveluihin ja tuetaan hoitoon sitoutumista."),
    ("Vaativan lastenpsykiatrian arvio", "Tehdään lähete vaativan lastenpsykiatrian arvioon."),
    ("Sijaishuoltopaikan vaihtaminen", "Etsitään {l_gen} tarpeisiin paremmin vastaava sijaishuoltopaikka."),
    ("Tuettu tapaamisjärjestely", "Tapaamiset järjestetään tuettuina, kunnes tilanne on rauhoittunut."),
    ("Barnahus-konsultaatio", "Konsultoidaan Barnahusta väkivaltaepäilyn selvittämisestä."),
    ("Valterin konsultaatio", "Pyydetään Valterilta tukea oppimisen ja koulunkäynnin järjestämiseen."),
    ("Elmeri-koulun jakso", "Haetaan {l_all} jaksoa Elmeri-kouluun."),
    ("Lapsen kuuleminen ilman vanhempia", "Tavataan {l_part} kahden kesken ja kirjataan hänen näkemyksensä."),
    ("Koulukotisijoituksen arviointi", "Arvioidaan, tarvitseeko {l} koulukodin erityistä tukea."),
    ("Nykyisten palvelujen jatkaminen tiiviimmin",
     "Jatketaan nykyisillä palveluilla, mutta sovitaan yksi koordinoiva työntekijä."),
)
BENEFITS = ("tilanne jäsentyy kaikille osapuolille.", "{l} saa nopeasti tukea.",
            "vastuunjako selkiytyy.", "perhe saa yhden yhteyshenkilön.",
            "vaikuttaa suoraan {l_gen} arkeen.", "saadaan ulkopuolinen arvio.")
RISKS = ("perhe voi kokea palaverin uhkaavana.", "jonotusaika voi olla pitkä.",
         "vanhemmat eivät välttämättä sitoudu.",
         "muutos voi lisätä {l_gen} oireilua lyhyellä aikavälillä.",
         "resursseja ei välttämättä ole.", "huoltoriita voi kärjistyä.")
OPTION_NEEDS = ("vanhempien suostumus.", "esihenkilön päätös resursseista.",
                "lähete erikoissairaanhoitoon.", "koulun sitoutuminen.", "tulkki.",
                "yhteinen aikataulu kaikille työntekijöille.")
WHY = ("valittiin, koska se on nopein tapa saada palvelut yhteiseen suuntaan.",
       "vastaa parhaiten {l_gen} omaa toivetta.",
       "pyytäjä koki tämän realistisimmaksi vaihtoehdoksi.",
       "asiantuntijat suosittelivat tätä ensimmäiseksi askeleeksi.")
PLAN_ACTIONS = (
    "Kutsutaan koolle monialainen verkostopalaveri",
    "Tehdään lähete vaativaan lastenpsykiatriaan",
    "Sovitaan koulupaluun ensimmäiset askeleet kuraattorin kanssa",
    "Otetaan yhteyttä Valteriin konsultaatiosta",
    "Tavataan {l} ilman vanhempia",
    "Selvitetään päihdehoidon mahdollisuudet {v_all}",
    "Laaditaan turvasuunnitelma",
    "Päivitetään lastensuojelun asiakassuunnitelma",
    "Pyydetään Barnahukselta konsultaatio",
    "Haetaan {l_all} tukihenkilö",
    "Varataan aika perheneuvolaan",
    "Sovitaan tapaamisten valvonnasta lastenvalvojan kanssa",
    "Kootaan aikajana palveluista ja käänteistä",
    "Pidetään koulun oppilashuoltoryhmän palaveri",
)
RESPONSIBLE = ("pyytäjä", "OT-koordinaattori", "koulukuraattori",
               "lastensuojelun sosiaalityöntekijä", "rehtori", "psykiatrinen sairaanhoitaja",
               "perhetyöntekijä", "lastenvalvoja", "erityisopettaja")
FOLLOW_UP = ("Seurantapalaveri etäyhteydellä noin kuukauden kuluttua.",
             "OT-koordinaattori soittaa pyytäjälle kahden viikon kuluttua.",
             "Seuranta verkostopalaverissa, johon OT-keskus osallistuu.",
             "Pyytäjä ottaa yhteyttä, jos tilanne muuttuu.")
SCALE_PARTICIPANTS = ("pyytäjä", "sosiaalityöntekijä", "koulukuraattori", "konsultoija",
                      "psykiatrinen sairaanhoitaja", "perhetyöntekijä", "opettaja")
FEEDBACK = ("Konsultaatio auttoi pysähtymään ja jäsentämään tilannetta.",
            "Sain uusia näkökulmia ja konkreettisen suunnitelman.",
            "Lapsi nousi keskiöön.",
            "Olisin toivonut asiantuntijan mukaan jo ensimmäiseen tapaamiseen.",
            "Aikaa olisi saanut olla enemmän.",
            "Yhteenveto oli selkeä ja hyödyllinen myös esihenkilölle.",
            "Verkoston yhteinen suunnitelma selkiytti vastuita.", "")
DECLINED = ("Tilanne ei ole vaativa OT-keskuksen tarkoittamalla tavalla; ohjattu peruspalveluihin.",
            "Pyytäjä perui pyynnön, tilanne ratkesi muuta kautta.",
            "Pyyntö koski aikuisen palveluja, ei lapsen tai nuoren tilannetta.")
REDIRECTED = ("Ohjattu lastensuojelun asiantuntijaryhmään (LsL 14 §).",
              "Ohjattu Barnahus-konsultaatioon.",
              "Ohjattu toisen yhteistyöalueen OT-keskukseen.",
              "Ohjattu Vaalijalan osaamis- ja tukikeskukseen.")
CONSENT_BY = ("Lapsen huoltajat", "Molemmat huoltajat", "Äiti (yksinhuoltaja)",
              "Nuori itse ja huoltaja", "Sijaishuollon sosiaalityöntekijä huoltajien luvalla")
CONSENT_SCOPE = ("Taustatietojen käsittely OT-konsultaatiossa.",
                 "Konsultaatio ja yhteenvedon toimittaminen pyytäjälle.",
                 "Konsultaatio sekä asiantuntijoiden osallistuminen.")
#: how the requester said the consent was given (CONSENT_FORMS), by weight
CONSENT_FORM_WEIGHTS = {"written": 3, "verbal": 2}
#: what a consultant adds to a record once its summary went out
ADDENDA = ("pyytäjä kertoi puhelimessa, että verkostopalaveri on pidetty ja vastuuhenkilö sovittu.",
           "lähete vaativaan lastenpsykiatriaan on tehty, ja ensikäynti on sovittu.",
           "seurantapuhelu pidetty: {l} on käynyt koulua kolmena päivänä viikossa.",
           "pyytäjä pyysi päivitetyn yhteenvedon esihenkilölleen.",
           "uusi seurantapalaveri on sovittu, ja OT-koordinaattori osallistuu siihen.",
           "{v} on aloittanut päihdehoidon; tapaamiset jatkuvat tuettuina.",
           "Valterin asiantuntija toimitti koululle lisätietoa oppimisen tuen järjestämisestä.",
           "tilanne on kärjistynyt, ja pyytäjä harkitsee uutta konsultaatiopyyntöä.",
           "{l_gen} oma näkemys kirjattiin tapaamisessa ilman vanhempia.",
           "suunnitelman ensimmäinen askel siirtyi kahdella viikolla lomien vuoksi.")

_CHILD_FORMS = {  # nominative, genitive, partitive, adessive, allative
    "poika": ("poika", "pojan", "poikaa", "pojalla", "pojalle"),
    "tyttö": ("tyttö", "tytön", "tyttöä", "tytöllä", "tytölle"),
    "nuori": ("nuori", "nuoren", "nuorta", "nuorella", "nuorelle"),
    "lapsi": ("lapsi", "lapsen", "lasta", "lapsella", "lapselle"),
}
_PARENT_FORMS = {
    "äiti": ("äiti", "äidin", "äitiä", "äidillä", "äidille"),
    "isä": ("isä", "isän", "isää", "isällä", "isälle"),
}

#: the 0–10 safety scale: demanding cases sit mostly in the middle
_SCALE_WEIGHTS = (1, 2, 4, 6, 8, 8, 7, 5, 3, 2, 1)
# statuses by how far the consultation has come; declined/redirected stop early
_STAGE = {"requested": 0, "accepted": 1, "prepared": 2, "held": 3, "summary_delivered": 4,
          "closed": 5}
#: (max age in days, {status: weight}): young requests are still open, old ones closed
_STATUS_BY_AGE = (
    (3, {"requested": 70, "accepted": 20, "declined": 5, "redirected": 5}),
    (14, {"requested": 15, "accepted": 40, "prepared": 30, "declined": 7, "redirected": 8}),
    (30, {"accepted": 10, "prepared": 25, "held": 35, "summary_delivered": 20, "declined": 5,
          "redirected": 5}),
    (90, {"prepared": 3, "held": 12, "summary_delivered": 40, "closed": 35, "declined": 5,
          "redirected": 5}),
    (10**6, {"held": 2, "summary_delivered": 8, "closed": 78, "declined": 6, "redirected": 6}),
)


if set(CATEGORY_TEXT) != set(CATEGORIES) or set(CATEGORY_WEIGHTS) != set(CATEGORIES) \
        or set(REGION_DATA) != set(REGIONS):
    raise RuntimeError("otdesk.demo is out of step with the vocabularies in otdesk.core.domain")


# --- composing ------------------------------------------------------------------------


class _Composer:
    """Draws from the phrase banks with one random generator and one case context."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.ctx: dict[str, object] = {}

    def sentence(self, clause: str, opener: bool = True) -> str:
        text = clause.format_map(self.ctx)
        if opener and self.rng.random() < 0.25:
            text = f"{self.rng.choice(OPENERS)} {text}"
        return text[0].upper() + text[1:]

    def text(self, bank: tuple[str, ...], low: int, high: int, opener: bool = True) -> str:
        k = min(self.rng.randint(low, high), len(bank))
        return " ".join(self.sentence(c, opener) for c in self.rng.sample(bank, k))

    def long_text(self, banks: list[tuple[str, ...]], length: int, start: dt.date) -> str:
        """A pasted case history: dated entries until ``length`` characters."""
        rng, parts, size, day = self.rng, [], 0, start
        pool = [c for bank in banks for c in bank]
        while size < length:
            day -= dt.timedelta(days=rng.randint(2, 20))
            entry = f"{day.day}.{day.month}.{day.year}: " + " ".join(
                self.sentence(clause) for clause in rng.sample(pool, rng.randint(2, 6)))
            parts.append(entry)
            size += len(entry) + 1
        return "\n".join(reversed(parts))[:length]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _ascii(text: str) -> str:
    return (text.lower().replace("ä", "a").replace("ö", "o").replace("å", "a")
            .replace(" ", "").replace("-", ""))


def _add_workdays(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _received(rng: random.Random, now: dt.datetime) -> dt.datetime:
    """A weekday office-hours time; a fifth of the requests are from the last month."""
    days = rng.uniform(0, 30) if rng.random() < 0.2 else rng.uniform(0, SPAN_DAYS)
    day = (now - dt.timedelta(days=days)).date()
    while day.weekday() >= 5 and rng.random() < 0.95:
        day -= dt.timedelta(days=1)
    at = dt.datetime(day.year, day.month, day.day, rng.randint(8, 15), rng.randint(0, 59),
                     tzinfo=TZ)
    if at > now:
        at = (now - dt.timedelta(minutes=rng.randint(1, 180))).replace(second=0, microsecond=0)
    return at


def _requester(rng: random.Random, region: str) -> Requester:
    wbr, municipalities, hospital = REGION_DATA[region]
    kunta, municipality = rng.choice(municipalities)
    sector = _weighted(rng, SECTOR_WEIGHTS)
    if sector == "social_care":
        org = f"{rng.choice((wbr, wbr, municipality))}, {rng.choice(SOCIAL_UNITS)}"
    elif sector == "health_care":
        org = (f"{hospital} {rng.choice(HOSPITAL_UNITS)}" if rng.random() < 0.5
               else f"{wbr}, {rng.choice(REGION_HEALTH_UNITS)}")
    elif sector == "education":
        org = f"{municipality}, {rng.choice(EDU_UNITS)}"
    elif sector == "ngo":
        org = f"{rng.choice(NGOS)}, {kunta}"
    else:
        org = rng.choice(OTHER_ORGS).format(org=municipality, kunta=kunta)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    r = Requester(name=f"{first} {last}", title=rng.choice(TITLES[sector]), organisation=org,
                  sector=sector, region=region)
    if rng.random() < 0.8:  # fictional: the .example domain never resolves
        r.email = f"{_ascii(first)}.{_ascii(last)}@{_ascii(region)}.example"
    if rng.random() < 0.6:
        r.phone = f"040 0{rng.randint(10, 99)} {rng.randint(1000, 9999)}"
    return r


def _context(rng: random.Random, region: str, year: int) -> dict[str, object]:
    age = rng.choices(range(2, 18), weights=[1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 8, 7, 6, 5])[0]
    noun = rng.choice(("poika", "tyttö", "nuori" if age >= 12 else "lapsi"))
    parent = rng.choice(("äiti", "äiti", "isä"))
    other = "isä" if parent == "äiti" else "äiti"
    if age < 6:
        school = "{l} on varhaiskasvatuksessa"
    elif age == 6:
        school = "{l} on esiopetuksessa"
    elif age <= 12:
        school = f"{{l}} käy alakoulun {age - 6}. luokkaa"
    elif age <= 15:
        school = f"{{l}} käy yläkoulun {age - 6}. luokkaa"
    else:
        school = rng.choice(("{l} opiskelee ammatillisessa oppilaitoksessa",
                             "{l} on lukion ensimmäisellä vuosikurssilla",
                             "{l} keskeytti toisen asteen opinnot syksyllä"))
    kunta = rng.choice(REGION_DATA[region][1])[0]
    ctx: dict[str, object] = {"ika": age, "n": rng.randint(2, 6), "vuosi": year - rng.randint(1, 6),
                              "kunta": kunta}
    for prefix, forms in (("l", _CHILD_FORMS[noun]), ("v", _PARENT_FORMS[parent]),
                          ("t", _PARENT_FORMS[other])):
        for suffix, form in zip(("", "_gen", "_part", "_ade", "_all"), forms):
            ctx[prefix + suffix] = form
    ctx["koulu"] = school.format_map(ctx)
    return ctx


def _one(rng: random.Random, now: dt.datetime) -> DemoCase:
    comp = _Composer(rng)
    received = _received(rng, now)
    age_days = (now - received).days
    status = next(_weighted(rng, w) for limit, w in _STATUS_BY_AGE if age_days < limit)
    if status in _STAGE:
        stage = _STAGE[status]
    else:  # declined from requested/accepted, redirected up to prepared
        stage = rng.randint(0, 1 if status == "declined" else 2)
    region = _weighted(rng, {r: REGION_WEIGHTS.get(r, 2) for r in REGION_DATA})
    comp.ctx = _context(rng, region, received.year)
    categories = []
    while len(categories) < rng.choice((1, 1, 2, 2, 2, 3)):
        cat = _weighted(rng, CATEGORY_WEIGHTS)
        if cat not in categories:
            categories.append(cat)
    cat_clauses = tuple(c for cat in categories for c in CATEGORY_TEXT[cat]["s"])
    today = now.date()

    c = Consultation(status=status, received_at=received,
                     channel=rng.choices(("phone", "email", "other"), weights=(5, 4, 1))[0],
                     requester=_requester(rng, region), categories=categories)
    questions = CATEGORY_TEXT[categories[0]]["q"] + GENERIC_QUESTIONS
    c.question = comp.sentence(rng.choice(questions), opener=False) + rng.choice(QUESTION_TAILS)
    if status == "declined":
        c.status_reason = rng.choice(DECLINED)
    elif status == "redirected":
        c.status_reason = rng.choice(REDIRECTED)

    if rng.random() < 0.12:  # identified, with the requester's statement of consent
        c.anonymous = False
        c.consent = Consent(given_by=rng.choice(CONSENT_BY),
                            given_on=received.date() - dt.timedelta(days=rng.randint(0, 10)),
                            scope=rng.choice(CONSENT_SCOPE),
                            form=_weighted(rng, CONSENT_FORM_WEIGHTS))
        ctx = comp.ctx
        c.client_description = (f"{str(ctx['l']).capitalize()}, {ctx['ika']} v., asuu "
                                f"{ctx['v_gen']} kanssa, {ctx['kunta']}.")

    s = c.situation
    s.background = comp.text(BACKGROUND, 1, 3) + " " + comp.text(cat_clauses, 1, 2)
    s.worries = comp.text(cat_clauses + WORRIES, 1, 3)
    intake = _add_workdays(received.date(), rng.randint(0, 2))
    if stage >= 1:
        c.intake_date = min(intake, today)
        c.consultants = rng.sample(CONSULTANTS, rng.choice((1, 1, 2)))
    if stage >= 2:
        c.experts = rng.sample(EXPERTS, rng.randint(0, 3))
        s.tried = comp.text(TRIED, 1, 3)
        services = rng.sample(SERVICES, rng.randint(2, 5))
        s.services = (f"Perheen kanssa työskentelevät {', '.join(services[:-1])} ja "
                      f"{services[-1]}. {rng.choice(SERVICE_TAILS)}").strip()
        s.going_well = comp.text(GOING_WELL, 1, 2)
        s.needs_to_happen = comp.text(NEEDS, 1, 2)
        s.child_view = comp.text(CHILD_VIEW, 0, 2, opener=False)
    if stage >= 3:
        session_day = min(intake + dt.timedelta(days=rng.randint(2, 14)), today)
        c.session = Session(date=session_day, duration_minutes=rng.choice((45, 60, 75, 90, 120)),
                            mode=rng.choices(("in_person", "video", "phone"), weights=(3, 6, 1))[0])
        c.worry_start = rng.randint(2, 4)
        c.worry_end = max(1, c.worry_start - rng.choice((0, 1, 1, 1, 2)))
        s.scale = [ScaleRating(p, rng.choices(range(11), weights=_SCALE_WEIGHTS)[0])
                   for p in rng.sample(SCALE_PARTICIPANTS, rng.randint(1, 3))]
        c.reflections = Reflections(requester_thoughts=comp.text(REQUESTER_THOUGHTS, 1, 2),
                                    hypotheses=comp.text(HYPOTHESES, 1, 2, opener=False),
                                    perspectives=comp.text(PERSPECTIVES, 1, 3, opener=False))
        options = rng.sample(OPTIONS, rng.randint(1, 4))
        chosen = rng.randrange(len(options))
        for i, (title, description) in enumerate(options):
            c.options.append(Option(
                title=title, description=comp.sentence(description, opener=False),
                benefits=comp.text(BENEFITS, 1, 2, opener=False),
                risks=comp.text(RISKS, 0, 2, opener=False),
                needs=comp.text(OPTION_NEEDS, 0, 2, opener=False),
                chosen=i == chosen,
                why=comp.text(WHY, 1, 1, opener=False) if i == chosen else ""))
        for action in rng.sample(PLAN_ACTIONS, rng.randint(2, 5)):
            c.plan.steps.append(PlanStep(
                action=comp.sentence(action, opener=False), responsible=rng.choice(RESPONSIBLE),
                due=session_day + dt.timedelta(days=rng.randint(7, 60))))
        c.plan.follow_up_date = session_day + dt.timedelta(days=rng.choice((14, 30, 42, 60)))
        c.plan.follow_up_agreement = rng.choice(FOLLOW_UP)
        c.plan.contacts = "; ".join(rng.sample(EXPERTS, rng.randint(0, 2)))
    if c.consent is not None:  # written down by the consultant who took the request
        c.consent.recorded_by = c.consultants[0] if c.consultants else rng.choice(CONSULTANTS)
    plan = None
    if stage >= 4:  # created held; the summary goes out afterwards (see insert_demo)
        c.status = "held"
        plan = _delivery_plan(rng, comp, c, status, now)

    if rng.random() < LONG_TEXT_SHARE:
        length = rng.randint(*LONG_TEXT_RANGE)
        history = comp.long_text([BACKGROUND, TRIED, cat_clauses, WORRIES, GOING_WELL],
                                 length, received.date())
        if stage >= 3 and rng.random() < 0.3:
            c.reflections.requester_thoughts = history
        else:
            s.background = history
    return DemoCase(c, plan)


def _delivery_plan(rng: random.Random, comp: _Composer, c: Consultation, status: str,
                   now: dt.datetime) -> DeliveryPlan:
    """What happens once the session of held ``c`` is over: the summary is prepared a
    few days later, printed or saved; feedback and addenda may follow."""
    today = now.date()
    first = min(c.session.date + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5))), today)
    feedback = None
    if rng.random() < (0.85 if status == "closed" else 0.4):
        feedback = Feedback(score=rng.choices((1, 2, 3, 4, 5), weights=(1, 2, 6, 16, 20))[0],
                            comment=rng.choice(FEEDBACK))
    addenda: list[Addendum] = []
    if first < today and rng.random() < ADDENDA_SHARE:
        for clause in rng.sample(ADDENDA, rng.choice((1, 1, 2))):
            day = min(first + dt.timedelta(days=rng.randint(1, 40)), today)
            at = dt.datetime(day.year, day.month, day.day, rng.randint(8, 15),
                             rng.randint(0, 59), tzinfo=TZ)
            if at > now:
                at = (now - dt.timedelta(minutes=rng.randint(1, 60))).replace(second=0,
                                                                             microsecond=0)
            addenda.append(Addendum(at=at, author=rng.choice(c.consultants),
                                    text=comp.sentence(clause, opener=False)))
        addenda.sort(key=lambda a: a.at)
    second = None
    if addenda and rng.random() < SECOND_VERSION_SHARE:
        second = (addenda[-1].at.date(), rng.choice(("print", "pdf")))
    return DeliveryPlan(status=status, today=first, method=rng.choice(("print", "pdf", "pdf")),
                        feedback=feedback, addenda=addenda, second=second)


# --- public ---------------------------------------------------------------------------


@dataclass
class DeliveryPlan:
    """What happens to a demo consultation after its session: its summary goes out."""

    #: the status it ends in: "summary_delivered" or "closed"
    status: str
    #: the date the summary is prepared on (the session day or a few days after)
    today: dt.date
    #: "print" or "pdf"
    method: str
    #: the requester's feedback, given after the summary
    feedback: Feedback | None = None
    #: dated additions written after the first delivery
    addenda: list[Addendum] = field(default_factory=list)
    #: (date, method) of a second delivered version (with the addenda), or None
    second: tuple[dt.date, str] | None = None


@dataclass
class DemoCase:
    """One demo consultation as it is created, and what follows its session (None:
    nothing, its summary never went out)."""

    consultation: Consultation
    delivery: DeliveryPlan | None = None

    @property
    def status(self) -> str:
        """The status the consultation ends in once :func:`insert_demo` stored it with
        deliveries."""
        return self.delivery.status if self.delivery else self.consultation.status


def generate_cases(count: int, seed: int | None = None, *,
                   now: dt.datetime | None = None) -> Iterator[DemoCase]:
    """Yield ``count`` new (unsaved) demo cases.

    Each consultation passes ``validate()`` and ``delivery_blockers()`` is empty (an
    identified one has a complete consent record, no text holds a personal identity
    code).  One whose summary went out comes *held*, without feedback, with its
    :class:`DeliveryPlan`.  ``now`` (timezone-aware, default: the current time)
    anchors the received dates, which spread over about three years before it.
    """
    rng = random.Random(seed)
    now = (now or dt.datetime.now(TZ)).astimezone(TZ)
    for _ in range(count):
        yield _one(rng, now)


def generate(count: int, seed: int | None = None, *,
             now: dt.datetime | None = None) -> Iterator[Consultation]:
    """The consultations of :func:`generate_cases`, as they are created: one whose
    summary is to be delivered is held (only a recorded delivery makes it "summary
    delivered")."""
    for case in generate_cases(count, seed, now=now):
        yield case.consultation


def insert_demo(vault, count: int, *, seed: int | None = None, deliveries: bool | None = None,
                batch: int = 500, now: dt.datetime | None = None) -> int:
    """Generate ``count`` consultations and store them in the open ``vault`` (anything
    with ``.repository`` and ``.deliveries``).  Returns how many were stored.

    The consultations are created with ``repository.create_many``, ``batch`` per
    transaction.  With ``deliveries``, each one whose summary went out is then
    delivered for real: :func:`otdesk.operations.delivery.prepare` renders its summary
    (in Finnish, dated as planned), :func:`~otdesk.operations.delivery.record` keeps
    the PDF, seals the record and makes it "summary delivered"; feedback and addenda
    follow (a few delivered again as version 2), and the closed ones are closed.

    Without ``deliveries`` those consultations stay **held** — nothing is ever
    "summary delivered" or "closed" without a recorded delivery — and get no feedback
    or addenda.  ``deliveries=None`` (the default) delivers when ``count`` is at most
    :data:`DELIVERIES_UP_TO`: a summary is ~74 KB and ~80 ms, so a big vault takes the
    fast path.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    if deliveries is None:
        deliveries = count <= DELIVERIES_UP_TO
    repository = vault.repository
    stored = 0
    source = generate_cases(count, seed, now=now)
    while chunk := list(islice(source, batch)):
        stored += len(repository.create_many([case.consultation for case in chunk]))
        if deliveries:
            for case in chunk:
                if case.delivery is not None:
                    _deliver(vault, case.consultation.id, case.delivery)
        repository.tidy_index(steps=4)  # keep the search index merged as it grows
    return stored


def _deliver(vault, consultation_id: int, plan: DeliveryPlan) -> None:
    """Deliver the summary of held consultation ``consultation_id`` as ``plan`` says,
    through the one delivery operation (rendered from the stored record, recorded and
    sealed in one transaction)."""
    from otdesk.operations import delivery

    def deliver(today: dt.date, method: str) -> None:
        prepared = delivery.prepare(vault, consultation_id, "fi",
                                    delivery.SummaryContext(org=None, consultant=None,
                                                            today=today))
        delivery.record(vault, prepared, method=method, via="app")

    repository = vault.repository
    deliver(plan.today, plan.method)
    if plan.feedback is not None or plan.addenda:  # both may change on a sealed record
        c = repository.get(consultation_id)
        if plan.feedback is not None:
            c.feedback = Feedback(plan.feedback.score, plan.feedback.comment)
        c.addenda += [Addendum(a.at, a.author, a.text) for a in plan.addenda]
        repository.update(c)
    if plan.second is not None:
        deliver(*plan.second)
    if plan.status == "closed":
        repository.change_status(consultation_id, "closed")
