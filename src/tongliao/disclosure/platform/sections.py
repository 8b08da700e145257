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


SECTION_TYPE = "DisclosureSection"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: str
    portal_types: tuple = ()
    criteria: tuple = ()  # extra catalog criteria as (index, value) pairs
    children: tuple = ()


PROACTIVE_SECTIONS = (
    Section(
        "gz", "规章", "regulations", ("PolicyDocument",), (("is_regulation", True),)
    ),
    Section(
        "gfxwj",
        "规范性文件",
        "normative",
        ("PolicyDocument",),
        (("is_normative", True),),
    ),
    Section("jgzn", "机构职能", "free"),
    Section("xzxk", "行政许可", "free"),
    Section("xzcf", "行政处罚", "free"),
    Section("xzqz", "行政强制", "free"),
    Section("zfcg", "政府采购", "free"),
    Section("xzsyxsf", "行政事业性收费", "free"),
    Section("czyjs", "财政预决算", "free"),
)

SECTIONS = (
    Section("zfxxgkzn", "政府信息公开指南", "guide", ("DisclosureGuide",)),
    Section("zfxxgkzd", "政府信息公开制度", "free"),
    Section("fdzdgknr", "法定主动公开内容", "proactive", children=PROACTIVE_SECTIONS),
    Section("zcwj", "政策文件", "policy_documents", ("PolicyDocument",)),
    Section("zcjd", "政策解读", "interpretations", ("PolicyInterpretation",)),
    Section("zwgkbzml", "政务公开标准目录", "directory", ("StandardDirectory",)),
    Section("ysqgk", "依申请公开", "on_request"),
    Section("zfxxgknb", "政府信息公开年报", "annual_reports", ("AnnualReport",)),
    # Public participation (意见征集): consultations and their feedback reports.
    Section(
        "yjzj",
        "意见征集",
        "consultations",
        ("PolicyConsultation", "ConsultationFeedback"),
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
