"""Search by word on the demo vault: recall and precision of base-form queries, and the
list's search at 10,000 and 100,000 (issue 15's budgets).

Each query is a base form; what it should find is written out by hand, independently
of the analysers, as a regular expression of the surface forms (inflected forms and
compounds) that are that word, and any word that starts with the query (a prefix is
found as typed, on purpose): the consultations whose texts or labels (categories,
sector, region, status in fi/sv/en: they are searchable too) hold such a form are the
relevant ones.  Recall = relevant found / relevant; precision = relevant found / found;
both summed over all queries.  The demo texts are Finnish; the Swedish queries run on
:data:`SWEDISH` sentences added to the vault for them.
"""

from __future__ import annotations

import re

#: base-form query → the surface forms that are that word (in the demo texts and labels);
#: consonant gradation (riita/riidan, tuki/tuen, hoito/hoidon), compounds and their
#: parts (lastensuojeluilmoitus, turvasuunnitelma, perheväkivalta)
FINNISH = {
    "riita": r"\w*rii(ta|taa|dan|dassa|dasta|doissa|toja|tojen|dat)",
    "huoltoriita": r"huoltorii(ta|taa|dan|dassa|dasta|doissa|toja|tojen|dat)",
    "tuki": r"(tuki|tuen|tuesta|tukea|tukeen|tukena|tukien|tukia)\w*|\w+tu(ki|en|kea|keen|kena)",
    "hoito": r"\w*(hoito|hoidon|hoitoa|hoitoon|hoidossa|hoidosta|hoidot|hoitojen)\w*",
    "perhe": r"\w*perhe\w*",
    "palvelu": r"\w*palvelu\w*",
    "suunnitelma": r"\w*suunnitelm\w*",
    "turvasuunnitelma": r"turvasuunnitelm\w*",
    "väkivalta": r"\w*väkival(ta|lan|lasta|lalta|taa|lat|loja)\w*",
    "perheväkivalta": r"perheväkival\w*",
    "lastensuojelu": r"lastensuojelu\w*",
    "lastensuojeluilmoitus": r"lastensuojeluilmoitu\w*",
    "suojelu": r"\w*suojelu\w*",
    "psykiatria": r"\w*psykiatri(a|an|aan|assa|asta)\b",
    "tilanne": r"\w*tilan(ne|netta|teen|teeseen|teessa|teesta|teestaan|teet|teita)\b",
    "sijaishuolto": r"sijaishuol(to|lon|lossa|losta|toon)\w*",
    "koulunkäynti": r"koulunkäyn(ti|nin|tiin|tiä)\w*",
    "päihde": r"päih(de|teitä|teiden|teet|teisiin|teistä)\w*|\w*päihde\w*",
    "palaveri": r"\w*palaver\w*",
    "vastuu": r"\w*vastu(u|ita|ulla|ulle|un|useen|ut)\w*",
    "henkilö": r"\w*henkilö\w*",
    "asiantuntija": r"\w*asiantuntij\w*",
    "konsultaatio": r"\w*konsultaatio\w*",
    "aikuinen": r"\w*aikui(nen|sen|set|sten|sta|sia|seen|spsykiatria)\w*",
    "mielenterveys": r"mielenterve\w*",
    "koulupoissaolo": r"koulupoissaolo\w*",
    "työntekijä": r"\w*työntekij\w*",
    "kuukausi": r"kuuka(usi|uden|usia|usiin|usina|uteen|utta)\b",
    "vanhempi": r"\w*vanhe(mpi|mman|mmat|mmille|mpia|mpien|mpiin|mmalle|mmalta)\b",
    "nuori": r"nuor(i|en|elle|ella|ta|ten|et|empaa)\b",
    "koti": r"\w*(koti|kodin|kotiin|kotia|kodissa|kodista|kotien|kodit)\w*",
    "ryhmä": r"\w*ryhm(ä|än|ään|ässä|ästä|ältä|ät)\b",
}

#: the Swedish sentences added to the vault, and their queries
SWEDISH_TEXTS = (
    "Vårdnadstvisten har pågått i två år och barnet bor växelvis hos föräldrarna.",
    "En långvarig vårdnadstvist; socialtjänsten har gjort en barnskyddsanmälan.",
    "Barnen går i skolan men frånvaron har ökat sedan hösten.",
    "Skolan och socialtjänsten har haft ett nätverksmöte om familjen.",
    "Familjen har flyttat och barnet byter skola i januari.",
    "Mamman berättar om våld i familjen; en säkerhetsplan görs.",
    "Säkerhetsplanen följs upp vid nästa nätverksmöte.",
    "Pappan har sökt stöd för sitt missbruk.",
)
SWEDISH = {
    "vårdnadstvist": r"vårdnadstvist\w*",
    "tvist": r"\w*tvist\w*",
    "barn": r"\w*barn\w*",  # (barnet, barnen, barnskyddsanmälan, …)
    "skola": r"\w*skol\w*",  # (skolan, and the sector "Skolväsendet" in Swedish)
    "socialtjänst": r"\w*socialtjänst\w*",
    "familj": r"\w*familj\w*",
    "säkerhetsplan": r"säkerhetsplan\w*",
    "nätverksmöte": r"nätverksmöte\w*",
}


def relevant(pattern: str, texts: list[str]) -> bool:
    rx = re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    return any(rx.search(t) for t in texts)


def recall_precision(repo, queries: dict[str, str]) -> dict:
    """Per query and in sum: relevant, found, relevant found."""
    from otdesk.storage import search

    texts = {}
    for (cid,) in repo.conn.execute("SELECT id FROM consultations"):
        c = repo.get(cid)
        texts[cid] = [*c.texts(), *search.label_texts(c)]
    per, sums = {}, [0, 0, 0]
    for query, pattern in queries.items():
        # (a word that starts with the query is found as typed, by design: relevant too)
        pattern = f"{pattern}|{re.escape(query)}\\w*"
        rel = {cid for cid, t in texts.items() if relevant(pattern, t)}
        found = repo.search_ids(query)
        hit = len(rel & found)
        per[query] = {"relevant": len(rel), "found": len(found), "relevant_found": hit,
                      "missed_example": next(iter(rel - found), None),
                      "extra_example": next(iter(found - rel), None)}
        sums = [sums[0] + len(rel), sums[1] + len(found), sums[2] + hit]
    return {"queries": per, "relevant": sums[0], "found": sums[1], "relevant_found": sums[2],
            "recall": sums[2] / sums[0] if sums[0] else 1.0,
            "precision": sums[2] / sums[1] if sums[1] else 1.0}
