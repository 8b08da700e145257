"""Public comments on a consultation, kept in an annotation of the consultation.

Comments are not content: they have no workflow of their own and writing one
does not change what the public sees of the (reviewed) consultation, so it
does not trigger the review rule. A comment is ``pending`` until a moderator
shows or rejects it; only ``shown`` comments are public, and never with the
commenter's name or contact (read only with ``View commenter data``).
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations

import hashlib


KEY = "tongliao.disclosure.consultation_comments"
PENDING, SHOWN, REJECTED = "pending", "shown", "rejected"
STATES = (PENDING, SHOWN, REJECTED)


def _normalised(text):
    return "".join((text or "").split())


def fingerprint(clause, text):
    """The same comment (whitespace aside) on the same clause is a duplicate."""
    raw = f"{_normalised(clause)}\x00{_normalised(text)}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _storage(consultation, create=False):
    annotations = IAnnotations(consultation)
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = OOBTree()
    return store


def all_comments(consultation):
    """Every comment, oldest first (dicts; do not modify)."""
    store = _storage(consultation)
    if not store:
        return []
    return [dict(store[key], id=key) for key in store]


def comments_in(consultation, state):
    return [c for c in all_comments(consultation) if c["state"] == state]


def is_duplicate(consultation, clause, text):
    mark = fingerprint(clause, text)
    return any(c["fingerprint"] == mark for c in all_comments(consultation))


def add_comment(consultation, text, clause="", name="", contact="", now=None):
    """Store a pending comment; returns its id."""
    store = _storage(consultation, create=True)
    number = len(store) + 1
    key = f"{number:05d}"
    while key in store:
        number += 1
        key = f"{number:05d}"
    store[key] = PersistentMapping(
        text=text,
        clause=clause,
        name=name,
        contact=contact,
        created=now or datetime.now(UTC),
        state=PENDING,
        moderator="",
        moderated=None,
        fingerprint=fingerprint(clause, text),
    )
    return key


def moderate(consultation, comment_id, state, moderator, now=None):
    """Show or reject a comment; returns False when there is no such comment."""
    if state not in (SHOWN, REJECTED):
        raise ValueError(state)
    store = _storage(consultation)
    if not store or comment_id not in store:
        return False
    comment = store[comment_id]
    comment["state"] = state
    comment["moderator"] = moderator
    comment["moderated"] = now or datetime.now(UTC)
    return True


def public_comment(comment):
    """What anyone may read of a shown comment: no name, no contact."""
    return {
        "id": comment["id"],
        "clause": comment["clause"],
        "text": comment["text"],
        "created": comment["created"],
    }
