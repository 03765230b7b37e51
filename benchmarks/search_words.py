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


def measures(parent, run) -> list:
    """Recall and precision on a demo vault of its own (2,000 consultations and the
    Swedish sentences); ``run`` is :mod:`benchmarks.run` (its Measure, make_vault)."""
    from otdesk import demo
    from otdesk.core import search_terms
    from otdesk.core.domain import Consultation
    from otdesk.storage.vault import open_vault

    data_dir, key = run.make_vault(parent, "v-words")
    out = []
    with open_vault(data_dir, data_key=key) as vault:
        demo.insert_demo(vault, WORDS_VAULT, seed=run.SEED + 3, deliveries=False)
        for text in SWEDISH_TEXTS:
            c = Consultation(question=text)
            c.situation.background = text
            vault.repository.create(c)
        for lang, queries in (("fi", FINNISH), ("sv", SWEDISH)):
            r = recall_precision(vault.repository, queries)
            details = {"analysers": search_terms.analysers(), "queries": r["queries"],
                       "relevant": r["relevant"], "found": r["found"],
                       "relevant_found": r["relevant_found"]}
            out.append(run.Measure(
                f"search.recall_{lang}", f"base-form queries ({len(queries)} words, "
                f"{'Finnish' if lang == 'fi' else 'Swedish'}): relevant found / relevant",
                {"recall": round(r["recall"], 4)}, "",
                {"stat": "recall", "op": ">=", "limit": 0.95}, details=details).judge())
            out.append(run.Measure(
                f"search.precision_{lang}", f"the same: relevant found / found",
                {"precision": round(r["precision"], 4)}, "",
                {"stat": "precision", "op": ">=", "limit": 0.90},
                details={"analysers": details["analysers"]}).judge())
    return out


#: the recall and precision vault's demo consultations
WORDS_VAULT = 2_000


def bench_list_search(data_dir, key, label: str, budget_ms: float, run, rounds: int = 3):
    """storage.listing.listing(search=q) as the app's reader runs it for the list (the
    count, the overdue count, the first screen), on a read-only connection with the
    reader's page cache, over the typing queries and the base-form words; and the size
    of the search indexes."""
    import datetime as dt
    import statistics
    import time

    from otdesk.storage import listing
    from otdesk.storage.vault import open_vault

    queries = [*run.QUERIES, *FINNISH]
    today = dt.date.today()
    times, per = [], {}
    with open_vault(data_dir, data_key=key) as vault:
        conn = vault.open_connection(read_only=True)
        try:
            conn.execute(f"PRAGMA cache_size = -{listing.READER_CACHE_KIB}")
            for q in queries:  # (the first pass reads the pages from disk)
                listing.listing(conn, listing.ListQuery(search=q), today)
            for q in queries:
                samples = []
                for _ in range(rounds):
                    start = time.perf_counter()
                    found = listing.listing(conn, listing.ListQuery(search=q), today)
                    samples.append(time.perf_counter() - start)
                times += samples
                per[q] = {"p50_ms": run.ms(statistics.median(samples)), "hits": found.total}
            sizes = {table: conn.execute(f"SELECT coalesce(sum(length(block)), 0)"
                                         f" FROM {table}_data").fetchone()[0]
                     for table in ("consultation_text", "consultation_terms",
                                   "consultation_sv_parts")}
        finally:
            conn.close()
    slowest = max(per, key=lambda q: per[q]["p50_ms"])
    growth = (sizes["consultation_terms"] + sizes["consultation_sv_parts"]) / max(
        1, sizes["consultation_text"])
    return [run.Measure(
        f"search.list_{label}", f"listing(search=q) at {label}: count, overdue count, "
        f"first screen; {len(queries)} queries × {rounds}",
        {"p50": run.ms(run.percentile(times, 50)), "p95": run.ms(run.percentile(times, 95))},
        "ms", {"stat": "p95", "op": "<=", "limit": budget_ms},
        details={"slowest_query": slowest, "queries": per}).judge(),
        run.Measure(
        f"search.index_size_{label}", f"the terms indexes beside the letters' index at {label}",
        {"ratio": round(growth, 2)}, "×",
        details={"bytes": sizes, "note": f"text {sizes['consultation_text'] / 1e6:.1f} MB,"
                 f" terms {sizes['consultation_terms'] / 1e6:.1f} MB, Swedish parts"
                 f" {sizes['consultation_sv_parts'] / 1e6:.1f} MB"})]
