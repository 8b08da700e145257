"""Tracking codes, contact normalisation and the public status lookup, shared
by every case the public files (applications, complaints, messages).

A case is opened by its tracking code plus the last four digits of the phone
number given with it. The catalog keeps only a hash of the code
(``tracking_code_hash``); every lookup, hit or miss, takes at least
LOOKUP_FLOOR_SECONDS so that timing does not tell which codes exist.
"""

from plone import api
from tongliao.disclosure import _
from zope.schema import ValidationError

import hashlib
import re
import secrets
import time
import unicodedata


# Crockford-like alphabet without 0/O, 1/I/L, U: nothing to misread on paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 29**12 ≈ 2**58 codes

# Every lookup answers after at least this long, hit or miss: an unknown code
# (no case loaded) must not answer faster than a known code with a wrong phone
# tail, or the timing would tell which codes exist.
LOOKUP_FLOOR_SECONDS = 0.1

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SPACES_AND_DASHES = re.compile(r"[\s\-\u2010-\u2015\u2212\u30fc]")


class InvalidEmail(ValidationError):
    __doc__ = _("Enter a valid email address.")


class InvalidPhone(ValidationError):
    __doc__ = _("Enter a phone number with at least 7 digits.")


def normalize_digits(value):
    """Full-width digits, letters and signs to ASCII (NFKC): "１３８" → "138"."""
    return unicodedata.normalize("NFKC", str(value or ""))


def normalize_phone(value):
    """ASCII digits, spaces collapsed: "１３８ １２３４" → "138 1234"."""
    return " ".join(normalize_digits(value).split())


def normalize_id_number(value):
    """NFKC, no spaces or dashes, capitals."""
    return _SPACES_AND_DASHES.sub("", normalize_digits(value)).upper()


def new_tracking_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalize_tracking_code(value):
    """Upper case ASCII, no separators; '' for anything outside the alphabet."""
    text = _SPACES_AND_DASHES.sub("", normalize_digits(value)).upper()
    if len(text) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in text):
        return ""
    return text


def tracking_code_hash(value):
    """What the catalog stores instead of the code itself."""
    code = normalize_tracking_code(value)
    return hashlib.sha256(code.encode()).hexdigest() if code else ""


def phone_tail(phone):
    """The last four ASCII digits of a phone number ('' if fewer)."""
    digits = re.sub(r"[^0-9]", "", normalize_digits(phone))
    return digits[-4:] if len(digits) >= 4 else ""


def mask_name(value):
    text = (value or "").strip()
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * (len(text) - 1)


def email_constraint(value):
    if value and not _EMAIL_RE.match(normalize_digits(value).strip()):
        raise InvalidEmail(value)
    return True


def phone_constraint(value):
    if value and len(re.sub(r"[^0-9]", "", normalize_digits(value))) < 7:
        raise InvalidPhone(value)
    return True


def code_matches(own_code, own_phone, code, tail):
    """Whether (code, tail) opens a case with ``own_code`` and ``own_phone``.

    Both sides are normalised (full-width digits, spaces, case); anything that
    is not four ASCII digits compares as a wrong tail, never raises. A case
    without a phone (an anonymous complaint) is opened by none.
    """
    own = normalize_tracking_code(own_code)
    given = normalize_tracking_code(code)
    own_tail = phone_tail(own_phone)
    given_tail = normalize_digits(tail).strip()
    if not (given_tail.isascii() and given_tail.isdigit()):
        given_tail = "-"
    return bool(
        own
        and given
        and len(own_tail) == 4
        and secrets.compare_digest(own, given)
        & secrets.compare_digest(own_tail, given_tail)
    )


def unique_tracking_code():
    """A code no catalogued case has (read from the index, no search)."""
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.indexes.get("tracking_code_hash")
    while True:
        code = new_tracking_code()
        if index is None or not index._index.get(tracking_code_hash(code)):
            return code


def missing_lookup_fields(code, tail):
    """The message saying what a lookup lacks, or None when both are given."""
    code = (code or "").strip() if isinstance(code, str) else ""
    tail = (tail or "").strip() if isinstance(tail, str) else ""
    if not code and not tail:
        return _("Enter the tracking code and the last four digits of the phone.")
    if not code:
        return _("Enter the tracking code.")
    if not tail:
        return _("Enter the last four digits of the phone number.")
    return None


def find_by_code(portal_type, code, tail):
    """The case of ``portal_type`` opened by (tracking code, phone tail), or None.

    Unknown code and wrong tail take the same path, give the same None and take
    at least LOOKUP_FLOOR_SECONDS. The case must have a ``matches(code, tail)``.
    """
    started = time.monotonic()
    catalog = api.portal.get_tool("portal_catalog")
    digest = tracking_code_hash(code) or "-"
    brains = catalog.unrestrictedSearchResults(
        portal_type=portal_type, tracking_code_hash=digest
    )
    found = None
    for brain in brains:
        case = brain._unrestrictedGetObject()
        if case.matches(code, tail):
            found = case
            break
    time.sleep(max(0.0, LOOKUP_FLOOR_SECONDS - (time.monotonic() - started)))
    return found
