"""The glossary of terms of art (glossary.json), for translators and the tests."""

from functools import cache
from pathlib import Path

import json
import re


GLOSSARY_FILE = Path(__file__).parent / "glossary.json"
MONGOLIAN_LETTERS = re.compile("[\u1820-\u18af]")
# Case suffixes are written apart from their word with a narrow no-break space
# (U+202F), as the Unicode Mongolian model wants; the spelling uses it throughout.
SUFFIXES = ("ᠤᠨ", "ᠦᠨ", "ᠶᠢᠨ", "ᠢᠨ", "ᠤ", "ᠦ", "ᠢ", "ᠶᠢ", "ᠪᠠᠷ", "ᠢᠶᠠᠷ", "ᠲᠠᠢ", "ᠲᠡᠢ")
SUFFIX_RE = re.compile(r" ({})(?=[\s.,:;!?)）]|$)".format("|".join(SUFFIXES)))


def suffixes_joined(text):
    """``text`` with the space before each case suffix made a U+202F."""
    return SUFFIX_RE.sub("\u202f\\1", text)


@cache
def glossary():
    """[{zh, mn, stem, latin, note}] with the Mongolian spelling normalised."""
    with GLOSSARY_FILE.open(encoding="utf-8") as data:
        terms = json.load(data)["terms"]
    return tuple(
        {
            **term,
            "mn": suffixes_joined(term["mn"]),
            "stem": suffixes_joined(term.get("stem") or term["mn"]),
        }
        for term in terms
    )


def is_mongolian_text(text):
    return bool(MONGOLIAN_LETTERS.search(text or ""))


def inconsistencies(pairs):
    """(chinese, mongolian, term) for each pair whose Chinese has a glossary term
    that its Mongolian lacks."""
    found = []
    for chinese, mongolian in pairs:
        normal = suffixes_joined(mongolian)
        for term in glossary():
            if term["zh"] in chinese and term["stem"] not in normal:
                found.append((chinese, mongolian, term["zh"]))
    return found
