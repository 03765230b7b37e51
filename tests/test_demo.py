"""Demo data: delivered and closed consultations come from real deliveries.

A demo consultation is never "summary delivered" or "closed" by a bare status: it is
created held and its summary delivered through otdesk.operations.delivery, so the
record is sealed and the delivered PDF is kept in the vault.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import io
import random
import string
import subprocess
import sys

import pytest
from pypdf import PdfReader

from otdesk import demo
from otdesk.core import dates
from otdesk.core.domain import CONSENT_FORMS, STATUSES

#: a fixed "now", so that the same seed gives the same cases in every test
NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dates.zone())
SEED = 4
DELIVERED = ("summary_delivered", "closed")


def _planned(count: int, seed: int = SEED) -> list[demo.DemoCase]:
    return list(demo.generate_cases(count, seed, now=NOW))


def test_demo_consultations_can_all_be_delivered_and_name_no_one():
    cases = [case for seed in (1, 2, 3) for case in demo.generate_cases(700, seed, now=NOW)]
    identified = [case.consultation for case in cases if not case.consultation.anonymous]
    assert len(identified) > 100
    for case in cases:
        c = case.consultation
        c.validate()
        assert c.delivery_blockers() == [], (c.question, c.delivery_blockers())
        # created as it really is: nothing delivered without a delivery
        assert c.status not in DELIVERED and c.feedback.score is None and not c.addenda
        if case.delivery is not None:
            assert c.status == "held" and c.session.date and c.plan.steps and c.options
    for c in identified:
        assert c.consent is not None and c.consent.missing() == []
        assert c.consent.form in CONSENT_FORMS
        assert c.consent.recorded_by in demo.phrases().consultants
        assert c.consent.given_on <= c.received_at.date()
    # the same seed and now: the same cases
    again = _planned(50)
    assert [c.consultation.to_dict() for c in again] == \
        [c.consultation.to_dict() for c in _planned(50)]


def test_the_phrase_file_loads_once_with_every_bank_and_slot_the_generator_uses():
    """templates/demo.toml is read on the first generation, not on import; every list
    has something to draw, and every {slot} in it is one the generator fills."""
    fresh = subprocess.run([sys.executable, "-c", "import otdesk.demo as d; "
                            "print(d.phrases.cache_info().currsize)"],
                           capture_output=True, text=True, timeout=60)
    assert fresh.stdout.strip() == "0", fresh.stderr
    p = demo.phrases()
    assert p is demo.phrases()
    assert set(p.child_forms) == {"poika", "tyttö", "nuori", "lapsi"}
    assert set(p.parent_forms) == {"äiti", "isä"}
    assert all(len(forms) == 5 for forms in (*p.child_forms.values(), *p.parent_forms.values()))

    filled = set(demo._context(random.Random(0), "Helsinki", 2026))  # what a case fills in

    def walk(value, where):
        if isinstance(value, str):
            slots = {name for _, name, _, _ in string.Formatter().parse(value) if name}
            allowed = {"org", "kunta"} if where.startswith("other_orgs") else filled
            assert slots <= allowed, (where, value)
            return
        items = value.items() if isinstance(value, dict) else enumerate(value)
        assert value, f"{where} is empty"
        for key, item in items:
            walk(item, f"{where}[{key!r}]")

    for f in dataclasses.fields(p):
        walk(getattr(p, f.name), f.name)


def test_200_demo_cases_delivered_for_real(vault):
    repo, deliveries = vault.repository, vault.deliveries
    planned = _planned(200)
    assert demo.insert_demo(vault, 200, seed=SEED, now=NOW) == 200
    rows = repo.list()
    statuses = collections.Counter(r.status for r in rows)
    # the spread of statuses is the planned one, every status shows, most are done
    assert statuses == collections.Counter(case.status for case in planned)
    assert set(statuses) == set(STATUSES)
    assert statuses["summary_delivered"] + statuses["closed"] >= 100

    second_versions = identified = addenda = feedback = 0
    for row in rows:
        c = repo.get(row.id)
        given = deliveries.of(row.id)
        if row.status not in DELIVERED:
            assert not given and not row.delivered and not repo.is_sealed(row.id)
            assert not c.addenda and c.feedback.score is None
            continue
        assert row.delivered and repo.is_sealed(row.id) and given
        assert [d.version for d in given] == sorted({d.version for d in given})
        assert given[0].version == 1
        for d in given:
            assert (d.lang, d.via) == ("fi", "app") and d.method in ("print", "pdf")
            pdf = deliveries.pdf(d.id)  # checked against its SHA-256
            assert pdf.startswith(b"%PDF-") and d.size == len(pdf) > 10_000
            assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1
        second_versions += given[-1].version == 2
        identified += not c.anonymous
        addenda += bool(c.addenda)
        feedback += c.feedback.score is not None
    assert second_versions and identified and addenda and feedback

    # what the summary says: the stored record, its reference, its addenda
    c = next(repo.get(r.id) for r in rows
             if r.delivered and deliveries.of(r.id)[-1].version == 2)
    last = deliveries.of(c.id)[-1]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(deliveries.pdf(last.id))).pages)
    assert c.reference in text and c.addenda[-1].text[:25] in " ".join(text.split())
    assert repo.verify_audit().ok


def test_without_deliveries_nothing_is_delivered_and_those_cases_stay_held(vault):
    planned = _planned(200)
    assert demo.insert_demo(vault, 200, seed=SEED, now=NOW, deliveries=False) == 200
    rows = vault.repository.list()
    assert vault.conn.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 0
    assert not any(r.delivered or r.status in DELIVERED for r in rows)
    want = collections.Counter(case.consultation.status for case in planned)
    assert collections.Counter(r.status for r in rows) == want
    assert want["held"] == sum(case.status in (*DELIVERED, "held") for case in planned)


@pytest.mark.parametrize("count", [6, 7])
def test_deliveries_by_default_only_for_small_vaults(vault, monkeypatch, count):
    monkeypatch.setattr(demo, "DELIVERIES_UP_TO", 6)
    planned = _planned(count, seed=9)
    expected = sum(case.delivery is not None for case in planned)
    assert expected  # the seed has some to deliver
    demo.insert_demo(vault, count, seed=9, now=NOW)
    rows = vault.repository.list()
    delivered = sum(r.delivered for r in rows)
    assert delivered == (expected if count <= 6 else 0)
    assert all(r.delivered for r in rows if r.status in DELIVERED)


def test_otdesk_demo_then_list_shows_every_done_case_delivered(data_dir):
    """Through the command line, as a user tries the app: ``otdesk demo``."""
    import json

    from conftest import PASSPHRASE, run_cli

    stdin = PASSPHRASE + "\n"
    assert run_cli(["--passphrase-stdin", "init"], data_dir, stdin=stdin).returncode == 0
    made = run_cli(["--passphrase-stdin", "demo", "--count", "40", "--seed", "7"], data_dir,
                   stdin=stdin)
    assert made.returncode == 0, made.stderr
    listed = run_cli(["--passphrase-stdin", "list", "--json"], data_dir, stdin=stdin)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 40 and any(r["status"] in DELIVERED for r in rows)
    for r in rows:
        assert r["delivered"] == (r["status"] in DELIVERED), r
    assert run_cli(["--passphrase-stdin", "audit", "verify"], data_dir,
                   stdin=stdin).returncode == 0

    # --no-deliveries: the fast path; nothing is delivered, so nothing is done
    fast = run_cli(["--passphrase-stdin", "demo", "--count", "40", "--seed", "8",
                    "--no-deliveries"], data_dir, stdin=stdin)
    assert fast.returncode == 0, fast.stderr
    rows = json.loads(run_cli(["--passphrase-stdin", "list", "--json"], data_dir,
                              stdin=stdin).stdout)
    assert len(rows) == 80
    assert sum(r["delivered"] for r in rows) == sum(r["status"] in DELIVERED for r in rows)
