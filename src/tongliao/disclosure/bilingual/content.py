"""Mongolian titles for the fixed sections of an agency's area, and the demo's.

The section titles are fixed by DB15/T 2093 and the same for every agency, so
their Mongolian titles are data here (machine-drafted, to be reviewed by the
city's translators like the catalog): :func:`add_section_titles` sets them on
an agency's sections where none is set. Agency names, guides and documents get
theirs from the agencies (the "Title in Mongolian" field).
"""

from plone import api
from tongliao.disclosure.bilingual.glossary import suffixes_joined
from tongliao.disclosure.directory.guide import guide_of


SECTION_TITLES_MN = {
    "zfxxgkzn": "ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠵᠢᠭᠠᠪᠤᠷᠢ",
    "zfxxgkzd": "ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠳᠦᠷᠢᠮ",
    "fdzdgknr": "ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠠᠤ ᠢᠳᠡᠪᠬᠢᠲᠡᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠠᠭᠤᠯᠭ᠎ᠠ",
    "zcwj": "ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠪᠠᠷᠢᠮᠲᠠ",
    "zcjd": "ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠢᠯᠪᠤᠷᠢ",
    "zwgkbzml": "ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠪᠠᠷᠢᠮᠵᠢᠶ᠎ᠠ ᠶᠢᠨ ᠭᠠᠷᠴᠠᠭ",
    "ysqgk": "ᠭᠤᠶᠤᠴᠢᠯᠭ᠎ᠠ ᠪᠠᠷ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ",
    "zfxxgknb": "ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠵᠢᠯ ᠦᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ",
}

# The demo: the city office, its guide and its first notice in Mongolian; the
# other documents stay Chinese-only to show the marked fallback.
DEMO_TITLES_MN = {
    "agency": "ᠲᠥᠩᠯᠢᠶᠣᠣ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ ᠤ ᠠᠯᠪᠠᠨ ᠲᠡᠩᠭᠢᠯᠢᠭ",
    "guide": "ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠵᠢᠭᠠᠪᠤᠷᠢ",
    "notice": (
        "《ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ ᠤ ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠣᠷᠣᠨ ᠨᠤᠲᠤᠭ ᠤᠨ "
        "ᠪᠠᠷᠢᠮᠵᠢᠶ᠎ᠠ ᠪᠠ ᠲᠥᠩᠯᠢᠶᠣᠣ ᠬᠣᠲᠠ ᠶᠢᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ "
        "ᠪᠣᠯᠭᠠᠬᠤ ᠬᠠᠮᠢᠶ᠎ᠠ ᠪᠦᠬᠦᠢ ᠳᠦᠷᠢᠮ》 ᠢ ᠬᠡᠪᠯᠡᠨ ᠲᠠᠷᠬᠠᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ"
    ),
}


def _set(obj, title):
    """Set a Mongolian title without a modification event: a system step on
    content already reviewed (an editor's change goes through review)."""
    if obj is not None and not getattr(obj, "title_mn", None):
        obj.title_mn = suffixes_joined(title)
        obj.reindexObject(idxs=["title_mn"])


def add_section_titles(agency):
    for section_id, title in SECTION_TITLES_MN.items():
        _set(agency.get(section_id), title)


def add_demo_titles(portal, agency_id, notice_id):
    """The demo's step (demo.add_mongolian_titles): section titles everywhere,
    the city office, its guide and one notice in Mongolian."""
    for agency in api.content.find(context=portal, portal_type="DisclosureAgency"):
        add_section_titles(agency.getObject())
    agency = portal.get(agency_id)
    if agency is None:
        return
    _set(agency, DEMO_TITLES_MN["agency"])
    _set(guide_of(agency), DEMO_TITLES_MN["guide"])
    _set(agency.get(notice_id), DEMO_TITLES_MN["notice"])
