"""The disclosure guide of each agency: the pre-filled draft and the review warning."""

from datetime import timedelta
from html import escape
from plone import api
from plone.app.textfield.value import RichTextValue
from tongliao.disclosure import _
from tongliao.disclosure import logger
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.ids import free_id
from tongliao.disclosure.warnings import IStaffWarnings
from tongliao.disclosure.warnings import StaffWarning
from zope.interface import implementer


GUIDE_ID = "guide"
INTERVAL_RECORD = "tongliao.disclosure.guide_review_interval_days"

# Draft text of each section, after the structure of DB15/T 2091-2021 §6 and
# Regulation art. 12; ``{name}`` is the agency. Staff complete it before publishing.
DRAFT_SECTIONS = {
    "overview": (
        "为便于公民、法人和其他组织依法获取{name}的政府信息，根据《中华人民共和国"
        "政府信息公开条例》（以下简称《条例》）和DB15/T 2091-2021《政府信息公开指南"
        "编制规范》，编制本指南。",
        "本指南适用于{name}的政府信息公开工作，并根据实际情况及时更新。",
    ),
    "proactive_scope": (
        "{name}依照《条例》第十九条至第二十一条，主动公开机构职能、规范性文件、"
        "政策解读、财政预决算、行政许可和行政处罚等政府信息，具体范围见本机关"
        "政务公开标准目录。",
        "主动公开的政府信息，自该信息形成或者变更之日起20个工作日内予以公开；"
        "法律、法规对公开期限另有规定的，从其规定。",
    ),
    "catalogue_system": (
        "政府信息按主题分类编排，每条信息配有唯一的索引号，"
        "由统一社会信用代码、年份和顺序号组成。",
        "政府信息公开目录包括索引、名称、内容概述、生成日期等内容。",
    ),
    "access_methods": (
        "主动公开的政府信息通过本机关政府信息公开平台发布，"
        "并可通过政府公报、公开查阅点、政务服务中心等渠道获取。",
    ),
    "application_procedure": (
        "公民、法人或者其他组织申请获取政府信息的，可以通过互联网、信函或者当面"
        "提交的方式，向{name}提出申请。申请应当包括申请人的姓名或者名称、身份证明、"
        "联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，"
        "以及获取信息的方式、途径。",
        "{name}能够当场答复的，当场予以答复；不能当场答复的，"
        "自收到申请之日起20个工作日内予以答复；需要延长答复期限的，"
        "经负责人同意并告知申请人，延长的期限最长不超过20个工作日。",
    ),
    "fees": (
        "{name}依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、"
        "频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号）收取信息处理费。",
    ),
    "supervision": (
        "公民、法人或者其他组织认为{name}在政府信息公开工作中侵犯其合法权益的，"
        "可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，"
        "也可以依法申请行政复议或者提起行政诉讼。",
    ),
}


def _html(paragraphs, name):
    return RichTextValue(
        "".join(f"<p>{escape(p.format(name=name))}</p>" for p in paragraphs),
        "text/html",
        "text/x-html-safe",
    )


def guide_of(agency):
    """The agency's DisclosureGuide (the first if several), or None."""
    for obj in agency.objectValues():
        if getattr(obj, "portal_type", None) == "DisclosureGuide":
            return obj
    return None


def ensure_guide(agency):
    """Create the draft guide of ``agency`` once; return it."""
    existing = guide_of(agency)
    if existing is not None:
        return existing
    name = agency.Title()
    fields = {
        field: _html(paragraphs, name) for field, paragraphs in DRAFT_SECTIONS.items()
    }
    # A system step: whoever may add an agency gets its guide, whatever their roles.
    with api.env.adopt_roles(["Manager"]):
        guide = api.content.create(
            container=agency,
            type="DisclosureGuide",
            id=free_id(agency, GUIDE_ID),
            title=f"{name}政府信息公开指南",
            **fields,
        )
    logger.info(
        "Draft disclosure guide created for %s", "/".join(agency.getPhysicalPath())
    )
    return guide


def on_agency_added(agency, event):
    if event.object is not agency:
        return  # the agency moved with a parent: it already has its guide
    ensure_guide(agency)


@implementer(IStaffWarnings)
class GuideReviewWarnings:
    """Guides not reviewed within ``guide_review_interval_days`` (DB15/T 2091 §8)."""

    def __call__(self, portal):
        interval = api.portal.get_registry_record(INTERVAL_RECORD, default=365)
        today = site_today()
        limit = today - timedelta(days=interval)
        warnings = []
        catalog = api.portal.get_tool("portal_catalog")
        # Drafts too, for every staff member: an unreviewed guide is everyone's task.
        for brain in catalog.unrestrictedSearchResults(
            portal_type="DisclosureGuide", sort_on="sortable_title"
        ):
            reviewed = brain.last_reviewed or None  # Missing.Value when unset
            if reviewed is not None and reviewed >= limit:
                continue
            if reviewed is None:
                message = _(
                    'The disclosure guide "${title}" has never been reviewed: '
                    "check it and enter the review date.",
                    mapping={"title": brain.Title},
                )
            else:
                message = _(
                    'The disclosure guide "${title}" was last reviewed on '
                    "${date}, more than ${days} days ago: review and update it.",
                    mapping={
                        "title": brain.Title,
                        "date": reviewed.isoformat(),
                        "days": interval,
                    },
                )
            warnings.append(StaffWarning(message=message, link=brain.getURL()))
        return warnings
