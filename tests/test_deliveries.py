"""Delivered summaries: kept exactly, listed, reopened; the record sealed after delivery."""

from __future__ import annotations

import hashlib

import pytest
import sqlcipher3

from otdesk.core.domain import Consultation, Feedback
from otdesk.core.errors import UserError

PDF_1 = b"%PDF-1.4 first summary"
PDF_2 = b"%PDF-1.4 second summary"


def _held(repo) -> Consultation:
    c = repo.create(Consultation(question="Mitä tehdään?"))
    for status in ("accepted", "prepared", "held"):
        c = repo.change_status(c.id, status)
    return c


def test_a_delivery_is_kept_exactly_and_seals_the_record(vault, repo):
    c = _held(repo)
    d = vault.deliveries.record(c.id, PDF_1, lang="fi", method="print")
    assert (d.version, d.lang, d.method, d.size) == (1, "fi", "print", len(PDF_1))
    assert d.sha256 == hashlib.sha256(PDF_1).hexdigest()
    assert vault.deliveries.pdf(d.id) == PDF_1
    assert repo.get(c.id).status == "summary_delivered"
    assert repo.row(c.id).delivered and repo.list()[0].delivered

    sealed = repo.get(c.id)
    sealed.question = "Toinen kysymys"
    with pytest.raises(UserError) as err:
        repo.update(sealed)
    assert err.value.key == "error.sealed" and "question" in err.value.message("en")
    assert repo.get(c.id).question == "Mitä tehdään?"

    # what may still change: status, feedback, new addenda
    ok = repo.get(c.id)
    ok.feedback = Feedback(score=5, comment="Selkeä suunnitelma")
    repo.update(ok)
    repo.add_addendum(c.id, "Isä otti yhteyttä 1.12.; palaveri siirtyy.")
    assert repo.get(c.id).addenda[0].text.startswith("Isä otti yhteyttä")
    rewritten = repo.get(c.id)
    rewritten.addenda[0].text = "muutettu jälkikäteen"
    with pytest.raises(UserError):
        repo.update(rewritten)


def test_versions_count_changes_not_reprints(vault, repo):
    c = _held(repo)
    first = vault.deliveries.record(c.id, PDF_1, lang="fi", method="print")
    again = vault.deliveries.record(c.id, PDF_1, lang="fi", method="pdf")
    assert (first.version, again.version) == (1, 1)
    repo.add_addendum(c.id, "Lisäys")
    assert vault.deliveries.next_version(c.id) == 2
    second = vault.deliveries.record(c.id, PDF_2, lang="sv", method="pdf")
    assert second.version == 2
    listed = vault.deliveries.of(c.id)
    assert [(d.version, d.method) for d in listed] == [(1, "print"), (1, "pdf"), (2, "pdf")]
    assert vault.deliveries.pdf(listed[0].id) == PDF_1  # the earlier one stays reopenable


def test_delivered_summaries_cannot_be_altered(vault, repo):
    c = _held(repo)
    d = vault.deliveries.record(c.id, PDF_1, lang="fi", method="print")
    with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="never changed"):
        vault.conn.execute("UPDATE deliveries SET pdf = ? WHERE id = ?", (PDF_2, d.id))


def test_deliveries_are_in_the_audit_log(vault, repo):
    c = _held(repo)
    d = vault.deliveries.record(c.id, PDF_1, lang="fi", method="pdf")
    vault.deliveries.pdf(d.id)
    actions = [e.action for e in repo.audit_entries(f"consultation:{c.id}")]
    assert "summary.saved" in actions and "summary.reopened" in actions
    assert repo.verify_audit().ok
