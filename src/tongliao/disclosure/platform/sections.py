"""The DB15/T 2093 layout of an agency's disclosure area (政府信息公开专栏).

Adding a DisclosureAgency creates its sections in the standard's order. Policy
documents and interpretations stay directly in the agency (index numbers and
the other features rely on it): their sections are catalog listings, as are
the sections of the guide, the standard directory and the annual reports, whose
items also live in the agency. The other sections are containers for free
content (制度, 机构职能 …).
"""

from dataclasses import dataclass
from plone import api
from tongliao.disclosure import logger
from tongliao.disclosure.bilingual.glossary import suffixes_joined


SECTION_TYPE = "DisclosureSection"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: str
    portal_types: tuple = ()
    criteria: tuple = ()  # extra catalog criteria as (index, value) pairs
    children: tuple = ()
    # Machine-drafted, to be reviewed by the city's translators (docs/bilingual.rst).
    title_mn: str = ""


PROACTIVE_SECTIONS = (
    Section(
        "gz",
        "规章",
        "regulations",
        ("PolicyDocument",),
        (("is_regulation", True),),
        title_mn="ᠳᠦᠷᠢᠮ ᠵᠠᠰᠠᠯ",
    ),
    Section(
        "gfxwj",
        "规范性文件",
        "normative",
        ("PolicyDocument",),
        (("is_normative", True),),
        title_mn="ᠳᠦᠷᠢᠮ ᠵᠢᠭᠤᠮ ᠤᠨ ᠪᠢᠴᠢᠭ ᠪᠠᠷᠢᠮᠲᠠ",
    ),
    Section("jgzn", "机构职能", "free", title_mn="ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠦᠦᠷᠭᠡ ᠴᠢᠳᠠᠮᠵᠢ"),
    Section("xzxk", "行政许可", "free", title_mn="ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭ᠎ᠠ ᠶᠢᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ"),
    Section("xzcf", "行政处罚", "free", title_mn="ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭ᠎ᠠ ᠶᠢᠨ ᠱᠡᠢᠳᠬᠡᠪᠦᠷᠢ"),
    Section("xzqz", "行政强制", "free", title_mn="ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭ᠎ᠠ ᠶᠢᠨ ᠠᠯᠪᠠᠳᠠᠯᠭ᠎ᠠ"),
    Section("zfcg", "政府采购", "free", title_mn="ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠬᠤᠳᠠᠯᠳᠤᠨ ᠠᠪᠤᠯᠲᠠ"),
    Section(
        "xzsyxsf",
        "行政事业性收费",
        "free",
        title_mn="ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭ᠎ᠠ ᠬᠡᠷᠡᠭ ᠦᠢᠯᠡᠰ ᠦᠨ ᠲᠥᠯᠦᠪᠦᠷᠢ ᠬᠤᠷᠢᠶᠠᠬᠤ",
    ),
    Section("czyjs", "财政预决算", "free", title_mn="ᠰᠠᠩᠬᠦᠦ ᠶᠢᠨ ᠲᠥᠰᠥᠪ ᠪᠠ ᠳᠦᠩᠨᠡᠯᠲᠡ"),
)

SECTIONS = (
    Section(
        "zfxxgkzn",
        "政府信息公开指南",
        "guide",
        ("DisclosureGuide",),
        title_mn="ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠵᠢᠭᠠᠪᠤᠷᠢ",
    ),
    Section(
        "zfxxgkzd",
        "政府信息公开制度",
        "free",
        title_mn="ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠳᠦᠷᠢᠮ",
    ),
    Section(
        "fdzdgknr",
        "法定主动公开内容",
        "proactive",
        children=PROACTIVE_SECTIONS,
        title_mn="ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠠᠤ ᠢᠳᠡᠪᠬᠢᠲᠡᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠠᠭᠤᠯᠭ᠎ᠠ",
    ),
    Section(
        "zcwj",
        "政策文件",
        "policy_documents",
        ("PolicyDocument",),
        title_mn="ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠪᠠᠷᠢᠮᠲᠠ",
    ),
    Section(
        "zcjd",
        "政策解读",
        "interpretations",
        ("PolicyInterpretation",),
        title_mn="ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠢᠯᠪᠤᠷᠢ",
    ),
    Section(
        "zwgkbzml",
        "政务公开标准目录",
        "directory",
        ("StandardDirectory",),
        title_mn="ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠪᠠᠷᠢᠮᠵᠢᠶ᠎ᠠ ᠶᠢᠨ ᠭᠠᠷᠴᠠᠭ",
    ),
    Section("ysqgk", "依申请公开", "on_request", title_mn="ᠭᠤᠶᠤᠴᠢᠯᠭ᠎ᠠ ᠪᠠᠷ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ"),
    Section(
        "zfxxgknb",
        "政府信息公开年报",
        "annual_reports",
        ("AnnualReport",),
        title_mn="ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠵᠢᠯ ᠦᠨ ᠮᠡᠳᠡᠭᠦᠯᠦᠯᠲᠡ",
    ),
    # Public participation (意见征集): consultations and their feedback reports.
    Section(
        "yjzj",
        "意见征集",
        "consultations",
        ("PolicyConsultation", "ConsultationFeedback"),
        title_mn="ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠯᠭ᠎ᠠ",
    ),
)


def all_sections(sections=SECTIONS):
    for section in sections:
        yield section
        yield from all_sections(section.children)


SECTION_BY_KIND = {section.kind: section for section in all_sections()}


def _ensure_level(container, sections):
    created = []
    for position, section in enumerate(sections):
        obj = container.get(section.id)
        if obj is None:
            obj = api.content.create(
                container=container,
                type=SECTION_TYPE,
                id=section.id,
                title=section.title,
                safe_id=False,
            )
            if section.title_mn:
                obj.title_mn = suffixes_joined(section.title_mn)
            created.append(obj)
        elif getattr(obj, "portal_type", None) != SECTION_TYPE:
            logger.warning("%s is not a section; left alone", obj.absolute_url())
            continue
        obj.section_kind = section.kind
        # The standard's order, before the documents of the agency.
        container.moveObjectToPosition(section.id, position)
        created += _ensure_level(obj, section.children)
    return created


def ensure_sections(agency):
    """Create the missing sections of ``agency`` (idempotent); returns the new ones."""
    # Agencies are added by site administrators, yet sections are the site's.
    with api.env.adopt_roles(["Manager"]):
        created = _ensure_level(agency, SECTIONS)
    for obj in created:
        obj.reindexObject()
    return created


def on_agency_added(agency, event):
    ensure_sections(agency)
