"""Mongolian titles for the fixed sections of an agency's area, and the demo's.

The section titles are fixed by DB15/T 2093 and the same for every agency, so
their Mongolian titles are data here (machine-drafted, to be reviewed by the
city's translators like the catalog): :func:`add_section_titles` sets them on
an agency's sections where none is set. Agency names, guides and documents get
theirs from the agencies (the "Title in Mongolian" field).
"""

from plone import api
from tongliao.disclosure.bilingual.glossary import suffixes_joined
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.directory.guide import guide_of
from tongliao.disclosure.platform.sections import all_sections
from tongliao.disclosure.platform.sections import PROACTIVE_SECTIONS


# The standard's sections: their Mongolian titles are data beside the Chinese
# ones (platform/sections.py); new agencies get them on creation.
PROACTIVE_IDS = {s.id for s in PROACTIVE_SECTIONS}
SECTION_TITLES_MN = {s.id: s.title_mn for s in all_sections() if s.title_mn}

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
    if obj is not None and not title_mn(obj):  # its own, not the agency's
        obj.title_mn = suffixes_joined(title)
        obj.reindexObject(idxs=["title_mn"])


def add_section_titles(agency):
    """Existing sections (the upgrade, the demo): where none is set."""
    for section in all_sections():
        if not section.title_mn:
            continue
        parent = agency
        if section.id in PROACTIVE_IDS:
            parent = agency.get("fdzdgknr")
        _set(parent.get(section.id) if parent is not None else None, section.title_mn)


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
