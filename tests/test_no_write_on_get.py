"""No view writes on GET: none sends anyone to plone.protect's confirmation page.

Every browser view and REST GET service the add-on registers is found in the
component registry and requested, over real HTTP, on an object it is registered
for, as each role. A view that writes while being read (a lazily created list,
a counter) makes plone.protect answer with its "确认用户操作" page for the
users who may write; the test fails on that, and on any 500.
"""

from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from tests.consultation_support import make_consultation
from tests.consultation_support import make_feedback
from tests.directory_helpers import demo_records
from tests.review_support import create_interpretation
from tests.review_support import create_item
from tests.review_support import make_agency
from tests.review_support import make_users
from tests.review_support import PASSWORD
from tests.review_support import publish
from tests.world_support import world_fixture
from tongliao.disclosure.complaints.workflow import file_complaint
from tongliao.disclosure.consultation import comments
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.messages.workflow import file_message
from zope.component import getGlobalSiteManager
from zope.interface import providedBy

import pytest


ROLES = {
    "Anonymous": None,
    "author": "editor",
    "approver": "approver",
    "disclosure officer": "officer",
    "Manager": "admin",
}


def our_views():
    """(required interfaces, name, is_service) of every GET view we register."""
    found = []
    for reg in getGlobalSiteManager().registeredAdapters():
        factory = reg.factory
        mro = getattr(factory, "__mro__", ())
        if not any(getattr(c, "__module__", "").startswith("tongliao.") for c in mro):
            continue
        if len(reg.required) != 2 or not reg.name:
            continue
        layer = reg.required[1]
        if "IBrowserRequest" not in {i.__name__ for i in layer.__iro__}:
            continue
        if reg.name.startswith(("POST_", "PATCH_", "PUT_", "DELETE_")):
            continue
        service = reg.name.startswith("GET_")
        name = reg.name.split("_", 3)[-1] if service else reg.name
        if "viewlet" in reg.name or name.startswith("tongliao.disclosure."):
            continue
        found.append((reg.required[0], name, service))
    return sorted(set(found), key=lambda v: (v[1], str(v[0])))


def build_world(portal):
    agency = make_agency(portal)
    make_users(portal)
    doc = create_item(agency, title="读取测试文件", text="正文")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=doc,
            type="File",
            id="f",
            file=NamedBlobFile(b"x", filename="x.txt"),
        )
    publish(doc)
    create_interpretation(agency, [doc])
    parsed = spreadsheet.parse_records(demo_records()[:3])
    with api.env.adopt_roles(["Manager"]):
        spreadsheet.apply_plan(agency, spreadsheet.plan_import(agency, parsed.rows))
        api.content.create(
            container=agency, type="AnnualReport", id="report", year=2025
        )
        api.content.create(
            container=agency,
            type="DisclosureApplication",
            id="case",
            channel="in_person",
            received_date=date(2026, 9, 1),
            applicant_type="natural_person",
            applicant_name="读取测试",
            id_number="11010519491231002X",
            phone="13812345678",
            description="申请公开测试",
            provision_form="email",
            obtain_method="email",
        )
        page = api.content.create(
            container=agency["zfxxgkzd"], type="Document", title="栏目页面"
        )
        # Governance (assessment/, accountability/): the city office's items.
        api.content.create(
            container=agency, type="Assessment", id="assessment", year=2026, quarter=1
        )
        api.content.create(
            container=agency,
            type="AccountabilityRecord",
            id="record",
            source_kind="monitor",
            finding="读取测试",
            responsible_unit="办公室",
            measure="talk",
            decision_date=date(2026, 9, 1),
        )
    # 举报受理 and 政民互动 (complaints/, messages/).
    complaint = file_complaint(agency, category="other", details="读取测试举报")
    message = file_message(
        agency,
        title="读取测试留言",
        question="问题",
        writer_name="读取",
        phone="13800000000",
    )
    # 意见征集 (consultation/): a published consultation with a comment and its
    # feedback report (draft).
    consultation = publish(make_consultation(agency))
    comments.add_comment(consultation, "读取测试意见", name="读取测试")
    make_feedback(agency, consultation, doc)
    objects = [portal, agency, doc, page, agency["zfxxgkzd"], agency["case"]]
    objects += [complaint, message]
    objects += [
        o for o in agency.objectValues() if o.portal_type != "DisclosureSection"
    ]
    directory_types = ["DirectoryItem", "DirectoryCategory", "StandardDirectory"]
    for brain in api.content.find(context=agency, portal_type=directory_types):
        objects.append(brain.getObject())
    return [obj.getPhysicalPath() for obj in objects]


# Built once for the module (tests/world_support.py); each test only reads.
no_write_world = world_fixture(build_world, "no_write_world")


@pytest.fixture
def world(no_write_world, functional_portal):
    return [functional_portal.unrestrictedTraverse(path) for path in no_write_world]


def target(objects, required):
    for obj in objects:
        if required.providedBy(obj) or required in providedBy(obj).flattened():
            return obj
    return None


@pytest.mark.parametrize("role", list(ROLES))
def test_no_view_writes_on_get(world, request_factory, role):
    user = ROLES[role]
    views = our_views()
    assert len(views) > 40
    if user is None:
        html, rest = request_factory(api=False), request_factory()
    elif user == "admin":
        html, rest = (
            request_factory(api=False, role="Manager"),
            request_factory(role="Manager"),
        )
    else:
        html = request_factory(api=False, basic_auth=(user, PASSWORD))
        rest = request_factory(basic_auth=(user, PASSWORD))
    html.headers["Accept"] = "text/html"
    problems, requested = [], 0
    for required, name, service in views:
        obj = target(world, required)
        if obj is None:
            continue
        path = "/".join(obj.getPhysicalPath()[2:])
        url = f"{path}/{name}" if service else f"{path}/@@{name}"
        response = (rest if service else html).get(
            url.lstrip("/"), allow_redirects=False
        )
        requested += 1
        location = response.headers.get("Location", "")
        if "confirm-action" in location or "确认用户操作" in response.text:
            problems.append(f"{url}: writes on GET")
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
    assert requested > 40
    assert not problems, "\n".join(problems)
