"""Demo content for a living demo site (profile ``tongliao.disclosure:demo``).

Each feature adds its own example content here; every step is idempotent so the
profile can be re-applied on an existing site.
"""

from DateTime import DateTime
from datetime import date
from html import escape
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from tongliao.disclosure import logger
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.directory.guide import ensure_guide
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.platform.browser.home import set_home_as_default
from tongliao.disclosure.review.staging import review_to
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import json


DEMO_DATA = Path(__file__).parent / "demo_data"

# Demo agency. The code is made up for the demo (valid GB 32100 check character,
# 11 = 机关, 150500 = 通辽市); replace it with the office's real code.
DEMO_AGENCY_ID = "tlsrmzfbgs"
DEMO_AGENCY = {
    "title": "通辽市人民政府办公室",
    "credit_code": "1115050001147000MT",
    "address": "内蒙古自治区通辽市科尔沁区",
    "postcode": "028000",
    "office_hours": "工作日 8:30—12:00，14:30—17:30",
}
NOTICE_ID = "tzgbz-2021-1"
INTERPRETATION_ID = "tzgbz-2021-1-jiedu"
OLD_RULES_ID = "tzbf-2019-12"
NEW_RULES_ID = "tzbf-2021-30"


def create_demo_content(portal):
    """Create (once) the example content of every feature."""
    # The directory first: documents name the items they fulfil before their
    # review, since a change after publication would withdraw them.
    steps = [
        create_agency,
        create_directory_and_guide,
        create_policy_documents,
        set_front_page,
    ]
    for step in steps:
        step(portal)
    logger.info("Demo content ready (%d steps)", len(steps))
    return api.portal.get()


def _html(text):
    return RichTextValue(
        "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line),
        "text/html",
        "text/x-html-safe",
    )


def _relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def _publish(obj, when):
    """Publish with a fixed 发布日期 (the index number uses its year)."""
    if api.content.get_state(obj) != "published":
        obj.setEffectiveDate(DateTime(when))
        if IReviewable.providedBy(obj):
            # Through the three recorded review steps, like any other item.
            review_to(obj, "published")
        else:
            api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()


def _ensure(container, obj_id, portal_type, **fields):
    if obj_id in container.objectIds():
        return container[obj_id], False
    obj = api.content.create(
        container=container, type=portal_type, id=obj_id, safe_id=False, **fields
    )
    return obj, True


def create_agency(portal):
    """The demo's Tongliao agency, published."""
    agency, _created = _ensure(
        portal, DEMO_AGENCY_ID, "DisclosureAgency", **DEMO_AGENCY
    )
    if api.content.get_state(agency, default=None) not in (None, "published"):
        api.content.transition(obj=agency, to_state="published")
    return agency


def _link_fulfilment(document):
    """Relate a draft document to the directory items it fulfils (FULFILMENT)."""
    if document.directory_items or api.content.get_state(document) != "draft":
        return
    items = spreadsheet.agency_items(document.__parent__)
    codes = FULFILMENT.get(document.getId(), ())
    if codes and all(code in items for code in codes):
        document.directory_items = [_relation(items[code]) for code in codes]
        modified(document)


def create_policy_documents(portal):
    """The notice 通政公办字〔2021〕1号 with an interpretation, and a repealed
    document with its replacement, all published."""
    agency = portal[DEMO_AGENCY_ID]

    notice_text = (DEMO_DATA / "notice_2021_1.txt").read_text(encoding="utf-8")
    notice, _created = _ensure(
        agency,
        NOTICE_ID,
        "PolicyDocument",
        title=(
            "关于印发《自治区政务公开地方标准和通辽市政府信息公开相关配套制度》的通知"
        ),
        document_number="通政公办字〔2021〕1号",
        issuing_agency="通辽市政务公开工作领导小组办公室",
        # The source text carries no 成文日期; a plausible demo value.
        date_written=date(2021, 7, 15),
        document_kind="notice",
        subject_category="02.01",
        disclosure_attribute="proactive",
        five_publicity="execution",
        validity="valid",
        text=_html(notice_text),
        subjects=("政务公开", "地方标准", "配套制度"),
    )
    _link_fulfilment(notice)
    _publish(notice, "2021/07/20 09:00:00 GMT+8")

    interpretation, created = _ensure(
        agency,
        INTERPRETATION_ID,
        "PolicyInterpretation",
        title="《自治区政务公开地方标准和通辽市政府信息公开相关配套制度》政策解读",
        interpretation_form=["text", "qa"],
        interpreting_agency="通辽市政务公开工作领导小组办公室",
        interpreter="示例解读人",
        text=_html(
            "一、出台背景：为贯彻落实《中华人民共和国政府信息公开条例》，"
            "推广应用自治区政务公开地方标准。\n"
            "二、主要内容：明确主动公开、依申请公开、政策解读、平台建设等方面"
            "执行地方标准和配套制度的要求。\n"
            "三、工作要求：各地各部门于2021年9月底前报送典型经验做法。\n"
            "（示例解读，供演示使用。）"
        ),
    )
    if created:
        interpretation.interpreted_documents = [_relation(notice)]
        modified(interpretation)
    _publish(interpretation, "2021/07/22 09:00:00 GMT+8")

    new_rules, _created = _ensure(
        agency,
        NEW_RULES_ID,
        "PolicyDocument",
        title="通辽市政府信息公开工作规程（示例）",
        document_number="通政办发〔2021〕30号",
        issuing_agency="通辽市人民政府办公室",
        date_written=date(2021, 8, 2),
        document_kind="notice",
        subject_category="02.01",
        disclosure_attribute="proactive",
        validity="valid",
        is_normative=True,
        text=_html("示例文件：通辽市政府信息公开工作规程正文。"),
    )
    _link_fulfilment(new_rules)
    _publish(new_rules, "2021/08/05 09:00:00 GMT+8")

    old_rules, created = _ensure(
        agency,
        OLD_RULES_ID,
        "PolicyDocument",
        title="通辽市政府信息公开工作规程（试行）（示例）",
        document_number="通政办发〔2019〕12号",
        issuing_agency="通辽市人民政府办公室",
        date_written=date(2019, 5, 10),
        document_kind="notice",
        subject_category="02.01",
        disclosure_attribute="proactive",
        validity="repealed",
        repeal_date=date(2021, 8, 5),
        text=_html("示例文件：已被通政办发〔2021〕30号废止。"),
    )
    if created:
        old_rules.replaced_by = _relation(new_rules)
        modified(old_rules)
    _link_fulfilment(old_rules)
    _publish(old_rules, "2019/05/20 09:00:00 GMT+8")


# Demo documents and the directory items they fulfil (codes in directory.json).
FULFILMENT = {
    NOTICE_ID: ["ZWGK-002"],
    NEW_RULES_ID: ["ZWGK-004"],
    OLD_RULES_ID: ["ZWGK-004"],
}


def load_demo_directory():
    """Rows of the demo directory as {column header: cell text}."""
    with (DEMO_DATA / "directory.json").open(encoding="utf-8") as data_file:
        return json.load(data_file)["rows"]


def create_directory_and_guide(portal):
    """The demo agency's standard directory (imported through the importer, all
    published) and its published guide."""
    agency = portal[DEMO_AGENCY_ID]
    parsed = spreadsheet.parse_records(load_demo_directory())
    if parsed.errors:
        raise ValueError(f"demo directory data is invalid: {parsed.errors}")
    spreadsheet.apply_plan(agency, spreadsheet.plan_import(agency, parsed.rows))
    items = spreadsheet.agency_items(agency)
    for item in items.values():
        _publish(item, "2021/07/01 09:00:00 GMT+8")

    guide = ensure_guide(agency)
    if guide.last_reviewed is None:
        guide.last_reviewed = site_today()
        modified(guide)
    _publish(guide, "2021/07/01 09:00:00 GMT+8")


def set_front_page(portal):
    """The platform's front page as the site's default view."""
    set_home_as_default(portal)
