"""Validators for identifiers used in government information disclosure.

Pure functions (no Plone): 发文字号 (document numbers), 统一社会信用代码
(GB 32100-2015), 居民身份证号码 (GB 11643-1999), masking of personal data and
the 成文日期/发布日期 rule.

Every ``check_*`` function returns the normalized value or raises
``zope.interface.Invalid`` whose first argument is a translatable message
(English msgid, ``${...}`` mapping). The ``*_constraint`` functions wrap them
for ``constraint=`` on zope.schema fields: they return True, skip empty values
(requiredness is the field's job) and raise the same ``Invalid``.
"""

from datetime import date
from datetime import datetime
from tongliao.disclosure import _
from tongliao.disclosure.chinatime import CHINA_TZ
from tongliao.disclosure.chinatime import today_in_china
from zope.i18nmessageid import Message
from zope.interface import Invalid

import re


EXAMPLE_DOCUMENT_NUMBER = "通政公办字〔2021〕1号"
EXAMPLE_ORDER_NUMBER = "国务院令第711号"
FIRST_DOCUMENT_YEAR = 1949

MSG_DOCUMENT_NUMBER_EMPTY = _("Enter the document number.")
MSG_DOCUMENT_NUMBER_FORMAT = _(
    "Write the document number as the issuing organ's code, the year in 〔〕 and "
    "the sequence number followed by 号, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_CODE_MISSING = _(
    "Start the document number with the issuing organ's code, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_CODE_CHARS = _(
    "The issuing organ's code may contain only Chinese characters and Latin "
    "letters, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_BRACKETS = _(
    "Put the year in hexagonal brackets 〔〕, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_YEAR_DIGITS = _(
    "Write the year in full with four digits, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_ORDINAL = _(
    "Do not write 第 before the sequence number, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_LEADING_ZERO = _(
    "The sequence number must not start with 0, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_SEQUENCE_ZERO = _(
    "The sequence number starts at 1, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_SUFFIX = _(
    "End the document number with 号, for example: ${example}"
)
MSG_DOCUMENT_NUMBER_YEAR_FUTURE = _(
    "The year ${year} in the document number is in the future."
)
MSG_DOCUMENT_NUMBER_YEAR_TOO_EARLY = _(
    "The year ${year} in the document number is before 1949."
)
MSG_DOCUMENT_NUMBER_ORDER_ONLY = _(
    "Only orders (命令（令）) are numbered 第N号 without a year; write this "
    "document number like ${example}"
)
MSG_DOCUMENT_NUMBER_ORDER_FORMAT = _(
    "Write an order number as the organ's name with 令 followed by 第N号, or "
    "just 第N号, for example: ${example}"
)

MSG_USCC_EMPTY = _("Enter the unified social credit code.")
MSG_USCC_LENGTH = _(
    "The unified social credit code has 18 characters; this one has ${length}."
)
MSG_USCC_CHARS = _(
    "The unified social credit code contains characters that are not allowed: "
    "${chars}. It uses digits and capital letters except I, O, S, V and Z."
)
MSG_USCC_CHECK = _(
    "The last character (check character) of the unified social credit code "
    "does not match the first 17; check the code for typing errors."
)

MSG_RESIDENT_ID_EMPTY = _("Enter the resident ID number.")
MSG_RESIDENT_ID_LENGTH = _(
    "The resident ID number has 18 characters; this one has ${length}."
)
MSG_RESIDENT_ID_CHARS = _(
    "The first 17 characters of a resident ID number are digits and the last "
    "is a digit or X."
)
MSG_RESIDENT_ID_REGION = _(
    "The first six digits (${region}) of the resident ID number are not a "
    "valid address code."
)
MSG_RESIDENT_ID_BIRTH_INVALID = _(
    "The birth date ${birth} in the resident ID number is not a valid date."
)
MSG_RESIDENT_ID_BIRTH_FUTURE = _(
    "The birth date ${birth} in the resident ID number is in the future."
)
MSG_RESIDENT_ID_CHECK = _(
    "The last character (check character) of the resident ID number does not "
    "match the first 17; check the number for typing errors."
)

MSG_DATE_WRITTEN_FUTURE = _("The date written cannot be later than today.")
MSG_DATE_WRITTEN_AFTER_PUBLISHED = _(
    "The date written cannot be later than the publication date."
)
MSG_DATE_CHANGED_FUTURE = _("The date of change cannot be later than today.")
MSG_DATE_CHANGED_BEFORE_WRITTEN = _(
    "The date of change cannot be earlier than the date written."
)

# The CJK block is wider than the \u9fa5 of the shared regex: rare characters in
# organ names must not be rejected.
_CODE = r"[\u4e00-\u9fffA-Za-z]+"
DOCUMENT_NUMBER_RE = re.compile(
    rf"^(?P<code>{_CODE})〔(?P<year>\d{{4}})〕(?P<seq>[1-9]\d*)号$"
)
ORDER_NUMBER_RE = re.compile(
    r"^(?P<code>[\u4e00-\u9fffA-Za-z]*令)?第(?P<seq>[1-9]\d*)号$"
)

_OPENING = "〔[［【（(〖〘{｛<＜〈《「『"
_CLOSING = "〕]］】）)〗〙}｝>＞〉》」』"
_LOOSE_BRACKETED_RE = re.compile(
    rf"^(?P<code>.*?)(?P<open>[{re.escape(_OPENING)}])(?P<year>\d*)"
    rf"(?P<close>[{re.escape(_CLOSING)}])?(?P<ordinal>第?)(?P<seq>\d*)(?P<suffix>号?)$"
)
# Without any bracket only a 19xx/20xx year right after the code is recognised.
_LOOSE_BARE_RE = re.compile(
    r"^(?P<code>.*?\D)(?P<open>)(?P<year>(?:19|20)\d\d)(?P<close>)(?P<ordinal>第?)"
    r"(?P<seq>\d+)(?P<suffix>号?)$"
)
# The order form: 第N号 preceded by nothing or by an organ name ending in 令.
_LOOSE_ORDER_RE = re.compile(
    r"^(?P<code>(?:[^\d〔〕]*令)?)第(?P<seq>\d*)(?P<suffix>号?)$"
)
_CODE_RE = re.compile(rf"^{_CODE}$")

# ﹝﹞ (small tortoise-shell brackets) look identical to 〔〕 and are a common slip.
_DOCUMENT_NUMBER_TRANSLATION = str.maketrans(
    {"﹝": "〔", "﹞": "〕", **{chr(0xFF10 + i): str(i) for i in range(10)}}
)

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK_CHARS = "10X98765432"
# GB/T 2260 province codes, plus 71 (Taiwan) and 81/82/83 (HK/Macao/Taiwan residence
# permits, which use the same 18-character scheme).
PROVINCE_CODES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35"}
    | {"36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53"}
    | {"54", "61", "62", "63", "64", "65", "71", "81", "82", "83"}
)

_WHITESPACE_RE = re.compile(r"\s+")
_MOBILE_RE = re.compile(r"^(?:\+?86)?(1\d{10})$")


def _invalid(message, **mapping):
    return Invalid(Message(message, mapping=mapping or None))


def _strip_all_whitespace(value):
    return _WHITESPACE_RE.sub("", value or "")


# 发文字号 -------------------------------------------------------------------


def normalize_document_number(value):
    """Remove whitespace, use ASCII digits and turn ﹝﹞ into 〔〕."""
    return _strip_all_whitespace(value).translate(_DOCUMENT_NUMBER_TRANSLATION)


def canonical_document_number(value):
    """The 发文字号 a person meant, with 〔〕 whatever brackets they typed, or None.

    ``通政办发(2021)30号``, ``通政办发[2021]30号``, ``通政办发（2021）30号`` and
    ``通政办发〔2021〕30号`` all give ``通政办发〔2021〕30号``; text that is not a
    document number gives None.
    """
    number = normalize_document_number(value or "")
    match = _LOOSE_BRACKETED_RE.match(number)
    if not match or not (match.group("close") and match.group("suffix")):
        return None
    code, year, seq = match.group("code", "year", "seq")
    candidate = f"{code}〔{year}〕{seq.lstrip('0')}号"
    return candidate if DOCUMENT_NUMBER_RE.match(candidate) else None


def _suggest(code, year, seq, example=EXAMPLE_DOCUMENT_NUMBER):
    """The corrected number if its parts allow one, else the generic example."""
    seq = (seq or "").lstrip("0")
    if _CODE_RE.match(code or "") and len(year or "") == 4 and seq:
        return f"{code}〔{year}〕{seq}号"
    return example


def _check_document_year(year, today):
    today = today or today_in_china()
    if int(year) < FIRST_DOCUMENT_YEAR:
        raise _invalid(MSG_DOCUMENT_NUMBER_YEAR_TOO_EARLY, year=year)
    if int(year) > today.year:
        raise _invalid(MSG_DOCUMENT_NUMBER_YEAR_FUTURE, year=year)


def _check_order_number(number, match):
    code, seq, suffix = match.group("code", "seq", "suffix")
    example = f"{code}第{seq.lstrip('0')}号" if seq.strip("0") else EXAMPLE_ORDER_NUMBER
    if (code and not _CODE_RE.match(code)) or not seq:
        raise _invalid(MSG_DOCUMENT_NUMBER_ORDER_FORMAT, example=EXAMPLE_ORDER_NUMBER)
    if not seq.strip("0"):
        raise _invalid(MSG_DOCUMENT_NUMBER_SEQUENCE_ZERO, example=EXAMPLE_ORDER_NUMBER)
    if seq.startswith("0"):
        raise _invalid(MSG_DOCUMENT_NUMBER_LEADING_ZERO, example=example)
    if not suffix:
        raise _invalid(MSG_DOCUMENT_NUMBER_SUFFIX, example=example)
    if not ORDER_NUMBER_RE.match(number):
        raise _invalid(MSG_DOCUMENT_NUMBER_ORDER_FORMAT, example=EXAMPLE_ORDER_NUMBER)
    return number


def _diagnose_document_number(number):
    """Return Invalid with the most specific message for a malformed number."""
    match = _LOOSE_BRACKETED_RE.match(number) or _LOOSE_BARE_RE.match(number)
    if match is None:
        return _invalid(MSG_DOCUMENT_NUMBER_FORMAT, example=EXAMPLE_DOCUMENT_NUMBER)
    code, opening, year, closing, ordinal, seq, suffix = match.group(
        "code", "open", "year", "close", "ordinal", "seq", "suffix"
    )
    example = _suggest(code, year, seq)
    if not code:
        return _invalid(
            MSG_DOCUMENT_NUMBER_CODE_MISSING, example=EXAMPLE_DOCUMENT_NUMBER
        )
    if not _CODE_RE.match(code):
        return _invalid(MSG_DOCUMENT_NUMBER_CODE_CHARS, example=EXAMPLE_DOCUMENT_NUMBER)
    if (opening, closing) != ("〔", "〕"):
        return _invalid(MSG_DOCUMENT_NUMBER_BRACKETS, example=example)
    if len(year) != 4:
        return _invalid(MSG_DOCUMENT_NUMBER_YEAR_DIGITS, example=example)
    if ordinal:
        return _invalid(MSG_DOCUMENT_NUMBER_ORDINAL, example=example)
    if seq and not seq.strip("0"):
        return _invalid(MSG_DOCUMENT_NUMBER_SEQUENCE_ZERO, example=example)
    if seq.startswith("0"):
        return _invalid(MSG_DOCUMENT_NUMBER_LEADING_ZERO, example=example)
    if seq and not suffix:
        return _invalid(MSG_DOCUMENT_NUMBER_SUFFIX, example=example)
    return _invalid(MSG_DOCUMENT_NUMBER_FORMAT, example=example)


def check_document_number(value, document_kind=None, today=None):
    """Validate a 发文字号 and return it normalized.

    The usual form is 发文机关代字 + 〔YYYY〕 + sequence number + 号, e.g.
    通政公办字〔2021〕1号: six-corner brackets, a four-digit year from 1949 to
    this year, no leading zero and no 第 (党政机关公文处理工作条例 art. 9,
    GB/T 9704-2012).

    Orders (``document_kind == "order"``, 命令（令）) may instead be numbered
    第N号 without a year, optionally preceded by the organ's name ending in 令:
    国务院令第711号 or 第711号 (Arabic numerals only). The order form is also
    accepted when ``document_kind`` is None, i.e. unknown (a field constraint
    cannot see the kind); any other kind rejects it.
    """
    number = normalize_document_number(value)
    if not number:
        raise _invalid(MSG_DOCUMENT_NUMBER_EMPTY)
    match = DOCUMENT_NUMBER_RE.match(number)
    if match:
        _check_document_year(match.group("year"), today)
        return number
    order_match = _LOOSE_ORDER_RE.match(number)
    if order_match:
        if document_kind not in (None, "order"):
            raise _invalid(
                MSG_DOCUMENT_NUMBER_ORDER_ONLY, example=EXAMPLE_DOCUMENT_NUMBER
            )
        return _check_order_number(number, order_match)
    if document_kind == "order" and "第" in number and "〔" not in number:
        raise _invalid(MSG_DOCUMENT_NUMBER_ORDER_FORMAT, example=EXAMPLE_ORDER_NUMBER)
    raise _diagnose_document_number(number)


def document_number_constraint(value):
    """zope.schema constraint for a 发文字号 field (kind unknown)."""
    if value:
        check_document_number(value)
    return True


# 统一社会信用代码 (GB 32100-2015) --------------------------------------------


def uscc_check_char(first17):
    """Return the check character for the first 17 characters of a USCC."""
    if len(first17) != 17 or any(char not in USCC_CHARSET for char in first17):
        raise ValueError(f"expected 17 characters of {USCC_CHARSET}: {first17!r}")
    total = sum(
        USCC_CHARSET.index(char) * weight
        for char, weight in zip(first17, USCC_WEIGHTS, strict=True)
    )
    return USCC_CHARSET[(31 - total % 31) % 31]


def normalize_uscc(value):
    return _strip_all_whitespace(value).upper()


def check_uscc(value):
    """Validate a 统一社会信用代码 and return it in capitals without spaces.

    Checks length, alphabet and the check character only; the registration
    authority, category and area digits are not checked against code lists.
    """
    code = normalize_uscc(value)
    if not code:
        raise _invalid(MSG_USCC_EMPTY)
    if len(code) != 18:
        raise _invalid(MSG_USCC_LENGTH, length=len(code))
    wrong = sorted(set(code) - set(USCC_CHARSET))
    if wrong:
        raise _invalid(MSG_USCC_CHARS, chars=" ".join(wrong))
    if uscc_check_char(code[:17]) != code[17]:
        raise _invalid(MSG_USCC_CHECK)
    return code


def uscc_constraint(value):
    """zope.schema constraint for a 统一社会信用代码 field."""
    if value:
        check_uscc(value)
    return True


# 居民身份证号码 (GB 11643-1999) ----------------------------------------------


def resident_id_check_char(first17):
    """Return the ISO 7064 MOD 11-2 check character for 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"expected 17 digits: {first17!r}")
    total = sum(
        int(digit) * weight
        for digit, weight in zip(first17, RESIDENT_ID_WEIGHTS, strict=True)
    )
    return RESIDENT_ID_CHECK_CHARS[total % 11]


def normalize_resident_id(value):
    return _strip_all_whitespace(value).upper()


def check_resident_id(value, today=None):
    """Validate an 18-character 居民身份证号码 and return it (x → X).

    Checks the province part of the address code (not the full GB/T 2260 list),
    the birth date (a real date, not in the future) and the check character.
    The old 15-digit numbers are rejected: they stopped being valid in 2013.
    """
    number = normalize_resident_id(value)
    if not number:
        raise _invalid(MSG_RESIDENT_ID_EMPTY)
    if len(number) != 18:
        raise _invalid(MSG_RESIDENT_ID_LENGTH, length=len(number))
    body, check = number[:17], number[17]
    if not (body.isascii() and body.isdigit()) or check not in "0123456789X":
        raise _invalid(MSG_RESIDENT_ID_CHARS)
    region = body[:6]
    if region[:2] not in PROVINCE_CODES:
        raise _invalid(MSG_RESIDENT_ID_REGION, region=region)
    birth_text = body[6:14]
    try:
        birth = date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:]))
    except ValueError:
        raise _invalid(MSG_RESIDENT_ID_BIRTH_INVALID, birth=birth_text) from None
    if birth > (today or today_in_china()):
        raise _invalid(MSG_RESIDENT_ID_BIRTH_FUTURE, birth=birth.isoformat())
    if resident_id_check_char(body) != check:
        raise _invalid(MSG_RESIDENT_ID_CHECK)
    return number


def resident_id_constraint(value):
    """zope.schema constraint for a 居民身份证号码 field."""
    if value:
        check_resident_id(value)
    return True


# Masking ---------------------------------------------------------------------


def mask_id_number(value, keep_start=4, keep_end=4, mask="*"):
    """Mask an identity number, keeping the first and last four characters.

    "150502199001011232" → "1505**********1232". Values too short to keep
    both ends are masked completely.
    """
    text = _strip_all_whitespace(value)
    if len(text) <= keep_start + keep_end:
        return mask * len(text)
    hidden = len(text) - keep_start - keep_end
    return text[:keep_start] + mask * hidden + text[len(text) - keep_end :]


def mask_phone(value, mask="*"):
    """Mask a phone number for display, never showing its last four digits.

    The last four digits are the second factor of the public status lookup, so
    no mask may reveal them. Mobile numbers keep their first three digits
    (138********); other numbers keep only an area code written before "-"
    (0475-*******).
    """
    text = (value or "").strip()
    mobile = _MOBILE_RE.match(re.sub(r"[\s-]", "", text))
    if mobile:
        digits = mobile.group(1)
        return digits[:3] + mask * (len(digits) - 3)
    area, separator, local = text.partition("-")
    if not separator:
        area, local = "", text
    return area + separator + "".join(mask if c.isdigit() else c for c in local)


# Dates -----------------------------------------------------------------------


def _as_date(value):
    """Accept date, datetime or Zope DateTime (which has asdatetime())."""
    if value is None:
        return None
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(CHINA_TZ)
        return value.date()
    return value


def check_dates_written_before_published(date_written, effective, today=None):
    """成文日期 must not be in the future nor after 发布日期 (effective).

    Returns True or raises Invalid; missing dates are not checked. Aware
    datetimes are compared as dates in China.
    """
    written = _as_date(date_written)
    if written is None:
        return True
    if written > (_as_date(today) or today_in_china()):
        raise _invalid(MSG_DATE_WRITTEN_FUTURE)
    published = _as_date(effective)
    if published is not None and written > published:
        raise _invalid(MSG_DATE_WRITTEN_AFTER_PUBLISHED)
    return True


def check_date_changed(date_changed, date_written=None, today=None):
    """信息变更日期 must not be in the future nor before 成文日期.

    Returns True or raises Invalid; missing dates are not checked.
    """
    changed = _as_date(date_changed)
    if changed is None:
        return True
    if changed > (_as_date(today) or today_in_china()):
        raise _invalid(MSG_DATE_CHANGED_FUTURE)
    written = _as_date(date_written)
    if written is not None and changed < written:
        raise _invalid(MSG_DATE_CHANGED_BEFORE_WRITTEN)
    return True
