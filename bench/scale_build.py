"""Build one city-scale dataset into a real Plone site (run by bench_scale.py).

Run through zconsole on the dataset's own instance::

    BENCH_SIZE=10000 zconsole run var/bench/10000/instance/etc/zope.conf \
        bench/scale_build.py

The site is a real Plone site with this add-on (``tongliao.disclosure:site``) in a
FileStorage under ``var/bench/<size>/``. What is built, and the one shortcut:

* 12 agencies (DisclosureAgency, the real add path: sections, counters), 400
  directory items and a stock ``Document`` folder (the real add path);
* ``size`` PolicyDocuments, ``size / 10`` PolicyInterpretations (each related to a
  document), ``size / 20`` (at most 1,000) DisclosureApplications (replied,
  withdrawn or open;
  the annual report at 50k documents + 10k applications is bench_annual_report.py's).

The shortcut (documents, interpretations and applications): the real content
classes are made with ``createContent`` (their schema defaults, the UUID of the
created event), stored with ``_setObject(..., suppress_events=True)``, registered
in the intid utility and catalogued with ``catalog_object`` (every indexer, the
Chinese splitter) in batches, instead of one ``api.content.create`` + review
cycle each. The workflow state is set as a transition leaves it
(``setStatusOf`` + ``updateRoleMappingsFor``, so the View roles are the
published ones), the index number as publication assigns it (the agency's
counter is advanced to match), the effective date is the publication day. What
is left out: the review records (annotations of the review steps) of each
document; they are neither catalogued nor read by the catalogue or the pages.
The bodies' plain text for SearchableText is the tags of their simple
``<p>`` markup replaced by spaces instead of a trip through portal_transforms
(the same words reach the index). Applications get the add subscriber's
``initialise`` (tracking code, received event, receipt) and their closure
through ``perform``, as staff do it.
"""

from AccessControl.SecurityManagement import newSecurityManager
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContent
from Products.CMFPlone.factory import addPloneSite
from stdnum.cn import uscc
from Testing.makerequest import makerequest
from tongliao.disclosure.policy import indexers
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.intid.interfaces import IIntIds

import json
import logging
import os
import random
import re
import sys
import time
import transaction


HERE = Path(os.environ["BENCH_DIR"])  # zconsole runs the script without __file__
sys.path.insert(0, str(HERE))

from scale_data import DATA_VERSION  # noqa: E402
from scale_data import SITE_ID  # noqa: E402


SIZE = int(os.environ["BENCH_SIZE"])
STAMP = Path(os.environ["BENCH_STAMP"])
SEED = 20261130 + SIZE
BATCH = 500
AGENCY_COUNT = 12
DIRECTORY_ITEMS = 400
STOCK_DOCUMENTS = 200

PHRASES = (
    "坚持以人民为中心的发展思想",
    "深入推进政务公开标准化规范化建设",
    "进一步做好应急管理工作",
    "完善社会救助体系",
    "推动义务教育优质均衡发展",
    "加强财政预算管理",
    "落实安全生产责任制",
    "优化营商环境",
    "推进乡村振兴战略",
    "加强生态环境保护和草原修复",
    "做好农牧民增收工作",
    "规范行政执法行为",
    "提升政务服务效能",
    "加强疫情防控和公共卫生体系建设",
    "保障和改善民生",
    "推进科尔沁区城市更新",
    "各旗县市区人民政府要高度重视",
    "请结合实际认真贯彻执行",
    "现将有关事项通知如下",
    "本办法自发布之日起施行",
)
TOPICS = (
    "政务公开",
    "应急管理",
    "社会救助",
    "义务教育",
    "财政预算",
    "安全生产",
    "营商环境",
    "乡村振兴",
    "生态环境",
    "医疗保障",
    "住房保障",
    "交通运输",
)
VALIDITY = ("valid",) * 7 + ("expired", "expired", "repealed")
KIND_WEIGHTS = {"notice": 8, "opinion": 3, "decision": 2, "announcement": 2}
# Of 100 documents: 96 published, the rest in review or draft (not listed).
UNPUBLISHED = {"draft": 2, "pending_department_review": 1, "pending_approval": 1}
OUTCOMES = ("granted", "granted", "partial", "not_held", "state_secret", "repeat")
APPLICANTS = ("natural_person",) * 6 + ("business", "research", "legal_service")

TAGS = re.compile(r"<[^>]+>")


def credit_code(n):
    base = f"1115050{n:07d}00M"
    return base + uscc.calc_check_digit(base)


def body(rng, topic):
    sentences = [f"关于{topic}的有关事项"]
    sentences += rng.sample(PHRASES, rng.randint(6, 12))
    return "".join(f"<p>{s}。</p>" for s in sentences)


def make_site(app):
    for name in ("GenericSetup.componentregistry", "Products.MimetypesRegistry"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if SITE_ID in app.objectIds():
        app.manage_delObjects([SITE_ID])
    site = addPloneSite(
        app,
        SITE_ID,
        title="通辽市政务公开平台",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=[
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
            "tongliao.disclosure:default",
            "tongliao.disclosure:site",
        ],
    )
    transaction.commit()
    return site


def set_state(obj, wf_id, state, when):
    workflow = api.portal.get_tool("portal_workflow")
    workflow.setStatusOf(
        wf_id,
        obj,
        {
            "review_state": state,
            "action": "publish" if state == "published" else None,
            "actor": "admin",
            "time": when,
            "comments": "",
        },
    )
    workflow[wf_id].updateRoleMappingsFor(obj)


def store(container, obj, intids):
    container._setObject(obj.id, obj, suppress_events=True)
    obj = container[obj.id]
    intids.register(obj)
    return obj


def flush(catalog, batch, done, total, label, started):
    for obj in batch:
        catalog.catalog_object(obj)
    batch.clear()
    transaction.savepoint(optimistic=True)
    if done % (BATCH * 10) == 0 or done == total:
        transaction.commit()
        api.portal.get()._p_jar.cacheGC()
        rate = done / (time.perf_counter() - started)
        print(f"  {label}: {done}/{total} ({rate:.0f}/s)", flush=True)


def build_agencies(site):
    agencies = []
    with api.env.adopt_roles(["Manager"]):
        for n in range(AGENCY_COUNT):
            agency = api.content.create(
                container=site,
                type="DisclosureAgency",
                id=f"agency{n:02d}",
                title="通辽市人民政府" if n == 0 else f"通辽市第{n}局",
                credit_code=credit_code(n + 1),
                agency_kind="government" if n == 0 else "department",
            )
            api.content.transition(agency, to_state="published")
            agencies.append(agency)
    transaction.commit()
    return agencies


def plain_text(obj, richtext):
    """html_to_text of the bodies built here (paragraphs only), without
    portal_transforms' three transforms: the words indexed are the same."""
    return TAGS.sub(" ", richtext.raw) if richtext is not None else ""


def build_documents(site, agencies, rng):
    from tongliao.disclosure.policy.index_numbers import format_index_number
    from tongliao.disclosure.policy.index_numbers import get_counter
    from tongliao.disclosure.vocabularies import subject_tree

    catalog = api.portal.get_tool("portal_catalog")
    intids = getUtility(IIntIds)
    wf_id = api.portal.get_tool("portal_workflow").getChainForPortalType(
        "PolicyDocument"
    )[0]
    subjects = [c["token"] for top in subject_tree() for c in top["children"]]
    kinds = [k for k, w in KIND_WEIGHTS.items() for _ in range(w)]
    states = ["published"] * 96 + [s for s, w in UNPUBLISHED.items() for _ in range(w)]
    serials = {}
    documents = []
    batch = []
    started = time.perf_counter()
    for n in range(SIZE):
        agency = agencies[n % len(agencies)]
        year = rng.randint(2015, 2025)
        written = date(year, rng.randint(1, 12), rng.randint(1, 28))
        published = min(
            written + timedelta(days=rng.randint(1, 25)), date(2025, 12, 31)
        )
        topic = rng.choice(TOPICS)
        kind = rng.choice(kinds)
        state = rng.choice(states)
        doc = createContent(
            "PolicyDocument",
            id=f"doc{n:06d}",
            title=f"通辽市关于{topic}工作的{'意见' if kind == 'opinion' else '通知'}",
            document_number=f"通政发〔{year}〕{n // 12 + 1}号",
            issuing_agency=agency.title,
            date_written=written,
            document_kind=kind,
            subject_category=rng.choice(subjects),
            validity=rng.choice(VALIDITY),
            disclosure_attribute="proactive",
            is_normative=rng.random() < 0.1,
            text=RichTextValue(body(rng, topic), "text/html", "text/x-html-safe"),
        )
        doc.creators = ("admin",)
        if state == "published":
            key = (agency.id, published.year)
            serials[key] = serials.get(key, 0) + 1
            doc.index_number = format_index_number(
                agency.credit_code, published.year, serials[key]
            )
            doc.setEffectiveDate(DateTime(f"{published.isoformat()} 09:00 GMT+8"))
        doc = store(agency, doc, intids)
        set_state(doc, wf_id, state, DateTime(f"{published.isoformat()} 09:00 GMT+8"))
        if state == "published":
            documents.append(doc)
        batch.append(doc)
        if len(batch) == BATCH or n + 1 == SIZE:
            flush(catalog, batch, n + 1, SIZE, "documents", started)
    for (agency_id, year), serial in serials.items():
        counter = get_counter(site[agency_id])
        counter.last = {**counter.last, year: serial}
    transaction.commit()
    return [(d.getPhysicalPath()) for d in documents], time.perf_counter() - started


def build_interpretations(site, document_paths, rng):
    catalog = api.portal.get_tool("portal_catalog")
    intids = getUtility(IIntIds)
    wf_id = api.portal.get_tool("portal_workflow").getChainForPortalType(
        "PolicyInterpretation"
    )[0]
    count = SIZE // 10
    batch = []
    started = time.perf_counter()
    for n in range(count):
        doc = site.unrestrictedTraverse(rng.choice(document_paths))
        agency = doc.__parent__
        interpretation = createContent(
            "PolicyInterpretation",
            id=f"jd{n:06d}",
            title=f"《{doc.title}》政策解读",
            interpreted_documents=[RelationValue(intids.getId(doc))],
            interpretation_form=["text"],
            interpreting_agency=agency.title,
            interpreter="办公室",
            text=RichTextValue(body(rng, "政策解读"), "text/html", "text/x-html-safe"),
        )
        interpretation.creators = ("admin",)
        interpretation.setEffectiveDate(doc.effective())
        interpretation = store(agency, interpretation, intids)
        set_state(interpretation, wf_id, "published", doc.effective())
        batch.append(interpretation)
        if len(batch) == BATCH or n + 1 == count:
            flush(catalog, batch, n + 1, count, "interpretations", started)
    transaction.commit()


def build_applications(site, agencies, rng):
    from tongliao.disclosure.applications.workflow import initialise
    from tongliao.disclosure.applications.workflow import perform

    catalog = api.portal.get_tool("portal_catalog")
    intids = getUtility(IIntIds)
    workflow = api.portal.get_tool("portal_workflow")
    count = min(SIZE // 20, 1000)
    batch = []
    started = time.perf_counter()
    with api.env.adopt_roles(["Manager"]):
        for n in range(count):
            agency = agencies[n % len(agencies)]
            received = date(2025, 1, 2) + timedelta(days=rng.randint(0, 330))
            applicant = rng.choice(APPLICANTS)
            app = createContent(
                "DisclosureApplication",
                id=f"ysq{n:06d}",
                applicant_type=applicant,
                applicant_name="申请人",
                id_number="11010519491231002X"
                if applicant == "natural_person"
                else agency.credit_code,
                phone="13812345678",
                description="申请公开本单位的有关信息",
                provision_form="email",
                obtain_method="email",
                channel="online",
                received_date=received,
            )
            app = store(agency, app, intids)
            workflow.notifyCreated(app)
            initialise(app)
            roll = rng.random()
            if roll < 0.8:
                day = min(
                    received + timedelta(days=rng.randint(3, 25)), date(2025, 12, 20)
                )
                perform(
                    app,
                    "reply",
                    day=day,
                    outcome=rng.choice(OUTCOMES),
                    reasons="依法答复",
                )
            elif roll < 0.85:
                perform(app, "withdraw", day=received + timedelta(days=2), note="撤回")
            batch.append(app)
            if len(batch) == BATCH or n + 1 == count:
                flush(catalog, batch, n + 1, count, "applications", started)
    transaction.commit()


def build_extras(site, agencies):
    """Directory items and stock Documents through the real add path."""
    from tongliao.disclosure.directory import spreadsheet

    with api.env.adopt_roles(["Manager"]):
        directory = spreadsheet.directory_of(agencies[0], create=True)
        per_category = DIRECTORY_ITEMS // 20
        for c in range(20):
            category = api.content.create(
                container=directory,
                type="DirectoryCategory",
                id=f"c{c:02d}",
                title=f"一级事项{c + 1}",
            )
            for i in range(per_category):
                item = api.content.create(
                    container=category,
                    type="DirectoryItem",
                    id=f"i{i:03d}",
                    title=f"事项{c + 1}-{i + 1}",
                    code=f"TL{c:02d}{i:03d}",
                    level1_item=f"一级事项{c + 1}",
                    level2_item=f"二级事项{i + 1}",
                    content_elements="公开内容",
                    time_limit="信息形成或者变更之日起20个工作日内",
                    responsible_body=agencies[0].title,
                    channels=["website"],
                    audience="public",
                    disclosure_mode="proactive",
                    level=["city"],
                )
                set_state(
                    item,
                    api.portal.get_tool("portal_workflow").getChainFor(item)[0],
                    "published",
                    DateTime(),
                )
                item.reindexObject()
        transaction.commit()
        folder = api.content.create(container=site, type="Folder", id="stock")
        api.content.transition(folder, "publish")
        for n in range(STOCK_DOCUMENTS):
            page = api.content.create(
                container=folder,
                type="Document",
                id=f"page{n:04d}",
                title=f"通辽市关于{TOPICS[n % len(TOPICS)]}工作的通知",
                text=RichTextValue(
                    body(random.Random(n), TOPICS[n % len(TOPICS)]),
                    "text/html",
                    "text/x-html-safe",
                ),
            )
            api.content.transition(page, "publish")
        transaction.commit()


def main(app):
    app = makerequest(app)
    admin = app.acl_users.getUser("admin")
    if admin is None:
        app.acl_users._doAddUser("admin", "admin", ["Manager"], [])
        admin = app.acl_users.getUser("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    rng = random.Random(SEED)
    started = time.perf_counter()
    print(f"building {SIZE} documents into {STAMP.parent}", flush=True)
    site = make_site(app)
    setSite(site)
    indexers.html_to_text = plain_text
    agencies = build_agencies(site)
    document_paths, document_seconds = build_documents(site, agencies, rng)
    build_interpretations(site, document_paths, rng)
    build_applications(site, agencies, rng)
    build_extras(site, agencies)
    seconds = time.perf_counter() - started
    STAMP.write_text(
        json.dumps(
            {
                "version": DATA_VERSION,
                "documents": SIZE,
                "build_seconds": round(seconds, 1),
                "document_rate": round(SIZE / document_seconds, 1),
            }
        )
    )
    print(f"built in {seconds:.0f} s", flush=True)


main(globals()["app"])  # noqa: F821 - injected by zconsole
