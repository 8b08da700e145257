# ruff: noqa: E501  (the matrix is a table: one row per role)
"""The permission matrix: roles × states of both workflows × read channels, over HTTP.

One table says who may read an item in each state (``READ`` for
disclosure_review_workflow, ``CASE_READ`` for disclosure_application_workflow);
every channel's expected answer is derived from it in ``expected()``, which
states, per channel, the rule it follows. The test builds one world with an item
in every state and asks every channel as every role over real HTTP through the
WSGI server; all mismatches are reported together, by cell.

The write paths (PATCH, revert, properties, children, import, copy, rename …)
are the subject of tests/test_integrity.py.
"""

from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.helpers import PNG
from tests.helpers import rel
from tests.review_support import CLEAR
from tests.review_support import create_item
from tests.review_support import make_agency
from tests.review_support import make_users
from tests.review_support import PASSWORD
from tests.review_support import publish
from tests.review_support import submit
from tests.world_support import world_fixture
from tongliao.disclosure.review.staging import review_to
from tongliao.disclosure.review.workflow import perform
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import gzip
import pytest
import re


ROLES = [
    "Anonymous",
    "Member",
    "author",
    "department reviewer",
    "secrecy reviewer",
    "approver",
    "disclosure officer",
    "Site Administrator",
    "Manager",
]
USER_OF = {
    "Member": "member",
    "author": "editor",  # the editors group: Contributor, Editor, Reader
    "department reviewer": "dept",
    "secrecy reviewer": "secrecy",
    "approver": "approver",
    "disclosure officer": "officer",
    "Site Administrator": "siteadmin",
    "Manager": "admin",
}
STATES = [
    "draft",
    "pending_department_review",
    "pending_secrecy_review",
    "pending_approval",
    "published",
    "withdrawn",
]
CASE_STATES = [
    "registered",
    "awaiting_correction",
    "processing",
    "consulting",
    "replied",
    "withdrawn",
    "archived",
]

# Who may read a reviewable item, by state: "x" yes, "." no.
# fmt: off
# role                   draft  dept  secr  appr  publ  withdrawn
READ = {
    "Anonymous":           ".     .     .     .     x     .",
    "Member":              ".     .     .     .     x     .",
    "author":              "x     x     x     x     x     x",
    "department reviewer": ".     x     x     x     x     x",
    "secrecy reviewer":    ".     x     x     x     x     x",
    "approver":            ".     x     x     x     x     x",
    "disclosure officer":  ".     .     .     .     x     .",
    "Site Administrator":  "x     x     x     x     x     x",
    "Manager":             "x     x     x     x     x     x",
}
# Who may open an application case (any state), and who sees its personal data.
# role                   case  personal data
CASE_READ = {
    "Anonymous":           ".     .",
    "Member":              ".     .",
    "author":              ".     .",
    "department reviewer": ".     .",
    "secrecy reviewer":    ".     .",
    "approver":            "x     .",
    "disclosure officer":  "x     x",
    "Site Administrator":  "x     .",
    "Manager":             "x     x",
}
# fmt: on
# The approver opens a case only while it can be extended (art. 33(2)).
OPEN_CASE_ONLY = {"approver": CASE_STATES[:4]}
# Roles that may see an item's earlier versions (@history) where they may read it.
HISTORY_ROLES = {"author", "Site Administrator", "Manager"}

ITEM_CHANNELS = [
    "page",  # the item's HTML page
    "rest",  # REST GET of the item
    "rest_search",  # @search
    "search_page",  # @@search
    "sitemap",  # sitemap.xml.gz
    "download",  # @@download of the item's attachment
    "images",  # @@images of the item's image
    "history",  # @history
    "relation",  # listed in a published document's directory_items (REST JSON)
    "navigation",  # a page of a section in @navigation
    "catalogue_html",  # @@disclosure-catalog
    "catalogue_json",  # @disclosure-catalog
    "catalogue_csv",  # @@disclosure-catalog.csv
    "rss",  # @@disclosure-feed
]
CASE_CHANNELS = ["case_page", "case_rest", "case_search", "case_personal"]


def reads(role, state):
    return READ[role].split()[STATES.index(state)] == "x"


def expected(channel, role, state):
    """The rule each channel follows, from the READ / CASE_READ tables."""
    if channel in ("catalogue_html", "catalogue_json", "catalogue_csv", "rss"):
        return state == "published"  # public listings: published only, for everyone
    if channel == "history":
        return reads(role, state) and role in HISTORY_ROLES
    if channel in CASE_CHANNELS:
        case, personal = (mark == "x" for mark in CASE_READ[role].split())
        if role in OPEN_CASE_ONLY:
            case = case and state in OPEN_CASE_ONLY[role]
        return personal if channel == "case_personal" else case
    return reads(role, state)


CELLS = [
    (role, state, channel)
    for role in ROLES
    for state in STATES
    for channel in ITEM_CHANNELS
] + [
    (role, state, channel)
    for role in ROLES
    for state in CASE_STATES
    for channel in CASE_CHANNELS
]


def key(state):
    """A word only the item in ``state`` carries (its title and text)."""
    return "mx" + "".join(word[:3] for word in state.split("_"))


def bring_to(obj, state):
    if state == "draft":
        return obj
    if state in ("published", "withdrawn"):
        publish(obj)
        if state == "withdrawn":
            with api.env.adopt_user(username="editor"):
                perform(obj, "withdraw", "调整")
        return obj
    submit(obj)
    count = STATES.index(state) - 1
    for userid, checklist in [("dept", None), ("secrecy", CLEAR)][:count]:
        with api.env.adopt_user(username=userid):
            perform(obj, "pass", "同意", checklist)
    assert api.content.get_state(obj) == state
    return obj


CASE_PATHS = {
    "registered": (),
    "awaiting_correction": ("request_correction",),
    "processing": ("accept",),
    "consulting": ("accept", "start_consultation"),
    "replied": ("accept", "reply"),
    "withdrawn": ("withdraw",),
    "archived": ("withdraw", "archive"),
}
APPLICANT_NAME = "欧阳申请"


def make_case(agency, state):
    # Set-up shortcut: the state is what matters here, not the case engine, so
    # the transitions are fired directly with the role that runs them.
    with api.env.adopt_roles(["Manager"]):
        case = api.content.create(
            container=agency,
            type="DisclosureApplication",
            id=f"case-{state}",
            channel="in_person",
            received_date=date(2026, 9, 1),
            applicant_type="natural_person",
            applicant_name=APPLICANT_NAME,
            id_number="11010519491231002X",
            phone="13812345678",
            description=f"申请公开 {key(state)}",
            provision_form="email",
            obtain_method="email",
        )
    wftool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["ApplicationWorkflowRunner", "Manager"]):
        for transition in CASE_PATHS[state]:
            wftool.doActionFor(case, transition)
    assert api.content.get_state(case) == state
    return case


def build_world(portal):
    """The agency with an item, a page and a directory entry in every review
    state, a case in every case state, and the users (once per module)."""
    make_agency(portal)
    make_users(portal)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="siteadmin", email="sa@example.org", password=PASSWORD)
        api.user.grant_roles(username="siteadmin", roles=["Site Administrator"])
    api.portal.set_registry_record("plone.enable_sitemap", True)
    agency = portal["agency"]
    section = agency["zfxxgkzd"]
    intids = getUtility(IIntIds)
    items, pages, entries, cases = {}, {}, {}, {}
    from tongliao.disclosure.directory import spreadsheet

    with api.env.adopt_roles(["Manager"]):
        directory = spreadsheet.directory_of(agency, create=True)
        category = api.content.create(
            container=directory, type="DirectoryCategory", id="cat", title="概况信息"
        )
    for number, state in enumerate(STATES, start=1):
        doc = create_item(agency, title=f"矩阵文件 {key(state)}", text=key(state))
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=doc,
                type="File",
                id="attachment",
                file=NamedBlobFile(b"ATTACHMENT", filename="a.txt"),
            )
            api.content.create(
                container=doc,
                type="Image",
                id="picture",
                image=NamedBlobImage(PNG, filename="p.png"),
            )
        items[state] = bring_to(doc, state)
        with api.env.adopt_user(username="editor"):
            page = api.content.create(
                container=section, type="Document", title=f"栏目页面 {key(state)}"
            )
            entry = api.content.create(
                container=category,
                type="DirectoryItem",
                title=f"目录事项 {key(state)}",
                code=f"ZWGK-9{number:02d}",
                level1_item="概况信息",
                level2_item=f"目录事项 {key(state)}",
            )
        pages[state] = review_to(page, state) if state != "draft" else page
        entries[state] = review_to(entry, state) if state != "draft" else entry
    for state in CASE_STATES:
        cases[state] = make_case(agency, state)
    referrer = create_item(agency, title="矩阵引用文件")
    referrer.directory_items = [
        RelationValue(intids.getId(e)) for e in entries.values()
    ]
    publish(referrer)

    def paths(objects):
        return {state: obj.getPhysicalPath() for state, obj in objects.items()}

    return {
        "items": paths(items),
        "pages": paths(pages),
        "entries": paths(entries),
        "cases": paths(cases),
        "referrer": referrer.getPhysicalPath(),
    }


# Every test here only reads: the world is built once for the module.
matrix_world = world_fixture(build_world, "matrix_world")


@pytest.fixture
def world(matrix_world, functional_portal):
    """The module's world, as objects of this test's connection."""
    get = functional_portal.unrestrictedTraverse
    world = {
        name: {state: get(path) for state, path in paths.items()}
        for name, paths in matrix_world.items()
        if name != "referrer"
    }
    world["referrer"] = get(matrix_world["referrer"])
    return world


def visible(channel, state, world, s, cache):
    """Does ``channel`` show the item in ``state`` to the session ``s``?"""
    items = world["items"]
    item = items.get(state)

    def once(name, fetch):
        if name not in cache:
            cache[name] = fetch()
        return cache[name]

    if channel == "page":
        r = s["html"].get(rel(item), allow_redirects=False)
        return r.status_code == 200 and key(state) in r.text
    if channel == "rest":
        r = s["api"].get(rel(item))
        return r.status_code == 200 and key(state) in r.text
    if channel == "rest_search":
        text = once("rest_search", lambda: s["api"].get(
            "@search", params={"SearchableText": "矩阵文件", "b_size": 100}).text)  # fmt: skip
        return item.absolute_url() in text
    if channel == "search_page":
        text = once("search_page", lambda: s["html"].get(
            "@@search", params={"SearchableText": "矩阵文件"}).text)  # fmt: skip
        return item.absolute_url() in text
    if channel == "sitemap":

        def sitemap():
            r = s["html"].get("sitemap.xml.gz")
            text = gzip.decompress(r.content).decode("utf-8")
            for page in re.findall(r"<loc>[^<]*\?page=(\d+)</loc>", text):
                part = s["html"].get("sitemap.xml.gz", params={"page": page})
                text += gzip.decompress(part.content).decode("utf-8")
            return text

        return item.absolute_url() + "<" in once("sitemap", sitemap)
    if channel == "download":
        r = s["html"].get(
            rel(item) + "/attachment/@@download/file", allow_redirects=False
        )
        return r.status_code == 200 and r.content == b"ATTACHMENT"
    if channel == "images":
        r = s["html"].get(rel(item) + "/picture/@@images/image", allow_redirects=False)
        return r.status_code == 200 and r.content[:4] == b"\x89PNG"
    if channel == "history":
        r = s["api"].get(rel(item) + "/@history")
        return r.status_code == 200 and r.text.lstrip().startswith("[")
    if channel == "relation":
        text = once("relation", lambda: s["api"].get(rel(world["referrer"])).text)
        return world["entries"][state].absolute_url() in text
    if channel == "navigation":
        text = once("navigation", lambda: s["api"].get(
            "@navigation", params={"expand.navigation.depth": 4}).text)  # fmt: skip
        text += once(
            "section", lambda: s["api"].get(rel(world["pages"][state].__parent__)).text
        )
        return world["pages"][state].absolute_url() in text
    if channel == "catalogue_html":
        text = once("cat_html", lambda: s["html"].get(
            "@@disclosure-catalog", params={"q": "矩阵文件"}).text)  # fmt: skip
        return item.absolute_url() in text
    if channel == "catalogue_json":
        text = once("cat_json", lambda: s["api"].get(
            "@disclosure-catalog", params={"q": "矩阵文件"}).text)  # fmt: skip
        return item.absolute_url() in text
    if channel == "catalogue_csv":
        text = once("cat_csv", lambda: s["html"].get(
            "@@disclosure-catalog.csv", params={"q": "矩阵文件"}).text)  # fmt: skip
        return item.absolute_url() in text
    if channel == "rss":
        text = once("rss", lambda: s["html"].get("@@disclosure-feed").text)
        return item.absolute_url() in text
    case = world["cases"][state]
    if channel == "case_page":
        r = s["html"].get(rel(case), allow_redirects=False)
        return r.status_code == 200 and key(state) in r.text
    if channel == "case_rest":
        r = s["api"].get(rel(case))
        return r.status_code == 200 and key(state) in r.text
    if channel == "case_search":
        text = once("case_search", lambda: s["api"].get(
            "@search", params={"portal_type": "DisclosureApplication", "b_size": 100}).text)  # fmt: skip
        return case.absolute_url() + '"' in text
    if channel == "case_personal":
        page = s["html"].get(rel(case), allow_redirects=False).text
        data = s["api"].get(rel(case)).text
        return APPLICANT_NAME in page + data or "11010519491231002X" in page + data
    raise AssertionError(channel)


def sessions(request_factory, role):
    def make(api_):
        if role == "Anonymous":
            session = request_factory(api=api_)
        elif role == "Manager":
            session = request_factory(api=api_, role="Manager")
        else:
            session = request_factory(api=api_, basic_auth=(USER_OF[role], PASSWORD))
        if not api_:
            session.headers["Accept"] = "text/html"
        return session

    return {"api": make(True), "html": make(False)}


def test_matrix_size():
    assert len(CELLS) == len(ROLES) * (
        len(STATES) * len(ITEM_CHANNELS) + len(CASE_STATES) * len(CASE_CHANNELS)
    )
    assert len(CELLS) == 1008


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, request_factory, role):
    s = sessions(request_factory, role)
    cache = {}
    wrong = []
    for cell_role, state, channel in CELLS:
        if cell_role != role:
            continue
        want = expected(channel, role, state)
        got = visible(channel, state, world, s, cache)
        if got != want:
            wrong.append(f"{role} × {state} × {channel}: expected "
                         f"{'allow' if want else 'deny'}, got {'allow' if got else 'deny'}")  # fmt: skip
    assert not wrong, "\n".join(wrong)


def test_readme_shows_this_table():
    """README's "Who reads what" table is this module's READ table."""
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.rst").read_text(encoding="utf-8")
    for role, marks in READ.items():
        label = {"author": "author (信息员)"}.get(role, role)
        rows = re.findall(
            rf"^  {re.escape(label)} +([x.](?: +[x.]){{5}})$", readme, re.M
        )
        assert rows and rows[0].split() == marks.split(), role
