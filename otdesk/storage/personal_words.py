"""The consultant's own dictionary for the spelling check, kept in the vault.

Words added with "Add to dictionary" (a name, a place, a word of the trade) are stored
in ``personal_words`` (migration 0007), encrypted with everything else and carried by
every backup; Enchant's own word list is never written (see :mod:`otdesk.core.spelling`).
Adding a word is audited as ``dictionary.word_added`` without the word: the log says
that the dictionary changed, never what was typed.  No Qt here.
"""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlcipher

from otdesk.core import spelling
from otdesk.core.dates import now_stamp
from otdesk.core.errors import UserError
from otdesk.storage.errors import storage_error
from otdesk.storage.repository import Repository


def words(conn: sqlcipher.Connection) -> list[str]:
    """Every word of the consultant's dictionary, in order."""
    try:
        return [w for (w,) in conn.execute("SELECT word FROM personal_words ORDER BY word")]
    except sqlcipher.Error as exc:
        raise storage_error(exc) from exc


def add(repo: Repository, word: str) -> str:
    """Keep ``word`` in the vault's dictionary (once); returns it as kept."""
    if not spelling.addable(word):
        raise UserError("error.word_not_addable")
    kept = spelling.normal(word)
    with repo.transaction() as conn:
        added = conn.execute("INSERT OR IGNORE INTO personal_words (word, added_at) "
                             "VALUES (?, ?)", (kept, now_stamp())).rowcount
        if added:
            repo._append_audit("dictionary.word_added")
    return kept
