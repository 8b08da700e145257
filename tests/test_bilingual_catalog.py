"""The Mongolian catalog (locales/mn): every public msgid has a Mongolian
translation (the set: bilingual/public.py), every other msgid carries the
zh_CN text (never an English msgid on a Mongolian page), placeholders are kept,
and every glossary term is used consistently (catalog and vocabulary data)."""

from i18ndude.catalog import MessageCatalog
from pathlib import Path
from tongliao.disclosure.bilingual.glossary import glossary
from tongliao.disclosure.bilingual.glossary import inconsistencies
from tongliao.disclosure.bilingual.glossary import is_mongolian_text
from tongliao.disclosure.bilingual.public import PUBLIC_FILES
from tongliao.disclosure.bilingual.public import public_msgids

import re


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"
SOURCE = LOCALES.parent
POT = MessageCatalog(filename=str(LOCALES / "tongliao.disclosure.pot"))
ZH = MessageCatalog(filename=str(LOCALES / "zh_CN/LC_MESSAGES/tongliao.disclosure.po"))
MN_PATH = LOCALES / "mn/LC_MESSAGES/tongliao.disclosure.po"
MN = MessageCatalog(filename=str(MN_PATH))
PLACEHOLDER = re.compile(r"\$\{\w+\}")


def test_the_public_files_exist():
    for path in PUBLIC_FILES:
        assert (SOURCE / path).exists(), path


def test_the_public_set_covers_the_public_pages():
    public = public_msgids(POT)
    assert len(public) > 100
    for msgid in (
        "Latest documents",
        "Index number",
        "Submit application",
        "Tracking code",
        "Overview",
        "Applicant type",
        "Validity",
        "This field is required.",
        "Enter the tracking code.",
    ):
        assert msgid in public, msgid  # fmt: skip
    assert "Register an application" not in public  # a staff form


def test_every_public_msgid_has_a_mongolian_translation():
    missing = sorted(
        msgid
        for msgid in public_msgids(POT)
        if msgid not in MN or not is_mongolian_text(MN[msgid].msgstr)
    )
    assert missing == [], "translate with scripts/translate.py --lang mn"


def test_other_msgids_carry_the_chinese_text():
    english = sorted(
        msgid for msgid, entry in MN.items() if msgid and not entry.msgstr.strip()
    )
    assert english == [], "run make i18n (translate.py --fallback)"
    stale = sorted(
        msgid
        for msgid, entry in MN.items()
        if msgid and not is_mongolian_text(entry.msgstr)
        and entry.msgstr != ZH[msgid].msgstr
    )  # fmt: skip
    assert stale == [], "run make i18n (translate.py --fallback)"


def test_placeholders_are_kept():
    broken = [
        msgid
        for msgid, entry in MN.items()
        if msgid
        and sorted(PLACEHOLDER.findall(entry.msgstr))
        != sorted(PLACEHOLDER.findall(msgid))
    ]
    assert broken == []


def test_glossary_terms_are_used_consistently_in_the_catalog():
    pairs = [
        (ZH[msgid].msgstr, entry.msgstr)
        for msgid, entry in MN.items()
        if msgid and is_mongolian_text(entry.msgstr)
    ]
    assert inconsistencies(pairs) == []
    # …and the glossary is actually used.
    used = {t["zh"] for t in glossary() if any(t["zh"] in zh for zh, _mn in pairs)}
    assert len(used) >= len(glossary()) - 3


def test_catalog_header_says_it_needs_review():
    header = MN_PATH.read_text(encoding="utf-8")[:1200]
    assert "MACHINE-DRAFTED" in header
    assert "reviewed and corrected by the city's" in header
    assert '"Language-Code: mn\\n"' in header
