"""Demo content for a living demo site (profile ``tongliao.disclosure:demo``).

Each feature adds its own example content here; every step is idempotent so the
profile can be re-applied on an existing site.
"""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from html import escape
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from tongliao.disclosure import logger
from tongliao.disclosure.applications.actions import perform as handle_case
from tongliao.disclosure.applications.pdf import build_pdf
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.bilingual.content import add_demo_titles
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.complaints.workflow import file_complaint
from tongliao.disclosure.complaints.workflow import perform as complaint_action
from tongliao.disclosure.consultation.comments import add_comment
from tongliao.disclosure.consultation.comments import moderate
from tongliao.disclosure.consultation.comments import SHOWN
from tongliao.disclosure.deadlines import CalendarCoverageError
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.directory.guide import ensure_guide
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.messages.workflow import file_message
from tongliao.disclosure.messages.workflow import perform as message_action
from tongliao.disclosure.platform.browser.home import set_home_as_default
from tongliao.disclosure.reports.content import MANUAL_FIELDS
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
    "phone": "0475-8888123",
    "email": "zwgk@zfb.tongliao.example",
}
NOTICE_ID = "tzgbz-2021-1"
INTERPRETATION_ID = "tzgbz-2021-1-jiedu"
OLD_RULES_ID = "tzbf-2019-12"
NEW_RULES_ID = "tzbf-2021-30"


def create_demo_content(portal, living=True):
    """Create (once) the example content of every feature.

    ``living=False`` makes only the core (the city office with its directory,
    guide and four documents): what most browser tests need, in seconds.
    """
    # The directory first: documents name the items they fulfil before their
    # review, since a change after publication would withdraw them.
    steps = [create_staff_accounts, create_agency]
    if living:
        steps.append(create_more_agencies)
    steps += [create_directory_and_guide, create_policy_documents]
    if living:
        steps += [
            create_more_documents,
            create_applications,
            create_annual_report,
            create_participation,
        ]
    steps.append(set_front_page)
    steps.append(add_mongolian_titles)
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
    """Each demo agency's standard directory (imported through the importer, all
    published) and its published guide."""
    ids = [DEMO_AGENCY_ID] + [a["id"] for a in load_portal()["agencies"]]
    for agency in [portal[i] for i in ids if i in portal.objectIds()]:
        rows = [{**row, "公开主体": agency.Title()} for row in load_demo_directory()]
        parsed = spreadsheet.parse_records(rows)
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


def add_mongolian_titles(portal):
    """蒙汉双语: Mongolian section titles, and the city office, its guide and
    one notice in Mongolian (the other documents show the marked fallback)."""
    add_demo_titles(portal, DEMO_AGENCY_ID, NOTICE_ID)


def set_front_page(portal):
    """The platform's front page as the site's default view."""
    set_home_as_default(portal)


# Demo staff: one account for each role of the review and application work, all
# with DEMO_PASSWORD (a demo only: make start says so; never on a real site).
DEMO_PASSWORD = "Tongliao-demo-2026"
DEMO_STAFF = (
    ("demo-editor", "信息员（演示）", "disclosure_editors", None),
    ("demo-department", "初审员（演示）", "department_reviewers", None),
    ("demo-secrecy", "保密审查员（演示）", "secrecy_reviewers", None),
    ("demo-approver", "审批领导（演示）", "disclosure_approvers", None),
    ("demo-officer", "依申请公开办理员（演示）", "disclosure_officers", None),
    ("demo-siteadmin", "站点管理员（演示）", None, "Site Administrator"),
    ("demo-complaints", "举报受理员（演示）", "complaint_handlers", None),
    ("demo-supervisor", "政务公开办公室督查员（演示）", "disclosure_supervisors", None),
)


def create_staff_accounts(portal):
    for userid, fullname, group, role in DEMO_STAFF:
        with api.env.adopt_roles(["Manager"]):
            if api.user.get(userid=userid) is None:
                api.user.create(
                    username=userid,
                    email=f"{userid}@localhost.invalid",
                    password=DEMO_PASSWORD,
                    properties={"fullname": fullname},
                )
            if group:
                api.group.add_user(groupname=group, username=userid)
            if role:
                api.user.grant_roles(username=userid, roles=[role])


def load_portal():
    """Agencies and documents of the living demo (demo_data/portal.json)."""
    with (DEMO_DATA / "portal.json").open(encoding="utf-8") as data_file:
        return json.load(data_file)


def create_more_agencies(portal):
    """A development commission, two bureaus and a county government, published."""
    for values in load_portal()["agencies"]:
        fields = {key: value for key, value in values.items() if key != "id"}
        agency, _created = _ensure(portal, values["id"], "DisclosureAgency", **fields)
        if api.content.get_state(agency, default=None) not in (None, "published"):
            api.content.transition(obj=agency, to_state="published")


def _attach_pdf(document, paragraphs):
    """The document's full text as a PDF attachment (CJK fonts, fpdf2)."""
    file_id = f"{document.getId()}.pdf"
    if file_id in document.objectIds():
        return
    data = build_pdf(document.title, paragraphs, number=document.document_number)
    api.content.create(
        container=document,
        type="File",
        id=file_id,
        safe_id=False,
        title=f"{document.title}（全文）",
        file=NamedBlobFile(data, contentType="application/pdf", filename=file_id),
    )


def _day(text):
    return date.fromisoformat(text)


def create_more_documents(portal):
    """Documents of every agency across kinds, subjects, validity and years, each
    with its full text as a PDF attachment, interpretations of some of them, and
    two still in review (the staff queues have something to show)."""
    for row in load_portal()["documents"]:
        agency = portal[row["agency"]]
        written = _day(row["date_written"])
        paragraphs = [row["text"], "（示例文件，供演示使用。）"]
        signature = [
            agency.Title(),
            f"{written.year}年{written.month}月{written.day}日",
        ]
        document, created = _ensure(
            agency,
            row["id"],
            "PolicyDocument",
            title=row["title"],
            document_number=row["document_number"],
            issuing_agency=agency.Title(),
            date_written=written,
            document_kind=row["document_kind"],
            subject_category=row["subject_category"],
            disclosure_attribute="proactive",
            validity=row["validity"],
            is_normative=row["is_normative"],
            repeal_date=date(written.year + 2, 12, 31)
            if row["validity"] == "repealed"
            else None,
            text=_html("\n".join(paragraphs)),
        )
        if created:
            _attach_pdf(document, paragraphs + signature)
        state = row.get("state")
        if state:
            if created:
                review_to(document, state)
            continue
        published = _day(row["published"])
        _publish(document, f"{published:%Y/%m/%d} 09:00:00 GMT+8")
        if row["interpretation"]:
            _interpret(agency, document, published)


def _interpret(agency, document, published):
    interpretation, created = _ensure(
        agency,
        f"{document.getId()}-jiedu",
        "PolicyInterpretation",
        title=f"{document.title.removesuffix('（示例）')}政策解读（示例）",
        interpretation_form=["text"],
        interpreting_agency=agency.Title(),
        interpreter="示例解读人",
        text=_html(
            "一、制定背景\n二、主要内容\n三、适用对象和施行时间\n"
            "（示例解读，供演示使用。）"
        ),
    )
    if created:
        interpretation.interpreted_documents = [_relation(document)]
        modified(interpretation)
    _publish(interpretation, f"{published + timedelta(days=1):%Y/%m/%d} 10:00:00 GMT+8")


# Application cases of the city office, one in every state of the procedure.
# (id, applicant, received days ago, [(action, days ago, params)], user)
DEMO_APPLICATIONS = (
    ("demo-registered", "李明（演示）", 1, ()),
    (
        "demo-correction",
        "王芳（演示）",
        8,
        (("request_correction", 7, {"items": "请写明所需文件的名称或文号"}),),
    ),
    ("demo-processing", "赵强（演示）", 12, (("accept", 11, {}),)),
    (
        "demo-extended",
        "孙丽（演示）",
        26,
        (
            ("accept", 25, {}),
            ("extend", 3, {"days": "10", "reason": "需调取历史档案，工作量较大"}),
        ),
    ),
    (
        "demo-consulting",
        "周涛（演示）",
        9,
        (
            ("accept", 8, {}),
            (
                "start_consultation",
                6,
                {"party": "通辽市某供热有限公司（演示）", "basis": "third_party"},
            ),
        ),
    ),
    (
        "demo-replied",
        "吴敏（演示）",
        40,
        (
            ("accept", 39, {}),
            ("reply", 20, {"outcome": "granted", "reasons": "所申请信息予以公开"}),
        ),
    ),
    (
        "demo-on-the-spot",
        "郑华（演示）",
        14,
        (
            (
                "reply_on_the_spot",
                14,
                {"outcome": "granted", "reasons": "当场提供所申请的文件"},
            ),
        ),
    ),
    ("demo-withdrawn", "冯军（演示）", 16, (("withdraw", 13, {"note": "申请人撤回"}),)),
    (
        "demo-archived",
        "陈静（演示）",
        70,
        (
            ("accept", 69, {}),
            (
                "reply",
                50,
                {"outcome": "not_held", "reasons": "经检索，本机关未制作该信息"},
            ),
            ("archive", 30, {}),
        ),
    ),
)


def create_applications(portal):
    """Cases in every state, handled by the demo officer (the extension by the
    demo approver), dated back from today so their deadlines are live."""
    agency = portal[DEMO_AGENCY_ID]
    today = site_today()
    for app_id, name, received, actions in DEMO_APPLICATIONS:
        if app_id in agency.objectIds():
            continue
        with api.env.adopt_user(username="demo-officer"):
            app = api.content.create(
                container=agency,
                type="DisclosureApplication",
                id=app_id,
                safe_id=False,
                applicant_type="natural_person",
                applicant_name=name,
                id_number="11010519491231002X",
                phone="13800000000",
                description="申请公开2025年通辽市城区供热价格调整的相关文件（演示）",
                provision_form="email",
                obtain_method="email",
                channel="in_person",
                received_date=today - timedelta(days=received),
            )
            for action, days_ago, params in actions:
                user = "demo-approver" if action == "extend" else "demo-officer"
                try:
                    with api.env.adopt_user(username=user):
                        handle_case(
                            app, action, day=today - timedelta(days=days_ago), **params
                        )
                except (ActionError, CalendarCoverageError) as error:
                    # Dates are relative to today: a holiday can make one
                    # impossible; the demo goes on without that step.
                    logger.warning(
                        "Demo case %s: %s not done (%s)", app_id, action, error
                    )
                    break


def create_annual_report(portal):
    """Last year's annual report of the city office, published after review."""
    agency = portal[DEMO_AGENCY_ID]
    year = site_today().year - 1
    report_id = f"annual-report-{year}"
    report, _created = _ensure(
        agency,
        report_id,
        "AnnualReport",
        year=year,
        overview=_html(
            f"{year}年，通辽市人民政府办公室认真贯彻落实《中华人民共和国政府信息"
            "公开条例》，推进政务公开标准化规范化建设。（示例）"
        ),
        problems=_html("政策解读形式还不够丰富，下一步将加强图解、视频解读。（示例）"),
        other_matters=_html("本年度未收取信息处理费。（示例）"),
        **dict.fromkeys(MANUAL_FIELDS.values(), 0),
    )
    _publish(report, f"{year + 1}/01/20 09:00:00 GMT+8")


def create_participation(portal):
    """The public's side: a complaint being handled and a new one, a public
    message answered, and an open consultation with comments."""
    box = portal.get("complaints")
    if box is None or not box.objectIds():
        education = portal["tlsjyj"]
        handled = file_complaint(
            education,
            category="not_proactive",
            details="通辽市教育局未按规定主动公开2025年义务教育招生计划。（演示）",
            complainant_name="刘洋（演示）",
            phone="13900000001",
        )
        with api.env.adopt_user(username="demo-complaints"):
            complaint_action(handled, "accept")
            complaint_action(handled, "investigate")
        file_complaint(
            portal["tlsczj"],
            category="application_unanswered",
            details="向通辽市财政局申请公开的预算资料逾期未答复。（演示）",
        )
    agency = portal[DEMO_AGENCY_ID]
    if not [o for o in agency.objectValues() if o.portal_type == "PublicMessage"]:
        message = file_message(
            agency,
            title="如何查询本市历年政府工作报告？",
            question="请问在哪里可以查阅通辽市历年的政府工作报告全文？（演示）",
            writer_name="马丽（演示）",
            phone="13900000002",
            publication_consent=True,
        )
        with api.env.adopt_user(username="demo-officer"):
            message_action(
                message,
                "answer",
                answer="可在本平台“政府信息公开目录”中按主题分类“政务公开”查询。（演示）",
            )
    commission = portal["tlsfgw"]
    if "demo-consultation" not in commission.objectIds():
        today = site_today()
        consultation = api.content.create(
            container=commission,
            type="PolicyConsultation",
            id="demo-consultation",
            title="《通辽市城区居民供热价格管理办法（征求意见稿）》意见征集（示例）",
            draft_text=_html("第一条 为规范城区居民供热价格管理，制定本办法。（示例）"),
            explanation=_html("起草说明：依据《中华人民共和国价格法》。（示例）"),
            open_date=today - timedelta(days=5),
            close_date=today + timedelta(days=26),
            participation="电子邮件：zwgk@fgw.tongliao.example；或在本页提交意见。",
            contact="通辽市发展和改革委员会 0475-8211234",
            address="通辽市科尔沁区建国路",
        )
        _publish(consultation, f"{today - timedelta(days=5):%Y/%m/%d} 09:00:00 GMT+8")
        first = add_comment(
            consultation,
            "建议明确供热质量不达标时的退费标准。（演示）",
            name="张伟（演示）",
        )
        add_comment(consultation, "建议分档计价。（演示）")
        moderate(consultation, first, SHOWN, "demo-officer")
